"""The map screen: date and aims always on screen, the map of Europe, the actions, the news.

Clicks and keys become engine moves through the session; drawing reads the
state only. Number keys take the actions shown, Enter ends the turn,
Ctrl+Z / Backspace undo, [ and ] pick a nation, N opens the news, Esc the menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.engine import action_problem
from game.ui import explain, flow
from game.ui.explain import action_effect, aim_change, aim_why, nation_lines, news, turn_date
from game.ui.mapsupport import GameMap
from game.ui.scene import Scene
from game.ui.text import cut, one_line, signed
from game.ui.widgets import draw_lines, draw_text, panel

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

HIDDEN = ("already done", "too late: the moment has passed", "not yet possible at this date",
          "the game is over")


class GameScene(Scene):
    title = "Map"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.session is not None
        self.map = GameMap(app.session.state)
        if self.map.problem:
            app.toast(self.map.problem, "bad", 8)
        self.selected: int | None = None
        self.page = 0
        self.shown: list[int] = []
        self.aim_rects: list[pygame.Rect] = []
        self.top_rect = self.left_rect = self.map_rect = self.right_rect = pygame.Rect(0, 0, 0, 0)
        self.news_rect = self.nation_rect = self.actions_rect = pygame.Rect(0, 0, 0, 0)
        self.effect_lines: list[tuple[pygame.Rect, str, str]] = []
        self._layer: pygame.Surface | None = None
        self.pages = 1
        self.map_draw_rect = pygame.Rect(0, 0, 0, 0)
        self.aims_panel = pygame.Rect(0, 0, 0, 0)
        self.end_button_left = 0

    @property
    def session(self) -> Session:
        s = self.app.session
        assert s is not None
        return s

    # -- layout --------------------------------------------------------------------------
    def build(self) -> None:
        self._layer = None  # the state or the layout changed: draw the still parts again
        a = self.area
        st = self.session.state
        pad = self.px(10)
        bar_h = self.px(54)
        self.top_rect = pygame.Rect(0, 0, a.width, bar_h)
        left_w = max(self.px(270), a.width * 23 // 100)
        right_w = max(self.px(320), a.width * 28 // 100)
        body_y = bar_h + pad
        body_h = a.height - body_y - pad
        self.left_rect = pygame.Rect(pad, body_y, left_w, body_h)
        self.right_rect = pygame.Rect(a.width - right_w - pad, body_y, right_w, body_h)
        self.map_rect = pygame.Rect(self.left_rect.right + pad, body_y,
                                    self.right_rect.x - self.left_rect.right - 2 * pad, body_h)
        # Aims: a block per aim, the rest of the left column is the news.
        aims = st.rules.scenario.aims
        aim_h = self.px(62)
        aims_h = self.px(34) + aim_h * len(aims)
        aims_h = min(aims_h, body_h * 3 // 5)
        aim_h = (aims_h - self.px(34)) // max(1, len(aims))
        self.aim_rects = [pygame.Rect(self.left_rect.x + self.px(10),
                                      body_y + self.px(34) + i * aim_h,
                                      left_w - self.px(20), aim_h) for i in range(len(aims))]
        self.aims_panel = pygame.Rect(self.left_rect.x, body_y, left_w, aims_h)
        self.news_rect = pygame.Rect(self.left_rect.x, body_y + aims_h + pad, left_w,
                                     body_h - aims_h - pad)
        # Top bar buttons, right to left.
        bh, x = self.px(38), a.width - pad
        ytop = (bar_h - bh) // 2
        for key, label, w, style in (("end", "End turn  [Enter]", 190, "@primary"),
                                     ("menu", "Menu [Esc]", 120, "@small"),
                                     ("help", "Help [F1]", 110, "@small"),
                                     ("news", "News & timeline [N]", 190, "@small")):
            x -= self.px(w)
            self.button(key, pygame.Rect(x, ytop, self.px(w) - self.px(6), bh), label, style,
                        enabled=not (key == "end" and st.pending_event is not None))
        self.end_button_left = x
        # Map; the nation panel sits over the map's bottom when a nation is selected.
        map_area = self.map_rect.copy()
        legend_h = self.px(28)
        map_area.height -= legend_h
        if self.selected is not None:
            self.nation_rect = pygame.Rect(self.map_rect.x, self.map_rect.bottom - self.px(150),
                                           self.map_rect.width, self.px(150))
            map_area.height = self.nation_rect.y - map_area.y - pad
            self.button("close_nation", pygame.Rect(self.nation_rect.right - self.px(110),
                                                    self.nation_rect.y + self.px(8),
                                                    self.px(100), self.px(30)), "Close [Esc]",
                        "@small")
        try:
            self.map.view.layout(map_area)
        except Exception as exc:  # noqa: BLE001
            self.app.toast(f"map layout failed: {exc}", "bad")
        self.map_draw_rect = map_area
        self._build_actions()

    def _visible_actions(self) -> list[int]:
        st = self.session.state
        rules = st.rules
        out_ok, out_no = [], []
        target = rules.nation_ids[self.selected] if self.selected is not None else None
        for a in rules.actions:
            scn_a = rules.scenario.actions[a.index]
            if target is not None and scn_a.target != target:
                continue
            problem = action_problem(st, a.index)
            if problem is None:
                out_ok.append(a.index)
            elif problem not in HIDDEN or target is not None:
                out_no.append(a.index)
        return out_ok + out_no

    def _build_actions(self) -> None:
        st = self.session.state
        rules = st.rules
        r = self.right_rect
        head_h = self.px(78)
        self.actions_rect = r
        bw = self.px(96)
        self.button("undo", pygame.Rect(r.right - bw - self.px(10), r.y + self.px(8), bw,
                                        self.px(30)), "Undo [^Z]", "@small",
                    tip=["Undo", "Take back the last action or choice of this turn "
                         "(Ctrl+Z or Backspace)."], enabled=self.session.can_undo)
        if self.selected is not None:
            self.button("all", pygame.Rect(r.right - 2 * bw - self.px(16), r.y + self.px(8), bw,
                                           self.px(30)), "All actions", "@small")
        visible = self._visible_actions()
        row_h = self.px(30) + self.app.fonts.small().get_linesize() + self.px(8)
        per_page = max(1, (r.height - head_h - self.px(48)) // row_h)
        pages = max(1, (len(visible) + per_page - 1) // per_page)
        self.page = max(0, min(self.page, pages - 1))
        self.shown = visible[self.page * per_page:(self.page + 1) * per_page]
        self.effect_lines = []
        y = r.y + head_h
        for n, index in enumerate(self.shown):
            a = rules.scenario.actions[index]
            problem = action_problem(st, index)
            key_hint = f"{n + 1}. " if n < 9 else "    "
            label = f"{key_hint}{one_line(a.name, 60)}  ·  {a.cost} pt"
            eff = action_effect(st, index)
            tip = [one_line(a.name, 100), cut(a.description, 600),
                   f"Cost: {a.cost} action point(s); {st.budget} left this turn.",
                   f"Expected effect: {eff.text()}"]
            if a.target:
                tip.append(f"Concerns: {self._nation_name(a.target)}")
            if problem:
                tip.append(f"Not possible now: {problem}")
            if a.history:
                tip.append("History: see the news & timeline and the end report.")
            self.button(f"act:{index}", pygame.Rect(r.x + self.px(8), y, r.width - self.px(16),
                                                    self.px(30)), label,
                        "@unavailable" if problem else None, tip=tip)
            line_rect = pygame.Rect(r.x + self.px(20), y + self.px(31), r.width - self.px(30),
                                    row_h - self.px(31))
            if problem:
                self.effect_lines.append((line_rect, f"× {problem}", "bad"))
            else:
                self.effect_lines.append((line_rect, "» " + eff.text(),
                                          "good" if eff.good > 0 else "bad" if eff.good < 0
                                          else "dim"))
            y += row_h
        self.pages = pages
        if pages > 1:
            yb = r.bottom - self.px(40)
            self.button("prev", pygame.Rect(r.x + self.px(8), yb, self.px(120), self.px(32)),
                        "« PgUp", "@small", enabled=self.page > 0)
            self.button("next", pygame.Rect(r.right - self.px(128), yb, self.px(120),
                                            self.px(32)), "PgDn »", "@small",
                        enabled=self.page < pages - 1)

    def _nation_name(self, nation_id: str) -> str:
        rules = self.session.state.rules
        i = rules.nation_index.get(nation_id)
        return rules.scenario.nations[i].name if i is not None else nation_id

    # -- input ---------------------------------------------------------------------------
    def on_button(self, key: str) -> None:
        app = self.app
        if key.startswith("act:"):
            self.take(int(key[4:]))
        elif key == "end":
            self.end_turn()
        elif key == "undo":
            self.undo()
        elif key == "news":
            from game.ui.news_screen import NewsScene

            app.push(NewsScene(app))
        elif key == "menu":
            self.open_menu()
        elif key == "help":
            flow.open_help(app)
        elif key in ("close_nation", "all"):
            self.select(None)
        elif key == "prev":
            self.page -= 1
            self.rebuild()
        elif key == "next":
            self.page += 1
            self.rebuild()

    def open_menu(self) -> None:
        from game.ui.menu import MenuScene

        self.app.push(MenuScene(self.app))

    def take(self, index: int) -> None:
        st = self.session.state
        problem = action_problem(st, index)
        name = one_line(st.rules.scenario.actions[index].name, 60)
        if problem:
            self.app.toast(f"{name}: {problem}", "bad")
            return
        self.session.take(st.rules.actions[index].id)
        eff = explain.diff(st, self.session.state)
        self.app.toast(f"{name}: {eff.text()}", "good", 2.5)
        self.rebuild()
        flow.after_move(self.app)

    def end_turn(self) -> None:
        before = self.session.state
        flow.end_turn(self.app)
        if self.app.session is not None and self.app.session.state is not before:
            self.page = 0
            if self.app.top is self:
                self.rebuild()

    def undo(self) -> None:
        if self.session.undo():
            self.app.toast("Undone.", "info", 2)
            self.rebuild()
            flow.after_move(self.app)
        else:
            self.app.toast("Nothing to undo this turn.", "bad", 2)

    def select(self, nation: int | None) -> None:
        self.selected = nation
        self.page = 0
        self.rebuild()

    def on_escape(self) -> None:
        if self.selected is not None:
            self.select(None)
        else:
            self.open_menu()

    def on_enter(self) -> None:
        self.end_turn()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.map_draw_rect.collidepoint(event.pos):
                n = self.map.nation_at(event.pos)
                if n is not None:
                    self.select(None if n == self.selected else n)
                    return True
        if event.type == pygame.MOUSEWHEEL and self.right_rect.collidepoint(self.app.mouse_pos):
            if event.y < 0 and self.page < self.pages - 1:
                self.on_button("next")
            elif event.y > 0 and self.page > 0:
                self.on_button("prev")
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ctrl = bool(event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
        if pygame.K_1 <= k <= pygame.K_9 or pygame.K_KP1 <= k <= pygame.K_KP9:
            n = (k - pygame.K_1) if k <= pygame.K_9 else (k - pygame.K_KP1)
            if n < len(self.shown):
                self.take(self.shown[n])
            return True
        if (k == pygame.K_z and ctrl) or k == pygame.K_BACKSPACE or k == pygame.K_u:
            self.undo()
            return True
        if k == pygame.K_n:
            self.on_button("news")
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            nxt = "next" if k == pygame.K_PAGEDOWN else "prev"
            if nxt in self.buttons and self.buttons[nxt].is_enabled:
                self.on_button(nxt)
            return True
        if k in (pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET):
            count = len(self.session.state.rules.nation_ids)
            if count:
                step = 1 if k == pygame.K_RIGHTBRACKET else -1
                cur = self.selected if self.selected is not None else (-1 if step > 0 else count)
                self.select((cur + step) % count)
            return True
        return super().handle_key(event)

    # -- drawing -------------------------------------------------------------------------
    def hover_tip(self, pos: tuple[int, int]) -> list[str] | None:
        st = self.session.state
        for i, r in enumerate(self.aim_rects):
            if r.collidepoint(pos):
                return aim_why(st, i)
        if self.map_draw_rect.collidepoint(pos):
            n = self.map.nation_at(pos)
            if n is not None:
                return [*nation_lines(st, n), "Click for its panel and the actions towards it."]
        if self.top_rect.collidepoint(pos) and pos[0] < self.end_button_left:
            return ["The date and your budget",
                    f"Each turn is {st.rules.months_per_turn} month(s). You have "
                    f"{st.rules.budget} action point(s) a turn; unused points are lost."]
        return None

    def draw(self, surface: pygame.Surface) -> None:
        # What changes only with the state or the layout is drawn once into a layer (rebuilt
        # on every move and resize); a frame is that blit, the map's blit and the hover.
        if self._layer is None or self._layer.get_size() != surface.get_size():
            layer = pygame.Surface(surface.get_size())
            layer.fill(self.app.colours.bg)
            self._draw_still(layer)
            self._layer = layer
        surface.blit(self._layer, (0, 0))
        self._draw_map_view(surface)

    def _draw_still(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        rules = st.rules
        # Top bar: date, turn, budget.
        pygame.draw.rect(surface, (30, 22, 24), self.top_rect)
        pygame.draw.line(surface, c.accent, self.top_rect.bottomleft, self.top_rect.bottomright)
        x = self.px(16)
        r = draw_text(surface, st.date_text, (x, self.px(8)), f.get(24, True), c.accent)
        r2 = draw_text(surface, f"turn {min(st.turn + 1, rules.turns)} of {rules.turns}",
                       (r.right + self.px(14), self.px(12)), f.body(), c.text)
        r3 = draw_text(surface, f"Action points: {st.budget} of {rules.budget}",
                       (r2.right + self.px(24), self.px(12)), f.body(), c.text,
                       max(10, self.end_button_left - r2.right - self.px(30)))
        for i in range(rules.budget):
            centre = (r3.right + self.px(14) + i * self.px(16), r3.centery)
            if centre[0] < self.end_button_left - self.px(10):
                pygame.draw.circle(surface, c.accent, centre, self.px(6), 0 if i < st.budget
                                   else max(1, self.px(2)))
        draw_text(surface, one_line(rules.scenario.title, 80),
                  (self.px(16), self.px(36)), f.get(11), c.dim,
                  max(10, self.end_button_left - self.px(30)))
        self._draw_aims(surface)
        self._draw_news(surface)
        self._draw_map(surface)
        inner = panel(surface, self.right_rect, c, "Actions", f)
        sub = f"{st.budget} point(s) left · keys 1-9 · hover for details"
        if self.selected is not None:
            sub = (f"Towards {self._nation_name(rules.nation_ids[self.selected])} · "
                   f"{st.budget} point(s) left")
        limit = self.buttons["undo"].rect.x if "undo" in self.buttons else inner.right
        if "all" in self.buttons:
            limit = self.buttons["all"].rect.x
        r_sub = pygame.Rect(inner.x, inner.y + self.px(2), limit - inner.x - self.px(6), 0)
        draw_lines(surface, [(sub, "small")], pygame.Rect(r_sub.x, r_sub.y, r_sub.width,
                                                          self.px(40)), f, c)
        if not self.shown:
            draw_text(surface, "Nothing more can be done now." if self.selected is None else
                      "No action towards this nation now.", (inner.x, inner.y + self.px(40)),
                      f.body(), c.dim, inner.width)
        for rect, text, style in self.effect_lines:
            colour = {"good": c.good, "bad": c.bad}.get(style, c.dim)
            draw_text(surface, text, rect.topleft, f.small(), colour, rect.width)
        if self.pages > 1:
            draw_text(surface, f"page {self.page + 1} of {self.pages}",
                      (self.right_rect.centerx, self.right_rect.bottom - self.px(32)), f.small(),
                      c.dim, align="center")

    def _draw_aims(self, surface: pygame.Surface) -> None:
        from game.core.scoring import historical_value

        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        rules = st.rules
        panel(surface, self.aims_panel, c, "Aims  (now · this turn · history)", f)
        for i, r in enumerate(self.aim_rects):
            aim = rules.scenario.aims[i]
            value = st.aims[i]
            change = aim_change(st, i)
            hist = historical_value(rules, aim.id, st.turn)
            lo, hi = rules.aim_min[i], rules.aim_max[i]
            name_r = draw_text(surface, one_line(aim.name, 60), (r.x, r.y), f.get(14, True),
                               c.text, r.width)
            bar = pygame.Rect(r.x, name_r.bottom + self.px(6), r.width - self.px(104),
                              self.px(10))
            draw_text(surface, f"{value:.1f}", (bar.right + self.px(52), bar.centery -
                                                 self.px(10)), f.get(15, True), c.text,
                      align="right")
            colour = c.good if change > 0.05 else c.bad if change < -0.05 else c.dim
            draw_text(surface, signed(change), (r.right, bar.centery - self.px(9)), f.small(),
                      colour, align="right")
            pygame.draw.rect(surface, (50, 58, 70), bar, border_radius=4)
            frac = (value - lo) / (hi - lo) if hi > lo else 0
            pygame.draw.rect(surface, c.accent, (bar.x, bar.y, int(bar.width * frac), bar.height),
                             border_radius=4)
            hx = bar.x + int(bar.width * max(0.0, min(1.0, (hist - lo) / (hi - lo))))
            pygame.draw.line(surface, c.history, (hx, bar.y - self.px(3)),
                             (hx, bar.bottom + self.px(3)), max(2, self.px(3)))
            draw_text(surface, f"history {hist:.1f} ({signed(value - hist)} vs you)",
                      (r.x, bar.bottom + self.px(3)), f.get(12), c.history, r.width)

    def _draw_news(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        inner = panel(surface, self.news_rect, c, "News  [N: all, and the timeline]", f)
        lines: list[tuple[str, str]] = []
        for item in news(st, 16):
            if item.kind == "drift":
                continue  # the aims' drift is in the full news and in each aim's tooltip
            style = {"action": "good", "choice": "accent", "event": "body",
                     "drift": "dim"}.get(item.kind, "body")
            lines.append((f"{item.date}  {item.text}", "small" if style == "body" else style))
        if not lines:
            lines = [("Nothing has happened yet. Take an action, then end the turn.", "dim")]
        draw_lines(surface, lines, inner, f, c)

    def _draw_map_view(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        hover = None
        if self.map_draw_rect.collidepoint(self.app.mouse_pos):
            n = self.map.nation_at(self.app.mouse_pos)
            hover = st.rules.scenario.nations[n].region if n is not None else None
        selected = (st.rules.scenario.nations[self.selected].region
                    if self.selected is not None else None)
        clip = surface.get_clip()
        surface.set_clip(self.map_rect)
        try:
            self.map.view.draw(surface, self.map.styles(st, self.app.settings.palette), hover,
                               selected, f.small())
        except Exception as exc:  # noqa: BLE001 - a map bug must not end the game
            draw_text(surface, f"map could not be drawn: {exc}", self.map_rect.topleft,
                      f.small(), c.bad)
        surface.set_clip(clip)

    def _draw_map(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        pygame.draw.rect(surface, c.sea, self.map_rect, border_radius=6)
        pygame.draw.rect(surface, c.panel_edge, self.map_rect, 1, border_radius=6)
        # Legend along the map's bottom edge: colour and pattern swatches.
        x = self.map_rect.x + self.px(8)
        y = self.map_rect.bottom - self.px(24)
        if self.selected is None:
            for label, style in self.map.legend(self.app.settings.palette):
                sw = pygame.Rect(x, y + self.px(3), self.px(16), self.px(14))
                pygame.draw.rect(surface, getattr(style, "colour", (90, 90, 90)), sw)
                pygame.draw.rect(surface, (10, 10, 10), sw, 1)
                pat = getattr(style, "pattern", "")
                if pat and pat not in ("none", "solid"):
                    draw_text(surface, str(pat)[:1], (sw.centerx, sw.y - self.px(2)), f.get(10),
                              (0, 0, 0), align="center")
                r = draw_text(surface, str(label), (sw.right + self.px(4), y + self.px(2)),
                              f.get(12), c.text)
                x = r.right + self.px(14)
        if self.selected is not None:
            self._draw_nation(surface)

    def _draw_nation(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        assert self.selected is not None
        nation = st.rules.scenario.nations[self.selected]
        inner = panel(surface, self.nation_rect, c)
        lines = nation_lines(st, self.selected)
        left = pygame.Rect(inner.x, inner.y, inner.width // 2, inner.height)
        draw_lines(surface, [(lines[0], "heading")] + [(x, "small") for x in lines[1:]], left, f,
                   c)
        right = pygame.Rect(inner.centerx, inner.y + self.px(40), inner.width // 2,
                            inner.height - self.px(40))
        desc = nation.description or "Its actions are listed on the right."
        draw_lines(surface, [(cut(desc, 600), "small")], right, f, c)


def date_of(session: Session, turn: int) -> str:
    return turn_date(session.state.rules, turn)
