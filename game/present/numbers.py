"""Numbers as a reader writes them in the current language (``35.5`` in English, ``35,5`` in
German), from Babel's locale data; English needs no Babel at all."""

from __future__ import annotations

import math

from game.i18n import babel_locale


def number(value: float, digits: int = 1, signed: bool = False) -> str:
    """``value`` with ``digits`` decimals (and a sign when ``signed``) in the reader's
    language; a value that is not finite is shown as a dash."""
    if not math.isfinite(value):
        return "\u2013"
    text = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    lang = babel_locale()
    if lang == "en":
        return text
    from babel.numbers import format_decimal  # only for a language other than English

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    out = format_decimal(abs(value) if signed else value, format=pattern, locale=lang)
    if signed:
        out = ("+" if value >= 0 else "-") + out
    return str(out)
