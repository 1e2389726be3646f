"""The living world's rules: standing policies, gambles with odds from the state, the map's
statuses, powers' views and wants, drifting relations, text variants, events in the order of
their days, endings that name their causes, and the historical game that needs no dice."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.engine import (
    Choose,
    EndTurn,
    GameState,
    IllegalMoveError,
    SetPolicy,
    TakeAction,
    apply_action,
    ending,
    ending_causes,
    legal_actions,
    new_game,
    outcome_odds,
    parse_move,
    replay,
    why_illegal,
)
from game.core.policies import historical_game, history_policy, play_game, random_policy
from game.core.refusals import Reason
from game.core.rules import Rules
from game.scenario.loader import load_scenario

LIVING = Path(__file__).parent / "data" / "living.yaml"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_scenario(LIVING).rules


def _until_pending(state: GameState) -> GameState:
    while state.pending_event is None and state.ending_index < 0:
        state = apply_action(state, EndTurn())
    return state


def test_a_policy_move_round_trips_and_acts_at_the_end_of_every_turn(rules: Rules) -> None:
    move = parse_move("policy effort army_first")
    assert move == SetPolicy("effort", "army_first") and move.text() == "policy effort army_first"
    s = new_game(rules, 1)
    assert s.policy("effort") == "balanced"
    assert SetPolicy("effort", "army_first") in legal_actions(s)
    s = apply_action(s, move)
    assert s.policy("effort") == "army_first" and s.aim("strength") == 40  # not yet
    s = apply_action(s, EndTurn())
    assert s.aim("strength") == 42 and s.aim("security") == 50  # 50 + 1 (late news) - 1
    s = apply_action(s, EndTurn())
    assert s.aim("strength") == 44
    assert [e.kind for e in s.log()].count("policy") == 2


def test_an_unknown_policy_or_option_is_refused_with_its_reason(rules: Rules) -> None:
    s = new_game(rules, 1)
    for move in (SetPolicy("effort", "navy_first"), SetPolicy("plan", "balanced")):
        refusal = why_illegal(s, move)
        assert refusal is not None and refusal.reason is Reason.UNKNOWN_POLICY
        with pytest.raises(IllegalMoveError):
            apply_action(s, move)


def test_a_gamble_is_drawn_at_the_end_of_the_turn_with_odds_from_the_state(rules: Rules) -> None:
    s = _until_pending(new_game(rules, 3))
    assert s.pending_event == "alliance_offer"
    odds = outcome_odds(s, "alliance_offer", "try")
    assert [o for o, _ in odds] == ["ratified", "refused"]
    assert sum(p for _, p in odds) == pytest.approx(1)
    assert odds[0][1] == pytest.approx(s.aim("strength") / 100)
    assert outcome_odds(s, "alliance_offer", "wait") == []
    chosen = apply_action(s, Choose("alliance_offer", "try"))
    assert chosen.outcome("alliance_offer") is None  # drawn at the end of the turn
    after = apply_action(chosen, EndTurn())
    assert after.outcome("alliance_offer") in ("ratified", "refused")
    assert any(e.kind == "outcome" for e in after.log())


def test_the_odds_decide_how_often_a_gamble_comes_out_well(rules: Rules) -> None:
    # Strength 40 on the plain path: the West ratifies in about 40% of games; with the army
    # first (strength rising two a turn) more often.
    def share(policy_first: bool) -> float:
        good = 0
        for seed in range(400):
            s = new_game(rules, seed)
            if policy_first:
                s = apply_action(s, SetPolicy("effort", "army_first"))
            s = apply_action(_until_pending(s), Choose("alliance_offer", "try"))
            s = apply_action(s, EndTurn())
            good += s.outcome("alliance_offer") == "ratified"
        return good / 400

    plain, armed = share(False), share(True)
    assert 0.3 < plain < 0.5
    assert armed > plain + 0.03


def test_the_historical_game_needs_no_dice_and_is_the_same_on_every_seed(rules: Rules) -> None:
    games = [play_game(rules, history_policy, seed=seed, history=True) for seed in range(20)]
    assert len({g.aims for g in games}) == 1
    assert games[0].outcome("alliance_offer") == "refused"  # the outcome that happened
    assert not games[0].event_fired("raid")  # a chance event that did not happen
    assert historical_game(rules).aims == games[0].aims
    # Played by a person, the same choices are a gamble: the outcomes differ between seeds.
    played = {play_game(rules, history_policy, seed=seed).outcome("alliance_offer")
              for seed in range(40)}
    assert played == {"ratified", "refused"}


def test_statuses_change_the_map_and_the_war_treaty_means_war(rules: Rules) -> None:
    s = new_game(rules, 1)
    assert s.status("austria") == "annexed" and s.holders("austria") == ("germany",)
    assert s.status("baltics") == "occupied" and s.holders("baltics") == ("germany",)
    assert s.status("poland") == "independent" and s.holders("poland") == ()
    end = historical_game(rules)
    assert end.status("poland") == "partitioned"
    assert end.holders("poland") == ("germany", "player")
    assert end.at_war_with("germany") and not end.at_war_with("poland")
    assert [rules.treaty_binding(t) for t in rules.treaty_ids] == [False, True, False]
    assert [rules.treaty_war(t) for t in rules.treaty_ids] == [False, False, True]


def test_events_of_a_turn_come_in_the_order_of_their_days(rules: Rules) -> None:
    s = new_game(rules, 1)
    fired = [rules.events[e.index].id for e in s.log() if e.kind == "event"]
    assert fired == ["anschluss", "late_news"]  # 12 March before 30 March


def test_a_variant_is_told_by_what_happened_in_this_game(rules: Rules) -> None:
    plain = apply_action(new_game(rules, 1), EndTurn())
    assert plain.variant_told("summer_news") == -1  # the main text
    pact = apply_action(apply_action(new_game(rules, 1), TakeAction("pact_germany")), EndTurn())
    assert pact.variant_told("summer_news") == 0
    assert [e.choice for e in pact.log() if e.kind == "event"
            and rules.events[e.index].id == "summer_news"] == [0]


def test_a_power_view_and_want_follow_the_world(rules: Rules) -> None:
    s = new_game(rules, 1)
    assert s.power_view("germany") == 1  # no pact: an enemy
    assert s.power_want("germany") == 1  # Austria is annexed already: room in the east
    assert s.power_view("poland") is None
    s = apply_action(s, TakeAction("pact_germany"))
    assert s.power_view("germany") == 0
    # Berlin's view drifts towards 10 while the pact holds, towards -40 without it.
    warm = apply_action(s, EndTurn())
    cold = apply_action(new_game(rules, 1), EndTurn())
    assert warm.relation("germany") > -20 > cold.relation("germany")
    assert s.moves_by("germany") == [(0, "anschluss")]


def test_an_ending_names_only_the_causes_of_this_game(rules: Rules) -> None:
    s = replay(rules, 2, ["policy effort army_first"] + ["end"] * 2
               + ["choose alliance_offer wait"] + ["end"] * 6)
    assert ending(s) == "unsafe"
    causes = ending_causes(s)
    assert causes == [0, 1]
    plain = replay(rules, 2, ["end"] * 2 + ["choose alliance_offer wait"] + ["end"] * 6)
    assert ending_causes(plain) == [0]
    assert ending_causes(new_game(rules, 2)) == []


def test_random_play_changes_policies_and_finishes(rules: Rules) -> None:
    games = [play_game(rules, random_policy, seed=seed) for seed in range(60)]
    assert all(g.ending_index >= 0 for g in games)
    assert any(g.policy("effort") == "army_first" for g in games)
    assert any(g.moves == replay(rules, g.seed, g.moves).moves for g in games)


def test_the_odds_shown_count_the_answers_own_sure_effects(tmp_path: Path) -> None:
    # Shown while the event waits, the odds are those the end of the turn will draw from:
    # with the answer's own sure effects made (here strength +10 before the draw).
    text = LIVING.read_text(encoding="utf-8").replace(
        "        label: Try for an alliance\n        stance: security\n",
        "        label: Try for an alliance\n        stance: security\n"
        "        effects:\n          - {aim: strength, add: 10}\n")
    path = tmp_path / "living.yaml"
    path.write_text(text, encoding="utf-8")
    rules = load_scenario(path).rules
    s = _until_pending(new_game(rules, 3))
    odds = dict(outcome_odds(s, "alliance_offer", "try"))
    assert odds["ratified"] == pytest.approx((s.aim("strength") + 10) / 100)
    chosen = apply_action(s, Choose("alliance_offer", "try"))
    assert dict(outcome_odds(chosen, "alliance_offer", "try")) == odds


def test_a_policys_small_amounts_are_told_as_they_are(rules: Rules) -> None:
    from game.present.effects import _exact_digits

    assert [_exact_digits(x) for x in (2, 0.5, 0.25, -0.15, 1 / 3)] == [0, 1, 2, 2, 2]
