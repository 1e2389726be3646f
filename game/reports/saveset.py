"""Saves given on the command line: files and folders, each with its scenario found and replayed.

A folder stands for the ``*.json`` files in it (not hidden ones; not the
reports this package writes). Every file that cannot be used is kept as a
:class:`Skipped` with a message that names it, so a command can report each
one and still process the rest.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from game.files import read_limited
from game.i18n import _, ngettext
from game.reports.escape import one_line
from game.saves import (
    MAX_SAVE_BYTES,
    LoadedSave,
    SaveData,
    SaveError,
    read_save_data,
    replay_save,
)
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load_scenario

LOAD_PROBLEMS: tuple[type[BaseException], ...] = (
    SaveError, ScenarioError, OSError, ValueError, ArithmeticError, LookupError, TypeError,
    AttributeError, RecursionError, MemoryError)
"""What a hostile or damaged save or scenario can raise while it is read, checked or replayed
(a 5,000-digit number is a ValueError, a figure out of range an OverflowError, a lone
surrogate a UnicodeError...)."""


def problem_sentence(path: object, exc: BaseException, what: str = "save") -> str:
    """One sentence for ``exc`` raised by the file at ``path``: the error's own message if it
    is one of ours (it names the file), else the file, what went wrong and the error's kind."""
    if isinstance(exc, SaveError):
        return str(exc)
    if isinstance(exc, ScenarioError):
        first = exc.problems[0].format() if exc.problems else str(exc)
        more = len(exc.problems) - 1
        if more > 0:
            return ngettext("{file}: its scenario does not load: {problem} (and {count} more "
                            "problem(s))", "{file}: its scenario does not load: {problem} (and "
                            "{count} more problem(s))", more).format(file=path, problem=first,
                                                                     count=more)
        return _("{file}: its scenario does not load: {problem}").format(file=path,
                                                                          problem=first)
    if isinstance(exc, OSError):
        return _("{file}: cannot read the file: {reason}").format(file=path,
                                                                  reason=exc.strerror or exc)
    detail = "" if isinstance(exc, MemoryError) else one_line(str(exc))
    if len(detail) > 200:
        detail = detail[:200] + "..."
    if what == "scenario":
        if isinstance(exc, MemoryError):
            return _("{file}: not a usable scenario (too large to handle)").format(file=path)
        if detail:
            return _("{file}: not a usable scenario ({kind}: {detail})").format(
                file=path, kind=exc.__class__.__name__, detail=detail)
        return _("{file}: not a usable scenario ({kind})").format(
            file=path, kind=exc.__class__.__name__)
    if isinstance(exc, MemoryError):
        return _("{file}: not a usable save (too large to handle)").format(file=path)
    if detail:
        return _("{file}: not a usable save ({kind}: {detail})").format(
            file=path, kind=exc.__class__.__name__, detail=detail)
    return _("{file}: not a usable save ({kind})").format(file=path, kind=exc.__class__.__name__)

REPORT_FORMAT = "statecraft-report"
"""The ``format`` of the JSON reports written by ``report``: skipped quietly in folders."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder that gave no game, and why, in words that name it."""

    path: str
    reason: str


def _is_report(path: Path) -> bool:
    try:
        head = read_limited(path, MAX_SAVE_BYTES)[:200]
    except OSError:
        return False
    return REPORT_FORMAT.encode() in head


def _check_regular(path: Path) -> None:
    """Raise :class:`SaveError` unless ``path`` is a regular file of a save's size: a FIFO or a
    device (``/dev/zero``) is never opened."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise SaveError(_("{file}: cannot read the file: {reason}").format(
            file=path, reason=exc.strerror or exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(_("{file}: not a regular file (a folder, a device or a pipe)").format(
            file=path))
    if info.st_size > MAX_SAVE_BYTES:
        raise SaveError(_("{file}: not a save (the file is {size} KiB, too large)").format(
            file=path, size=f"{info.st_size // 1024:,}"))


def _folder_entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """The ``*.json`` entries of a folder (not hidden ones): the regular files, and the rest
    (pipes, devices, links to them, folders), which are never opened. One pass of
    ``scandir``: a folder of thousands of files costs one ``stat`` each."""
    regular: list[Path] = []
    other: list[Path] = []
    with os.scandir(folder) as it:
        for entry in it:
            if not entry.name.endswith(".json") or entry.name.startswith("."):
                continue
            try:
                is_file = entry.is_file()  # follows links: a link to /dev/zero is no file
            except OSError:
                is_file = False
            (regular if is_file else other).append(Path(entry.path))
    return sorted(regular), sorted(other)


def collect_files(targets: Iterable[str]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders into the save files to read, in a stable order. Nothing but a
    regular file is ever opened: a pipe or a device is skipped with a message."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for target in targets:
        path = Path(target)
        if path.is_dir():
            try:
                found, others = _folder_entries(path)
            except OSError as exc:
                skipped.append(Skipped(target, _("{folder}: cannot read the folder: "
                                                 "{reason}").format(
                    folder=target, reason=exc.strerror or exc)))
                continue
            skipped += [Skipped(str(p), _("{file}: not a regular file (a folder, a device or a "
                                          "pipe); left out").format(file=p)) for p in others]
            if not found:
                skipped.append(Skipped(target, _("{folder}: no saves in this folder (a save is a "
                                                 ".json file written by the game or by simulate "
                                                 "--saves)").format(folder=target)))
        elif path.is_file():
            found = [path]
        elif path.exists():
            skipped.append(Skipped(target, _("{file}: not a regular file (a device or a "
                                             "pipe)").format(file=target)))
            continue
        else:
            skipped.append(Skipped(target, _("{file}: no such file or folder").format(
                file=target)))
            continue
        for p in found:
            try:
                key = p.resolve()
            except (OSError, RuntimeError):
                key = p.absolute()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, skipped


class ScenarioFinder:
    """Finds, loads once and keeps the scenario of each save.

    With ``explicit`` (a ``--scenario`` file), every save must be of that
    scenario. Otherwise a save's own ``scenario_file`` is tried, then the
    known scenario files (the bundled ones and the teacher's folder), and a
    file whose content matches the save's hash is preferred over one that
    only has its id.
    """

    def __init__(self, explicit: LoadedScenario | None = None,
                 known: Iterable[Path] | None = None) -> None:
        self.explicit = explicit
        self._known = list(known) if known is not None else None
        self._loaded: dict[Path, LoadedScenario | None] = {}

    def _load(self, path: Path) -> LoadedScenario | None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError, ValueError):
            return None
        if key not in self._loaded:
            try:
                self._loaded[key] = load_scenario(path)
            except LOAD_PROBLEMS:  # a scenario that does not load is no candidate
                self._loaded[key] = None
        return self._loaded[key]

    def file_of(self, digest: str) -> str:
        """The file of the loaded scenario with this digest ("" if none)."""
        if self.explicit is not None and self.explicit.rules.digest == digest:
            return self.explicit.path
        for loaded in self._loaded.values():
            if loaded is not None and loaded.rules.digest == digest:
                return loaded.path
        return ""

    def _known_files(self) -> list[Path]:
        if self._known is None:
            from game.paths import scenario_files

            self._known = scenario_files()
        return self._known

    def for_save(self, data: SaveData, path: str) -> LoadedScenario:
        """The scenario of a save. Raises :class:`SaveError` naming the file if there is none."""
        if self.explicit is not None:
            ex = self.explicit.scenario
            if data.scenario_id != ex.id:
                if data.scenario_title:
                    raise SaveError(_("{file}: this save is for scenario '{scenario}' ({title}), "
                                      "not '{other}' ({other_file})").format(
                        file=path, scenario=data.scenario_id, title=data.scenario_title,
                        other=ex.id, other_file=self.explicit.path))
                raise SaveError(_("{file}: this save is for scenario '{scenario}', not "
                                  "'{other}' ({other_file})").format(
                    file=path, scenario=data.scenario_id, other=ex.id,
                    other_file=self.explicit.path))
            return self.explicit
        candidates: list[LoadedScenario] = []
        if data.scenario_file and _is_regular(data.scenario_file):
            own = self._load(Path(data.scenario_file))
            if own is not None and own.scenario.id == data.scenario_id:
                if own.rules.digest == data.scenario_hash:
                    return own
                candidates.append(own)
        for file in self._known_files():
            loaded = self._load(file)
            if loaded is None or loaded.scenario.id != data.scenario_id:
                continue
            if loaded.rules.digest == data.scenario_hash:
                return loaded
            candidates.append(loaded)
        if candidates:
            return candidates[0]  # replay_save warns that the scenario changed
        if data.scenario_file:
            raise SaveError(_("{file}: its scenario '{scenario}' is not installed (looked for "
                              "{scenario_file} or a scenario file with that id); give it with "
                              "--scenario FILE").format(file=path, scenario=data.scenario_id,
                                                        scenario_file=data.scenario_file))
        raise SaveError(_("{file}: its scenario '{scenario}' is not installed (looked for a "
                          "scenario file with that id); give it with --scenario FILE").format(
                              file=path, scenario=data.scenario_id))


def _is_regular(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except (OSError, ValueError):
        return False


def open_save(path: Path, finder: ScenarioFinder) -> LoadedSave:
    """Read a save, find its scenario and replay it. Raises :class:`SaveError`, or another of
    :data:`LOAD_PROBLEMS` for a save or scenario that breaks in an unforeseen way."""
    _check_regular(path)
    data = read_save_data(path)
    loaded = finder.for_save(data, str(path))
    return replay_save(data, loaded.rules, str(path))


def open_saves(files: Iterable[Path], finder: ScenarioFinder) -> Iterator[LoadedSave | Skipped]:
    """Each file as a replayed save, or as a :class:`Skipped` saying what is wrong with it.

    The JSON reports that ``report`` writes are passed over without a word."""
    for path in files:
        try:
            yield open_save(path, finder)
        except SaveError as exc:
            if not _is_report(path):  # a report written into the class folder is no save
                yield Skipped(str(path), str(exc))
        except LOAD_PROBLEMS as exc:
            yield Skipped(str(path), problem_sentence(path, exc))
        except Exception as exc:  # noqa: BLE001 - one file must not stop the class's comparison
            yield Skipped(str(path), _("{problem}; this may be a bug in Statecraft, please "
                                       "report it").format(problem=problem_sentence(path, exc)))
