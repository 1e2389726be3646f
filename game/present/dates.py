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

from game.i18n import _, babel_locale

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
        _names[lang] = tuple(str(names[m]) for m in range(1, 13))
    return _names[lang]


_YEAR_MONTH_DAY = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b")


def month_count_words(month: int) -> str:
    """A month count (year * 12 + month - 1) as ``"Jan 1928"``."""
    return f"{month_names()[month % 12]} {month // 12}"


def turn_date(rules: Rules, turn: int) -> str:
    """The first month of ``turn`` as ``"Jan 1928"`` (turns outside the game are clamped)."""
    return month_count_words(rules.month_of_turn(max(0, min(turn, rules.turns - 1))))


def _words(m: re.Match[str]) -> str:
    month = month_names()[int(m[2]) - 1]
    if m[3]:
        # TRANSLATORS: a day as a reader writes it ("22 Jun 1941"); {month} is a short month
        # name.
        return _("{day} {month} {year}").format(day=int(m[3]), month=month, year=m[1])
    return f"{month} {m[1]}"


def month_words(year_month: str) -> str:
    """``"1928-01"`` as a reader writes it: ``"Jan 1928"``; a day, ``"1941-06-22"``, as
    ``"22 Jun 1941"`` (anything else is returned as is)."""
    m = _YEAR_MONTH_DAY.fullmatch(year_month)
    return _words(m) if m else year_month


def dates_in_words(text: str) -> str:
    """Every ``YYYY-MM`` (and ``YYYY-MM-DD``) in a text written as a reader writes it
    (``taken Jan 1928``)."""
    return _YEAR_MONTH_DAY.sub(_words, text)


def event_day(rules: Rules, index: int, turn: int) -> str:
    """When an event came, as the scenario writes dates: its own ``date`` (``"1941-06-22"``
    or ``"1939-09"``) when it has one, else the first month of the turn it came in
    (``"1939-07"``)."""
    own = rules.scenario.events[index].date
    if own:
        return own
    m = rules.month_of_turn(max(0, min(turn, rules.turns - 1)))
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def event_date(rules: Rules, index: int, turn: int) -> str:
    """When an event came, as a reader writes it: its own date (``"22 Jun 1941"``,
    ``"Sep 1939"``) when the scenario gives one, else the months of its turn (``"Jan–Mar
    1936"``): such an event comes after the dated ones of its turn, so naming the turn's first
    month would put it before events it follows (a play-test saw "7 Mar 1936", then "Jan
    1936")."""
    own = rules.scenario.events[index].date
    return month_words(own) if own else turn_months(rules, turn)


def turn_months(rules: Rules, turn: int) -> str:
    """The months of ``turn``: ``"Jan–Mar 1936"``, ``"Nov 1938–Jan 1939"``, or ``"Jan
    1936"`` for a turn of one month (turns outside the game are clamped)."""
    first = rules.month_of_turn(max(0, min(turn, rules.turns - 1)))
    last = first + rules.months_per_turn - 1
    if last <= first:
        return month_count_words(first)
    if first // 12 == last // 12:
        names = month_names()
        # TRANSLATORS: the months of one turn within one year ("Jan–Mar 1936").
        return _("{first}–{last} {year}").format(first=names[first % 12],
                                                 last=names[last % 12], year=first // 12)
    # TRANSLATORS: the months of one turn across the new year ("Nov 1938–Jan 1939").
    return _("{first}–{last}").format(first=month_count_words(first),
                                      last=month_count_words(last))


def event_order(rules: Rules, index: int, turn: int) -> tuple[int, int]:
    """Where an event comes among the events of its turn, as the engine fires them: by its
    own date, and an event without one (of a window) after the dated ones of its turn."""
    own = rules.scenario.events[index].date
    if own:
        return date_order(own)
    m = rules.month_of_turn(max(0, min(turn, rules.turns - 1)))
    return (m + rules.months_per_turn, 0)


def date_order(date: str) -> tuple[int, int]:
    """A date of :func:`event_day` as (month count, day) for sorting (day 0 for a month)."""
    m = _YEAR_MONTH_DAY.fullmatch(date)
    if not m:
        return (0, 0)
    return (int(m[1]) * 12 + int(m[2]) - 1, int(m[3] or 0))


def clock_words(timestamp: float) -> str:
    """A moment (seconds since the epoch) in local time: ``"03 Mar 2025, 14:05"``; "" for 0."""
    if not timestamp:
        return ""
    t = time.localtime(timestamp)
    return (f"{t.tm_mday:02d} {month_names()[t.tm_mon - 1]} {t.tm_year}, "
            f"{t.tm_hour:02d}:{t.tm_min:02d}")
