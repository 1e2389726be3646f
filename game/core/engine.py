"""The game engine: states are values, moves are data, and every rule lives here.

The API every driver uses (the screens, the simulator, the reports, the tests):

- :func:`new_game` -- the first state of a scenario for a seed;
- :func:`legal_actions` -- the moves the player may make now;
- :func:`apply_action` -- a new state after a move (the old one is untouched);
- :func:`why_illegal` -- ``None`` or the reason a move is not allowed, and
  :func:`action_problem`, the same for one scenario action: the one function
  that decides whether an action may be taken (everything else asks it);
- :func:`preview` and :func:`compare` -- what a move is expected to do (the aim,
  relation and treaty changes), computed by applying it to the state value;
  :func:`actions_ruled_out` -- the actions a move would close by its relations;
- :func:`is_over` and :func:`ending` -- whether the game has ended, and how.

What a driver may ask of a state, by id (see :class:`GameState`): ``aim``,
``relation``, ``has_treaty``, ``treaties_with``, ``has_flag``, ``flags_set``,
``took_action``, ``actions_taken``, ``actions_this_turn``, ``event_fired``,
``events_fired``, ``answer``, ``answers``, ``pending_event``, ``moves`` and
``log`` (each entry with the changes it made: the reasons shown on hover).
The packed fields (bit sets, indices) are the engine's own: drivers never read
them (a test checks it).

A move is :class:`TakeAction` (spend budget on one of the scenario's
actions), :class:`Choose` (answer the event waiting for a choice) or
:class:`EndTurn` (see :mod:`game.core.moves`). Each has a text form that
round-trips (``take pact_finland``, ``choose munich protest``, ``end``),
which is what a save stores.

Randomness lives in the state: a 64-bit generator state advanced only by the
engine, so the same scenario, seed and moves give the same state in any
process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from game.core import refusals
from game.core.effects import KINDS
from game.core.effects.aim import AIM_ADD, AIM_SET
from game.core.effects.flag import FLAG_CLEAR, FLAG_SET
from game.core.effects.relation import REL_ADD, REL_SET
from game.core.effects.status import STATUS, STATUSES, unpack
from game.core.effects.treaty import CANCEL, SIGN
from game.core.moves import (
    Choose,
    EndTurn,
    IllegalMoveError,
    Move,
    MoveSyntaxError,
    SetPolicy,
    TakeAction,
    parse_move,
)
from game.core.refusals import Reason, Refusal
from game.core.rules import CompiledEvent, EffectOp, Rules

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Change", "Choose", "EndTurn", "GameState", "IllegalMoveError", "LogEntry", "Move",
    "MoveSyntaxError", "Preview", "Reason", "Refusal", "SetPolicy", "TakeAction",
    "TreatyChange", "action_allowed", "action_problem",
    "actions_ruled_out", "apply_action", "available_action_indices", "compare",
    "ending", "ending_causes", "is_over", "legal_actions", "move_limit", "new_game", "next_draw",
    "outcome_odds", "parse_move", "preview", "replay", "why_illegal",
]

MASK64 = (1 << 64) - 1


# What a log entry is about.
Kind = Literal["action", "event", "choice", "drift", "turn", "ending", "outcome", "policy",
               "policy_set"]
"""``outcome``: a gamble drawn at the end of a turn (index = event, choice = outcome);
``policy``: a standing policy's effects at the end of a turn (index = policy, choice =
option); ``policy_set``: the player set a policy (the same fields); ``event``: its ``choice``
field is the variant of its text told (-1 for the main text)."""


APPLIED_OPCODES = frozenset({AIM_ADD, AIM_SET, REL_ADD, REL_SET, FLAG_SET, FLAG_CLEAR, SIGN, CANCEL,
                             STATUS})
"""The opcodes :meth:`_Builder.apply` has a branch for. The effects are applied on the
engine's hottest path, so each opcode is an ``if`` branch here, not a call into its kind's
module: a new kind adds its branch and its opcodes here, and the engine refuses to import
without them."""
_UNAPPLIED = sorted({op for kind in KINDS for op in kind.opcodes} - APPLIED_OPCODES)
if _UNAPPLIED:
    raise RuntimeError(f"effect opcodes {_UNAPPLIED} of game.core.effects have no branch in "
                       "_Builder.apply")


class LogEntry(NamedTuple):
    """One thing that happened in a game, with what it changed.

    ``changes`` holds ``(what, index, delta)``: ``what`` is ``"aim"`` or
    ``"relation"``, ``index`` the aim's or nation's position in the scenario.
    For ``"choice"`` entries ``choice`` is the choice's index.
    """

    turn: int
    kind: Kind
    index: int  # type: ignore[assignment]  # shadows tuple.index, which no one calls on it
    choice: int
    changes: tuple[tuple[str, int, float], ...]


RawEntry = tuple[int, str, int, int, tuple[tuple[str, int, float], ...]]
"""A log entry as the engine keeps it: the fields of :class:`LogEntry`."""

LogChain = tuple[RawEntry, "LogChain"] | None
"""The log as a linked list, newest entry first, shared between states."""

MoveChain = tuple[str, "MoveChain"] | None
"""The moves made (text form) as a linked list, newest first, shared between states: a move
costs the same on the first turn and the six-hundredth (copying a tuple of every earlier
move made long games quadratic)."""

_CHAINS = (16, 17)
"""The positions of the two chains among a GameState's fields."""


def _chain_items(node: tuple[Any, Any] | None) -> list[Any]:
    """The items of a chain, oldest first."""
    out = []
    while node is not None:
        out.append(node[0])
        node = node[1]
    out.reverse()
    return out


def _chains_equal(a: tuple[Any, Any] | None, b: tuple[Any, Any] | None) -> bool:
    # A loop: comparing nested tuples recurses once per item, past Python's limit on long games.
    while a is not None and b is not None:
        if a is b:
            return True
        if a[0] != b[0]:
            return False
        a, b = a[1], b[1]
    return a is b


class GameState(NamedTuple):
    """The whole state of one game. Never changed in place: every move makes a new one.

    A named tuple rather than a frozen dataclass: it is as immutable, and made
    several times faster, which matters for the thousands of headless games
    a class simulation plays.
    """

    rules: Rules
    seed: int
    turn: int
    aims: tuple[float, ...]
    relations: tuple[float, ...]
    treaties: tuple[int, ...]
    flags: int
    took: int
    taken_this_turn: tuple[int, ...]
    fired: int
    choices: tuple[int, ...]
    pending: tuple[int, ...]
    budget: int
    rng: int
    ending_index: int
    end_requested: bool
    move_chain: MoveChain
    """The moves made, as text, newest first; read them as :attr:`moves`."""
    log_chain: LogChain
    """The log, newest entry first (fields of :class:`LogEntry`); read it with :meth:`log`."""
    trajectory: tuple[tuple[float, ...], ...]
    policy_choice: tuple[int, ...]
    """Each standing policy's chosen option (positions); read with :meth:`policy`."""
    statuses: tuple[int, ...]
    """Each nation's packed status and holders; read with :meth:`status` and :meth:`holders`."""
    outcomes: tuple[int, ...]
    """Each event's drawn outcome (-1 for none); read with :meth:`outcome`."""
    gambles: tuple[tuple[int, int], ...]
    """(event, choice) of the gambles made this turn, drawn at its end."""
    as_history: bool
    """True for the historical game: chance events fire as they happened and gambles take
    the historical outcome, so no die is cast."""

    # -- the query API: what a driver may ask, by id ------------------------------------
    @property
    def scenario_id(self) -> str:
        """Return the id of the scenario being played."""
        return self.rules.scenario.id

    def aim(self, aim_id: str) -> float:
        """Return the value of an aim by id. Raises KeyError for an unknown aim."""
        return self.aims[self.rules.aim_index[aim_id]]

    def relation(self, nation_id: str) -> float:
        """Return the relation of a nation with the player (-100..100). Raises KeyError for an
        unknown nation."""
        return self.relations[self.rules.nation_index[nation_id]]

    def has_treaty(self, nation_id: str, kind: str) -> bool:
        """Return whether the player holds treaty ``kind`` with a nation. Raises KeyError for
        an unknown nation or treaty kind."""
        return bool(self.treaties[self.rules.nation_index[nation_id]]
                    & (1 << self.rules.treaty_index[kind]))

    def treaties_with(self, nation_id: str) -> list[str]:
        """Return the treaty kinds the player holds with a nation, in scenario order. Raises
        KeyError for an unknown nation."""
        bits = self.treaties[self.rules.nation_index[nation_id]]
        return [t for i, t in enumerate(self.rules.treaty_ids) if bits & (1 << i)]

    def has_flag(self, flag: str) -> bool:
        """Return whether a flag is set (False for a flag the scenario never names)."""
        i = self.rules.flag_index.get(flag)
        return i is not None and bool(self.flags >> i & 1)

    def flags_set(self) -> tuple[str, ...]:
        """Return the flags that are set, in the order the scenario first names them."""
        return tuple(f for i, f in enumerate(self.rules.flag_ids) if self.flags >> i & 1)

    def took_action(self, action_id: str) -> bool:
        """Return whether an action has been taken at least once. Raises KeyError for an
        unknown action."""
        return bool(self.took >> self.rules.action_index[action_id] & 1)

    def actions_taken(self) -> tuple[str, ...]:
        """Return the ids of the actions taken at least once, in scenario order."""
        took = self.took
        return tuple(a.id for a in self.rules.actions if took >> a.index & 1)

    def actions_this_turn(self) -> tuple[str, ...]:
        """Return the ids of the actions taken this turn, in the order they were taken."""
        actions = self.rules.actions
        return tuple(actions[i].id for i in self.taken_this_turn)

    def event_fired(self, event_id: str) -> bool:
        """Return whether an event has fired. Raises KeyError for an unknown event."""
        return bool(self.fired >> self.rules.event_index[event_id] & 1)

    def events_fired(self) -> tuple[str, ...]:
        """Return the ids of the events that have fired, in scenario order."""
        fired = self.fired
        return tuple(e.id for e in self.rules.events if fired >> e.index & 1)

    def answer(self, event_id: str) -> str | None:
        """Return the id of the choice made at an event, or None if it has not been answered
        (it did not fire, asks nothing or waits). Raises KeyError for an unknown event."""
        index = self.rules.event_index[event_id]
        k = self.choices[index]
        return self.rules.events[index].choices[k].id if k >= 0 else None

    def answers(self) -> dict[str, str]:
        """Return event id -> choice id for every event answered so far, in scenario order."""
        events = self.rules.events
        return {events[i].id: events[i].choices[k].id for i, k in enumerate(self.choices)
                if k >= 0}

    def policy(self, policy_id: str) -> str:
        """Return the option chosen for a standing policy. Raises KeyError for an unknown
        policy."""
        k = self.rules.policy_index[policy_id]
        return self.rules.policies[k].option_ids[self.policy_choice[k]]

    def policies(self) -> dict[str, str]:
        """Return policy id -> chosen option id, in scenario order."""
        return {p.id: p.option_ids[self.policy_choice[p.index]] for p in self.rules.policies}

    def status(self, nation_id: str) -> str:
        """Return a nation's status: ``independent``, ``at_war``, ``occupied``, ``annexed``
        or ``partitioned``. Raises KeyError for an unknown nation."""
        return STATUSES[self.statuses[self.rules.nation_index[nation_id]] & 7]

    def holders(self, nation_id: str) -> tuple[str, ...]:
        """Return who holds a nation (or, at war, fights it): nation ids or ``"player"``;
        empty for an independent nation. Raises KeyError for an unknown nation."""
        packed = self.statuses[self.rules.nation_index[nation_id]]
        return unpack(packed, self.rules.nation_ids)[1]

    def at_war_with(self, nation_id: str) -> bool:
        """Return whether the player holds the treaty kind that means war with a nation."""
        war = self.rules.war_treaty
        return war >= 0 and bool(self.treaties[self.rules.nation_index[nation_id]] >> war & 1)

    def outcome(self, event_id: str) -> str | None:
        """Return the id of the outcome drawn for the gamble of an event's answer, or None
        (no gamble, or not drawn yet). Raises KeyError for an unknown event."""
        index = self.rules.event_index[event_id]
        k, o = self.choices[index], self.outcomes[index]
        if k < 0 or o < 0:
            return None
        return self.rules.outcomes[index][k][o].id

    def power_view(self, nation_id: str) -> int | None:
        """Return the position, in the nation's ``views``, of what its capital thinks of the
        player now (the first whose condition holds), or None if it has none that holds."""
        return _first_true(self.rules.views[self.rules.nation_index[nation_id]], self)

    def power_want(self, nation_id: str) -> int | None:
        """Return the position, in the nation's ``wants``, of what it wants now (the first
        whose condition holds), or None."""
        return _first_true(self.rules.wants[self.rules.nation_index[nation_id]], self)

    def moves_by(self, nation_id: str) -> list[tuple[int, str]]:
        """Return (turn, event id) for every move (event with ``by``) this nation made in this
        game, oldest first."""
        scenario_events = self.rules.scenario.events
        return [(e.turn, scenario_events[e.index].id) for e in self.log()
                if e.kind == "event" and scenario_events[e.index].by == nation_id]

    def variant_told(self, event_id: str) -> int:
        """Return which variant of an event's text was told when it fired (-1 for the main
        text, or if it has not fired)."""
        index = self.rules.event_index[event_id]
        for entry in self.iter_log_reversed():
            if entry.kind == "event" and entry.index == index:
                return entry.choice
        return -1

    @property
    def month(self) -> int:
        """First month of the current turn, as a month count (year * 12 + month - 1)."""
        return self.rules.month_of_turn(min(self.turn, self.rules.turns - 1))

    @property
    def date_text(self) -> str:
        """The current turn's date as a reader writes it, e.g. ``"Jan 1928"``."""
        m = self.month
        return f"{_MONTHS[m % 12]} {m // 12}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GameState):
            return NotImplemented
        if self is other:
            return True
        if any(a is not b and a != b for i, (a, b) in enumerate(zip(self, other, strict=True))
               if i not in _CHAINS):
            return False
        return (_chains_equal(self.move_chain, other.move_chain)
                and _chains_equal(self.log_chain, other.log_chain))

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((self.scenario_id, self.seed, self.moves))

    def __repr__(self) -> str:
        # The rules and the chains would print hundreds of kilobytes.
        return (f"GameState(scenario={self.scenario_id!r}, seed={self.seed}, turn={self.turn}, "
                f"moves={len(self.moves)}, aims={self.aims}, ending_index={self.ending_index})")

    @property
    def moves(self) -> tuple[str, ...]:
        """Every move made so far, oldest first, in its text form (what a save stores)."""
        return tuple(_chain_items(self.move_chain))

    @property
    def pending_event(self) -> str | None:
        """Return the id of the event waiting for a choice, or None."""
        return self.rules.events[self.pending[0]].id if self.pending else None

    def log(self) -> list[LogEntry]:
        """Return the game's log, oldest first."""
        out: list[LogEntry] = []
        node = self.log_chain
        make = LogEntry._make
        while node is not None:
            out.append(make(node[0]))
            node = node[1]
        out.reverse()
        return out

    def iter_log_reversed(self) -> Iterator[LogEntry]:
        """Yield the game's log, newest entry first (cheaper than :meth:`log` for the latest)."""
        node = self.log_chain
        make = LogEntry._make
        while node is not None:
            yield make(node[0])
            node = node[1]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _first_true(conditions: tuple[Any, ...], state: GameState) -> int | None:
    for i, when in enumerate(conditions):
        if when is None or when(state):
            return i
    return None


def _odds(value: Any) -> float:
    """A chance from a formula, as a probability (0 to 1; not a number counts as 0)."""
    p = float(value)
    return 0.0 if not p > 0.0 else 1.0 if p > 1.0 else p


def _next_random(rng: int) -> tuple[int, float]:
    """splitmix64: return the next generator state and a float in [0, 1)."""
    rng = (rng + 0x9E3779B97F4A7C15) & MASK64
    z = rng
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    z ^= z >> 31
    return rng, (z >> 11) / 9007199254740992.0


def next_draw(rng: int) -> tuple[int, float]:
    """Return the generator state after one draw of a state's generator (``rng``) and the
    number in [0, 1) it draws: what the engine's next chance roll would be (the analysis
    groups games by it)."""
    return _next_random(rng)


_new_tuple = tuple.__new__
"""Makes a GameState from a tuple of its fields, skipping the named tuple's Python-level
__new__: states are made once or twice a move, thousands of times a simulated second."""


class _Builder:
    """A mutable copy of a state, used inside one move and frozen again at its end."""

    __slots__ = ("rules", "seed", "turn", "aims", "relations", "treaties", "flags", "took",
                 "taken", "fired", "choices", "pending", "budget", "rng", "ending_index",
                 "end_requested", "moves", "chain", "trajectory", "policy_choice", "statuses",
                 "outcomes", "gambles", "as_history")

    rules: Rules
    seed: int
    turn: int
    # Tuples until an effect writes to them: most moves touch one or two of these.
    aims: list[float] | tuple[float, ...]
    relations: list[float] | tuple[float, ...]
    treaties: list[int] | tuple[int, ...]
    flags: int
    took: int
    fired: int
    choices: tuple[int, ...]
    pending: tuple[int, ...]
    rng: int
    end_requested: bool
    chain: LogChain
    # The state's own, never changed here (a move passes its new ones to _freeze).
    taken: tuple[int, ...]
    budget: int
    ending_index: int
    moves: MoveChain
    trajectory: tuple[tuple[float, ...], ...]
    policy_choice: tuple[int, ...]
    statuses: list[int] | tuple[int, ...]
    outcomes: tuple[int, ...]
    gambles: tuple[tuple[int, int], ...]
    as_history: bool

    def __init__(self, s: GameState) -> None:
        # Every field in one unpacking, in GameState's order: a third of the cost of reading
        # them one by one (a named tuple's fields are looked up by name).
        (self.rules, self.seed, self.turn, self.aims, self.relations, self.treaties, self.flags,
         self.took, self.taken, self.fired, self.choices, self.pending, self.budget, self.rng,
         self.ending_index, self.end_requested, self.moves, self.chain, self.trajectory,
         self.policy_choice, self.statuses, self.outcomes, self.gambles, self.as_history) = s

    def apply(self, ops: tuple[EffectOp, ...]) -> tuple[tuple[str, int, float], ...]:
        """Apply effect opcodes; return the aim and relation changes they made."""
        changes: list[tuple[str, int, float]] = []
        aims: list[float] | None = None
        relations: list[float] | None = None
        for op, i, amount in ops:
            if op <= AIM_SET:
                if aims is None:
                    aims = self.aims = list(self.aims)
                    aim_min, aim_max = self.rules.aim_min, self.rules.aim_max
                old = aims[i]
                new = old + amount if op == AIM_ADD else amount
                lo, hi = aim_min[i], aim_max[i]
                new = lo if new < lo else hi if new > hi else new
                aims[i] = new
                if new != old:
                    changes.append(("aim", i, new - old))
            elif op <= REL_SET:
                if relations is None:
                    relations = self.relations = list(self.relations)
                old = relations[i]
                new = old + amount if op == REL_ADD else amount
                new = -100.0 if new < -100.0 else 100.0 if new > 100.0 else new
                relations[i] = new
                if new != old:
                    changes.append(("relation", i, new - old))
            elif op == FLAG_SET:
                self.flags |= 1 << i
            elif op == FLAG_CLEAR:
                self.flags &= ~(1 << i)
            elif op == SIGN:
                treaties = self.treaties = list(self.treaties)
                treaties[i >> 6] |= 1 << (i & 63)
            elif op == CANCEL:
                treaties = self.treaties = list(self.treaties)
                treaties[i >> 6] &= ~(1 << (i & 63))
            elif op == STATUS:
                statuses = self.statuses = list(self.statuses)
                statuses[i] = int(amount)
            else:  # every opcode of game.core.effects is handled above: never a silent cancel
                raise ValueError(f"unknown effect opcode {op}")
        return tuple(changes)

    def log(self, kind: Kind, index: int, choice: int,
            changes: tuple[tuple[str, int, float], ...]) -> None:
        # A plain tuple: LogEntry objects are made only when the log is read. The moves and
        # events made thousands of times a simulated second push the same tuple inline.
        self.chain = ((self.turn, kind, index, choice, changes), self.chain)

    def view(self) -> GameState:
        """A state with the builder's current values, for evaluating conditions mid-move."""
        return _new_tuple(GameState, (self.rules, self.seed, self.turn, tuple(self.aims),
                                      tuple(self.relations), tuple(self.treaties), self.flags,
                                      self.took, self.taken, self.fired, self.choices,
                                      self.pending, self.budget, self.rng, self.ending_index,
                                      self.end_requested, self.moves, self.chain,
                                      self.trajectory, self.policy_choice,
                                      tuple(self.statuses), self.outcomes, self.gambles,
                                      self.as_history))

    def fire_events(self, events: tuple[CompiledEvent, ...]) -> None:
        """Fire, in scenario order, the events of this turn whose condition and chance hold."""
        view: GameState | None = None  # made once, and again only after an event changed things
        for ev in events:
            if self.fired & (1 << ev.index):
                continue
            if ev.when is not None:
                if view is None:
                    view = self.view()
                if not ev.when(view):
                    continue
            if ev.chance < 1.0 or ev.chance_formula is not None:
                if self.as_history:
                    if not ev.happened:
                        continue
                else:
                    if ev.chance_formula is None:
                        chance = ev.chance
                    else:
                        if view is None:
                            view = self.view()
                        chance = _odds(ev.chance_formula(view))
                    self.rng, draw = _next_random(self.rng)
                    if draw >= chance:
                        continue
            told = -1
            if ev.variants:
                if view is None:
                    view = self.view()
                told = next((k for k, when in enumerate(ev.variants) if when(view)), -1)
            self.fired |= 1 << ev.index
            self.chain = ((self.turn, "event", ev.index, told, self.apply(ev.effects)),
                          self.chain)
            view = None
            if ev.ends_game:
                self.end_requested = True
            if ev.choices:
                self.pending = self.pending + (ev.index,)


    def draw_gambles(self) -> None:
        """Draw the gambles made this turn, in the order they were made: each outcome's odds
        from the state as it is now; the historical game takes the outcome that happened."""
        outcomes = list(self.outcomes)
        for event, choice in self.gambles:
            options = self.rules.outcomes[event][choice]
            pick = len(options) - 1
            if self.as_history:
                pick = next((o.index for o in options if o.historical), pick)
            else:
                self.rng, draw = _next_random(self.rng)
                view = self.view()
                total = 0.0
                for o in options[:-1]:
                    assert o.chance is not None  # every outcome but the last has one
                    total += _odds(o.chance(view))
                    if draw < total:
                        pick = o.index
                        break
            outcomes[event] = pick
            self.outcomes = tuple(outcomes)
            self.chain = ((self.turn, "outcome", event, pick, self.apply(options[pick].effects)),
                          self.chain)
        self.gambles = ()

    def run_policies(self) -> None:
        """Apply each standing policy's per-turn effects."""
        for pol in self.rules.policies:
            option = self.policy_choice[pol.index]
            ops = pol.per_turn[option]
            if ops:
                changes = self.apply(ops)
                if changes:
                    self.chain = ((self.turn, "policy", pol.index, option, changes), self.chain)


def outcome_odds(state: GameState, event_id: str, choice_id: str) -> list[tuple[str, float]]:
    """Return (outcome id, chance) for the gamble of one choice of an event, with the odds as
    things stand in ``state`` (they are drawn at the end of the turn, from the state then);
    while the event waits for its answer, the odds once this choice's own sure effects are
    made. Empty for a choice without a gamble. Raises KeyError for an unknown event or
    choice."""
    rules = state.rules
    index = rules.event_index[event_id]
    choice = next((c.index for c in rules.events[index].choices if c.id == choice_id), None)
    if choice is None:
        raise KeyError(choice_id)
    options = rules.outcomes[index][choice]
    out: list[tuple[str, float]] = []
    if not options:
        return out
    if state.pending and state.pending[0] == index and state.ending_index < 0:
        # The odds with this answer's own sure effects made: what the end of the turn will
        # draw from unless the player's later moves this turn change them.
        state = apply_action(state, rules.choice_moves[index][choice])
    left = 1.0
    for o in options[:-1]:
        assert o.chance is not None
        p = min(_odds(o.chance(state)), left)
        out.append((o.id, p))
        left -= p
    if options:
        out.append((options[-1].id, max(left, 0.0)))
    return out


def ending_causes(state: GameState) -> list[int]:
    """Return the positions, in the ending's ``causes``, of the causes that happened in this
    game (empty while the game goes on)."""
    if state.ending_index < 0:
        return []
    return [k for k, when in enumerate(state.rules.causes[state.ending_index]) if when(state)]


def new_game(rules: Rules, seed: int = 0, history: bool = False) -> GameState:
    """Return the first state of a game of ``rules`` with random seed ``seed``.

    Events of the first turn have already fired; one may be waiting for a choice. With
    ``history`` the game is played as history went: chance events fire as they happened and
    gambles take the outcome that happened, the same on every seed.
    """
    rng = (seed * 0x2545F4914F6CDD1D + 0x1234567) & MASK64
    base = GameState(rules, seed, 0, rules.aim_start, tuple(float(r) for r in rules.start_relations),
                     rules.start_treaties, 0, 0, (), 0, (-1,) * len(rules.events), (),
                     rules.budget, rng, -1, False, None, None, (), rules.policy_start,
                     rules.start_statuses, (-1,) * len(rules.events), (), history)
    b = _Builder(base)
    b.fire_events(rules.events_by_turn[0])
    return _freeze(b, b.taken, b.budget, None, b.trajectory, -1)


def _freeze(b: _Builder, taken: tuple[int, ...], budget: int, moves: MoveChain,
            trajectory: tuple[tuple[float, ...], ...], ending_index: int) -> GameState:
    return _new_tuple(GameState, (b.rules, b.seed, b.turn, tuple(b.aims),
                                  tuple(b.relations), tuple(b.treaties), b.flags, b.took, taken,
                                  b.fired, b.choices, b.pending, budget, b.rng, ending_index,
                                  b.end_requested, moves, b.chain, trajectory, b.policy_choice,
                                  tuple(b.statuses), b.outcomes, b.gambles, b.as_history))


def is_over(state: GameState) -> bool:
    """Return True once the game has ended (see :func:`ending`)."""
    return state.ending_index >= 0


def ending(state: GameState) -> str | None:
    """Return the id of the game's ending, or None while it goes on."""
    if state.ending_index < 0:
        return None
    return state.rules.endings[state.ending_index].id


def action_allowed(state: GameState, index: int) -> bool:
    """Return whether scenario action ``index`` may be taken now.

    The one rule that decides it: :func:`action_problem` says why not, and
    :func:`why_illegal`, :func:`legal_actions`, :func:`apply_action`, the policies and the
    screens all ask one of the two.
    """
    a = state.rules.actions[index]
    # Most often failing first (the simulator asks this on every draw; "already done" is
    # half of its refusals).
    return (not (a.once and state.took >> index & 1) and a.cost <= state.budget
            and index not in state.taken_this_turn and a.first_turn <= state.turn <= a.last_turn
            and state.ending_index < 0 and not state.pending
            and (a.available is None or a.available(state)))


def action_problem(state: GameState, index: int) -> Refusal | None:
    """Return why scenario action ``index`` cannot be taken now, or None if it can (exactly
    when :func:`action_allowed` is true)."""
    if action_allowed(state, index):
        return None
    a = state.rules.actions[index]
    if state.ending_index >= 0:
        return refusals.GAME_OVER
    if state.pending:
        return refusals.ANSWER_EVENT_FIRST
    if a.once and state.took & (1 << index):  # taken: "already done", even once its dates pass
        return refusals.ALREADY_DONE
    if state.turn < a.first_turn:
        return refusals.NOT_YET
    if state.turn > a.last_turn:
        return refusals.TOO_LATE
    if index in state.taken_this_turn:
        return refusals.ALREADY_DONE_THIS_TURN
    if a.cost > state.budget:
        return Refusal(Reason.NEEDS_POINTS, cost=a.cost, left=state.budget)
    # Every other check passed, so the condition is what failed.
    return Refusal(Reason.CONDITIONS_NOT_MET,
                   scenario_text=state.rules.scenario.actions[index].unavailable_reason)


def why_illegal(state: GameState, move: Move) -> Refusal | None:
    """Return why ``move`` is not allowed in ``state`` (a :class:`Refusal`), or None if it is
    legal."""
    rules = state.rules
    if state.ending_index >= 0:
        return refusals.GAME_OVER
    if isinstance(move, TakeAction):
        index = rules.action_index.get(move.action)
        if index is None:
            return Refusal(Reason.UNKNOWN_ACTION, action=move.action)
        return action_problem(state, index)
    if isinstance(move, SetPolicy):
        k = rules.policy_index.get(move.policy)
        if k is None or move.option not in rules.policies[k].option_ids:
            return Refusal(Reason.UNKNOWN_POLICY, action=move.policy, choice=move.option)
        if state.pending:
            return refusals.ANSWER_EVENT_FIRST
        return None
    if isinstance(move, Choose):
        if not state.pending:
            return refusals.NO_EVENT_WAITING
        ev = rules.events[state.pending[0]]
        if move.event != ev.id:
            return Refusal(Reason.WRONG_EVENT, event=move.event, waiting=ev.id)
        if not any(c.id == move.choice for c in ev.choices):
            return Refusal(Reason.NOT_A_CHOICE, choice=move.choice, event=ev.id)
        return None
    if state.pending:
        return refusals.ANSWER_EVENT_FIRST
    return None


def legal_actions(state: GameState) -> list[Move]:
    """Return every move allowed now: choices if an event waits, else actions and EndTurn
    (empty once the game is over)."""
    rules = state.rules
    if state.ending_index >= 0:
        return []
    if state.pending:
        ev = rules.events[state.pending[0]]
        return [Choose(ev.id, c.id) for c in ev.choices]
    take = rules.take_moves
    out: list[Move] = [take[i] for i in available_action_indices(state)]
    out += [SetPolicy(p.id, o) for p in rules.policies for k, o in enumerate(p.option_ids)
            if k != state.policy_choice[p.index]]
    out.append(EndTurn())
    return out


def available_action_indices(state: GameState) -> list[int]:
    """Return the scenario positions of the actions :func:`action_problem` allows now, in
    scenario order (empty while an event waits or once the game is over)."""
    if state.ending_index >= 0 or state.pending:
        return []
    return [a.index for a in state.rules.actions_by_turn[state.turn]
            if action_allowed(state, a.index)]


@dataclass(frozen=True, slots=True)
class Change:
    """A change of one aim or relation: ``what`` is ``"aim"`` or ``"relation"``, ``id`` the
    aim's or nation's id."""

    what: Literal["aim", "relation"]
    id: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        """Return ``after - before``."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class TreatyChange:
    """A treaty signed (``signed``) or ended (not ``signed``) with a nation."""

    nation: str
    kind: str
    signed: bool


@dataclass(frozen=True, slots=True)
class Preview:
    """What a move does (or did): the changed aims, relations and treaties, in scenario order,
    and the state it leads to."""

    aims: tuple[Change, ...]
    relations: tuple[Change, ...]
    treaties: tuple[TreatyChange, ...]
    after: GameState


def compare(before: GameState, after: GameState) -> Preview:
    """Return the aim, relation and treaty changes from ``before`` to ``after`` (two states of
    the same game)."""
    rules = before.rules
    aims = tuple(Change("aim", rules.aim_ids[i], x, y)
                 for i, (x, y) in enumerate(zip(before.aims, after.aims, strict=True)) if x != y)
    relations = tuple(Change("relation", rules.nation_ids[j], x, y)
                      for j, (x, y) in enumerate(zip(before.relations, after.relations,
                                                     strict=True)) if x != y)
    treaties = []
    for j, (x, y) in enumerate(zip(before.treaties, after.treaties, strict=True)):
        if x != y:
            for k, kind in enumerate(rules.treaty_ids):
                if (x ^ y) >> k & 1:
                    treaties.append(TreatyChange(rules.nation_ids[j], kind, bool(y >> k & 1)))
    return Preview(aims, relations, tuple(treaties), after)


def preview(state: GameState, move: Move) -> Preview:
    """Return what ``move`` is expected to do, by applying it to the state value (nothing is
    changed). An ``EndTurn`` previews the whole end of the turn, chance events included, as
    this state's generator would draw them. Raises :class:`IllegalMoveError` if the move is not
    allowed (ask :func:`why_illegal` first to get the reason without an exception)."""
    return compare(state, apply_action(state, move))


def actions_ruled_out(state: GameState, action_id: str) -> list[str]:
    """Return the ids of the actions still to come that taking ``action_id`` now would rule
    out by its changes to relations (a relation pushed below what another action's condition
    needs), in scenario order; empty if the action is not allowed now. Only relations are
    compared: flags and treaties set by an action usually mark a stage (a plan running)
    rather than a door closed. Raises KeyError for an unknown action."""
    rules = state.rules
    index = rules.action_index[action_id]
    if not action_allowed(state, index):
        return []
    after = apply_action(state, rules.take_moves[index])
    if after.relations == state.relations:
        return []
    after = state._replace(relations=after.relations)
    out = []
    for a in rules.actions:
        if a.index == index or a.available is None or a.last_turn < state.turn:
            continue
        if a.once and state.took >> a.index & 1:
            continue
        try:
            if a.available(state) and not a.available(after):
                out.append(a.id)
        except Exception:  # noqa: BLE001 - a preview must never break the screen
            continue
    return out


def apply_action(state: GameState, move: Move) -> GameState:
    """Return the state after ``move``. Raises :class:`IllegalMoveError` if it is not allowed."""
    rules = state.rules
    if type(move) is TakeAction:  # the commonest move, checked without a second lookup
        index = rules.action_index.get(move.action)
        if index is None or not action_allowed(state, index):
            refusal = why_illegal(state, move)
            assert refusal is not None  # action_problem refuses whatever action_allowed does
            raise IllegalMoveError(move, refusal)
        a = rules.actions[index]
        b = _Builder(state)
        b.took |= 1 << index
        # The log entry made inline (see _Builder.log): the commonest move, one call fewer.
        b.chain = ((b.turn, "action", index, -1, b.apply(a.effects)), b.chain)
        return _freeze(b, b.taken + (index,), b.budget - a.cost, ("take " + move.action, b.moves),
                       b.trajectory, -1)
    if type(move) is EndTurn and state.ending_index < 0 and not state.pending:
        return _end_turn(state, _Builder(state), ("end", state.move_chain))
    if type(move) is Choose and state.pending and state.ending_index < 0:
        # The rule of why_illegal, without a second search: an answer to the waiting event,
        # one of its choices (anything else goes on to why_illegal and its refusal).
        ev = rules.events[state.pending[0]]
        if move.event == ev.id:
            for choice in ev.choices:
                if choice.id == move.choice:
                    b = _Builder(state)
                    choices = list(b.choices)
                    choices[ev.index] = choice.index
                    b.choices = tuple(choices)
                    b.pending = b.pending[1:]
                    b.chain = ((b.turn, "choice", ev.index, choice.index, b.apply(choice.effects)),
                               b.chain)
                    if rules.outcomes[ev.index][choice.index]:
                        b.gambles = b.gambles + ((ev.index, choice.index),)
                    return _freeze(b, b.taken, b.budget, (move.text(), b.moves), b.trajectory,
                                   -1)
    problem = why_illegal(state, move)
    if problem is not None:
        raise IllegalMoveError(move, problem)
    b = _Builder(state)
    moves = (move.text(), state.move_chain)
    if isinstance(move, Choose):
        ev = rules.events[state.pending[0]]
        choice = next(c for c in ev.choices if c.id == move.choice)
        choices = list(b.choices)
        choices[ev.index] = choice.index
        b.choices = tuple(choices)
        b.pending = b.pending[1:]
        b.chain = ((b.turn, "choice", ev.index, choice.index, b.apply(choice.effects)), b.chain)
        if rules.outcomes[ev.index][choice.index]:
            b.gambles = b.gambles + ((ev.index, choice.index),)
        return _freeze(b, b.taken, b.budget, moves, b.trajectory, -1)
    if isinstance(move, SetPolicy):
        pol = rules.policies[rules.policy_index[move.policy]]
        option = pol.option_ids.index(move.option)
        chosen = list(b.policy_choice)
        chosen[pol.index] = option
        b.policy_choice = tuple(chosen)
        b.log("policy_set", pol.index, option, ())
        return _freeze(b, b.taken, b.budget, moves, b.trajectory, -1)
    return _end_turn(state, b, moves)


def _end_turn(state: GameState, b: _Builder, moves: MoveChain) -> GameState:
    rules = b.rules
    # First the gambles of the turn are drawn and the standing policies act; then every aim
    # and relation drifts by its formula, all computed from the same end-of-turn state (the
    # old state value: the builder's changes are not seen), made finite as
    # rules.finite_drift does (inline: this runs for every aim on every turn).
    if b.gambles:
        b.draw_gambles()
    if rules.policies:
        b.run_policies()
    # A drift beyond DRIFT_LIMIT counts as the limit (bounded_drift): every aim and relation
    # lies far within it, so clamping old + delta gives the same value; NaN is no change.
    changes: list[tuple[str, int, float]] = []
    if rules.relation_drift:
        relations = b.relations = list(b.relations)
        for j, relation_formula in rules.relation_drift:
            try:
                delta = relation_formula(state)
            except (OverflowError, ZeroDivisionError):
                continue
            if delta:
                old = relations[j]
                new = old + delta
                if new < -100.0:
                    new = -100.0
                elif new > 100.0:
                    new = 100.0
                elif new != new:  # NaN
                    continue
                relations[j] = new
                if new != old:
                    changes.append(("relation", j, new - old))
    aims = b.aims = list(b.aims)
    for i, formula, lo, hi in rules.memoised("aim_drift", _aim_drift):
        try:
            delta = formula(state)
        except (OverflowError, ZeroDivisionError):
            continue
        if delta:
            old = aims[i]
            new = old + delta
            if new < lo:
                new = lo
            elif new > hi:
                new = hi
            elif new != new:  # NaN
                continue
            aims[i] = new
            if new != old:
                changes.append(("aim", i, new - old))
    if changes:
        b.chain = ((b.turn, "drift", -1, -1, tuple(changes)), b.chain)
    trajectory = b.trajectory + (tuple(aims),)
    turn = b.turn  # the state's, as its end_requested: nothing above changes them
    if b.end_requested or turn + 1 >= rules.turns:
        view = b.view()
        index = next((e.index for e in rules.endings if e.when is None or e.when(view)),
                     len(rules.endings) - 1)
        b.log("ending", index, -1, ())
        return _freeze(b, (), 0, moves, trajectory, index)
    b.turn = turn = turn + 1
    b.chain = ((turn, "turn", turn, -1, ()), b.chain)
    events = rules.events_by_turn[turn]
    if events:
        b.fire_events(events)
    return _freeze(b, (), rules.budget, moves, trajectory, -1)


def _aim_drift(rules: Rules) -> tuple[tuple[int, Any, float, float], ...]:
    """(aim, its per_turn formula, min, max) for each aim that drifts, in scenario order."""
    return tuple((i, f, rules.aim_min[i], rules.aim_max[i])
                 for i, f in enumerate(rules.drift_formulas) if f is not None)


def move_limit(rules: Rules) -> int:
    """The most moves any game of ``rules`` can take: every action and every answer on every
    turn, plus the turn's end. A driver that goes past it is looping, not playing."""
    return rules.turns * (len(rules.actions) + len(rules.events) + 1) + 1


def replay(rules: Rules, seed: int, moves: list[str] | tuple[str, ...]) -> GameState:
    """Play a list of move texts from the start. Raises MoveSyntaxError or IllegalMoveError."""
    state = new_game(rules, seed)
    for text in moves:
        state = apply_action(state, parse_move(text))
    return state
