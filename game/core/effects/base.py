"""What every effect kind provides, and the values they share.

An effect kind (one module of this package) has a model (:class:`EffectModel`: its fields in
the scenario file, with the descriptions the JSON schema and the guide show, and its own
checks), the opcodes it compiles to, the ids it refers to, the flags it names, how it compiles
and how a compiled effect reads back as an :class:`EffectInfo`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import ConfigDict, ModelWrapValidatorHandler, model_validator

from game.core.fields import Model
from game.i18n import _

EffectOp = tuple[int, int, float]
"""(opcode, index, amount): what the engine applies. The index is the aim's, nation's or
flag's position, or nation * 64 + treaty kind."""

Reference = tuple[str, str, str]
"""(key of the effect, kind of thing, id): an id an effect names, for the reference checks
(the kind of thing is "aim", "nation", "treaty kind" or "holder": a nation or ``player``)."""


@dataclass(frozen=True, slots=True)
class EffectInfo:
    """One effect as a reader sees it, by id, for tooltips and reports.

    ``kind`` is the effect's key in the scenario file (``aim``, ``relation``, ``set_flag``,
    ``clear_flag``, ``sign``, ``cancel``); ``target`` the aim, nation or flag it changes;
    ``treaty`` the treaty kind signed or ended; ``add`` or ``set`` the amount of an aim or
    relation effect.
    """

    kind: str
    target: str
    treaty: str = ""
    add: float | None = None
    set: float | None = None
    status: str = ""
    """For a ``status`` effect: the nation's new status."""
    holders: tuple[str, ...] = ()
    """For a ``status`` effect: who holds the nation (nation ids, or ``player``)."""


@dataclass(frozen=True, slots=True)
class Indices:
    """The positions of a scenario's ids, for compiling effects."""

    aims: Mapping[str, int]
    nations: Mapping[str, int]
    treaties: Mapping[str, int]
    flags: Mapping[str, int]


class Names(Protocol):
    """The ids by position (``game.core.rules.Rules`` has them), for describing effects."""

    @property
    def aim_ids(self) -> tuple[str, ...]: ...
    @property
    def nation_ids(self) -> tuple[str, ...]: ...
    @property
    def treaty_ids(self) -> tuple[str, ...]: ...
    @property
    def flag_ids(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class Stray:
    """A field of some kinds written on an effect of another kind: reported with this message
    (``{kind}`` is the effect's key) instead of as an unknown field. ``rank`` is the position
    of the first kind that owns it: a stray owned by kinds listed before the effect's kind is
    reported before the kind's own check, one owned by later kinds after it."""

    message: str
    rank: int


_STRAYS: dict[str, Stray] = {}
"""Filled once by :func:`register`: every field with a message for its misplacement."""
_FIELDS: frozenset[str] = frozenset()
"""Filled once by :func:`register`: the names of every field of every kind."""
_RANKS: dict[type[EffectModel], int] = {}
_OWN: dict[type[EffectModel], frozenset[str]] = {}
"""Filled once by :func:`register`: each kind's fields, by their names in the file."""


class EffectModel(Model):
    """The model of one kind of effect. The kind is named by its :attr:`KEY` field; fields
    of other kinds written on it get those kinds' messages (see :class:`Stray`); a field of
    any kind written as ``null`` counts as left out."""

    model_config = ConfigDict(populate_by_name=True)

    KEY: ClassVar[str]
    """The field that names the kind (``aim``, ``sign``...)."""

    def check(self) -> None:
        """Raise ValueError if the fields do not go together (after they were validated)."""

    @model_validator(mode="wrap")
    @classmethod
    def _whole(cls, data: Any, handler: ModelWrapValidatorHandler[EffectModel]) -> EffectModel:
        if not isinstance(data, dict):
            return handler(data)
        own = _OWN[cls]
        foreign = [k for k in data if k not in own and k in _FIELDS]
        if not foreign:
            model = handler(data)
            model.check()
            return model
        aliases = own
        strays = [(_STRAYS[k], k) for k in foreign if data[k] is not None and k in _STRAYS]
        rest = {k: v for k, v in data.items()
                if k in aliases or k not in _FIELDS or (v is not None and k not in _STRAYS)}
        model = handler(rest)  # the field errors and unknown fields come first, as they always did
        rank = _RANKS[cls]
        for stray, _name in strays:
            if stray.rank < rank:
                raise ValueError(_(stray.message).format(kind=cls.KEY))
        model.check()
        for stray, _name in strays:
            raise ValueError(_(stray.message).format(kind=cls.KEY))
        return model


M = TypeVar("M", bound=EffectModel)


def _no_flags(effect: Any) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True, slots=True)
class EffectKind(Generic[M]):
    """One kind of effect, as the registry (:mod:`game.core.effects`) knows it."""

    model: type[M]
    """Its form in the scenario file: the fields, their descriptions and its own checks."""
    opcodes: tuple[int, ...]
    """The opcodes it compiles to (the engine applies each; see game.core.engine)."""
    compile: Callable[[M, Indices], EffectOp]
    """The opcode of one effect of this kind (its references are checked)."""
    describe: Callable[[int, int, float, Names], EffectInfo]
    """An opcode of this kind, (opcode, index, amount), read back by id."""
    references: Callable[[M], tuple[Reference, ...]]
    """The ids it names, checked against the scenario at load."""
    flags: Callable[[M], tuple[str, ...]] = _no_flags
    """The flags it sets or clears (a scenario's flags are the ones its effects and
    conditions name)."""
    strays: Mapping[str, str] = field(default_factory=dict)
    """Messages for its own fields written on an effect of another kind (``{kind}`` is that
    kind's key); without one, such a field is an unknown field there."""

    @property
    def key(self) -> str:
        """The key that names the kind in the scenario file (``aim``, ``sign``...)."""
        return self.model.KEY


def register(kinds: tuple[EffectKind[Any], ...]) -> None:
    """Tell the kinds' models about each other (once, by :mod:`game.core.effects`)."""
    global _FIELDS
    for rank, kind in enumerate(kinds):
        _RANKS[kind.model] = rank
        _OWN[kind.model] = frozenset(info.alias or name
                                     for name, info in kind.model.model_fields.items())
        for name, message in kind.strays.items():
            _STRAYS.setdefault(name, Stray(message, rank))
    _FIELDS = frozenset(info.alias or name for kind in kinds
                        for name, info in kind.model.model_fields.items())
