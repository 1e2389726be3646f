"""``{relation: NATION, add: N}`` or ``{relation: NATION, set: N}``: change a nation's
relation with the player, or set it, within -100..100."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from game.core.effects.aim import AMOUNT_SCHEMA, AMOUNT_STRAY
from game.core.effects.base import EffectInfo, EffectKind, EffectModel, EffectOp, Indices, Names, Reference
from game.core.fields import Id
from game.i18n import _

REL_ADD, REL_SET = 2, 3
"""The engine tells relations by ``op <= REL_SET`` once aims are ruled out."""


class RelationEffect(EffectModel):
    """Change a nation's relation with the player (``add``) or set it (``set``), within
    -100..100."""

    model_config = ConfigDict(json_schema_extra=AMOUNT_SCHEMA)
    KEY: ClassVar[str] = "relation"

    relation: Id = Field(description="The nation whose relation with the player's nation "
                        "changes: one of the ids under `nations:`.")
    add: float | None = Field(default=None, description="Added to the relation (negative to "
                              "worsen it).")
    set: float | None = Field(default=None, description="The relation's new value, from -100 "
                               "to 100.")

    def check(self) -> None:
        if (self.add is None) == (self.set is None):
            raise ValueError(_("an 'relation' effect needs either 'add' or 'set' (not both)"))


def _compile(e: RelationEffect, ix: Indices) -> EffectOp:
    if e.add is not None:
        return (REL_ADD, ix.nations[e.relation], e.add)
    return (REL_SET, ix.nations[e.relation], float(e.set or 0))


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    if op == REL_ADD:
        return EffectInfo("relation", names.nation_ids[i], add=amount)
    return EffectInfo("relation", names.nation_ids[i], set=amount)


def _references(e: RelationEffect) -> tuple[Reference, ...]:
    return (("relation", "nation", e.relation),)


KIND = EffectKind(RelationEffect, (REL_ADD, REL_SET), _compile, _describe, _references,
                  strays={"add": AMOUNT_STRAY, "set": AMOUNT_STRAY})
