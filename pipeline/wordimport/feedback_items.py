"""A reviewer's Word file → ``drafts/<unit>/v<N>/feedback/<department>.yaml``.

* Each comment becomes an item: the text it covers (original wording) is the ``quote``, the comment
  is the ``text``; ``on`` is what the commented paragraph belongs to — a question, problem, measure or
  area id (our bookmarks ``q-Q3``/``p-P2``/``m-M5``/``area-duty`` in a rendered report, heading
  recognition otherwise), else ``report``.  ``kind`` is ``must`` when the comment says 必须/务必/须,
  else ``suggest``.
* Each tracked change becomes a ``suggest`` item quoting the text before and saying what it became.
* Items already in the file (same ``quote`` and ``text``) are not added again.  An existing file is
  never changed without ``force``; with it, the new items are appended to the file as it is.
* Reviewed files come back with comments of several departments' people in them: a comment whose
  author belongs to another department (its ``authors`` in shuzhi.toml, or its name in the author:
  人事处 → 人事) goes to that department's file; authors no department claims are named in a warning
  (their comments stay with ``--department``); tracked changes go by their author the same way.
* When the file's text matches another of the unit's drafts clearly better than ``--draft``, a
  warning names that draft (:mod:`pipeline.wordimport.which_draft`).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.content import yamlsrc
from pipeline.content.config import Config
from pipeline.content.model import Draft, Measure, Problem
from pipeline.errors import Issue, IssueCollector, UserError, by_position, display_path
from pipeline.feedback.load import read_feedback_file
from pipeline.feedback.targets import contains_quote, resolve, target_text
from pipeline.fsutil import atomic_write_text
from pipeline.i18n import _ as tr
from pipeline.wordimport import collect
from pipeline.wordimport.assemble import assign_ids
from pipeline.wordimport.match import dice
from pipeline.wordimport.reader import Para, open_package, read_paragraphs
from pipeline.wordimport.review import Change, locate_comments, read_changes, read_comments
from pipeline.wordimport.structure import Collected
from pipeline.wordimport.which_draft import match_drafts
from pipeline.wordimport.writer import scalar

MUST = re.compile(r"必须|务必|(?<![无毋不勿])须(?!知)")
CONTEXT_CHARS = 12


@dataclass(frozen=True)
class ImportedItem:
    """One feedback item before it gets its id."""

    on: str
    text: str
    kind: str = "suggest"
    quote: str | None = None
    author: str = field(default="", compare=False)  # the comment's author as Word records it

    @property
    def key(self) -> tuple[str, str]:
        """What makes two items the same: quote and text."""
        return (self.quote or "", self.text)


@dataclass(frozen=True)
class Outcome:
    """What an import did."""

    path: Path
    added: int
    skipped: int
    written: bool
    others: tuple[Outcome, ...] = ()  # other departments' files, for comments by their people
    warnings: tuple[str, ...] = ()

    def message(self) -> str:
        """One line for the terminal (and one per other department's file)."""
        return "\n".join(o._line() for o in (self, *self.others))

    def _line(self) -> str:
        where = display_path(self.path)
        if not self.written:
            return tr("{path}: nothing new ({n} item(s) already there)").format(path=where, n=self.skipped)
        return tr("wrote {path}: {added} new item(s), {n} already there").format(
            path=where, added=self.added, n=self.skipped
        )


class Targets:
    """Paragraph index → feedback ``on`` (an id of the draft, or ``report``)."""

    def __init__(self, collected: Collected, draft: Draft):
        self.collected, self.report = collected, draft.report
        self.ids = {
            "problem": assign_ids(collected.problems, "P"),
            "measure": assign_ids(collected.measures, "M"),
        }

    def on(self, paragraph: int | None) -> str:
        """The ``on`` of what paragraph ``paragraph`` belongs to."""
        if paragraph is None:
            return "report"
        kind, key = self.collected.placement.get(paragraph, ("report", ""))
        if kind in ("question", "area"):
            return str(key)
        if kind in ("problem", "measure"):
            return self._item(kind, int(key))
        return "report"

    def _item(self, kind: str, index: int) -> str:
        """A bookmarked item's id when the draft has it; else the draft's item with the closest wording."""
        items = self.collected.problems if kind == "problem" else self.collected.measures
        known: list[Problem | Measure] = list(
            self.report.problems if kind == "problem" else self.report.measures
        )
        ident = self.ids[kind][index]
        if items[index].id is not None and any(x.id == ident for x in known):
            return ident
        text = "\n".join(items[index].paras)
        best = max(known, key=lambda x: dice(text, x.text), default=None)
        return best.id if best is not None and dice(text, best.text) >= 0.5 else "report"


def change_item(change: Change, on: str) -> ImportedItem:
    """A suggest-item for one tracked change, quoting the original text."""
    deleted, inserted = change.deleted.strip(), change.inserted.strip()
    if deleted and inserted:
        return ImportedItem(on=on, quote=deleted, text=f"建议将“{deleted}”改为“{inserted}”。")
    if deleted:
        return ImportedItem(on=on, quote=deleted, text=f"建议删去“{deleted}”。")
    before, after = change.before.strip()[-CONTEXT_CHARS:], change.after.strip()[:CONTEXT_CHARS]
    if before:
        return ImportedItem(on=on, quote=before, text=f"建议在“{before}”后增加“{inserted}”。")
    if after:
        return ImportedItem(on=on, quote=after, text=f"建议在“{after}”前增加“{inserted}”。")
    return ImportedItem(on=on, text=f"建议增加：“{inserted}”。")


def read_review(source: Path, draft: Draft) -> list[ImportedItem]:
    """Every comment and tracked change in ``source`` as a feedback item, in document order."""
    return review_items(source, draft)[0]


def review_items(source: Path, draft: Draft) -> tuple[list[ImportedItem], list[Para]]:
    """The feedback items of ``source`` and its paragraphs (to tell which draft it is)."""
    pkg = open_package(source)
    _unused, collected = collect(pkg, draft.question_set, draft.unit)
    targets = Targets(collected, draft)
    comments = read_comments(pkg)
    locate_comments(pkg, comments)
    found: list[tuple[int, ImportedItem]] = []
    for comment in comments.values():
        if comment.text:
            kind = "must" if MUST.search(comment.text) else "suggest"
            found.append(
                (
                    comment.paragraph if comment.paragraph is not None else -1,
                    ImportedItem(
                        on=targets.on(comment.paragraph),
                        text=comment.text,
                        kind=kind,
                        quote=comment.quote or None,
                        author=comment.author.strip(),
                    ),
                )
            )
    for change in read_changes(pkg):
        item = change_item(change, targets.on(change.paragraph))
        found.append((change.paragraph, replace(item, author=change.author.strip())))
    found.sort(key=lambda pair: pair[0])
    checked = (exact_quote(item, draft) for _unused, item in found)
    return list(dict((item.key, item) for item in checked).values()), read_paragraphs(pkg)


def exact_quote(item: ImportedItem, draft: Draft) -> ImportedItem:
    """``item`` as is when its quote occurs in its target's text; else the quote moves into the text.

    A comment on a heading, a byline or an owner/deadline note covers words the content does not
    contain; the feedback checker would reject such a quote, so it is kept in the text instead.
    """
    if item.quote is None:
        return item
    target = resolve(item.on, draft)
    text = target_text(target, draft) if target is not None else None
    if text is not None and contains_quote(text, item.quote):
        return item
    return ImportedItem(on=item.on, text=f"{item.text}（批注处原文：“{item.quote}”）", kind=item.kind)


def existing_items(path: Path) -> tuple[set[tuple[str, str]], bool]:
    """Keys (quote, text) of the items already in ``path``, and whether new items can be appended
    (``items`` is the last key and a block list, or an empty ``[]``)."""
    issues = IssueCollector()
    root, source = yamlsrc.load(path, issues)
    if root is None or root.kind != "map" or issues:
        raise UserError(
            issues.issues or [Issue(path, tr("not a feedback file"), hint=tr("fix or move it, then retry"))]
        )
    entry = root.entries.get("items")
    if entry is None or entry[1].kind != "seq":
        return set(), False
    keys = set()
    for node in entry[1].items:
        if node.kind == "map":
            values = {k: v.value for k, (_, v) in node.entries.items() if v.kind == "scalar"}
            keys.add((values.get("quote", "").strip("\n"), values.get("text", "").strip("\n")))
    last = max(root.entries.values(), key=lambda kv: kv[0].span.line)[0].value == "items"
    flow = source.text[entry[1].span.start : entry[1].span.start + 1] == "["
    return keys, last and (not flow or not entry[1].items)


def used_ids(folder: Path) -> set[str]:
    """Every item id in the draft's feedback files (ids are unique across departments)."""
    return set(
        re.findall(
            r"^\s*-?\s*id:\s*[\"']?([\w-]+)",
            "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.yaml"))),
            re.M,
        )
    )


def item_lines(item: ImportedItem, ident: str) -> list[str]:
    """The YAML lines of one item."""
    out = [f"  - id: {ident}", f"    on: {item.on}"]
    if item.quote:
        out.append(f"    quote: {scalar(item.quote, 4)}")
    return out + [f"    text: {scalar(item.text, 4)}", f"    kind: {item.kind}"]


def validate(text: str, department: str, config: Config) -> None:
    """Load ``text`` with the feedback loader; a failure is a bug of this module."""
    with tempfile.TemporaryDirectory(prefix="shuzhi-feedback-") as scratch:
        path = Path(scratch) / f"{department}.yaml"
        path.write_text(text, encoding="utf-8")
        issues = IssueCollector()
        read_feedback_file(path, config, issues)
    if issues:
        raise AssertionError(
            "imported feedback does not load:\n" + "\n".join(i.format() for i in by_position(issues.issues))
        )


def split_by_author(
    items: list[ImportedItem], department: str, config: Config
) -> tuple[dict[str, list[ImportedItem]], list[str]]:
    """Items per department code (comments go to their author's department) and the authors of
    comments no department claims — named only when the file has comments of several authors."""
    split: dict[str, list[ImportedItem]] = {department: []}
    unmapped: list[str] = []
    for item in items:
        owner = config.department_of_author(item.author) if item.author else None
        if owner is None and item.author and item.author not in unmapped:
            unmapped.append(item.author)
        split.setdefault(owner.code if owner else department, []).append(item)
    several = len({item.author for item in items if item.author}) > 1
    return split, unmapped if several else []


def import_feedback(
    source: Path,
    draft: Draft,
    department: str,
    *,
    force: bool = False,
    config: Config | None = None,
    drafts: tuple[Draft, ...] = (),
) -> Outcome:
    """Add the reviewer's comments and changes in ``source`` to the draft's ``<department>.yaml`` —
    and comments by other departments' people to theirs."""
    config = config or Config()
    items, paras = review_items(source, draft)
    warnings = []
    better = match_drafts(paras, drafts).better_than(draft.version) if drafts else None
    if better is not None:
        best, share, given = better
        warnings.append(
            tr(
                "the commented document matches draft v{best} better than --draft {draft} "
                "({share:.0%} of its text against {given:.0%}): check --draft"
            ).format(best=best, draft=draft.label, share=share, given=given)
        )
    split, unmapped = split_by_author(items, department, config)
    if unmapped:
        warnings.append(
            tr(
                "comment authors no department claims: {authors}; their comments went to '{code}' "
                "(list them under 'authors' of their department in shuzhi.toml)"
            ).format(authors="、".join(unmapped), code=department)
        )
    paths = {code: draft.dir / "feedback" / f"{code}.yaml" for code in split}
    for code, path in paths.items():  # check every file first: nothing is written unless all can be
        _check_target(path, [i for i in split[code]], force)
    outcomes = [_write(source, paths[code], code, split[code], config) for code in split]
    main, *others = outcomes
    return Outcome(
        main.path,
        main.added,
        main.skipped,
        main.written,
        tuple(o for o in others if o.added),
        tuple(warnings),
    )


def _new_items(path: Path, items: list[ImportedItem]) -> tuple[list[ImportedItem], bool]:
    keys, appendable = existing_items(path) if path.exists() else (set(), True)
    return [item for item in items if item.key not in keys], appendable


def _check_target(path: Path, items: list[ImportedItem], force: bool) -> None:
    new, appendable = _new_items(path, items)
    if not new:
        return
    if path.exists() and not force:
        raise UserError(
            Issue(
                path,
                tr("already exists; {n} new item(s) not added").format(n=len(new)),
                hint=tr("pass --force to append them (items already there are kept)"),
                code="exists",
            )
        )
    if not appendable:
        raise UserError(
            Issue(
                path,
                tr("cannot append: 'items' is not a '- …' list at the end of the file"),
                hint=tr("write items as a block list ('- id: …') at the end of the file, then retry"),
            )
        )


def _write(source: Path, path: Path, department: str, items: list[ImportedItem], config: Config) -> Outcome:
    """Append the new ``items`` to ``path`` (created when missing)."""
    new, _appendable = _new_items(path, items)
    if not new:
        return Outcome(path, 0, len(items), False)
    taken = used_ids(path.parent) if path.parent.is_dir() else set()
    numbers = iter(n for n in range(1, 100_000) if f"{department}-{n}" not in taken)
    lines = [line for item in new for line in item_lines(item, f"{department}-{next(numbers)}")]
    if path.exists():
        text = path.read_text(encoding="utf-8").rstrip("\n")
        text = re.sub(r"items:\s*\[\]\s*$", "items:", text) + "\n" + "\n".join(lines) + "\n"
    else:
        text = (
            f"# 由 shuzhi feedback import 从 {' '.join(source.name.split())} 导入（批注和修订）。\n"
            f"department: {department}\nitems:\n" + "\n".join(lines) + "\n"
        )
    validate(text, department, config)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    return Outcome(path, len(new), len(items) - len(new), True)
