"""Scenarios for the screens: the ones offered, each loaded once per run, and a sentence for
any problem a scenario or a save causes. Shared by the picker and :mod:`game.ui.flow`."""

from __future__ import annotations

from pathlib import Path

from game.paths import scenario_files
from game.safetext import printable
from game.scenario.loader import DEFAULT_SCENARIO, LoadedScenario, load_scenario
from game.ui.nav import Stage


def describe_error(exc: BaseException) -> str:
    """A sentence (without the file's name) for a problem a scenario or a save caused."""
    detail = printable(str(exc), 300)
    if isinstance(exc, RecursionError):
        return "it is nested too deeply for the game to read"
    if isinstance(exc, MemoryError):
        return "it needs more memory than the game can use"
    if isinstance(exc, UnicodeError):
        return f"it holds text that is not valid UTF-8 ({detail})"
    if isinstance(exc, OSError):
        return f"the file cannot be read ({printable(exc.strerror or str(exc), 300)})"
    if isinstance(exc, ArithmeticError | ValueError):
        return f"it holds a value the game cannot use ({detail or exc.__class__.__name__})"
    return f"an unexpected problem ({exc.__class__.__name__}: {detail})"


def known_scenarios(app: Stage) -> list[Path]:
    """The scenarios the game offers; only the bundled default if the teacher's folder cannot
    be read (said once)."""
    try:
        return scenario_files()
    except OSError as exc:
        app.toast(f"The scenarios folder cannot be read ({printable(exc.strerror or str(exc))}"
                  "); only the bundled scenario is offered.", "bad", 10)
        return [DEFAULT_SCENARIO]


def load_cached(app: Stage, path: Path) -> LoadedScenario:
    """Load a scenario once per run (the picker and new games share it). Raises ScenarioError."""
    key = str(path)
    found = app.scenario_cache.get(key)
    if isinstance(found, LoadedScenario):
        return found
    loaded = load_scenario(path)
    app.scenario_cache[key] = loaded
    return loaded
