"""The end report: the ending and why, every aim against history (charts), the decision table,
the stance between the historians' readings, and export."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.core.policies import historical_game
from game.core.scoring import Summary, summarize
from game.saves import SaveError
from game.ui.explain import turn_date
from game.ui.history_note import VERDICTS
from game.ui.scene import Scene
from game.ui.text import one_line, signed
from game.ui.widgets import ScrollTable, ScrollText, draw_text

if TYPE_CHECKING:
    from game.ui.app import App

TABS = (("summary", "Ending & stance"), ("charts", "Aims vs history"),
        ("decisions", "Your decisions vs the USSR's"))
PLAYER_COLOURS = ((230, 160, 70), (120, 200, 140), (200, 120, 220), (230, 230, 120))


class ReportScene(Scene):
    title = "End report"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        assert app.session is not None
        self.summary: Summary = summarize(app.session.state)
        self.tab = "summary"
        self.view: ScrollText | None = None
        self.charts: list[tuple[pygame.Rect, pygame.Surface]] = []
        self.chart_problem: str | None = None

    def build(self) -> None:
        a = self.area.inflate(-self.px(40), -self.px(30))
        bh = self.px(40)
        x = a.x
        for key, label in TABS:
            w = self.px(250)
            self.button(f"tab:{key}", pygame.Rect(x, a.y + self.px(70), w, bh),
                        label, "@primary" if key == self.tab else "@small")
            x += w + self.px(8)
        yb = a.bottom - bh
        self.button("export", pygame.Rect(a.x, yb, self.px(230), bh), "Export report  [E]",
                    "@primary", tip=["Export report", "Writes the save and the report for the "
                                     "teacher tools into the reports folder."])
        self.button("map", pygame.Rect(a.x + self.px(240), yb, self.px(190), bh),
                    "Look at the map", "@small")
        self.button("title", pygame.Rect(a.right - self.px(200), yb, self.px(200), bh),
                    "Title screen", "@small")
        body = pygame.Rect(a.x, a.y + self.px(70) + bh + self.px(14), a.width,
                           yb - (a.y + self.px(70) + bh + self.px(28)))
        self.body = body
        self.view = None
        self.charts = []
        if self.tab == "summary":
            self.view = ScrollText(body, self.summary_paragraphs(), self.app.fonts,
                                   self.app.colours)
        elif self.tab == "decisions":
            rows: list[tuple[list[str], str]] = [(["Date", "Decision", "You", "The USSR",
                                                   "Essay's verdict / correction"], "bold")]
            for r in self.summary.decisions:
                verdict = VERDICTS.get(r.verdict, r.verdict) if r.verdict else ""
                note = verdict + (f"; correction: {r.correction}" if r.correction else "")
                rows.append(([r.date, one_line(r.title, 70), r.player, r.history, note],
                             "body" if r.same else "accent"))
            if len(rows) == 1:
                rows.append((["", "No decisions.", "", "", ""], "dim"))
            self.view = ScrollTable(body, [], self.app.fonts, self.app.colours, rows=rows,
                                    columns=(0.09, 0.27, 0.17, 0.17, 0.30))
        else:
            self.charts = self.make_charts(body)

    def summary_paragraphs(self) -> list[tuple[str, str]]:
        s = self.summary
        assert self.app.session is not None
        scn = self.app.session.rules.scenario
        out: list[tuple[str, str]] = [(s.ending_title, "title"), (s.ending_text, "body")]
        if s.historical_ending_id and s.historical_ending_id != s.ending_id:
            hist = next((e for e in scn.endings if e.id == s.historical_ending_id), None)
            if hist:
                out.append((f"History ended differently: {hist.title}.", "history"))
        out.append((f"Score {s.score:.1f} of 100; history's path scores "
                    f"{s.historical_score:.1f}.", "bold"))
        out.append(("Your aims against history", "heading"))
        for aim in s.aims:
            out.append((f"{aim.name}: {aim.final:.1f} (history {aim.historical:.1f}, "
                        f"{signed(aim.difference)}; on average {signed(aim.mean_gap)} over the "
                        "game)", "good" if aim.difference >= 0 else "bad"))
        out.append(("Your policy between the historians' readings", "heading"))
        st, hs = s.stance, s.historical_stance
        out.append((f"Your decisions lean {st.lean:+.2f} on a scale from -1 (seeking security) "
                    f"to +1 (expansionist), over {st.decisions} decision(s); the USSR's real "
                    f"policy leans {hs.lean:+.2f}.", "body"))
        bar = _lean_bar(st.lean, hs.lean)
        out.append((bar, "accent"))
        for reading in scn.readings:
            mark = "  <- closest to your game" if reading.id == st.reading_id else ""
            out.append((f"{reading.name} ({reading.lean:+.1f}){mark}", "bold"))
            out.append((reading.summary, "body"))
            names = "; ".join(h.name + (f", {h.work}" if h.work else "")
                              for h in reading.historians)
            out.append((f"Historians: {names}", "dim"))
        return out

    def make_charts(self, body: pygame.Rect) -> list[tuple[pygame.Rect, pygame.Surface]]:
        session = self.app.session
        assert session is not None
        rules = session.rules
        state = session.state
        try:
            from game.ui.charts import Series, line_chart
        except ImportError as exc:
            self.chart_problem = f"charts not available ({exc})"
            return []
        hist = historical_game(rules)
        n = len(rules.scenario.aims)
        cols = 1 if n == 1 else 2
        rows = (n + cols - 1) // cols
        w = (body.width - (cols - 1) * self.px(12)) // cols
        h = (body.height - (rows - 1) * self.px(12)) // rows
        labels = [turn_date(rules, t) for t in range(rules.turns)]
        out = []
        for i, aim in enumerate(rules.scenario.aims):
            mine = [t[i] for t in state.trajectory]
            theirs = [t[i] for t in hist.trajectory]
            series: list[Any] = [
                Series("History", theirs, self.app.colours.history, True),
                Series("You", mine, PLAYER_COLOURS[0], False)]
            try:
                surf = line_chart((max(100, w), max(80, h)), aim.name, labels, series,
                                  (rules.aim_min[i], rules.aim_max[i]), dark=True)
            except Exception as exc:  # noqa: BLE001 - a chart bug must not hide the report
                self.chart_problem = f"chart of {aim.name} failed: {exc}"
                continue
            x = body.x + (i % cols) * (w + self.px(12))
            y = body.y + (i // cols) * (h + self.px(12))
            out.append((pygame.Rect(x, y, w, h), surf))
        return out

    def on_button(self, key: str) -> None:
        if key.startswith("tab:"):
            self.tab = key[4:]
            self.rebuild()
            self.focus_key = key
        elif key == "export":
            self.export()
        elif key == "map":
            self.app.pop()
        elif key == "title":
            self.app.pop_to_title()

    def export(self) -> None:
        from game.ui.export import export_report

        assert self.app.session is not None
        try:
            files = export_report(self.app.session)
        except (OSError, SaveError) as exc:
            self.app.toast(f"Export failed: {exc}", "bad", 10)
            return
        self.app.toast("Report exported: " + ", ".join(str(p) for p in files), "good", 10)

    def on_escape(self) -> None:
        self.app.pop_to_title()

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view and self.view.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_e:
            self.export()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.view:
            self.view.scroll(300 if event.key == pygame.K_PAGEDOWN else -300)
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area.inflate(-self.px(40), -self.px(30))
        c, f = self.app.colours, self.app.fonts
        s = self.summary
        draw_text(surface, "End of the game: " + one_line(s.ending_title, 80), a.topleft,
                  f.title(), c.accent, a.width)
        draw_text(surface, f"{s.turns_played} turns played  ·  score {s.score:.1f} "
                  f"(history {s.historical_score:.1f})  ·  your policy leans "
                  f"{s.stance.lean:+.2f}: closest to '{s.stance.reading_name or '-'}'",
                  (a.x, a.y + self.px(36)), f.body(), c.text, a.width)
        if self.view:
            self.view.draw(surface)
        for rect, img in self.charts:
            surface.blit(img, rect.topleft)
        if self.tab == "charts" and not self.charts:
            draw_text(surface, self.chart_problem or "No charts.", self.body.topleft, f.body(),
                      c.bad, self.body.width)


def _lean_bar(lean: float, hist: float, width: int = 41) -> str:
    """A text scale from security-seeking to expansionist with Y (you) and H (history)."""
    cells = ["-"] * width
    h = round((hist + 1) / 2 * (width - 1))
    y = round((lean + 1) / 2 * (width - 1))
    cells[h] = "H"
    cells[y] = "Y" if y != h else "Y=H"
    return "security-seeking  [" + "".join(cells) + "]  expansionist   (Y you, H history)"
