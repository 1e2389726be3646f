"""The turning points in the teacher tools: ``report SAVE --analysis`` (HTML, Markdown, JSON)
and ``compare --analysis`` (the turning points most of the class shared and the decisions
where it split, each with a debrief question that points to its history note)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.core.policies import history_with, play_game
from game.reports.class_turning_points import (
    GameTurningPoints,
    class_turning_points,
)
from game.saves import write_save
from game.scenario.loader import load_scenario
from tests.conftest import DATA

ANALYSIS = DATA / "analysis.yaml"

CLASS = [  # (name, crossroads, fork, seed)
    ("Ada", "rash", "right", 1), ("Boris", "rash", "left", 2), ("Chloe", "rash", "right", 3),
    ("Dmitri", "rash", "left", 4), ("Eve", "wise", "right", 5), ("Farid", "wise", "left", 6)]


@pytest.fixture(scope="module")
def class_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six students: four took the rash road; the class split at the fork."""
    rules = load_scenario(ANALYSIS).rules
    folder = tmp_path_factory.mktemp("class")
    for name, road, fork, seed in CLASS:
        state = play_game(rules, history_with({"crossroads": road, "fork": fork}), seed=seed)
        write_save(folder / f"{name}.json", state, name, str(ANALYSIS))
    return folder


def test_the_report_gets_a_turning_points_section_only_when_asked(
        class_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = class_dir / "Ada.json"
    plain, with_tp = tmp_path / "plain.html", tmp_path / "tp.html"
    assert main(["report", str(save), "-o", str(plain)]) == 0
    assert main(["report", str(save), "--analysis", "-o", str(with_tp)]) == 0
    assert 'id="turning-points"' not in plain.read_text()
    html = with_tp.read_text()
    section = html[html.index('<section id="turning-points"'):]
    assert section.index("</section>") < section.index('<section id="events"')
    assert "<svg" in section and "A crossroads" in section
    assert "The safe road would likely have done better" in section
    assert "200 games for each choice" in section
    assert "The safe road was taken." in section  # the history note
    md = tmp_path / "tp.md"
    assert main(["report", str(save), "--analysis", "-o", str(md)]) == 0
    text = md.read_text()
    assert text.index("## Turning points: what your decisions changed") < text.index(
        "## What happened")
    assert "Expected score across the game" in text
    out = tmp_path / "tp.json"
    assert main(["report", str(save), "--analysis", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["analysis"]["format"] == "statecraft-analysis"
    assert data["analysis"]["turning_points"][0]["event"] == "crossroads"
    capsys.readouterr()
    assert main(["report", str(save), "--analysis", "--format", "csv", "-o",
                 str(tmp_path / "x.csv")]) == 0
    assert "html, md and json reports only" in capsys.readouterr().err


def compare_md(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["compare", *args]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.out


def test_compare_lists_the_shared_turning_points_and_the_splits_with_questions(
        class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = compare_md(capsys, str(class_dir))
    assert "Turning points of the class" not in plain
    text = compare_md(capsys, str(class_dir), "--analysis", "--jobs", "2")
    section = text[text.index("# Turning points of the class"):]
    shared = section[section.index("## The turning points the class shared"):
                     section.index("## Where the class split")]
    first = shared.split("\n\n")[1]
    assert first.startswith("1. **Jul 1930: A crossroads: a turning point in ")
    assert "4 for the worse" in first
    assert "Lost ground with: The rash road (4)" in first
    assert "Debrief: 4 of you lost ground here with The rash road" in first
    assert "\u201cThe safe road was taken.\u201d" in first  # the history note, quoted
    splits = section[section.index("## Where the class split"):]
    assert "A fork in the road: 6 games answered: Left (3), Right (3)." in splits
    assert "ask one student from each side (Left / Right)" in splits
    assert "Left was taken; right would have done as well." in splits
    # The same on one process, and in HTML.
    assert compare_md(capsys, str(class_dir), "--analysis", "--jobs", "1") == text
    html = compare_md(capsys, str(class_dir), "--analysis", "--format", "html")
    assert html.index('<section class="turning-points">') < html.index("<footer>")
    assert "Debrief: 4 of you lost ground here" in html


def test_a_turning_point_of_one_game_is_not_the_class_s() -> None:
    rules = load_scenario(ANALYSIS).rules
    one = GameTurningPoints((("crossroads", "rash", "wise", False, 11.0),),
                            (("crossroads", "wise", 50.0), ("crossroads", "rash", 39.0)),
                            (("crossroads", "rash"), ("fork", "left")))
    other = GameTurningPoints((), (("crossroads", "wise", 50.0),),
                              (("crossroads", "wise"), ("fork", "left")))
    view = class_turning_points(rules, [one, other, other, other])
    assert view.shared == ()
    # Three of four chose alike at the crossroads and all at the fork: no split.
    assert view.splits == ()
    split = class_turning_points(rules, [one, other])
    assert [s.title for s in split.splits] == ["A crossroads"]
    assert "Expected final score of each choice" in split.splits[0].lines[1]
