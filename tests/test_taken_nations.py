"""A nation taken by others no longer speaks as a free state in its panel (play-test: the
panel of partitioned Poland still said "Warsaw fears Moscow as much as Berlin"): once it is
occupied, annexed or partitioned, the scenario's ``relation_reason`` gives way to what its
relation stands for now. Checked along the historical path of both bundled scenarios and in
random games, in English and German."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.core.engine import GameState, apply_action, new_game
from game.core.policies import history_policy, random_policy
from game.present.nations import nation_lines, relation_reason
from game.present.powers import HELD
from game.scenario.loader import load_scenario
from tests.conftest import ROOT, played_to

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
NOW = "What the relation means now: "


def games(path: Path, seeds: tuple[int, ...] = (1, 2, 3)) -> Iterator[tuple[str, GameState]]:
    """Every state between moves of the historical game and of random games of a scenario,
    with no question waiting ("history" or "random N", for the messages)."""
    rules = load_scenario(path).rules
    for seed in (None, *seeds):
        state = new_game(rules, seed or 0, history=seed is None)
        rng = random.Random(seed or 0)
        while state.ending_index < 0:
            state = apply_action(state, history_policy(state, rng) if seed is None
                                 else random_policy(state, rng))
            if not state.pending:
                yield ("history" if seed is None else f"random {seed}"), state


def reasons_shown(state: GameState, index: int, tooltip: bool) -> list[str]:
    """The relation's reason as the panel shows it and (if ``tooltip``) the tooltip's lines,
    which carry it too."""
    why = relation_reason(state, index, 1000)
    return [x for x in [why, *(nation_lines(state, index) if tooltip else [])] if x]


@pytest.mark.parametrize("path", [DEFAULT, ROAD], ids=lambda p: p.stem)
def test_a_taken_nation_never_gives_the_free_states_reason(path: Path) -> None:
    taken: set[str] = set()
    looked: set[tuple[str, str, str, tuple[str, ...]]] = set()
    for game, state in games(path):
        for i, nation in enumerate(state.rules.scenario.nations):
            status = state.status(nation.id)
            # The tooltip's lines (slower: its news) once for each place on the map.
            where = (game, nation.id, status, state.holders(nation.id))
            shown = reasons_shown(state, i, where not in looked)
            looked.add(where)
            if status not in HELD:
                if nation.relation_reason:
                    assert any(x.startswith("Why it moves: ") for x in shown)
                continue
            taken.add(nation.id)
            assert not any(x.startswith("Why it moves") for x in shown), (game, nation.id)
            reason = nation.relation_reason.split()[:4]
            assert not reason or not any(" ".join(reason) in x for x in shown), (game,
                                                                                  nation.id)
            assert relation_reason(state, i) is not None
            assert relation_reason(state, i).startswith(NOW)  # type: ignore[union-attr]
    # The historical path takes all of these (and random games take some of them).
    assert {"austria", "czechoslovakia", "poland", "estonia", "latvia", "lithuania",
            "france"} <= taken


def test_each_kind_of_taking_says_what_the_relation_stands_for() -> None:
    st = played_to(ROAD, "1940-09")
    at = st.rules.nation_index
    assert st.status("poland") == "partitioned" and st.status("france") == "occupied"
    assert st.status("austria") == "annexed" and st.status("estonia") == "annexed"
    exile = (NOW + "the view of its people and of any leaders who fight on in exile, no "
             "longer the policy of a free state.")
    assert relation_reason(st, at["poland"]) == exile
    assert relation_reason(st, at["france"]) == exile
    assert relation_reason(st, at["austria"]) == (NOW + "only its people's mood; what counts "
                                                  "is how Germany sees you.")
    assert relation_reason(st, at["estonia"]) == NOW + "only its people's mood under your rule."
    st = played_to(DEFAULT, "1940-04")
    assert st.status("latvia") == "occupied" and st.holders("latvia") == ("player",)
    assert relation_reason(st, st.rules.nation_index["latvia"]) == (
        NOW + "only its people's mood under your troops, no longer the policy of a free state.")
    # Free, and at war with Germany: the state still acts for itself.
    st = played_to(ROAD, "1939-09")
    assert st.status("poland") == "at_war"
    assert relation_reason(st, at["poland"]) == ("Why it moves: Warsaw fears Moscow as much "
                                                 "as Berlin.")


def test_the_taken_nations_words_are_german() -> None:
    try:
        i18n.set_language("de")
        st = played_to(ROAD, "1940-09")  # loaded in German: its nations' German names
        at = st.rules.nation_index
        words = {n: relation_reason(st, at[n]) for n in ("poland", "austria", "estonia")}
    finally:
        i18n.set_language("en")
    assert words["poland"] == ("Was die Beziehung jetzt bedeutet: die Sicht der Menschen im "
                               "Land und derer, die im Exil weiterkämpfen, nicht mehr die "
                               "Politik eines freien Staates.")
    assert words["austria"] == ("Was die Beziehung jetzt bedeutet: nur noch die Stimmung der "
                                "Menschen im Land; es zählt, wie der Staat, zu dem es jetzt gehört "
                                "(Deutschland), dich sieht.")
    assert words["estonia"] == ("Was die Beziehung jetzt bedeutet: nur noch die Stimmung der "
                                "Menschen unter deiner Herrschaft.")
