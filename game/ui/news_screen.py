"""News and timeline: every event and decision so far (a line opens its news card with the
history note), and the player's path beside history."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.present.dates import turn_date
from game.present.news import news
from game.present.player import capital, possessive, the_name
from game.present.timeline import Decisions, dated, side_lines, timeline
from game.ui.news_items import CardItem
from game.ui.scene import Scene
from game.ui.widgets import Cell, ItemList, ScrollTable, ScrollText, draw_lines, draw_text, wrap

if TYPE_CHECKING:
    from game.ui.nav import Stage

# TRANSLATORS: (key, tab label, short tab label) of the news screen's tabs.
TABS = (("news", N_("News"), N_("News")),
        ("timeline", N_("Timeline: you and history"), N_("Timeline")))


class NewsScene(Scene):
    title = N_("News")

    def __init__(self, app: Stage, tab: str = "news") -> None:
        super().__init__(app)
        self.tab = tab
        self.view: ScrollText | None = None
        self.items: dict[str, CardItem] = {}
        self.selected = -1
        self.caption_rect = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        app = self.app
        assert app.session is not None
        a = self.area.inflate(-self.px(60), -self.px(40))
        bh = self.px(40)
        f = self.button_font("@small")
        wide = f.size(_(TABS[1][1]))[0] + f.size(_(TABS[0][1]))[0] + self.px(560) < a.width
        x = a.x + app.fonts.title().size(_("News & timeline"))[0] + self.px(24)
        for key, label, short in TABS:
            text = _(label) if wide else _(short)
            w = self.button_font("@primary").size(text)[0] + self.px(36)
            self.button(f"tab:{key}", pygame.Rect(x, a.y, w, bh),
                        text, "@primary" if key == self.tab else "@small")
            x += w + self.px(8)
        back = _("Back  [Esc]")
        bw = f.size(back)[0] + self.px(40)
        self.button("back", pygame.Rect(a.right - bw, a.y, bw, bh), back, "@small")
        # Two lines of caption, or as many as it needs (three at most: German's are longer).
        lines = len(wrap(self.caption(), app.fonts.small(), a.width))
        caption_h = max(2, min(3, lines)) * app.fonts.small().get_linesize() + self.px(6)
        self.caption_rect = pygame.Rect(a.x, a.y + bh + self.px(8), a.width, caption_h)
        top = bh + self.px(12) + caption_h
        body = pygame.Rect(a.x, a.y + top, a.width, a.height - top)
        if self.tab == "news":
            self._build_news(body)
        else:
            self._build_timeline(body)

    def _build_news(self, body: pygame.Rect) -> None:
        app = self.app
        assert app.session is not None
        paras: list[tuple[str, str]] = []
        keys: list[str | None] = []
        self.items = {}
        last = None
        for n, item in enumerate(news(app.session.state, 2000)):
            heading = item.turn_date or item.date  # a heading per turn
            if heading != last:
                paras.append((heading, "heading"))
                keys.append(None)
                last = heading
            style = {"action": "good", "choice": "accent", "drift": "dim"}.get(item.kind, "body")
            key: str | None = None
            if item.kind in ("event", "choice", "action"):
                key = f"item:{n}"
                self.items[key] = CardItem("action" if item.kind == "action" else "event",
                                           item.index, item.turn, item.choice)
            # An event's own date within its turn goes in front of its line.
            paras.append((dated(item.date, item.text) if item.date != heading else item.text,
                          style))
            keys.append(key)
        if not paras:
            paras, keys = [(_("Nothing has happened yet."), "dim")], [None]
        view = ItemList(body, paras, app.fonts, app.colours, keys=keys)
        view.relayout()
        if 0 <= self.selected < len(keys) and keys[self.selected] is not None:
            view.selected = self.selected
            view.move(0)
        self.view = view

    def _build_timeline(self, body: pygame.Rect) -> None:
        app = self.app
        assert app.session is not None
        who = capital(the_name(app.session.state.rules.scenario.player))
        rows: list[tuple[list[Cell], str]] = [
            ([_("Date"), _("You"), _("{state} in history").format(state=who)], "bold")]
        for row in timeline(app.session.state):
            mine = _cell(row.mine, row.theirs, row.mine_shifted, _("history"), True)
            theirs = _cell(row.theirs, row.mine, row.theirs_shifted, _("you"), False)
            date = _("{date}\n(differs)").format(date=row.date) if row.differs else row.date
            rows.append(([date, mine, theirs], "accent" if row.differs else "body"))
        if len(rows) == 1:
            rows.append((["", _("No decisions yet."), ""], "dim"))
        self.view = ScrollTable(body, [], app.fonts, app.colours, rows=rows,
                                columns=(0.14, 0.43, 0.43))

    def open_item(self, key: str | None) -> None:
        item = self.items.get(key or "")
        if item is None:
            return
        app = self.app
        assert app.session is not None
        date = turn_date(app.session.state.rules, item.turn)
        heading = (_("Your action, {date}") if item.kind == "action" else
                   _("News: {date}")).format(date=date)
        app.open_news_card([item], heading)

    def on_button(self, key: str) -> None:
        if key == "back":
            self.app.pop()
        elif key.startswith("tab:"):
            self.tab = key[4:]
            self.rebuild()

    def on_enter(self) -> None:
        if isinstance(self.view, ItemList):
            self.open_item(self.view.key(self.view.selected))

    def handle(self, event: pygame.event.Event) -> bool:
        view = self.view
        if isinstance(view, ItemList):
            if event.type == pygame.MOUSEMOTION:
                view.hovered = view.item_at(event.pos)
            elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                n = view.item_at(event.pos)
                if n >= 0:
                    view.selected = self.selected = n
                    self.focus_key = None
                    self.open_item(view.key(n))
                    return True
        if view and view.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        view = self.view
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and view:
            view.scroll(300 if k == pygame.K_PAGEDOWN else -300)
            return True
        if k in (pygame.K_DOWN, pygame.K_UP):
            if isinstance(view, ItemList):
                view.move(1 if k == pygame.K_DOWN else -1)
                self.selected = view.selected
                self.focus_key = None  # Enter now opens the selected line
            elif view:
                view.scroll(60 if k == pygame.K_DOWN else -60)
            return True
        if k == pygame.K_n:
            self.app.pop()
            return True
        if k == pygame.K_t:
            self.tab = "timeline" if self.tab == "news" else "news"
            self.rebuild()
            return True
        return super().handle_key(event)

    def caption(self) -> str:
        """The line under the tabs: how to read the tab shown."""
        if self.tab == "timeline":
            whose = (possessive(self.app.session.state.rules.scenario.player)
                     if self.app.session is not None else _("history's"))
            return _("Gold: your key decisions (answers to events, one-off actions) differ "
                     "from {whose}; a step taken a turn apart shows the other date. Routine "
                     "actions, repeatable every turn, are in grey and not compared. T: the "
                     "news.").format(whose=whose)
        return _("Click a line, or choose it with the arrow keys and press Enter, to read "
                 "it again with what really happened. T: the timeline.")

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        c, f = self.app.colours, self.app.fonts
        draw_text(surface, _("News & timeline"), a.topleft, f.title(), c.accent)
        draw_lines(surface, [(self.caption(), "dim")], self.caption_rect, f, c)
        if self.view:
            self.view.draw(surface)


def _cell(side: Decisions, other: Decisions, shifted: dict[str, str], who: str,
          mine: bool) -> Cell:
    """One side's turn: what happened, its answers, policies and one-off actions (in gold where
    the other side did otherwise; a shifted one with the other side's date), how its gambles
    came out, then its routine actions in grey (see :func:`side_lines`)."""
    out: list[tuple[str, str]] = side_lines(side, other, shifted, who, mine)
    return out
