"""Where saves live on disk, without reading them: autosave numbering and the quick save.

Kept free of the engine and pydantic so the title screen opens fast."""

from __future__ import annotations

import re
from pathlib import Path

from game.paths import saves_dir

AUTOSAVE = re.compile(r"^autosave-(\d+)\.json$")
QUICKSAVE = "quicksave.json"


def autosave_numbers(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = AUTOSAVE.match(p.name)
        if m:
            out.append(int(m.group(1)))
    return out


def latest_autosave(folder: Path | None = None) -> Path | None:
    """The newest autosave, or None."""
    folder = folder or saves_dir()
    numbers = autosave_numbers(folder)
    return folder / f"autosave-{max(numbers):06d}.json" if numbers else None
