"""``set_flag: NAME`` and ``clear_flag: NAME``: mark that something happened (read in
conditions as ``flag.NAME``), or unmark it. A flag needs no declaring: the scenario's flags
are the ones its effects and conditions name."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from game.core.effects.base import EffectInfo, EffectKind, EffectModel, EffectOp, Indices, Names, Reference
from game.core.fields import Id

FLAG_SET, FLAG_CLEAR = 4, 5


class SetFlagEffect(EffectModel):
    """Turn a flag on (conditions read it as ``flag.NAME``)."""

    KEY: ClassVar[str] = "set_flag"

    set_flag: Id = Field(description="The flag to turn on: a name of your choice; conditions "
                        "read it as `flag.NAME`.")


class ClearFlagEffect(EffectModel):
    """Turn a flag off again."""

    KEY: ClassVar[str] = "clear_flag"

    clear_flag: Id = Field(description="The flag to turn off: a name that a `set_flag` of "
                          "this scenario turns on.")


def _compile_set(e: SetFlagEffect, ix: Indices) -> EffectOp:
    return (FLAG_SET, ix.flags[e.set_flag], 0.0)


def _compile_clear(e: ClearFlagEffect, ix: Indices) -> EffectOp:
    return (FLAG_CLEAR, ix.flags[e.clear_flag], 0.0)


def _describe_set(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    return EffectInfo("set_flag", names.flag_ids[i])


def _describe_clear(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    return EffectInfo("clear_flag", names.flag_ids[i])


def _no_references(e: SetFlagEffect | ClearFlagEffect) -> tuple[Reference, ...]:
    return ()


def _set_flags(e: SetFlagEffect) -> tuple[str, ...]:
    return (e.set_flag,)


def _clear_flags(e: ClearFlagEffect) -> tuple[str, ...]:
    return (e.clear_flag,)


SET_FLAG = EffectKind(SetFlagEffect, (FLAG_SET,), _compile_set, _describe_set, _no_references,
                      _set_flags)
CLEAR_FLAG = EffectKind(ClearFlagEffect, (FLAG_CLEAR,), _compile_clear, _describe_clear,
                        _no_references, _clear_flags)
