"""``{aim: ID, add: N}`` or ``{aim: ID, set: N}``: change an aim, or set it, within its
bounds."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field
from pydantic.config import JsonDict

from game.core.effects.base import EffectInfo, EffectKind, EffectModel, EffectOp, Indices, Names, Reference
from game.core.fields import Id
from game.i18n import N_, _

AIM_ADD, AIM_SET = 0, 1
"""The engine tells aims from the other kinds by ``op <= AIM_SET``: the lowest opcodes."""

AMOUNT_STRAY = N_("'add' and 'set' belong to aim and relation effects, not '{kind}'")
"""What an ``add`` or ``set`` on an effect of another kind gets (aim and relation say it)."""
AMOUNT_SCHEMA: JsonDict = {"oneOf": [{"required": ["add"]}, {"required": ["set"]}]}
"""Either ``add`` or ``set``: the model checks it in code, the JSON schema says it so."""


class AimEffect(EffectModel):
    """Change an aim (``add``) or set it (``set``), within its ``min`` and ``max``."""

    model_config = ConfigDict(json_schema_extra=AMOUNT_SCHEMA)
    KEY: ClassVar[str] = "aim"

    aim: Id = Field(description="The aim to change: one of the ids under `aims:`.")
    add: float | None = Field(default=None, description="Added to the aim (negative to lower it).")
    set: float | None = Field(default=None, description="The aim's new value, within its `min` "
                               "and `max`.")

    def check(self) -> None:
        if (self.add is None) == (self.set is None):
            raise ValueError(_("an 'aim' effect needs either 'add' or 'set' (not both)"))


def _compile(e: AimEffect, ix: Indices) -> EffectOp:
    if e.add is not None:
        return (AIM_ADD, ix.aims[e.aim], e.add)
    return (AIM_SET, ix.aims[e.aim], float(e.set or 0))


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    if op == AIM_ADD:
        return EffectInfo("aim", names.aim_ids[i], add=amount)
    return EffectInfo("aim", names.aim_ids[i], set=amount)


def _references(e: AimEffect) -> tuple[Reference, ...]:
    return (("aim", "aim", e.aim),)


KIND = EffectKind(AimEffect, (AIM_ADD, AIM_SET), _compile, _describe, _references,
                  strays={"add": AMOUNT_STRAY, "set": AMOUNT_STRAY})
