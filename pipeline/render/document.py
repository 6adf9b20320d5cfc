"""Render a draft into a Word report with docxtpl — safely, loudly and deterministically.

* Jinja runs in a :class:`~jinja2.sandbox.SandboxedEnvironment` with autoescape (``&``, ``<`` in the
  content cannot corrupt the XML) and :class:`~jinja2.StrictUndefined` (a variable the context lacks is
  an error, never an empty string).
* docxtpl re-parses the rendered body with ``recover=True``, which would hide damage; every rendered
  part is first parsed strictly here, and every XML part of the saved package again at the end.
* Template problems (not a .docx, Jinja syntax errors, unknown variables) are :class:`UserError`\\ s
  naming the template file, the part and the place.
* Core properties come from the content (title, author = reporter, dates = the draft's date at
  00:00 UTC) and the zip is written with fixed timestamps: two renders are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docxtpl.template as docxtpl_template
import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from pipeline.content.model import Draft
from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.render.context import build_context
from pipeline.render.limits import (
    DEFAULT_LIMITS,
    LimitedMixin,
    LimitedTemplate,
    RenderLimits,
    TemplateLimitError,
)
from pipeline.render.unplaced import append_section
from pipeline.render.verify import verify_text
from pipeline.word.house_style import set_core_properties, template_problem
from pipeline.word.package import normalize_zip, read_package

__all__ = ["render_report", "build_context", "jinja_environment", "check_well_formed"]

_STRICT = etree.XMLParser(recover=False, resolve_entities=False, huge_tree=True, no_network=True)


class _HugeTreeEtree:
    """``lxml.etree`` as docxtpl sees it, with ``huge_tree`` on in every parser it makes.

    docxtpl re-parses the rendered body with ``recover=True``; libxml2 cuts any text node over 10 MB
    there and the recovery hides it, so a long paragraph ended mid-sentence with everything after it
    gone.  With ``huge_tree`` the node is kept whole (and :mod:`pipeline.render.verify` checks it).
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(etree, name)

    @staticmethod
    def XMLParser(**options: Any) -> etree.XMLParser:  # lxml's name
        return etree.XMLParser(**{"huge_tree": True, **options})


docxtpl_template.etree = _HugeTreeEtree()


class _CompilingOnceEnvironment(LimitedMixin, SandboxedEnvironment):
    """A sandboxed environment that compiles each distinct template source once per process.

    docxtpl hands every part's XML to ``from_string`` on every render; with one template shared by
    thousands of drafts, compiling it again each time was a tenth of a build.  Templates render
    under the limits of :mod:`pipeline.render.limits` (size, loop work, output, time).
    """

    _CACHE_SIZE = 64
    template_class = LimitedTemplate

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.install_limits()
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(  # jinja's signature, hence the name globals
        self, source: Any, globals: Any = None, template_class: Any = None
    ) -> jinja2.Template:
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            if len(self._compiled) >= self._CACHE_SIZE:
                self._compiled.clear()
            template = self._compiled[source] = super().from_string(source)
        return template


_ENVIRONMENT: _CompilingOnceEnvironment | None = None


def jinja_environment() -> _CompilingOnceEnvironment:
    """The only Jinja environment templates run in: sandboxed, autoescaping, strict about undefined.

    One per process, so compiled templates are reused (see :class:`_CompilingOnceEnvironment`).
    """
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        _ENVIRONMENT = _CompilingOnceEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    return _ENVIRONMENT


class _CorruptPart(Exception):
    def __init__(self, part: str, detail: str):
        super().__init__(f"{part}: {detail}")
        self.part, self.detail = part, detail


def check_well_formed(part: str, xml: str | bytes) -> None:
    """Parse ``xml`` strictly (no recovery); raise :class:`_CorruptPart` when it is not well-formed."""
    try:
        etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, parser=_STRICT)
    except etree.XMLSyntaxError as exc:
        raise _CorruptPart(part, str(exc)) from None


class _StrictTemplate(DocxTemplate):
    """docxtpl with a strict parse of each rendered part before docxtpl's own forgiving one."""

    last_source: str = ""

    def render_xml_part(
        self, src_xml: str, part: Any, context: Any, jinja_env: Any = None
    ) -> Any:  # docxtpl hook
        self.last_source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)  # docxtpl's own line layout
        return super().render_xml_part(src_xml, part, context, jinja_env)

    def fix_tables(self, xml: str) -> Any:  # docxtpl hook
        check_well_formed("word/document.xml", xml)
        return super().fix_tables(xml)

    def map_headers_footers_xml(self, relKey: str, xml: str) -> Any:  # docxtpl hook (its argument names)
        check_well_formed(str(self.docx.part.rels[relKey].target_ref), xml)
        return super().map_headers_footers_xml(relKey, xml)


def _part_name(tpl: _StrictTemplate) -> str:
    part = getattr(tpl, "current_rendering_part", None)
    return str(part.partname).lstrip("/") if part is not None else "word/document.xml"


def _template_line(exc: BaseException) -> int | None:
    """The line of the rendered template source where Jinja failed (from the traceback)."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _near(tpl: _StrictTemplate, line: int | None) -> str:
    """The visible text of template source line ``line`` (docxtpl puts one paragraph on a line)."""
    lines = tpl.last_source.splitlines()
    if line is None or not 0 < line <= len(lines):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[line - 1]).strip()
    return _(", near “{text}”").format(text=text[:80]) if text else ""


def _template_error(template: Path, tpl: _StrictTemplate, exc: Exception) -> UserError:
    line = _template_line(exc)
    where = f"{_part_name(tpl)}" + (_(" line {line}").format(line=line) if line else "") + _near(tpl, line)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message = _("template syntax error in {where}: {error}").format(where=where, error=exc.message)
        hint = _("fix the Jinja tag in Word")
    elif isinstance(exc, jinja2.UndefinedError):
        message = _("the template uses a variable the report does not have, in {where}: {error}").format(
            where=where, error=exc.message
        )
        hint = _("see docs/render.md for the variables a template can use")
    elif isinstance(exc, SecurityError):
        message = _("the template does something unsafe, in {where}: {error}").format(where=where, error=exc)
        hint = _("templates may only read variables")
    else:
        message, hint = (
            _("the template failed in {where}: {error}").format(where=where, error=exc),
            _("see docs/render.md"),
        )
    return UserError(Issue(path=template, message=message, hint=hint, code="invalid-document"))


def _limit_error(template: Path, tpl: _StrictTemplate, exc: TemplateLimitError) -> UserError:
    line = _template_line(exc)
    where = _part_name(tpl) + (_(" line {line}").format(line=line) if line else "") + _near(tpl, line)
    return UserError(
        Issue(
            path=template,
            code="template-limit",
            message=_("the template went past a limit in {where}: {detail}").format(
                where=where, detail=exc.detail
            ),
            hint=_(
                "a template only lays out the report: no large repetitions or long loops "
                "(the limits are [render] in shuzhi.toml); nothing was written"
            ),
        )
    )


def _corrupt_error(template: Path, exc: _CorruptPart) -> UserError:
    return UserError(
        Issue(
            path=template,
            message=_("rendering produced a damaged document ({part}: {detail})").format(
                part=exc.part, detail=exc.detail
            ),
            hint=_(
                "a template tag probably cuts through Word's XML (e.g. a {{% %}} tag inside "
                "a field or half of a run); retype the tag as plain text in Word"
            ).format(),
            code="invalid-document",
        )
    )


def _load_template(template: Path) -> _StrictTemplate:
    read_package(template)  # a missing, non-zip, encrypted or bomb file → UserError
    tpl = _StrictTemplate(str(template))
    try:
        tpl.init_docx()
    except Exception as exc:  # python-docx: assorted errors for a damaged package
        raise UserError(
            Issue(
                path=template,
                message=_("cannot open the Word template: {problem}").format(problem=template_problem(exc)),
                hint=_("regenerate it or save it again from Word as .docx"),
                code="invalid-document",
            )
        ) from None
    return tpl


def render_context(
    context: dict[str, Any],
    template: Path,
    *,
    title: str,
    author: str,
    date: dt.date,
    unplaced: list[str] | None = None,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> bytes:
    """Render ``context`` into ``template``; deterministic .docx bytes.  Errors → :class:`UserError`.

    ``unplaced`` paragraphs are appended after the template's body as the 待归位内容 section
    (:mod:`pipeline.render.unplaced`), whatever the template.
    """
    template = Path(template)
    tpl = _load_template(template)
    environment = jinja_environment()
    try:
        with environment.limited(limits):
            tpl.render(context, environment, autoescape=True)
    except _CorruptPart as exc:
        raise _corrupt_error(template, exc) from None
    except TemplateLimitError as exc:
        raise _limit_error(template, tpl, exc) from None
    except (jinja2.TemplateError, SecurityError) as exc:
        raise _template_error(template, tpl, exc) from None
    except (OverflowError, MemoryError, RecursionError, ValueError, TypeError) as exc:
        # What a template's own code can raise (a huge number, endless recursion of a macro, a bad
        # argument): the template's fault, never a bug of shuzhi.
        raise _template_error(template, tpl, exc) from None
    append_section(tpl.docx.element.body, unplaced or [])
    set_core_properties(tpl.docx, title=title, author=author, date=date)
    buffer = io.BytesIO()
    tpl.save(buffer)
    data = normalize_zip(buffer.getvalue())
    try:
        verify_package(data)
    except _CorruptPart as exc:
        raise _corrupt_error(template, exc) from None
    return data


def verify_package(data: bytes) -> None:
    """Strictly re-parse every XML part of a saved package."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                check_well_formed(name, archive.read(name))


def render_report(draft: Draft, template: Path, limits: RenderLimits = DEFAULT_LIMITS) -> bytes:
    """The laid-out report of ``draft`` as deterministic .docx bytes, from the Word ``template``.

    The document is checked to hold every paragraph of the draft (:mod:`pipeline.render.verify`).
    """
    context = build_context(draft)
    author = draft.unit.reporter if draft.unit else ""
    data = render_context(
        context,
        template,
        title=context["title"],
        author=author,
        date=draft.report.date,
        unplaced=context["unplaced"],
        limits=limits,
    )
    verify_text(data, context, draft_path=draft.report.path, template=Path(template))
    return data
