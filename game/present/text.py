"""Text from a scenario made safe to show in any layout: one line, cut to a length, signed."""

from __future__ import annotations

from game.i18n import ngettext
from game.present.numbers import number

MAX_TEXT = 4000
"""Longest scenario text shown in one place; longer texts are cut with a note."""

MAX_LABEL = 80
"""Longest text on a button or in a one-line label."""


def cut(text: str, limit: int = MAX_TEXT) -> str:
    """Return ``text`` cut to ``limit`` characters, saying so when it is cut."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if len(text) <= limit:
        return text
    more = len(text) - limit
    return text[:limit].rstrip() + "\n" + ngettext(
        "[... cut: {count} more character]", "[... cut: {count} more characters]", more
    ).format(count=more)


def one_line(text: str, limit: int = MAX_LABEL) -> str:
    """Return ``text`` on one line (blanks folded), cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def signed(value: float, digits: int = 1) -> str:
    """``+3.5`` / ``-2.0`` / ``±0``, as shown beside a change."""
    if round(value, digits) == 0:
        return "±0"
    return number(value, digits, signed=True)
