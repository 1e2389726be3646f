"""The panel of a nation taken by others, as a student sees it (play-test): partitioned
Poland no longer says "Warsaw fears Moscow as much as Berlin" but what its relation stands
for now, and the actions' part says why it lists nothing and which actions affect Poland,
in English and German. Screenshots ``taken_poland_panel_<lang>.png``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from game import i18n
from tests.ui.conftest import ROOT, Driver, history_on_screen

ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def poland_panel(d: Driver, month: str) -> tuple[list[str], list[str]]:
    """Play the road to war's historical game to ``month`` in the app, choose Poland; return
    its panel's facts (left column) and the actions' part's lines."""
    assert d.app.new_game(ROAD)
    rules = d.app.session.state.rules
    scene: Any = history_on_screen(d, lambda st: st.turn >= rules.turn_of_month(month))
    scene.select(rules.nation_index["poland"])
    d.step()
    left, _right = scene.nation_views
    assert not scene.shown  # no action is aimed at Poland: the list is empty
    return [text for text, _style in left.paragraphs], scene._nothing_lines()


def test_partitioned_poland_in_english(make_app: Any) -> None:
    from game.ui.settings import Settings

    d: Driver = make_app(size=(1280, 800), settings=Settings(tutorial_done=True))
    facts, nothing = poland_panel(d, "1939-11")
    assert d.app.session.state.status("poland") == "partitioned"
    assert not any("Warsaw fears" in x or x.startswith("Why it moves") for x in facts), facts
    assert ("What the relation means now: the view of its people and of any leaders who "
            "fight on in exile, no longer the policy of a free state.") in facts
    assert nothing[0] == "No action is aimed at Poland alone, so none is listed here."
    assert nothing[1] == ("None of the 2 actions that affect it can be taken any more: each "
                          "is done or its time has passed.")
    d.shot("taken_poland_panel_en")


def test_partitioned_poland_in_german(make_app: Any, english_after: None) -> None:
    from game.ui.settings import Settings

    d: Driver = make_app(size=(1280, 800), settings=Settings(tutorial_done=True,
                                                             language="de"))
    facts, nothing = poland_panel(d, "1939-11")
    assert not any("Warschau fürchtet" in x or x.startswith("Warum sie sich ändert")
                   for x in facts), facts
    assert any(x.startswith("Was die Beziehung jetzt bedeutet: die Sicht der Menschen im "
                            "Land") for x in facts), facts
    assert nothing[0] == ("Polen: Keine Aktion richtet sich an diesen Staat allein, darum "
                          "steht hier keine.")
    assert nothing[1] == ("Keine der 2 Aktionen, die diesen Staat betreffen, ist noch "
                          "möglich: Jede ist getan oder ihre Zeit ist vorbei.")
    d.shot("taken_poland_panel_de")
