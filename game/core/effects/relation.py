"""``{relation: NATION, add: N}`` or ``{relation: NATION, set: N}``: change a nation's
relation with the player, or set it, within -100..100."""

from __future__ import annotations

from game.core.effects.base import EffectInfo, EffectKind, EffectOp, Indices, Names, Reference
from game.core.scenario import Effect

REL_ADD, REL_SET = 2, 3
"""The engine tells relations by ``op <= REL_SET`` once aims are ruled out."""


def _compile(e: Effect, ix: Indices) -> EffectOp:
    assert e.relation is not None
    if e.add is not None:
        return (REL_ADD, ix.nations[e.relation], e.add)
    return (REL_SET, ix.nations[e.relation], float(e.set or 0))


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    if op == REL_ADD:
        return EffectInfo("relation", names.nation_ids[i], add=amount)
    return EffectInfo("relation", names.nation_ids[i], set=amount)


def _references(e: Effect) -> tuple[Reference, ...]:
    return (("relation", "nation", e.relation),) if e.relation is not None else ()


KIND = EffectKind("relation", (REL_ADD, REL_SET), _compile, _describe, _references)
