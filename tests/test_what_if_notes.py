"""A what-if is said in a history note's text, never in its source (play-test): a source is
not translated, so "the game's own assumption" in the road to war's sources was English in
every German history note. The source names works; that a branch did not happen, and that
the game assumes what follows, is text, and a translation says it in its language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from game import i18n
from game.core.scenario import HistoryNote, Scenario
from game.present.history_note import note_paragraphs
from game.scenario.loader import load_scenario
from tests.conftest import ROOT, bundled_scenarios

ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"

NOT_A_SOURCE = re.compile(r"assum|what[- ]?if|did not happen|not (?:a )?historical|"
                          r"\bthe game'?s\b|\bthe scenario'?s own\b|designer", re.IGNORECASE)
"""Words that say a note is a what-if or the game's own idea: they belong in its text."""

ENGLISH = re.compile(r"\b(?:assumption|what[- ]if|the game'?s|did not happen|historically|"
                     r"own)\b", re.IGNORECASE)
"""English a what-if note says; a German note shows none of it."""


def _notes(node: object, where: str) -> Iterator[tuple[str, HistoryNote]]:
    """Every history note in a scenario's models, with where it is ("events[munich]")."""
    if isinstance(node, HistoryNote):
        yield where, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _notes(getattr(node, name), f"{where}.{name}".lstrip("."))
    elif isinstance(node, (list, tuple)):
        for k, item in enumerate(node):
            yield from _notes(item, f"{where}[{getattr(item, 'id', k)}]")


def _scenario(path: Path) -> Scenario:
    return load_scenario(path, translate=False).rules.scenario


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_no_source_says_a_what_if_or_an_assumption(path: Path) -> None:
    bad = [f"{where}: {note.source}" for where, note in _notes(_scenario(path), "")
           if NOT_A_SOURCE.search(note.source)]
    assert not bad, "say these in the note's text, not in its source:\n" + "\n".join(bad)


def _what_ifs() -> list[str]:
    """The road to war's events whose note is a what-if (its text says it is assumed)."""
    return [e.id for e in _scenario(ROAD).events
            if e.history is not None and re.search(r"assum|what if", e.history.text, re.I)]


def test_the_road_to_war_has_its_what_ifs() -> None:
    assert len(_what_ifs()) >= 17


def test_every_what_if_of_the_road_to_war_says_so_in_its_text() -> None:
    notes = {e.id: e.history for e in _scenario(ROAD).events if e.history is not None}
    for event in _what_ifs():
        text = notes[event].text  # type: ignore[union-attr]
        assert text.startswith("What if:"), (event, text)
        assert "assum" in text, (event, text)


def test_the_german_what_if_notes_show_no_english() -> None:
    try:
        i18n.set_language("de")
        scenario = load_scenario(ROAD).rules.scenario
        by_id = {e.id: e for e in scenario.events}
        shown = {event: note_paragraphs(by_id[event].history, player=scenario.player)
                 for event in _what_ifs()}
    finally:
        i18n.set_language("en")
    for event, paragraphs in shown.items():
        text = "\n".join(t for t, _style in paragraphs)
        assert not ENGLISH.search(text), (event, text)
        assert "Quelle:" in text, (event, text)
        assert re.search(r"Annahme des Spiels|nimmt das Spiel an", text), (event, text)
        assert text.count("Was wäre, wenn:") == 1, (event, text)


BIBLIOGRAPHIC = re.compile(r"\d|^(?:eds?\.?|Avalon Project.*|Yale Law School)$")
"""What may stand in brackets in a citation: a year, a volume, an editor, an archive."""


def _citations(scenario: Scenario) -> Iterator[tuple[str, str]]:
    yield from ((where, note.source) for where, note in _notes(scenario, ""))
    for reading in scenario.readings:
        yield from ((f"readings[{reading.id}]", h.work) for h in reading.historians)
    for source in scenario.sources:
        yield f"sources[{source.id}]", source.citation


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_a_citation_holds_no_remark_in_words(path: Path) -> None:
    """A source names works only: a remark about what it is used for ("(standard
    reference)", "(losses)", ", on the rivalries in Moscow") is English in a German game,
    since sources are not translated (play-test of the German 1928-41 scenario)."""
    bad = []
    for where, citation in _citations(_scenario(path)):
        remarks = [g for g in re.findall(r"\(([^()]*)\)", citation)
                   if not BIBLIOGRAPHIC.search(g.strip())]
        if remarks or re.search(r"\), (?:on|for|about) ", citation):
            bad.append(f"{where}: {citation}")
    assert not bad, "say these in the note's text, not in its source:\n" + "\n".join(bad)
