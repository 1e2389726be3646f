"""`compare`: the class at a glance, in every format, with bad files mixed in."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.core.policies import POLICIES, historical_game, play_game
from game.reports.classview import class_view, game_facts
from game.reports.saveset import ScenarioFinder, Skipped, collect_files, open_saves
from game.saves import LoadedSave, write_save
from game.scenario.loader import load_scenario
from game.tools.report import write_report
from tests.conftest import MINI
from tests.tools.scenarios import clean_data, write


def compare(capsys: pytest.CaptureFixture[str], *args: str,
            status: int = 0) -> tuple[str, str]:
    assert main(["compare", *args]) == status
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.out, captured.err


def loaded(folder: Path) -> list[LoadedSave]:
    files, skipped = collect_files([str(folder)])
    assert not skipped
    games = [g for g in open_saves(files, ScenarioFinder()) if isinstance(g, LoadedSave)]
    assert len(games) == len(files)
    return games


def test_the_class_view_counts_what_the_class_did(class_dir: Path) -> None:
    games = loaded(class_dir)
    assert len(games) >= 30
    rules = games[0].state.rules
    view = class_view(rules, [game_facts(g) for g in games])
    hist = historical_game(rules)
    assert view.games == len(games) and view.unfinished == 1
    assert sum(e.games for e in view.endings) == view.finished == len(games) - 1
    assert [e.id for e in view.endings if e.historical] == [rules.endings[hist.ending_index].id]
    crisis = next(t for t in view.decisions if t.id == "crisis")
    k = rules.event_index["crisis"]
    for option in crisis.options:
        if option.label in ("Yield", "Defy"):
            index = 0 if option.label == "Yield" else 1
            assert option.games == sum(1 for g in games if g.state.choices[k] == index)
    assert crisis.history == "Yield"
    assert [o.label for o in crisis.options if o.historical] == ["Yield"]
    pact = next(t for t in view.decisions if t.id == "pact_finland")
    assert pact.history == "took it (1930-04)"
    # History's own games are the closest; each aim's spread contains history or not.
    assert view.students[0].distance == 0.0
    assert view.students[0].same_decisions == view.students[0].decisions
    assert view.students[-1].distance == max(s.distance for s in view.students)
    for a in view.aims:
        assert a.min <= a.median <= a.max and a.games == view.finished


def test_markdown_shows_the_class_at_a_glance(class_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out, err = compare(capsys, str(class_dir))
    assert err == ""
    for heading in ("# The class at a glance: Mini test scenario", "## Endings",
                    "## Decisions, beside what the USSR did", "## Aims at the end, against history",
                    "## Closest to history", "## Furthest from history"):
        assert heading in out
    assert "32 games of scenario 'mini' (31 finished, 1 not finished)." in out
    assert "| A crisis |" in out and "(as the USSR)" in out
    assert "Ada 0" in out and str(class_dir) in out
    closest = out.split("## Closest to history")[1].split("##")[0]
    assert "| 0.0 |" in closest


def test_anonymise_hides_names_and_files(class_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("md", "html", "csv"):
        out, _ = compare(capsys, str(class_dir), "--anonymise", "--format", fmt)
        assert "Student 1" in out and "Student 32" in out
        assert "Ada" not in out and "Late Student" not in out
        assert str(class_dir) not in out and ".json" not in out


def test_csv_has_one_row_per_game(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = compare(capsys, str(class_dir), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 32
    # Readable headers (names, not ids), endings by title, yes/no, files by name.
    assert {"Student", "File", "Ending", "Finished", "Score", "Distance from history",
            "Security", "Security against history", "A crisis",
            "Pact with Finland"} <= set(rows[0])
    assert {r["A crisis"] for r in rows} <= {"Yield", "Defy", "did not happen", "not answered"}
    assert rows[0]["Distance from history"] == "0.0"
    assert {r["Finished"] for r in rows} == {"yes", "no"}
    assert {r["Ending"] for r in rows} >= {"Safe"} and "safe" not in {r["Ending"] for r in rows}
    assert all("/" not in r["File"] and r["File"].endswith(".json") for r in rows)
    assert "True" not in out and "False" not in out


def test_html_is_offline_and_escaped(class_dir: Path, hostile_save: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "class.html"
    _, err = compare(capsys, str(class_dir), str(hostile_save), "-o", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    for section in ("endings", "decisions", "aims", "closest", "students"):
        assert f'<section id="{section}">' in text
    assert "<script" not in text and "&lt;script&gt;steal()" in text
    assert "note: the saves are of 2 scenarios (mini, mini_hostile)" in err


def test_a_formula_as_a_name_stays_text_in_csv(hostile_save: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = compare(capsys, str(hostile_save), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["Student"].startswith("<script>")
    assert row["File"] == hostile_save.name
    out, _ = compare(capsys, str(hostile_save), "--format", "csv", "--anonymise")
    assert "=1+1" not in out


def test_saves_of_several_scenarios_are_grouped(class_dir: Path, hostile_save: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out, err = compare(capsys, str(class_dir / "00-random.json"), str(hostile_save),
                       "--anonymise")
    assert out.count("# The class at a glance:") == 2
    assert "each is compared on its own" in err
    assert "Student 1" in out and "Student 2" in out


def test_a_save_of_another_scenario_is_left_out_with_scenario(
        class_dir: Path, hostile_save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = compare(capsys, str(class_dir / "00-random.json"), str(hostile_save),
                       "--scenario", str(MINI), status=1)
    assert f"skipped {hostile_save}: this save is for scenario" in err
    assert out.count("# The class at a glance:") == 1 and "1 game of scenario 'mini'" in out


def test_broken_files_mixed_in(class_dir: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(class_dir, folder)
    (folder / "zz-garbage.json").write_bytes(b"\x00\xff not json")
    (folder / "zz-truncated.json").write_text((folder / "00-random.json").read_text()[:60])
    (folder / "zz-other.json").write_text('{"hello": 1}')
    moves = (folder / "01-random.json").read_text().replace('"end"', '"take nothing"', 1)
    (folder / "zz-edited.json").write_text(moves)
    (folder / "notes.txt").write_text("not a save, not looked at")
    (folder / ".hidden.json").write_text("x")
    write_report(folder / "00-random.json", folder / "00-random-report.json", "json")
    out, err = compare(capsys, str(folder), status=1)
    lines = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert len(lines) == 4, err
    assert f"skipped {folder / 'zz-garbage.json'}: not a save, or a damaged one" in err
    assert f"skipped {folder / 'zz-truncated.json'}: not a save, or a damaged one" in err
    assert f"skipped {folder / 'zz-other.json'}: not a Statecraft save" in err
    assert f"skipped {folder / 'zz-edited.json'}: damaged save: move" in err
    assert "4 file(s) or folder(s) left out; the rest were compared" in err
    assert "32 games of scenario 'mini'" in out


def test_an_empty_folder_and_a_missing_path(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    _, err = compare(capsys, str(empty), str(tmp_path / "missing"), status=1)
    assert f"skipped {empty}: no saves in this folder" in err
    assert f"skipped {tmp_path / 'missing'}: no such file or folder" in err
    assert "no saved games to compare" in err


def test_an_unwritable_output(class_dir: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _, err = compare(capsys, str(class_dir), "-o", str(blocker / "class.md"), status=1)
    assert f"{blocker / 'class.md'}: cannot write the comparison" in err


def test_a_changed_scenario_is_noted_and_the_games_still_compared(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, clean_data(), "s.yaml")
    state = play_game(load_scenario(path).rules, POLICIES["history"], seed=0)
    write_save(tmp_path / "game.json", state, "Ada", str(path))
    changed = clean_data()
    changed["description"] = "Edited after the class played."
    write(tmp_path, changed, "s.yaml")
    out, err = compare(capsys, str(tmp_path / "game.json"))
    assert "has changed since this game was saved" in err
    assert "1 game of scenario 'mini'" in out


def test_collect_files_keeps_order_and_drops_duplicates(class_dir: Path) -> None:
    one = class_dir / "03-random.json"
    files, skipped = collect_files([str(one), str(class_dir), str(one)])
    assert files[0] == one and len(files) == 32 and skipped == []
    assert not any(isinstance(x, Skipped) for x in open_saves(files[:3], ScenarioFinder()))


def test_each_student_has_a_policy_verdict_and_dates_read_as_months(
        class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.core.scoring import stance

    games = loaded(class_dir)
    verdicts = {g.data.player: stance(g.state).verdict for g in games}
    assert all(verdicts.values())
    out, _ = compare(capsys, str(class_dir))
    everyone = out.split("## Every game, closest to history first")[1]
    for name, verdict in verdicts.items():
        line = next(x for x in everyone.splitlines() if x.startswith(f"| {name} |"))
        assert f", {verdict} |" in line, line
    decisions = out.split("## Decisions, beside what the USSR did")[1].split("\n## ")[0]
    assert "took it (Apr 1930)" in decisions and "1930-04" not in decisions
    html_out, _ = compare(capsys, str(class_dir), "--format", "html")
    assert "<th>Policy</th>" in html_out and "took it (Apr&nbsp;1930)" in html_out
    rows = list(csv.DictReader(io.StringIO(compare(capsys, str(class_dir), "--format",
                                                   "csv")[0])))
    assert {r["Policy"] for r in rows} <= set(verdicts.values())
    assert all(r["Policy"] for r in rows)
