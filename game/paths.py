"""Where the game finds its bundled files (scenarios, map, theme) and keeps the user's settings,
saves and own scenarios (per platformdirs). Every lookup of a bundled file goes through here.

The bundled files live at the top of the repository (``scenarios/``, ``assets/``), where teachers
look for them. An installed package (wheel, ``pip install .``, pipx) carries them as package data
in ``game/bundled/``, read through ``importlib.resources``; a checkout (``python main.py``) and an
editable install have no ``game/bundled/`` and read the repository's folders directly, so an edit
shows without reinstalling."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP = "statecraft"


def _copy_tree(source: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if item.is_dir():
            _copy_tree(item, target / item.name)
        elif item.is_file():
            (target / item.name).write_bytes(item.read_bytes())


def _locate() -> tuple[Path, Path | None]:
    """(the folder holding scenarios/ and assets/, the repository checkout or None if installed)."""
    bundled = resources.files(__package__ or "game") / "bundled"
    if bundled.is_dir():
        if isinstance(bundled, Path):  # an ordinary installed package: the files are on disk
            return bundled, None
        # Imported from a zip: the rest of the game reads real files, so copy them out once.
        folder = Path(tempfile.mkdtemp(prefix="statecraft-bundled-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _copy_tree(bundled, folder)
        return folder, None
    top = Path(__file__).resolve().parent.parent
    return top, top if (top / "pyproject.toml").is_file() else None


_ROOT, CHECKOUT = _locate()
# CHECKOUT is the repository when the game runs from one (also editable installs), else None:
# tools that write into the repository (``schema``) or read its tests use it.
BUNDLED_SCENARIOS = _ROOT / "scenarios"
ASSETS = _ROOT / "assets"


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


_TRANSLATION_NAME = re.compile(r"^(?P<scenario>.+)\.(?P<lang>[a-z]{2,3}(-[A-Za-z0-9]{2,8})?)"
                               r"\.ya?ml$")


def translation_name(path: str | os.PathLike[str]) -> tuple[str, str] | None:
    """(the scenario's file name, the language) for a translation file's name
    (``road_to_war_1938_1941.de.yaml`` -> ``("road_to_war_1938_1941.yaml", "de")``), else None."""
    name = Path(path).name
    m = _TRANSLATION_NAME.match(name)
    if m is None:
        return None
    return m.group("scenario") + name[name.rindex("."):], m.group("lang")


def is_template(path: str | os.PathLike[str]) -> bool:
    """A template for teachers (``template.yaml``, ``NAME.template.yaml``): checked by
    ``validate``, never offered to students."""
    name = Path(path).name.lower()
    return name in ("template.yaml", "template.yml") or name.endswith((".template.yaml",
                                                                       ".template.yml"))


def is_playable(path: str | os.PathLike[str]) -> bool:
    """A file the picker offers: neither a template nor a translation (``NAME.de.yaml``)."""
    return not is_template(path) and translation_name(path) is None


def scenario_files() -> list[Path]:
    """Every scenario file the game offers: the bundled ones, then the teacher's folder.
    Templates and translation files are left out (see :func:`is_playable`)."""
    out = sorted(p for p in BUNDLED_SCENARIOS.glob("*.yaml") if p.is_file() and is_playable(p))
    teacher = teacher_scenarios_dir()
    if teacher.is_dir():
        out += sorted(p for p in teacher.glob("*.y*ml") if p.is_file() and is_playable(p))
    return out
