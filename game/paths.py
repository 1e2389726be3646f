"""Where the game keeps the user's settings, saves and own scenarios (per platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "statecraft"
BUNDLED_SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
ASSETS = Path(__file__).resolve().parent.parent / "assets"


def _override(name: str) -> Path | None:
    # Tests and classrooms can point the game at another folder.
    value = os.environ.get(name)
    return Path(value) if value else None


def data_dir() -> Path:
    """The user's data folder (saves, own scenarios). STATECRAFT_HOME overrides it."""
    return _override("STATECRAFT_HOME") or Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """The user's settings folder. STATECRAFT_HOME overrides it too."""
    home = _override("STATECRAFT_HOME")
    return home / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def saves_dir() -> Path:
    return data_dir() / "saves"


def teacher_scenarios_dir() -> Path:
    """Where a teacher drops their own scenario files; the title screen lists them."""
    return data_dir() / "scenarios"


def scenario_files() -> list[Path]:
    """Every scenario file the game offers: the bundled ones, then the teacher's folder."""
    out = sorted(p for p in BUNDLED_SCENARIOS.glob("*.yaml") if p.is_file())
    teacher = teacher_scenarios_dir()
    if teacher.is_dir():
        out += sorted(p for p in teacher.glob("*.y*ml") if p.is_file())
    return out
