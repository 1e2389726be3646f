"""What happens between screens: starting, loading, saving and reloading games, and which
screen follows a move (an event dialog, the end report, or the map again)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import saves_dir, scenario_files
from game.saves import SaveError
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load_scenario
from game.ui.session import QUICKSAVE, Session, default_scenario_path, latest_autosave, load_game

if TYPE_CHECKING:
    from game.ui.app import App


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
    """Start a game of ``path`` (default: the default scenario) and show the map."""
    from game.ui.message import MessageScene

    target = path or default_scenario_path(scenario_files())
    try:
        loaded = load_cached(app, target)
    except ScenarioError as exc:
        lines = [p.format() for p in exc.problems[:12]]
        more = len(exc.problems) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        app.push(MessageScene(app, "This scenario does not load", [
            f"{target} has {len(exc.problems)} problem(s):", *lines,
            "Fix them (python main.py validate FILE lists them all) or pick another scenario."]))
        return False
    seed = app.seed if app.seed is not None else 0
    session = Session.start(loaded, seed, app.settings.player_name)
    show_session(app, session, guide=not app.settings.tutorial_done)
    return True


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
    """Open a save; on a problem show a message naming the file, and stay where we are."""
    try:
        session = load_game(path, scenario_files(), app.scenario_cache)  # type: ignore[arg-type]
    except SaveError as exc:
        app.toast(str(exc), "bad", 10)
        return False
    show_session(app, session)
    app.toast(f"Loaded {path.name}: {session.state.date_text}, turn {session.state.turn + 1}",
              "good")
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
    if not path.exists():
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
    try:
        loaded = load_scenario(path)
    except ScenarioError as exc:
        first = exc.problems[0].format() if exc.problems else str(exc)
        app.toast(f"Scenario changed but does not load ({len(exc.problems)} problem(s)): {first}",
                  "bad", 12)
        return
    app.scenario_cache[str(path)] = loaded
    if app.session is None:
        app.toast(f"Scenario reloaded: {loaded.scenario.title}", "good")
        return
    data = save_data(app.session.state, app.session.player, str(path))
    try:
        result = replay_save(data, loaded.rules, str(path))
    except SaveError as exc:
        app.toast(f"Scenario reloaded, but the game cannot go on: {exc}; a new game starts", "bad",
                  12)
        start_new_game(app, path)
        return
    replayed = len(result.state.moves)
    session = Session.resume(result.state, str(path), app.session.player)
    show_session(app, session)
    dropped = result.dropped
    note = f"; {dropped} no longer apply" if dropped else ""
    app.toast(f"Scenario reloaded from {path.name}: {replayed} decision(s) replayed{note}.",
              "good" if not dropped else "bad", 10)
