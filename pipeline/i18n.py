"""Messages in the user's language: Chinese (zh_CN) by default, English on request.

Every message a user reads goes through :func:`_` (or :func:`ngettext` when it counts something).
The message ids are English; the Chinese text lives in the gettext catalog
``pipeline/locale/zh_CN/LC_MESSAGES/shuzhi.po`` (compiled to ``shuzhi.mo``, which is committed so
an editable install, a wheel and a plain checkout all find it without a build step; a test checks
that the ``.mo`` is up to date with the ``.po``).  ``make messages`` extracts, updates and compiles.

Which language:

- ``SHUZHI_LANG`` wins when it is set and not empty: ``en…`` → English, anything else → Chinese;
- otherwise the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set and not empty decides
  (POSIX precedence): ``en…`` → English, anything else (``C``, ``POSIX``, ``zh_CN.UTF-8``) → Chinese.

The users are Chinese offices: a bare ``LANG=C`` (CI, cron, a fresh container) must not switch them
to English, so only an explicit English locale does.

Write a message with named placeholders and fill them *after* translation::

    _("unknown key {key!r} in {what}").format(key=key, what=what)

never ``_(f"...")`` (the catalog could not hold it).  :func:`N_` marks a string for extraction
without translating it (module-level tables); translate it where it is used with ``_(value)``.

The language is looked up on every call (four environment reads), so a test can switch it with
``monkeypatch.setenv``.  Texts evaluated once at import — click's ``help=`` strings — take the
language of the process at import time, which for a command line is the language of the run.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

DOMAIN = "shuzhi"
LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (DEFAULT_LANGUAGE, ENGLISH)

# POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_from(environ: dict[str, str] | os._Environ[str]) -> str:
    """The interface language (``"zh_CN"`` or ``"en"``) that ``environ`` asks for."""
    chosen = environ.get("SHUZHI_LANG", "").strip()
    if not chosen:
        chosen = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name, "").strip()), "")
    return ENGLISH if chosen.strip().lower().startswith("en") else DEFAULT_LANGUAGE


def current_language() -> str:
    """The interface language of this process now (see the module docstring)."""
    return language_from(os.environ)


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``; English is the message ids themselves."""
    import gettext  # on the first message: a redline that prints nothing never needs it (~1 ms)

    if language == ENGLISH:
        return gettext.NullTranslations()
    # fallback=True: a missing catalog degrades to English rather than breaking every message;
    # tests/test_i18n.py makes sure the catalog is there and complete.
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True)


def _(message: str) -> str:
    """``message`` (an English msgid) in the current interface language."""
    return translations(current_language()).gettext(message)


def gettext_(message: str) -> str:
    """Alias of :func:`_` for modules that use ``_`` for something else."""
    return _(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, translated (Chinese has one form)."""
    return translations(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context`` — for one English word with two Chinese meanings."""
    return translations(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (translate it with ``_()`` later)."""
    return message
