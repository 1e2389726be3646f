"""Findings of a play-test of the main screen, as failing tests.

1. The event dialog's header gave the turn's month ("Sep 1938 · event"), not the event's own
   day, which the news cards and the timeline show ("29 Sep 1938").
2. At 800x500 the aims panel cut a long aim's name ("Industrial and military stre…",
   "Industrielle und militärisch…").
3. The line under the actions' title was clipped beside its buttons ("Towards
   Czechoslovakia · 2"); a long German action name lost its cost to an ellipsis.
4. While the Munich question waited, actions that no answer could open said "answer the event
   first"; after it, "Nothing more can be done now" said nothing of the two points left.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import i18n
from game.ui.settings import Settings
from tests.ui.conftest import MINI, ROOT, SHOTS, Driver
from tests.ui.test_layout_sizes import Drawn, capture, install

ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
SIZES = [(800, 500), (1280, 800)]
LANGS = ["en", "de"]


@pytest.fixture
def language() -> Iterator[None]:
    yield
    i18n.set_language("en")


def start(make_app: Any, path: Path, size: tuple[int, int], lang: str = "en") -> Driver:
    d: Driver = make_app(size=size, settings=Settings(tutorial_done=True, language=lang))
    assert d.app.new_game(path)
    d.settle()
    return d


def to_map(d: Driver) -> None:
    """Answer the question waiting (its first answer) and close what follows it."""
    for _ in range(10):
        if d.scene() == "GameScene":
            return
        if d.scene() == "EventScene":
            d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
        else:
            d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"


def shown(drawn: list[Drawn], rect: pygame.Rect) -> list[Drawn]:
    """The texts drawn whole (not clipped away) inside ``rect``, top to bottom."""
    return sorted((x for x in drawn if rect.contains(x.rect)
                   and (not x.clip or x.clip.contains(x.rect))),
                  key=lambda x: (x.rect.y, x.rect.x))


def look(d: Driver) -> list[Drawn]:
    """The texts the window shows now. The map screen draws its still parts (panels, aims,
    actions) into a layer of its own: here it draws them straight into the window, where
    their text is recorded (the map itself, slow to draw and not looked at here, is
    left out)."""
    for scene in d.app.stack:
        if hasattr(scene, "_draw_still"):
            def draw(surface: pygame.Surface, s: Any = scene) -> None:
                s._draw_still(surface)

            scene.draw = draw  # capture() wraps it, and takes it away after
    return capture(d.app)


def joined(drawn: list[Drawn]) -> str:
    return " ".join(" ".join(x.text.split()) for x in drawn)


# -- 1. the event dialog's date -------------------------------------------------------------

def header(d: Driver) -> str:
    """The first line of the event dialog as drawn (above the event's title)."""
    scene: Any = d.top
    layer = str(len(d.app.stack) - 1)
    top = shown([x for x in look(d) if x.layer == layer], scene.box)
    assert top, "nothing drawn in the event dialog"
    return top[0].text


def test_the_event_dialog_is_dated_by_the_events_own_day(make_app: Any, home: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)
    d = start(make_app, ROAD, (1280, 800))
    assert d.scene() == "EventScene"
    assert header(d) == "29 Sep 1938  ·  event: choose your answer"
    d.key(pygame.K_1)
    assert header(d) == "29 Sep 1938  ·  event"
    d.shot("polish_event_day")


@pytest.mark.parametrize("date,expect", [('"1930-07-14"', "14 Jul 1930"),
                                         (None, "Jul–Sep 1930")],
                         ids=["own day", "no date: the turn's months"])
def test_an_event_without_a_day_is_dated_by_its_turn(make_app: Any, home: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     date: str | None, expect: str) -> None:
    install(monkeypatch)
    text = MINI.read_text(encoding="utf-8")
    assert 'date: "1930-07"\n    choices:' in text
    text = text.replace('date: "1930-07"\n    choices:',
                        (f"date: {date}" if date else 'earliest: "1930-07"') + "\n    choices:")
    path = home / "scenarios" / "mini_dated.yaml"
    path.write_text(text, encoding="utf-8")
    d = start(make_app, path, (1280, 800))
    for _ in range(12):
        if d.scene() == "EventScene":
            break
        d.end_turn()
    assert d.scene() == "EventScene"
    state = d.app.session.state
    assert state.pending_event == "crisis"
    from game.present.dates import turn_date

    assert turn_date(state.rules, state.turn) == "Jul 1930"
    assert header(d) == f"{expect}  ·  event: choose your answer"


# -- 2. and 3. the aims' names and the actions' headers, whole --------------------------------

@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=["800x500", "1280x800"])
def test_aim_names_and_action_headers_are_whole(make_app: Any, home: Path,
                                                monkeypatch: pytest.MonkeyPatch, lang: str,
                                                size: tuple[int, int]) -> None:
    """Each aim's name is drawn whole in the aims panel, blocks apart; the line under the
    actions' title is drawn whole, nothing over the buttons, with every nation selected; every
    action's name is on its button whole."""
    install(monkeypatch)
    d = start(make_app, ROAD, size, lang)
    to_map(d)
    scene: Any = d.top
    state = d.app.session.state
    drawn = look(d)
    aims = joined(shown(drawn, scene.aims_panel))
    for aim in state.rules.scenario.aims:
        assert aim.name in aims, f"{aim.name!r} not whole in the aims panel: {aims!r}"
    rects = scene.aim_rects
    assert all(a.bottom <= b.top for a, b in zip(rects, rects[1:], strict=False))
    assert scene.aims_panel.contains(rects[-1]) and scene.aims_panel.bottom < scene.news_rect.top
    d.shot(f"polish_aims_{lang}_{size[0]}x{size[1]}")
    budget = state.budget
    for nation in [None, *range(len(state.rules.scenario.nations))]:
        scene.select(nation)
        drawn = look(d)
        panel = shown(drawn, scene.right_rect)
        text = joined(panel)
        if nation is None:
            want = i18n.ngettext("{count} point left · keys 1-9 · hover for details",
                                 "{count} points left · keys 1-9 · hover for details",
                                 budget).format(count=budget)
        else:
            want = i18n.ngettext("Towards {nation} · {count} point left",
                                 "Towards {nation} · {count} points left", budget).format(
                nation=state.rules.scenario.nations[nation].name, count=budget)
        # Whole, but for a separator dropped where the line wraps (no line ends with one).
        assert " ".join(want.replace("·", " ").split()) in " ".join(
            text.replace("·", " ").split()), f"{want!r} not whole in the actions panel: {text!r}"
        buttons = [b.rect for b in scene.buttons.values() if b.visible]
        for x in panel:
            for r in buttons:
                assert r.contains(x.rect) or not x.rect.clip(r).width, \
                    f"{x.text!r} runs into a button"
        if nation == state.rules.nation_index["czechoslovakia"]:
            d.shot(f"polish_actions_czech_{lang}_{size[0]}x{size[1]}")
    scene.select(None)
    # Each action's name on its button whole (with its cost), on every page, turn by turn
    # along the historical path (the screen laid out anew at each; the map is not drawn).
    from game.core.engine import Choose, EndTurn
    from game.core.policies import history_policy
    from game.ui import widgets

    cuts: list[tuple[str, str]] = []
    monkeypatch.setattr(widgets, "cut_log", cuts)
    names = [a.name for a in state.rules.scenario.actions]
    session = d.app.session
    rng = random.Random(0)
    while session.state.turn < 14 and not session.over:
        move = history_policy(session.state, rng)
        if isinstance(move, EndTurn | Choose):
            # The turn's actions as the screen lists them, on every page, before it goes on.
            for page in range(scene.pages):
                scene.page = page
                scene.rebuild()
            scene.page = 0
        assert session.play(move) is None
        scene.rebuild()
        if session.state.turn == 12 and isinstance(move, EndTurn):
            d.shot(f"polish_actions_{lang}_{size[0]}x{size[1]}")
    assert session.state.turn == 14
    assert not [full for full, _ in cuts if full.split("  ·")[0] in names]


# -- 4. what is told while a question waits -------------------------------------------------

def _answered(state: Any) -> list[Any]:
    """Every state the waiting questions of this turn can lead to, each way of answering."""
    from game.core.engine import apply_action
    from game.core.moves import Choose

    if state.pending_event is None:
        return [state]
    ev = state.rules.scenario.events[state.rules.event_index[state.pending_event]]
    out = []
    for c in ev.choices:
        out += _answered(apply_action(state, Choose(ev.id, c.id)))
    return out


@pytest.mark.parametrize("path", [ROAD, DEFAULT], ids=["road_to_war", "ussr"])
def test_answer_the_event_first_only_for_actions_an_answer_opens(path: Path) -> None:
    """Along the historical path, at each question: an action is told "answer the event first"
    exactly when some answer opens it; any other is told the refusal it will have after the
    answer (its dates, its conditions), never "answer the event first"."""
    from game.core.engine import action_problem, apply_action, is_over, new_game
    from game.core.policies import history_policy
    from game.core.refusals import Reason
    from game.present.refusals import told_problems
    from game.scenario.loader import load_scenario

    rules = load_scenario(path).rules
    state = new_game(rules, 0)
    rng = random.Random(0)
    waiting_told = other_told = 0
    while not is_over(state):
        if state.pending_event is not None:
            told = told_problems(state)
            after = _answered(state)
            for a in rules.actions:
                problem = told[a.index]
                assert problem is not None, "no action can be taken while a question waits"
                later = [action_problem(s, a.index) for s in after]
                if any(p is None for p in later):
                    assert problem.reason is Reason.ANSWER_EVENT_FIRST, a.id
                    waiting_told += 1
                else:
                    assert problem.reason is not Reason.ANSWER_EVENT_FIRST, a.id
                    assert problem in later, (a.id, problem, later)
                    other_told += 1
        state = apply_action(state, history_policy(state, rng))
    assert waiting_told and other_told


def test_munich_tells_what_holds_after_the_answer(make_app: Any, home: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The first turn of the road to war: no action opens this turn whatever the answer, so
    none is listed as "answer the event first"; after the answer the empty list says why and
    when the next action comes, and that the two points left are lost."""
    install(monkeypatch)
    d = start(make_app, ROAD, (800, 500))
    assert d.scene() == "EventScene"
    dialog = d.app.stack.pop()  # the map under the question, as it is then
    scene: Any = d.top
    scene.rebuild()
    text = joined(shown(look(d), scene.right_rect))
    assert "answer the event first" not in text
    assert "Whatever you answer, no action is open this turn." in text, text
    assert "The next action opens in Jan 1939." in text, text
    d.shot("polish_munich_waiting")
    d.app.stack.append(dialog)
    to_map(d)
    assert d.app.session.state.budget == 2
    scene = d.top
    text = joined(shown(look(d), scene.right_rect))
    assert ("No action is open this turn: your 2 points cannot be spent and are lost when "
            "the turn ends.") in text, text
    assert "The next action opens in Jan 1939." in text, text
    d.shot("polish_munich_answered")
    assert SHOTS.exists()
