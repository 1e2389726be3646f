"""A teacher's scenario whose player is Poland (tests/data/poland.yaml): every report format,
compare and simulate name Poland, and the game adds no word of the USSR and no line of an
essay the scenario does not have. The default scenario still says "the USSR".

The Poland scenario itself speaks of the USSR (its neighbour). To prove that no such word
comes from the game, the checks run on a copy whose own mentions are masked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[1]
POLAND = ROOT / "tests" / "data" / "poland.yaml"
USSR_SCENARIO = ROOT / "scenarios" / "ussr_1928_1941.yaml"
FORBIDDEN = re.compile(r"USSR|Soviet|Stalin|(?i:the essay|essay's|: none\b|\bnone\.)")
"""Case-sensitive for the names (a scenario's ids are lower case: nazi_soviet_pact)."""
MASKS = {"USSR": "Eastern Neighbour", "Soviet": "Eastern", "Stalin": "the Leader",
         "Moscow": "the eastern capital"}


def masked_poland(folder: Path) -> Path:
    """poland.yaml with its own mentions of the USSR masked (ids stay: they are lower case)."""
    text = POLAND.read_text(encoding="utf-8")
    for word, mask in MASKS.items():
        text = text.replace(word, mask)
    path = folder / "poland.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def outputs(capsys: pytest.CaptureFixture[str], scenario: Path, saves: Path) -> dict[str, str]:
    """Every text a teacher reads of this scenario: simulate, report in four formats for a
    historical and a random game, compare in three formats."""
    out = {"simulate": run(capsys, "simulate", "--scenario", str(scenario), "--policy",
                           "history", "--runs", "1", "--saves", str(saves))}
    out["simulate random"] = run(capsys, "simulate", "--scenario", str(scenario), "--policy",
                                 "random", "--runs", "3", "--seed", "7", "--saves", str(saves))
    files = sorted(saves.glob("*.json"))
    assert len(files) >= 2
    for save in (files[0], files[-1]):
        for fmt in ("html", "md", "csv", "json"):
            out[f"report {fmt} {save.name}"] = run(capsys, "report", str(save), "--format", fmt,
                                                   "-o", "-")
    for fmt in ("md", "html", "csv"):
        out[f"compare {fmt}"] = run(capsys, "compare", str(saves), "--format", fmt)
    return out


def test_every_teacher_output_names_poland_and_never_the_ussr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = masked_poland(tmp_path)
    out = outputs(capsys, scenario, tmp_path / "saves")
    for name, text in out.items():
        found = FORBIDDEN.search(re.sub(r"<style>.*?</style>", "", text, flags=re.S))
        assert found is None, f"{name}: {found.string[max(0, found.start() - 120):][:200]!r}"
    for name in ("report md", "report html", "compare md", "compare html"):
        texts = [t for k, t in out.items() if k.startswith(name)]
        assert texts and all("Poland" in t for t in texts), name
    md = next(t for k, t in out.items() if k.startswith("report md"))
    assert "leading Poland" in md and "beside Poland's" in md
    assert "What Poland did" in out["compare md"] and "(as Poland)" in out["compare md"]


def test_the_real_poland_scenario_names_poland_as_the_player(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unmasked: the USSR appears only as the neighbour the scenario names, never as the
    player's state."""
    out = outputs(capsys, POLAND, tmp_path / "saves")
    wrong = re.compile(r"the USSR's|as the USSR|USSR did|leading the USSR|the USSR in history"
                       r"|essay's verdict|the essay", re.IGNORECASE)
    for name, text in out.items():
        assert wrong.search(text) is None, name
    assert "What Poland did" in out["compare md"]


def test_the_default_scenario_still_says_the_ussr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = outputs(capsys, USSR_SCENARIO, tmp_path / "saves")
    md = next(t for k, t in out.items() if k.startswith("report md"))
    assert "leading the USSR" in md and "beside the USSR's" in md
    assert "essay" in md
    assert "What the USSR did" in out["compare md"] and "(as the USSR)" in out["compare md"]
    assert "What the USSR did" in out["compare html"]
