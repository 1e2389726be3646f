"""Headless UI test helpers: a driver that posts real pygame events through App.step and
saves screenshots (to $STATECRAFT_SCREENSHOTS, default tests/screenshots/)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("STATECRAFT_HOME", tempfile.mkdtemp(prefix="statecraft-ui-"))
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pygame
import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini.yaml"
SHOTS = Path(os.environ.get("STATECRAFT_SCREENSHOTS") or ROOT / "tests" / "screenshots")


class Driver:
    """Drives an App with real events: clicks at button centres, key presses, resizes."""

    def __init__(self, app: object) -> None:
        from game.ui.app import App

        assert isinstance(app, App)
        self.app = app

    @property
    def top(self) -> object:
        return self.app.top

    def scene(self) -> str:
        return type(self.app.top).__name__

    def step(self, events: list[pygame.event.Event] | None = None) -> None:
        self.app.step(events or [])

    def click_at(self, pos: tuple[int, int], button: int = 1) -> None:
        self.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                   pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
                   pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)])

    def click(self, key: str) -> None:
        """Click the centre of the top scene's button ``key``."""
        buttons = self.app.top.buttons
        assert key in buttons, f"no button {key!r} on {self.scene()}: {sorted(buttons)}"
        self.click_at(buttons[key].rect.center)

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        self.step([pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode,
                                      scancode=0),
                   pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode,
                                      scancode=0)])

    def free_action(self) -> int | None:
        """On the map: the place (0 for key 1) of the first action shown that can be taken
        now, or None. Used actions keep their place, greyed, for the rest of the turn."""
        from game.core.engine import action_problem

        shown = getattr(self.app.top, "shown", [])
        state = self.app.session.state
        return next((n for n, i in enumerate(shown[:9]) if action_problem(state, i) is None),
                    None)

    def free_key(self) -> int:
        n = self.free_action()
        assert n is not None
        return pygame.K_1 + n

    def settle(self) -> None:
        """Close the news cards of a new turn (Enter) until another screen is on top."""
        for _ in range(20):
            if self.scene() != "NewsCardScene":
                return
            self.key(pygame.K_RETURN)

    def go_on(self) -> bool:
        """On a news card or the end-of-turn question, press Enter; return True if it did."""
        if self.scene() in ("NewsCardScene", "MessageScene"):
            self.key(pygame.K_RETURN)
            return True
        return False

    def end_turn(self) -> None:
        """Press Enter on the map; confirm when asked (points left), close the news cards."""
        self.key(pygame.K_RETURN)
        if self.scene() == "MessageScene" and self.app.top.title == "End the turn?":
            self.key(pygame.K_RETURN)
        self.settle()

    def focus_and_press(self, key: str) -> None:
        """Tab until the button ``key`` has the focus, then press Enter (keyboard only)."""
        for _ in range(200):
            if self.app.top.focus_key == key:
                break
            self.key(pygame.K_TAB)
        assert self.app.top.focus_key == key, f"{key} not reachable by Tab on {self.scene()}"
        self.key(pygame.K_RETURN)

    def to_title(self) -> None:
        """Back to the title screen as a player goes: the menu's Title button, or Esc."""
        for _ in range(10):
            if self.scene() == "TitleScene":
                return
            if self.scene() == "MenuScene":
                self.click("title")
            else:
                self.key(pygame.K_ESCAPE)
        assert self.scene() == "TitleScene"

    def resize(self, w: int, h: int) -> None:
        self.step([pygame.event.Event(pygame.VIDEORESIZE, size=(w, h), w=w, h=h)])

    def shot(self, name: str, keep_messages: bool = False) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        if not keep_messages:
            self.app.messages.clear()
        self.app.draw()
        path = SHOTS / f"{name}.png"
        pygame.image.save(self.app.screen, str(path))
        return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh STATECRAFT_HOME with the mini scenario in the teacher's folder."""
    h = tmp_path / "home"
    (h / "scenarios").mkdir(parents=True)
    shutil.copy(MINI, h / "scenarios" / "mini.yaml")
    monkeypatch.setenv("STATECRAFT_HOME", str(h))
    return h


@pytest.fixture
def make_app(home: Path) -> Iterator[object]:
    from game.tools.play import write_report
    from game.ui.app import App

    apps: list[App] = []

    def make(**kwargs: object) -> Driver:
        kwargs.setdefault("size", (1280, 720))
        kwargs.setdefault("report_writer", write_report)  # as the play command gives it
        app = App(**kwargs)  # type: ignore[arg-type]
        apps.append(app)
        d = Driver(app)
        d.step()
        return d

    yield make
    for app in apps:
        app.running = False
    pygame.quit()


def mini_path(home: Path) -> Path:
    return home / "scenarios" / "mini.yaml"


def open_game_screen(make_app: object, size: tuple[int, int], lang: str,
                     scenario: Path = ROOT / "scenarios" / "ussr_1928_1941.yaml") -> Driver:
    """The game screen of a new game of ``scenario`` in ``lang``, its first news read and the
    mouse away from everything."""
    from game.ui.game_screen import GameScene
    from game.ui.settings import Settings

    d: Driver = make_app(size=size,  # type: ignore[operator]
                         settings=Settings(tutorial_done=True, language=lang))
    assert d.app.new_game(scenario)
    d.app.session.news_shown_turn = d.app.session.state.turn
    d.app.pop_to_title()
    d.app.push(GameScene(d.app))
    mouse_away(d)
    return d


def mouse_away(d: Driver) -> None:
    """The mouse off every button and the map (no tooltip), the messages cleared, one frame."""
    w, h = d.app.screen.get_size()
    d.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(w - 1, h - 1), rel=(0, 0),
                               buttons=(0, 0, 0))])
    d.app.messages.clear()
    d.app.draw()


def history_on_screen(d: Driver, until: Callable[[Any], bool]) -> Any:
    """Play the app's game as history went until ``until(state)`` holds and no question
    waits, then show the game screen on that turn (its news read); return the scene."""
    import random

    from game.core.engine import apply_action
    from game.core.policies import history_policy
    from game.ui.game_screen import GameScene

    s = d.app.session
    rng = random.Random(0)
    while not until(s.state) or s.state.pending:
        s.turn_states = [apply_action(s.state, history_policy(s.state, rng))]
    s.news_shown_turn = s.state.turn
    d.app.pop_to_title()
    d.app.push(GameScene(d.app))
    d.step()
    return d.top
