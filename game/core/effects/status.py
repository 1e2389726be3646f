"""``{status: STATUS, nation: NATION, by: HOLDER}``: the living map. A nation becomes
independent again, goes to war with someone other than the player, or is occupied, annexed or
partitioned by one or two holders (nation ids, or ``player`` for the player's own state)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from game.core.effects.base import EffectInfo, EffectKind, EffectModel, EffectOp, Indices, Names, Reference
from game.core.fields import Id
from game.i18n import _

STATUS = 8

STATUSES = ("independent", "at_war", "occupied", "annexed", "partitioned")
"""The statuses a nation can have, in the order of their codes."""

Status = Literal["independent", "at_war", "occupied", "annexed", "partitioned"]

PLAYER = "player"
"""The holder that means the player's own state."""

HOLDER_BITS = 7
"""A holder's code: 0 none, 1 the player, 2 + the nation's position (at most 100 nations)."""


class StatusEffect(EffectModel):
    """A nation's place on the map changes: independent, at war, occupied, annexed or
    partitioned."""

    KEY: ClassVar[str] = "status"

    status: Status = Field(description="What the nation becomes: `independent`, `at_war` (with "
                           "someone other than the player), `occupied`, `annexed` or "
                           "`partitioned`.")
    nation: Id | None = Field(default=None, description="The nation whose status changes: one "
                              "of the ids under `nations:`.")
    by: Id | list[Id] | None = Field(
        default=None, description="Who holds it (or fights it, for `at_war`): a nation id or "
        "`player`; for `partitioned`, a list of the two holders.")

    def holders(self) -> tuple[str, ...]:
        """The holders named by ``by``, in order."""
        if self.by is None:
            return ()
        return (self.by,) if isinstance(self.by, str) else tuple(self.by)

    def check(self) -> None:
        if self.nation is None:
            raise ValueError(_("a 'status' effect needs 'nation: NATION'"))
        holders = self.holders()
        if self.status == "independent" and holders:
            raise ValueError(_("an independent nation has no holder: remove 'by'"))
        if self.status in ("occupied", "annexed") and len(holders) != 1:
            raise ValueError(_("'{status}' needs one holder: 'by: NATION' or 'by: player'")
                             .format(status=self.status))
        if self.status == "partitioned" and len(holders) != 2:
            raise ValueError(_("'partitioned' needs two holders: 'by: [NATION, NATION]' "
                               "(or player)"))
        if self.status == "at_war" and len(holders) > 1:
            raise ValueError(_("'at_war' takes one enemy in 'by', or none"))
        if len(set(holders)) != len(holders):
            raise ValueError(_("the two holders of a partition must differ"))
        if self.nation in holders:
            raise ValueError(_("a nation cannot hold itself"))


def holder_code(holder: str, ix: Indices) -> int:
    """A holder's code (see :data:`HOLDER_BITS`)."""
    return 1 if holder == PLAYER else 2 + ix.nations[holder]


def holder_id(code: int, nation_ids: tuple[str, ...]) -> str | None:
    """A holder's id from its code (None for no holder)."""
    if code == 0:
        return None
    return PLAYER if code == 1 else nation_ids[code - 2]


def pack(status: int, holders: tuple[int, ...]) -> int:
    """A nation's status and holders as one number (what the state keeps)."""
    value = status
    for k, code in enumerate(holders):
        value |= code << (3 + HOLDER_BITS * k)
    return value


def unpack(value: int, nation_ids: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A packed status read back: (status, holder ids)."""
    status = STATUSES[value & 7]
    codes = (value >> 3 & 127, value >> (3 + HOLDER_BITS) & 127)
    return status, tuple(h for h in (holder_id(c, nation_ids) for c in codes) if h is not None)


def _compile(e: StatusEffect, ix: Indices) -> EffectOp:
    assert e.nation is not None  # check() made sure
    value = pack(STATUSES.index(e.status), tuple(holder_code(h, ix) for h in e.holders()))
    return (STATUS, ix.nations[e.nation], float(value))


def _describe(op: int, i: int, amount: float, names: Names) -> EffectInfo:
    status, holders = unpack(int(amount), names.nation_ids)
    return EffectInfo("status", names.nation_ids[i], status=status, holders=holders)


def _references(e: StatusEffect) -> tuple[Reference, ...]:
    refs: list[Reference] = []
    if e.nation is not None:
        refs.append(("nation", "nation", e.nation))
    refs += [("by", "holder", h) for h in e.holders()]
    return tuple(refs)


KIND = EffectKind(StatusEffect, (STATUS,), _compile, _describe, _references)
