"""`balance`: each figure on a case checked by hand (history is the historical game, the other
games are played with chance; what a gamble's card shows; standing policies in the plans; the
routine turns; the historical path's exactness; the endings of random play), the shortcut (a
game started where its changed answer is first asked) against whole games, determinism, JSON,
the progress bar, bad arguments, and validate's warning when the choices barely matter."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.core.engine import (
    Choose,
    EndTurn,
    GameState,
    apply_action,
    is_over,
    new_game,
    outcome_odds,
)
from game.core.policies import (
    historical_game,
    history_policy,
    history_with,
    play_game,
    random_policy,
)
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.reports.balance import (
    HISTORY,
    Balance,
    Plan,
    answer_options,
    balance,
    displayed_value,
    game_fingerprint,
    looks_best_policy,
    plan_changes,
    plan_policy,
    plan_steps,
    routine_turns,
)
from game.scenario.lint import SimulationPlan, coverage, history_holding, simulated_warnings
from game.scenario.loader import load_scenario
from tests.conftest import DEFAULT, MINI
from tests.tools.scenarios import find, variant, write

LIVING = MINI.parent / "living.yaml"


@pytest.fixture(scope="module")
def mini() -> Rules:
    return load_scenario(MINI).rules


@pytest.fixture(scope="module")
def living() -> Rules:
    return load_scenario(LIVING).rules


@pytest.fixture(scope="module")
def default() -> Rules:
    return load_scenario(DEFAULT).rules


@pytest.fixture(scope="module")
def mini_report(mini: Rules) -> Balance:
    return balance(mini, str(MINI), runs=12, seed=3, random_games=40)


@pytest.fixture(scope="module")
def living_report(living: Rules) -> Balance:
    return balance(living, str(LIVING), runs=30, seed=0, random_games=60)


@pytest.fixture(scope="module")
def default_report(default: Rules) -> Balance:
    return balance(default, str(DEFAULT), runs=2, seed=0, random_games=20)


def mean_score(rules: Rules, changes: dict[str, str], seeds: range,
               held: dict[str, str] | None = None) -> float:
    """The mean score of whole player games of history with ``changes`` (and ``held``
    policies), played from the start."""
    policy = history_holding(rules, changes, held or {})
    return math.fsum(overall_score(play_game(rules, policy, seed=s)) for s in seeds) / len(seeds)


def _next(state: GameState) -> GameState:
    return apply_action(state, history_with({})(state, random.Random(0)))


def _choose(state: GameState, choice: str) -> Choose:
    return Choose(str(state.pending_event), choice)


# -- the mini scenario, by hand ------------------------------------------------------------------


def test_mini_has_one_other_answer_and_it_moves_only_the_score(mini: Rules,
                                                               mini_report: Balance) -> None:
    # The crisis is the only event with a choice: "defy" is the one answer besides history's.
    # Defying ends the game at the finale (1931-07), a turn early; security was set to 90 by
    # the late move in 1931-01 either way, so the ending ("safe") is the same in every game,
    # and only the score moves (the trajectory is one turn shorter). It is measured against
    # history's own answers played with chance on the same seeds.
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


def test_history_is_the_historical_game_and_chance_is_measured_beside_it(
        mini: Rules, mini_report: Balance) -> None:
    # The rumour (chance 0.5 a turn, recognition -1) happened in history: the historical game
    # has it on the first turn on every seed, while in history's own answers played with
    # chance it comes on a turn the dice pick (later, so the score is a little higher).
    hist = historical_game(mini)
    assert hist.event_fired("rumour")
    assert mini_report.history_score == overall_score(hist)
    seeds = range(3, 15)
    assert mini_report.history_chance_score == pytest.approx(mean_score(mini, {}, seeds))
    assert mini_report.chance_vs_history > 0
    assert mini_report.history_distinct > 1


def test_mini_best_looking_and_best_plan_are_history(mini: Rules, mini_report: Balance) -> None:
    # Neither answer of the crisis changes an aim (only the relation with Germany and a flag):
    # both look worth 0, so the tie goes to history's answer; and defying scores less, so the
    # search keeps history after its first round: the best plan is history's own answers,
    # whose figure against history is the luck of the rumour.
    state = new_game(mini, 0)
    while state.pending_event is None:
        state = _next(state)
    values = {c.id: displayed_value(state, _choose(state, c.id)) for c in mini.events[0].choices}
    assert values == {"yield": 0.0, "defy": 0.0}
    assert mini_report.looks_best_answers == {}
    assert mini_report.looks_best_score == mini_report.history_chance_score
    assert mini_report.best_looking_vs_history == pytest.approx(mini_report.chance_vs_history)
    assert mini_report.best_plan == {} and mini_report.best_plan_policies == {}
    assert mini_report.best_plan_score == mini_report.history_chance_score
    assert mini_report.search_rounds == 1 and mini_report.worse_looking == ()
    assert mini_report.policy_steps == 0  # no standing policies
    hist = historical_game(mini)
    above = sum(all(x > y for x, y in zip(play_game(mini, history_with({}), seed=s).aims,
                                          hist.aims, strict=True)) for s in range(3, 15))
    assert mini_report.all_aims_seeds == above


def test_mini_routine_turns_by_hand(mini: Rules, mini_report: Balance) -> None:
    # 8 turns (1930-01 .. 1931-10, three months each). Not routine: 1930-04 (the one-off pact
    # with Finland becomes possible, and history signs it), 1930-07 (the crisis asks), 1931-01
    # (the one-off late move becomes possible). The other 5 offer only propaganda and wooing
    # Germany (once: false).
    assert routine_turns(mini) == (5, 8)
    assert (mini_report.routine_turns, mini_report.turns) == (5, 8)
    assert mini_report.routine_turn_share == 5 / 8


def test_a_one_off_action_left_waiting_is_a_decision_only_when_it_appears(
        tmp_path: Path) -> None:
    # History no longer signs the pact with Finland: it stays possible from 1930-04 to the
    # end. Only the turn it appears is a decision (with the crisis and the late move): 5 of 8
    # turns stay routine, not 2.
    def change(data: dict[str, Any]) -> None:
        data["historical_path"] = [s for s in data["historical_path"]
                                   if s["actions"] != ["pact_finland"]]

    rules = load_scenario(variant(tmp_path, change)).rules
    assert routine_turns(rules) == (5, 8)

    # Nor the late move: possible in both turns of its window (1931-01 and 1931-04), it makes
    # only the first a decision. Still 5 of 8 (the old count, "any one-off action possible",
    # made every turn from 1930-04 a decision: 1 of 8).
    def late(data: dict[str, Any]) -> None:
        data["historical_path"] = []

    rules = load_scenario(variant(tmp_path, late, "late.yaml")).rules
    assert routine_turns(rules) == (5, 8)


# -- gambles and standing policies ---------------------------------------------------------------


def test_a_gamble_looks_worth_its_odds_weighted_outcomes(living: Rules) -> None:
    # The alliance offer: "try" has no sure effect; it is ratified (security +20) with chance
    # strength / 100, else refused (security -5). Security counts 1/100 of a point of score
    # per point (weight 1, range 0-100) and the score is over both aims' weights (2).
    state = new_game(living, 0)
    while state.pending_event != "alliance_offer":
        state = apply_action(state, EndTurn())
    p = state.aim("strength") / 100
    assert outcome_odds(state, "alliance_offer", "try") == [("ratified", pytest.approx(p)),
                                                            ("refused", pytest.approx(1 - p))]
    assert displayed_value(state, _choose(state, "try")) == pytest.approx((20 * p - 5 * (1 - p))
                                                                          / 100)
    assert displayed_value(state, _choose(state, "wait")) == 0


def test_history_played_as_history_is_exact_on_every_seed(living: Rules,
                                                          living_report: Balance) -> None:
    assert living_report.exact_seeds == 30 and living_report.historical_path_exact
    hist = historical_game(living)
    for seed in (0, 7, 29):
        assert game_fingerprint(play_game(living, history_policy, seed=seed,
                                          history=True)) == game_fingerprint(hist)
    # Played with chance, history's answers come out otherwise on some seeds: not the same game.
    played = {game_fingerprint(play_game(living, history_policy, seed=s)) for s in range(10)}
    assert len(played) > 1


def test_random_play_counts_every_ending(living: Rules, living_report: Balance) -> None:
    counted = Counter(play_game(living, random_policy, seed=s).ending_index for s in range(60))
    assert living_report.random_games == 60
    assert living_report.random_endings == {e.id: counted.get(e.index, 0)
                                            for e in living.endings}
    assert sum(living_report.random_endings.values()) == 60
    assert living_report.random_reaches_every_ending == all(counted.get(e.index, 0)
                                                            for e in living.endings)


def test_the_search_tries_the_standing_policies(living: Rules, living_report: Balance) -> None:
    # History sets "army first" on the first turn: holding it all game is history, so the only
    # policy step from history is to hold "balanced".
    steps = plan_steps(living, HISTORY)
    assert [s for s in steps if s[0] == "policy"] == [("policy", 0, 0)]
    assert living_report.policy_steps == 1
    held = HISTORY.step(living, ("policy", 0, 0))
    assert held == Plan((), ((0, 0),))
    assert ("policy", 0, -1) in plan_steps(living, held)  # and back to history's settings
    end = play_game(living, plan_policy(living, held), seed=4)
    assert end.policy("effort") == "balanced"
    assert not any(e.kind == "policy_set" for e in end.log())  # never changed from the start
    # With no policy held, the plan's player is history_with.
    for seed in range(5):
        assert play_game(living, plan_policy(living, HISTORY), seed=seed).moves == \
            play_game(living, history_with({}), seed=seed).moves


def test_the_best_plan_may_hold_a_policy(tmp_path: Path) -> None:
    # "Balanced" now brings 3 security a turn: the search finds that holding it all game
    # beats history's army first, and says so.
    data = yaml_data(LIVING)
    data["policies"][0]["options"][0]["per_turn"] = [{"aim": "security", "add": 3}]
    path = write(tmp_path, data)
    rules = load_scenario(path).rules
    report = balance(rules, str(path), runs=8, random_games=5)
    assert report.best_plan_policies == {"effort": "balanced"}
    seeds = range(8)
    assert report.best_plan_score == pytest.approx(
        mean_score(rules, report.best_plan, seeds, {"effort": "balanced"}))
    data_out = json.loads(json.dumps(report.best_plan_policies))
    assert data_out == {"effort": "balanced"}


def yaml_data(path: Path) -> dict[str, Any]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_change_of_ending_matters_even_with_the_score_unmoved(tmp_path: Path) -> None:
    # Defying now makes the game end "unsafe" (security 0 at once) without ending it early.
    def change(data: dict[str, Any]) -> None:
        defy = find(data, "events", "crisis")["choices"][1]
        defy["effects"] = [{"set_flag": "snubbed"}]
        data["events"] = [e for e in data["events"] if e["id"] != "finale"]
        data["endings"][0]["when"] = "security >= 60 and not flag.snubbed"

    path = variant(tmp_path, change)
    rules = load_scenario(path).rules
    report = balance(rules, str(path), runs=4, random_games=4)
    [answer] = report.answers
    assert answer.score_change == 0 and answer.endings_distance == 1 and answer.matters


# -- the default scenario: the shortcut against whole games ------------------------------------


def test_default_scenario_figures_match_whole_games(default: Rules,
                                                    default_report: Balance) -> None:
    seeds = range(0, 2)
    base = mean_score(default, {}, seeds)
    assert default_report.history_chance_score == pytest.approx(base)
    assert default_report.history_score == overall_score(historical_game(default))
    for answer in default_report.answers[::5]:
        moved = mean_score(default, {answer.event: answer.choice}, seeds) - base
        assert answer.score_change == pytest.approx(moved), answer
    looking = math.fsum(overall_score(play_game(default, looks_best_policy, seed=s))
                        for s in seeds) / 2
    assert default_report.best_looking_vs_history == pytest.approx(
        looking - default_report.history_score)
    best = mean_score(default, default_report.best_plan, seeds,
                      default_report.best_plan_policies)
    assert default_report.best_plan_score == pytest.approx(best)
    assert default_report.best_plan_score >= base
    hist = historical_game(default)
    above = sum(all(x > y for x, y in zip(
        play_game(default, history_holding(default, default_report.best_plan,
                                           default_report.best_plan_policies), seed=s).aims,
        hist.aims, strict=True)) for s in seeds)
    assert default_report.all_aims_seeds == above
    assert len(default_report.answers) == len(answer_options(default))
    assert default_report.historical_path_exact
    assert set(default_report.goals) == {"answers_that_matter", "best_looking_vs_history",
                                         "best_plan_vs_history", "all_three_aims_share",
                                         "routine_turn_share", "historical_path_exact",
                                         "random_endings"}


def test_worse_looking_answers_are_those_another_choice_beat_on_screen(
        default: Rules, default_report: Balance) -> None:
    plan = history_holding(default, default_report.best_plan, default_report.best_plan_policies)
    state = new_game(default, 0)
    rng = random.Random(0)
    worse = []
    while not is_over(state):
        move = plan(state, rng)
        if state.pending_event is not None:
            ev = default.events[default.event_index[state.pending_event]]
            shown = {c.id: displayed_value(state, _choose(state, c.id)) for c in ev.choices}
            assert isinstance(move, Choose)
            if max(shown.values()) > shown[move.choice] + 1e-9:
                worse.append(ev.id)
        state = apply_action(state, move)
    assert list(default_report.worse_looking) == worse


def test_plan_changes_names_events_and_choices(default: Rules) -> None:
    e, c = answer_options(default)[0]
    assert plan_changes(default, Plan(((e, c),))) == {default.events[e].id:
                                                      default.events[e].choices[c].id}
    assert HISTORY.step(default, ("answer", e, c)).step(
        default, ("answer", e, default.events[e].historical_choice)) == HISTORY


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
    args = ("--scenario", str(LIVING), "--runs", "30", "--seed", "5", "--random-games", "70")
    one = balance_json(capsys, *args)
    two = balance_json(capsys, *args, "--jobs", "2")
    assert one == two
    again = balance_json(capsys, *args)
    assert again == one
    other = balance_json(capsys, "--scenario", str(LIVING), "--runs", "30", "--seed", "6",
                         "--random-games", "70")
    assert other["history_with_chance"] != one["history_with_chance"]
    assert other["history_score"] == one["history_score"]  # the historical game: no dice


def test_the_json_has_every_figure_and_the_goals_for_the_default_scenario(
        capsys: pytest.CaptureFixture[str], default: Rules) -> None:
    data = balance_json(capsys, "--runs", "1", "--jobs", "2", "--random-games", "10")
    for key in ("answers_that_matter", "best_looking_vs_history", "best_plan_vs_history",
                "all_three_aims_share", "routine_turn_share"):
        assert isinstance(data[key]["value"], float | int), key
        assert isinstance(data["goals"][key]["met"], bool)
    for key in ("historical_path_exact", "random_endings"):
        assert isinstance(data[key]["value"], bool)
        assert isinstance(data["goals"][key]["met"], bool)
    assert data["answers_that_matter"]["answers"] == len(answer_options(default))
    assert "worse_looking_answers" in data["best_plan_vs_history"]
    assert "policies" in data["best_plan_vs_history"]
    assert data["distinct_outcomes"]["history"] == 1  # one seed: one game
    assert data["historical_path_exact"] == {"value": True, "exact_seeds": 1, "seeds": 1}
    assert data["random_endings"]["games"] == 10
    assert list(data["random_endings"]["each"]) == [e.id for e in default.endings]
    assert set(data["history_with_chance"]) == {"score", "vs_history"}
    assert set(data["rules"]) >= {"history", "answers_that_matter", "displayed_value", "search",
                                  "routine_turn_share", "historical_path_exact",
                                  "random_endings"}
    mini = balance_json(capsys, "--scenario", str(MINI), "--runs", "3")
    assert "goals" not in mini
    assert mini["random_endings"]["games"] == 300  # the default


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
    assert main(["balance", "--runs", "1", "--random-games", "10"]) == 0
    out = capsys.readouterr().out
    assert "answers that matter" in out and "at least 75%" in out
    assert "historical path against history" in out and "exact on every seed (1 of 1)" in out
    assert "random play reaches every ending" in out and "(10 games)" in out
    assert "History scores" in out and "History's own answers played with chance" in out
    assert ("not met" in out) or (" met" in out)


def test_the_text_report_defines_a_routine_turn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["balance", "--scenario", str(LIVING), "--runs", "2"]) == 0
    out = capsys.readouterr().out
    assert "routine turn: in the historical game, no event asks a question and no one-off " \
           "action becomes possible that was not possible the turn before" in out
    assert "Endings of random play: safe " in out
    assert "goal" not in out.split("How each figure")[0]  # goals only for the default scenario


@pytest.mark.parametrize("args, message", [
    (["--runs", "0"], "argument --runs: 0 is out of range"),
    (["--runs", "x"], "argument --runs: 'x' is not a whole number"),
    (["--jobs", "0"], "argument --jobs: 0 is out of range"),
    (["--seed", "-1"], "argument --seed: -1 is out of range"),
    (["--random-games", "-1"], "argument --random-games: -1 is out of range"),
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


@pytest.mark.parametrize("name", ["road_to_war_1938_1941.yaml", "ussr_1928_1941.yaml"])
def test_validate_counts_answers_as_balance_does_with_one_seed(name: str) -> None:
    path = DEFAULT.parent / name
    rules = load_scenario(path).rules
    seen = coverage(rules, SimulationPlan())
    report = balance(rules, str(path), runs=1, seed=0, random_games=0)
    assert seen.answers_matter == (sum(a.matters for a in report.answers), len(report.answers))


def test_validate_counts_answers_as_balance_does_with_gambles_and_policies() -> None:
    rules = load_scenario(LIVING).rules
    seen = coverage(rules, SimulationPlan())
    report = balance(rules, str(LIVING), runs=1, seed=0, random_games=0)
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
