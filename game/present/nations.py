"""A nation in words: its relation band (as the map colours it), its treaties with the
player's state, whether it is bound to help, and its latest news."""

from __future__ import annotations

import math

from game.core.engine import GameState
from game.present.news import nation_news
from game.present.player import the_name
from game.present.text import one_line

BANDS: tuple[tuple[str, float], ...] = (
    ("allied", 60.0), ("friendly", 20.0), ("neutral", -20.0), ("wary", -60.0),
    ("hostile", -math.inf),
)
"""Relation bands, best first: (name, lowest relation in the band). The map colours by them."""

BINDING_TREATIES = ("alliance", "assistance")
"""A treaty kind whose id contains one of these binds a nation to help the player's state."""


def relation_word(value: float) -> str:
    """The band of a relation (-100..100), as the map's legend names it."""
    if math.isnan(value):
        return "neutral"
    return next(name for name, low in BANDS if value >= low)


def binding_treaties(state: GameState, nation_index: int) -> list[str]:
    """Names of the alliance-like treaties (alliance, mutual assistance) held with a nation."""
    scn = state.rules.scenario
    held = state.treaties_with(scn.nations[nation_index].id)
    return [k.name for k in scn.treaty_kinds
            if k.id in held and any(w in k.id for w in BINDING_TREATIES)]


def at_war(state: GameState, nation_id: str) -> bool:
    """True if the player holds a treaty kind meaning war with the nation (an id with 'war')."""
    return any("war" in t.split("_") or t == "war" for t in state.treaties_with(nation_id))


def nation_lines(state: GameState, nation_index: int) -> list[str]:
    """The lines of a nation's tooltip: relation, stance towards the player's state, treaties."""
    rules = state.rules
    nation = rules.scenario.nations[nation_index]
    rel = state.relations[nation_index]
    held = state.treaties_with(nation.id)
    treaties = [k.name for k in rules.scenario.treaty_kinds if k.id in held]
    band = "at war" if at_war(state, nation.id) else relation_word(rel)
    who = the_name(rules.scenario.player)
    lines = [one_line(nation.name) + (" (great power)" if nation.great_power else ""),
             f"Relation with {who}: {rel:+.0f} of ±100, so {band} on the map",
             ("Treaties: " + ", ".join(treaties)) if treaties else f"No treaty with {who}"]
    bound = binding_treaties(state, nation_index)
    if bound:
        lines.append(f"Bound to you by treaty: {', '.join(bound)} (a gold mark on the map)")
    for item in nation_news(state, nation_index, 2):
        lines.append(f"Latest news: {item.date}, {item.text}")
    return lines


