"""What a news card tells: the items (an event, with the player's answer if any, or an
action) and the news of the current turn. No pygame: the news card and the news log share it,
and a screen can ask for a card (``Screens.open_news_card``) without importing the card.

A turn's news is told in the order of its dates, questions included: a card shows the events
that ask nothing dated up to the first question waiting; those after it wait until it is
answered (:func:`news_due`, :func:`not_yet_told`).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import GameState, LogEntry
from game.present.dates import event_order


@dataclass(frozen=True)
class CardItem:
    """One thing the card tells: an event (with the player's answer, if any) or an action."""

    kind: str  # "event", "action" or "outcome"
    index: int
    turn: int
    choice: int = -1


def _turn_events(state: GameState) -> list[LogEntry]:
    """The events fired as the current turn began, in the order they fired (their dates)."""
    out: list[LogEntry] = []
    for entry in state.iter_log_reversed():
        if entry.turn != state.turn or entry.kind == "turn":
            break
        if entry.kind == "event":
            out.append(entry)
    out.reverse()
    return out


def turn_news(state: GameState) -> list[CardItem]:
    """The events of the current turn that asked for no choice, in the order they fired."""
    events = state.rules.scenario.events
    return [CardItem("event", e.index, e.turn) for e in _turn_events(state)
            if not events[e.index].choices]


def _reached(state: GameState) -> list[LogEntry]:
    """The current turn's events up to the first question waiting: those that fired before
    it and those dated on or before its date (all of them when no question waits)."""
    fired = _turn_events(state)
    waiting = state.pending_event
    if waiting is None:
        return fired
    rules = state.rules
    question = rules.event_index[waiting]
    cutoff = event_order(rules, question, state.turn)
    out: list[LogEntry] = []
    before = True
    for entry in fired:
        before = before and entry.index != question
        if before or entry.index == question or \
                event_order(rules, entry.index, entry.turn) <= cutoff:
            out.append(entry)
    return out


def news_due(state: GameState) -> list[CardItem]:
    """The current turn's events that ask nothing and are due now: dated on or before the
    first question waiting (all of them when none waits), in the order they fired."""
    events = state.rules.scenario.events
    return [CardItem("event", e.index, e.turn) for e in _reached(state)
            if not events[e.index].choices]


def not_yet_told(state: GameState) -> frozenset[int]:
    """The events of the current turn (questions too) dated after the first question waiting:
    they come once it is answered, and no screen tells them before."""
    reached = {e.index for e in _reached(state)}
    return frozenset(e.index for e in _turn_events(state) if e.index not in reached)


def last_outcomes(state: GameState) -> list[CardItem]:
    """The gambles drawn at the end of the last turn, in the order they were drawn."""
    out: list[CardItem] = []
    for entry in state.iter_log_reversed():
        if entry.turn < state.turn - 1:
            break
        if entry.turn == state.turn - 1 and entry.kind == "outcome":
            out.append(CardItem("outcome", entry.index, entry.turn, entry.choice))
    out.reverse()
    return out
