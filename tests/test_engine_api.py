"""The engine's query API: what a driver may ask of a state, the one legality function, move
previews, and a check that no driver outside game/core reads the packed fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.core.engine import (
    Change,
    Choose,
    EndTurn,
    IllegalMoveError,
    TakeAction,
    TreatyChange,
    action_problem,
    actions_ruled_out,
    apply_action,
    available_action_indices,
    ending,
    is_over,
    legal_actions,
    new_game,
    preview,
    why_illegal,
)
from game.core.policies import play_game, random_policy
from game.core.rules import EffectInfo, Rules

GAME = Path(__file__).resolve().parents[1] / "game"


def test_a_new_game_has_taken_fired_and_answered_nothing(mini: Rules) -> None:
    s = new_game(mini, 1)
    assert s.actions_taken() == () and s.actions_this_turn() == ()
    assert not s.took_action("pact_finland") and s.answers() == {}
    assert s.answer("crisis") is None and s.flags_set() == () and not s.has_flag("snubbed")
    assert not is_over(s) and ending(s) is None


def test_taken_actions_are_asked_by_id(mini: Rules) -> None:
    s = apply_action(new_game(mini, 1), TakeAction("woo_germany"))
    assert s.took_action("woo_germany") and s.actions_taken() == ("woo_germany",)
    assert s.actions_this_turn() == ("woo_germany",)
    s = apply_action(s, EndTurn())
    assert s.actions_this_turn() == () and s.took_action("woo_germany")


def test_answers_flags_and_fired_events_are_asked_by_id(mini: Rules) -> None:
    s = new_game(mini, 1)
    while s.pending_event != "crisis":
        s = apply_action(s, EndTurn())
    assert s.event_fired("crisis") and "crisis" in s.events_fired()
    assert s.answer("crisis") is None
    s = apply_action(s, Choose("crisis", "defy"))
    assert s.answer("crisis") == "defy" and s.answers() == {"crisis": "defy"}
    assert s.has_flag("snubbed") and s.flags_set() == ("snubbed",)
    assert not s.has_flag("no_such_flag")


def test_unknown_ids_raise_key_error(mini: Rules) -> None:
    s = new_game(mini, 1)
    for ask in (lambda: s.took_action("nope"), lambda: s.answer("nope"),
                lambda: s.event_fired("nope"), lambda: s.has_treaty("finland", "nope")):
        with pytest.raises(KeyError):
            ask()


def test_a_preview_lists_the_changes_and_changes_nothing(mini: Rules) -> None:
    s = apply_action(new_game(mini, 1), EndTurn())
    p = preview(s, TakeAction("pact_finland"))
    r = s.aim("recognition")
    assert p.aims == (Change("aim", "recognition", r, r + 10),)
    assert p.relations == (Change("relation", "finland", s.relation("finland"),
                                  s.relation("finland") + 30),)
    assert p.treaties == (TreatyChange("finland", "non_aggression", True),)
    assert p.after == apply_action(s, TakeAction("pact_finland"))
    assert not s.has_treaty("finland", "non_aggression") and s.actions_taken() == ()


def test_a_preview_of_an_illegal_move_raises_with_the_reason(mini: Rules) -> None:
    s = new_game(mini, 1)
    with pytest.raises(IllegalMoveError) as info:
        preview(s, TakeAction("pact_finland"))
    assert info.value.reason == why_illegal(s, TakeAction("pact_finland"))


def test_an_action_ruling_out_nothing_says_so(mini: Rules) -> None:
    s = new_game(mini, 1)
    assert actions_ruled_out(s, "woo_germany") == []
    assert actions_ruled_out(s, "pact_finland") == []  # not allowed now


def test_an_actions_effects_are_described_by_id(mini: Rules) -> None:
    assert mini.action_effects("pact_finland") == (
        EffectInfo("relation", "finland", add=30.0),
        EffectInfo("sign", "finland", treaty="non_aggression"),
        EffectInfo("aim", "recognition", add=10.0))


def test_one_legality_function_answers_everywhere(mini: Rules) -> None:
    """action_problem decides: legal_actions, available_action_indices and why_illegal agree
    with it on every state of random games."""
    for seed in range(20):
        final = play_game(mini, random_policy, seed=seed)
        state = new_game(mini, seed)
        for text in final.moves:
            allowed = [a.index for a in mini.actions if action_problem(state, a.index) is None]
            assert available_action_indices(state) == allowed
            legal = legal_actions(state)
            for a in mini.actions:
                move = TakeAction(a.id)
                assert why_illegal(state, move) == action_problem(state, a.index)
                assert (move in legal) == (a.index in allowed)
            state = apply_action(state, next(m for m in legal if m.text() == text))
        assert state == final


def test_a_state_prints_short(mini: Rules) -> None:
    final = play_game(mini, random_policy, seed=3)
    assert len(repr(final)) < 300


PACKED = re.compile(
    r"\b(state|st|s|hist|history|after|before|base|final|game|new|old|start|self\.state|"
    r"session\.state)\.(took|fired|flags|treaties|choices|taken_this_turn|ending_index|"
    r"pending|rng|log_chain|move_chain)\b"
    r"|\.(taken_this_turn|ending_index|log_chain|move_chain)\b"
    r"|\b(EffectOp|AIM_ADD|AIM_SET|REL_ADD|REL_SET|FLAG_SET|FLAG_CLEAR|SIGN|CANCEL)\b"
    r"|\brules\._")


def test_no_driver_reads_the_packed_fields() -> None:
    """Outside game/core, states are asked through the query API: bit sets, choice indices,
    opcodes and the rules' private memo are the engine's own."""
    found = []
    for path in sorted(GAME.rglob("*.py")):
        if path.is_relative_to(GAME / "core"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PACKED.search(line):
                found.append(f"{path.relative_to(GAME.parent)}:{n}: {line.strip()}")
    assert found == []


def test_an_unknown_effect_opcode_raises_instead_of_cancelling_a_treaty(mini: Rules) -> None:
    import dataclasses

    from game.core.engine import APPLIED_OPCODES

    broken = dataclasses.replace(mini.actions[0], effects=((max(APPLIED_OPCODES) + 1, 0, 0.0),))
    rules = dataclasses.replace(mini, actions=(broken, *mini.actions[1:]),
                                actions_by_turn=tuple((broken, *t[1:]) if t and t[0].index == 0
                                                      else t for t in mini.actions_by_turn))
    s = apply_action(new_game(rules, 1), EndTurn())
    with pytest.raises(ValueError, match="unknown effect opcode"):
        apply_action(s, TakeAction(broken.id))
