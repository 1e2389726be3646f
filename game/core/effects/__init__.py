"""The kinds of effect: one module per kind, registered here.

Each kind module (:mod:`~game.core.effects.aim`, :mod:`~game.core.effects.relation`,
:mod:`~game.core.effects.flag`, :mod:`~game.core.effects.treaty`) owns its opcodes, the ids
it refers to (checked at load by ``game.core.checks``), the flags it names, how it compiles
and how a compiled effect reads back as an :class:`EffectInfo` (worded by
``game.present.effects``). The engine applies the opcodes on its fast path and raises on any
other. The scenario's ``Effect`` model still validates the file's form (``game.core.scenario``).
"""

from __future__ import annotations

from collections.abc import Iterable

from game.core.effects import aim, flag, relation, treaty
from game.core.effects.base import EffectInfo, EffectKind, EffectOp, Indices, Names, Reference
from game.core.scenario import Effect

__all__ = ["KINDS", "EffectInfo", "EffectKind", "EffectOp", "Indices", "Names", "Reference",
           "compile_effects", "describe_ops", "effect_flags", "effect_references", "kind_of"]

KINDS: tuple[EffectKind, ...] = (aim.KIND, relation.KIND, flag.SET_FLAG, flag.CLEAR_FLAG,
                                 treaty.SIGN_TREATY, treaty.CANCEL_TREATY)
"""Every effect kind, in the order the scenario format lists them."""

_BY_KEY = {k.key: k for k in KINDS}
_BY_OPCODE = {op: k for k in KINDS for op in k.opcodes}
if len(_BY_OPCODE) != sum(len(k.opcodes) for k in KINDS):  # two kinds sharing an opcode
    raise RuntimeError("effect kinds share an opcode")


def kind_of(effect: Effect) -> EffectKind:
    """Return the kind of a validated effect (the one kind key it gives)."""
    for key, kind in _BY_KEY.items():
        if getattr(effect, key) is not None:
            return kind
    raise ValueError("an effect of no kind")  # the scenario model rules it out


def compile_effects(effects: Iterable[Effect], ix: Indices) -> tuple[EffectOp, ...]:
    """Turn effects into opcodes. Assumes references were checked (unknown ids raise
    KeyError)."""
    return tuple(kind_of(e).compile(e, ix) for e in effects)


def describe_ops(names: Names, ops: Iterable[EffectOp]) -> tuple[EffectInfo, ...]:
    """Return compiled effects as :class:`EffectInfo`, by id. Raises ValueError for an
    opcode no kind owns."""
    out = []
    for op, i, amount in ops:
        kind = _BY_OPCODE.get(op)
        if kind is None:
            raise ValueError(f"unknown effect opcode {op}")
        out.append(kind.describe(op, i, amount, names))
    return tuple(out)


def effect_flags(effect: Effect) -> tuple[str, ...]:
    """Return the flags an effect sets or clears."""
    return kind_of(effect).flags(effect)


def effect_references(effect: Effect) -> tuple[Reference, ...]:
    """Return the ids an effect names: (key, kind of thing, id)."""
    return kind_of(effect).references(effect)
