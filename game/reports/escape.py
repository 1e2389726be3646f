"""Making scenario and player text safe in each output: terminal, HTML, Markdown, CSV, JSON.

Scenario files and saves come from anyone; their text must never change the
structure of a report (a ``<script>`` in an event title, a ``|`` in a table
cell, a newline in a choice, a spreadsheet formula as a player's name, a
``![x](https://...)`` image in Markdown), never drive a terminal (an escape
sequence that clears the screen, a bidi override that hides text), and never
make a file that is not UTF-8 (a lone surrogate from a save or a file name).

:func:`visible` is the base of every format: control characters, bidi and
zero-width format characters, line and paragraph separators and lone
surrogates become their escapes (``\\x1b``, ``\\u202e``, ``\\ud800``) as plain text.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from typing import Any

from game.i18n import _

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

BOM = "\ufeff"
"""The byte-order mark a CSV file starts with, so that Excel reads it as UTF-8."""

# Characters that must never reach a terminal or a report raw: C0 and C1 controls (tab and
# newline are kept by visible()), the soft hyphen, bidi marks, embeddings, overrides and
# isolates, zero-width space and word joiner, invisible operators, line and paragraph
# separators, the byte-order mark, interlinear annotation marks, tag characters, lone
# surrogates, and the other invisible format characters (Unicode category Cf) except the
# zero-width joiners that emoji and some scripts need.
UNSAFE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad"
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_UNSAFE_OR_NEWLINE = re.compile(f"[{UNSAFE_CHARS}\n\t]")


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m[0])
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: object) -> str:
    """``text`` with every unsafe character shown as its escape (``\\x1b``, ``\\u202e``);
    newlines and tabs are kept (a ``\\r\\n`` becomes ``\\n``)."""
    s = text if isinstance(text, str) else str(text)
    if "\r" in s:
        s = s.replace("\r\n", "\n")
    return _UNSAFE.sub(_escape_char, s)


def one_line(text: object) -> str:
    """:func:`visible`, with newlines and tabs escaped too: for a message on one line."""
    s = text if isinstance(text, str) else str(text)
    return _UNSAFE_OR_NEWLINE.sub(_escape_char, s)


def utf8_safe(text: str) -> str:
    """``text`` that encodes as UTF-8 whatever it holds (a lone surrogate becomes ``\\udc80``).

    The last guard before a file is written: the renderers already escape what they put in."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


# -- HTML ----------------------------------------------------------------------------------------


def h(text: object) -> str:
    """Text for HTML element content or a quoted attribute."""
    return html.escape(visible(text), quote=True)


def safe_url(url: str) -> str | None:
    """A link target only if it is a plain web address (never ``javascript:`` and the like)."""
    url = url.strip()
    return url if re.match(r"^https?://[^\s<>\"'\\`|{}^\[\]]+$", url, re.IGNORECASE) \
        and not _UNSAFE.search(url) else None


# -- Markdown ------------------------------------------------------------------------------------

# Characters that mean something anywhere in a line: emphasis, code, links and images, tables,
# strikethrough, attribute braces, the escape itself. (``<``, ``>`` and ``&`` become entities.)
# ``!``, ``(`` and ``)`` only make an image or link after a ``[...]``, which is escaped, so
# they stay as they are and the text stays readable on the screen.
_MD_INLINE = re.compile(r"[\\`*_\[\]|{}~]")
# What starts a block at the beginning of a line: heading, list, quote, rule, fence, setext
# underline, numbered list ("1." or "1)").
_BLOCK_START = re.compile(r"^([ \t]*)([#+*=`~_-]|\d+(?=[.)]))", re.MULTILINE)
# GitHub's extended autolinks: "https://x", "www.x", "someone@x.org" become links unmarked.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=\bwww)(\.)|(@)(?=[a-z0-9])")


def _md_inline(text: object) -> str:
    out = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = _MD_INLINE.sub(r"\\\g<0>", out)
    return _AUTOLINK.sub(lambda m: "\\" + m[0], out)


def md_text(text: object) -> str:
    """Text for a Markdown paragraph that is inert: no raw HTML or entity, no emphasis, code,
    link, image or autolink, and no line of it can start a heading, quote, list or rule."""
    out = _md_inline(text)
    return _BLOCK_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]),
                            out)


def md_block(text: object) -> str:
    """Text for a Markdown paragraph that stays one paragraph: :func:`md_text`, and no blank
    line inside it."""
    out = re.sub(r"\r\n?", "\n", str(text).strip())
    out = re.sub(r"\n[ \t]*\n", "\n", out)
    return md_text(out)


def md_cell(text: object) -> str:
    """Text for a Markdown table cell: :func:`md_text` on one line (``<br>`` between lines)."""
    out = re.sub(r"\r\n|\r|\n", "\n", str(text).strip())
    out = _md_inline(out).replace("\n", "<br>")
    return out or " "


# -- CSV -----------------------------------------------------------------------------------------


def csv_cell(value: object) -> object:
    """A CSV value that a spreadsheet will not run as a formula and that holds no control
    characters (numbers pass unchanged)."""
    if isinstance(value, str):
        value = visible(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


# -- JSON ----------------------------------------------------------------------------------------


class NotFiniteError(ValueError):
    """A value meant for JSON is NaN or infinite; the message says where."""


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _first_not_finite(value: Any, where: str = "") -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return where or _("the top level")
    if isinstance(value, dict):
        for k, v in value.items():
            found = _first_not_finite(v, f"{where}.{k}" if where else str(k))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            found = _first_not_finite(v, f"{where}[{i}]")
            if found:
                return found
    return None


def json_text(value: Any, indent: int | None = 1,
              default: Callable[[Any], Any] | None = None) -> str:
    """``value`` as strict JSON: never ``NaN`` or ``Infinity`` (raises :class:`NotFiniteError`
    naming the value), non-ASCII text kept readable, but control, bidi and other invisible
    characters and lone surrogates written as ``\\uXXXX`` escapes (so the text is valid
    UTF-8 and shows nothing hidden in a terminal or an editor)."""
    try:
        text = json.dumps(value, indent=indent, ensure_ascii=False, allow_nan=False,
                          default=default)
    except ValueError as exc:
        where = _first_not_finite(value)
        if where is None:
            raise
        raise NotFiniteError(_("the value of '{key}' is not a finite number; the scenario's "
                               "figures are out of range").format(key=one_line(where))) from exc
    # Outside strings JSON is ASCII, so every such character is inside a string.
    return _UNSAFE.sub(_json_escape, text)
