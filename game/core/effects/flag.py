"""``set_flag: NAME`` and ``clear_flag: NAME``: mark that something happened (read in
conditions as ``flag.NAME``), or unmark it. A flag needs no declaring: the scenario's flags
are the ones its effects and conditions name."""

from __future__ import annotations

from game.core.effects.base import EffectInfo, EffectKind, EffectOp, Indices, Names, Reference
from game.core.scenario import Effect

FLAG_SET, FLAG_CLEAR = 4, 5


def _compile_set(e: Effect, ix: Indices) -> EffectOp:
    assert e.set_flag is not None
    return (FLAG_SET, ix.flags[e.set_flag], 0.0)


def _compile_clear(e: Effect, ix: Indices) -> EffectOp:
    assert e.clear_flag is not None
    return (FLAG_CLEAR, ix.flags[e.clear_flag], 0.0)


def _describe_set(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    return EffectInfo("set_flag", names.flag_ids[i])


def _describe_clear(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    return EffectInfo("clear_flag", names.flag_ids[i])


def _no_references(e: Effect) -> tuple[Reference, ...]:
    return ()


def _set_flags(e: Effect) -> tuple[str, ...]:
    return (e.set_flag,) if e.set_flag else ()


def _clear_flags(e: Effect) -> tuple[str, ...]:
    return (e.clear_flag,) if e.clear_flag else ()


SET_FLAG = EffectKind("set_flag", (FLAG_SET,), _compile_set, _describe_set, _no_references,
                      _set_flags)
CLEAR_FLAG = EffectKind("clear_flag", (FLAG_CLEAR,), _compile_clear, _describe_clear,
                        _no_references, _clear_flags)
