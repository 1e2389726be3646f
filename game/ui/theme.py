"""Looks: the pygame_gui theme from ``assets/theme.json`` scaled to the UI scale, the fonts
and the colours the custom-drawn parts use. A missing or broken asset gives a plain fallback
and a message, never a crash."""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.paths import ASSETS

THEME_FILE = ASSETS / "theme.json"
MIN_FONT_PX = 12
"""No text is drawn smaller than this many pixels, whatever the UI scale (readable on a small
laptop screen at the smallest scale)."""
FALLBACK_THEME: dict[str, Any] = {
    "defaults": {"font": {"name": "noto_sans", "size": "16"},
                 "colours": {"dark_bg": "#161b22", "normal_bg": "#2b3440"}},
}


def load_theme(path: Path = THEME_FILE) -> tuple[dict[str, Any], str | None]:
    """Read the theme; on a missing or broken file return the plain fallback and a message."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the file is not a JSON object")
        return data, None
    except (OSError, ValueError) as exc:
        return copy.deepcopy(FALLBACK_THEME), f"{path}: theme not loaded ({exc}); plain look used"


def scaled_theme(theme: dict[str, Any], scale: float) -> dict[str, Any]:
    """A copy of ``theme`` with every font size multiplied by ``scale``."""
    out = copy.deepcopy(theme)
    for block in out.values():
        if not isinstance(block, dict):
            continue
        font = block.get("font")
        if isinstance(font, dict) and "size" in font:
            try:
                font["size"] = str(max(MIN_FONT_PX, round(float(font["size"]) * scale)))
            except (TypeError, ValueError):
                font["size"] = str(max(MIN_FONT_PX, round(16 * scale)))
    return out


def _gui_font_path(name: str) -> Path | None:
    try:
        import pygame_gui

        p = Path(pygame_gui.__file__).parent / "data" / name
        return p if p.is_file() else None
    except ImportError:  # pragma: no cover - pygame_gui is a dependency
        return None


@dataclass
class Fonts:
    """Fonts by pixel size for the custom-drawn parts; falls back to pygame's own font."""

    scale: float
    regular: Path | None = field(default_factory=lambda: _gui_font_path("NotoSans-Regular.ttf"))
    bold_path: Path | None = field(default_factory=lambda: _gui_font_path("NotoSans-Bold.ttf"))
    _cache: dict[tuple[int, bool], pygame.font.Font] = field(default_factory=dict)
    problem: str | None = None

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        """A font of ``size`` points at scale 1 (scaled here)."""
        px = max(MIN_FONT_PX, round(size * self.scale))
        key = (px, bold)
        font = self._cache.get(key)
        if font is None:
            path = self.bold_path if bold else self.regular
            try:
                font = pygame.font.Font(path, px) if path else pygame.font.Font(None, px + 4)
            except (OSError, pygame.error) as exc:
                self.problem = f"font {path} not loaded ({exc}); plain font used"
                font = pygame.font.Font(None, px + 4)
                font.set_bold(bold)
            self._cache[key] = font
        return font

    def body(self) -> pygame.font.Font:
        return self.get(15)

    def small(self) -> pygame.font.Font:
        return self.get(13)

    def title(self) -> pygame.font.Font:
        return self.get(22, bold=True)

    def heading(self) -> pygame.font.Font:
        return self.get(17, bold=True)


Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Colours:
    """Colours of the custom-drawn parts (the pygame_gui ones live in the theme)."""

    bg: Colour = (22, 27, 34)
    panel: Colour = (33, 40, 50)
    panel_edge: Colour = (74, 88, 106)
    text: Colour = (236, 230, 214)
    dim: Colour = (150, 158, 168)
    accent: Colour = (201, 164, 92)
    good: Colour = (110, 200, 120)
    bad: Colour = (232, 110, 96)
    history: Colour = (120, 170, 235)
    focus: Colour = (255, 214, 102)
    sea: Colour = (28, 48, 70)


COLOURS = Colours()
COLOURBLIND = Colours(good=(86, 180, 233), bad=(230, 159, 0), history=(204, 121, 167))


def desktop_size() -> tuple[int, int] | None:
    """The size of the display the window opens on, if pygame knows it."""
    try:
        sizes = pygame.display.get_desktop_sizes()
        if sizes and sizes[0][0] > 0 and sizes[0][1] > 0:
            return int(sizes[0][0]), int(sizes[0][1])
        info = pygame.display.Info()
        if info.current_w > 0 and info.current_h > 0:
            return int(info.current_w), int(info.current_h)
    except (pygame.error, AttributeError):
        pass
    return None


LAYOUT_MIN = (800, 500)
"""The smallest window every screen's layout fits in at UI scale 1: at scale ``s`` a screen
needs ``s`` times this."""
OFFERED_SCALES = (0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
"""The UI scales there are (besides automatic)."""


def largest_fitting_scale(size: tuple[int, int]) -> float:
    """The largest offered UI scale at which every screen's layout fits a window of ``size``
    (the smallest scale if none does)."""
    w, h = size
    fitting = [s for s in OFFERED_SCALES if s * LAYOUT_MIN[0] <= w and s * LAYOUT_MIN[1] <= h]
    return max(fitting) if fitting else OFFERED_SCALES[0]


def fitting_scales(size: tuple[int, int]) -> tuple[float, ...]:
    """The UI scales at which every screen fits a window of ``size``, smallest first."""
    top = largest_fitting_scale(size)
    return tuple(s for s in OFFERED_SCALES if s <= top)


def effective_scale(chosen: float, size: tuple[int, int]) -> float:
    """The scale used in a window of ``size``: ``chosen`` (0: automatic) stepped down to the
    largest that fits when the window is too small for it."""
    if not chosen:
        return auto_scale(size)
    return min(chosen, largest_fitting_scale(size))


def auto_scale(size: tuple[int, int]) -> float:
    """The UI scale that fits a window: 1 at 1280x720, 3 at 4K, never below 0.75, and never
    more than every screen's layout fits."""
    w, h = size
    s = min(w / 1280, h / 720)
    wanted = max(0.75, min(3.0, round(s * 4) / 4))
    best = max((x for x in OFFERED_SCALES if x <= wanted), default=OFFERED_SCALES[0])
    return min(best, largest_fitting_scale(size))
