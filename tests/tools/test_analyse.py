"""`analyse SAVE`: the text and the JSON, the same on one process or two and in another process,
the games and continuations printed, the progress bar, and the refusals (no decision yet, not
a save)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.core.engine import new_game
from game.core.policies import history_with, play_game
from game.saves import write_save
from game.scenario.loader import load_scenario
from tests.conftest import DATA, ROOT

ANALYSIS = DATA / "analysis.yaml"


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A game that took the rash road at the crossroads."""
    rules = load_scenario(ANALYSIS).rules
    state = play_game(rules, history_with({"crossroads": "rash", "fork": "right"}), seed=3)
    path = tmp_path_factory.mktemp("analyse") / "rash.json"
    write_save(path, state, "Ada", str(ANALYSIS))
    return path


def analyse_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["analyse", "--json", *args]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_the_json_is_the_same_on_one_process_or_two_and_in_another_process(
        save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = analyse_json(capsys, str(save), "--games", "12", "--jobs", "1")
    two = analyse_json(capsys, str(save), "--games", "12", "--jobs", "2")
    assert one == two
    done = subprocess.run([sys.executable, "main.py", "analyse", str(save), "--json",
                           "--games", "12"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "LANGUAGE": "en"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == one
    other = analyse_json(capsys, str(save), "--games", "12", "--seed", "1")
    assert other != one and other["seed"] == 1


def test_the_json_says_what_was_played_and_finds_the_rash_road(
        save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = analyse_json(capsys, str(save), "--games", "16")
    assert data["format"] == "statecraft-analysis" and data["games_per_choice"] == 16
    assert [c["id"] for c in data["continuations"]] == ["own", "history"]
    assert data["turning_points_from"] == "own"
    assert data["games_played"] == 16 * (2 + 2 * (3 + 2 + 2 + 2))
    first = data["turning_points"][0]
    assert first["event"] == "crossroads" and first["better"] is False
    assert first["difference"] < 0 and first["interval_95"][1] < 0
    assert any("The safe road would likely have done better" in line for line in first["text"])
    assert [p["decision"] for p in data["curves"]["own"]] == [None, 0, 1, 2, 3]
    chosen = data["decisions"][0]["by_continuation"]["own"]["choices"][1]
    assert chosen["choice"] == "rash" and chosen["against_chosen"]["difference"] == 0


def test_the_text_names_the_games_the_continuation_and_the_turning_points(
        save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", str(save), "--games", "10", "--continuation", "history"]) == 0
    out = capsys.readouterr().out
    assert "10 games for each choice of each of your 4 decisions" in out
    assert "history afterwards" in out and "your own play afterwards" not in out
    assert "Expected score across the game" in out
    assert "The turning point (history afterwards):" in out
    assert "The USSR chose: The safe road." in out


def test_the_progress_bar_goes_to_stderr_only(save: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", str(save), "--games", "4", "--json", "--progress"]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)
    assert "[####" in captured.err and "games" in captured.err
    assert main(["analyse", str(save), "--games", "4"]) == 0
    assert capsys.readouterr().err == ""  # not a terminal, no --progress: no bar


def test_a_game_with_no_answer_yet_and_a_file_that_is_no_save(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = load_scenario(ANALYSIS).rules
    early = tmp_path / "early.json"
    write_save(early, new_game(rules, 1), "Boris", str(ANALYSIS))
    assert main(["analyse", str(early)]) == 1
    assert "no event was answered in this game" in capsys.readouterr().err
    junk = tmp_path / "junk.json"
    junk.write_text("{}", encoding="utf-8")
    assert main(["analyse", str(junk)]) == 1
    assert "not a Statecraft save" in capsys.readouterr().err
    assert main(["analyse", str(tmp_path / "missing.json")]) == 1
    assert "missing.json" in capsys.readouterr().err
