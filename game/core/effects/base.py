"""What every effect kind provides, and the values they share.

An effect kind (one module of this package) says which key of an effect names it in the
scenario file, which opcodes it compiles to, which ids it refers to, which flags it names,
how it compiles and how a compiled effect reads back as an :class:`EffectInfo`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from game.core.scenario import Effect

EffectOp = tuple[int, int, float]
"""(opcode, index, amount): what the engine applies. The index is the aim's, nation's or
flag's position, or nation * 64 + treaty kind."""

Reference = tuple[str, str, str]
"""(key of the effect, kind of thing, id): an id an effect names, for the reference checks
(the kind of thing is "aim", "nation" or "treaty kind")."""


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


def _no_flags(effect: Effect) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True, slots=True)
class EffectKind:
    """One kind of effect, as the registry (:mod:`game.core.effects`) knows it."""

    key: str
    """The key that names the kind in the scenario file (``aim``, ``sign``...)."""
    opcodes: tuple[int, ...]
    """The opcodes it compiles to (the engine applies each; see game.core.engine)."""
    compile: Callable[[Effect, Indices], EffectOp]
    """The opcode of one effect of this kind (its references are checked)."""
    describe: Callable[[int, int, float, Names], EffectInfo]
    """An opcode of this kind, (opcode, index, amount), read back by id."""
    references: Callable[[Effect], tuple[Reference, ...]]
    """The ids it names, checked against the scenario at load."""
    flags: Callable[[Effect], tuple[str, ...]] = _no_flags
    """The flags it sets or clears (a scenario's flags are the ones its effects and
    conditions name)."""
