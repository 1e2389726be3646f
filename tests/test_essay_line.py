"""A history note the essay does not judge gives its reason, which names the essay itself
("The essay does not discuss the 1939 talks"): it is not labelled "The essay:" again
(play-test, German: "Der Aufsatz: Der Aufsatz behandelt ... nicht")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game import i18n
from game.core.scenario import HistoryNote
from game.present.history_note import essay_line
from game.scenario.loader import load_scenario
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_reason_that_names_the_essay_is_not_labelled_with_it(lang: str) -> None:
    i18n.set_language(lang)
    scenario = load_scenario(ROOT / "scenarios" / "ussr_1928_1941.yaml").scenario
    lines = [essay_line(item.history) for items in (scenario.actions, scenario.events)
             for item in items if item.history and item.history.verdict == "not_in_essay"]
    lines = [line for line in lines if line]
    assert len(lines) > 10
    label = i18n._("The essay: {reason}").format(reason="")
    word = i18n._("essay")
    doubled = [line for line in lines if line.startswith(label)
               and word.casefold() in line[len(label):].casefold()]
    assert doubled == []


def test_a_reason_that_does_not_name_the_essay_keeps_its_label() -> None:
    note = HistoryNote(date="1939", text="Talks.", verdict="not_in_essay", source="Carley (1999)",
                       reason="Not discussed at all.")
    assert essay_line(note) == "The essay: Not discussed at all."
    note = HistoryNote(date="1939", text="Talks.", verdict="not_in_essay", source="Carley (1999)",
                       reason="The essay does not discuss the talks.")
    assert essay_line(note) == "The essay does not discuss the talks."
