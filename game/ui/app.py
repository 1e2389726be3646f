"""The game window: settings, theme, the scene stack and an event loop that sleeps when idle.

:meth:`App.step` handles one batch of events and draws if anything changed;
tests drive it directly with posted events. :meth:`App.run` is the real loop:
it blocks in ``pygame.event.wait`` with a timeout, so an idle game uses next
to no CPU.

The App is the :class:`game.ui.nav.Stage` every scene holds: the scenes ask it for other
screens, and it asks :mod:`game.ui.flow`, which builds them.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pygame_gui

from game import i18n
from game.i18n import _
from game.safetext import printable
from game.ui import theme as theme_mod
from game.ui.lazy import LazyModule
from game.ui.scene import Scene
from game.ui.settings import Settings, first_window, read_settings, save_settings
from game.ui.theme import COLOURBLIND, COLOURS, Colours, Fonts, effective_scale
from game.ui.title import TitleScene
from game.ui.widgets import fit, tooltip

if TYPE_CHECKING:
    from game.ui import export, flow
    from game.ui.analysis_job import Analyser
    from game.ui.export import ReportWriter
    from game.ui.news_items import CardItem
    from game.ui.session import Session
else:
    # The game's screens, the engine and the scenario models load when a game is first
    # started or loaded, not before the title screen is drawn (bench: ui-startup).
    flow = LazyModule("game.ui.flow")
    export = LazyModule("game.ui.export")

S = TypeVar("S")

MIN_SIZE = (800, 500)
"""Below this the layout stops shrinking: the window is held at this size."""

ACTIVE_SECONDS = 0.6
"""After an event the loop redraws at ~30 fps this long, for hover effects; then it sleeps."""


TOAST_STRIP = 24
"""Height (at scale 1) of the strip along the bottom edge kept for toasts: no screen lays
anything out there, so a toast never covers what the player must read or click."""


@dataclass
class Toast:
    text: str
    kind: str
    until: float
    turn_bound: bool = True
    """Cleared when a new turn starts (problems with files and settings are not)."""


class App:
    """The game's window and its stack of scenes."""

    def __init__(self, scenario: str | None = None, seed: int | None = None, watch: bool = False,
                 size: tuple[int, int] | None = None, settings: Settings | None = None,
                 start_game: bool | None = None, report_writer: ReportWriter | None = None,
                 analyser: Analyser | None = None) -> None:
        """``report_writer`` writes the HTML and JSON reports an export adds to the save (the
        teacher tools' writer: the play command passes it, as the screens do not import the
        report writers); without it an export writes the save and a JSON summary."""
        pygame.display.init()
        pygame.font.init()
        self.messages: list[Toast] = []
        self.settings_writable = True
        """False when the settings file could not be read nor set aside: it is never written."""
        if settings is None:
            read = read_settings()
            settings, self.settings_writable = read.settings, read.writable
            if read.problem:
                self.toast(read.problem, "bad", 12)
        self.settings = settings
        i18n.apply_setting(settings.language)
        self.scenario_arg = scenario
        self.chosen_scenario: str | None = scenario
        self.seed = seed
        self.watch = watch and scenario is not None
        self.session: Session | None = None  # the game on screen, if any
        self.scenario_cache: dict[str, object] = {}
        self.report_writer = report_writer
        self.analyser = analyser
        """Plays a game's analysis on every core (the teacher tools' runner, which the play
        command passes); without it the analysis is played in this process."""
        self.running = True
        self.dirty = True
        self.active_until = 0.0
        self.mouse_pos: tuple[int, int] = (-9999, -9999)
        self.keyboard_mode = False
        self._held_keys: set[int] = set()
        self._stale_keys: set[int] = set()
        self.stack: list[Scene] = []
        self.frames = 0
        self.gui_changed = True
        self._watch_mtime = self._mtime(scenario) if self.watch else None
        self._watch_checked = 0.0
        pygame.display.set_caption("Statecraft")
        # A size given on the command line is taken as it is; the one from the settings (or
        # the default) is made to fit the display, with room for a title bar and a taskbar.
        want = size or first_window((settings.window_width, settings.window_height),
                                    theme_mod.desktop_size())
        if size is None and not settings.fullscreen:
            settings.window_width, settings.window_height = want
        self.screen = self._open_window(want, settings.fullscreen)
        self.theme, problem = theme_mod.load_theme()
        if problem:
            self.toast(problem, "bad")
        self.scale = self._scale_for(self.screen.get_size())
        self.fonts = Fonts(self.scale)
        self.manager = self._make_manager()
        if self.fonts.problem:
            self.toast(self.fonts.problem, "bad")
        self.push(TitleScene(self))
        if start_game if start_game is not None else scenario is not None:
            self.new_game(Path(scenario) if scenario else None)

    # -- window and looks ----------------------------------------------------------------
    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error as exc:
                self.toast(_("fullscreen not possible ({error})").format(error=exc), "bad")
        w, h = max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1])
        screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass
        return screen

    @property
    def colours(self) -> Colours:
        return COLOURBLIND if self.settings.palette == "colourblind" else COLOURS

    def _scale_for(self, size: tuple[int, int]) -> float:
        return effective_scale(self.settings.ui_scale, size)

    @property
    def toast_strip(self) -> pygame.Rect:
        """The strip along the bottom edge where toasts show (kept out of the layout)."""
        w, h = self.screen.get_size()
        strip = max(self.fonts.small().get_linesize() + 6, round(TOAST_STRIP * self.scale))
        return pygame.Rect(0, max(h, MIN_SIZE[1]) - strip, max(w, MIN_SIZE[0]), strip)

    def _make_manager(self) -> pygame_gui.UIManager:
        try:
            return pygame_gui.UIManager(self.screen.get_size(),
                                        theme_mod.scaled_theme(self.theme, self.scale),
                                        enable_live_theme_updates=False,
                                        starting_language=self._gui_language())
        except Exception as exc:  # noqa: BLE001 - a theme pygame_gui cannot read: keep its defaults
            self.toast(_("theme not usable ({kind}: {error}); plain look used").format(
                kind=exc.__class__.__name__, error=exc), "bad")
            self.theme = dict(theme_mod.FALLBACK_THEME)
            return pygame_gui.UIManager(self.screen.get_size(), enable_live_theme_updates=False)

    @property
    def layout_rect(self) -> pygame.Rect:
        """The area scenes lay out in: the window (never smaller than the minimum size) but
        for the toast strip along its bottom edge."""
        w, h = self.screen.get_size()
        return pygame.Rect(0, 0, max(w, MIN_SIZE[0]), self.toast_strip.y)

    def resize(self, size: tuple[int, int]) -> None:
        """Follow a window size change (clamped to the minimum) and lay everything out again."""
        if self.settings.fullscreen:
            size = self.screen.get_size()
        w, h = max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1]))
        if (w, h) != self.screen.get_size():
            self.screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        if not self.settings.fullscreen:
            self.settings.window_width, self.settings.window_height = w, h
        self.relayout()

    @staticmethod
    def _gui_language() -> str:
        """pygame_gui's own words (text boxes, scroll bars) in the game's language."""
        lang = i18n.current_language()
        return lang if lang in ("de", "en") else "en"

    def change_language(self, code: str) -> None:
        """Speak ``code`` ("" for the computer's language) and lay every screen out again."""
        self.settings.language = code
        i18n.apply_setting(code)
        self.manager.set_locale(self._gui_language())
        self.relayout()

    def relayout(self) -> None:
        """Apply a new size, scale or palette to the looks and rebuild the top scene."""
        scale = self._scale_for(self.screen.get_size())
        if scale != self.scale:
            self.scale = scale
            self.fonts = Fonts(scale)
            for s in self.stack:
                s.clear()
            self.manager = self._make_manager()
        else:
            self.manager.set_window_resolution(self.screen.get_size())
        for s in self.stack:
            s.clear()
        # The scenes showing under a modal top are laid out too: they are drawn, with their
        # buttons as pictures.
        for s in self.stack[self._first_drawn():-1]:
            s.build()
            s.clear(keep_ghosts=True)
        if self.stack:
            self.stack[-1].build()
        self.dirty = True

    def set_fullscreen(self, on: bool) -> None:
        self.settings.fullscreen = on
        self.screen = self._open_window((self.settings.window_width, self.settings.window_height),
                                        on)
        self.relayout()

    # -- scenes --------------------------------------------------------------------------
    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def _first_drawn(self) -> int:
        """Index of the lowest scene drawn: the top and every scene under modal ones."""
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].modal:
            first -= 1
        return max(0, first)

    def _scene_changed(self) -> None:
        # Keys held down now belong to the screen that just went: their repeats are ignored.
        self._stale_keys = set(self._held_keys)
        self.dirty = True

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].pause()
        self.stack.append(scene)
        scene.enter()
        self._scene_changed()

    def pop(self) -> None:
        if len(self.stack) <= 1:
            return
        self.stack.pop().exit()
        self.stack[-1].resume()
        self._scene_changed()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()
        self._scene_changed()

    def pop_to_title(self) -> None:
        while len(self.stack) > 1:
            self.stack.pop().exit()
        self.stack[-1].resume()
        self._scene_changed()

    def find(self, kind: type[S]) -> S | None:
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    def toast(self, text: str, kind: str = "info", seconds: float = 5.0) -> None:
        """Show a short message in the strip along the bottom of the window (also kept in
        ``messages``); the whole text shows when the mouse is on it. Control characters from
        a file (a NUL pygame cannot draw, an escape) show escaped. Problems ("bad") stay when
        a new turn starts; the others belong to the turn they were made in."""
        self.messages.append(Toast(printable(" ".join(str(text).split("\n")), 1000), kind,
                                   time.monotonic() + seconds, turn_bound=kind != "bad"))
        del self.messages[:-3]
        self.dirty = True

    def clear_turn_toasts(self) -> None:
        """Forget the toasts about the turn that ended (what an action did, "Undone.")."""
        kept = [m for m in self.messages if not m.turn_bound]
        if len(kept) != len(self.messages):
            self.messages = kept
            self.dirty = True

    # -- games and screens (game.ui.nav.Screens, through game.ui.flow) --------------------
    def new_game(self, path: Path | None = None) -> bool:
        return flow.start_new_game(self, path)

    def continue_game(self) -> bool:
        return flow.continue_game(self)

    def load_game(self, path: Path) -> bool:
        return flow.load_from(self, path)

    def after_move(self) -> None:
        flow.after_move(self)

    def end_turn(self) -> None:
        before = list(self.messages)
        flow.end_turn(self)
        if self.session is not None:
            # The new turn's screen: the last turn's toasts go (those made on the way stay).
            self.messages = [m for m in self.messages
                             if not (m.turn_bound and any(m is b for b in before))]
            self.dirty = True

    def open_help(self) -> None:
        flow.open_help(self)

    def open_menu(self) -> None:
        flow.open_menu(self)

    def open_saves(self, saving: bool) -> None:
        flow.open_saves(self, saving)

    def open_settings(self) -> None:
        flow.open_settings(self)

    def open_scenarios(self) -> None:
        flow.open_scenarios(self)

    def open_news(self) -> None:
        flow.open_news(self)

    def open_news_card(self, items: list[CardItem], heading: str) -> None:
        flow.open_news_card(self, items, heading)

    def open_guide(self) -> None:
        flow.open_guide(self)

    def open_analysis(self) -> None:
        flow.open_analysis(self)

    def try_again(self, move: int) -> bool:
        return flow.try_again(self, move)

    def compare_futures(self) -> None:
        flow.compare_futures(self)

    def show_message(self, title: str, lines: list[str],
                     choices: list[tuple[str, str]] | None = None,
                     then: Callable[[str], None] | None = None, compact: bool = False) -> None:
        flow.show_message(self, title, lines, choices, then, compact)

    def export_report(self, session: Session) -> list[Path]:
        return export.export_report(session, writer=self.report_writer)

    # -- the loop ------------------------------------------------------------------------
    def step(self, events: list[pygame.event.Event] | None = None, dt: float = 1 / 30) -> bool:
        """Handle ``events`` (default: the queue), update and draw if needed; return running."""
        if events is None:
            events = pygame.event.get()
        now = time.monotonic()
        pending = list(events)
        rounds = 0
        while pending and rounds < 20:
            for event in pending:
                self._dispatch(event)
                if not self.running:
                    return False
            # Button presses come back as posted pygame_gui events: handle them in this step.
            pending = pygame.event.get(pygame_gui.UI_BUTTON_PRESSED)
            rounds += 1
        if events:
            self.active_until = now + ACTIVE_SECONDS
            self.dirty = True
        if self.watch:
            self._check_watch(now)
        if self.messages and self.messages[0].until <= now:
            self.messages = [m for m in self.messages if m.until > now]
            self.dirty = True
        self.manager.update(dt)
        if self.stack:
            self.top.update(dt)
        if self.dirty or now < self.active_until:
            self.draw()
        return self.running

    def _dispatch(self, event: pygame.event.Event) -> None:
        t = event.type
        if t == pygame.QUIT:
            self.quit()
            return
        if t == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.mouse_pos = (int(event.pos[0]), int(event.pos[1]))
            self.keyboard_mode = False
        if t == pygame.WINDOWFOCUSLOST:
            self._held_keys.clear()  # the key-ups go to another window
            self._stale_keys.clear()
        if t == pygame.KEYUP:
            self._held_keys.discard(event.key)
            self._stale_keys.discard(event.key)
        if t == pygame.KEYDOWN:
            if event.key in self._stale_keys and self._really_held(event.key):
                return  # a key still held from the screen before (auto-repeat): not a press
            self._held_keys.add(event.key)
            self.keyboard_mode = True
        if t == pygame_gui.UI_BUTTON_PRESSED:
            scene = self.top
            key = scene.key_of(event.ui_element)
            if key is not None:
                scene.on_button(key)
            return
        try:
            used = self.manager.process_events(event)
        except Exception as exc:  # noqa: BLE001 - pygame_gui internals must not close the game
            self.toast(_("interface error ignored: {error}").format(error=exc), "bad")
            used = False
        if used and t != pygame.KEYDOWN:
            return
        if t == pygame.KEYDOWN and self._global_key(event):
            return
        if self.stack:
            self.top.handle(event)

    @staticmethod
    def _really_held(key: int) -> bool:
        """True if the keyboard says ``key`` is down now (a repeat, not a new press)."""
        try:
            return bool(pygame.key.get_pressed()[key])
        except (IndexError, pygame.error):
            return True

    def _global_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if k == pygame.K_F1:
            flow.open_help(self)
            return True
        if k == pygame.K_F11:
            self.set_fullscreen(not self.settings.fullscreen)
            return True
        if k == pygame.K_F5:
            flow.quick_save(self)
            return True
        if k == pygame.K_F9:
            flow.quick_load(self)
            return True
        return False

    def draw(self) -> None:
        if self.gui_changed:
            # Elements made or killed since the last update are drawn only after one.
            self.manager.update(0.0)
            self.gui_changed = False
        surface = self.screen
        surface.fill(self.colours.bg)
        top = self.stack[-1] if self.stack else None
        for scene in self.stack[self._first_drawn():]:
            scene.draw(surface)
            if scene is not top:
                scene.draw_ghosts(surface)
        self.manager.draw_ui(surface)
        if self.stack:
            self.top.draw_overlay(surface)
        self._draw_toasts(surface)
        pygame.display.flip()
        self.dirty = False
        self.frames += 1

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        """The newest toast on one line in the toast strip (with how many more there are);
        with the mouse on the strip, every toast whole as a tooltip."""
        if not self.messages:
            return
        strip = self.toast_strip
        font = self.fonts.small()
        m = self.messages[-1]
        colour = {"bad": self.colours.bad, "good": self.colours.good}.get(m.kind,
                                                                          self.colours.accent)
        more = _("(+{count})").format(count=len(self.messages) - 1) \
            if len(self.messages) > 1 else ""
        pad = max(6, strip.height // 4)
        room = strip.width - 4 * pad - (font.size(more)[0] + pad if more else 0)
        line = fit(m.text, font, room)
        w = font.size(line)[0] + (font.size(more)[0] + pad if more else 0) + 2 * pad
        box = pygame.Rect(0, strip.y + 1, w, strip.height - 2)
        box.centerx = strip.centerx
        pygame.draw.rect(surface, (12, 14, 18), box, border_radius=4)
        pygame.draw.rect(surface, colour, box, 1, border_radius=4)
        y = box.centery - font.get_linesize() // 2
        surface.blit(font.render(line, True, self.colours.text), (box.x + pad, y))
        if more:
            surface.blit(font.render(more, True, self.colours.dim),
                         (box.right - pad - font.size(more)[0], y))
        if box.collidepoint(self.mouse_pos) and (line != m.text or more):
            tooltip(surface, [t.text for t in reversed(self.messages)], self.mouse_pos,
                    self.fonts, self.colours)

    def wait_timeout(self) -> int:
        """How long the loop may sleep waiting for an event, in milliseconds."""
        now = time.monotonic()
        if now < self.active_until or self.dirty:
            return 33
        timeout = 1000.0
        if self.messages:
            timeout = min(timeout, max(0.05, self.messages[0].until - now) * 1000)
        return int(timeout)

    def run(self) -> int:
        """The real event loop: block on events, redraw only when something changed."""
        last = time.monotonic()
        self.draw()
        while self.running:
            first = pygame.event.wait(self.wait_timeout())
            events = [] if first.type == pygame.NOEVENT else [first, *pygame.event.get()]
            now = time.monotonic()
            self.step(events, min(0.5, now - last))
            last = now
        self.shutdown()
        return 0

    def quit(self) -> None:
        self.running = False

    def store_settings(self) -> str | None:
        """Write the settings file (never over one that could not be read at start: it is the
        player's, kept as it was); return a message if they are not saved."""
        return save_settings(self.settings)

    def shutdown(self) -> None:
        problem = self.store_settings() if self.settings_writable else None
        if problem:
            print(printable(problem))
        pygame.quit()

    # -- watching the scenario file ------------------------------------------------------
    @staticmethod
    def _mtime(path: str | None) -> float | None:
        try:
            return os.stat(path).st_mtime if path else None
        except OSError:
            return None

    def _check_watch(self, now: float) -> None:
        if now - self._watch_checked < 0.9:
            return
        self._watch_checked = now
        m = self._mtime(self.scenario_arg)
        if m is not None and m != self._watch_mtime:
            self._watch_mtime = m
            flow.reload_scenario(self)
