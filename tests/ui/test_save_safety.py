"""Nothing a player saved is lost, and no file or folder closes, hangs or crashes the game:
save names of every alphabet, replacing another game only when asked, unreadable settings
set aside, FIFOs and links to /dev/zero, a data folder that cannot be entered, and every
problem a scenario or save can cause while starting or loading a game."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import argparse
import json
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from tests.ui.conftest import Driver, mini_path

NAMES = ["Иван", "Мария", "Zoë", "Zoé", "game.v2", "game", "CON", "a/b"]


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail a test that blocks (reading a FIFO, say) instead of hanging the run."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("blocked: something read a FIFO or a device")

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def start_mini(d: Driver, home: Path, seed: int = 0, actions: int = 0) -> None:
    d.to_title()
    d.app.settings.tutorial_done = True
    d.app.seed = seed
    assert d.app.new_game(mini_path(home))
    d.settle()
    assert d.scene() == "GameScene"
    for _ in range(actions):
        d.key(pygame.K_1)


def open_saves(d: Driver, saving: bool) -> None:
    if d.scene() != "MenuScene":
        d.key(pygame.K_ESCAPE)
    assert d.scene() == "MenuScene"
    d.click("save" if saving else "load")
    assert d.scene() == "SavesScene"


def type_name_and_save(d: Driver, name: str) -> None:
    open_saves(d, saving=True)
    assert d.top.entry is not None and d.top.entry.is_focused
    d.top.entry.set_text(name)
    d.key(pygame.K_RETURN)


def saved(home: Path, file_name: str) -> dict[str, object]:
    obj: dict[str, object] = json.loads((home / "saves" / file_name).read_text("utf-8"))
    return obj


def test_every_name_is_its_own_game_and_loads_back(make_app, home: Path) -> None:
    from game.ui.savefiles import slot_file_name

    d = make_app()
    games = {}
    for seed, name in enumerate(NAMES, start=1):
        start_mini(d, home, seed=seed, actions=seed % 3)
        type_name_and_save(d, name)
        assert d.scene() == "MenuScene", f"{name}: {[m.text for m in d.app.messages]}"
        games[name] = (seed, d.app.session.state.moves)
    files = sorted(p.name for p in (home / "saves").iterdir())
    assert files == sorted(slot_file_name(n) for n in NAMES)
    for name in NAMES:
        assert saved(home, slot_file_name(name))["seed"] == games[name][0]
    d.to_title()
    d.click("load")
    shown = [e.name for e in d.top.entries]
    assert sorted(shown) == sorted(NAMES)
    d.shot("load_names_of_every_alphabet")
    for name, (seed, moves) in games.items():
        d.to_title()
        d.click("load")
        index = next(i for i, e in enumerate(d.top.entries) if e.name == name)
        d.click(f"slot:{index}")
        d.settle()
        assert d.scene() in ("GameScene", "EventScene"), name
        assert d.app.session.seed == seed and d.app.session.state.moves == moves, name


def test_replacing_another_game_asks_first_keys(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home, seed=1, actions=1)
    type_name_and_save(d, "class test")
    assert saved(home, "class_test.json")["seed"] == 1
    start_mini(d, home, seed=2)
    type_name_and_save(d, "class test")
    assert d.scene() == "MessageScene" and d.top.title == "Replace another game?"
    assert any("another game" in line for line in d.top.lines)
    d.shot("replace_another_game")
    d.key(pygame.K_ESCAPE)  # keep it
    assert d.scene() == "SavesScene"
    assert saved(home, "class_test.json")["seed"] == 1
    d.key(pygame.K_RETURN)  # the name box still holds the name: ask again
    assert d.scene() == "MessageScene"
    d.key(pygame.K_RETURN)  # replace
    assert d.scene() == "MenuScene"
    assert saved(home, "class_test.json")["seed"] == 2


def test_replacing_another_game_asks_first_mouse(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home, seed=1)
    type_name_and_save(d, "Zoë")
    start_mini(d, home, seed=2)
    type_name_and_save(d, "Zoe\u0308")  # the same name typed another way
    assert d.scene() == "MessageScene"
    d.click("cancel")
    assert saved(home, "Zoë.json")["seed"] == 1
    d.click("save")
    d.click("replace")
    assert saved(home, "Zoë.json")["seed"] == 2


def test_the_same_game_later_is_saved_without_asking(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home, seed=3)
    type_name_and_save(d, "mine")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_1)
    type_name_and_save(d, "mine")
    assert d.scene() == "MenuScene"
    assert saved(home, "mine.json")["moves"] == list(d.app.session.state.moves)


def test_a_slot_clicked_is_the_file_written(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home, seed=1)
    d.key(pygame.K_F5)
    saves = home / "saves"
    # Files named by hand (or by an older version): "game.v2.json" beside "game.json".
    (saves / "quicksave.json").rename(saves / "game.v2.json")
    start_mini(d, home, seed=2)
    d.key(pygame.K_F5)
    (saves / "quicksave.json").rename(saves / "game.json")
    start_mini(d, home, seed=3)
    open_saves(d, saving=True)
    index = next(i for i, e in enumerate(d.top.entries) if e.path.name == "game.v2.json")
    d.click(f"slot:{index}")
    assert d.scene() == "MessageScene"  # it holds another game
    d.key(pygame.K_RETURN)
    assert saved(home, "game.v2.json")["seed"] == 3
    assert saved(home, "game.json")["seed"] == 2
    assert sorted(p.name for p in saves.iterdir()) == ["game.json", "game.v2.json"]


def test_an_empty_name_is_refused_with_a_message(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    type_name_and_save(d, "   ")
    assert d.scene() == "SavesScene"
    assert "name" in d.app.messages[-1].text
    assert not (home / "saves").exists() or not list((home / "saves").iterdir())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifos_and_devices_among_the_saves_are_listed_not_opened(make_app, home: Path,
                                                                 no_hang: None) -> None:
    d = make_app()
    start_mini(d, home)
    d.key(pygame.K_F5)
    saves = home / "saves"
    os.mkfifo(saves / "pipe.json")
    (saves / "zero.json").symlink_to("/dev/zero")
    (saves / "folder.json").mkdir()
    os.mkfifo(saves / "autosave-000009.json")
    d.key(pygame.K_ESCAPE)
    d.click("load")
    problems = {e.path.name: e.problem or "" for e in d.top.entries if e.data is None}
    assert set(problems) == {"pipe.json", "zero.json", "folder.json", "autosave-000009.json"}
    assert all("not a regular file" in p for p in problems.values())
    index = next(i for i, e in enumerate(d.top.entries) if e.path.name == "pipe.json")
    d.click(f"slot:{index}")
    assert d.scene() == "SavesScene" and "regular file" in d.app.messages[-1].text
    d.to_title()
    # The newest autosave is a FIFO: Continue never opens it, and opens the newest save that
    # can be read (the quick save; it used to stop at the FIFO, issue 12 item 7).
    d.click("continue")
    d.settle()
    assert d.scene() == "GameScene"
    assert "Loaded quicksave" in " ".join(m.text for m in d.app.messages)
    d.to_title()
    (saves / "quicksave.json").unlink()
    (saves / "quicksave.json").symlink_to("/dev/zero")
    start_mini(d, home)
    d.key(pygame.K_F9)
    assert d.scene() == "GameScene" and "regular file" in d.app.messages[-1].text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_the_settings_file_is_set_aside(make_app, home: Path, no_hang: None) -> None:
    config = home / "config"
    config.mkdir()
    os.mkfifo(config / "settings.json")
    d = make_app()
    assert any("settings" in m.text and "kept as" in m.text for m in d.app.messages)
    d.shot("settings_fifo", keep_messages=True)
    aside = [p for p in config.iterdir() if p.name.startswith("settings.json.unreadable-")]
    assert len(aside) == 1 and aside[0].is_fifo()
    assert d.app.store_settings() is None
    assert json.loads((config / "settings.json").read_text("utf-8"))["palette"] == "standard"


def test_an_unreadable_settings_file_is_kept(make_app, home: Path) -> None:
    config = home / "config"
    config.mkdir()
    (config / "settings.json").write_text('{"palette": "colourblind", oops', "utf-8")
    d = make_app()
    assert any("kept as" in m.text for m in d.app.messages)
    d.click("settings")
    d.click("palette")  # writes the settings: a new file, the old one kept beside it
    aside = [p for p in config.iterdir() if p.name.startswith("settings.json.unreadable-")]
    assert len(aside) == 1
    assert aside[0].read_text("utf-8") == '{"palette": "colourblind", oops'
    assert json.loads((config / "settings.json").read_text("utf-8"))["palette"] == "colourblind"


def test_a_settings_file_that_cannot_be_set_aside_is_never_overwritten(
        make_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui import settings

    config = home / "config"
    config.mkdir()
    (config / "settings.json").write_text("[1, 2", "utf-8")

    def refuse(a: object, b: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(settings.os, "rename", refuse)
    d = make_app()
    assert any("left as it is" in m.text for m in d.app.messages)
    d.click("settings")
    d.click("palette")
    assert "kept only until the game closes" in d.app.messages[-1].text
    from game.ui.tutorial import TutorialScene  # writes the settings when the guide ends

    d.app.push(TutorialScene(d.app))
    d.key(pygame.K_ESCAPE)
    assert (config / "settings.json").read_text("utf-8") == "[1, 2"
    d.app.shutdown()
    assert (config / "settings.json").read_text("utf-8") == "[1, 2"


def deny_below(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What ``chmod 000 folder`` does to a user who is not root: nothing inside can be looked
    at, opened, made, renamed or removed (the tests run as root, where chmod does not)."""
    inside = str(folder) + os.sep

    def guard(fn: Callable[..., object]) -> Callable[..., object]:
        def check(*args: object, **kwargs: object) -> object:
            for a in args[:2]:
                if isinstance(a, str | os.PathLike) and os.fspath(a).startswith(inside):
                    raise PermissionError(13, "Permission denied", os.fspath(a))
            return fn(*args, **kwargs)
        return check

    for name in ("stat", "lstat", "open", "scandir", "listdir", "mkdir", "rename", "replace",
                 "unlink", "rmdir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))


def play_without_a_data_folder(d: Driver) -> None:
    assert not d.top.buttons["continue"].is_enabled
    d.click("load")
    assert d.scene() == "SavesScene" and not d.top.entries
    d.key(pygame.K_ESCAPE)
    d.click("scenarios")
    assert d.scene() == "PickerScene" and d.top.entries
    d.key(pygame.K_ESCAPE)
    d.app.settings.tutorial_done = True
    d.click("new")
    d.settle()
    assert d.scene() in ("GameScene", "EventScene")
    d.app.messages.clear()
    d.key(pygame.K_F5)
    assert "cannot write the save" in d.app.messages[-1].text
    d.key(pygame.K_F9)
    assert d.app.running and d.app.messages
    if d.scene() == "GameScene":
        type_name_and_save(d, "anything")
        assert d.scene() == "SavesScene" and "cannot" in d.app.messages[-1].text
    d.app.shutdown()


def test_a_data_folder_that_cannot_be_entered_still_opens_the_game(
        make_app, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deny_below(monkeypatch, home)
    d = make_app()
    assert any("settings" in m.text for m in d.app.messages)
    play_without_a_data_folder(d)


def test_a_data_folder_that_is_a_file_still_opens_the_game(
        make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "home-file"
    not_a_folder.write_text("not a folder")
    monkeypatch.setenv("STATECRAFT_HOME", str(not_a_folder))
    d = make_app()
    play_without_a_data_folder(d)
    assert not_a_folder.read_text() == "not a folder"


# -- every entry point that starts or loads a game is guarded ------------------------------

PROBLEMS: list[BaseException] = [
    MemoryError(), RecursionError("maximum recursion depth exceeded"),
    OverflowError("int too large to convert to float"),
    ValueError("Exceeds the limit (4300 digits) for integer string conversion"),
    UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    OSError(5, "Input/output error"), KeyError("x"), ZeroDivisionError("float division"),
]


def raiser(exc: BaseException) -> Callable[..., object]:
    def boom(*args: object, **kwargs: object) -> object:
        raise exc
    return boom


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda e: type(e).__name__)
def test_new_game_and_picker_survive_any_problem(make_app, home: Path, problem: BaseException,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui import loading

    d = make_app()
    d.app.settings.tutorial_done = True
    monkeypatch.setattr(loading, "load_scenario", raiser(problem))
    d.click("new")
    assert d.app.running and d.scene() == "TitleScene"
    assert "cannot start" in d.app.messages[-1].text
    d.click("scenarios")
    assert d.scene() == "PickerScene"
    assert not any(e.ok for e in d.top.entries)


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda e: type(e).__name__)
def test_loading_survives_any_problem(make_app, home: Path, problem: BaseException,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui import session

    d = make_app()
    start_mini(d, home, seed=5, actions=1)
    d.key(pygame.K_F5)
    d.key(pygame.K_1)
    moves = d.app.session.state.moves
    d.app.scenario_cache.clear()
    monkeypatch.setattr(session, "load_scenario", raiser(problem))
    d.key(pygame.K_F9)  # quick load, mid-turn
    assert d.app.running and d.scene() == "GameScene"
    assert d.app.session.state.moves == moves
    assert "quicksave.json cannot be opened" in d.app.messages[-1].text
    d.to_title()
    d.click("load")
    d.click("slot:0")
    assert d.app.running and d.scene() == "SavesScene"


def test_a_save_with_a_huge_number_gives_a_message_on_quick_load(make_app, home: Path) -> None:
    d = make_app()
    start_mini(d, home)
    d.key(pygame.K_F5)
    path = home / "saves" / "quicksave.json"
    path.write_text(path.read_text("utf-8").replace('"seed": 0', '"seed": ' + "9" * 4301))
    d.key(pygame.K_F9)
    assert d.scene() == "GameScene" and "digits" in d.app.messages[-1].text
    d.key(pygame.K_ESCAPE)
    d.click("load")
    entry = next(e for e in d.top.entries if e.path.name == "quicksave.json")
    assert entry.data is None and "digits" in (entry.problem or "")


def test_showing_a_game_that_breaks_goes_back_safely(make_app, home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui.game_screen import GameScene

    d = make_app()
    start_mini(d, home, seed=1, actions=1)
    moves = d.app.session.state.moves
    d.key(pygame.K_F5)
    real = GameScene.build
    calls = {"n": 0}

    def fail_once(self: GameScene) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("cannot convert float NaN to integer")
        real(self)

    monkeypatch.setattr(GameScene, "build", fail_once)
    d.app.settings.tutorial_done = True
    assert not d.app.new_game(mini_path(home))
    assert d.app.running and "cannot be shown" in " ".join(m.text for m in d.app.messages)
    assert d.app.session is not None and d.app.session.state.moves == moves  # the game before
    d.settle()
    assert d.scene() in ("GameScene", "EventScene")


def test_watch_reload_survives_any_problem(make_app, home: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from game.ui import flow

    path = mini_path(home)
    d = make_app(scenario=str(path), watch=True)
    if d.scene() == "TutorialScene":
        d.key(pygame.K_ESCAPE)
    d.settle()
    d.key(pygame.K_1)
    moves = d.app.session.state.moves
    for problem in PROBLEMS:
        monkeypatch.setattr(flow, "load_scenario", raiser(problem))
        os.utime(path, (time.time() + 5, time.time() + len(d.app.messages) + 5))
        d.app._watch_mtime = 0.0
        d.app._watch_checked = 0.0
        d.step()
        assert d.app.running and d.app.session.state.moves == moves
        assert "does not load" in d.app.messages[-1].text


def test_a_scenario_that_breaks_the_replay_starts_a_new_game(make_app, home: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    import time

    from game.ui import flow

    path = mini_path(home)
    d = make_app(scenario=str(path), watch=True)
    if d.scene() == "TutorialScene":
        d.key(pygame.K_ESCAPE)
    d.settle()
    d.key(pygame.K_1)
    monkeypatch.setattr(flow, "replay_save", raiser(OverflowError("math range error")))
    os.utime(path, (time.time() + 5, time.time() + 5))
    d.app._watch_checked = 0.0
    d.step()
    assert d.app.running and d.app.session is not None
    assert any("cannot go on" in m.text for m in d.app.messages)


def test_a_control_character_in_a_message_does_not_crash_drawing(make_app, home: Path) -> None:
    d = make_app()
    d.app.toast("bad\x00name\x1b[2J\ud800", "bad")
    d.app.draw()
    assert "\\x00" in d.app.messages[-1].text


# -- play --size and --seed ------------------------------------------------------------------

def run_play(monkeypatch: pytest.MonkeyPatch, **options: object) -> tuple[int, dict[str, object]]:
    from game.tools import play
    from game.ui import app as app_module

    seen: dict[str, object] = {}

    class FakeApp:
        def __init__(self, **kwargs: object) -> None:
            seen.update(kwargs)

        def run(self) -> int:
            return 0

    monkeypatch.setattr(app_module, "App", FakeApp)
    args = argparse.Namespace(scenario=None, watch=False, seed=None, size=None)
    for k, v in options.items():
        setattr(args, k, v)
    return play.run(args), seen


def test_play_size_is_clamped_with_a_message(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, seen = run_play(monkeypatch, size="100000x100000")
    assert code == 0 and seen["size"] == (7680, 4320)
    assert "7680x4320" in capsys.readouterr().err
    code, seen = run_play(monkeypatch, size="10x10")
    assert seen["size"] == (640, 400) and "640x400" in capsys.readouterr().err
    code, seen = run_play(monkeypatch, size="1600x900")
    assert seen["size"] == (1600, 900) and not capsys.readouterr().err


def test_play_size_is_clamped_to_the_screen() -> None:
    from game.ui.settings import clamp_window

    assert clamp_window((100000, 100000), (1920, 1080)) == (1920, 1080)
    assert clamp_window((1280, 720), (1920, 1080)) == (1280, 720)
    assert clamp_window((1280, 720), (300, 200)) == (640, 400)


@pytest.mark.parametrize("option, value", [
    ("size", "abc"), ("size", "0x0"), ("size", "-5x100"), ("size", "1e3x5"), ("size", "100x"),
    ("size", "9" * 5000 + "x1"), ("seed", "9" * 30), ("seed", "seven"), ("seed", "1.5"),
    ("seed", "9" * 5000),
])
def test_play_bad_values_give_a_usage_message(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str], option: str,
                                              value: str) -> None:
    code, seen = run_play(monkeypatch, **{option: value})
    err = capsys.readouterr().err
    assert code == 2 and not seen and f"--{option}" in err and len(err) < 300
