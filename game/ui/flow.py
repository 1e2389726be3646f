"""What happens between screens: the one module that builds the screens. Starting, loading,
saving and reloading games; which screen follows a move (an event dialog, the end report, or
the map again); and the screens a scene asks for through :class:`game.ui.nav.Screens`, which
the App implements by calling these functions.

To add a screen: write its module (a :class:`game.ui.scene.Scene`), add a function here that
builds and pushes it, and a method for it to ``Screens`` and the App.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from game.i18n import _, ngettext
from game.paths import saves_dir
from game.present import branches as branch_words
from game.present.dates import month_count_words
from game.safetext import printable
from game.saves import SaveError, replay_save, save_data
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario
from game.ui.analysis_job import Analyser
from game.ui.analysis_screen import AnalysisScene
from game.ui.branch_compare import BranchCompareScene
from game.ui.branching import BranchError, answer_at, start_branch
from game.ui.end_report import ReportScene
from game.ui.event_dialog import EventScene
from game.ui.game_screen import GameScene
from game.ui.help_screen import HelpScene
from game.ui.loading import describe_error, known_scenarios, load_cached
from game.ui.menu import MenuScene
from game.ui.message import MessageScene
from game.ui.nav import Stage
from game.ui.news_card import NewsCardScene
from game.ui.news_items import CardItem
from game.ui.news_screen import NewsScene
from game.ui.picker import PickerScene
from game.ui.savefiles import slot_name
from game.ui.saves_screen import SavesScene
from game.ui.scene import Scene
from game.ui.session import QUICKSAVE, Session, default_scenario_path, load_game, newest_save
from game.ui.settings_screen import SettingsScene
from game.ui.title import TitleScene
from game.ui.tutorial import TutorialScene

T = TypeVar("T")


class Host(Stage, Protocol):
    """The App as the flow drives it: a scene's :class:`Stage`, plus the stack itself, the
    seed of new games and the scenario file given on the command line."""

    stack: list[Scene]
    analyser: Analyser | None
    seed: int | None
    scenario_arg: str | None
    dirty: bool

    @property
    def top(self) -> Scene: ...

    def push(self, scene: Scene) -> None: ...


# -- the screens a scene asks for ----------------------------------------------------------
def title_screen(app: Host) -> Scene:
    return TitleScene(app)


def open_menu(app: Host) -> None:
    app.push(MenuScene(app))


def open_saves(app: Host, saving: bool) -> None:
    app.push(SavesScene(app, saving=saving))


def open_settings(app: Host) -> None:
    app.push(SettingsScene(app))


def open_scenarios(app: Host) -> None:
    app.push(PickerScene(app))


def open_news(app: Host) -> None:
    app.push(NewsScene(app))


def open_news_card(app: Host, items: list[CardItem], heading: str) -> None:
    app.push(NewsCardScene(app, items, heading, then_flow=False))


def open_guide(app: Host) -> None:
    if isinstance(app.top, GameScene):
        app.push(TutorialScene(app))


def show_message(app: Host, title: str, lines: list[str],
                 choices: list[tuple[str, str]] | None = None,
                 then: Callable[[str], None] | None = None, compact: bool = False) -> None:
    app.push(MessageScene(app, title, lines, choices=choices, then=then, compact=compact))


def open_help(app: Host) -> None:
    if isinstance(app.top, HelpScene):
        app.pop()
    else:
        app.push(HelpScene(app))


def open_analysis(app: Host) -> None:
    if app.session is not None:
        app.push(AnalysisScene(app, app.analyser))


def try_again(app: Host, move: int) -> bool:
    """Start the other future of the game on screen from its move ``move``: a new game in a
    new save, with the question waiting (the game it comes from is not written)."""
    session = app.session
    if session is None:
        return False
    try:
        answer = answer_at(session.state, move)
    except BranchError as exc:
        app.toast(_("The other future cannot start: {why}").format(why=exc), "bad", 10)
        return False
    made = guarded(app, _("The other future cannot start"), lambda: start_branch(session, move))
    if made is None or not open_session(app, made[0]):
        return False
    app.toast(branch_words.started_toast(session.rules, answer.event, answer.choice), "good", 10)
    return True


def compare_futures(app: Host) -> None:
    session = app.session
    if session is None or session.branch is None:
        return
    scene = guarded(app, _("The two futures cannot be compared"),
                    lambda: BranchCompareScene(app))
    if scene is not None:
        app.push(scene)


# -- one guarded path for everything that starts or loads a game -------------------------
def guarded(app: Host, what: str, action: Callable[[], T],
            scenario: Path | None = None, file: Path | None = None) -> T | None:
    """Run ``action`` (loading a scenario or a save, starting or showing a game) and return
    its result; on any problem show a message and return None: no file closes the game.

    A scenario's problems are listed in a message box when ``scenario`` names the file (a
    game the player asked to start), else shown in one line. ``what`` begins the message
    ("The scenario cannot be reloaded"); a save's message loses its leading ``file``, which
    ``what`` names already."""
    try:
        return action()
    except ScenarioError as exc:
        if scenario is None:
            first = exc.problems[0].format() if exc.problems else str(exc)
            count = len(exc.problems)
            app.toast(ngettext("{what} ({count} problem): {first}",
                               "{what} ({count} problems): {first}", count).format(
                what=what, count=count, first=first), "bad", 12)
        else:
            lines = [printable(p.format(), 500) for p in exc.problems[:12]]
            more = len(exc.problems) - len(lines)
            if more > 0:
                lines.append(ngettext("... and {count} more", "... and {count} more",
                                      more).format(count=more))
            count = len(exc.problems)
            show_message(app, _("This scenario does not load"), [
                ngettext("{file} has {count} problem:", "{file} has {count} problems:",
                         count).format(file=printable(str(scenario)), count=count), *lines,
                _("Fix them ({command} lists them all) or pick another scenario.").format(
                    command="python main.py validate FILE")])
    except SaveError as exc:
        text = str(exc)
        if file is not None:
            text = text.removeprefix(f"{file}: ")
        app.toast(_("{what}: {why}").format(what=what, why=text), "bad", 12)
    except Exception as exc:  # noqa: BLE001 - last line of defence: no scenario or save may close the game mid-turn
        app.toast(_("{what}: {why}.").format(what=what, why=describe_error(exc)), "bad", 12)
    return None


def open_session(app: Host, session: Session, guide: bool = False) -> bool:
    """Show ``session`` (see :func:`show_session`); if that fails, say so and go back to the
    game that was on screen (or the title)."""
    previous = app.session

    def show() -> bool:
        show_session(app, session, guide)
        return True

    if guarded(app, _("The game cannot be shown"), show):
        return True
    _back_to_title(app)
    app.session = None
    if previous is not None and previous is not session:
        def show_previous() -> bool:
            show_session(app, previous)
            return True

        if not guarded(app, _("The game before cannot be shown either"), show_previous):
            _back_to_title(app)
            app.session = None
    return False


def _back_to_title(app: Host) -> None:
    """Close every screen above the title, even one that failed half-way through opening."""
    while len(app.stack) > 1:
        scene = app.stack.pop()
        try:
            scene.exit()
        except Exception:  # noqa: BLE001 - a screen that broke while opening: drop it anyway
            pass
    guarded(app, _("The title screen"), lambda: app.stack[-1].resume() if app.stack else None)
    app.dirty = True


def start_new_game(app: Host, path: Path | None = None) -> bool:
    """Start a game of ``path`` (default: the default scenario) and show the map; on any
    problem show a message and stay where we are."""
    target = path or default_scenario_path(known_scenarios(app))

    def start() -> Session:
        loaded = load_cached(app, target)
        seed = app.seed if app.seed is not None else 0
        return Session.start(loaded, seed, app.settings.player_name)

    session = guarded(app, _("{file}: the game cannot start").format(
        file=printable(str(target))), start,
                      scenario=target)
    if session is None:
        return False
    return open_session(app, session, guide=not app.settings.tutorial_done)


def show_session(app: Host, session: Session, guide: bool = False) -> None:
    """Make ``session`` the game on screen: the map (with the guided first turn over it if
    ``guide``), then the turn's news, any event waiting or the report."""
    app.session = session
    app.pop_to_title()
    app.push(GameScene(app))
    for w in session.warnings:
        app.toast(w, "bad", 8)
    if guide:
        app.push(TutorialScene(app))
    after_move(app)


def after_move(app: Host) -> None:
    """Show what the game needs now: the news card of a new turn (or of the news that came
    after a question just answered), the event waiting for a choice, or the end report.
    Nothing while a dialog or the guide is open."""
    session = app.session
    if session is None:
        return
    state = session.state
    if state.moves and state.moves[-1].startswith("choose ") and \
            session.autosaved_moves != len(state.moves):
        autosave(app)  # an answer is kept at once: Continue never asks it again
    if isinstance(app.top, EventScene | NewsCardScene | TutorialScene):
        return
    card = NewsCardScene.for_turn(app)  # the turn's news dated before the question waiting
    if card is not None:
        app.push(card)
        return
    if state.pending_event is not None:
        app.push(EventScene(app))
    elif session.over and not isinstance(app.top, ReportScene):
        app.push(ReportScene(app))


def end_turn(app: Host) -> None:
    """End the turn, autosave, show the new turn on the map, then what comes next."""
    session = app.session
    if session is None or session.over:
        return
    problem = session.end_turn()
    if problem:
        app.toast(_("Cannot end the turn: {why}").format(why=problem), "bad")
        return
    autosave(app)
    if isinstance(app.top, GameScene):
        app.top.new_turn()  # the date and aims behind the next dialog are the new turn's
    after_move(app)


def autosave(app: Host) -> None:
    """Write the game's autosave (at a turn's start, and after an answer)."""
    session = app.session
    if session is None:
        return
    try:
        session.autosave()
    except SaveError as exc:
        app.toast(str(exc), "bad", 8)
    session.autosaved_moves = len(session.state.moves)


def load_from(app: Host, path: Path) -> bool:
    """Open a save; on any problem show a message naming the file, and stay where we are."""
    session = guarded(app, _("{file} cannot be opened").format(file=printable(str(path))),
                      lambda: load_game(path, known_scenarios(app), app.scenario_cache),
                      file=path)
    if session is None or not open_session(app, session):
        return False
    state = session.state
    app.toast(_("Loaded {name}: {date}, turn {turn}").format(
        name=printable(slot_name(path.name), 80), date=month_count_words(state.month),
        turn=state.turn + 1), "good")
    return True


def continue_game(app: Host) -> bool:
    """Open the newest save of any kind (by the time it was saved)."""
    path, problem = newest_save()
    if path is None:
        app.toast(problem or _("No save yet: start a new game."), "bad", 10 if problem else 4)
        return False
    return load_from(app, path)


def quick_save(app: Host) -> None:
    if app.session is None:
        app.toast(_("No game to save."), "bad")
        return
    path = saves_dir() / QUICKSAVE
    try:
        app.session.save(path)
        app.toast(_("Quick save written ({file}); F9 loads it.").format(file=path.name), "good")
    except SaveError as exc:
        app.toast(str(exc), "bad", 8)


def quick_load(app: Host) -> None:
    path = saves_dir() / QUICKSAVE
    try:
        missing = not path.exists() and not path.is_symlink()
    except OSError:
        missing = False  # something is in the way: loading says what
    if missing:
        app.toast(_("No quick save yet: F5 makes one."), "bad")
        return
    load_from(app, path)


def reload_scenario(app: Host) -> None:
    """The watched scenario file changed: load it again and replay the game's decisions."""
    if app.scenario_arg is None:
        return
    path = Path(app.scenario_arg)
    loaded = guarded(app, _("Scenario changed but does not load"), lambda: load_scenario(path))
    if loaded is None:
        return
    app.scenario_cache[str(path)] = loaded
    current = app.session
    if current is None:
        app.toast(_("Scenario reloaded: {title}").format(
            title=printable(loaded.scenario.title, 200)), "good")
        return

    def replay() -> tuple[Session, int]:
        data = save_data(current.state, current.player, str(path))
        result = replay_save(data, loaded.rules, str(path))
        return Session.resume(result.state, str(path), current.player, game_id=current.game_id,
                              game_name=current.game_name, branch=current.branch), result.dropped

    replayed = guarded(app, _("Scenario reloaded, but the game cannot go on; a new game "
                              "starts"),
                       replay)
    if replayed is None:
        start_new_game(app, path)
        return
    session, dropped = replayed
    if not open_session(app, session):
        return
    count, file = len(session.state.moves), printable(path.name)
    if dropped:
        text = ngettext("Scenario reloaded from {file}: {count} decision replayed; {dropped} no "
                        "longer apply.", "Scenario reloaded from {file}: {count} decisions "
                        "replayed; {dropped} no longer apply.", count)
    else:
        text = ngettext("Scenario reloaded from {file}: {count} decision replayed.",
                        "Scenario reloaded from {file}: {count} decisions replayed.", count)
    app.toast(text.format(file=file, count=count, dropped=dropped),
              "good" if not dropped else "bad", 10)
