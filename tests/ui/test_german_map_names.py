"""The map's own names in German: the countries no scenario nation covers (drawn grey) are
named by the catalogue (play-test: "Turkey", "Algeria", "Iraq" on the German map), and the
player's land is found and named as the scenario calls it, in its translation too (the German
scenario's "UdSSR" left the USSR grey, labelled "USSR", with the tooltip "USSR nimmt an diesem
Szenario nicht teil")."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import i18n
from game.ui.mapview import DEFAULT_NATIONS, MAP_FILE, load_map
from tests import i18n_tool
from tests.ui.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
ANKARA = (32.86, 39.93)


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def game_map(path: Any, lang: str) -> Any:
    """The game screen's map of a new game of ``path``, its scenario in ``lang``."""
    from game.core.engine import new_game
    from game.scenario.loader import load_scenario
    from game.ui.mapsupport import GameMap

    i18n.set_language(lang)
    gm = GameMap(new_game(load_scenario(path).rules, 0))
    assert gm.problem is None
    gm.view.layout(pygame.Rect(0, 0, 1280, 720))
    return gm


def names(gm: Any) -> dict[str, str]:
    return {rid: name for rid, name, _part in gm.view.regions}


def test_countries_outside_the_scenario_are_named_in_german(english_after: None) -> None:
    gm = game_map(ROAD, "de")
    shown = names(gm)
    assert (shown["turkey"], shown["algeria"], shown["iraq"]) == ("Türkei", "Algerien", "Irak")
    assert shown["sweden"] == "Schweden" and shown["germany"] == "Deutschland"  # the scenario's
    pos = gm.view.to_screen(*ANKARA)
    assert gm.outsider_at(pos) == ["Türkei", "Türkei: an diesem Szenario nicht beteiligt."]
    # The same map in English once the language changes (the names are read when shown).
    i18n.set_language("en")
    assert names(gm)["turkey"] == "Turkey"
    assert gm.outsider_at(pos) == ["Turkey", "Turkey takes no part in this scenario."]


def test_the_german_scenarios_state_is_the_players_land(english_after: None) -> None:
    gm = game_map(ROAD, "de")
    assert gm.view.player_region == "ussr"
    assert names(gm)["ussr"] == "UdSSR"
    moscow = gm.view.to_screen(37.62, 55.76)
    assert gm.view.region_at(moscow) == "ussr" and gm.outsider_at(moscow) is None


def test_an_english_scenario_on_german_screens_keeps_its_own_names(
        english_after: None, tmp_path: Path) -> None:
    alone = tmp_path / DEFAULT.name  # without its translation beside it: English on German screens
    shutil.copy(DEFAULT, alone)
    gm = game_map(alone, "de")
    shown = names(gm)
    assert gm.view.player_region == "ussr"
    assert shown["ussr"] == "USSR"  # as every sentence of the scenario calls it
    assert shown["turkey"] == "Turkey"  # a nation of the scenario: its name
    assert shown["sweden"] == "Schweden"  # not in it: the map's, in German
    translated = names(game_map(DEFAULT, "de"))  # with its translation: its German names
    assert (translated["ussr"], translated["turkey"]) == ("UdSSR", "Türkei")


def test_every_name_of_the_map_is_in_the_catalogue() -> None:
    from game.ui.mapview import ASSET_NAMES

    data, problems = load_map(MAP_FILE)
    assert not problems
    used = {r.name for r in data.regions} | {name for _id, name in data.off_map}
    assert used - set(ASSET_NAMES) == set(), "mark the new names with N_ in ASSET_NAMES"
    german = {m.id: m.string for m in i18n_tool.read(i18n_tool.po_path("de"), "de")}
    for name in used | set(DEFAULT_NATIONS.values()):
        assert german.get(name), f"no German name for {name!r}"
