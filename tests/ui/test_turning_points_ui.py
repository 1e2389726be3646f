"""The turning points on screen, headless: from the end report (key A or its button) the
analysis runs in the background with a progress bar, then shows the curve and the turning
points; "try again from here" by keyboard and by mouse opens the question in a new save (the
original save untouched); the branch's end report compares the two futures."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame
import pytest

from game.core.policies import history_with, play_game
from game.saves import read_save_data, write_save
from game.scenario.loader import load_scenario
from game.ui import analysis_job
from tests.conftest import DATA
from tests.ui.conftest import Driver

ANALYSIS = DATA / "analysis.yaml"
GAMES = 40
"""Games per choice on screen in these tests (the screen's own default is larger)."""


@pytest.fixture(autouse=True)
def few_games(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui import analysis_screen

    monkeypatch.setattr(analysis_screen, "SCREEN_GAMES", GAMES)
    analysis_job.forget_all()


def finished_save(home: Path) -> Path:
    """A student's finished game, saved in the saves folder: the rash road at the crossroads."""
    loaded = load_scenario(ANALYSIS)
    state = play_game(loaded.rules, history_with({"crossroads": "rash", "fork": "right"}), seed=3)
    path = home / "saves" / "Ada.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_save(path, state, "Ada", str(ANALYSIS), "game-ada", "Ada")
    return path


def open_report(make_app, home: Path, **kwargs: object) -> tuple[Driver, Path, bytes]:
    save = finished_save(home)
    d = make_app(**kwargs)
    assert d.app.load_game(save)
    d.step()
    assert d.scene() == "ReportScene"
    return d, save, save.read_bytes()


def wait_for_analysis(d: Driver) -> None:
    scene = d.top
    assert scene.job.wait(120), "the analysis did not end"
    d.step()
    assert scene.analysis is not None, scene.job.problem


def play_to_the_end(d: Driver, choice: str, by_mouse: bool) -> None:
    """Answer the waiting question with ``choice``, then play on (Enter on the map, the first
    choice at every other question) to the end report."""
    answered = False
    for _ in range(300):
        name = d.scene()
        if name == "ReportScene":
            return
        if name in ("NewsCardScene", "MessageScene"):
            d.key(pygame.K_RETURN)
        elif name == "EventScene":
            top = d.top
            keys = [k for k in top.buttons if k.startswith("choice:")]
            if not keys:
                d.key(pygame.K_RETURN) if not by_mouse else d.click("continue")
                continue
            if not answered:
                ev = d.app.session.state.rules.scenario.events[top.event_index]
                assert ev.id == "crossroads"
                key = f"choice:{[c.id for c in ev.choices].index(choice)}"
                answered = True
            else:
                key = "choice:0"
            if by_mouse:
                d.click(key)
            else:
                d.focus_and_press(key)
        else:
            assert name == "GameScene", name
            d.end_turn()
    raise AssertionError("the branch never ended")


def test_turning_points_and_try_again_by_keyboard(make_app, home: Path) -> None:
    d, save, before = open_report(make_app, home)
    d.key(pygame.K_a)
    assert d.scene() == "AnalysisScene"
    scene = d.top
    d.shot("turning_points_progress")
    wait_for_analysis(d)
    analysis = scene.analysis
    assert analysis.games == GAMES
    first = analysis.turning_points[0]
    assert analysis.decisions[first.decision].decision.event == "crossroads"
    assert not first.better
    assert "tp:1" in scene.buttons and scene.curve is not None
    d.shot("turning_points")
    # The decisions tab by keyboard: T, then the arrows choose a decision.
    d.key(pygame.K_t)
    assert d.top.tab == "decisions" and d.top.chosen == first.decision
    d.key(pygame.K_DOWN)
    assert d.top.chosen == first.decision + 1
    d.key(pygame.K_UP)
    d.shot("turning_points_decisions")
    # Try again from here (R), confirmed with Enter.
    d.key(pygame.K_r)
    assert d.scene() == "MessageScene"
    d.shot("try_again_confirm")
    d.key(pygame.K_RETURN)
    session = d.app.session
    assert session.branch is not None and session.state.pending_event == "crossroads"
    assert save.read_bytes() == before
    branches = [p for p in (home / "saves").glob("*.json") if "other_future" in p.name]
    assert len(branches) == 1
    play_to_the_end(d, "wise", by_mouse=False)
    assert d.app.session.state.answer("crossroads") == "wise"
    assert save.read_bytes() == before
    assert "futures" in d.top.buttons
    d.shot("branch_report")
    d.key(pygame.K_c)
    assert d.scene() == "BranchCompareScene"
    futures = d.top.futures
    assert futures.first_choice == "The rash road" and futures.other_choice == "The safe road"
    assert len(d.top.charts) == 2
    d.shot("two_futures_charts")
    d.key(pygame.K_t)
    assert d.top.tab == "side" and d.top.view is not None
    d.shot("two_futures_side")
    d.key(pygame.K_ESCAPE)
    assert d.scene() == "ReportScene"
    data = read_save_data(branches[0])
    assert data.branch is not None and data.moves[:data.branch.split] == \
        read_save_data(save).moves[:data.branch.split]


def test_turning_points_and_try_again_by_mouse_on_every_core(make_app, home: Path) -> None:
    from game.tools.play import analyse_game

    d, save, before = open_report(make_app, home, analyser=analyse_game)
    d.click("analysis")
    assert d.scene() == "AnalysisScene"
    wait_for_analysis(d)
    scene = d.top
    # A click on a turning point's triangle on the curve selects it.
    rect, rank = scene.curve.marks[0]
    d.click_at((scene.curve_rect.x + rect.centerx, scene.curve_rect.y + rect.centery))
    assert scene.rank == rank
    d.click("tp:1")
    d.click("again")
    assert d.scene() == "MessageScene"
    d.click("go")
    assert d.app.session.branch is not None
    play_to_the_end(d, "gamble", by_mouse=True)
    assert save.read_bytes() == before
    d.click("futures")
    assert d.scene() == "BranchCompareScene"
    d.click("tab:side")
    assert d.top.tab == "side"
    d.click("back")
    assert d.scene() == "ReportScene"


def test_the_analysis_is_the_same_in_the_window_as_in_the_command(make_app, home: Path) -> None:
    from game.core.analysis import analyse_game, read_game

    d, _save, _before = open_report(make_app, home)
    d.key(pygame.K_a)
    wait_for_analysis(d)
    state = d.app.session.state
    alone = analyse_game(read_game(state.rules, state.seed, state.moves), GAMES)
    shown = d.top.analysis
    assert shown.curves == alone.curves and shown.turning_points == alone.turning_points


def test_leaving_the_analysis_stops_it_and_trying_again_works_before_it_ends(
        make_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from game.ui import analysis_screen

    monkeypatch.setattr(analysis_screen, "SCREEN_GAMES", 4000)
    gate = threading.Event()
    real = analysis_job.in_this_process

    def slow(game, scenario_file, games, progress):  # type: ignore[no-untyped-def]
        def held(done: int) -> None:
            gate.wait(5)
            progress(done)
        return real(game, scenario_file, games, held)

    d, save, before = open_report(make_app, home, analyser=slow)
    d.key(pygame.K_a)
    scene = d.top
    assert scene.job.running and scene.analysis is None
    d.key(pygame.K_t)  # the decisions are there before the analysis ends
    assert d.top.tab == "decisions"
    d.key(pygame.K_r)
    d.key(pygame.K_RETURN)
    gate.set()
    assert scene.job.cancelled
    assert scene.job.wait(30)
    assert scene.analysis is None
    assert d.app.session.branch is not None
    assert save.read_bytes() == before


@pytest.mark.parametrize("size", [(800, 500), (1920, 1080)])
def test_the_screens_fit_small_and_large_windows(make_app, home: Path,
                                                 size: tuple[int, int]) -> None:
    d, _save, _before = open_report(make_app, home, size=size)
    d.key(pygame.K_a)
    wait_for_analysis(d)
    window = d.app.screen.get_rect()
    for key, button in d.top.buttons.items():
        assert window.contains(button.rect), key
    d.shot(f"turning_points_{size[0]}x{size[1]}")


def test_every_text_of_the_turning_points_comes_from_the_catalogue_or_the_scenario(
        make_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the pseudo-language, with every text of the scenario marked: the analysis, the
    question before trying again, the branch's end report and the two futures."""
    from game import i18n
    from game.ui.settings import Settings
    from tests.ui import test_pseudo_locale as pseudo

    monkeypatch.setattr(pseudo, "MINI", ANALYSIS)
    marked = pseudo.marked_scenario(home / "scenarios" / "marked.yaml")
    rules = load_scenario(marked).rules
    state = play_game(rules, history_with({"crossroads": "rash", "fork": "right"}), seed=3)
    save = home / "saves" / "Ada.json"
    save.parent.mkdir(parents=True, exist_ok=True)
    write_save(save, state, "Ada", str(marked), "game-ada", "Ada")
    try:
        i18n.set_language(i18n.PSEUDO)
        capture = pseudo.Capture()
        capture.install(monkeypatch)
        d = make_app(settings=Settings(language=i18n.PSEUDO))
        assert d.app.load_game(save)
        d.step()
        seen = []

        def look(hover: tuple[int, int] | None = None) -> None:
            if hover is not None:
                d.step([pygame.event.Event(pygame.MOUSEMOTION, pos=hover, rel=(0, 0),
                                           buttons=(0, 0, 0))])
            d.app.draw()
            seen.append(d.scene())

        look()
        d.key(pygame.K_a)
        look()
        wait_for_analysis(d)
        scene = d.top
        look((scene.curve_rect.x + scene.curve.points[1][0],
              scene.curve_rect.y + scene.curve.points[1][1]))
        look(scene.buttons["again"].rect.center)
        d.key(pygame.K_t)
        look()
        d.key(pygame.K_r)
        look()
        d.key(pygame.K_RETURN)
        look()
        play_to_the_end(d, "wise", by_mouse=False)
        look(d.top.buttons["futures"].rect.center)
        d.key(pygame.K_c)
        look()
        d.key(pygame.K_t)
        look()
        assert {"AnalysisScene", "MessageScene", "ReportScene", "BranchCompareScene"} <= set(seen)
        allowed = pseudo.allowed_words(d.app) | {"Ada", "R", "A"}
        offenders = sorted((t, w) for t in capture.texts()
                           if (w := pseudo.unmarked_words(t, allowed)))
        for text, words in offenders:
            print(f"bypasses the catalogue: {text!r}  (words: {', '.join(words)})")
        assert not offenders, f"{len(offenders)} texts bypass the catalogue (printed above)"
    finally:
        i18n.set_language("en")
