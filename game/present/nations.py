"""A nation in words: its relation band (as the map colours it), its treaties with the
player's state, whether it is bound to help, and its latest news."""

from __future__ import annotations

import math

from game.core.engine import GameState
from game.i18n import N_, _
from game.present.news import nation_news
from game.present.numbers import number
from game.present.player import the_name
from game.present.text import one_line

BANDS: tuple[tuple[str, float], ...] = (
    ("allied", 60.0), ("friendly", 20.0), ("neutral", -20.0), ("wary", -60.0),
    ("hostile", -math.inf),
)
"""Relation bands, best first: (name, lowest relation in the band). The map colours by them;
the name is an id, shown through :data:`BAND_WORDS`."""

BAND_WORDS = {"allied": N_("allied"), "friendly": N_("friendly"), "neutral": N_("neutral"),
              "wary": N_("wary"), "hostile": N_("hostile")}
"""A relation band in words, as the map's legend names it."""

BINDING_TREATIES = ("alliance", "assistance")
"""A treaty kind whose id contains one of these binds a nation to help the player's state."""


def relation_word(value: float) -> str:
    """The band of a relation (-100..100), as the map's legend names it."""
    if math.isnan(value):
        return _(BAND_WORDS["neutral"])
    return _(BAND_WORDS[next(name for name, low in BANDS if value >= low)])


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
    band = _("at war") if at_war(state, nation.id) else relation_word(rel)
    who = the_name(rules.scenario.player)
    name = one_line(nation.name)
    lines = [_("{nation} (great power)").format(nation=name) if nation.great_power else name,
             _("Relation with {state}: {value} of ±100, so {band} on the map").format(
                 state=who, value=number(rel, 0, signed=True), band=band),
             _("Treaties: {treaties}").format(treaties=_(", ").join(treaties)) if treaties
             else _("No treaty with {state}").format(state=who)]
    bound = binding_treaties(state, nation_index)
    if bound:
        lines.append(_("Bound to you by treaty: {treaties} (a gold mark on the map)").format(
            treaties=_(", ").join(bound)))
    for item in nation_news(state, nation_index, 2):
        lines.append(_("Latest news: {date}, {text}").format(date=item.date, text=item.text))
    return lines


