"""Refusals are typed data in the engine and words only in the presentation layer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game import i18n
from game.core.engine import (
    Choose,
    EndTurn,
    IllegalMoveError,
    Reason,
    Refusal,
    TakeAction,
    action_problem,
    apply_action,
    new_game,
    why_illegal,
)
from game.core.rules import Rules
from game.present.refusals import refusal_text

EXAMPLES = {
    Reason.NEEDS_POINTS: Refusal(Reason.NEEDS_POINTS, cost=2, left=1),
    Reason.CONDITIONS_NOT_MET: Refusal(Reason.CONDITIONS_NOT_MET),
    Reason.UNKNOWN_ACTION: Refusal(Reason.UNKNOWN_ACTION, action="nope"),
    Reason.WRONG_EVENT: Refusal(Reason.WRONG_EVENT, event="a", waiting="b"),
    Reason.NOT_A_CHOICE: Refusal(Reason.NOT_A_CHOICE, choice="c", event="a"),
    Reason.UNKNOWN_POLICY: Refusal(Reason.UNKNOWN_POLICY, action="effort", choice="navy"),
}


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.set_language(i18n.PSEUDO)
    yield
    i18n.set_language("en")


def test_a_refusal_names_its_reason_and_the_values_its_sentence_needs(mini: Rules) -> None:
    s = apply_action(new_game(mini, 1), TakeAction("woo_germany"))
    refusal = why_illegal(s, TakeAction("propaganda"))
    assert refusal == Refusal(Reason.NEEDS_POINTS, cost=2, left=1)
    assert refusal is not None and (refusal.cost, refusal.left) == (2, 1)
    assert why_illegal(s, TakeAction("nope")) == Refusal(Reason.UNKNOWN_ACTION, action="nope")
    assert why_illegal(s, Choose("x", "y")) == Refusal(Reason.NO_EVENT_WAITING)


def test_an_illegal_move_error_carries_the_refusal_and_reads_as_english(mini: Rules) -> None:
    s = new_game(mini, 1)
    with pytest.raises(IllegalMoveError) as info:
        apply_action(s, TakeAction("pact_finland"))
    assert info.value.refusal == Refusal(Reason.NOT_YET)
    assert info.value.reason == "not yet possible at this date"
    assert str(info.value) == "take pact_finland: not yet possible at this date"


def test_the_scenario_reason_for_a_false_condition_is_kept_as_data(mini: Rules) -> None:
    s = new_game(mini, 1)
    for a in mini.actions:
        r = action_problem(s, a.index)
        if r is not None and r.reason is Reason.CONDITIONS_NOT_MET:
            assert r.scenario_text == mini.scenario.actions[a.index].unavailable_reason
            assert refusal_text(r) == (r.scenario_text or "the conditions for it are not met")


def test_every_reason_has_words_that_go_through_the_catalogue(pseudo: None) -> None:
    for reason in Reason:
        refusal = EXAMPLES.get(reason, Refusal(reason))
        words = refusal_text(refusal)
        assert words.startswith("⟦") and words.endswith("⟧"), reason


def test_the_english_words_match_the_engines_plain_english() -> None:
    i18n.set_language("en")
    for reason in Reason:
        refusal = EXAMPLES.get(reason, Refusal(reason))
        assert refusal_text(refusal) == refusal.english() == str(refusal)
    assert refusal_text(Refusal(Reason.NEEDS_POINTS, cost=1, left=0)) == \
        "needs 1 action point, 0 left"


def test_ending_the_turn_while_an_event_waits_is_refused(mini: Rules) -> None:
    s = new_game(mini, 1)
    for _ in range(24):
        if s.pending:
            assert why_illegal(s, EndTurn()) == Refusal(Reason.ANSWER_EVENT_FIRST)
            return
        s = apply_action(s, EndTurn())
    pytest.skip("no event asks for a choice in the first two years")
