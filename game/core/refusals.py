"""Why a move is refused, as typed data: a :class:`Refusal` is a reason and the values its
sentence needs.

The engine answers :func:`game.core.engine.why_illegal` and
:func:`game.core.engine.action_problem` with a refusal, and
:class:`game.core.moves.IllegalMoveError` carries one. The words a person reads are made
above the engine (``game.present.refusals``, through the message catalogue); the plain
English of :meth:`Refusal.english` is for logs, error messages of the tools and tests, and a
refusal compares equal to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Reason(Enum):
    """What stands in the way of a move."""

    GAME_OVER = "game_over"
    """The game has ended."""
    ANSWER_EVENT_FIRST = "answer_event_first"
    """An event waits for a choice."""
    NOT_YET = "not_yet"
    """The action's first date has not come."""
    TOO_LATE = "too_late"
    """The action's last date has passed."""
    ALREADY_DONE = "already_done"
    """A once-only action already taken."""
    ALREADY_DONE_THIS_TURN = "already_done_this_turn"
    """An action taken this turn already."""
    NEEDS_POINTS = "needs_points"
    """The action costs more than the points left (``cost``, ``left``)."""
    CONDITIONS_NOT_MET = "conditions_not_met"
    """The action's ``available`` condition is false; ``scenario_text`` is the scenario's own
    ``unavailable_reason`` (may be empty)."""
    UNKNOWN_ACTION = "unknown_action"
    """The scenario has no such action (``action``)."""
    NO_EVENT_WAITING = "no_event_waiting"
    """A choice made when no event waits."""
    WRONG_EVENT = "wrong_event"
    """A choice for ``event`` while ``waiting`` is the event that waits."""
    NOT_A_CHOICE = "not_a_choice"
    """``choice`` is not a choice of ``event``."""
    OUTSIDE_CALENDAR = "outside_calendar"
    UNKNOWN_POLICY = "unknown_policy"
    """A policy move names a policy or option the scenario does not have (``action`` holds the
    policy, ``choice`` the option)."""
    """A step of the historical path dated outside the calendar (a scenario check)."""


@dataclass(frozen=True, slots=True, eq=False)
class Refusal:
    """A reason a move is not allowed, with the values its sentence needs.

    Only the fields its :class:`Reason` names are filled in; the rest keep their defaults.
    """

    reason: Reason
    cost: int = 0
    left: int = 0
    action: str = ""
    event: str = ""
    waiting: str = ""
    choice: str = ""
    scenario_text: str = ""

    def english(self) -> str:
        """Return the refusal in plain English (logs, tool errors, tests)."""
        r = self.reason
        if r is Reason.NEEDS_POINTS:
            return f"needs {self.cost} action point{'s' if self.cost != 1 else ''}, {self.left} left"
        if r is Reason.CONDITIONS_NOT_MET:
            return self.scenario_text or "the conditions for it are not met"
        if r is Reason.UNKNOWN_ACTION:
            return f"there is no action '{self.action}' in this scenario"
        if r is Reason.WRONG_EVENT:
            return f"the event waiting for a choice is '{self.waiting}', not '{self.event}'"
        if r is Reason.NOT_A_CHOICE:
            return f"'{self.choice}' is not a choice of '{self.event}'"
        if r is Reason.UNKNOWN_POLICY:
            return f"there is no policy '{self.action}' with an option '{self.choice}'"
        return _PLAIN[r]

    def __str__(self) -> str:
        return self.english()

    def __eq__(self, other: object) -> bool:
        # Equal to the same refusal, and to its English words (what older callers compare).
        if isinstance(other, Refusal):
            return self._key() == other._key()
        if isinstance(other, str):
            return self.english() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.english())

    def _key(self) -> tuple[object, ...]:
        return (self.reason, self.cost, self.left, self.action, self.event, self.waiting,
                self.choice, self.scenario_text)


_PLAIN = {
    Reason.GAME_OVER: "the game is over",
    Reason.ANSWER_EVENT_FIRST: "answer the event first",
    Reason.NOT_YET: "not yet possible at this date",
    Reason.TOO_LATE: "too late: the moment has passed",
    Reason.ALREADY_DONE: "already done",
    Reason.ALREADY_DONE_THIS_TURN: "already done this turn",
    Reason.NO_EVENT_WAITING: "no event is waiting for a choice",
    Reason.OUTSIDE_CALENDAR: "its date is outside the calendar",
}

GAME_OVER = Refusal(Reason.GAME_OVER)
ANSWER_EVENT_FIRST = Refusal(Reason.ANSWER_EVENT_FIRST)
NOT_YET = Refusal(Reason.NOT_YET)
TOO_LATE = Refusal(Reason.TOO_LATE)
ALREADY_DONE = Refusal(Reason.ALREADY_DONE)
ALREADY_DONE_THIS_TURN = Refusal(Reason.ALREADY_DONE_THIS_TURN)
NO_EVENT_WAITING = Refusal(Reason.NO_EVENT_WAITING)
"""The refusals that need no values, made once."""
