"""Settings: window size, fullscreen, UI scale, colour-blind palette, history notes timing.
Each change applies at once and is saved to the settings file."""

from __future__ import annotations

import pygame

from game.i18n import LANGUAGE_NAMES, available_languages, current_language
from game.ui.scene import Scene
from game.ui.settings import HISTORY_TIMING, PALETTES, SCALES, WINDOW_SIZES
from game.ui.widgets import draw_text


def _next(values: tuple[object, ...], current: object, step: int = 1) -> object:
    i = values.index(current) if current in values else -1
    return values[(i + step) % len(values)]


class SettingsScene(Scene):
    title = "Settings"

    def rows(self) -> list[tuple[str, str, str]]:
        s = self.app.settings
        scale = "automatic" if not s.ui_scale else f"{s.ui_scale:g}x"
        return [
            ("size", f"Window size: {s.window_width} x {s.window_height}",
             "The window's size (drag its edge to resize too)."),
            ("fullscreen", f"Fullscreen: {'on' if s.fullscreen else 'off'}  [F11]",
             "Fill the whole screen."),
            ("scale", f"Text and UI scale: {scale} (now {self.app.scale:g}x)",
             "Bigger text for big screens: automatic follows the window size."),
            ("palette", "Colours: " + ("colour-blind friendly" if s.palette == "colourblind"
                                       else "standard"),
             "A palette that reads with any colour vision; the map also uses patterns."),
            ("history", "History notes: " + ("before choosing" if s.history_notes == "before"
                                             else "after choosing"),
             "When an event's 'what really happened' panel is shown."),
            ("language", "Language: " + (LANGUAGE_NAMES.get(s.language, s.language) if s.language
                                         else "the computer's ("
                                         + LANGUAGE_NAMES.get(current_language(), "?") + ")"),
             "The language of the game and its reports; the scenario's own text stays as "
             "written."),
            ("tutorial", "Replay the guided first turn next game",
             "The short guide shows again at the start of the next game."),
            ("back", "Back  [Esc]", ""),
        ]

    def build(self) -> None:
        a = self.area
        w, h, gap = min(a.width - self.px(80), self.px(620)), self.px(46), self.px(10)
        y = a.y + self.px(110)
        for key, label, tip in self.rows():
            self.button(key, pygame.Rect(a.centerx - w // 2, y, w, h), label,
                        "@small" if key == "back" else None,
                        tip=[label, tip, "Enter or click to change."] if tip else None)
            y += h + gap

    def on_button(self, key: str) -> None:
        app = self.app
        s = app.settings
        if key == "back":
            app.pop()
            return
        if key == "size":
            size = _next(WINDOW_SIZES, (s.window_width, s.window_height))
            assert isinstance(size, tuple)
            s.window_width, s.window_height = size
            if not s.fullscreen:
                app.resize(size)
        elif key == "fullscreen":
            app.set_fullscreen(not s.fullscreen)
        elif key == "scale":
            value = _next(SCALES, s.ui_scale)
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
            app.toast("The guided first turn will show at the start of the next game; it is "
                      "also in Help.", "good")
        problem = app.store_settings()
        if problem:
            app.toast(problem, "bad")
        if app.top is self:
            self.rebuild()
            self.focus_key = key

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area
        c, f = self.app.colours, self.app.fonts
        draw_text(surface, "Settings", (a.centerx, a.y + self.px(40)), f.title(), c.accent,
                  align="center")
        draw_text(surface, "Saved automatically for next time.", (a.centerx, a.y + self.px(76)),
                  f.small(), c.dim, align="center")
