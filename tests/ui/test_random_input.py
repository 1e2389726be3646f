"""At least 5,000 random clicks, keys and resizes spread over every screen: no exception."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import random
from pathlib import Path

import pygame

from tests.ui.conftest import mini_path

KEYS = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_9, pygame.K_RETURN, pygame.K_ESCAPE,
        pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_SPACE,
        pygame.K_BACKSPACE, pygame.K_z, pygame.K_n, pygame.K_t, pygame.K_h, pygame.K_e,
        pygame.K_s, pygame.K_l, pygame.K_o, pygame.K_c, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
        pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET, pygame.K_F1, pygame.K_F5, pygame.K_F9,
        pygame.K_a]
SIZES = [(1, 1), (320, 200), (800, 500), (1024, 600), (1280, 720), (1920, 1080), (640, 2000),
         (2500, 420)]


def scene_makers(home: Path) -> list[str]:
    return ["title", "picker", "settings", "help", "load", "save", "game", "news", "timeline",
            "menu", "report", "guide"]


def goto(d, where: str, home: Path) -> None:
    """Put the app on a screen (by the scene classes, so every screen gets its share)."""
    from game.ui import flow
    from game.ui.end_report import ReportScene
    from game.ui.game_screen import GameScene
    from game.ui.help_screen import HelpScene
    from game.ui.menu import MenuScene
    from game.ui.news_screen import NewsScene
    from game.ui.picker import PickerScene
    from game.ui.saves_screen import SavesScene
    from game.ui.settings_screen import SettingsScene
    from game.ui.tutorial import TutorialScene

    app = d.app
    app.running = True
    app.pop_to_title()
    if where in ("title",):
        return
    if where in ("picker", "settings", "help", "load"):
        app.push({"picker": PickerScene, "settings": SettingsScene, "help": HelpScene}.get(
            where, lambda a: SavesScene(a, saving=False))(app))
        return
    app.settings.tutorial_done = True
    flow.start_new_game(app, mini_path(home))
    d.settle()  # the first turn's news card, if a chance event fired
    if not isinstance(app.top, GameScene):
        return
    if where == "news":
        app.push(NewsScene(app))
    elif where == "timeline":
        app.push(NewsScene(app, "timeline"))
    elif where == "menu":
        app.push(MenuScene(app))
    elif where == "save":
        app.push(SavesScene(app, saving=True))
    elif where == "guide":
        app.push(TutorialScene(app))
    elif where == "report":
        from game.core.engine import EndTurn, apply_action
        from game.core.policies import passive_policy

        s = app.session
        rng = random.Random(1)
        while not s.over:
            s.turn_states = [apply_action(s.state, passive_policy(s.state, rng))]
        app.pop_to_title()
        app.push(GameScene(app))
        app.push(ReportScene(app))
        assert EndTurn


def test_random_input_never_crashes(make_app, home: Path) -> None:
    rng = random.Random(20240601)
    d = make_app()
    events_sent = 0
    seen: set[str] = set()
    screens = scene_makers(home)
    batch = 4
    per_screen = 5200 // len(screens)
    for where in screens:
        goto(d, where, home)
        sent_here = 0
        while sent_here < per_screen:
            events: list[pygame.event.Event] = []
            for _ in range(batch):
                r = rng.random()
                w, h = d.app.screen.get_size()
                if r < 0.5:
                    pos = (rng.randrange(-5, w + 5), rng.randrange(-5, h + 5))
                    if d.app.top.buttons and rng.random() < 0.5:
                        pos = rng.choice(list(d.app.top.buttons.values())).rect.center
                    button = rng.choice([1, 1, 1, 3])
                    events += [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                                  buttons=(0, 0, 0)),
                               pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos,
                                                  button=button),
                               pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]
                elif r < 0.6:
                    events.append(pygame.event.Event(pygame.MOUSEWHEEL, x=0,
                                                     y=rng.choice([-3, -1, 1, 3]), flipped=False))
                elif r < 0.985:
                    k = rng.choice(KEYS)
                    mod = rng.choice([0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL])
                    events.append(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="",
                                                     scancode=0))
                else:
                    w, h = rng.choice(SIZES)
                    events.append(pygame.event.Event(pygame.VIDEORESIZE, size=(w, h), w=w, h=h))
            seen.add(d.scene())  # the screen this batch is sent to
            d.step(events)
            sent_here += batch
            seen.add(d.scene())
            if not d.app.running:
                d.app.running = True  # a random Quit: the window would close; go on testing
        events_sent += sent_here
    assert events_sent >= 5000
    assert {"TitleScene", "GameScene", "ReportScene", "SavesScene"} <= seen
