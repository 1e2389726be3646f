"""The analysis of a finished game (game.core.analysis, game.reports.analysis): the world's
chance reseeded, the continuations, the shared play against each game played alone, the
estimates (a plan known to be worse is found worse), turning points only beyond their
uncertainty, and determinism on one process or two."""

from __future__ import annotations

import math
import random

import pytest

from game.core.analysis import (
    HISTORY,
    MIN_SWING,
    OWN,
    START,
    Branch,
    Decision,
    DecisionAnalysis,
    DecisionEstimate,
    Difference,
    Estimate,
    PlayedGame,
    analyse_game,
    branch_start,
    branches,
    difference,
    estimate,
    is_turning_point,
    play_branch,
    play_branch_alone,
    read_game,
    replay_branch,
    reseed,
    turning_points,
    world_generator,
)
from game.core.engine import Choose, apply_action, is_over, new_game
from game.core.policies import history_with, play_game, random_policy
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.reports.analysis import analysis_data, describe, run_analysis, total_games
from game.scenario.loader import load_scenario
from tests.conftest import DATA, MINI

ANALYSIS = DATA / "analysis.yaml"
LIVING = DATA / "living.yaml"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_scenario(ANALYSIS).rules


@pytest.fixture(scope="module")
def strayed(rules: Rules) -> PlayedGame:
    """A game that took the rash road at the crossroads (history elsewhere but for two
    answers that change nothing or next to nothing)."""
    state = play_game(rules, history_with({"crossroads": "rash", "fork": "right",
                                           "trifle": "less"}), seed=3)
    return read_game(rules, state.seed, state.moves)


# -- the world's chance -------------------------------------------------------------------------


def test_reseeding_changes_the_world_s_chance_and_nothing_else(mini: Rules) -> None:
    # The mini scenario's rumour fires with even odds each turn until it has: a game in which
    # it has not fired yet.
    start = next(s for s in (new_game(mini, k) for k in range(50)) if not s.event_fired("rumour"))
    again = reseed(start, world_generator(0, 1))
    assert again._replace(rng=start.rng) == start
    assert reseed(start, world_generator(0, 1)) == again
    when = set()
    for g in range(12):
        final = play_game_from(reseed(start, world_generator(0, g)))
        when.add(next((e.turn for e in final.log() if e.kind == "event"
                       and mini.events[e.index].id == "rumour"), None))
    assert len(when) > 2  # other generators, other futures


def test_world_generators_differ_by_seed_and_game() -> None:
    found = {world_generator(s, g) for s in range(20) for g in range(50)}
    assert len(found) == 1000
    assert all(0 <= x < 2**64 for x in found)
    assert world_generator(3, 7) == world_generator(3, 7)


def test_a_historical_game_is_the_same_whatever_the_seed(rules: Rules) -> None:
    start = new_game(rules, 0, history=True)
    finals = {play_game_from(reseed(start, world_generator(0, g))).aims for g in range(5)}
    assert len(finals) == 1


def play_game_from(state):  # type: ignore[no-untyped-def]
    from game.core.policies import history_policy

    rng = random.Random(0)
    while not is_over(state):
        state = apply_action(state, history_policy(state, rng))
    return state


# -- the game read, and the continuations --------------------------------------------------------


def test_the_decisions_are_the_answers_given(strayed: PlayedGame) -> None:
    assert [(d.event, d.chosen) for d in strayed.decisions] == [
        ("crossroads", "rash"), ("fork", "right"), ("trifle", "less"), ("coin", "steady")]
    d = strayed.decisions[0]
    assert d.choices == ("wise", "rash", "gamble") and d.historical == "wise"
    assert d.before.pending_event == "crossroads"
    assert strayed.moves[d.move] == "choose crossroads rash"
    assert [x.number for x in strayed.decisions] == [0, 1, 2, 3]


def test_own_play_from_the_start_replays_the_player_s_game() -> None:
    for path in (MINI, LIVING, ANALYSIS):
        rules = load_scenario(path).rules
        for seed in range(4):
            final = play_game(rules, random_policy, seed=seed)
            game = read_game(rules, final.seed, final.moves)
            state = new_game(rules, final.seed)  # the game's own generator: the same game
            rng = random.Random(0)
            while not is_over(state):
                state = apply_action(state, game.own(state, rng))
            assert state.moves == final.moves


def test_own_play_keeps_the_player_s_later_answers_and_history_does_not(
        strayed: PlayedGame) -> None:
    branch = Branch(0, "wise", OWN)
    own = replay_branch(strayed, branch, 0, 0)
    assert own.answer("fork") == "right" and own.answer("trifle") == "less"
    hist = replay_branch(strayed, Branch(0, "wise", HISTORY), 0, 0)
    assert hist.answer("fork") == "left" and hist.answer("trifle") == "more"
    assert own.answer("crossroads") == hist.answer("crossroads") == "wise"


def test_an_unfinished_game_is_played_to_its_end(rules: Rules) -> None:
    state = new_game(rules, 2)
    rng = random.Random(2)
    policy = history_with({"crossroads": "gamble"})
    while state.turn < 4:
        state = apply_action(state, policy(state, rng))
    game = read_game(rules, state.seed, state.moves)
    assert not is_over(game.final) and len(game.decisions) == 1
    analysis = analyse_game(game, 6, 0)
    assert analysis.final_ending is None
    assert all(p.estimate.games == 6 for p in analysis.curves[OWN])


# -- the shared play is exact ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [MINI, LIVING, ANALYSIS], ids=lambda p: p.stem)
def test_games_played_together_end_as_each_played_alone(path) -> None:  # type: ignore[no-untyped-def]
    rules = load_scenario(path).rules
    for seed in range(3):
        final = play_game(rules, random_policy, seed=seed)
        game = read_game(rules, final.seed, final.moves)
        for branch in branches(game):
            assert play_branch(game, branch, 5, range(24)) == \
                play_branch_alone(game, branch, 5, range(24))


def test_the_default_scenario_s_games_played_together_end_as_alone(default_rules: Rules) -> None:
    final = play_game(default_rules, random_policy, seed=1)
    game = read_game(default_rules, final.seed, final.moves)
    todo = branches(game)
    for branch in todo[:: max(1, len(todo) // 12)]:
        assert play_branch(game, branch, 2, range(16)) == \
            play_branch_alone(game, branch, 2, range(16))


@pytest.fixture(scope="module")
def default_rules() -> Rules:
    from tests.conftest import DEFAULT

    return load_scenario(DEFAULT).rules


def test_a_branch_s_games_are_what_replay_branch_shows(strayed: PlayedGame) -> None:
    branch = Branch(0, "gamble", OWN)
    scores, endings = play_branch(strayed, branch, 9, range(10))
    for g in range(10):
        final = replay_branch(strayed, branch, 9, g)
        assert overall_score(final) == scores[g]
    assert len(set(scores)) > 1  # the gamble and the raids came out differently
    assert branch_start(strayed, Branch(START, "", OWN)).turn == 0
    assert len(endings) == 10


# -- the estimates ---------------------------------------------------------------------------------


def test_a_plan_known_to_be_worse_is_found_worse(strayed: PlayedGame) -> None:
    analysis = analyse_game(strayed, 40, 0)
    cross = analysis.decisions[0]
    for cont in (OWN, HISTORY):
        est = cross.under(cont)
        wise, rash, gamble = (est.choice(c) for c in ("wise", "rash", "gamble"))
        # +12 security against -12: far apart, far beyond the uncertainty.
        assert wise.estimate.mean > gamble.estimate.mean > rash.estimate.mean
        assert wise.against_chosen.low > 5
        assert est.best_other == "wise" and est.swing.high < -5
        # The gamble is uncertain; the safe and the rash roads differ only by the raids.
        assert gamble.estimate.se > rash.estimate.se
        assert wise.estimate.endings[0] > rash.estimate.endings[0]  # "safe" more often
    assert analysis.turning_points[0].decision == 0
    assert not analysis.turning_points[0].better


def test_a_turning_point_needs_a_difference_beyond_its_uncertainty(
        strayed: PlayedGame) -> None:
    analysis = analyse_game(strayed, 20, 0)
    by_event = {da.decision.event: da.under(OWN) for da in analysis.decisions}
    # Left and right do the same: no difference at all.
    assert by_event["fork"].swing.mean == 0 and not is_turning_point(by_event["fork"].swing)
    # A little less: a sure difference, too small to notice.
    trifle = by_event["trifle"].swing
    assert trifle.beyond_uncertainty and abs(trifle.mean) < MIN_SWING
    # The fair coin: a difference of more than half a point, within its uncertainty.
    coin = by_event["coin"].swing
    assert abs(coin.mean) >= MIN_SWING and not coin.beyond_uncertainty
    assert coin.low < 0 < coin.high
    assert [t.decision for t in analysis.turning_points] == [0]


def test_turning_points_are_the_largest_beyond_uncertainty() -> None:
    state = None  # the decisions' states are not read here

    def decided(number: int, swing: Difference) -> DecisionAnalysis:
        d = Decision(number, number, number, f"e{number}", "a", ("a", "b"), "a",
                     state)  # type: ignore[arg-type]
        est = Estimate(10, 50.0, 0.1, (1.0,))
        return DecisionAnalysis(d, (DecisionEstimate(OWN, (), est, "b", swing),))

    swings = [Difference(3.0, 1.0), Difference(-8.0, 1.0), Difference(9.0, 5.0),
              Difference(0.4, 0.0), Difference(-1.0, 0.2), Difference(2.0, 0.5),
              Difference(1.5, 0.1), Difference(0.6, 0.01)]
    found = turning_points([decided(i, s) for i, s in enumerate(swings)], OWN)
    assert [t.decision for t in found] == [1, 0, 5, 6, 4]  # largest first, five at most
    assert [t.better for t in found] == [False, True, True, True, False]
    assert not is_turning_point(Difference(9.0, 5.0))  # 9 < 1.96 * 5
    assert not is_turning_point(Difference(0.4, 0.0))  # below half a point
    assert is_turning_point(Difference(-0.6, 0.01))


def test_estimates_and_paired_differences() -> None:
    est = estimate(((50.0, 52.0, 54.0, 56.0), (0, 0, 1, 0)), 3)
    assert est.mean == 53.0 and est.endings == (0.75, 0.25, 0.0)
    assert est.se == pytest.approx(math.sqrt(20 / 3 / 4))
    assert est.low < 53 < est.high
    assert est.ending_se(0) == pytest.approx(math.sqrt(0.75 * 0.25 / 4))
    # Paired: the same luck on both sides, so the difference is sure.
    d = difference(((51.0, 53.0, 55.0, 57.0), (0,) * 4), ((50.0, 52.0, 54.0, 56.0), (0,) * 4))
    assert d.mean == pytest.approx(1.0) and d.se == pytest.approx(0.0)
    assert d.beyond_uncertainty
    with pytest.raises(ValueError):
        difference(((1.0,), (0,)), ((1.0, 2.0), (0, 0)))


def test_the_curve_has_the_start_and_a_point_after_each_decision(strayed: PlayedGame) -> None:
    analysis = analyse_game(strayed, 8, 1)
    for cont in (OWN, HISTORY):
        points = analysis.curves[cont]
        assert [p.decision for p in points] == [START, 0, 1, 2, 3]
        for p, da in zip(points[1:], analysis.decisions, strict=True):
            assert p.estimate == da.under(cont).chosen and p.turn == da.decision.turn
    # After the rash road the expected score falls.
    own = analysis.curves[OWN]
    assert own[1].estimate.mean < analysis.decisions[0].under(OWN).choice("wise").estimate.mean
    assert analysis.games_played == total_games(strayed, 8) == (2 + 2 * (3 + 2 + 2 + 2)) * 8
    assert analysis.history_ending is not None and analysis.final_ending in ("safe", "unsafe")


# -- determinism ---------------------------------------------------------------------------------


def test_one_process_or_two_give_the_same_analysis(strayed: PlayedGame) -> None:
    one = run_analysis(strayed, str(ANALYSIS), 12, 4, jobs=1)
    two = run_analysis(strayed, str(ANALYSIS), 12, 4, jobs=2)
    assert one == two
    assert one == analyse_game(strayed, 12, 4)
    assert analysis_data(one, strayed.rules) == analysis_data(two, strayed.rules)
    other = run_analysis(strayed, str(ANALYSIS), 12, 5, jobs=2)
    assert other != one  # another seed, other draws


def test_progress_counts_every_game(strayed: PlayedGame) -> None:
    seen: list[int] = []
    run_analysis(strayed, str(ANALYSIS), 5, 0, jobs=2, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == total_games(strayed, 5)


def test_the_data_and_the_text_say_what_was_played(strayed: PlayedGame) -> None:
    analysis = analyse_game(strayed, 10, 0, (HISTORY,))
    data = analysis_data(analysis, strayed.rules)
    assert data["games_per_choice"] == 10 and data["seed"] == 0
    assert [c["id"] for c in data["continuations"]] == [HISTORY]
    assert data["turning_points_from"] == HISTORY
    assert data["turning_points"][0]["event"] == "crossroads"
    assert data["turning_points"][0]["better"] is False
    first = data["decisions"][0]["by_continuation"][HISTORY]
    assert [c["choice"] for c in first["choices"]] == ["wise", "rash", "gamble"]
    text = "\n".join(describe(analysis, strayed.rules, "game.json"))
    assert "10 games for each choice" in text and "history afterwards" in text
    assert "The safe road would likely have done better" in text
    assert "The USSR chose: The safe road." in text
    assert "The safe road was taken." in text  # the history note


def test_a_choice_s_start_is_the_answer_in_the_question_s_state(strayed: PlayedGame) -> None:
    d = strayed.decisions[1]
    start = branch_start(strayed, Branch(1, "left", OWN))
    assert start == apply_action(d.before, Choose("fork", "left"))
