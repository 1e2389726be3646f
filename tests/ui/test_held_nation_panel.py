"""A nation held by others (occupied, annexed, partitioned) says in its panel and tooltip what
that means for the player's dealings with it (the play-test found an occupied nation's
relation box empty), and no longer claims to be bound to fight beside the player (the map has
dropped its gold mark). Screenshots ``held_<nation>_panel.png``."""

from __future__ import annotations

from typing import Any

from game import i18n
from tests.conftest import played_to
from tests.ui.conftest import ROOT, Driver, history_on_screen

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"


def test_each_held_status_is_explained_and_binds_no_one() -> None:
    from game.present.nations import nation_lines

    st = played_to(DEFAULT, "1940-07")
    nations = st.rules.nation_index
    assert st.status("france") == "occupied" and st.status("estonia") == "annexed"
    assert st.status("poland") == "partitioned"
    france = nation_lines(st, nations["france"])
    assert france[1:3] == ["Occupied by Germany", "It cannot act for itself, and no treaty "
                           "makes it fight beside you while the occupation lasts."]
    estonia = nation_lines(st, nations["estonia"])
    assert estonia[1:3] == ["Annexed by the USSR", "It is part of the USSR now, with no "
                            "government or foreign policy of its own."]
    # Drawn in the player's colour: the relation line does not name a band "on the map".
    assert estonia[3].startswith("Relation with the USSR:") and "on the map" not in estonia[3]
    poland = nation_lines(st, nations["poland"])
    assert poland[2] == ("It has no government at home to act for it, and no treaty makes it "
                         "fight beside you.")
    assert "Germany" in nation_lines(played_to(DEFAULT, "1938-04"), nations["austria"])[2]
    assert "on the map" in france[3]  # occupied: its own colour, in the occupier's bands
    # Partitioned at Munich, its mutual assistance treaty still held: listed, but no gold mark.
    st = played_to(ROAD, "1938-10")
    czech = nation_lines(st, st.rules.nation_index["czechoslovakia"])
    assert st.status("czechoslovakia") == "partitioned"
    assert any("(binding)" in line for line in czech)
    assert not any(line.startswith("Bound to fight beside you") for line in czech)
    # An independent nation has no such sentence.
    assert nation_lines(st, st.rules.nation_index["finland"])[1].startswith("Relation with")


def test_the_held_nations_words_are_in_german() -> None:
    from game.present.nations import nation_lines

    st = played_to(DEFAULT, "1940-07")
    try:
        i18n.set_language("de")
        lines = nation_lines(st, st.rules.nation_index["estonia"])
    finally:
        i18n.set_language("en")
    assert lines[2].startswith("Die USSR hat es sich einverleibt")


def test_the_panel_of_an_occupied_nation_says_what_it_means(make_app: Any) -> None:
    from game.ui.settings import Settings

    d: Driver = make_app(size=(1280, 800), settings=Settings(tutorial_done=True))
    assert d.app.new_game(DEFAULT)
    s = d.app.session
    scene: Any = history_on_screen(d, lambda st: st.status("france") == "occupied")
    for nation, words in (("france", "It cannot act for itself"),
                          ("poland", "It has no government at home")):
        scene.select(s.state.rules.nation_index[nation])
        d.step()
        left, _right = scene.nation_views
        facts = [text for text, _style in left.paragraphs]
        assert any(text.startswith(words) for text in facts), facts
        d.shot(f"held_{nation}_panel")
