"""A whole game in German, by keyboard alone, at a small and a common window size: no crash,
German on screen, and no button's label wider than its button on any screen visited."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import i18n
from game.ui.settings import Settings
from tests.ui.conftest import Driver, mini_path


@pytest.fixture
def german() -> Iterator[None]:
    yield
    i18n.set_language("en")


def too_wide(d: Driver) -> list[str]:
    """The top scene's buttons whose label (as given, before any ellipsis) is wider than the
    room the button leaves it, measured with the font the scene labels that style in."""
    scene: Any = d.app.top
    out = []
    for key, b in scene.buttons.items():
        if not b.visible:
            continue
        given = labels.get((id(scene), key))
        if given is None:
            continue
        text, style, lines = given
        font = scene.button_font(style)
        centred = scene._button_look(style)[2]
        room = b.rect.width - (14 if centred else 24)
        for line in lines if lines is not None else [text]:
            if font.size(line)[0] > room:
                out.append(f"{d.scene()}: {key} {line!r} needs {font.size(line)[0]} px, "
                           f"has {room}")
    return out


labels: dict[tuple[int, str], tuple[str, str | None, list[str] | None]] = {}
"""The label each button was given (before any ellipsis), by (scene, key)."""


@pytest.fixture
def record_labels(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from game.ui import scene

    real = scene.Scene.button

    def button(self: Any, key: str, rect: Any, text: str, style: str | None = None,
               tip: list[str] | None = None, enabled: bool = True, focusable: bool = True,
               lines: list[str] | None = None) -> Any:
        labels[(id(self), key)] = (text, style, lines)
        return real(self, key, rect, text, style, tip, enabled, focusable, lines)

    monkeypatch.setattr(scene.Scene, "button", button)
    labels.clear()
    yield
    labels.clear()


@pytest.mark.usefixtures("german", "record_labels")
@pytest.mark.parametrize("size", [(800, 500), (1366, 768)])
def test_a_whole_game_in_german_by_keyboard(make_app: Any, home: Path,
                                             size: tuple[int, int]) -> None:
    d: Driver = make_app(size=size, settings=Settings(language="de"), start_game=False)
    assert i18n.current_language() == "de"
    problems: list[str] = []
    words: set[str] = set()
    seen: set[str] = set()

    def look() -> None:
        d.app.draw()
        seen.add(d.scene())
        problems.extend(too_wide(d))
        words.update(labels[k][0] for k in labels)

    look()
    for key in (pygame.K_o, pygame.K_h, pygame.K_l):  # settings, help, saves
        d.key(key)
        look()
        if d.scene() == "HelpScene":
            for _ in range(8):
                d.key(pygame.K_PAGEDOWN)
        d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)
    assert d.scene() == "PickerScene"
    look()
    index = next(i for i, e in enumerate(d.app.top.entries) if e.path == mini_path(home))
    d.focus_and_press(f"pick{index}")
    d.focus_and_press("play")
    while d.scene() == "TutorialScene":
        look()
        d.key(pygame.K_RETURN)
    menu_seen = False
    for _ in range(400):
        name = d.scene()
        if name == "ReportScene":
            break
        look()
        if d.go_on():
            continue
        if name == "EventScene":
            d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
            continue
        assert name == "GameScene", name
        if not menu_seen:
            menu_seen = True
            d.key(pygame.K_RIGHTBRACKET)  # a nation's panel
            look()
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_n)  # news, then the timeline
            look()
            d.key(pygame.K_t)
            look()
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_ESCAPE)  # the menu
            look()
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_F1)
            look()
            d.key(pygame.K_ESCAPE)
        state = d.app.session.state
        if state.budget and d.top.shown and "×" not in d.top.effect_lines[0][1]:
            d.key(pygame.K_1)
        d.key(pygame.K_RETURN)  # end the turn; "Runde beenden?" with points left
    assert d.scene() == "ReportScene", d.scene()
    assert d.app.session.over
    for tab in ("summary", "charts", "decisions"):
        d.click(f"tab:{tab}")
        look()
    d.shot(f"german_{size[0]}x{size[1]}_report")
    assert {"TitleScene", "SettingsScene", "HelpScene", "SavesScene", "PickerScene",
            "TutorialScene", "NewsCardScene", "GameScene", "NewsScene", "MenuScene",
            "EventScene", "ReportScene"} <= seen, seen
    shown = "\n".join(words)
    for german_word in ("Runde beenden", "Hilfe", "Nachrichten", "Einstellungen",
                        "Szenario spielen", "Weiter"):
        assert german_word in shown, german_word
    assert "End turn" not in shown and "Settings" not in shown
    assert not problems, "\n".join(sorted(set(problems)))
