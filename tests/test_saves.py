"""Saves: they replay to the same state, survive a crash mid-write, and bad ones get a message."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.core.policies import POLICIES, play_game
from game.saves import SaveError, read_save_data, replay_save, write_save
from game.scenario.loader import load_from_bytes, load_scenario
from tests.conftest import MINI, ROOT


@pytest.fixture(scope="module")
def game():  # type: ignore[no-untyped-def]
    rules = load_scenario(MINI).rules
    # The first random game that wooed Germany (a move a changed scenario can refuse).
    return next(g for g in (play_game(rules, POLICIES["random"], seed=s) for s in range(200))
                if "take woo_germany" in g.moves)


def test_a_save_replays_to_the_same_state(tmp_path: Path, game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.json"
    write_save(path, game, player="Ana")
    data = read_save_data(path)
    loaded = replay_save(data, game.rules, str(path))
    assert loaded.state == game and not loaded.warnings and data.player == "Ana"


@pytest.mark.parametrize("content, message", [
    (b"", "not a save, or a damaged one"),
    (b"\x89PNG\r\n", "not a save, or a damaged one"),
    (b'{"format": "something else"}', "not a Statecraft save"),
    (b'{"format": "statecraft-save", "version": 99}', "newer version"),
    (b'{"format": "statecraft-save", "version": 1, "scenario_id": 3}', "damaged save"),
    (b"[" * 100000, "not a save"),
    (b'{"format": "statecraft-save", "version": 1, "scenario_id": "x", "scenario_hash": "h", '
     b'"seed": 0, "moves": [], "saved_at": 1e20}', "damaged save"),
])
def test_a_broken_save_gets_a_message_naming_the_file(tmp_path: Path, content: bytes,
                                                      message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(SaveError) as info:
        read_save_data(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_a_hand_edited_move_is_reported_not_a_crash(tmp_path: Path, game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "edited.json"
    write_save(path, game)
    obj = json.loads(path.read_text())
    obj["moves"][0] = "take launch_rockets"
    path.write_text(json.dumps(obj))
    with pytest.raises(SaveError, match="move 1"):
        replay_save(read_save_data(path), game.rules, str(path))


def test_a_save_of_another_scenario_is_refused(tmp_path: Path, game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.json"
    write_save(path, game)
    other = load_scenario(ROOT / "scenarios" / "template.yaml").rules
    with pytest.raises(SaveError, match="is for scenario 'mini'"):
        replay_save(read_save_data(path), other, str(path))


def test_a_changed_scenario_keeps_the_decisions_that_still_apply(tmp_path: Path, game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.json"
    write_save(path, game)
    text = MINI.read_text(encoding="utf-8")
    # The teacher changes a number after the game was saved.
    changed = load_from_bytes(text.replace("start: 50\n    per_turn", "start: 55\n    per_turn")
                              .encode(), "mini.yaml").rules
    loaded = replay_save(read_save_data(path), changed, str(path))
    assert loaded.warnings and "changed" in loaded.warnings[0]
    assert loaded.dropped == 0 and loaded.state.moves == game.moves
    assert loaded.state.aims != game.aims


def test_a_changed_scenario_drops_only_what_no_longer_fits(tmp_path: Path, game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.json"
    write_save(path, game)
    text = MINI.read_text(encoding="utf-8")
    # Germany is now cold from the start, so wooing it is no longer possible.
    changed = load_from_bytes(text.replace("relation: 20\n", "relation: -50\n").encode(),
                              "mini.yaml").rules
    loaded = replay_save(read_save_data(path), changed, str(path))
    woo = game.moves.count("take woo_germany")
    assert woo and loaded.dropped >= 1
    assert loaded.state.moves.count("end") == game.moves.count("end")


CRASH = """
import os, sys, time
from game.atomic import write_atomic
real_replace = os.replace
def slow_replace(a, b):
    print("ready", flush=True)
    time.sleep(30)
    real_replace(a, b)
os.replace = slow_replace
write_atomic(sys.argv[1], "new content " * 1000)
"""


def test_a_kill_mid_save_leaves_the_old_save_whole(tmp_path: Path) -> None:
    path = tmp_path / "slot.json"
    path.write_text("the good old save")
    child = subprocess.Popen([sys.executable, "-c", CRASH, str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"  # the new file is written, not yet in place
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert path.read_text() == "the good old save"


def test_a_failing_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "slot.json"
    path.write_text("old")

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SaveError, match="No space left"):
        write_save(path, game)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]
