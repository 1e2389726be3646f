"""``{sign: KIND, with: NATION}`` and ``{cancel: KIND, with: NATION}``: the player signs or
ends a treaty of a kind the scenario lists in ``treaty_kinds`` with a nation."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from game.core.effects.base import EffectInfo, EffectKind, EffectModel, EffectOp, Indices, Names, Reference
from game.core.fields import Id
from game.i18n import N_, _

SIGN, CANCEL = 6, 7

TREATY_SHIFT = 6
"""A treaty effect's index is nation << 6 | treaty kind (at most 64 kinds)."""

WITH_STRAY = N_("'with' belongs to sign and cancel effects")
_WITH = Field(default=None, alias="with", description="The nation: one of the ids under "
               "`nations:`.")


class SignEffect(EffectModel):
    """The player signs a treaty of a kind from ``treaty_kinds`` with a nation."""

    model_config = ConfigDict(json_schema_extra={"required": ["sign", "with"]})
    KEY: ClassVar[str] = "sign"

    sign: Id = Field(description="The treaty kind to sign: one of the ids under `treaty_kinds:`.")
    with_: Id | None = _WITH

    def check(self) -> None:
        if self.with_ is None:
            raise ValueError(_("a 'sign' effect needs 'with: NATION'"))


class CancelEffect(EffectModel):
    """The player ends a treaty of a kind from ``treaty_kinds`` with a nation."""

    model_config = ConfigDict(json_schema_extra={"required": ["cancel", "with"]})
    KEY: ClassVar[str] = "cancel"

    cancel: Id = Field(description="The treaty kind to end: one of the ids under "
                      "`treaty_kinds:`.")
    with_: Id | None = _WITH

    def check(self) -> None:
        if self.with_ is None:
            raise ValueError(_("a 'cancel' effect needs 'with: NATION'"))


def _nation(e: SignEffect | CancelEffect, ix: Indices) -> int:
    assert e.with_ is not None  # check() made sure
    return ix.nations[e.with_] * 64


def _compile_sign(e: SignEffect, ix: Indices) -> EffectOp:
    return (SIGN, _nation(e, ix) + ix.treaties[e.sign], 0.0)


def _compile_cancel(e: CancelEffect, ix: Indices) -> EffectOp:
    return (CANCEL, _nation(e, ix) + ix.treaties[e.cancel], 0.0)


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    return EffectInfo("sign" if op == SIGN else "cancel", names.nation_ids[i >> TREATY_SHIFT],
                      treaty=names.treaty_ids[i & 63])


def _with(e: SignEffect | CancelEffect) -> tuple[Reference, ...]:
    return (("with", "nation", e.with_),) if e.with_ is not None else ()


def _references_sign(e: SignEffect) -> tuple[Reference, ...]:
    return (("sign", "treaty kind", e.sign), *_with(e))


def _references_cancel(e: CancelEffect) -> tuple[Reference, ...]:
    return (("cancel", "treaty kind", e.cancel), *_with(e))


SIGN_TREATY = EffectKind(SignEffect, (SIGN,), _compile_sign, _describe, _references_sign,
                         strays={"with": WITH_STRAY})
CANCEL_TREATY = EffectKind(CancelEffect, (CANCEL,), _compile_cancel, _describe,
                           _references_cancel, strays={"with": WITH_STRAY})
