"""Making scenario and player text safe in each output: HTML, Markdown, CSV.

Scenario files and saves come from anyone; their text must never change the
structure of a report (a ``<script>`` in an event title, a ``|`` in a table
cell, a newline in a choice, a spreadsheet formula as a player's name).
"""

from __future__ import annotations

import html
import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def h(text: object) -> str:
    """Text for HTML element content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def safe_url(url: str) -> str | None:
    """A link target only if it is a plain web address (never ``javascript:`` and the like)."""
    url = url.strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url, re.IGNORECASE) else None


def md_text(text: object) -> str:
    """Text for a Markdown paragraph: no raw HTML gets through."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_BLOCK_START = re.compile(r"^([ \t]*)([#+*=`~_-]|\d+(?=[.)]))", re.MULTILINE)


def md_block(text: object) -> str:
    """Text for a Markdown paragraph that stays one paragraph: no raw HTML, and no line of it
    can start a heading, quote, list, table, rule or code block."""
    out = md_text(text).replace("\\", "\\\\").replace("|", "\\|")
    out = re.sub(r"\r\n?", "\n", out.strip())
    out = re.sub(r"\n[ \t]*\n", "\n", out)
    return _BLOCK_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]),
                            out)


def md_cell(text: object) -> str:
    """Text for a Markdown table cell: one line, ``|`` escaped, no raw HTML."""
    out = md_text(text).replace("\\", "\\\\").replace("|", "\\|")
    out = re.sub(r"\r\n|\r|\n", "<br>", out.strip())
    return out or " "


def csv_cell(value: object) -> object:
    """A CSV value that a spreadsheet will not run as a formula (numbers pass unchanged)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
