"""Settings: window size, fullscreen, UI scale, colour-blind palette, history notes timing.
Each change applies at once and is saved to the settings file."""

from __future__ import annotations

import time

import pygame

from game.i18n import LANGUAGE_NAMES, N_, _, available_languages, current_language
from game.present.numbers import number
from game.ui import theme
from game.ui.scene import Scene
from game.ui.settings import HISTORY_TIMING, PALETTES, offered_sizes
from game.ui.theme import fitting_scales
from game.ui.widgets import draw_text


def _next(values: tuple[object, ...], current: object, step: int = 1) -> object:
    i = values.index(current) if current in values else -1
    return values[(i + step) % len(values)]


def _scale_words(scale: float) -> str:
    """A UI scale as the settings show it: ``1.25x``."""
    digits = 0 if scale == int(scale) else 2 if round(scale, 1) != scale else 1
    return _("{scale}x").format(scale=number(scale, digits))


DOUBLE_CLICK_SECONDS = 0.5
"""A second click on the same row this soon after the first is the rest of a double click:
it does not change the setting a second time."""


class SettingsScene(Scene):
    title = N_("Settings")
    _last_click: tuple[str, float] = ("", 0.0)

    @staticmethod
    def window_size() -> tuple[int, int]:
        surface = pygame.display.get_surface()
        return surface.get_size() if surface is not None else (0, 0)

    def window_sizes(self) -> tuple[tuple[int, int], ...]:
        """The usual window sizes that fit the display, and the current one."""
        s = self.app.settings
        return offered_sizes((s.window_width, s.window_height), theme.desktop_size())

    def scales(self) -> tuple[float, ...]:
        """Automatic, and the scales every screen fits at in this window."""
        return (0.0, *fitting_scales(self.window_size()))

    def rows(self) -> list[tuple[str, str, str]]:
        s = self.app.settings
        now = _scale_words(self.app.scale)
        if s.ui_scale and s.ui_scale > self.app.scale:
            scale = _("Text and UI scale: {scale} (now {now}: the window is too small for "
                      "{scale})").format(scale=_scale_words(s.ui_scale), now=now)
        elif s.ui_scale:
            scale = _("Text and UI scale: {scale} (now {now})").format(
                scale=_scale_words(s.ui_scale), now=now)
        else:
            scale = _("Text and UI scale: automatic (now {now})").format(now=now)
        if s.language:
            language = _("Language: {language}").format(
                language=LANGUAGE_NAMES.get(s.language, s.language))
        else:
            language = _("Language: the computer's ({language})").format(
                language=LANGUAGE_NAMES.get(current_language(), "?"))
        return [
            ("size", _("Window size: {width} x {height}").format(width=s.window_width,
                                                                 height=s.window_height),
             _("The window's size (drag its edge to resize too).")),
            ("fullscreen", _("Fullscreen: on  [F11]") if s.fullscreen else
             _("Fullscreen: off  [F11]"), _("Fill the whole screen.")),
            ("scale", scale, _("Bigger text for big screens: automatic follows the window size. "
                               "Only the scales every screen fits at in this window are "
                               "offered.")),
            ("palette", _("Colours: colour-blind friendly") if s.palette == "colourblind"
             else _("Colours: standard"),
             _("A palette that reads with any colour vision; the map also uses patterns.")),
            ("history", _("History notes: before choosing") if s.history_notes == "before"
             else _("History notes: after choosing"),
             _("When an event's 'what really happened' panel is shown.")),
            ("language", language,
             _("The language of the game and its reports; the scenario's own text stays as "
               "written.")),
            ("tutorial", _("Replay the guided first turn next game"),
             _("The short guide shows again at the start of the next game.")),
            ("back", _("Back  [Esc]"), ""),
        ]

    def build(self) -> None:
        a = self.area
        w, h, gap = min(a.width - self.px(80), self.px(620)), self.px(46), self.px(10)
        y = a.y + self.px(110)
        for key, label, tip in self.rows():
            self.button(key, pygame.Rect(a.centerx - w // 2, y, w, h), label,
                        "@small" if key == "back" else None,
                        tip=[label, tip, _("Enter or click to change.")] if tip else None)
            y += h + gap

    def on_button(self, key: str) -> None:
        app = self.app
        s = app.settings
        if key == "back":
            app.pop()
            return
        now = time.monotonic()
        last_key, last_time = self._last_click
        self._last_click = (key, now)
        if not app.keyboard_mode and key == last_key and now - last_time < DOUBLE_CLICK_SECONDS:
            return  # the second click of a double click: one step, not two
        if key == "size":
            size = _next(self.window_sizes(), (s.window_width, s.window_height))
            assert isinstance(size, tuple)
            s.window_width, s.window_height = size
            if not s.fullscreen:
                app.resize(size)
        elif key == "fullscreen":
            app.set_fullscreen(not s.fullscreen)
        elif key == "scale":
            value = _next(self.scales(), s.ui_scale)
            assert isinstance(value, float)
            s.ui_scale = value
            app.relayout()
        elif key == "palette":
            s.palette = str(_next(PALETTES, s.palette))
        elif key == "history":
            s.history_notes = str(_next(HISTORY_TIMING, s.history_notes))
        elif key == "language":
            app.change_language(str(_next(("", *available_languages()), s.language)))
        elif key == "tutorial":
            s.tutorial_done = False
            app.toast(_("The guided first turn will show at the start of the next game; it is "
                        "also in Help."), "good")
        problem = app.store_settings()
        if problem:
            app.toast(problem, "bad")
        if app.top is self:
            self.rebuild()
            self.focus_key = key

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area
        c, f = self.app.colours, self.app.fonts
        draw_text(surface, _("Settings"), (a.centerx, a.y + self.px(40)), f.title(), c.accent,
                  align="center")
        draw_text(surface, _("Saved automatically for next time."), (a.centerx, a.y + self.px(76)),
                  f.small(), c.dim, align="center")
