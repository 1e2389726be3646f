"""The analysis of the game on screen (from the end report, key A): the curve of the expected
score across the game with its turning points, each turning point with what the other choices
would likely have brought, what the player's state did and the history note; every decision
of the game with its estimates; and "try again from here" from any of them.

The analysis is played in the background (:mod:`game.ui.analysis_job`) while a bar shows its
progress; the list of decisions, and trying one again, work before it ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.analysis import DEFAULT_GAMES, Analysis, Decision, PlayedGame, read_game
from game.i18n import N_, _
from game.paths import saves_dir
from game.present import branches as branch_words
from game.present import turning_points as say
from game.ui.analysis_job import Analyser, AnalysisJob
from game.ui.branching import BranchError, free_name
from game.ui.eval_chart import DrawnCurve, draw_curve
from game.ui.scene import Scene
from game.ui.widgets import ItemList, ScrollText, draw_lines, draw_text, wrap

if TYPE_CHECKING:
    from game.ui.nav import Stage

SCREEN_GAMES = DEFAULT_GAMES
"""Games played for each choice of each decision, per continuation, on this screen."""

WAKE = pygame.USEREVENT
"""The event the analysis thread posts so that the window draws its progress."""


def _wake() -> None:
    try:
        pygame.event.post(pygame.event.Event(WAKE, {"statecraft": "analysis"}))
    except pygame.error:
        pass  # no window (yet, or any more): nothing to draw


class AnalysisScene(Scene):
    title = N_("Turning points")

    def __init__(self, app: Stage, analyser: Analyser | None = None,
                 games: int | None = None) -> None:
        super().__init__(app)
        session = app.session
        assert session is not None
        self.rules = session.rules
        self.scenario_file = session.scenario_file
        state = session.state
        self.game: PlayedGame = read_game(self.rules, state.seed, state.moves)
        self.job = AnalysisJob(self.game, games or SCREEN_GAMES)
        self.analyser = analyser
        self.tab = "points"
        self.rank = 1
        """The turning point shown (1 for the largest)."""
        self.chosen = 0
        """The decision shown on the decisions tab (its number)."""
        self.curve: DrawnCurve | None = None
        self.curve_rect = pygame.Rect(0, 0, 0, 0)
        self.caption_rect = pygame.Rect(0, 0, 0, 0)
        self.body = pygame.Rect(0, 0, 0, 0)
        self.detail: ScrollText | None = None
        self.list: ItemList | None = None
        self.built_finished = False
        self.shown_done = -1

    # -- the analysis ---------------------------------------------------------------------
    @property
    def analysis(self) -> Analysis | None:
        return self.job.result

    def enter(self) -> None:
        super().enter()
        if self.game.decisions:
            self.job.start(self.analyser, self.scenario_file, _wake)

    def exit(self) -> None:
        if self.job.running:
            self.job.cancel()
        super().exit()

    def update(self, dt: float) -> None:
        if self.job.finished and not self.built_finished:
            first = self.analysis.turning_points if self.analysis else ()
            if first and self.tab == "decisions" and self.chosen == 0:
                self.chosen = first[0].decision
            self.rebuild()

    # -- layout ---------------------------------------------------------------------------
    def frame(self) -> pygame.Rect:
        return self.area.inflate(-self.px(40), -self.px(30))

    def build(self) -> None:
        a = self.frame()
        app = self.app
        f = app.fonts
        self.built_finished = self.job.finished
        bh = self.px(40)
        gap = self.px(8)
        top = a.y + f.title().get_linesize() + self.px(2)
        caption_lines = 2
        self.caption_rect = pygame.Rect(a.x, top, a.width,
                                        caption_lines * f.small().get_linesize() + 2)
        ty = self.caption_rect.bottom + self.px(6)
        font = self.button_font("@primary")
        tab_list = say.tabs()
        for long in (True, False):
            labels = [label if long else short for _k, label, short in tab_list]
            widths = [font.size(t)[0] + self.px(36) for t in labels]
            if sum(widths) + gap * len(widths) <= a.width:
                break
        x = a.x
        for (key, _l, _s), label, w in zip(tab_list, labels, widths, strict=True):
            self.button(f"tab:{key}", pygame.Rect(x, ty, w, bh), label,
                        "@primary" if key == self.tab else "@small")
            x += w + gap
        yb = a.bottom - bh
        again = say.try_again_button()
        w = self.button_font("@primary").size(again)[0] + self.px(36)
        can_try = bool(self.game.decisions) and (self.tab == "decisions" or (
            self.analysis is not None and bool(self.analysis.turning_points)))
        self.button("again", pygame.Rect(a.x, yb, w, bh), again, "@primary",
                    tip=say.try_again_tip(), enabled=can_try)
        back = _("Back  [Esc]")
        w = self.button_font("@small").size(back)[0] + self.px(36)
        self.button("back", pygame.Rect(a.right - w, yb, w, bh), back, "@small")
        self.body = pygame.Rect(a.x, ty + bh + self.px(10), a.width,
                                yb - self.px(10) - (ty + bh + self.px(10)))
        self.detail = None
        self.list = None
        self.curve = None
        if self.tab == "decisions":
            self._build_decisions()
        elif self.analysis is not None:
            self._build_points()

    def _build_points(self) -> None:
        analysis = self.analysis
        assert analysis is not None
        body = self.body
        f = self.app.fonts
        chart_h = max(self.px(120), int(body.height * 0.46))
        self.curve_rect = pygame.Rect(body.x, body.y, body.width, chart_h)
        self.curve = draw_curve(self.curve_rect.size, say.curve(analysis, self.rules), f,
                                self.app.colours, self.rank, self.app.scale)
        cap = say.curve_caption(analysis)
        cap_h = min(3, len(wrap(cap, f.small(), body.width))) * f.small().get_linesize()
        below = self.curve_rect.bottom + cap_h + self.px(12)
        rest = pygame.Rect(body.x, below, body.width, body.bottom - below)
        points = analysis.turning_points
        left_w = int(rest.width * 0.36)
        if not points:
            self.detail = ScrollText(rest, [(say.none_found(analysis), "body")], f,
                                     self.app.colours)
            return
        self.rank = max(1, min(self.rank, len(points)))
        bh = min(self.px(36), max(self.px(24), (rest.height - self.px(4) * 4) // len(points)))
        y = rest.y
        for rank in range(1, len(points) + 1):
            tp = points[rank - 1]
            label = say.turning_point_button(analysis, self.rules, rank)
            self.button(f"tp:{rank}", pygame.Rect(rest.x, y, left_w, bh), label,
                        "@primary" if rank == self.rank else "@small",
                        tip=[label, say.decision_words(self.rules,
                                                       analysis.decisions[tp.decision].decision)])
            y += bh + self.px(4)
        right = pygame.Rect(rest.x + left_w + self.px(14), rest.y,
                            rest.width - left_w - self.px(14), rest.height)
        self.detail = ScrollText(right, say.turning_point_paragraphs(analysis, self.rules,
                                                                     self.rank),
                                 f, self.app.colours)

    def _build_decisions(self) -> None:
        body = self.body
        f, c = self.app.fonts, self.app.colours
        decisions = self.game.decisions
        if not decisions:
            self.detail = ScrollText(body, [(say.no_decisions(), "body")], f, c)
            return
        self.chosen = max(0, min(self.chosen, len(decisions) - 1))
        left_w = int(body.width * 0.42)
        paras = [(say.decision_item(self.analysis, self.rules, d), "body") for d in decisions]
        keys: list[str | None] = [f"d:{d.number}" for d in decisions]
        view = ItemList(pygame.Rect(body.x, body.y, left_w, body.height), paras, f, c, keys=keys)
        view.selected = self.chosen
        view.move(0)
        self.list = view
        right = pygame.Rect(body.x + left_w + self.px(14), body.y,
                            body.width - left_w - self.px(14), body.height)
        self.detail = ScrollText(right, say.decision_paragraphs(
            self.analysis, self.rules, decisions[self.chosen], self.job.running), f, c)

    # -- input ----------------------------------------------------------------------------
    def decision_shown(self) -> Decision | None:
        """The decision "try again from here" starts from: the turning point shown, or the
        decision selected in the list."""
        if self.tab == "decisions":
            return self.game.decisions[self.chosen] if self.game.decisions else None
        analysis = self.analysis
        if analysis is None or not analysis.turning_points:
            return None
        return analysis.decisions[analysis.turning_points[self.rank - 1].decision].decision

    def select_rank(self, rank: int) -> None:
        analysis = self.analysis
        if self.tab != "points" or analysis is None or not 1 <= rank <= len(
                analysis.turning_points):
            return
        self.rank = rank
        self.rebuild()
        self.focus_key = f"tp:{rank}" if self.app.keyboard_mode else self.focus_key

    def select_decision(self, number: int) -> None:
        self.chosen = number
        self.rebuild()

    def show_tab(self, tab: str) -> None:
        if tab == "decisions" and self.tab == "points":
            d = self.decision_shown()
            if d is not None:
                self.chosen = d.number
        self.tab = tab
        self.rebuild()

    def try_again(self) -> None:
        """Ask, then start the other future from the decision shown."""
        d = self.decision_shown()
        session = self.app.session
        if d is None or session is None:
            return
        try:
            name, _path = free_name(session, d.move, saves_dir())
        except (BranchError, OSError) as exc:
            self.app.toast(_("The other future cannot start: {why}").format(why=exc), "bad", 10)
            return
        move = d.move

        def then(key: str) -> None:
            if key == "go":
                self.app.try_again(move)

        self.app.show_message(branch_words.try_again_title(), branch_words.try_again_lines(
            self.rules, d.event, d.turn, d.chosen, name), branch_words.try_again_choices(),
            then)

    def on_button(self, key: str) -> None:
        if key.startswith("tab:"):
            self.show_tab(key[4:])
            self.focus_key = key
        elif key.startswith("tp:"):
            self.select_rank(int(key[3:]))
            self.focus_key = key
        elif key == "again":
            self.try_again()
        elif key == "back":
            self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == WAKE:
            return True
        view = self.list
        if view is not None:
            if event.type == pygame.MOUSEMOTION:
                view.hovered = view.item_at(event.pos)
            elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                n = view.item_at(event.pos)
                if n >= 0:
                    self.focus_key = None
                    self.select_decision(n)
                    return True
            if view.handle(event):
                return True
        if self.curve is not None and event.type == pygame.MOUSEBUTTONDOWN \
                and event.button == 1:
            pos = (event.pos[0] - self.curve_rect.x, event.pos[1] - self.curve_rect.y)
            rank = self.curve.mark_at(pos)
            if rank:
                self.select_rank(rank)
                return True
        if self.detail and self.detail.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if k == pygame.K_r:
            self.try_again()
            return True
        if k == pygame.K_t:
            self.show_tab("decisions" if self.tab == "points" else "points")
            return True
        if self.tab == "points" and pygame.K_1 <= k <= pygame.K_9:
            self.select_rank(k - pygame.K_1 + 1)
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.detail:
            self.detail.scroll(300 if k == pygame.K_PAGEDOWN else -300)
            return True
        if self.tab == "decisions" and k in (pygame.K_DOWN, pygame.K_UP) and self.list:
            self.list.move(1 if k == pygame.K_DOWN else -1)
            self.focus_key = None
            if self.list.selected != self.chosen:
                self.select_decision(self.list.selected)
            return True
        return super().handle_key(event)

    def on_enter(self) -> None:
        if self.tab == "decisions":
            self.try_again()

    def hover_tip(self, pos: tuple[int, int]) -> list[str] | None:
        if self.curve is None or self.analysis is None:
            return None
        local = (pos[0] - self.curve_rect.x, pos[1] - self.curve_rect.y)
        if not self.curve_rect.collidepoint(pos):
            return None
        point = self.curve.point_at(local)
        if point < 0:
            return None
        return say.point_tip(self.analysis, self.rules, point)

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        a = self.frame()
        c, f = self.app.colours, self.app.fonts
        draw_text(surface, say.screen_title(self.rules), a.topleft, f.title(), c.accent,
                  a.width)
        job = self.job
        analysis = self.analysis
        if analysis is not None:
            caption = say.played_line(analysis, job.seconds)
        elif job.problem:
            caption = say.failed_line(job.problem)
        elif not self.game.decisions:
            caption = say.no_decisions()
        else:
            caption = say.progress_line(job.done, job.total)
        draw_lines(surface, [(caption, "bad" if job.problem else "dim")], self.caption_rect,
                   f, c)
        if self.tab == "points":
            if self.curve is not None:
                surface.blit(self.curve.surface, self.curve_rect.topleft)
                cap = pygame.Rect(self.body.x, self.curve_rect.bottom + self.px(4),
                                  self.body.width, 3 * f.small().get_linesize())
                draw_lines(surface, [(say.curve_caption(analysis), "dim")]
                           if analysis else [], cap, f, c)
            elif analysis is None:
                self._draw_progress(surface)
        if self.list is not None:
            self.list.draw(surface)
        if self.detail is not None:
            self.detail.draw(surface)

    def _draw_progress(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        body = self.body
        job = self.job
        if job.problem:
            draw_lines(surface, [(say.failed_line(job.problem), "bad")], body, f, c)
            return
        if not self.game.decisions:
            draw_lines(surface, [(say.no_decisions(), "body")], body, f, c)
            return
        w = min(body.width, self.px(640))
        bar = pygame.Rect(0, 0, w, self.px(22))
        bar.center = (body.centerx, body.y + body.height // 3)
        draw_text(surface, say.progress_line(job.done, job.total),
                  (bar.centerx, bar.y - f.body().get_linesize() - self.px(8)), f.body(), c.text,
                  body.width, align="center")
        pygame.draw.rect(surface, c.panel, bar, border_radius=4)
        share = job.done / job.total if job.total else 0.0
        fill = bar.copy()
        fill.width = max(0, min(bar.width, round(bar.width * share)))
        if fill.width:
            pygame.draw.rect(surface, c.accent, fill, border_radius=4)
        pygame.draw.rect(surface, c.panel_edge, bar, 1, border_radius=4)
        note = pygame.Rect(bar.x, bar.bottom + self.px(14), bar.width, body.bottom - bar.bottom)
        draw_lines(surface, [(say.progress_note(), "dim")], note, f, c)
