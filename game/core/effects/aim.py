"""``{aim: ID, add: N}`` or ``{aim: ID, set: N}``: change an aim, or set it, within its
bounds."""

from __future__ import annotations

from game.core.effects.base import EffectInfo, EffectKind, EffectOp, Indices, Names, Reference
from game.core.scenario import Effect

AIM_ADD, AIM_SET = 0, 1
"""The engine tells aims from the other kinds by ``op <= AIM_SET``: the lowest opcodes."""


def _compile(e: Effect, ix: Indices) -> EffectOp:
    assert e.aim is not None
    if e.add is not None:
        return (AIM_ADD, ix.aims[e.aim], e.add)
    return (AIM_SET, ix.aims[e.aim], float(e.set or 0))


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    if op == AIM_ADD:
        return EffectInfo("aim", names.aim_ids[i], add=amount)
    return EffectInfo("aim", names.aim_ids[i], set=amount)


def _references(e: Effect) -> tuple[Reference, ...]:
    return (("aim", "aim", e.aim),) if e.aim is not None else ()


KIND = EffectKind("aim", (AIM_ADD, AIM_SET), _compile, _describe, _references)
