"""The end report: the ending and why, every aim against history (charts), the decision table,
the stance between the historians' readings, and export."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.scoring import Summary
from game.i18n import N_, _
from game.present import report_text as say
from game.present import turning_points as turning
from game.present.chart import aim_charts
from game.present.core_words import outcome_words, verdict_words
from game.present.dates import dates_in_words, month_words, turn_date
from game.present.history_note import ESSAY_INTRO_SHORT, verdict_text
from game.present.numbers import number
from game.present.player import possessive
from game.present.report import EndReport, report_of_state
from game.saves import SaveError
from game.ui.scene import Scene
from game.ui.text import one_line, signed
from game.ui.theme import MIN_FONT_PX, Colours, Fonts
from game.ui.widgets import Cell, ScrollTable, ScrollText, draw_lines, draw_text

if TYPE_CHECKING:
    from game.ui.nav import Stage


def tabs(player: str) -> tuple[tuple[str, str, str], ...]:
    """(key, label, short label) of the screen's tabs."""
    return (("summary", _("Ending & stance"), _("Ending")),
            ("charts", _("Aims vs history"), _("Charts")),
            ("decisions", _("Your decisions vs {whose}").format(whose=possessive(player)),
             _("Decisions")))

PLAYER_COLOURS = ((230, 160, 70), (120, 200, 140), (200, 120, 220), (230, 230, 120))


def lean_picture(width: int, lean: float, history: float, fonts: Fonts, colours: Colours,
                 scale: float = 1.0) -> pygame.Surface:
    """The policy's lean drawn on its scale from -1 to +1: the player's mark (a filled
    triangle above the line) and history's (a hollow one below it), and a legend; the shapes
    differ, so it reads without colour. (The Markdown report keeps the text scale.)"""
    small = fonts.small()
    lh = small.get_linesize()

    def px(value: float) -> int:
        return max(1, round(value * scale))

    mark = px(9)
    pad = max(small.size("+1")[0], small.size("-1")[0]) // 2 + px(4)
    width = max(px(160), min(width, px(640)))
    track_y = mark * 2 + px(4)
    height = track_y + mark * 2 + px(4) + lh + px(6) + lh + px(4)
    surf = pygame.Surface((width, height), pygame.SRCALPHA)
    x0, x1 = pad, width - pad

    def at(value: float) -> int:
        return round(x0 + (max(-1.0, min(1.0, value)) + 1) / 2 * (x1 - x0))

    pygame.draw.line(surf, colours.dim, (x0, track_y), (x1, track_y), px(2))
    label_y = track_y + mark * 2 + px(4)
    for value, text in ((-1.0, "-1"), (0.0, "0"), (1.0, "+1")):
        x = at(value)
        pygame.draw.line(surf, colours.dim, (x, track_y - px(5)), (x, track_y + px(5)), px(2))
        img = small.render(text, True, colours.dim)
        surf.blit(img, img.get_rect(midtop=(x, label_y)))
    you_colour, hist_colour = PLAYER_COLOURS[0], colours.history

    def you_mark(x: int, y: int) -> None:  # filled, pointing down at the line
        pygame.draw.polygon(surf, you_colour, [(x - mark, y - 2 * mark), (x + mark, y - 2 * mark),
                                               (x, y)])

    def hist_mark(x: int, y: int) -> None:  # hollow, pointing up at the line
        pygame.draw.polygon(surf, hist_colour, [(x, y), (x + mark, y + 2 * mark),
                                                (x - mark, y + 2 * mark)], px(2))

    hist_mark(at(history), track_y + px(1))
    you_mark(at(lean), track_y - px(1))
    legend_y = label_y + lh + px(6)
    x = x0 - pad + px(2)
    for draw, colour, text in (
            (you_mark, you_colour, _("your policy {lean}").format(lean=number(lean, signed=True))),
            (hist_mark, hist_colour,
             _("history {lean}").format(lean=number(history, signed=True)))):
        cy = legend_y + lh // 2
        if draw is you_mark:
            draw(x + mark, cy + mark)
        else:
            draw(x + mark, cy - mark)
        img = small.render(text, True, colour)
        surf.blit(img, (x + 2 * mark + px(6), legend_y))
        x += 2 * mark + px(6) + img.get_width() + px(24)
    return surf


class ReportScene(Scene):
    title = N_("End report")

    def __init__(self, app: Stage) -> None:
        super().__init__(app)
        assert app.session is not None
        self.report: EndReport = report_of_state(app.session.state, player=app.session.player)
        self.summary: Summary = self.report.summary
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
        tab_list = tabs(self.report.player_state)
        for long in (True, False):
            labels = [label if long else short for _, label, short in tab_list]
            widths = [font.size(t)[0] + self.px(36) for t in labels]
            if sum(widths) + gap * len(widths) <= a.width:
                break
        x = a.x
        for (key, _long, _short), label, w in zip(tab_list, labels, widths, strict=True):
            self.button(f"tab:{key}", pygame.Rect(x, ty, w, bh), label,
                        "@primary" if key == self.tab else "@small")
            x += w + gap
        yb = a.bottom - bh
        x = a.x
        for key, label, style in (("export", _("Export report  [E]"), "@primary"),
                                  ("map", _("Look at the map"), "@small")):
            w = self.button_font(style).size(label)[0] + self.px(36)
            tip = [_("Export report"), _("Writes the save and the report (HTML, Markdown, CSV, "
                                         "JSON) for the teacher tools into the reports folder.")
                   ] if key == "export" else None
            self.button(key, pygame.Rect(x, yb, w, bh), label, style, tip=tip)
            x += w + gap
        w = self.button_font("@small").size(_("Title screen"))[0] + self.px(36)
        self.analysis_buttons(x, yb, bh, a.right - w - gap)
        self.button("title", pygame.Rect(a.right - w, yb, w, bh), _("Title screen"), "@small")
        top = ty + bh + self.px(12)
        self.caption = ""
        if self.tab == "decisions" and self.report.has_essay:
            self.caption = _(ESSAY_INTRO_SHORT)
            top += 2 * self.app.fonts.small().get_linesize() + self.px(4)
        body = pygame.Rect(a.x, top, a.width, yb - self.px(12) - top)
        self.body = body
        self.view = None
        self.charts = []
        if self.tab == "summary":
            s = self.summary
            lean = lean_picture(body.width - self.px(14), s.stance.lean,
                                s.historical_stance.lean, self.app.fonts, self.app.colours,
                                self.app.scale)
            self.view = ScrollText(body, self.summary_paragraphs(), self.app.fonts,
                                   self.app.colours, pictures={"lean": lean})
        elif self.tab == "decisions":
            essay = self.report.has_essay
            head: list[Cell] = [_("Date"), _("Decision"), _("You"),
                                say.decision_columns(self.report)[3]]
            if essay:
                head.append(_("The essay's verdict; what it got wrong"))
            rows: list[tuple[list[Cell], str]] = [(head, "bold")]
            for d in self.report.decisions:  # by date; an event's answer on its own day
                r = d.row
                you, theirs = ((say.decision_you(d), say.decision_history(d)) if r.kind == "event"
                               else (outcome_words(r.player), outcome_words(r.history)))
                row: list[Cell] = [month_words(d.when), one_line(r.title, 70),
                                   dates_in_words(you), dates_in_words(theirs)]
                if essay:
                    note: list[tuple[str, str]] = []
                    if verdict_text(r.verdict):
                        note.append((verdict_text(r.verdict), ""))
                    if r.correction:
                        note.append((_("What the essay got wrong: {correction}").format(
                            correction=r.correction), "bad"))
                    row.append(note or "")
                rows.append((row, "body" if r.same else "accent"))
            if len(rows) == 1:
                empty: list[Cell] = ["", _(say.NO_DECISIONS), "", "", *[""] * essay]
                rows.append((empty, "dim"))
            columns = (0.09, 0.27, 0.17, 0.17, 0.30) if essay else (0.12, 0.40, 0.24, 0.24)
            self.view = ScrollTable(body, [], self.app.fonts, self.app.colours, rows=rows,
                                    columns=columns)
        else:
            self.charts = self.make_charts(body)

    def analysis_buttons(self, x: int, y: int, height: int, right: int) -> None:
        """Turning points [A] (the game's analysis, and trying a decision again from it) and,
        in a game tried again from another, Compare the two futures [C]; as many as fit
        between ``x`` and ``right`` (their keys work either way)."""
        gap = self.px(8)
        items = [("analysis", turning.analyse_button(), turning.analyse_tip())]
        session = self.app.session
        if session is not None and session.branch is not None:
            items.append(("futures", turning.compare_button(), turning.compare_tip()))
        for key, label, tip in items:
            w = min(self.button_font("@small").size(label)[0] + self.px(36), right - x)
            if w < self.px(90):
                break
            self.button(key, pygame.Rect(x, y, w, height), label, "@small", tip=tip)
            x += w + gap

    def summary_paragraphs(self) -> list[tuple[str, str]]:
        s = self.summary
        assert self.app.session is not None
        scn = self.app.session.rules.scenario
        out: list[tuple[str, str]] = [(s.ending_title, "title"), (s.ending_text, "body")]
        if self.report.ending_causes:  # the causes that happened in this game
            out.append((say.causes_heading(), "bold"))
            out += [(_("• {cause}").format(cause=c), "body") for c in self.report.ending_causes]
        if s.historical_ending_id and s.historical_ending_id != s.ending_id:
            hist = next((e for e in scn.endings if e.id == s.historical_ending_id), None)
            if hist:
                out.append((_("History ended differently: {ending}.").format(
                    ending=hist.title), "history"))
        out.append((_("Score {score} of 100; history's path scores {history}.").format(
            score=number(s.score), history=number(s.historical_score)), "bold"))
        out.append((_(say.SCORE_HEADING), "heading"))
        out.append((say.score_explained(self.report), "dim"))
        out.append((say.headings(self.report).aims, "heading"))
        for aim in s.aims:
            out.append((say.aim_sentence(aim.name, aim.final, aim.historical, aim.difference,
                                         signed(aim.mean_gap)),
                        "good" if aim.difference >= 0 else "bad"))
        out.append((say.headings(self.report).stance, "heading"))
        st = s.stance
        policy = say.policy_line(st, say.PLAIN)
        if policy:
            out.append((policy, "bold"))
        out.append((say.lean_line(self.report, say.PLAIN), "body"))
        out.append(("lean", "picture"))  # drawn: see lean_picture (was the text scale)
        if st.moved_by:
            out.append((_(say.MOVED_BY), "bold"))
            for label, lean in st.moved_by:
                out.append((f"   {number(lean, signed=True)}  {one_line(label, 120)}", "body"))
        out.append((say.stance_explained(), "dim"))
        for reading in scn.readings:
            leaning = number(reading.lean, signed=True)
            if reading.id == st.reading_id:
                line = _("{reading} ({lean})  <- closest to your game").format(
                    reading=reading.name, lean=leaning)
            else:
                line = f"{reading.name} ({leaning})"
            out.append((line, "bold"))
            out.append((reading.summary, "body"))
            names = [h.name + (f", {h.work}" if h.work else "") for h in reading.historians]
            out.append((say.historians_line(names), "dim"))
        return out

    def make_charts(self, body: pygame.Rect) -> list[tuple[pygame.Rect, pygame.Surface]]:
        session = self.app.session
        assert session is not None
        rules = session.rules
        try:
            from game.ui.charts import Series, chart_grid
        except ImportError as exc:
            self.chart_problem = _("charts not available ({error})").format(error=exc)
            return []
        # TRANSLATORS: the player's line in the charts' legend.
        charts = aim_charts(self.report, _("You"))
        labels = [turn_date(rules, t) for t in range(rules.turns)]
        specs = [(chart.title, labels,
                  [Series(line.name, list(line.values),
                          self.app.colours.history if line.history else PLAYER_COLOURS[0],
                          line.history) for line in chart.lines],
                  chart.y_range) for chart in charts]
        out, failed = chart_grid(body, specs, self.px(12), min_font_px=MIN_FONT_PX)
        for title, error in failed:
            self.chart_problem = _("chart of {aim} failed: {error}").format(aim=title, error=error)
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
        elif key == "analysis":
            self.app.open_analysis()
        elif key == "futures":
            self.app.compare_futures()
        elif key == "title":
            self.app.pop_to_title()

    def export(self) -> None:
        assert self.app.session is not None
        try:
            files = self.app.export_report(self.app.session)
        except (OSError, SaveError) as exc:
            self.app.toast(_("Export failed: {error}").format(error=exc), "bad", 10)
            return
        self.app.toast(_("Report exported: {files}").format(
            files=", ".join(str(p) for p in files)), "good", 10)

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
        if event.key == pygame.K_a:
            self.app.open_analysis()
            return True
        if event.key == pygame.K_c and self.app.session is not None \
                and self.app.session.branch is not None:
            self.app.compare_futures()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.view:
            self.view.scroll(300 if event.key == pygame.K_PAGEDOWN else -300)
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area.inflate(-self.px(40), -self.px(30))
        c, f = self.app.colours, self.app.fonts
        s = self.summary
        r = draw_text(surface, _("End of the game: {ending}").format(
            ending=one_line(s.ending_title, 80)), a.topleft, f.title(), c.accent, a.width)
        closest = _("closest to {reading}").format(reading=s.stance.reading_name or "-")
        stance = verdict_words(s.stance.verdict) if s.stance.verdict else closest
        phrase = say.verdict_phrase(s.stance.verdict) if s.stance.verdict else closest
        values = {"turns": s.turns_played, "score": number(s.score),
                  "history": number(s.historical_score)}
        line = next((t for t in (
            _("Turns played: {turns}  ·  score {score} of 100 (history's path {history})  ·  "
              "your policy {verdict}").format(verdict=phrase, **values),
            _("Turns played: {turns}  ·  score {score} (history {history})  ·  policy: "
              "{stance}").format(stance=stance, **values))
            if f.body().size(t)[0] <= a.width),
            _("Turns: {turns} · score {score} (history {history})").format(**values))
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
            draw_text(surface, self.chart_problem or _("No charts."), self.body.topleft, f.body(),
                      c.bad, self.body.width)
