"""News and timeline: every event and decision so far, and the player's path beside history."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.explain import news, timeline
from game.ui.scene import Scene
from game.ui.widgets import ScrollTable, ScrollText, draw_text

if TYPE_CHECKING:
    from game.ui.app import App

TABS = (("news", "News"), ("timeline", "Timeline: you and history"))


class NewsScene(Scene):
    title = "News"

    def __init__(self, app: App, tab: str = "news") -> None:
        super().__init__(app)
        self.tab = tab
        self.view: ScrollText | None = None

    def build(self) -> None:
        app = self.app
        assert app.session is not None
        state = app.session.state
        a = self.area.inflate(-self.px(60), -self.px(40))
        bh = self.px(40)
        x = a.x + self.px(220)
        for key, label in TABS:
            w = self.px(260)
            self.button(f"tab:{key}", pygame.Rect(x, a.y, w, bh),
                        label, "@primary" if key == self.tab else "@small")
            x += w + self.px(8)
        self.button("back", pygame.Rect(a.right - self.px(160), a.y, self.px(160), bh),
                    "Back  [Esc]", "@small")
        top = bh + self.px(36 if self.tab == "timeline" else 16)
        body = pygame.Rect(a.x, a.y + top, a.width, a.height - top)
        if self.tab == "news":
            paras: list[tuple[str, str]] = []
            last = None
            for item in news(state, 2000):
                if item.date != last:
                    paras.append((item.date, "heading"))
                    last = item.date
                style = {"action": "good", "choice": "accent", "drift": "dim"}.get(item.kind,
                                                                                   "body")
                paras.append((item.text, style))
            if not paras:
                paras = [("Nothing has happened yet.", "dim")]
            self.view = ScrollText(body, paras, app.fonts, app.colours)
        else:
            rows: list[tuple[list[str], str]] = [(["Date", "You", "The USSR in history"],
                                                  "bold")]
            for date, mine, theirs in timeline(state):
                same = set(mine) == set(theirs)
                rows.append(([date, "\n".join(mine) or "-", "\n".join(theirs) or "-"],
                             "body" if same else "accent"))
            if len(rows) == 1:
                rows.append((["", "No decisions yet.", ""], "dim"))
            self.view = ScrollTable(body, [], app.fonts, app.colours, rows=rows,
                                    columns=(0.14, 0.43, 0.43))

    def on_button(self, key: str) -> None:
        if key == "back":
            self.app.pop()
        elif key.startswith("tab:"):
            self.tab = key[4:]
            self.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view and self.view.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.view:
            self.view.scroll(300 if event.key == pygame.K_PAGEDOWN else -300)
            return True
        if event.key == pygame.K_n:
            self.app.pop()
            return True
        if event.key == pygame.K_t:
            self.tab = "timeline" if self.tab == "news" else "news"
            self.rebuild()
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        draw_text(surface, "News & timeline", a.topleft, self.app.fonts.title(),
                  self.app.colours.accent)
        if self.tab == "timeline":
            draw_text(surface, "Rows in gold: your decisions differ from history's (T switches)",
                      (a.x, a.y + self.px(50)), self.app.fonts.small(), self.app.colours.dim)
        if self.view:
            self.view.draw(surface)
