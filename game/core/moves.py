"""The moves of a game as typed values with a text form that round-trips.

A move is :class:`TakeAction` (spend budget on one of the scenario's
actions), :class:`Choose` (answer the event waiting for a choice) or
:class:`EndTurn`. Their text forms (``take pact_finland``,
``choose munich protest``, ``end``) are what a save stores.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.refusals import Refusal


class IllegalMoveError(ValueError):
    """A move that the rules do not allow now: ``refusal`` says why, as typed data
    (``game.present.refusals`` words it for a reader); ``reason`` is its plain English, and so
    is ``str(error)``, after the move's text form."""

    def __init__(self, move: Move, refusal: Refusal) -> None:
        super().__init__(f"{move.text()}: {refusal.english()}")
        self.move = move
        self.refusal = refusal

    @property
    def reason(self) -> str:
        """Return why the move is refused, in plain English (for logs and tool errors)."""
        return self.refusal.english()


class MoveSyntaxError(ValueError):
    """A move's text form could not be read."""


@dataclass(frozen=True, slots=True)
class TakeAction:
    """Take one of the scenario's actions this turn."""

    action: str

    def text(self) -> str:
        """Return the move's text form, ``take ACTION``."""
        return f"take {self.action}"


@dataclass(frozen=True, slots=True)
class Choose:
    """Answer the event that is waiting for a choice."""

    event: str
    choice: str

    def text(self) -> str:
        """Return the move's text form, ``choose EVENT CHOICE``."""
        return f"choose {self.event} {self.choice}"


@dataclass(frozen=True, slots=True)
class EndTurn:
    """Finish the turn: the world moves, events fire, the calendar advances."""

    def text(self) -> str:
        """Return the move's text form, ``end``."""
        return "end"


@dataclass(frozen=True, slots=True)
class SetPolicy:
    """Set a standing policy to one of its options: free, and in force from the end of this
    turn until it is changed."""

    policy: str
    option: str

    def text(self) -> str:
        """Return the move's text form, ``policy POLICY OPTION``."""
        return f"policy {self.policy} {self.option}"


Move = TakeAction | Choose | EndTurn | SetPolicy


def parse_move(text: str) -> Move:
    """Read a move from its text form. Raises :class:`MoveSyntaxError`."""
    words = text.split()
    if words == ["end"]:
        return EndTurn()
    if len(words) == 2 and words[0] == "take":
        return TakeAction(words[1])
    if len(words) == 3 and words[0] == "choose":
        return Choose(words[1], words[2])
    if len(words) == 3 and words[0] == "policy":
        return SetPolicy(words[1], words[2])
    raise MoveSyntaxError(f"not a move: {text!r} (expected 'take ID', 'choose EVENT CHOICE', "
                          "'policy POLICY OPTION' or 'end')")
