"""Text from a scenario made safe to show: never markup, never unbounded.

The helpers that any layout needs live in :mod:`game.present.text`; here is what
pygame_gui's markup adds (escaping).
"""

from __future__ import annotations

import html

from game.present.text import MAX_LABEL, MAX_TEXT, cut, one_line, signed

__all__ = ["MAX_LABEL", "MAX_TEXT", "cut", "escape", "one_line", "signed"]

def escape(text: str) -> str:
    """Escape ``<``, ``>`` and ``&`` so pygame_gui's HTML-like markup shows them as text."""
    return html.escape(text, quote=False)
