"""Text read from a file or typed by a player, made safe to keep and to show.

A save's player name, a file name or an error message may hold control characters (a
terminal escape sequence, a NUL that pygame refuses to draw), bidirectional overrides that
reorder what is shown, or lone surrogates (``"\\ud800"`` in JSON) that no encoder accepts.
Kept free of the engine, pydantic and pygame: the title screen and the saves use it.
"""

from __future__ import annotations

import re

from game.i18n import _

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Control characters (C0, DEL, C1), bidirectional embeddings/overrides/isolates, and
surrogates (in a Python string they can only be lone ones)."""

_FOLDED = re.compile("[\t\n\r]+")


def text_problem(text: str) -> str | None:
    """Why ``text`` is not plain text (a control character or a lone surrogate), or None."""
    m = _UNSAFE.search(text)
    if m is None:
        return None
    code = ord(m.group())
    if 0xD800 <= code <= 0xDFFF:
        return _("a lone surrogate ({code}), which is not text").format(code=f"U+{code:04X}")
    return _("a control character ({code})").format(code=f"U+{code:04X}")


def clean_text(text: str, limit: int) -> str:
    """``text`` as plain text to keep: tabs and line breaks become spaces, other control
    characters and lone surrogates are dropped, and it is cut to ``limit`` characters."""
    text = _UNSAFE.sub("", _FOLDED.sub(" ", text))
    return text[:limit]


def _escaped(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, limit: int = 2000, lines: bool = False) -> str:
    """``text`` to show on screen or in a terminal: every control character, bidirectional
    control and lone surrogate shown escaped (``\\x1b``), cut to ``limit`` characters. With
    ``lines``, line breaks are kept."""
    if lines:
        return "\n".join(printable(part, limit) for part in text.split("\n"))[:limit]
    shown = _UNSAFE.sub(_escaped, text)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown
