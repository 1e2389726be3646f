"""History a teacher can cite (issue 13): every history note names a work a student can find
in a library or a stable archive, none leans on the project's own files, and the errors the
historians' check found do not come back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.core.scenario import HistoryNote, Scenario
from game.scenario.loader import load_scenario
from tests.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
ROAD_DE = ROOT / "scenarios" / "road_to_war_1938_1941.de.yaml"
BOTH = [DEFAULT, ROAD]

# A web address (intrestinghistory.ru, memim.com, ...): a mirror, blog or summary, not a work.
DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|pl|de|in|io|me|info|link|"
                    r"eth|club|space|wiki|cz|kz|za|uk|edu|gov|ua)\b", re.IGNORECASE)
# Names of mirrors and second-hand pages, with or without their address.
MIRRORS = re.compile(r"wikipedia|wikimili|everipedia|kiwix|\bwiki\b|\bblog\b|excerpt|"
                     r"chromelore|review of", re.IGNORECASE)
# Stable archives a teacher can cite even by their web address.
STABLE = re.compile(r"avalon|history\.state\.gov|office of the historian|\bfrus\b|"
                    r"foreign relations of the united states|hansard", re.IGNORECASE)
# The project's own files and assumptions are not sources.
OWN = re.compile(r"history\.md|\bthe brief\b|seeds/|shared/|product\.md|"
                 r"the game'?s (?:own )?assumption", re.IGNORECASE)
# Popular or disputed authors, never a source for a figure or a fact.
POPULAR = re.compile(r"prudnikova|strategiya pobedy|akunin|suvorov|chief culprit|icebreaker",
                     re.IGNORECASE)

# Wrong or overstated claims the check found; none may come back in any text of the scenarios.
OLD_ERRORS = [
    ("Hitler ended this", "both sides wound the military cooperation down in 1933"),
    ("closes its secret tank school", "Moscow declined to keep Kama; Germany gave up Lipetsk"),
    ("told ministries", "people's commissariats; ministries date from March 1946"),
    ("stayed away by choice", "a League founded by powers that did not recognise it never "
                              "invited Soviet Russia"),
    ("never sent troops", "no army, but about 2,000 Soviet personnel served in Spain"),
    ("rose from 6.9", "the second plan's base year 1932 made 5.9 Mt of steel"),
    ("Siberian divisions", "a popular simplification: divisions from the Far East joined "
                           "the reserves"),
    ("produced most Soviet weapons", "a popular simplification of the eastern plants' share"),
    ("two mutual assistance treaties", "there were three (France, Czechoslovakia, Mongolia)"),
    ("USSR's two mutual", "there were three (France, Czechoslovakia, Mongolia)"),
    ("Twilight of the Comintern", "Carr's title is The Twilight of Comintern"),
    ("aus Sibirien gekommen", "German text of the Siberian simplification"),
    ("sibirischen Divisionen", "German text of the Siberian simplification"),
]


def _scenario(path: Path) -> Scenario:
    return load_scenario(path, translate=False).rules.scenario


def _notes(path: Path) -> list[tuple[str, HistoryNote]]:
    scn = _scenario(path)
    notes = [(f"action {a.id}", a.history) for a in scn.actions if a.history is not None]
    notes += [(f"event {e.id}", e.history) for e in scn.events if e.history is not None]
    return notes


def _parts(source: str) -> list[str]:
    return [p.strip() for p in source.split(";") if p.strip()]


def _is_web(part: str) -> bool:
    if STABLE.search(part):
        return False
    return bool(DOMAIN.search(part) or MIRRORS.search(part))


def _flat(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.stem)
def test_every_note_cites_a_work_from_a_library_or_a_stable_archive(path: Path) -> None:
    bad = []
    for where, note in _notes(path):
        works = [p for p in _parts(note.source) if not _is_web(p) and not OWN.search(p)]
        if not works:
            bad.append(f"{where}: {note.source}")
    assert not bad, "notes citing only web pages or the game itself:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.stem)
def test_no_note_figure_or_source_cites_a_mirror_or_a_popular_author(path: Path) -> None:
    scn = _scenario(path)
    cited = [(where, part) for where, note in _notes(path) for part in _parts(note.source)]
    cited += [(f"figure {f.id}", f.source) for f in scn.figures]
    cited += [(f"source {s.id}", s.citation) for s in scn.sources]
    bad = [f"{where}: {text}" for where, text in cited
           if _is_web(text) or POPULAR.search(text)]
    assert not bad, "\n".join(bad)
    assert not [h.name for r in scn.readings for h in r.historians if POPULAR.search(h.name)]


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.stem)
def test_no_note_mentions_the_projects_own_files(path: Path) -> None:
    own = re.compile(r"history\.md|\bthe brief\b|seeds/|shared/|product\.md", re.IGNORECASE)
    bad = [where for where, note in _notes(path)
           if any(own.search(getattr(note, f)) for f in ("date", "text", "reason",
                                                            "correction", "source"))]
    assert not bad


@pytest.mark.parametrize("path", [*BOTH, ROAD_DE], ids=lambda p: p.name)
@pytest.mark.parametrize(("phrase", "why"), OLD_ERRORS, ids=[p for p, _ in OLD_ERRORS])
def test_the_old_errors_do_not_come_back(path: Path, phrase: str, why: str) -> None:
    assert phrase.lower() not in _flat(path).lower(), f"{path.name}: {phrase!r} ({why})"


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.stem)
def test_fifteen_european_states_kept_relations_at_the_end_of_1940(path: Path) -> None:
    # Norway and Belgium kept their legations in Moscow until May 1941 (FRUS 1941, vol. I).
    figures = [f for f in _scenario(path).figures if "European states" in f.name]
    assert len(figures) == 1
    values = {v.year: v.value for v in figures[0].values}
    assert values[1939] == 17 and values[1940] == 15 and values[1941] == 11


def test_the_first_plan_was_declared_fulfilled_on_7_january_1933() -> None:
    notes = dict(_notes(DEFAULT))
    note = notes["event plan_one_fulfilled"]
    assert "7 Jan 1933" in note.date and "7 January 1933" in note.text


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.stem)
def test_prague_march_1939_not_recognised_and_the_legation_kept(path: Path) -> None:
    notes = dict(_notes(path))
    text = " ".join(notes["event prague_occupied"].text.split())
    assert "refused to recognise" in text and "December 1939" in text
    assert "three mutual assistance treaties" in text


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.stem)
def test_three_readings_with_opportunism_and_internal_politics_between(path: Path) -> None:
    readings = _scenario(path).readings
    assert len(readings) == 3
    leans = sorted(r.lean for r in readings)
    assert leans[0] < leans[1] < leans[2] and leans[1] == 0
    middle = next(r for r in readings if r.lean == 0)
    names = " ".join(h.name for h in middle.historians)
    for historian in ("Ulam", "Pons", "Kotkin", "Dullin", "Watson"):
        assert historian in names


@pytest.mark.parametrize(("path", "chapters"), [
    (DEFAULT, ["cer_conflict", "katyn", "deportations_1940", "tripartite_pact",
               "molotov_berlin", "yugoslav_treaty", "legations_closed", "warnings_1941",
               "tass_statement"]),
    (ROAD, ["katyn", "deportations_1940", "baltic_deportations", "tripartite_pact",
            "molotov_in_berlin", "close_legations", "churchill_warning", "stalin_speech"]),
], ids=["default", "road_to_war"])
def test_the_chapters_a_teacher_expects_are_there(path: Path, chapters: list[str]) -> None:
    scn = _scenario(path)
    ids = {e.id for e in scn.events} | {a.id for a in scn.actions}
    assert not [c for c in chapters if c not in ids]
    if path == ROAD:
        assert "yugoslav_treaty" in ids
        warnings = " ".join(e.history.text for e in scn.events
                            if e.history is not None and e.id == "churchill_warning")
        assert "Sorge" in warnings
