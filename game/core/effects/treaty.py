"""``{sign: KIND, with: NATION}`` and ``{cancel: KIND, with: NATION}``: the player signs or
ends a treaty of a kind the scenario lists in ``treaty_kinds`` with a nation."""

from __future__ import annotations

from game.core.effects.base import EffectInfo, EffectKind, EffectOp, Indices, Names, Reference
from game.core.scenario import Effect

SIGN, CANCEL = 6, 7

TREATY_SHIFT = 6
"""A treaty effect's index is nation << 6 | treaty kind (at most 64 kinds)."""


def _compile_sign(e: Effect, ix: Indices) -> EffectOp:
    assert e.sign is not None and e.with_ is not None
    return (SIGN, ix.nations[e.with_] * 64 + ix.treaties[e.sign], 0.0)


def _compile_cancel(e: Effect, ix: Indices) -> EffectOp:
    assert e.cancel is not None and e.with_ is not None
    return (CANCEL, ix.nations[e.with_] * 64 + ix.treaties[e.cancel], 0.0)


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    return EffectInfo("sign" if op == SIGN else "cancel", names.nation_ids[i >> TREATY_SHIFT],
                      treaty=names.treaty_ids[i & 63])


def _references_sign(e: Effect) -> tuple[Reference, ...]:
    out: list[Reference] = []
    if e.sign is not None:
        out.append(("sign", "treaty kind", e.sign))
    if e.with_ is not None:
        out.append(("with", "nation", e.with_))
    return tuple(out)


def _references_cancel(e: Effect) -> tuple[Reference, ...]:
    out: list[Reference] = []
    if e.cancel is not None:
        out.append(("cancel", "treaty kind", e.cancel))
    if e.with_ is not None:
        out.append(("with", "nation", e.with_))
    return tuple(out)


SIGN_TREATY = EffectKind("sign", (SIGN,), _compile_sign, _describe, _references_sign)
CANCEL_TREATY = EffectKind("cancel", (CANCEL,), _compile_cancel, _describe, _references_cancel)
