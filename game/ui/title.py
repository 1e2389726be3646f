"""The title screen: new game, continue, load, scenarios, settings, help, quit."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.i18n import N_, _
from game.ui.savefiles import any_save
from game.ui.scene import Scene
from game.ui.widgets import draw_text

ITEMS = (
    ("new", N_("New game"), pygame.K_n, N_("Start the default scenario (or the one picked)")),
    ("continue", N_("Continue"), pygame.K_c,
     N_("Go on from the newest save: an autosave, the quick save or a named one")),
    ("load", N_("Load a game"), pygame.K_l, N_("Open a saved game")),
    ("scenarios", N_("Scenarios"), pygame.K_s,
     N_("Pick a scenario: bundled or the teacher's folder")),
    ("settings", N_("Settings"), pygame.K_o, N_("Window, UI scale, colours, history notes")),
    ("help", N_("Help"), pygame.K_h, N_("How to play, and every keyboard shortcut")),
    ("quit", N_("Quit"), pygame.K_q, N_("Close the game")),
)


class TitleScene(Scene):
    title = N_("Title")

    def build(self) -> None:
        a = self.area
        w, h, gap = self.px(320), self.px(46), self.px(10)
        top = self.px(200)  # under the banner
        foot = self.footer_top() - self.px(8)  # above the scenario line and the keys line
        n = len(ITEMS)
        if top + n * (h + gap) - gap > foot:  # a low window: closer, lower buttons
            step = max((foot - top + gap) // n, self.px(34))
            gap = min(gap, max(self.px(4), step // 8))
            h = min(h, step - gap)
        total = n * (h + gap) - gap
        y = max(a.centery - total // 2 + self.px(60), top)
        y = min(y, foot - total)
        has_auto = any_save()
        for key, label, k, tip in ITEMS:
            letter = pygame.key.name(k).upper()
            enabled = key != "continue" or has_auto
            # TRANSLATORS: a title screen button; {key} is the letter that presses it.
            text = _("{label}   [{key}]").format(label=_(label), key=letter)
            self.button(key, pygame.Rect(a.centerx - w // 2, y, w, h), text,
                        "@menu_button", tip=[_(label), _(tip)], enabled=enabled)
            y += h + gap

    def footer_top(self) -> int:
        """The top of the two small lines at the bottom (the scenario, the keys)."""
        return self.area.bottom - self.px(30)

    def on_button(self, key: str) -> None:
        app = self.app
        if key == "new":
            app.new_game(Path(app.chosen_scenario) if app.chosen_scenario else None)
        elif key == "continue":
            app.continue_game()
        elif key == "load":
            app.open_saves(saving=False)
        elif key == "scenarios":
            app.open_scenarios()
        elif key == "settings":
            app.open_settings()
        elif key == "help":
            app.open_help()
        elif key == "quit":
            app.quit()

    def on_escape(self) -> None:
        self.app.quit()

    def handle_key(self, event: pygame.event.Event) -> bool:
        for key, _label, k, _tip in ITEMS:
            if event.key == k and key in self.buttons and self.buttons[key].is_enabled:
                self.on_button(key)
                return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area
        c, f = self.app.colours, self.app.fonts
        # A simple banner: a dark red band with a gold rule, then the title.
        band = pygame.Rect(0, self.px(40), surface.get_width(), self.px(150))
        pygame.draw.rect(surface, (70, 24, 22), band)
        pygame.draw.line(surface, c.accent, band.bottomleft, band.bottomright, 2)
        draw_text(surface, "STATECRAFT", (a.centerx, band.y + self.px(18)), f.get(54, True),
                  c.accent, align="center")
        draw_text(surface, _("A diplomacy game for history classes: your choices beside history"),
                  (a.centerx, band.y + self.px(96)), f.get(18), c.text, align="center")
        chosen = self.app.chosen_scenario
        label = _("Scenario: {file}").format(
            file=chosen.replace(chr(92), '/').rsplit('/', 1)[-1]) if chosen else \
            _("Scenario: the default")
        draw_text(surface, label, (a.centerx, self.footer_top()), f.small(), c.dim,
                  align="center")
        draw_text(surface, _("F1 help  ·  arrows/Tab + Enter, or the letters"),
                  (a.right - self.px(12), self.footer_top()), f.small(), c.dim, align="right")
