"""What a student play-test of the game screen found, fixed: a turn's news comes in the order
of its dates (a news card before a question tells only what came before it; what came after
is told once it is answered), the End turn button looks disabled once the game is over, and
the quiet turn's line names each aim whole, at the common and the smallest window size, in
English and in German."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import i18n
from game.core.engine import EndTurn, GameState, apply_action
from game.core.policies import historical_answer_now
from game.present.dates import event_order
from game.scenario.loader import load_scenario
from game.ui.settings import Settings
from tests.ui.conftest import ROOT, Driver, mini_path

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")


def history_to(path: Path, turn: int) -> GameState:
    """The game at the start of ``turn``, every question answered as history did."""
    from game.core.engine import new_game

    state = new_game(load_scenario(path).rules, 0)
    while state.turn < turn:
        while state.pending_event is not None:
            answer = historical_answer_now(state)
            assert answer is not None
            state = apply_action(state, answer)
        state = apply_action(state, EndTurn())
    return state


def open_at(make_app: Any, path: Path, turn: int) -> Driver:
    """The game screen at the start of ``turn`` of ``path``, as a loaded save opens it."""
    from game.ui import flow
    from game.ui.session import Session

    d: Driver = make_app(settings=Settings(tutorial_done=True))
    flow.show_session(d.app, Session.resume(history_to(path, turn), str(path), "Student"))
    return d


def event_id(d: Driver, index: int) -> str:
    return d.app.session.state.rules.scenario.events[index].id


def play_the_turn(d: Driver) -> list[tuple[str, list[str]]]:
    """Go through the turn's cards and questions (answering each with its first choice) to
    the map; return what came, in order: ("card", its events) or ("ask", [the event])."""
    seen: list[tuple[str, list[str]]] = []
    for _ in range(40):
        name = d.scene()
        if name == "NewsCardScene":
            seen.append(("card", [event_id(d, i.index) for i in d.top.items
                                  if i.kind == "event"]))
            d.key(pygame.K_RETURN)
        elif name == "EventScene":
            if d.top.answered is None:
                seen.append(("ask", [d.app.session.state.pending_event]))
                d.key(pygame.K_1)
            else:
                d.key(pygame.K_RETURN)
        else:
            break
    assert d.scene() == "GameScene"
    return seen


def test_apr_1939_a_question_comes_before_the_news_dated_after_it(make_app: Any) -> None:
    # Apr-Jun 1939: Franco wins (1 Apr); talks with Britain and France (17 Apr, a question);
    # Khalkhin Gol (11 May, a question); the Pact of Steel (22 May); Berlin's soundings (30 May,
    # a question). The Pact of Steel used to be on the first card, before the talks.
    d = open_at(make_app, DEFAULT, 45)
    assert d.scene() == "NewsCardScene"
    d.shot("playtest_dates_first_card")
    assert d.top.later is False
    while_asked = d.app.stack[-2]  # the map under the card
    texts = " ".join(t for t, _ in while_asked.news_lines())
    assert "Franco" in texts and "Talks with Britain" in texts
    assert "Pact of Steel" not in texts and "Japan attacks" not in texts  # not told yet
    seen = play_the_turn(d)
    assert seen == [("card", ["franco_wins"]), ("ask", ["talks_1939"]), ("ask", ["khalkhin_gol"]),
                    ("card", ["pact_of_steel"]), ("ask", ["german_soundings"])]
    lines = [t for t, _ in d.top.news_lines()]
    assert any("Pact of Steel" in t for t in lines)  # every event of the turn, once answered
    # Each answer right after its question, in the order of the dates (they used to come
    # after all the turn's events).
    talks = next(n for n, t in enumerate(lines) if t.startswith("17 Apr 1939  Britain: Talks"))
    assert lines[talks + 1].startswith("17 Apr 1939  You chose: Talks with Britain")
    assert lines[talks + 2].startswith("11 May 1939  Japan attacks in Mongolia")
    assert lines[talks + 3].startswith("11 May 1939  You chose: Japan attacks")


def test_the_card_after_a_question_is_dated_by_its_news(make_app: Any) -> None:
    d = open_at(make_app, DEFAULT, 45)
    for _ in range(10):
        if d.scene() == "NewsCardScene" and d.top.later:
            break
        d.key(pygame.K_1 if d.scene() == "EventScene" and d.top.answered is None
              else pygame.K_RETURN)
    assert d.scene() == "NewsCardScene" and d.top.later
    assert d.top.heading == "News: 22 May 1939"
    paragraphs = [t for t, _ in d.top.view.paragraphs]
    assert paragraphs[:2] == ["The Pact of Steel", "22 May 1939"]  # the event's own date
    d.shot("playtest_dates_second_card")


def test_mar_1939_the_party_congress_is_asked_before_prague(make_app: Any) -> None:
    # The student's case: Stalin's report to the Party Congress (10 Mar, a question), then
    # Prague (15 Mar) and the guarantee to Poland (31 Mar); the card used to come first.
    d = open_at(make_app, ROAD, 6)
    seen = play_the_turn(d)
    assert seen[0] == ("ask", ["party_congress"])
    assert seen[1:] == [("card", ["prague_occupied", "guarantee_to_poland"])]


@pytest.mark.parametrize(("path", "first", "last"), [(DEFAULT, 40, 53), (ROAD, 0, 14)])
def test_every_news_of_a_turn_is_told_once_in_the_order_of_its_dates(
        make_app: Any, path: Path, first: int, last: int) -> None:
    rules = load_scenario(path).rules
    d = open_at(make_app, path, first)
    for _ in range(rules.turns):
        state = d.app.session.state
        seen = play_the_turn(d)
        told = [e for kind, events in seen for e in events]
        assert len(told) == len(set(told)), seen  # nothing twice
        fired = [rules.scenario.events[e.index].id for e in state.log()
                 if e.kind == "event" and e.turn == state.turn]
        assert sorted(told) == sorted(fired), (state.turn, seen)  # nothing lost
        index = rules.event_index
        orders = [event_order(rules, index[e], state.turn) for e in told]
        assert orders == sorted(orders), (state.turn, seen)
        if d.app.session.over or state.turn >= last:
            break
        d.key(pygame.K_RETURN)  # End turn (not d.end_turn: it closes the next cards)
        if d.scene() == "MessageScene":
            d.key(pygame.K_RETURN)  # yes, with points left
        if d.scene() == "ReportScene":
            break


def test_end_turn_looks_disabled_once_the_game_is_over(make_app: Any, home: Path) -> None:
    d: Driver = make_app(settings=Settings(tutorial_done=True))
    assert d.app.new_game(mini_path(home))
    for _ in range(300):
        name = d.scene()
        if name == "ReportScene":
            break
        if name == "EventScene":
            d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
        else:
            d.key(pygame.K_RETURN)  # cards, "end the turn?", and the map's End turn
    assert d.scene() == "ReportScene"
    d.click("map")
    assert d.scene() == "GameScene"
    end = d.top.buttons["end"]
    assert not end.is_enabled
    assert "end" not in d.top.focus_order
    assert d.top.tips["end"][0] == "The game is over"
    d.shot("playtest_game_over_map")
    moves = len(d.app.session.state.moves)
    d.click_at(end.rect.center)
    assert d.scene() == "GameScene"
    assert len(d.app.session.state.moves) == moves
    d.key(pygame.K_RETURN)  # Enter opens the end report again
    assert d.scene() == "ReportScene"


@pytest.mark.usefixtures("back_to_english")
@pytest.mark.parametrize("size", [(1280, 800), (800, 500)])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_quiet_turn_line_names_each_aim_whole(make_app: Any, home: Path, lang: str,
                                                  size: tuple[int, int]) -> None:
    from game.present.aims import aim_last_turn_change
    from game.ui.widgets import wrap

    d: Driver = make_app(size=size, settings=Settings(language=lang, tutorial_done=True))
    assert d.app.new_game(ROAD)
    for _ in range(400):
        name = d.scene()
        if name == "GameScene" and d.top.quiet and d.app.session.state.turn > 0:
            break
        if name == "EventScene":
            d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
        else:
            d.key(pygame.K_RETURN)
    scene = d.top
    assert scene.quiet, "no quiet turn"
    state = d.app.session.state
    changed = [aim.name for i, aim in enumerate(state.rules.scenario.aims)
               if round(aim_last_turn_change(state, i), 1) != 0]
    longest = max((a.name for a in state.rules.scenario.aims), key=len)
    assert longest in changed  # "Industrial and military strength" (German: longer still)
    d.shot(f"playtest_quiet_{lang}_{size[0]}x{size[1]}")
    text = " ".join(scene.quiet_lines)
    for aim in changed:
        assert aim in text, (aim, text)  # whole, not "Industrial and military stren…"
    assert "…" not in text
    small = d.app.fonts.small()
    box = scene.quiet_rect.inflate(-scene.px(20), -scene.px(10))
    lines = wrap(text, small, box.width)
    assert all(small.size(line)[0] <= box.width for line in lines)
    assert len(lines) * small.get_linesize() <= box.height
    assert scene.map_rect.contains(scene.quiet_rect)
    assert scene.map_draw_rect.height >= scene.map_rect.height // 2  # the map keeps its room
