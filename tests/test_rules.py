"""Named rule cases: one rule, one test, on the small scenario tests/data/mini.yaml."""

from __future__ import annotations

import pytest

from game.core.engine import (
    Choose,
    EndTurn,
    IllegalMoveError,
    MoveSyntaxError,
    TakeAction,
    apply_action,
    ending,
    is_over,
    legal_actions,
    new_game,
    parse_move,
    replay,
    why_illegal,
)
from game.core.rules import Rules


def advance(state, turns: int):  # type: ignore[no-untyped-def]
    """End ``turns`` turns, answering any event with its first choice."""
    for _ in range(turns):
        while state.pending:
            ev = state.rules.events[state.pending[0]]
            state = apply_action(state, Choose(ev.id, ev.choices[0].id))
        state = apply_action(state, EndTurn())
    return state


def test_new_game_starts_from_the_scenario_values(mini: Rules) -> None:
    s = new_game(mini, seed=1)
    assert s.turn == 0 and s.budget == 2
    assert s.aim("security") == 50
    assert s.relation("germany") == 20
    assert s.date_text == "Jan 1930"


def test_taking_an_action_spends_its_cost(mini: Rules) -> None:
    s = apply_action(new_game(mini, 1), TakeAction("propaganda"))
    assert s.budget == 0


def test_an_action_before_its_earliest_date_is_refused_with_the_reason(mini: Rules) -> None:
    s = new_game(mini, 1)
    assert why_illegal(s, TakeAction("pact_finland")) == "not yet possible at this date"


def test_an_action_after_its_latest_date_is_too_late(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 6)  # Jul 1931, latest is Jun 1931
    assert why_illegal(s, TakeAction("late_move")) == "too late: the moment has passed"


def test_a_one_off_action_cannot_be_taken_twice(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 1)
    s = apply_action(s, TakeAction("pact_finland"))
    s = advance(s, 1)
    s = apply_action(s, Choose("crisis", "yield"))
    assert why_illegal(s, TakeAction("pact_finland")) == "already done"


def test_a_repeatable_action_is_taken_at_most_once_a_turn(mini: Rules) -> None:
    s = apply_action(new_game(mini, 1), TakeAction("woo_germany"))
    assert why_illegal(s, TakeAction("woo_germany")) == "already done this turn"
    s = advance(s, 1)
    assert why_illegal(s, TakeAction("woo_germany")) is None


def test_an_action_costing_more_than_the_budget_left_is_refused(mini: Rules) -> None:
    s = apply_action(new_game(mini, 1), TakeAction("woo_germany"))
    assert why_illegal(s, TakeAction("propaganda")) == "needs 2 action points, 1 left"


def test_an_unmet_condition_gives_the_scenario_reason(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 2)  # the crisis is waiting on turn 2
    s = apply_action(s, Choose("crisis", "defy"))
    assert why_illegal(s, TakeAction("woo_germany")) == "Germany is cold."


def test_effects_on_aims_are_clamped_to_the_aim_range(mini: Rules) -> None:
    s = new_game(mini, 1)
    for _ in range(12):
        s = (
            advance(apply_action(s, TakeAction("propaganda")), 1)
            if not s.pending
            else advance(s, 0)
        )
        if is_over(s):
            break
    for i, value in enumerate(s.aims):
        assert mini.aim_min[i] <= value <= mini.aim_max[i]


def test_relations_are_clamped_to_plus_minus_100(mini: Rules) -> None:
    s = new_game(mini, 1)
    for _ in range(7):
        if why_illegal(s, TakeAction("woo_germany")) is None:
            s = apply_action(s, TakeAction("woo_germany"))
        s = advance(s, 1)
        if is_over(s):
            break
    assert -100 <= s.relation("germany") <= 100


def test_signing_a_treaty_records_it_and_a_waiting_event_fires_next_turn(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 1)
    s = apply_action(s, TakeAction("pact_finland"))
    assert s.treaties_with("finland") == ["non_aggression", "relations"]
    assert not s.fired & (1 << mini.event_index["thaw"])
    s = advance(s, 1)
    assert s.fired & (1 << mini.event_index["thaw"])


def test_an_event_with_choices_must_be_answered_before_anything_else(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 2)
    assert s.pending_event == "crisis"
    assert legal_actions(s) == [Choose("crisis", "yield"), Choose("crisis", "defy")]
    assert why_illegal(s, EndTurn()) == "answer the event first"
    assert why_illegal(s, TakeAction("woo_germany")) == "answer the event first"


def test_a_choice_applies_its_effects_and_flags(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 2)
    s = apply_action(s, Choose("crisis", "defy"))
    assert s.relation("germany") == -20
    assert s.has_flag("snubbed")
    assert s.choices[mini.event_index["crisis"]] == 1


def test_aims_drift_by_their_formula_at_the_end_of_a_turn(mini: Rules) -> None:
    s = new_game(mini, seed=3)
    before_sec, rec = s.aim("security"), s.aim("recognition")
    s = apply_action(s, EndTurn())
    assert s.trajectory[0][0] == pytest.approx(before_sec + (rec - 50) / 10)


def test_an_ending_event_ends_the_game_after_its_turn(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 2)
    s = apply_action(s, Choose("crisis", "defy"))
    s = advance(s, 4)  # to Jul 1931, when the finale fires
    assert not is_over(s) and s.fired & (1 << mini.event_index["finale"])
    s = apply_action(s, EndTurn())
    assert is_over(s) and len(s.trajectory) == 7
    assert ending(s) in ("safe", "unsafe")


def test_the_game_ends_after_the_last_turn_of_the_calendar(mini: Rules) -> None:
    s = advance(new_game(mini, 1), 8)
    assert is_over(s) and legal_actions(s) == []
    assert why_illegal(s, EndTurn()) == "the game is over"


def test_the_first_ending_whose_condition_holds_is_the_ending(mini: Rules) -> None:
    s = new_game(mini, 1)
    s = advance(s, 4)
    s = apply_action(s, TakeAction("late_move"))  # security set to 90
    s = advance(s, 4)
    assert ending(s) == "safe"


def test_chance_events_depend_on_the_seed_only(mini: Rules) -> None:
    fired = [
        bool(new_game(mini, seed).fired & (1 << mini.event_index["rumour"])) for seed in range(40)
    ]
    assert any(fired) and not all(fired)
    assert fired == [
        bool(new_game(mini, seed).fired & (1 << mini.event_index["rumour"])) for seed in range(40)
    ]


def test_applying_a_move_leaves_the_old_state_unchanged(mini: Rules) -> None:
    s = new_game(mini, 1)
    copy = (s.aims, s.relations, s.budget, s.moves, s.treaties)
    apply_action(s, TakeAction("woo_germany"))
    assert (s.aims, s.relations, s.budget, s.moves, s.treaties) == copy


def test_moves_have_a_text_form_that_round_trips() -> None:
    for move in (TakeAction("pact_finland"), Choose("crisis", "defy"), EndTurn()):
        assert parse_move(move.text()) == move
    with pytest.raises(MoveSyntaxError):
        parse_move("fly to the moon")


def test_an_illegal_move_raises_a_typed_error_that_says_why(mini: Rules) -> None:
    with pytest.raises(IllegalMoveError) as info:
        apply_action(new_game(mini, 1), TakeAction("pact_finland"))
    assert info.value.reason == "not yet possible at this date"
    assert isinstance(info.value, ValueError)


def test_an_unknown_action_is_illegal_not_a_crash(mini: Rules) -> None:
    assert (
        why_illegal(new_game(mini, 1), TakeAction("nope"))
        == "there is no action 'nope' in this scenario"
    )


def test_replaying_the_moves_gives_the_same_state(mini: Rules) -> None:
    s = advance(apply_action(new_game(mini, 9), TakeAction("woo_germany")), 5)
    again = replay(mini, 9, s.moves)
    assert again.aims == s.aims and again.log() == s.log() and again.rng == s.rng


def test_games_of_free_repeatable_actions_still_end(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from game.core.policies import POLICIES, play_game
    from game.scenario.loader import load_from_bytes
    from tests.conftest import MINI

    text = MINI.read_text(encoding="utf-8").replace("    cost: 2\n", "    cost: 0\n")
    rules = load_from_bytes(text.encode(), "free.yaml").rules
    for seed in range(20):
        assert is_over(play_game(rules, POLICIES["random"], seed=seed))
