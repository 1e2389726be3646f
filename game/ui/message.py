"""A message box over the current screen: a title, plain text lines and an OK button."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.safetext import printable
from game.ui.scene import Scene
from game.ui.widgets import ScrollText, dim, draw_text, panel

if TYPE_CHECKING:
    from game.ui.nav import Stage


class MessageScene(Scene):
    modal = True

    def __init__(self, app: Stage, title: str, lines: list[str],
                 choices: list[tuple[str, str]] | None = None,
                 then: Callable[[str], None] | None = None, compact: bool = False) -> None:
        super().__init__(app)
        self.compact = compact
        # Text from a file (a scenario's problems, a save's name) may hold control characters
        # pygame cannot draw: they show escaped.
        self.title = printable(title, 200)
        self.lines = [printable(line, 4000, lines=True) for line in lines]
        self.choices = choices or [("ok", _("OK"))]
        self.then = then
        self.view: ScrollText | None = None
        self.box = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        a = self.area
        w = min(a.width - 40, self.px(720))
        h = min(a.height - 40, self.px(260) if self.compact else self.px(420))
        self.box = pygame.Rect(0, 0, w, h)
        self.box.center = a.center
        bh = self.px(40)
        inner = self.box.inflate(-self.px(40), -self.px(32))
        text_rect = pygame.Rect(inner.x, inner.y + self.px(36), inner.width,
                                inner.height - self.px(36) - bh - self.px(12))
        self.view = ScrollText(text_rect, [(t, "body") for t in self.lines], self.app.fonts,
                               self.app.colours)
        widest = max(self.button_font("@primary").size(label)[0] for _, label in self.choices)
        bw = min(max(self.px(200), widest + self.px(30)),
                 (inner.width - 10 * len(self.choices)) // len(self.choices))
        x = inner.right - len(self.choices) * (bw + 10) + 10
        for key, label in self.choices:
            self.button(key, pygame.Rect(x, inner.bottom - bh, bw, bh), label, "@primary")
            x += bw + 10
        self.focus_key = self.choices[0][0]

    def on_button(self, key: str) -> None:
        self.app.pop()
        if self.then:
            self.then(key)

    def on_escape(self) -> None:
        self.on_button(self.choices[-1][0])

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view and self.view.handle(event):
            return True
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        dim(surface)
        inner = panel(surface, self.box, self.app.colours)
        draw_text(surface, self.title, (inner.x + self.px(12), inner.y + self.px(8)),
                  self.app.fonts.title(), self.app.colours.accent, inner.width)
        if self.view:
            self.view.draw(surface)
