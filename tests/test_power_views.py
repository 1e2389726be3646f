"""What a nation's panel says it thinks and wants must fit the world of this game: a nation
that is occupied, annexed or partitioned no longer speaks as a free state, and no view or want
describes a situation that has passed. Checked at every turn of the historical path, of every
one-answer change of it and of many random games, in every bundled scenario."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

from game.core import expr
from game.core.engine import GameState, Move
from game.core.policies import (
    POLICIES,
    Policy,
    history_policy,
    history_with,
    play_game,
    what_if_plans,
)
from game.core.rules import Rules, compile_expr, make_resolver
from game.scenario.loader import load_scenario
from tests.conftest import ROOT, bundled_scenarios

RANDOM_GAMES = 120
TAKEN = ("occupied", "annexed", "partitioned")
"""The statuses of a nation that has lost its freedom to act."""

ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"


def _every_state(rules: Rules) -> Iterator[GameState]:
    """Every state a player sees, move by move, in the historical game, in each game that
    changes one of history's answers and in random games."""
    seen: list[GameState] = []

    def watched(policy: Policy) -> Policy:
        def play(state: GameState, rng: random.Random) -> Move:
            seen.append(state)
            return policy(state, rng)
        return play

    games: list[tuple[Policy, int, bool]] = [(history_policy, 0, True)]
    games += [(history_with(plan), 1, False) for plan in what_if_plans(rules, most=1)]
    games += [(POLICIES["random"], seed, False) for seed in range(RANDOM_GAMES)]
    for policy, seed, as_history in games:
        final = play_game(rules, watched(policy), seed=seed, history=as_history)
        yield from seen
        yield final
        seen.clear()


def _names(when: str | None) -> set[str]:
    return set() if when is None else {n.name for n in expr.names(expr.parse(when))}


def _taken_nation_speaks_as_free(rules: Rules, state: GameState,
                                 met: set[tuple[str, str]]) -> list[str]:
    """What a nation that has lost its freedom says as if it had not; ``met`` gathers the
    (nation, status) pairs seen, of the nations that have views or wants."""
    problems = []
    for nation in rules.scenario.nations:
        status = state.status(nation.id)
        if status not in TAKEN or not (nation.views or nation.wants):
            continue
        met.add((nation.id, status))
        must_name = f"status.{nation.id}.{status}"
        shown = [("view", state.power_view(nation.id), nation.views),
                 ("want", state.power_want(nation.id), nation.wants)]
        for kind, k, entries in shown:
            if k is not None and must_name not in _names(entries[k].when):
                problems.append(f"{nation.id} is {status}, but its {kind} {k} "
                                f"({entries[k].when or 'no condition'}) does not name "
                                f"{must_name}: {entries[k].text!r}")
    return problems


# Each line: a scenario, a nation, view or want, a piece of one of its texts, and what must hold
# whenever that text is shown (a condition in the scenario's own words).
STILL_TRUE: list[tuple[Path, str, str, str, str]] = [
    # The road to war. Poland speaks of Danzig and of its balance only while it stands, of the
    # German attack only while it is fought, and closes its roads only until it talks.
    (ROAD, "poland", "want", "without Soviet troops", "status.poland.independent"),
    (ROAD, "poland", "want", "balance between Germany and the USSR",
     "status.poland.independent and not fired.prague_occupied"),
    (ROAD, "poland", "view", "The partner of the enemy that attacks it", "status.poland.at_war"),
    (ROAD, "poland", "view", "It will not let the Red Army onto Polish soil",
     "status.poland.independent and not flag.poland_passage"),
    # Berlin's question is answered once Moscow has turned the pact down or joined the West.
    (ROAD, "germany", "view", "wonders whether Moscow will deal",
     "not flag.talks_failed and not flag.west_alliance"),
    # London and Paris want no alliance they already have, nor Moscow out of a camp it is not
    # in, and fear to offend Poland only while Poland stands.
    (ROAD, "britain", "want", "without being dragged into war on Moscow's terms",
     "not treaty.britain.alliance"),
    (ROAD, "britain", "want", "out of Hitler's camp", "flag.pact"),
    (ROAD, "britain", "view", "sees it supply Germany", "treaty.germany.trade"),
    (ROAD, "britain", "view", "fears to offend Poland", "status.poland.independent"),
    (ROAD, "france", "view", "if Poland will let the Red Army through",
     "status.poland.independent"),
    (ROAD, "france", "want", "without a quarrel with Poland or Britain",
     "not treaty.france.alliance"),
    # Churchill speaks for Britain only once he leads it (May 1940): in the war of 1939 beside
    # the West, London's view is the alliance's.
    (ROAD, "britain", "view", "Churchill promises", "not flag.war_west"),
    # Rome's war in Spain and Washington's embargo end, and the texts with them; at war with
    # the player, Rome wants that war.
    (ROAD, "italy", "view", "An enemy in Spain", "status.spain.at_war"),
    (ROAD, "italy", "want", "A share of the Mediterranean", "not treaty.italy.war"),
    (ROAD, "usa", "view", "stops sales of aircraft", "not fired.embargo_lifted"),
    # 1928-1941. Warsaw balances between its neighbours only while it is free and at peace.
    (DEFAULT, "poland", "view", "balances between Berlin and Moscow",
     "status.poland.independent"),
    # London and Paris, once allied or at war beside you, no longer speak as before it.
    (DEFAULT, "britain", "view", "hopes to settle with Germany without Moscow",
     "not flag.western_alliance and not status.britain.at_war"),
    (DEFAULT, "britain", "want", "without an alliance that binds London",
     "not flag.western_alliance"),
    (DEFAULT, "britain", "want", "A partner against Germany", "not flag.war_1939"),
    (DEFAULT, "france", "view", "a possible weight against a revived Germany",
     "not status.france.at_war"),
    (DEFAULT, "france", "view", "A partner on paper", "not flag.war_1939"),
    (DEFAULT, "france", "view", "doubts the Red Army could help at all", "not flag.war_1939"),
    (DEFAULT, "france", "want", "on London's terms", "not flag.western_alliance"),
    # Berlin after the fall of France, and without trade.
    (DEFAULT, "germany", "view", "France's partner at Geneva", "not status.france.occupied"),
    (DEFAULT, "germany", "view", "its firms still sell you machines", "treaty.germany.trade"),
    (DEFAULT, "germany", "want", "Victory in the West first", "not status.france.occupied"),
    # A Soviet first strike is no German invasion: Rome does not declare war, London and
    # Washington hesitate.
    (DEFAULT, "italy", "view", "Mussolini declared war on the USSR", "treaty.italy.war"),
    (DEFAULT, "britain", "view", "promised all the help", "not flag.struck_first"),
    (DEFAULT, "usa", "view", "Roosevelt promises help", "not flag.struck_first"),
    # The war in Spain ends in 1939, Washington's moral embargo in January 1941.
    (DEFAULT, "italy", "view", "fighting each other in Spain", "status.spain.at_war"),
    (DEFAULT, "usa", "view", "not to sell you aircraft", "year < 1941"),
]


def _entry(rules: Rules, nation_id: str, kind: str, piece: str) -> int:
    """The position of the one view or want of a nation whose text holds ``piece``."""
    nation = rules.scenario.nations[rules.nation_index[nation_id]]
    entries = nation.views if kind == "view" else nation.wants
    found = [k for k, e in enumerate(entries)
             if piece in " ".join(f"{e.text} {getattr(e, 'why', '')}".split())]
    assert len(found) == 1, f"{nation_id} {kind}: {len(found)} texts hold {piece!r}"
    return found[0]


@cache
def _problems(path: Path) -> tuple[list[str], list[str], set[tuple[str, str]]]:
    """What is wrong with the panels of one scenario, over every state of the games played:
    the taken nations that speak as free states, and the texts of :data:`STILL_TRUE` shown
    when what they need no longer holds; and the taken nations with a panel that were met."""
    rules = load_scenario(path).rules
    resolve = make_resolver(rules.scenario, rules.flag_ids)
    checks: list[tuple[str, str, int, str, Callable[[GameState], object]]] = [
        (nation, kind, _entry(rules, nation, kind, piece), must, compile_expr(must, resolve))
        for where, nation, kind, piece, must in STILL_TRUE if where == path]
    taken: dict[str, str] = {}
    stale: dict[str, str] = {}
    met: set[tuple[str, str]] = set()
    for state in _every_state(rules):
        for problem in _taken_nation_speaks_as_free(rules, state, met):
            taken.setdefault(problem, state.date_text)
        for nation, kind, k, must, holds in checks:
            shown = state.power_view(nation) if kind == "view" else state.power_want(nation)
            if shown == k and not holds(state):
                stale.setdefault(f"{nation}'s {kind} {k} is shown, though not {must}",
                                 state.date_text)
    return ([f"{p} (first in {date})" for p, date in sorted(taken.items())],
            [f"{p} (first in {date})" for p, date in sorted(stale.items())], met)


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_a_nation_that_has_lost_its_freedom_does_not_speak_as_a_free_state(path: Path) -> None:
    problems, _, met = _problems(path)
    assert not problems, "\n".join(problems)
    if path in (ROAD, DEFAULT):  # the games reach the cases the check is for
        assert {("poland", "partitioned"), ("poland", "occupied"), ("france", "occupied")} <= met


@pytest.mark.parametrize("path", sorted({line[0] for line in STILL_TRUE}), ids=lambda p: p.stem)
def test_no_view_or_want_describes_a_situation_that_has_passed(path: Path) -> None:
    problems = _problems(path)[1]
    assert not problems, "\n".join(problems)
