"""What a news card tells: the items (an event, with the player's answer if any, or an
action) and the news of the current turn. No pygame: the news card and the news log share it,
and a screen can ask for a card (``Screens.open_news_card``) without importing the card."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import GameState


@dataclass(frozen=True)
class CardItem:
    """One thing the card tells: an event (with the player's answer, if any) or an action."""

    kind: str  # "event" or "action"
    index: int
    turn: int
    choice: int = -1


def turn_news(state: GameState) -> list[CardItem]:
    """The events of the current turn that asked for no choice, in the order they fired."""
    out: list[CardItem] = []
    for entry in state.iter_log_reversed():
        if entry.turn != state.turn or entry.kind == "turn":
            break
        if entry.kind == "event" and not state.rules.scenario.events[entry.index].choices:
            out.append(CardItem("event", entry.index, entry.turn))
    out.reverse()
    return out
