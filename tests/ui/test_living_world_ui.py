"""The screens of the living world (issue 9), played in the real App on a scenario made for
them (tests/data/living_ui.yaml): the living map and its legend, a great power's panel, the
standing policies by mouse and keyboard, a gamble's odds and result, and quiet turns that pass
with one key. Screenshots go to $STATECRAFT_SCREENSHOTS (tests/screenshots/)."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import random
import shutil
from pathlib import Path
from typing import Any

import pygame
import yaml

from tests.ui.conftest import MINI, ROOT, Driver

LIVING = ROOT / "tests" / "data" / "living_ui.yaml"


def start(make_app: Any, home: Path, size: tuple[int, int] = (1280, 720)) -> Driver:
    """A new game of the living-world scenario, past the first turn's news card."""
    from game.ui.settings import Settings

    path = home / "scenarios" / "living_ui.yaml"
    shutil.copy(LIVING, path)
    d: Driver = make_app(size=size, settings=Settings(tutorial_done=True), seed=3)
    d.app.new_game(path)
    d.settle()
    assert d.scene() == "GameScene"
    return d


def play_history_to(d: Driver, turn: int) -> None:
    """Play the historical path up to ``turn`` and show the map anew."""
    from game.core.engine import apply_action
    from game.core.policies import history_policy
    from game.ui.game_screen import GameScene

    s = d.app.session
    rng = random.Random(0)
    while s.state.turn < turn and not s.over:
        s.turn_states = [apply_action(s.state, history_policy(s.state, rng))]
    s.news_shown_turn = s.state.turn
    d.app.pop_to_title()
    d.app.push(GameScene(d.app))
    d.step()


def test_the_map_redraws_for_annexed_occupied_partitioned_at_war_and_gains(make_app,
                                                                          home: Path) -> None:
    from game.ui.mapview import PLAYER_STYLE

    d = start(make_app, home)
    play_history_to(d, 11)  # October 1940: France fallen, Poland divided, the Baltic states
    st = d.app.session.state
    assert st.status("france") == "occupied" and st.status("poland") == "partitioned"
    styles = d.top.map.styles(st, "standard")
    germany = styles["germany"]
    assert styles["austria"].colour == germany.colour  # annexed: in its holder's look
    assert styles["austria"].pattern == germany.pattern
    assert styles["france"].pattern == "occupied" and styles["france"].ink == germany.colour
    assert styles["poland"].pattern == "partition"
    assert {styles["poland"].colour, styles["poland"].ink2} == {germany.colour,
                                                                 PLAYER_STYLE.colour}
    assert styles["estonia"].colour == PLAYER_STYLE.colour  # the player's gain, its colour
    assert styles["britain"].war and styles["italy"].war and styles["china"].war
    assert not styles["germany"].war
    assert not styles["france"].marked  # an occupied partner fights for no one
    labels = [label for label, _style in d.top.map.status_legend(st, "standard")]
    assert labels == ["The USSR's gains", "annexed", "occupied", "partitioned",
                      "at war with others"]
    d.shot("living_map_1940")
    d.resize(800, 500)
    d.step()
    legend = [label for row in d.top._legend_rows(d.top.map_rect.width) for label, _s in row]
    assert "occupied" in legend and "partitioned" in legend
    d.shot("living_map_1940_800x500")


def test_the_map_at_the_start_keeps_its_legend_short(make_app, home: Path) -> None:
    d = start(make_app, home)
    st = d.app.session.state
    labels = [label for label, _style in d.top.map.status_legend(st, "standard")]
    assert labels == ["annexed", "at war with others"]  # Austria, and China at war


def test_a_great_power_panel_says_what_it_thinks_wants_and_did(make_app, home: Path) -> None:
    d = start(make_app, home)
    play_history_to(d, 12)  # January 1941: the pact holds
    st = d.app.session.state
    d.top.select(st.rules.nation_index["germany"])
    left, right = d.top.nation_views
    words = [t for t, _style in right.paragraphs]
    assert "How Germany sees the USSR" in words
    assert "A useful partner for now, which supplies grain and oil while Germany fights in " \
           "the west." in words
    assert "Room in the east." in words
    assert any(w.startswith("Why: Hitler wrote so") for w in words)
    moves = [w for w in words if " · " in w]
    assert moves[0].endswith("war: France falls") and moves[-1].endswith(
        "annexation: The Anschluss")
    facts = [t for t, _style in left.paragraphs]
    assert any(t.startswith("Why it moves: Berlin warms") for t in facts)
    d.shot("living_germany_panel")
    d.top.select(st.rules.nation_index["france"])
    facts = [t for t, _style in d.top.nation_views[0].paragraphs]
    assert "Occupied by Germany" in facts
    assert "Treaties: Diplomatic relations, Mutual assistance (binding)" in facts
    d.shot("living_france_panel")
    d.key(pygame.K_ESCAPE)
    assert d.top.selected is None


def test_war_and_binding_come_from_the_treaty_kinds_not_their_ids(make_app,
                                                                 home: Path) -> None:
    """A kind called 'alliance' binds no one unless the scenario says so, and 'war' is war
    only when marked."""
    from game.core.engine import new_game
    from game.present.nations import at_war, binding_treaties, nation_lines
    from game.scenario.loader import load_scenario

    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["treaty_kinds"] += [{"id": "alliance", "name": "Alliance"},
                             {"id": "war", "name": "War"},
                             {"id": "pact", "name": "Pact of steel", "binding": True},
                             {"id": "fighting", "name": "Fighting", "war": True}]
    data["nations"][0]["treaties"] = ["alliance", "war", "pact"]
    data["nations"][1]["treaties"] = ["fighting"]
    path = home / "scenarios" / "kinds.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    st = new_game(load_scenario(path).rules)
    assert binding_treaties(st, 0) == ["Pact of steel"]
    assert not at_war(st, "finland") and at_war(st, "germany")
    lines = nation_lines(st, 1)
    assert lines[1].startswith("At war with the USSR")
    assert "Fighting" not in lines[2]


def test_standing_policies_by_keyboard_and_mouse(make_app, home: Path) -> None:
    d = start(make_app, home)
    s = d.app.session
    assert s.state.policy("effort") == "balanced"
    d.key(pygame.K_p)
    assert d.top.policies_open
    assert d.top.focus_key == "pol:effort:balanced"  # the option chosen has the focus
    d.shot("living_policies")
    d.key(pygame.K_TAB)
    d.key(pygame.K_RETURN)
    assert s.state.policy("effort") == "heavy_industry"
    assert d.top.focus_key == "pol:effort:heavy_industry"
    lines = [t for _x, _y, _w, t, _s in d.top.policy_panel.texts]
    assert "each turn: Strength +0.6, Security -0.2" in " ".join(lines)
    assert "Chosen now" in lines
    d.click("pol:diplomacy:free_hand")
    assert s.state.policy("diplomacy") == "free_hand"
    d.key(pygame.K_BACKSPACE)  # undo: the last policy set is taken back
    assert s.state.policy("diplomacy") == "collective_security"
    d.key(pygame.K_ESCAPE)
    assert not d.top.policies_open and d.scene() == "GameScene"
    d.click("policies")
    assert d.top.policies_open
    d.click("close_policies")
    assert not d.top.policies_open
    # The policy acts at the end of the turn.
    strength = s.state.aim("strength")
    d.end_turn()
    assert s.state.aim("strength") > strength + 0.5


def test_a_gamble_shows_its_odds_and_range_and_the_turn_tells_how_it_came_out(
        make_app, home: Path) -> None:
    from game.ui.news_card import NewsCardScene

    d = start(make_app, home)
    for _ in range(3):
        if d.scene() == "EventScene":
            break
        d.end_turn()
    assert d.scene() == "EventScene"
    texts = [t for _x, _y, t, _style in d.top.lines]
    odds = next(t for t in texts if "%:" in t)
    assert "A gamble, drawn at the end of the turn" in " ".join(texts)
    assert "Security" in odds and "%" in odds
    assert any("Security -6.0 to +12.0" in t for t in texts) or any(
        "What it can do in all" in t for t in texts)
    assert {style for _x, _y, _t, style in d.top.lines} <= {"body", "dim", "accent"}
    d.shot("living_gamble")
    d.key(pygame.K_1)
    d.shot("living_gamble_answered")
    d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"
    d.key(pygame.K_RETURN)
    if d.scene() == "MessageScene":
        d.key(pygame.K_RETURN)
    assert isinstance(d.app.top, NewsCardScene)
    kinds = [item.kind for item in d.top.items]
    assert kinds[0] == "outcome"
    text = " ".join(t for t, _style in d.top.view.paragraphs)
    assert "How it came out: The Sudeten crisis" in text
    outcome = d.app.session.state.outcome("munich")
    told = {"west_joins": "Hitler backs down", "west_refuses": "sign at Munich without you"}
    assert told[outcome] in text
    d.shot("living_gamble_result")


def test_a_quiet_turn_passes_with_one_key(make_app, home: Path) -> None:
    d = start(make_app, home)
    game = d.top
    assert game.quiet and game.quiet_rect.height
    assert "A quiet turn" in game.quiet_lines[0]
    turn = d.app.session.state.turn
    d.key(pygame.K_RETURN)  # points left, but nothing to decide: no question asked
    assert d.app.session.state.turn == turn + 1
    d.settle()
    # April 1939: a one-off action newly on offer makes the turn a real one.
    for _ in range(8):
        st = d.app.session.state
        if st.turn == 5:
            break
        if d.scene() == "EventScene":
            d.key(pygame.K_2)
            d.key(pygame.K_RETURN)
        d.end_turn()
    assert d.app.session.state.turn == 5 and d.scene() == "GameScene"
    assert not d.top.quiet and not d.top.quiet_rect.height
    d.key(pygame.K_RETURN)
    assert d.scene() == "MessageScene"  # points left and something to decide: asked first
