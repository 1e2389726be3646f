"""Scenarios for the screens: the ones offered, each loaded once per run, and a sentence for
any problem a scenario or a save causes. Shared by the picker and :mod:`game.ui.flow`."""

from __future__ import annotations

from pathlib import Path

from game.i18n import _, current_language
from game.paths import scenario_files
from game.safetext import printable
from game.scenario.loader import DEFAULT_SCENARIO, LoadedScenario, load_scenario
from game.scenario.translation import wanted_translation
from game.ui.nav import Stage


def describe_error(exc: BaseException) -> str:
    """A sentence (without the file's name) for a problem a scenario or a save caused."""
    detail = printable(str(exc), 300)
    if isinstance(exc, RecursionError):
        return _("it is nested too deeply for the game to read")
    if isinstance(exc, MemoryError):
        return _("it needs more memory than the game can use")
    if isinstance(exc, UnicodeError):
        return _("it holds text that is not valid UTF-8 ({detail})").format(detail=detail)
    if isinstance(exc, OSError):
        return _("the file cannot be read ({detail})").format(
            detail=printable(exc.strerror or str(exc), 300))
    if isinstance(exc, ArithmeticError | ValueError):
        return _("it holds a value the game cannot use ({detail})").format(
            detail=detail or exc.__class__.__name__)
    return _("an unexpected problem ({kind}: {detail})").format(kind=exc.__class__.__name__,
                                                               detail=detail)


def known_scenarios(app: Stage) -> list[Path]:
    """The scenarios the game offers; only the bundled default if the teacher's folder cannot
    be read (said once)."""
    try:
        return scenario_files()
    except OSError as exc:
        app.toast(_("The scenarios folder cannot be read ({why}); only the bundled scenario "
                    "is offered.").format(why=printable(exc.strerror or str(exc))), "bad", 10)
        return [DEFAULT_SCENARIO]


def load_cached(app: Stage, path: Path) -> LoadedScenario:
    """Load a scenario once per run (the picker and new games share it). Raises ScenarioError."""
    key = str(path)
    found = app.scenario_cache.get(key)
    # In the interface's language: a scenario loaded in another one is loaded again.
    if isinstance(found, LoadedScenario) and found.translation == wanted_translation(
            path, current_language()):
        return found
    loaded = load_scenario(path)
    app.scenario_cache[key] = loaded
    return loaded
