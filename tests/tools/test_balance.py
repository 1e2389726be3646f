"""`balance`: each figure on a case checked by hand, the shortcut (a game started where its
changed answer is first asked) against whole games, determinism, JSON, the progress bar,
bad arguments, and validate's warning when the choices barely matter."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.core.engine import Choose, GameState, apply_action, new_game
from game.core.policies import history_with, play_game
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.reports.balance import (
    Balance,
    answer_options,
    balance,
    displayed_value,
    looks_best_policy,
    plan_changes,
    routine_turns,
)
from game.scenario.lint import SimulationPlan, coverage, simulated_warnings
from game.scenario.loader import load_scenario
from tests.conftest import DEFAULT, MINI
from tests.tools.scenarios import find, variant


@pytest.fixture(scope="module")
def mini() -> Rules:
    return load_scenario(MINI).rules


@pytest.fixture(scope="module")
def default() -> Rules:
    return load_scenario(DEFAULT).rules


@pytest.fixture(scope="module")
def mini_report(mini: Rules) -> Balance:
    return balance(mini, str(MINI), runs=12, seed=3)


@pytest.fixture(scope="module")
def default_report(default: Rules) -> Balance:
    return balance(default, str(DEFAULT), runs=2, seed=0)


def mean_score(rules: Rules, changes: dict[str, str], seeds: range) -> float:
    """The mean score of whole games of history with ``changes``, played from the start."""
    return math.fsum(overall_score(play_game(rules, history_with(changes), seed=s))
                     for s in seeds) / len(seeds)


# -- the mini scenario, by hand ------------------------------------------------------------------


def test_mini_has_one_other_answer_and_it_moves_only_the_score(mini: Rules,
                                                               mini_report: Balance) -> None:
    # The crisis is the only event with a choice: "defy" is the one answer besides history's.
    # Defying ends the game at the finale (1931-07), a turn early; security was set to 90 by
    # the late move in 1931-01 either way, so the ending ("safe") is the same in every game,
    # and only the score moves (the trajectory is one turn shorter).
    assert answer_options(mini) == [(0, 1)]
    [answer] = mini_report.answers
    assert (answer.event, answer.choice, answer.asked) == ("crisis", "defy", True)
    assert answer.endings_distance == 0
    seeds = range(3, 15)
    expected = mean_score(mini, {"crisis": "defy"}, seeds) - mean_score(mini, {}, seeds)
    assert answer.score_change == pytest.approx(expected)
    assert answer.score_change <= -1 and answer.matters
    assert mini_report.answers_that_matter == 1
    for s in seeds:
        defied = play_game(mini, history_with({"crisis": "defy"}), seed=s)
        assert defied.ending_index == play_game(mini, history_with({}), seed=s).ending_index
        assert defied.turn < mini.turns - 1


def test_mini_best_looking_and_best_plan_are_history(mini: Rules, mini_report: Balance) -> None:
    # Neither answer of the crisis changes an aim (only the relation with Germany and a flag):
    # both look worth 0, so the tie goes to history's answer; and defying scores less, so the
    # search keeps history after its first round.
    state = new_game(mini, 0)
    while state.pending_event is None:
        state = _next(state)
    values = {c.id: displayed_value(state, _choose(state, c.id)) for c in mini.events[0].choices}
    assert values == {"yield": 0.0, "defy": 0.0}
    assert mini_report.looks_best_answers == {}
    assert mini_report.best_looking_vs_history == 0
    assert mini_report.best_plan == {} and mini_report.best_plan_vs_history == 0
    assert mini_report.search_rounds == 1 and mini_report.worse_looking == ()
    assert mini_report.all_aims_seeds == 0  # history does not beat itself


def _next(state: GameState) -> GameState:
    return apply_action(state, history_with({})(state, random.Random(0)))


def _choose(state: GameState, choice: str) -> Choose:
    return Choose(str(state.pending_event), choice)


def test_mini_routine_turns_by_hand(mini: Rules, mini_report: Balance) -> None:
    # 8 turns (1930-01 .. 1931-10, three months each). Not routine: 1930-04 (the one-off pact
    # with Finland becomes possible, and history signs it), 1930-07 (the crisis asks), 1931-01
    # (the one-off late move). The other 5 offer only propaganda and wooing Germany (once: false).
    assert routine_turns(mini, 3) == (5, 8)
    assert (mini_report.routine_turns, mini_report.turns) == (5, 8)
    assert mini_report.routine_turn_share == 5 / 8


def test_mini_has_chance_and_the_report_says_so(mini_report: Balance,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert mini_report.history_distinct > 1  # the rumour (chance 0.5) differs between seeds
    assert main(["balance", "--scenario", str(MINI), "--runs", "12", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "Chance plays a part" in out and "total variation distance" in out
    assert "goal" not in out.split("How each figure")[0]  # goals only for the default scenario


def test_a_change_of_ending_matters_even_with_the_score_unmoved(tmp_path: Path) -> None:
    # Defying now makes the game end "unsafe" (security 0 at once) without ending it early.
    def change(data: dict[str, Any]) -> None:
        defy = find(data, "events", "crisis")["choices"][1]
        defy["effects"] = [{"set_flag": "snubbed"}]
        data["events"] = [e for e in data["events"] if e["id"] != "finale"]
        data["endings"][0]["when"] = "security >= 60 and not flag.snubbed"

    path = variant(tmp_path, change)
    rules = load_scenario(path).rules
    report = balance(rules, str(path), runs=4)
    [answer] = report.answers
    assert answer.score_change == 0 and answer.endings_distance == 1 and answer.matters


# -- the default scenario: the shortcut against whole games ------------------------------------


def test_default_scenario_figures_match_whole_games(default: Rules,
                                                    default_report: Balance) -> None:
    seeds = range(0, 2)
    base = mean_score(default, {}, seeds)
    assert default_report.history_score == pytest.approx(base)
    for answer in default_report.answers[::5]:
        moved = mean_score(default, {answer.event: answer.choice}, seeds) - base
        assert answer.score_change == pytest.approx(moved), answer
    looking = math.fsum(overall_score(play_game(default, looks_best_policy, seed=s))
                        for s in seeds) / 2
    assert default_report.best_looking_vs_history == pytest.approx(looking - base)
    best = mean_score(default, default_report.best_plan, seeds)
    assert default_report.best_plan_score == pytest.approx(best)
    assert default_report.best_plan_vs_history >= default_report.best_looking_vs_history - 50
    assert default_report.best_plan_vs_history >= 0
    above = sum(all(x > y for x, y in zip(
        play_game(default, history_with(default_report.best_plan), seed=s).aims,
        play_game(default, history_with({}), seed=s).aims, strict=True)) for s in seeds)
    assert default_report.all_aims_seeds == above
    assert len(default_report.answers) == len(answer_options(default))
    assert set(default_report.goals) == {"answers_that_matter", "best_looking_vs_history",
                                         "best_plan_vs_history", "all_three_aims_share",
                                         "routine_turn_share"}


def test_worse_looking_answers_are_those_another_choice_beat_on_screen(
        default: Rules, default_report: Balance) -> None:
    plan = dict(default_report.best_plan)
    state = new_game(default, 0)
    policy = history_with(plan)
    rng = random.Random(0)
    worse = []
    while state.ending_index < 0:
        move = policy(state, rng)
        if state.pending:
            ev = default.events[state.pending[0]]
            shown = {c.id: displayed_value(state, _choose(state, c.id)) for c in ev.choices}
            assert isinstance(move, Choose)
            if max(shown.values()) > shown[move.choice] + 1e-9:
                worse.append(ev.id)
        state = apply_action(state, move)
    assert list(default_report.worse_looking) == worse


def test_plan_changes_names_events_and_choices(default: Rules) -> None:
    e, c = answer_options(default)[0]
    assert plan_changes(default, ((e, c),)) == {default.events[e].id:
                                                 default.events[e].choices[c].id}


# -- the command ---------------------------------------------------------------------------------


def balance_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["balance", "--json", *args]) == 0
    captured = capsys.readouterr()

    def finite_only(word: str) -> float:
        raise AssertionError(f"{word} in the JSON")

    data = json.loads(captured.out, parse_constant=finite_only)
    assert isinstance(data, dict)
    return data


def test_same_seed_same_report_in_any_number_of_processes(
        capsys: pytest.CaptureFixture[str]) -> None:
    one = balance_json(capsys, "--scenario", str(MINI), "--runs", "30", "--seed", "5")
    two = balance_json(capsys, "--scenario", str(MINI), "--runs", "30", "--seed", "5",
                       "--jobs", "2")
    assert one == two
    again = balance_json(capsys, "--scenario", str(MINI), "--runs", "30", "--seed", "5")
    assert again == one
    other = balance_json(capsys, "--scenario", str(MINI), "--runs", "30", "--seed", "6")
    assert other["history_score"] != one["history_score"]


def test_the_json_has_every_figure_and_the_goals_for_the_default_scenario(
        capsys: pytest.CaptureFixture[str]) -> None:
    data = balance_json(capsys, "--runs", "1", "--jobs", "2")
    for key in ("answers_that_matter", "best_looking_vs_history", "best_plan_vs_history",
                "all_three_aims_share", "routine_turn_share"):
        assert isinstance(data[key]["value"], float | int), key
        assert isinstance(data["goals"][key]["met"], bool)
    assert data["answers_that_matter"]["answers"] == 46
    assert "worse_looking_answers" in data["best_plan_vs_history"]
    assert data["distinct_outcomes"]["history"] == 1  # one seed: one game
    assert set(data["rules"]) >= {"answers_that_matter", "displayed_value", "search",
                                  "routine_turn_share"}
    mini = balance_json(capsys, "--scenario", str(MINI), "--runs", "3")
    assert "goals" not in mini


def test_the_progress_bar_goes_to_stderr_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["balance", "--scenario", str(MINI), "--runs", "5", "--json",
                 "--progress"]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)
    assert "[####" in captured.err and "games" in captured.err
    assert "####" not in captured.out and "games  " not in captured.out
    assert main(["balance", "--scenario", str(MINI), "--runs", "5"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # not a terminal, no --progress: no bar
    assert "####" not in captured.out


def test_the_default_scenario_text_report_shows_the_goals(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["balance", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "answers that matter" in out and "at least 75%" in out
    assert "Nothing is left to chance" in out
    assert ("not met" in out) or (" met" in out)


@pytest.mark.parametrize("args, message", [
    (["--runs", "0"], "argument --runs: 0 is out of range"),
    (["--runs", "x"], "argument --runs: 'x' is not a whole number"),
    (["--jobs", "0"], "argument --jobs: 0 is out of range"),
    (["--seed", "-1"], "argument --seed: -1 is out of range"),
    (["--scenario", "/no/such/file.yaml"], "no such file"),
    (["--frobnicate"], "unrecognized arguments"),
])
def test_bad_arguments_give_a_usage_line(args: list[str], message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["balance", *args])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage:") and message in err and "Traceback" not in err


# -- validate ------------------------------------------------------------------------------------


def test_validate_counts_answers_as_balance_does_with_one_seed() -> None:
    path = DEFAULT.parent / "road_to_war_1938_1941.yaml"
    rules = load_scenario(path).rules
    seen = coverage(rules, SimulationPlan())
    report = balance(rules, str(path), runs=1, seed=0)
    assert seen.answers_matter == (sum(a.matters for a in report.answers), len(report.answers))


def test_validate_warns_when_the_choices_barely_matter(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:  # defying changes nothing any more
        find(data, "events", "crisis")["choices"][1]["effects"] = []
        data["events"] = [e for e in data["events"] if e["id"] != "finale"]

    rules = load_scenario(variant(tmp_path, change)).rules
    warnings = [w.message for w in simulated_warnings(rules)]
    assert any("the choices barely matter: 0 of the 1 answers" in w for w in warnings)
    assert not any("barely matter" in w.message for w in simulated_warnings(
        load_scenario(MINI).rules))
