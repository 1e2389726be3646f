"""Dates as a reader writes them, in the reader's language: the one month formatter above
the engine.

The engine keeps its own English month names for ``GameState.date_text`` (core stands
alone); every screen and report uses these. Other languages take their month names from
Babel's locale data (imported only when a language other than English is used).
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from game.i18n import babel_locale

if TYPE_CHECKING:
    from game.core.rules import Rules

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The English short month names."""

_names: dict[str, tuple[str, ...]] = {"en": MONTHS}


def month_names() -> tuple[str, ...]:
    """The short month names of the current language, January first."""
    lang = babel_locale()
    if lang not in _names:
        from babel.dates import get_month_names  # only for a language other than English

        names = get_month_names("abbreviated", locale=lang)
        _names[lang] = tuple(str(names[m]).rstrip(".") for m in range(1, 13))
    return _names[lang]
_YEAR_MONTH = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])\b")


def month_count_words(month: int) -> str:
    """A month count (year * 12 + month - 1) as ``"Jan 1928"``."""
    return f"{month_names()[month % 12]} {month // 12}"


def turn_date(rules: Rules, turn: int) -> str:
    """The first month of ``turn`` as ``"Jan 1928"`` (turns outside the game are clamped)."""
    return month_count_words(rules.month_of_turn(max(0, min(turn, rules.turns - 1))))


def month_words(year_month: str) -> str:
    """``"1928-01"`` as a reader writes it: ``"Jan 1928"`` (anything else is returned as is)."""
    m = _YEAR_MONTH.fullmatch(year_month)
    return f"{month_names()[int(m[2]) - 1]} {m[1]}" if m else year_month


def dates_in_words(text: str) -> str:
    """Every ``YYYY-MM`` in a text written as a reader writes it (``taken Jan 1928``)."""
    names = month_names()
    return _YEAR_MONTH.sub(lambda m: f"{names[int(m[2]) - 1]} {m[1]}", text)


def clock_words(timestamp: float) -> str:
    """A moment (seconds since the epoch) in local time: ``"03 Mar 2025, 14:05"``; "" for 0."""
    if not timestamp:
        return ""
    t = time.localtime(timestamp)
    return (f"{t.tm_mday:02d} {month_names()[t.tm_mon - 1]} {t.tm_year}, "
            f"{t.tm_hour:02d}:{t.tm_min:02d}")
