"""The player's settings, kept as JSON in the user's settings folder between runs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game.atomic import write_atomic
from game.paths import config_dir

SCALES = (0.0, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
"""UI scales offered; 0 means automatic (from the window height)."""

WINDOW_SIZES = ((1280, 720), (1366, 768), (1600, 900), (1920, 1080), (2560, 1440), (3840, 2160))
PALETTES = ("standard", "colourblind")
HISTORY_TIMING = ("after", "before")


@dataclass
class Settings:
    """What the player can change on the settings screen."""

    window_width: int = 1280
    window_height: int = 720
    fullscreen: bool = False
    ui_scale: float = 0.0
    palette: str = "standard"
    history_notes: str = "after"
    tutorial_done: bool = False
    player_name: str = ""

    def clean(self) -> Settings:
        """Return these settings with every value brought into its allowed range."""
        self.window_width = max(640, min(7680, int(self.window_width)))
        self.window_height = max(400, min(4320, int(self.window_height)))
        self.ui_scale = float(self.ui_scale) if self.ui_scale in SCALES else 0.0
        if self.palette not in PALETTES:
            self.palette = PALETTES[0]
        if self.history_notes not in HISTORY_TIMING:
            self.history_notes = HISTORY_TIMING[0]
        self.player_name = str(self.player_name)[:40]
        return self


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Read the settings; on a missing file give the defaults, on a broken one the defaults and
    a message saying so (the file is left for the player to look at)."""
    target = path or settings_path()
    if not target.exists():
        return Settings(), None
    try:
        raw: Any = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        known = {f.name: f.type for f in fields(Settings)}
        values = {k: v for k, v in raw.items() if k in known}
        defaults = Settings()
        for k, v in list(values.items()):
            if type(v) is not type(getattr(defaults, k)) and not (
                    isinstance(v, int) and isinstance(getattr(defaults, k), float)):
                del values[k]
        return Settings(**values).clean(), None
    except (OSError, ValueError, TypeError, RecursionError) as exc:
        return Settings(), f"{target}: settings not read ({exc}); using the defaults"


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings atomically; return an error message or None."""
    target = path or settings_path()
    try:
        write_atomic(target, json.dumps(asdict(settings), indent=1))
    except OSError as exc:
        return f"{target}: settings not saved ({exc.strerror or exc})"
    return None
