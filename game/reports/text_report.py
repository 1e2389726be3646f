"""The end report as Markdown (charts as PNG files beside it), CSV (the aims turn by turn) and
JSON (everything)."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from game.i18n import _
from game.present import report_text as say
from game.present.dates import dates_in_words, month_words
from game.present.history_note import ESSAY_NOTE
from game.present.numbers import number
from game.present.report import EndReport, EventRow
from game.reports.escape import csv_cell, json_text, md_block, md_cell, md_text, safe_url
from game.reports.report_data import report_data


class MdMarks:
    """Scenario text escaped for running Markdown, emphasis in ``**``."""

    def text(self, s: str) -> str:
        return md_text(s)

    def strong(self, s: str) -> str:
        return f"**{md_text(s)}**"


class CellMarks:
    """Scenario text escaped for a table cell or a list item, emphasis in ``**``."""

    def text(self, s: str) -> str:
        return md_cell(s)

    def strong(self, s: str) -> str:
        return f"**{md_cell(s)}**"


M = MdMarks()
CELL = CellMarks()


def _decision_table(report: EndReport) -> list[str]:
    cols = say.decision_columns(report)
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for d in report.decisions:
        r = d.row
        title = f"**{md_cell(r.title)}**"
        if d.note:
            title += f"<br>{md_cell(d.note.text)}"
        mine, theirs = (dates_in_words(d.player_text), dates_in_words(d.history_text)) \
            if r.kind == "action" else (say.decision_you(d), say.decision_history(d))
        you = md_cell(mine) if r.same else f"**{md_cell(mine)}**"
        cells = [month_words(d.when), title, you, md_cell(theirs)]
        if report.has_essay:
            verdict = md_cell(d.verdict_text)
            if d.note and d.note.reason:
                verdict += f": {md_cell(d.note.reason)}"
            cells += [verdict, md_cell(r.correction)]
        cells.append(md_cell(r.source))
        out.append("| " + " | ".join(cells) + " |")
    return out


def render_markdown(report: EndReport, chart_files: list[tuple[str, str]],
                    chart_problem: str = "") -> str:
    """The report as Markdown; ``chart_files`` holds (aim name, relative file name) pairs."""
    s = report.summary
    heads = say.headings(report)
    out: list[str] = []
    add = out.append
    add(f"# {md_text(report.scenario_title)}")
    add("")
    add(say.meta_line(report, M))
    for w in report.warnings:
        add("")
        add(f"> {md_text(w)}")
    add("")
    add(f"## {heads.ending}")
    add("")
    if report.finished:
        add(f"**{md_text(s.ending_title)}**")
        add("")
        add(md_text(s.ending_text))
        if report.ending_causes:
            add("")
            add(f"**{md_text(say.causes_heading())}**")
            add("")
            out.extend(f"- {md_cell(c)}" for c in report.ending_causes)
    else:
        add(f"**{say.unfinished_title()}**: {say.unfinished_text(report, M)}")
    add("")
    ending = say.historical_ending_line(report, M)
    if ending:
        add(ending)
        add("")
    add(say.score_line(report, M))
    add("")
    add(f"_{md_text(say.score_explained(report))}_")
    add("")
    add(f"## {heads.aims}")
    add("")
    add("| " + " | ".join(say.aim_columns()) + " |")
    add("|---|---:|---:|---:|---:|")
    for a in s.aims:
        add(f"| {md_cell(a.name)} | {number(a.final)} | {number(a.historical)} | "
            f"{number(a.difference, signed=True)} | {number(a.mean_gap, signed=True)} |")
    add("")
    add(f"_{md_text(say.aims_note(report))}_")
    add("")
    for name, file in chart_files:
        add(f"![{md_cell(say.chart_caption(name))}]({quote(file)})")
        add("")
    if chart_problem:
        add(f"_{md_text(say.charts_missing(chart_problem))}_")
        add("")
    add(f"## {heads.decisions}")
    add("")
    if report.decisions:
        if report.has_essay:
            add(f"_{md_text(_(ESSAY_NOTE))}_")
            add("")
        out += _decision_table(report)
        add("")
        # TRANSLATORS: ends "Where you did otherwise than the USSR, your decision ...".
        add(say.differs_note(report, _("is in bold")))
    else:
        add(_(say.NO_DECISIONS))
    add("")
    if report.policies:
        out += _md_policies(report)
    add(f"## {heads.events}")
    add("")
    if report.events:
        add(say.events_summary(report))
        add("")
        for e in report.events:
            out += _md_event(report, e)
    else:
        add(_(say.NO_EVENTS))
        add("")
    add(f"## {heads.stance}")
    add("")
    st, hs = s.stance, s.historical_stance
    if st.decisions:
        policy = say.policy_line(st, M)
        if policy:
            add(policy)
            add("")
        add(say.lean_line(report, M))
        add("")
        if st.moved_by:
            add(_(say.MOVED_BY))
            add("")
            for label, lean in st.moved_by:
                add(f"- {number(lean, signed=True)} {md_cell(label)}")
            add("")
        add(f"_{md_text(say.stance_explained())}_")
    else:
        add(_(say.NO_STANCE))
    add("")
    add("```")
    add(say.lean_axis(st.lean, hs.lean))
    add("```")
    add("")
    for reading in report.readings:
        where = number(reading.lean, signed=True)
        if reading.id == st.reading_id:
            add("### " + _("{reading} ({lean}) (closest to your game)").format(
                reading=md_text(reading.name), lean=where))
        else:
            add(f"### {md_text(reading.name)} ({where})")
        add("")
        add(md_text(reading.summary))
        add("")
        add(say.historians_line([md_text(x.name) + (f", *{md_text(x.work)}*" if x.work else "")
                                 for x in reading.historians]))
        add("")
    add(f"## {heads.sources}")
    add("")
    if report.sources:
        for src in report.sources:
            url = safe_url(src.url)
            add(f"- {md_text(src.citation)}" + (f" <{url}>" if url else
                                                (f" {md_text(src.url)}" if src.url else "")))
    else:
        add(_(say.NO_SOURCES))
    add("")
    add(f"_{say.footer(report, M)}_")
    return "\n".join(out) + "\n"


def _md_event(report: EndReport, e: EventRow) -> list[str]:
    """One event of the chronology as Markdown: a heading, the game's text, the note."""
    mark = say.event_mark(e)
    title = md_cell(say.event_heading(e)).replace("<br>", " ")
    out = [f"### {month_words(e.date)}: {title}" + (f" _({mark})_" if mark else ""),
           ""]
    if not e.in_game:
        out += [_("{label}:").format(label=say.event_label(e)), ""]
    out += [md_block(p) + "\n" for p in e.text.split("\n\n") if p.strip()]
    choice = say.choice_sentence(report, e, CELL)
    if choice:
        out += [choice, ""]
    outcome = say.outcome_sentence(report, e, CELL)
    if outcome:
        out += [outcome, ""]
    lines = say.note_lines(e)
    if not lines:
        out += [f"_{_(say.NO_NOTE)}_", ""]
        return out
    out += [f"- **{md_cell(label)}:** {md_cell(text)}" for label, text in lines]
    later = say.history_date_line(e, month_words(e.history_date))
    if later:
        out.append(f"- {later}")
    out.append("")
    return out


def _md_policies(report: EndReport) -> list[str]:
    """The standing policies as a table: the player's stretches beside history's."""
    cols = say.policy_columns(report)
    out = [f"## {say.policies_heading(report)}", "", "| " + " | ".join(cols) + " |",
           "|" + "---|" * len(cols)]
    for row in report.policies:
        mine, theirs = say.policy_lines(row)
        you = "<br>".join(md_cell(x) for x in mine)
        out.append(f"| **{md_cell(row.name)}** | {you if row.same else f'**{you}**'} | "
                   + "<br>".join(md_cell(x) for x in theirs) + " |")
    return [*out, "", f"_{md_text(say.policies_note(report))}_", ""]


def render_csv(report: EndReport) -> str:
    """The aims turn by turn, each beside its historical value; the headers are the aims'
    names."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    header = [_("Turn"), _("Date")]
    for name in report.aim_names:
        # TRANSLATORS: a spreadsheet column: an aim's value on the historical path.
        header += [name, _("{aim} (history)").format(aim=name)]
    writer.writerow([csv_cell(v) for v in header])
    for t in report.turns:
        row: list[object] = [t.turn, t.date]
        for mine, theirs in zip(t.aims, t.history, strict=True):
            row += [round(mine, 3), round(theirs, 3)]
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


def render_json(report: EndReport) -> str:
    """Everything, as strict JSON. Raises :class:`game.reports.escape.NotFiniteError` if a
    figure is not a finite number."""
    return json_text(report_data(report)) + "\n"
