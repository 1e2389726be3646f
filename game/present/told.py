"""An event as this game told it: the variant of its text whose condition held as it fired
(the engine records which), else its main text."""

from __future__ import annotations

from game.core.engine import GameState


def event_text(state: GameState, index: int) -> str:
    """The text of the event at ``index`` as this game told it (the main text if it has not
    fired, or no variant held)."""
    ev = state.rules.scenario.events[index]
    told = state.variant_told(ev.id) if ev.variants else -1
    return ev.variants[told].text if 0 <= told < len(ev.variants) else ev.text
