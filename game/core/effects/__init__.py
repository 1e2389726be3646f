"""The kinds of effect: one module per kind, registered here.

Each kind module (:mod:`~game.core.effects.aim`, :mod:`~game.core.effects.relation`,
:mod:`~game.core.effects.flag`, :mod:`~game.core.effects.treaty`) owns its model (its fields
in the scenario file, their descriptions for the JSON schema, its own checks), its opcodes,
the ids it refers to (checked at load by ``game.core.checks``), the flags it names, how it
compiles and how a compiled effect reads back as an :class:`EffectInfo` (worded by
``game.present.effects``). The engine applies the opcodes on its fast path, one branch per
opcode, and checks at import that it has a branch for every opcode declared here.

:data:`Effect` is the scenario's type of an effect: a discriminated union of the kinds'
models, picked by which kind's key the mapping gives. A mapping that gives none or several
goes to :class:`AnyEffect`, which never validates: it reports the problem in the words the
format has always used. Adding a kind: a module here (model, opcodes, compile, references,
read-back) listed in :data:`KINDS`, a branch per opcode in ``game.core.engine``, its words in
``game.present.effects``, and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import ConfigDict, Discriminator, Field, Tag, create_model, model_validator
from pydantic.json_schema import SkipJsonSchema

from game.core.effects import aim, flag, relation, status, treaty
from game.core.effects.aim import AimEffect
from game.core.effects.base import (
    EffectInfo,
    EffectKind,
    EffectModel,
    EffectOp,
    Indices,
    Names,
    Reference,
    register,
)
from game.core.effects.flag import ClearFlagEffect, SetFlagEffect
from game.core.effects.relation import RelationEffect
from game.core.effects.status import StatusEffect
from game.core.effects.treaty import CancelEffect, SignEffect
from game.core.fields import Model
from game.i18n import _

__all__ = ["KINDS", "AnyEffect", "Effect", "EffectInfo", "EffectKind", "EffectModel",
           "EffectOp", "Indices", "Names", "Reference", "compile_effects", "describe_ops",
           "effect_fields", "effect_flags", "effect_references", "kind_of"]

KINDS: tuple[EffectKind[Any], ...] = (aim.KIND, relation.KIND, flag.SET_FLAG, flag.CLEAR_FLAG,
                                      treaty.SIGN_TREATY, treaty.CANCEL_TREATY, status.KIND)
"""Every effect kind, in the order the scenario format lists them."""

register(KINDS)

_BY_KEY = {k.key: k for k in KINDS}
_BY_MODEL: dict[type[EffectModel], EffectKind[Any]] = {k.model: k for k in KINDS}
_BY_OPCODE = {op: k for k in KINDS for op in k.opcodes}
if len(_BY_OPCODE) != sum(len(k.opcodes) for k in KINDS):  # two kinds sharing an opcode
    raise RuntimeError("effect kinds share an opcode")
if len(_BY_KEY) != len(KINDS):
    raise RuntimeError("effect kinds share a key")


def effect_fields() -> dict[str, tuple[str, Any]]:
    """Every field of every kind, by its name in the file: (attribute name, field info).

    In the format's order: the kinds' keys in the order of :data:`KINDS`, a field of one kind
    right after its key, a field several kinds share after the last of those keys (so ``aim,
    relation, add, set, set_flag, clear_flag, sign, cancel, with``)."""
    owners: dict[str, list[int]] = {}
    infos: dict[str, tuple[str, Any]] = {}
    for rank, kind in enumerate(KINDS):
        for name, info in kind.model.model_fields.items():
            key = info.alias or name
            owners.setdefault(key, []).append(rank)
            infos.setdefault(key, (name, info))

    def place(key: str) -> tuple[int, int]:
        ranks = owners[key]
        return (ranks[-1], 0 if key == KINDS[ranks[-1]].key else 1)

    return {key: infos[key] for key in sorted(infos, key=place)}


def _no_kind(effect: Model) -> Model:
    kinds = [k.key for k in KINDS if getattr(effect, k.key) is not None]
    keys = ", ".join(_BY_KEY)
    if kinds:
        raise ValueError(_("an effect needs exactly one of {keys} (found {found})").format(
            keys=keys, found=", ".join(kinds)))
    raise ValueError(_("an effect needs exactly one of {keys}").format(keys=keys))


def _optional(info: Any) -> Any:
    """The type of a field, constraints kept, that may be left out."""
    kind = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return kind | None


class _Flat(Model):
    model_config = ConfigDict(populate_by_name=True)


AnyEffect: type[Model] = create_model(  # type: ignore[call-overload]
    "AnyEffect",
    __base__=_Flat,
    __doc__="A mapping that gives none or several kinds: every kind's field, none required. "
            "It never validates (it reports which kinds it found); no effect is of this type.",
    __validators__={"_one_kind": model_validator(mode="after")(_no_kind)},
    **{name: (_optional(info), Field(default=None, alias=None if key == name else key))
       for key, (name, info) in effect_fields().items()},
)

_NO_KIND = "effect-of-no-kind"
_TAGS = {k.key: f"effect-{k.key.replace('_', '-')}" for k in KINDS}
"""The union's tags: unlike any key of the file, so the loader drops them from locations."""
_TAG_OF_MODEL = {k.model: _TAGS[k.key] for k in KINDS}


def _tag(data: Any) -> str:
    if isinstance(data, dict):
        found = [key for key in _BY_KEY if key in data and data[key] is not None]
        return _TAGS[found[0]] if len(found) == 1 else _NO_KIND
    return _TAG_OF_MODEL.get(type(data), _NO_KIND)


if TYPE_CHECKING:
    Effect = (AimEffect | RelationEffect | SetFlagEffect | ClearFlagEffect | SignEffect
              | CancelEffect | StatusEffect)
else:
    Effect = Annotated[
        Union[tuple(Annotated[k.model, Tag(_TAGS[k.key])] for k in KINDS)  # noqa: UP007
              + (Annotated[SkipJsonSchema[AnyEffect], Tag(_NO_KIND)],)],
        Discriminator(_tag),
    ]
"""One change: to an aim, a relation, a flag or a treaty; one model per kind (see KINDS)."""


def kind_of(effect: EffectModel) -> EffectKind[Any]:
    """Return the kind of a validated effect."""
    return _BY_MODEL[type(effect)]


def compile_effects(effects: Iterable[EffectModel], ix: Indices) -> tuple[EffectOp, ...]:
    """Turn effects into opcodes. Assumes references were checked (unknown ids raise
    KeyError)."""
    return tuple(_BY_MODEL[type(e)].compile(e, ix) for e in effects)


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


def effect_flags(effect: EffectModel) -> tuple[str, ...]:
    """Return the flags an effect sets or clears."""
    return kind_of(effect).flags(effect)


def effect_references(effect: EffectModel) -> tuple[Reference, ...]:
    """Return the ids an effect names: (key, kind of thing, id)."""
    return kind_of(effect).references(effect)
