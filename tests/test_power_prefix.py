"""A power's move is headed by the power ("Germany: The Anschluss"), but a title that already
opens with the power's name is not headed twice (play-test, German: "Deutschland:
Deutschland verlässt den Völkerbund")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.core.policies import historical_game
from game.present.news import news, with_power
from game.present.timeline import decisions_by_turn
from game.scenario.loader import load_scenario
from tests.conftest import ROOT

DOUBLED = re.compile(r"^([^:]{3,40}): \1\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_a_title_that_names_its_power_first_is_not_headed_by_it() -> None:
    assert with_power("Germany", "The Anschluss") == "Germany: The Anschluss"
    assert with_power("Germany", "Germany leaves the League") == "Germany leaves the League"
    assert with_power("Japan", "japan attacks in Mongolia") == "japan attacks in Mongolia"
    assert with_power("", "Famine in the countryside") == ""


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", ["ussr_1928_1941.yaml", "road_to_war_1938_1941.yaml"])
def test_no_news_line_names_its_power_twice(lang: str, name: str) -> None:
    i18n.set_language(lang)
    state = historical_game(load_scenario(Path(ROOT / "scenarios" / name)).rules)
    lines = [item.text for item in news(state, limit=10_000)]
    lines += [line for d in decisions_by_turn(state).values()
              for line in (*d.events, *d.choices)]
    assert len(lines) > 50
    headed = [line for line in lines if ": " in line]
    assert headed, "a power's move keeps its heading"
    assert [line for line in lines if DOUBLED.match(line)] == []
