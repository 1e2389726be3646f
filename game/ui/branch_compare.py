"""Two futures side by side (from the end report of a branch, key C): the game the player
tried again from and the branch, both against history on the same charts, and the decisions
on which they differ beside what the player's state did."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.present import branches as say
from game.present.numbers import number
from game.ui.branching import first_future
from game.ui.scene import Scene
from game.ui.theme import MIN_FONT_PX
from game.ui.widgets import Cell, ScrollTable, draw_lines, draw_text, wrap

if TYPE_CHECKING:
    from game.ui.nav import Stage

FIRST_COLOUR = (230, 160, 70)
OTHER_COLOUR = (120, 200, 140)

# TRANSLATORS: (key, tab label, short tab label) of the two futures' tabs.
TABS = (("charts", N_("Both futures against history"), N_("Charts")),
        ("side", N_("Side by side"), N_("Side by side")))


class BranchCompareScene(Scene):
    title = N_("Two futures")

    def __init__(self, app: Stage) -> None:
        """Raises :class:`game.ui.branching.BranchError` when the game on screen is no
        branch, or the first future no longer replays."""
        super().__init__(app)
        session = app.session
        assert session is not None and session.branch is not None
        self.rules = session.rules
        first = first_future(session)
        self.futures = say.two_futures(self.rules, first, session.state, session.branch.split)
        self.tab = "charts"
        self.view: ScrollTable | None = None
        self.charts: list[tuple[pygame.Rect, pygame.Surface]] = []
        self.summary_rect = pygame.Rect(0, 0, 0, 0)
        self.body = pygame.Rect(0, 0, 0, 0)
        self.problem = ""

    def frame(self) -> pygame.Rect:
        return self.area.inflate(-self.px(40), -self.px(30))

    def summary(self) -> list[tuple[str, str]]:
        return say.summary_lines(self.rules, self.futures)

    def build(self) -> None:
        a = self.frame()
        f = self.app.fonts
        bh = self.px(40)
        gap = self.px(8)
        lines = sum(len(wrap(t, f.small(), a.width)) for t, _s in self.summary()[:5])
        top = a.y + f.title().get_linesize() + self.px(4)
        self.summary_rect = pygame.Rect(a.x, top, a.width,
                                        min(7, lines) * f.small().get_linesize() + self.px(8))
        ty = self.summary_rect.bottom + self.px(4)
        font = self.button_font("@primary")
        for long in (True, False):
            labels = [_(label) if long else _(short) for _k, label, short in TABS]
            widths = [font.size(t)[0] + self.px(36) for t in labels]
            if sum(widths) + gap * len(widths) <= a.width - self.px(200):
                break
        x = a.x
        for (key, _l, _s), label, w in zip(TABS, labels, widths, strict=True):
            self.button(f"tab:{key}", pygame.Rect(x, ty, w, bh), label,
                        "@primary" if key == self.tab else "@small")
            x += w + gap
        back = _("Back  [Esc]")
        w = self.button_font("@small").size(back)[0] + self.px(36)
        self.button("back", pygame.Rect(a.right - w, ty, w, bh), back, "@small")
        self.body = pygame.Rect(a.x, ty + bh + self.px(10), a.width,
                                a.bottom - (ty + bh + self.px(10)))
        self.view = None
        self.charts = []
        if self.tab == "side":
            self.view = ScrollTable(self.body, [], f, self.app.colours, rows=self.rows(),
                                    columns=(0.12, 0.28, 0.20, 0.20, 0.20))
        else:
            self.charts = self.make_charts()

    def rows(self) -> list[tuple[list[Cell], str]]:
        fut = self.futures
        heads: list[Cell] = list(say.row_heads(self.rules))
        out: list[tuple[list[Cell], str]] = [(heads, "bold")]
        for r in fut.rows:
            differs = r.first != r.other
            out.append(([r.date, r.title, [(r.first, "accent" if differs else "body")],
                         [(r.other, "good" if differs else "body")],
                         [(r.history, "history")]], "body"))
        if not fut.rows:
            out.append((["", say.no_rows(), "", "", ""], "dim"))
        aims = say.aim_heads()
        out.append((["", aims[0], aims[1], aims[2], aims[3]], "bold"))
        for aim in fut.aims:
            out.append((["", aim.name, number(aim.first, 1), number(aim.other, 1),
                         number(aim.history, 1)], "body"))
        out.append((["", [(t, "dim") for t, _s in self.summary()[5:]], "", "", ""], "dim"))
        return out

    def make_charts(self) -> list[tuple[pygame.Rect, pygame.Surface]]:
        body = self.body
        try:
            from game.ui.charts import Series, chart_grid
        except ImportError as exc:
            self.problem = _("charts not available ({error})").format(error=exc)
            return []
        cap_h = 2 * self.app.fonts.small().get_linesize() + self.px(4)
        colours = (self.app.colours.history, FIRST_COLOUR, OTHER_COLOUR)
        specs = [(chart.title, list(chart.x_labels),
                  [Series(line.name, list(line.values), colours[k % 3], line.history)
                   for k, line in enumerate(chart.lines)],
                  chart.y_range) for chart in self.futures.charts]
        out, failed = chart_grid(body, specs, self.px(12), top=cap_h, min_font_px=MIN_FONT_PX)
        for title, error in failed:
            self.problem = _("chart of {aim} failed: {error}").format(aim=title, error=error)
        return out

    def on_button(self, key: str) -> None:
        if key.startswith("tab:"):
            self.tab = key[4:]
            self.rebuild()
            self.focus_key = key
        elif key == "back":
            self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view and self.view.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if k == pygame.K_t or k == pygame.K_c:
            self.tab = "side" if self.tab == "charts" else "charts"
            self.rebuild()
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.view:
            self.view.scroll(300 if k == pygame.K_PAGEDOWN else -300)
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.frame()
        c, f = self.app.colours, self.app.fonts
        draw_text(surface, say.heading(self.futures), a.topleft, f.title(), c.accent, a.width)
        # The summary in small type, each line in its future's colour.
        styles = {"good": c.good, "history": c.history, "accent": c.accent, "dim": c.dim}
        y = self.summary_rect.y
        font = f.small()
        for text, style in self.summary()[:5]:
            for line in wrap(text, font, self.summary_rect.width):
                if y + font.get_linesize() > self.summary_rect.bottom:
                    break
                surface.blit(font.render(line, True, styles.get(style, c.text)),
                             (self.summary_rect.x, y))
                y += font.get_linesize()
        if self.tab == "charts":
            cap = pygame.Rect(self.body.x, self.body.y, self.body.width,
                              2 * f.small().get_linesize())
            draw_lines(surface, [(say.charts_caption(self.futures), "dim")], cap, f, c)
            for rect, img in self.charts:
                surface.blit(img, rect.topleft)
            if not self.charts:
                draw_text(surface, self.problem or _("No charts."), self.body.topleft, f.body(),
                          c.bad, self.body.width)
        if self.view:
            self.view.draw(surface)
