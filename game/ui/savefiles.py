"""Where saves live on disk, without reading them: autosave numbering and atomic writes.

Kept free of the engine and pydantic so the title screen opens fast."""

from __future__ import annotations

import os
import re
import tempfile
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


def write_text_atomic(path: Path, text: str) -> None:
    """Write a small file so that a crash leaves the old one or the new one (as game.saves
    does; repeated here so that reading settings does not load the engine)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
