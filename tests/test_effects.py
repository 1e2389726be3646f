"""The effect registry: each kind owns its opcodes, compiles and reads back what it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.effects import KINDS, describe_ops, effect_references, kind_of
from game.core.rules import Rules
from game.scenario.loader import load_scenario
from tests.conftest import bundled_scenarios


def test_each_opcode_belongs_to_one_kind_and_each_key_names_one() -> None:
    opcodes = [op for k in KINDS for op in k.opcodes]
    assert len(opcodes) == len(set(opcodes))
    assert [k.key for k in KINDS] == ["aim", "relation", "set_flag", "clear_flag", "sign",
                                      "cancel"]


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_every_compiled_effect_reads_back_as_its_scenario_effect(path: Path) -> None:
    rules = load_scenario(path).rules
    for action, compiled in zip(rules.scenario.actions, rules.actions, strict=True):
        for effect, info in zip(action.effects, describe_ops(rules, compiled.effects),
                                strict=True):
            assert info.kind == kind_of(effect).key
            if info.kind in ("sign", "cancel"):
                assert (info.target, info.treaty) == (effect.with_, getattr(effect, info.kind))
            else:
                assert info.target == getattr(effect, info.kind)
            assert (info.add, info.set) == ((effect.add, effect.set) if info.kind in (
                "aim", "relation") else (None, None))


def test_an_unknown_opcode_has_no_description(mini: Rules) -> None:
    with pytest.raises(ValueError, match="unknown effect opcode"):
        describe_ops(mini, ((max(op for k in KINDS for op in k.opcodes) + 1, 0, 0.0),))


def test_a_treaty_effect_names_its_kind_and_nation(mini: Rules) -> None:
    sign = next(e for a in mini.scenario.actions for e in a.effects if e.sign is not None)
    assert {what for _, what, _ in effect_references(sign)} == {"treaty kind", "nation"}
