"""Translation: every sentence a player or teacher reads passes through here.

The catalogues are GNU gettext's (``game/locale/<lang>/LC_MESSAGES/statecraft.po``, compiled
to ``.mo`` beside it), extracted and compiled with Babel (``python -m tests.i18n_tool``).
Numbers and month names come from Babel's locale data, so a German reader sees ``35,5`` and
``Mär 1933``.

Code marks a sentence with :func:`_` (or :func:`ngettext` for plurals) where it is *used*;
a constant written at import time is marked with :func:`N_` and translated where it is shown,
so that changing the language takes effect at once. Placeholders are named
(``_("{name} signs")``) so a translation may put them in another order.

The language comes from, in order: ``--lang`` on the command line, the settings, then the
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` environment variables; English if none
is available. ``qps`` is a pseudo-language for tests: every translated sentence comes out
marked (``⟦Ŝéçüŕîţý⟧``), so a sentence that bypasses the catalogue stands out.
"""

from __future__ import annotations

import gettext
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

DOMAIN = "statecraft"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
PSEUDO = "qps"
"""The pseudo-language of the tests (the code for pseudo-locales in CLDR is qps-ploc)."""

LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", PSEUDO: "Pseudo (tests)"}
"""Each language in its own words, for the settings screen."""

_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%\(?[a-z_]*\)?[sdfr]|<[^<>]*>|&[a-z]+;)")
_ACCENTS = str.maketrans("aceinosuyACEINOSUY", "âçéîñöšüýÂÇÉÎÑÖŠÜÝ")


class _Pseudo(gettext.NullTranslations):
    """Marks every sentence and accents its letters; placeholders and markup stay intact."""

    @staticmethod
    def mark(message: str) -> str:
        parts = _PLACEHOLDER.split(message)
        return "⟦" + "".join(p if i % 2 else p.translate(_ACCENTS)
                             for i, p in enumerate(parts)) + "⟧"

    def gettext(self, message: str) -> str:
        return self.mark(message) if message else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.mark(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)


T = TypeVar("T")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_from_command_line = False


def available_languages() -> list[str]:
    """The languages the game can speak: English and every compiled catalogue."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE)]


def normalise(code: str) -> str:
    """``de_DE.UTF-8`` -> ``de``; ``qps-ploc`` -> ``qps``; ``C``/``POSIX`` -> ``en``."""
    code = code.strip().split(".")[0].split("@")[0]
    if code in ("", "C", "POSIX"):
        return SOURCE_LANGUAGE
    return re.split(r"[-_]", code)[0].lower()


def language_from_environment(environ: dict[str, str] | None = None) -> str | None:
    """The first language of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` that the
    game speaks, or None."""
    env = os.environ if environ is None else environ
    speaks = set(available_languages()) | {PSEUDO}
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for code in env.get(name, "").split(":"):
            if code and normalise(code) in speaks:
                return normalise(code)
        if env.get(name) and name != "LANGUAGE":
            break  # the first locale variable that is set decides, as in C's setlocale
    return None


def set_language(code: str | None) -> str:
    """Speak ``code`` from now on (None or "" for the environment's choice); return the
    language used, which is English when there is no catalogue for ``code``."""
    global _translations, _language
    lang = normalise(code) if code else (language_from_environment() or SOURCE_LANGUAGE)
    if lang == PSEUDO:
        _translations, _language = _Pseudo(), PSEUDO
        return _language
    if lang != SOURCE_LANGUAGE:
        try:
            _translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
            _language = lang
            return _language
        except OSError:
            pass  # no catalogue for it: English
    _translations, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
    return _language


def set_command_line_language(code: str) -> str:
    """``--lang CODE``: speak it, and let no setting override it in this run."""
    global _from_command_line
    _from_command_line = True
    return set_language(code)


def apply_setting(code: str) -> str:
    """The language the settings ask for ("" for the environment's), unless ``--lang`` chose
    one for this run; return the language used."""
    return _language if _from_command_line else set_language(code or None)


def speaking(code: str, body: Callable[[], T]) -> T:
    """``body()`` with the language ``code`` in use, then the language before it again."""
    before = _language
    set_language(code)
    try:
        return body()
    finally:
        set_language(before)


def current_language() -> str:
    """The code of the language in use (``en``, ``de``, ``qps``)."""
    return _language


def babel_locale() -> str:
    """The locale Babel formats numbers and dates in (English for the pseudo-language)."""
    return SOURCE_LANGUAGE if _language == PSEUDO else _language


def _(message: str) -> str:
    """The sentence in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural sentence for ``n``, by the current language's plural rules."""
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The sentence in the current language, where the same English words need telling apart
    (``pgettext("menu", "Load")``)."""
    return _translations.pgettext(context, message)


def number(value: float, digits: int = 1, signed: bool = False) -> str:
    """``value`` with ``digits`` decimals (and a sign when ``signed``) in the reader's
    language; a value that is not finite is shown as a dash."""
    if not math.isfinite(value):
        return "\u2013"
    text = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    lang = babel_locale()
    if lang == SOURCE_LANGUAGE:
        return text
    from babel.numbers import format_decimal  # only for a language other than English

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    out = format_decimal(abs(value) if signed else value, format=pattern, locale=lang)
    if signed:
        out = ("+" if value >= 0 else "-") + out
    return str(out)


def N_(message: str) -> str:
    """Marks a sentence for the catalogue without translating it now (for constants)."""
    return message
