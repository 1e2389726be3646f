"""The in-game menu (Esc): resume, save, load, settings, help, back to the title, quit."""

from __future__ import annotations

import pygame

from game.i18n import N_, _
from game.ui.scene import Scene
from game.ui.widgets import dim, draw_text, panel

ITEMS = (("resume", N_("Resume  [Esc]")), ("save", N_("Save game…")),
         ("load", N_("Load game…")), ("settings", N_("Settings")), ("help", N_("Help  [F1]")),
         ("title", N_("Back to the title")), ("quit", N_("Quit the game")))


class MenuScene(Scene):
    modal = True
    title = N_("Menu")

    def build(self) -> None:
        a = self.area
        w, h, gap = self.px(320), self.px(44), self.px(8)
        total = len(ITEMS) * (h + gap) + self.px(60)
        self.box = pygame.Rect(0, 0, w + self.px(60), total + self.px(20))
        self.box.center = a.center
        y = self.box.y + self.px(64)
        for key, label in ITEMS:
            self.button(key, pygame.Rect(self.box.centerx - w // 2, y, w, h), _(label),
                        "@menu_button")
            y += h + gap
        self.focus_key = "resume"

    def on_button(self, key: str) -> None:
        app = self.app
        if key == "resume":
            app.pop()
        elif key == "save":
            app.open_saves(saving=True)
        elif key == "load":
            app.open_saves(saving=False)
        elif key == "settings":
            app.open_settings()
        elif key == "help":
            app.open_help()
        elif key == "title":
            app.pop_to_title()
        elif key == "quit":
            app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        dim(surface)
        panel(surface, self.box, self.app.colours)
        # TRANSLATORS: the heading of the in-game menu.
        draw_text(surface, _("Menu"), (self.box.centerx, self.box.y + self.px(16)),
                  self.app.fonts.title(), self.app.colours.accent, align="center")
