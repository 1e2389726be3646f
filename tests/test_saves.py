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


# -- insane content, files that are not files, and temporaries left by killed saves ---------

def _record(**changes: object) -> bytes:
    obj: dict[str, object] = {"format": "statecraft-save", "version": 1, "scenario_id": "mini",
                              "scenario_hash": "h", "seed": 0, "moves": ["end"],
                              "player": "Ana"}
    obj.update(changes)
    return json.dumps(obj).encode()


@pytest.mark.parametrize("content, message", [
    (_record(seed=0).replace(b'"seed": 0', b'"seed": ' + b"7" * 4301), "digits"),
    (_record(seed=0).replace(b'"seed": 0', b'"seed": ' + b"7" * 41), "digits"),
    (_record(seed=2**64), "seed"),
    (_record(seed=-(2**63) - 1), "seed"),
    (_record(turn=10**9), "turn"),
    (_record(player="\ud800"), "player"),
    (_record(player="Ana\x1b[2J\x1b[H"), "control character"),
    (_record(player="A\u202eevil"), "control character"),
    (_record(player="x" * 1000), "player"),
    (_record(scenario_title="y" * 100_000), "scenario_title"),
    (_record(moves=["end\x00"]), "moves"),
    (_record(moves=["take " + "x" * 10_000]), "moves"),
    (_record(moves="end"), "moves"),
    (_record(saved_at=1).replace(b'"saved_at": 1', b'"saved_at": NaN'), "not a number"),
    (_record(saved_at=1).replace(b'"saved_at": 1', b'"saved_at": Infinity'), "not a number"),
    (_record(saved_at=1).replace(b'"saved_at": 1', b'"saved_at": 1e999'), "saved_at"),
    (_record(version=True), "version"),
    (b"\xef\xbb\xbf" + b"\xff" * 10, "not UTF-8"),
    (b'{"a": ' * 50_000, "not a save"),
])
def test_insane_content_gets_a_sentence(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "insane.json"
    path.write_bytes(content)
    with pytest.raises(SaveError) as info:
        read_save_data(path)
    assert str(path) in str(info.value) and message in str(info.value), str(info.value)


def test_every_kind_of_damage_is_a_save_error(tmp_path: Path) -> None:
    """Whatever bytes a save holds, reading it raises SaveError or gives a record."""
    import random

    good = _record()
    rng = random.Random(7)
    path = tmp_path / "fuzz.json"
    for _ in range(400):
        data = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        try:
            read_save_data(path)
        except SaveError:
            pass


def test_what_is_written_reads_back_even_with_a_hostile_player_name(tmp_path: Path,
                                                                     game) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.json"
    write_save(path, game, player="Ana\x1b[2J\x00\ud800\u202e" + "x" * 500)
    data = read_save_data(path)
    assert data.player.startswith("Ana") and "\x1b" not in data.player
    assert len(data.player) <= 100


def test_a_seed_outside_64_bits_is_not_saved(tmp_path: Path) -> None:
    from game.core.engine import new_game

    state = new_game(load_scenario(MINI).rules, 2**70)
    with pytest.raises(SaveError, match="seed"):
        write_save(tmp_path / "a.json", state)
    assert not (tmp_path / "a.json").exists()


def test_same_game_is_a_prefix_of_moves_on_one_scenario_and_seed() -> None:
    from game.saves import SaveData, same_game

    def rec(moves: list[str], seed: int = 0, scenario: str = "mini") -> SaveData:
        return SaveData.model_validate(json.loads(_record(moves=moves, seed=seed,
                                                          scenario_id=scenario)))

    assert same_game(rec(["end"]), rec(["end", "take a"]))
    assert same_game(rec(["end", "take a"]), rec(["end"]))
    assert not same_game(rec(["end", "take a"]), rec(["end", "take b"]))
    assert not same_game(rec(["end"]), rec(["end"], seed=1))
    assert not same_game(rec(["end"]), rec(["end"], scenario="other"))


def _in_time(fn, seconds: float = 20.0) -> object:  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread; fail (instead of hanging the tests) if it blocks."""
    import threading

    out: list[object] = []

    def run() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "blocked: it read a FIFO or a device"
    return out[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_where_a_save_is_expected_gives_a_message(tmp_path: Path) -> None:
    path = tmp_path / "fifo.json"
    os.mkfifo(path)
    result = _in_time(lambda: read_save_data(path))
    assert isinstance(result, SaveError) and "regular file" in str(result)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_where_a_save_is_expected_gives_a_message(tmp_path: Path) -> None:
    path = tmp_path / "zero.json"
    path.symlink_to("/dev/zero")
    result = _in_time(lambda: read_save_data(path))
    assert isinstance(result, SaveError) and "regular file" in str(result)


def test_a_save_larger_than_the_cap_is_refused_unread(tmp_path: Path) -> None:
    from game.saves import MAX_SAVE_BYTES

    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(MAX_SAVE_BYTES + 1)
    with pytest.raises(SaveError, match="allowed"):
        read_save_data(path)


def _age(path: Path, seconds: float) -> None:
    import time

    t = time.time() - seconds
    os.utime(path, (t, t))


def test_stale_temporaries_of_killed_saves_are_removed(tmp_path: Path, game) -> None:  # type: ignore[no-untyped-def]
    from game.atomic import STALE_SECONDS

    stale = [tmp_path / ".slot.json.abcd1234.tmp", tmp_path / ".other.json.zz_9yy8x.tmp"]
    for p in stale:
        p.write_bytes(b"x" * 1000)
        _age(p, STALE_SECONDS + 60)
    fresh = tmp_path / ".slot.json.fresh123.tmp"  # another game writing right now
    fresh.write_bytes(b"x")
    theirs = [tmp_path / ".notes.tmp", tmp_path / "slot.json.abcd1234.tmp",
              tmp_path / ".slot.json.abcd1234.tmp.bak"]  # not our pattern: never touched
    for p in theirs:
        p.write_bytes(b"x")
        _age(p, STALE_SECONDS + 60)
    write_save(tmp_path / "slot.json", game)
    assert not any(p.exists() for p in stale)
    assert fresh.exists() and all(p.exists() for p in theirs)


def test_a_killed_save_leaves_nothing_for_long(tmp_path: Path) -> None:
    """Kill saves mid-write; the temporaries they leave are cleaned once stale, the save is
    whole."""
    from game.ui.session import list_saves

    path = tmp_path / "slot.json"
    path.write_text("the good old save")
    for _ in range(3):
        child = subprocess.Popen([sys.executable, "-c", CRASH, str(path)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(left) == 3
    list_saves(tmp_path)
    assert len([p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]) == 3  # too fresh
    for p in left:
        _age(p, 24 * 3600)
    list_saves(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slot.json"]
    assert path.read_text() == "the good old save"
