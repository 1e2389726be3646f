"""What happens between screens: starting, loading, saving and reloading games, and which
screen follows a move (an event dialog, the end report, or the map again)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from game.paths import saves_dir, scenario_files
from game.safetext import printable
from game.saves import SaveError
from game.scenario.errors import ScenarioError
from game.scenario.loader import DEFAULT_SCENARIO, LoadedScenario, load_scenario
from game.ui.session import QUICKSAVE, Session, default_scenario_path, latest_autosave, load_game

if TYPE_CHECKING:
    from game.ui.app import App

T = TypeVar("T")


# -- one guarded path for everything that starts or loads a game -------------------------
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


def guarded(app: App, what: str, action: Callable[[], T],
            scenario: Path | None = None, file: Path | None = None) -> T | None:
    """Run ``action`` (loading a scenario or a save, starting or showing a game) and return
    its result; on any problem show a message and return None: no file closes the game.

    A scenario's problems are listed in a message box when ``scenario`` names the file (a
    game the player asked to start), else shown in one line. ``what`` begins the message
    ("The scenario cannot be reloaded"); a save's message loses its leading ``file``, which
    ``what`` names already."""
    from game.ui.message import MessageScene

    try:
        return action()
    except ScenarioError as exc:
        if scenario is None:
            first = exc.problems[0].format() if exc.problems else str(exc)
            app.toast(f"{what} ({len(exc.problems)} problem(s)): {first}", "bad", 12)
        else:
            lines = [printable(p.format(), 500) for p in exc.problems[:12]]
            more = len(exc.problems) - len(lines)
            if more > 0:
                lines.append(f"... and {more} more")
            app.push(MessageScene(app, "This scenario does not load", [
                f"{printable(str(scenario))} has {len(exc.problems)} problem(s):", *lines,
                "Fix them (python main.py validate FILE lists them all) or pick another "
                "scenario."]))
    except SaveError as exc:
        text = str(exc)
        if file is not None:
            text = text.removeprefix(f"{file}: ")
        app.toast(f"{what}: {text}", "bad", 12)
    except Exception as exc:  # noqa: BLE001 - last line of defence: no scenario or save may close the game mid-turn
        app.toast(f"{what}: {describe_error(exc)}.", "bad", 12)
    return None


def open_session(app: App, session: Session, guide: bool = False) -> bool:
    """Show ``session`` (see :func:`show_session`); if that fails, say so and go back to the
    game that was on screen (or the title)."""
    previous = app.session

    def show() -> bool:
        show_session(app, session, guide)
        return True

    if guarded(app, "The game cannot be shown", show):
        return True
    _back_to_title(app)
    app.session = None
    if previous is not None and previous is not session:
        def show_previous() -> bool:
            show_session(app, previous)
            return True

        if not guarded(app, "The game before cannot be shown either", show_previous):
            _back_to_title(app)
            app.session = None
    return False


def _back_to_title(app: App) -> None:
    """Close every screen above the title, even one that failed half-way through opening."""
    while len(app.stack) > 1:
        scene = app.stack.pop()
        try:
            scene.exit()
        except Exception:  # noqa: BLE001 - a screen that broke while opening: drop it anyway
            pass
    guarded(app, "The title screen", lambda: app.stack[-1].resume() if app.stack else None)
    app.dirty = True


def known_scenarios(app: App) -> list[Path]:
    """The scenarios the game offers; only the bundled default if the teacher's folder cannot
    be read (said once)."""
    try:
        return scenario_files()
    except OSError as exc:
        app.toast(f"The scenarios folder cannot be read ({printable(exc.strerror or str(exc))}"
                  "); only the bundled scenario is offered.", "bad", 10)
        return [DEFAULT_SCENARIO]


def load_cached(app: App, path: Path) -> LoadedScenario:
    """Load a scenario once per run (the picker and new games share it). Raises ScenarioError."""
    key = str(path)
    found = app.scenario_cache.get(key)
    if isinstance(found, LoadedScenario):
        return found
    loaded = load_scenario(path)
    app.scenario_cache[key] = loaded
    return loaded


def start_new_game(app: App, path: Path | None = None) -> bool:
    """Start a game of ``path`` (default: the default scenario) and show the map; on any
    problem show a message and stay where we are."""
    target = path or default_scenario_path(known_scenarios(app))

    def start() -> Session:
        loaded = load_cached(app, target)
        seed = app.seed if app.seed is not None else 0
        return Session.start(loaded, seed, app.settings.player_name)

    session = guarded(app, f"{printable(str(target))}: the game cannot start", start,
                      scenario=target)
    if session is None:
        return False
    return open_session(app, session, guide=not app.settings.tutorial_done)


def show_session(app: App, session: Session, guide: bool = False) -> None:
    """Make ``session`` the game on screen: the map (with the guided first turn over it if
    ``guide``), then the turn's news, any event waiting or the report."""
    from game.ui.game_screen import GameScene

    app.session = session
    app.pop_to_title()
    app.push(GameScene(app))
    for w in session.warnings:
        app.toast(w, "bad", 8)
    if guide:
        from game.ui.tutorial import TutorialScene

        app.push(TutorialScene(app))
    after_move(app)


def after_move(app: App) -> None:
    """Show what the game needs now: the news card of a new turn, the event waiting for a
    choice, or the end report. Nothing while a dialog or the guide is open."""
    from game.ui.end_report import ReportScene
    from game.ui.event_dialog import EventScene
    from game.ui.news_card import NewsCardScene
    from game.ui.tutorial import TutorialScene

    session = app.session
    if session is None:
        return
    if isinstance(app.top, EventScene | NewsCardScene | TutorialScene):
        return
    state = session.state
    if session.news_shown_turn < state.turn and not session.over:
        session.news_shown_turn = state.turn
        card = NewsCardScene.for_turn(app)
        if card is not None:
            app.push(card)
            return
    if state.pending_event is not None:
        app.push(EventScene(app))
    elif session.over and not isinstance(app.top, ReportScene):
        app.push(ReportScene(app))


def end_turn(app: App) -> None:
    """End the turn, autosave, show the new turn on the map, then what comes next."""
    from game.ui.game_screen import GameScene

    session = app.session
    if session is None or session.over:
        return
    problem = session.end_turn()
    if problem:
        app.toast(f"Cannot end the turn: {problem}", "bad")
        return
    try:
        session.autosave()
    except SaveError as exc:
        app.toast(str(exc), "bad", 8)
    if isinstance(app.top, GameScene):
        app.top.new_turn()  # the date and aims behind the next dialog are the new turn's
    after_move(app)


def load_from(app: App, path: Path) -> bool:
    """Open a save; on any problem show a message naming the file, and stay where we are."""
    from game.ui.savefiles import slot_name

    session = guarded(app, f"{printable(str(path))} cannot be opened",
                      lambda: load_game(path, known_scenarios(app), app.scenario_cache),
                      file=path)
    if session is None or not open_session(app, session):
        return False
    app.toast(f"Loaded {printable(slot_name(path.name), 80)}: {session.state.date_text}, "
              f"turn {session.state.turn + 1}", "good")
    return True


def continue_game(app: App) -> bool:
    path = latest_autosave()
    if path is None:
        app.toast("No autosave yet: start a new game.", "bad")
        return False
    return load_from(app, path)


def quick_save(app: App) -> None:
    if app.session is None:
        app.toast("No game to save.", "bad")
        return
    path = saves_dir() / QUICKSAVE
    try:
        app.session.save(path)
        app.toast(f"Quick save written ({path.name}); F9 loads it.", "good")
    except SaveError as exc:
        app.toast(str(exc), "bad", 8)


def quick_load(app: App) -> None:
    path = saves_dir() / QUICKSAVE
    try:
        missing = not path.exists() and not path.is_symlink()
    except OSError:
        missing = False  # something is in the way: loading says what
    if missing:
        app.toast("No quick save yet: F5 makes one.", "bad")
        return
    load_from(app, path)


def open_help(app: App) -> None:
    from game.ui.help_screen import HelpScene

    if isinstance(app.top, HelpScene):
        app.pop()
    else:
        app.push(HelpScene(app))


def reload_scenario(app: App) -> None:
    """The watched scenario file changed: load it again and replay the game's decisions."""
    from game.saves import replay_save, save_data

    if app.scenario_arg is None:
        return
    path = Path(app.scenario_arg)
    loaded = guarded(app, "Scenario changed but does not load", lambda: load_scenario(path))
    if loaded is None:
        return
    app.scenario_cache[str(path)] = loaded
    current = app.session
    if current is None:
        app.toast(f"Scenario reloaded: {printable(loaded.scenario.title, 200)}", "good")
        return

    def replay() -> tuple[Session, int]:
        data = save_data(current.state, current.player, str(path))
        result = replay_save(data, loaded.rules, str(path))
        return Session.resume(result.state, str(path), current.player), result.dropped

    replayed = guarded(app, "Scenario reloaded, but the game cannot go on; a new game starts",
                       replay)
    if replayed is None:
        start_new_game(app, path)
        return
    session, dropped = replayed
    if not open_session(app, session):
        return
    note = f"; {dropped} no longer apply" if dropped else ""
    app.toast(f"Scenario reloaded from {printable(path.name)}: {len(session.state.moves)} "
              f"decision(s) replayed{note}.", "good" if not dropped else "bad", 10)
