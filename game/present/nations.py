"""A nation in words: its relation band (as the map colours it), its place on the living map,
its treaties with the player's state (and what their kinds mean: binding, war), whether it is
bound to help, and its latest news."""

from __future__ import annotations

import math

from game.core.engine import GameState
from game.i18n import N_, _
from game.present.news import nation_news
from game.present.numbers import number
from game.present.player import capital, the_name
from game.present.powers import HELD, held_relation, status_meaning, status_words
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


def relation_word(value: float) -> str:
    """The band of a relation (-100..100), as the map's legend names it."""
    if math.isnan(value):
        return _(BAND_WORDS["neutral"])
    return _(BAND_WORDS[next(name for name, low in BANDS if value >= low)])


def binding_treaties(state: GameState, nation_index: int) -> list[str]:
    """Names of the treaties held with a nation whose kind binds it to fight for the player's
    state (the scenario's ``binding: true``: an alliance, mutual assistance)."""
    rules = state.rules
    scn = rules.scenario
    held = state.treaties_with(scn.nations[nation_index].id)
    return [k.name for k in scn.treaty_kinds if k.id in held and rules.treaty_binding(k.id)]


def at_war(state: GameState, nation_id: str) -> bool:
    """True if the player's state is at war with the nation (it holds the scenario's treaty
    kind marked ``war: true`` with it)."""
    return state.at_war_with(nation_id)


def treaty_words(state: GameState, nation_index: int) -> list[str]:
    """The treaties held with a nation, each named with what its kind means: binding (a
    promise to fight for each other) or war. The kind of war is left out: the relation line
    says "at war"."""
    rules = state.rules
    scn = rules.scenario
    held = state.treaties_with(scn.nations[nation_index].id)
    out = []
    for k in scn.treaty_kinds:
        if k.id not in held or rules.treaty_war(k.id):
            continue
        name = one_line(k.name, 60)
        # TRANSLATORS: a treaty that binds the two to fight for each other.
        out.append(_("{treaty} (binding)").format(treaty=name) if rules.treaty_binding(k.id)
                   else name)
    return out


def relation_reason(state: GameState, nation_index: int, limit: int = 300) -> str | None:
    """Why a nation's view of the player moves each turn (the scenario's words), if it says,
    while the nation acts for itself. Once others hold it (occupied, annexed, partitioned)
    those words, written for the free state, no longer hold: what its relation stands for now
    instead (:func:`~game.present.powers.held_relation`), whether the scenario says or not."""
    nation = state.rules.scenario.nations[nation_index]
    held = held_relation(state, nation.id)
    if held is not None:
        return held
    if not nation.relation_reason:
        return None
    return _("Why it moves: {reason}").format(reason=one_line(nation.relation_reason, limit))


def nation_lines(state: GameState, nation_index: int, reason: bool = True) -> list[str]:
    """The lines of a nation's tooltip: its name, its place on the living map (if not
    independent) and, if others hold it, what that means for the player's dealings with it,
    its relation with the player's state (and, if ``reason``, why it moves), its treaties,
    whether it is bound to fight beside the player, and its latest news."""
    rules = state.rules
    nation = rules.scenario.nations[nation_index]
    rel = state.relations[nation_index]
    war = at_war(state, nation.id)
    who = the_name(rules.scenario.player)
    name = one_line(nation.name)
    lines = [_("{nation} (great power)").format(nation=name) if nation.great_power else name]
    status = status_words(state, nation.id)
    if status:
        lines.append(capital(status))
    meaning = status_meaning(state, nation.id)
    if meaning:
        lines.append(meaning)
    held = state.status(nation.id) in HELD
    # capital(): a translation may open these lines with the state's name and its article
    # ("die UdSSR hat keinen Vertrag ..."), which the_name() writes in small letters.
    if war:
        lines.append(capital(_("At war with {state}; relation {value} of ±100").format(
            state=who, value=number(rel, 0, signed=True))))
    elif held and state.status(nation.id) != "occupied":
        # Drawn in its holders' colours: the map does not show this band.
        lines.append(capital(_("Relation with {state}: {value} of ±100 ({band})").format(
            state=who, value=number(rel, 0, signed=True), band=relation_word(rel))))
    else:
        lines.append(capital(_("Relation with {state}: {value} of ±100, so {band} on the "
                               "map").format(state=who, value=number(rel, 0, signed=True),
                                             band=relation_word(rel))))
    why = relation_reason(state, nation_index) if reason else None
    if why:
        lines.append(why)
    treaties = treaty_words(state, nation_index)
    lines.append(_("Treaties: {treaties}").format(treaties=_(", ").join(treaties)) if treaties
                 else capital(_("No treaty with {state}").format(state=who)))
    bound = binding_treaties(state, nation_index)
    if bound and not war and not held:  # a nation held by others fights for no one
        lines.append(_("Bound to fight beside you: {treaties} (a gold mark on the map)").format(
            treaties=_(", ").join(bound)))
    for item in nation_news(state, nation_index, 2):
        lines.append(_("Latest news: {date}, {text}").format(date=item.date, text=item.text))
    return lines
