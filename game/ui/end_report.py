"""The end report: the ending and why, every aim against history (charts), the decision table,
the stance between the historians' readings, and export."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.core.policies import historical_game
from game.core.scoring import Summary, summarize
from game.reports.end_report import dates_in_words, stance_explained, verdict_phrase
from game.saves import SaveError
from game.ui.explain import turn_date
from game.ui.history_note import verdict_text
from game.ui.scene import Scene
from game.ui.text import one_line, signed
from game.ui.theme import MIN_FONT_PX
from game.ui.widgets import Cell, ScrollTable, ScrollText, draw_lines, draw_text

if TYPE_CHECKING:
    from game.core.scenario import Aim
    from game.ui.app import App

TABS = (("summary", "Ending & stance", "Ending"), ("charts", "Aims vs history", "Charts"),
        ("decisions", "Your decisions vs the USSR's", "Decisions"))
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
        self.caption = ""
        self.body = pygame.Rect(0, 0, 0, 0)

    def head_height(self) -> int:
        f = self.app.fonts
        return f.title().get_linesize() + f.body().get_linesize() + self.px(14)

    def build(self) -> None:
        a = self.area.inflate(-self.px(40), -self.px(30))
        bh = self.px(40)
        ty = a.y + self.head_height()
        # Tabs as wide as their labels; the short labels when the long ones do not fit.
        gap = self.px(8)
        font = self.button_font("@primary")
        for long in (True, False):
            labels = [label if long else short for _, label, short in TABS]
            widths = [font.size(t)[0] + self.px(36) for t in labels]
            if sum(widths) + gap * len(widths) <= a.width:
                break
        x = a.x
        for (key, _, _), label, w in zip(TABS, labels, widths, strict=True):
            self.button(f"tab:{key}", pygame.Rect(x, ty, w, bh), label,
                        "@primary" if key == self.tab else "@small")
            x += w + gap
        yb = a.bottom - bh
        x = a.x
        for key, label, style in (("export", "Export report  [E]", "@primary"),
                                  ("map", "Look at the map", "@small")):
            w = self.button_font(style).size(label)[0] + self.px(36)
            tip = ["Export report", "Writes the save and the report (HTML, Markdown, CSV, JSON) "
                   "for the teacher tools into the reports folder."] if key == "export" else None
            self.button(key, pygame.Rect(x, yb, w, bh), label, style, tip=tip)
            x += w + gap
        w = self.button_font("@small").size("Title screen")[0] + self.px(36)
        self.button("title", pygame.Rect(a.right - w, yb, w, bh), "Title screen", "@small")
        top = ty + bh + self.px(12)
        self.caption = ""
        if self.tab == "decisions":
            self.caption = ESSAY_INTRO_SHORT
            top += 2 * self.app.fonts.small().get_linesize() + self.px(4)
        body = pygame.Rect(a.x, top, a.width, yb - self.px(12) - top)
        self.body = body
        self.view = None
        self.charts = []
        if self.tab == "summary":
            self.view = ScrollText(body, self.summary_paragraphs(), self.app.fonts,
                                   self.app.colours)
        elif self.tab == "decisions":
            assert self.app.session is not None
            rules = self.app.session.rules
            rows: list[tuple[list[Cell], str]] = [(["Date", "Decision", "You", "The USSR",
                                                    "The essay's verdict; what it got wrong"],
                                                   "bold")]
            for r in self.summary.decisions:
                note: list[tuple[str, str]] = []
                if r.verdict:
                    note.append((verdict_text(r.verdict), ""))
                if r.correction:
                    note.append((f"What the essay got wrong: {r.correction}", "bad"))
                rows.append(([turn_date(rules, r.turn), one_line(r.title, 70),
                              dates_in_words(r.player), dates_in_words(r.history),
                              note or ""], "body" if r.same else "accent"))
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
        out.append((score_explained(scn.aims), "dim"))
        out.append(("Your aims against history", "heading"))
        for aim in s.aims:
            ahead = "ahead of" if aim.difference > 0 else "behind" if aim.difference < 0 \
                else "level with"
            out.append((f"{aim.name}: {aim.final:.1f} at the end; history {aim.historical:.1f}, "
                        f"so you are {abs(aim.difference):.1f} {ahead} history (on average "
                        f"{signed(aim.mean_gap)} over the game)",
                        "good" if aim.difference >= 0 else "bad"))
        out.append(("Your policy between the historians' readings", "heading"))
        st, hs = s.stance, s.historical_stance
        if st.verdict:
            out.append((f"Your policy {verdict_phrase(st.verdict)}; the USSR's real policy "
                        f"{verdict_phrase(hs.verdict)}.", "bold"))
        out.append((f"In numbers: your decisions lean {st.lean:+.2f} on a scale from -1 "
                    f"(seeking security) to +1 (expansionist), over {st.decisions} "
                    f"decision(s); the USSR's real policy leans {hs.lean:+.2f}.", "body"))
        bar = _lean_bar(st.lean, hs.lean)
        out.append((bar, "accent"))
        if st.moved_by:
            out.append(("The decisions that pulled hardest:", "bold"))
            for label, lean in st.moved_by:
                side = "towards security" if lean < 0 else "towards expansion"
                out.append((f"   {one_line(label, 120)}  ({lean:+.1f}, {side})", "body"))
        out.append(("How this is counted: " + stance_explained(), "dim"))
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
                                  (rules.aim_min[i], rules.aim_max[i]), dark=True,
                                  min_font_px=MIN_FONT_PX)
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
        r = draw_text(surface, "End of the game: " + one_line(s.ending_title, 80), a.topleft,
                      f.title(), c.accent, a.width)
        stance = s.stance.verdict or f"closest to {s.stance.reading_name or '-'}"
        line = next((t for t in (
            f"Turns played: {s.turns_played}  ·  score {s.score:.1f} of 100 (history's path "
            f"{s.historical_score:.1f})  ·  your policy {verdict_phrase(stance)}",
            f"Turns played: {s.turns_played}  ·  score {s.score:.1f} (history "
            f"{s.historical_score:.1f})  ·  policy: {stance}")
            if f.body().size(t)[0] <= a.width), f"Turns: {s.turns_played} · score "
            f"{s.score:.1f} (history {s.historical_score:.1f})")
        draw_text(surface, line, (a.x, r.bottom + self.px(4)), f.body(), c.text, a.width)
        if self.caption:
            draw_lines(surface, [(self.caption, "dim")], pygame.Rect(
                a.x, self.body.y - 2 * f.small().get_linesize() - self.px(4), a.width,
                2 * f.small().get_linesize() + 2), f, c)
        if self.view:
            self.view.draw(surface)
        for rect, img in self.charts:
            surface.blit(img, rect.topleft)
        if self.tab == "charts" and not self.charts:
            draw_text(surface, self.chart_problem or "No charts.", self.body.topleft, f.body(),
                      c.bad, self.body.width)


ESSAY_INTRO_SHORT = ("The game is built on a student essay about Stalin's foreign policy "
                     "1928-1941: the last column gives the essay's verdict on each decision and, "
                     "where it got a fact wrong, what is right.")

def score_explained(aims: list[Aim]) -> str:
    """How :func:`game.core.scoring.overall_score` makes the score, in words."""
    weights = [a.weight for a in aims]
    if len(set(weights)) > 1:
        low = min(weights) or 1.0
        parts = [f"{a.name} counts {a.weight / low:g} times" if a.weight != low else
                 f"{a.name} once" for a in aims]
        weighting = "weighted: " + ", ".join(parts)
    else:
        weighting = "all counted alike"
    return ("How the score is made (0-100): each aim is placed on a scale from its lowest to its "
            f"highest possible value, the aims {weighting}. Half the score is where they stand at "
            "the end, half their average over every turn played, so a good start counts as "
            "much as a good finish.")


def _lean_bar(lean: float, hist: float, width: int = 41) -> str:
    """A text scale from security-seeking to expansionist with Y (you) and H (history)."""
    cells = ["-"] * width
    h = round((hist + 1) / 2 * (width - 1))
    y = round((lean + 1) / 2 * (width - 1))
    cells[h] = "H"
    cells[y] = "Y" if y != h else "Y=H"
    return "security-seeking  [" + "".join(cells) + "]  expansionist   (Y you, H history)"
