"""An event dialog: its text, the choices with their expected effects, and the history note
(before or after choosing, as the settings say)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import flow
from game.ui.explain import choice_effect, turn_date
from game.ui.history_note import note_paragraphs
from game.ui.scene import Scene
from game.ui.text import cut, one_line
from game.ui.widgets import ScrollText, dim, draw_text, panel

if TYPE_CHECKING:
    from game.ui.app import App


class EventScene(Scene):
    modal = True
    title = "Event"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.session is not None
        state = app.session.state
        self.event_index = state.pending[0] if state.pending else -1
        self.turn = state.turn
        self.answered: int | None = None
        self.show_history = app.settings.history_notes == "before"
        self.text_view: ScrollText | None = None
        self.hist_view: ScrollText | None = None
        self.effects: list[tuple[pygame.Rect, str, str]] = []
        self.box = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        app = self.app
        if app.session is None or self.event_index < 0:
            return
        rules = app.session.state.rules
        ev = rules.scenario.events[self.event_index]
        a = self.area
        self.box = pygame.Rect(0, 0, min(a.width - self.px(40), self.px(1160)),
                               min(a.height - self.px(40), self.px(660)))
        self.box.center = a.center
        inner = self.box.inflate(-self.px(32), -self.px(28))
        left = pygame.Rect(inner.x, inner.y, inner.width * 58 // 100, inner.height)
        right = pygame.Rect(left.right + self.px(20), inner.y,
                            inner.right - left.right - self.px(20), inner.height)
        self.right = right
        head = self.px(64)
        n = len(ev.choices)
        row_h = self.px(34) + app.fonts.small().get_linesize() + self.px(6)
        choices_h = row_h * n if self.answered is None else 0
        bottom_h = self.px(48)
        text_rect = pygame.Rect(left.x, left.y + head, left.width,
                                max(self.px(60), left.height - head - choices_h - bottom_h -
                                    self.px(10)))
        self.text_view = ScrollText(text_rect, [(cut(ev.text), "body")], app.fonts, app.colours)
        self.effects = []
        y = text_rect.bottom + self.px(8)
        if self.answered is None:
            state = app.session.state
            for k, c in enumerate(ev.choices):
                eff = choice_effect(state, c.id)
                tip = [one_line(c.label, 100)] + ([cut(c.description, 500)] if c.description
                                                  else [])
                tip.append(f"Expected effect: {eff.text() if eff else 'unknown'}")
                self.button(f"choice:{k}", pygame.Rect(left.x, y, left.width, self.px(34)),
                            f"{k + 1}. {one_line(c.label, 80)}", tip=tip)
                style = "dim" if eff is None or eff.good == 0 else "good" if eff.good > 0 \
                    else "bad"
                self.effects.append((pygame.Rect(left.x + self.px(14), y + self.px(35),
                                                 left.width - self.px(14), row_h),
                                     "» " + (eff.text() if eff else "?"), style))
                y += row_h
            if not self.show_history:
                self.button("history", pygame.Rect(right.x, right.bottom - bottom_h + self.px(6),
                                                   right.width, self.px(40)),
                            "Read the history first [H]", "@small")
        else:
            self.button("continue", pygame.Rect(left.right - self.px(240),
                                                left.bottom - self.px(42), self.px(240),
                                                self.px(42)), "Continue  [Enter]", "@primary")
            self.button("undo", pygame.Rect(left.x, left.bottom - self.px(42), self.px(200),
                                            self.px(42)), "Change my choice", "@small")
            self.focus_key = "continue"
        hist_rect = pygame.Rect(right.x + self.px(12), right.y + self.px(12),
                                right.width - self.px(24),
                                right.height - self.px(24) - (bottom_h if "history" in
                                                              self.buttons else 0))
        if self.show_history or self.answered is not None:
            hc = ev.choices[rules.events[self.event_index].historical_choice].label \
                if ev.choices and rules.events[self.event_index].historical_choice >= 0 else None
            mine = ev.choices[self.answered].label if self.answered is not None else None
            paras = note_paragraphs(ev.history, hc, mine)
        else:
            paras = [("What really happened", "heading"),
                     ("The history note is shown after you choose, so that your choice is your "
                      "own. (Settings: history notes before or after choosing.)", "dim")]
        self.hist_view = ScrollText(hist_rect, paras, app.fonts, app.colours)

    def on_button(self, key: str) -> None:
        if key.startswith("choice:"):
            self.choose(int(key[7:]))
        elif key == "history":
            self.show_history = True
            self.rebuild()
        elif key == "continue":
            self.done()
        elif key == "undo":
            assert self.app.session is not None
            self.app.session.undo()
            self.answered = None
            self.rebuild()

    def choose(self, k: int) -> None:
        session = self.app.session
        if session is None or self.answered is not None:
            return
        ev = session.state.rules.scenario.events[self.event_index]
        if not 0 <= k < len(ev.choices):
            return
        problem = session.choose(ev.id, ev.choices[k].id)
        if problem:
            self.app.toast(problem, "bad")
            return
        if self.app.settings.history_notes == "before":
            self.done()
            return
        self.answered = k
        self.rebuild()

    def done(self) -> None:
        self.app.pop()
        flow.after_move(self.app)

    def on_escape(self) -> None:
        from game.ui.menu import MenuScene

        self.app.push(MenuScene(self.app))

    def on_enter(self) -> None:
        if self.answered is not None:
            self.done()

    def handle(self, event: pygame.event.Event) -> bool:
        for view in (self.text_view, self.hist_view):
            if view and view.handle(event):
                return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if pygame.K_1 <= k <= pygame.K_9 and self.answered is None:
            self.choose(k - pygame.K_1)
            return True
        if k == pygame.K_h and "history" in self.buttons:
            self.on_button("history")
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.hist_view:
            self.hist_view.scroll(200 if k == pygame.K_PAGEDOWN else -200)
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        if app.session is None or self.event_index < 0:
            return
        rules = app.session.state.rules
        ev = rules.scenario.events[self.event_index]
        c, f = app.colours, app.fonts
        dim(surface)
        inner = panel(surface, self.box, c)
        draw_text(surface, f"{turn_date(rules, self.turn)}  ·  event", inner.topleft, f.small(),
                  c.dim)
        draw_text(surface, one_line(ev.title, 90), (inner.x, inner.y + self.px(20)), f.title(),
                  c.accent, inner.width * 58 // 100)
        if self.text_view:
            self.text_view.draw(surface)
        for rect, text, style in self.effects:
            colour = {"good": c.good, "bad": c.bad}.get(style, c.dim)
            draw_text(surface, text, rect.topleft, f.small(), colour, rect.width)
        pygame.draw.rect(surface, (26, 34, 48), self.right, border_radius=6)
        pygame.draw.rect(surface, c.history, self.right, 1, border_radius=6)
        if self.hist_view:
            self.hist_view.draw(surface)
