"""The default scenario against history: the historical path, the real figures, the policies."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

import pytest

from game.core.engine import GameState
from game.core.figures import figure_fits, yearly_values
from game.core.policies import POLICIES, historical_game, play_game
from game.core.rules import Rules
from game.core.scoring import overall_score, summarize
from game.scenario.loader import load_scenario
from tests.conftest import DEFAULT, ROOT


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_scenario(DEFAULT).rules


@pytest.fixture(scope="module")
def history(rules: Rules) -> GameState:
    return historical_game(rules)


def test_the_default_scenario_is_deep_enough(rules: Rules) -> None:
    s = rules.scenario
    assert rules.turns >= 53 and rules.scenario.calendar.months_per_turn == 3
    assert len(s.nations) >= 14 and len(s.actions) >= 25 and len(s.events) >= 30
    assert len(s.endings) >= 3
    needed = {"germany", "france", "britain", "italy", "poland", "finland", "estonia", "latvia",
              "lithuania", "czechoslovakia", "romania", "spain", "japan", "usa"}
    assert needed <= {n.id for n in s.nations}
    for item in [*s.actions, *s.events]:
        assert item.history is not None, f"{item.id} has no history note"
        assert item.history.source.strip(), f"{item.id} has no source"
    stances = {x.id for x in s.stances}
    for ev in s.events:
        for c in ev.choices:
            assert c.stance in stances


def test_recognition_rises_to_1934_35_and_falls_by_1940(history: GameState) -> None:
    years = yearly_values(history, "recognition")
    peak_year = max(years, key=lambda y: years[y])
    assert 1933 <= peak_year <= 1936, years
    assert years[1928] < years[1934] and years[1940] < years[1935] - 5, years


def test_strength_grows_about_fourfold(history: GameState) -> None:
    years = yearly_values(history, "strength")
    assert 3.0 <= years[1940] / years[1928] <= 5.5, years


def test_recorded_figures_follow_the_historical_trajectory(history: GameState) -> None:
    fits = figure_fits(history)
    assert {f.aim_id for f in fits} >= {"strength", "recognition"}
    for fit in fits:
        assert fit.correlation >= 0.6, fit


def test_simulate_history_plays_historys_choices_with_the_worlds_dice(rules: Rules) -> None:
    # The historical game needs no dice (chance resolved as it happened); a simulated game
    # that makes history's choices meets the world's chance, as a student would, so it may
    # come out otherwise: its differences from history come from chance alone, and with the
    # dice resolved as they fell it is history exactly.
    done = subprocess.run([sys.executable, "main.py", "simulate", "--policy", "history", "--runs",
                           "12", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    games = json.loads(done.stdout)["games"]
    hist = historical_game(rules)
    assert len(games) == 12
    for game in games:
        assert set(game["final"]) == set(rules.aim_ids)
        assert game["ending"] in {e.id for e in rules.endings}
    for seed in range(12):
        as_history = play_game(rules, POLICIES["history"], seed=seed, history=True)
        assert as_history.aims == hist.aims and as_history.ending_index == hist.ending_index


def test_random_and_passive_play_score_clearly_worse_than_history(rules: Rules,
                                                                  history: GameState) -> None:
    target = overall_score(history)
    for name in ("random", "passive"):
        scores = [overall_score(play_game(rules, POLICIES[name], seed=s)) for s in range(60)]
        assert statistics.mean(scores) < target - 5, (name, statistics.mean(scores), target)


def test_a_different_policy_can_beat_history_on_one_aim_but_pays_on_another(
        rules: Rules, history: GameState) -> None:
    found = False
    for seed in range(150):
        game = play_game(rules, POLICIES["random"], seed=seed)
        diffs = [a - h for a, h in zip(game.aims, history.aims, strict=True)]
        if max(diffs) > 3 and min(diffs) < -3:
            found = True
            break
    assert found, "no game traded one aim for another"


def test_choices_lead_to_several_endings(rules: Rules) -> None:
    endings = {play_game(rules, POLICIES[p], seed=s).ending_index
               for p in ("random", "greedy", "passive", "history") for s in range(40 if p ==
                                                                                  "random" else 3)}
    assert len(endings) >= 3


def test_the_summary_compares_decisions_and_places_the_stance(rules: Rules,
                                                              history: GameState) -> None:
    game = play_game(rules, POLICIES["random"], seed=7)
    summary = summarize(game)
    assert summary.ending_id is not None and summary.ending_text
    assert [a.id for a in summary.aims] == list(rules.aim_ids)
    assert summary.decisions and any(not row.same for row in summary.decisions)
    assert summary.stance.reading_id in {r.id for r in rules.scenario.readings}
    own = summarize(history)
    assert all(row.same for row in own.decisions)
    assert all(a.difference == 0 for a in own.aims)
