"""The roads a class takes through each bundled scenario: the historical path, every change of
one historical answer, and random games.

On every road, at every state, a war with a nation has ended every treaty with it (a play-test
found the 1926 neutrality treaty with Germany listed beside the war), and so has an annexation;
and every text of every event, its main text and each variant, is told on some road (a
play-test found "Poland is divided" could never be told).
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from game.core.effects.treaty import CancelEffect, SignEffect
from game.core.engine import GameState, apply_action, is_over, new_game
from game.core.policies import (
    Policy,
    choices_policy,
    history_policy,
    history_with,
    random_policy,
    what_if_plans,
)
from game.core.rules import Rules
from game.core.scenario import Effect, Scenario
from game.scenario.loader import load_scenario
from tests.conftest import DEFAULT, ROOT

ROAD_TO_WAR = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
SCENARIOS = [ROAD_TO_WAR, DEFAULT]
RANDOM_GAMES = 150


def ended_by_war(scenario: Scenario) -> frozenset[str]:
    """The treaty kinds that a war with a nation ends: every kind but the war itself.

    No exception is historically right. Relations are broken off when war comes (Berlin's and
    Moscow's embassies left on 22 June 1941); a non-aggression or neutrality treaty is void
    once one side attacks; no one holds a mutual assistance treaty or an alliance with the
    enemy; trade stops; a secret protocol on spheres of interest dies with the pact it
    belonged to.
    """
    return frozenset(k.id for k in scenario.treaty_kinds if not k.war)


def war_kind(scenario: Scenario) -> str:
    return next(k.id for k in scenario.treaty_kinds if k.war)


# -- the roads -------------------------------------------------------------------------------

Road = tuple[str, Policy, int, bool]
"""A road: its name, the policy, the seed, and whether it is played as history went."""


def roads(rules: Rules) -> Iterator[Road]:
    yield "history", history_policy, 0, True
    for plan in what_if_plans(rules, most=1):
        yield f"history with {plan}", history_with(plan), 0, False
    for seed in range(RANDOM_GAMES):
        yield f"random game {seed}", random_policy, seed, False


def play(rules: Rules, road: Road) -> Iterator[GameState]:
    """Every state of a road, from the first to the end."""
    _, policy, seed, history = road
    state = new_game(rules, seed, history)
    rng = random.Random(seed)
    yield state
    while not is_over(state):
        state = apply_action(state, policy(state, rng))
        yield state


def told(state: GameState) -> set[tuple[str, int]]:
    """(event id, variant) for every event told in a game: -1 is the main text."""
    events = state.rules.events
    return {(events[e.index].id, e.choice) for e in state.log() if e.kind == "event"}


@dataclass
class Walk:
    """What the roads through a scenario showed."""

    told: set[tuple[str, int]] = field(default_factory=set)
    breaches: dict[tuple[str, str], str] = field(default_factory=dict)
    """(nation, treaty kind) held beside the war -> the first road and date it was seen."""
    annexed: dict[tuple[str, str], str] = field(default_factory=dict)
    """(nation, treaty kind) held with a state annexed by another -> the same."""


_WALKS: dict[Path, Walk] = {}


def walk(path: Path) -> Walk:
    """Play every road of a scenario once (cached for the tests of this module)."""
    if path in _WALKS:
        return _WALKS[path]
    rules = load_scenario(path).rules
    scenario = rules.scenario
    war = rules.treaty_index[war_kind(scenario)]
    ended = sum(1 << rules.treaty_index[k] for k in ended_by_war(scenario))
    found = Walk()
    for road in roads(rules):
        state = None
        for state in play(rules, road):
            for i, bits in enumerate(state.treaties):
                if bits >> war & 1 and bits & ended:
                    for kind in ended_by_war(scenario):
                        if bits >> rules.treaty_index[kind] & 1:
                            found.breaches.setdefault(
                                (rules.nation_ids[i], kind), f"{road[0]}, {state.date_text}")
                if bits and state.status(rules.nation_ids[i]) == "annexed":
                    for kind in state.treaties_with(rules.nation_ids[i]):
                        found.annexed.setdefault(
                            (rules.nation_ids[i], kind), f"{road[0]}, {state.date_text}")
        assert state is not None
        found.told |= told(state)
    _WALKS[path] = found
    return found


# -- a war ends every treaty with the enemy ---------------------------------------------------

@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_state_holds_a_war_beside_a_treaty_the_war_ended(path: Path) -> None:
    breaches = walk(path).breaches
    assert not breaches, "\n".join(
        f"at war with {nation} while holding '{kind}' ({where})"
        for (nation, kind), where in sorted(breaches.items()))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_state_holds_a_treaty_with_a_state_that_was_annexed(path: Path) -> None:
    """The same for a state made part of another (the Baltic states in August 1940): it
    holds no treaty, though an occupied one may keep its legation for a while."""
    annexed = walk(path).annexed
    assert not annexed, "\n".join(
        f"{nation}, annexed, still holds '{kind}' ({where})"
        for (nation, kind), where in sorted(annexed.items()))


def effect_lists(scenario: Scenario) -> Iterator[tuple[str, list[Effect]]]:
    """Every list of effects in a scenario that an action, event, answer or outcome applies."""
    for action in scenario.actions:
        yield f"action {action.id}", action.effects
    for event in scenario.events:
        yield f"event {event.id}", event.effects
        for choice in event.choices:
            yield f"choice {event.id}.{choice.id}", choice.effects
            for outcome in choice.outcomes:
                yield f"outcome {event.id}.{choice.id}.{outcome.id}", outcome.effects


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_war_cancels_each_treaty_the_enemy_can_hold(path: Path) -> None:
    """The same in the data, on roads no game above takes: where a war is signed, the same
    effects cancel each treaty kind the nation holds at the start or could sign anywhere."""
    scenario = load_scenario(path).scenario
    war = war_kind(scenario)
    ended = ended_by_war(scenario)
    can_hold = {n.id: set(n.treaties) & ended for n in scenario.nations}
    for _, effects in effect_lists(scenario):
        for e in effects:
            if isinstance(e, SignEffect) and e.sign in ended and e.with_ is not None:
                can_hold[e.with_].add(e.sign)
    missing = []
    for where, effects in effect_lists(scenario):
        for e in effects:
            if not (isinstance(e, SignEffect) and e.sign == war and e.with_ is not None):
                continue
            cancelled = {x.cancel for x in effects
                         if isinstance(x, CancelEffect) and x.with_ == e.with_}
            signed = {x.sign for x in effects
                      if isinstance(x, SignEffect) and x.with_ == e.with_ and x.sign != war}
            if can_hold[e.with_] - cancelled or signed:
                missing.append(f"{where}: war with {e.with_} leaves "
                               f"{sorted(can_hold[e.with_] - cancelled)}, signs {sorted(signed)}")
    assert not missing, "\n".join(missing)


# -- every text is told -----------------------------------------------------------------------

RARE_ROADS: dict[str, dict[tuple[str, int], tuple[Policy, int]]] = {
    # Texts that the roads above seldom or never take, each with a road that tells it: rare
    # on purpose, not impossible. A road is tried on seeds 0, 1, ... up to the number given.
    "road_to_war_1938_1941": {
        # Warsaw lets the Red Army through, and the alliance with the West is ratified.
        ("war_beside_allies", 0): (history_with(
            {"polish_declaration": "ask_for_passage", "august_1939": "alliance_with_west"}), 200),
        # The Red Army conquers all of Finland (a gamble with odds of 10-50%).
        ("finland_occupied", -1): (history_with({"winter_war_january": "conquer_finland"}), 100),
        # The USSR joins the Tripartite Pact and Hitler puts off the attack (10-30%).
        ("no_attack", -1): (history_with({"molotov_in_berlin": "join_the_pact"}), 100),
    },
    "ussr_1928_1941": {
        # The protocol with Mongolia without the Far Eastern Army, and neither.
        ("khalkhin_gol", -1): (choices_policy(
            {}, {}, skip=frozenset({"far_east_army"}), follow_history=True), 20),
        ("khalkhin_gol", 0): (choices_policy(
            {}, {}, skip=frozenset({"mongolia_protocol"}), follow_history=True), 20),
        # The alliance of 1939 with an army spared the purge: Hitler may back down.
        **{(event, -1): (history_with({"talks_1939": "ally_west", "army_purge": "no_purge"}), 100)
           for event in ("hitler_backs_down", "baltic_question_deterred", "coalition_price",
                         "japan_probes", "uneasy_peace")},
        # A weak army bound to Germany: a player whose only move, on any turn, is to replace
        # Litvinov.
        ("german_ultimatum", -1): (choices_policy({}, {t: ["replace_litvinov"]
                                                       for t in range(200)}), 100),
    },
}


def every_text(scenario: Scenario) -> set[tuple[str, int]]:
    return {(e.id, v) for e in scenario.events for v in range(-1, len(e.variants))}


def rare_road_tells(rules: Rules, text: tuple[str, int], policy: Policy, seeds: int) -> bool:
    for seed in range(seeds):
        end = deque(play(rules, ("rare", policy, seed, False)), maxlen=1)[0]
        if text in told(end):
            return True
    return False


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_text_of_every_event_is_told_on_some_road(path: Path) -> None:
    rules = load_scenario(path).rules
    rare = RARE_ROADS[rules.scenario.id]
    never = every_text(rules.scenario) - walk(path).told - set(rare)
    assert not never, f"texts no road tells (-1: the main text): {sorted(never)}"
    for text, (policy, seeds) in rare.items():
        assert text in every_text(rules.scenario), f"{text} is no longer a text of the scenario"
        assert rare_road_tells(rules, text, policy, seeds), f"its road no longer tells {text}"
