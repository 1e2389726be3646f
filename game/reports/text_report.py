"""The end report as Markdown (charts as PNG files beside it), CSV (the aims turn by turn) and
JSON (everything)."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from game.reports.end_report import (
    ESSAY_NOTE,
    EndReport,
    EventRow,
    dates_in_words,
    events_summary,
    month_words,
    report_data,
    saved_when,
    stance_explained,
    verdict_phrase,
)
from game.reports.escape import csv_cell, json_text, md_block, md_cell, md_text, safe_url


def render_markdown(report: EndReport, chart_files: list[tuple[str, str]],
                    chart_problem: str = "") -> str:
    """The report as Markdown; ``chart_files`` holds (aim name, relative file name) pairs."""
    s = report.summary
    out: list[str] = []
    add = out.append
    add(f"# {md_text(report.scenario_title)}")
    add("")
    meta = f"End report for **{md_text(report.player or 'an unnamed player')}**, leading the " \
           f"{md_text(report.player_state)}"
    when = saved_when(report)
    add(meta + (f", saved {when}" if when else "") + f", game seed {report.seed}.")
    for w in report.warnings:
        add("")
        add(f"> {md_text(w)}")
    add("")
    add("## How it ended")
    add("")
    if report.finished:
        add(f"**{md_text(s.ending_title)}**")
        add("")
        add(md_text(s.ending_text))
    else:
        add(f"**The game is not finished**: saved in {md_text(report.date)}, after "
            f"{s.turns_played} turn(s). The comparison covers the turns played.")
    add("")
    if report.historical_ending_title:
        same = " (the same as yours)" if s.ending_id == s.historical_ending_id else ""
        add(f"Played through the same rules, the USSR's historical path ends in "
            f"**{md_text(report.historical_ending_title)}**{same}.")
        add("")
    add(f"Overall score: **{s.score:.1f}** out of 100; the historical path scores "
        f"{s.historical_score:.1f}.")
    add("")
    add(f"_{md_text(report.score_explained)}_")
    add("")
    add("## Your aims against history")
    add("")
    add("| Aim | Yours at the end | History | Difference | Mean gap over the game |")
    add("|---|---:|---:|---:|---:|")
    for a in s.aims:
        add(f"| {md_cell(a.name)} | {a.final:.1f} | {a.historical:.1f} | {a.difference:+.1f} | "
            f"{a.mean_gap:+.1f} |")
    add("")
    for name, file in chart_files:
        add(f"![{md_cell(name)}: your game (solid) against history (dashed)]({quote(file)})")
        add("")
    if chart_problem:
        add(f"_Charts are missing: {md_text(chart_problem)}._")
        add("")
    add("## Your decisions beside the USSR's")
    add("")
    if report.decisions:
        add(f"_{md_text(ESSAY_NOTE)}_")
        add("")
        add("| Date | Decision | You | What the USSR did | The essay's verdict "
            "| What the essay got wrong | Source |")
        add("|---|---|---|---|---|---|---|")
        for d in report.decisions:
            r = d.row
            title = f"**{md_cell(r.title)}**"
            if d.note:
                title += f"<br>{md_cell(d.note.text)}"
            verdict = md_cell(d.verdict_text)
            if d.note and d.note.reason:
                verdict += f": {md_cell(d.note.reason)}"
            mine, theirs = (dates_in_words(r.player), dates_in_words(r.history)) \
                if r.kind == "action" else (r.player, r.history)
            you = md_cell(mine) if r.same else f"**{md_cell(mine)}**"
            add(f"| {month_words(r.date)} | {title} | {you} | {md_cell(theirs)} | {verdict} | "
                f"{md_cell(r.correction)} | {md_cell(r.source)} |")
        add("")
        add("Where you did otherwise than the USSR, your decision is in bold.")
    else:
        add("No decisions yet.")
    add("")
    add("## What happened in your game")
    add("")
    if report.events:
        add(events_summary(report))
        add("")
        for e in report.events:
            out += _md_event(e)
    else:
        add("No event has happened yet.")
        add("")
    add("## Your policy between the historians' readings")
    add("")
    st, hs = s.stance, s.historical_stance
    if st.decisions:
        if st.verdict:
            add(f"Your policy **{md_text(verdict_phrase(st.verdict))}**.")
            add("")
        closest = f", closest to **{md_text(st.reading_name)}**" \
            if st.reading_name and not st.verdict else ""
        theirs = f": its policy {md_text(verdict_phrase(hs.verdict))}" if hs.verdict else \
            (f" ({md_text(hs.reading_name)})" if hs.reading_name else "")
        add(f"Your {st.decisions} decision(s) lean **{st.lean:+.2f}** on a scale from -1 to +1"
            f"{closest}. The USSR's own decisions lean {hs.lean:+.2f}{theirs}.")
        add("")
        if st.moved_by:
            add("The decisions that pulled yours hardest, with their lean:")
            add("")
            for label, lean in st.moved_by:
                add(f"- {lean:+.1f} {md_cell(label)}")
            add("")
        add(f"_{md_text(stance_explained())}_")
    else:
        add("You made no decision that carries a stance yet.")
    add("")
    add("```")
    add(_axis(st.lean, hs.lean))
    add("```")
    add("")
    for reading in report.readings:
        mark = " (closest to your game)" if reading.id == st.reading_id else ""
        add(f"### {md_text(reading.name)} ({reading.lean:+.1f}){mark}")
        add("")
        add(md_text(reading.summary))
        add("")
        names = "; ".join(md_text(x.name) + (f", *{md_text(x.work)}*" if x.work else "")
                          for x in reading.historians)
        add(f"Historians: {names}")
        add("")
    add("## Sources")
    add("")
    if report.sources:
        for src in report.sources:
            url = safe_url(src.url)
            add(f"- {md_text(src.citation)}" + (f" <{url}>" if url else
                                                (f" {md_text(src.url)}" if src.url else "")))
    else:
        add("The scenario lists no sources; each decision above names its own.")
    add("")
    add(f"_Made by Statecraft from {md_text(report.save_path)}._")
    return "\n".join(out) + "\n"


EVENT_MARKS = {"game_only": "did not happen in history",
               "history_only": "happened in history, not in your game"}


def _md_event(e: EventRow) -> list[str]:
    """One event of the chronology as Markdown: a heading, the game's text, the note."""
    mark = EVENT_MARKS.get(e.status, "")
    if e.after_end:
        mark += " (your game had ended)"
    title = md_cell(e.title).replace("<br>", " ")
    out = [f"### {month_words(e.date)}: {title}" + (f" _({mark})_" if mark else ""),
           ""]
    if not e.in_game:
        out += ["What the game says:", ""]
    out += [md_block(p) + "\n" for p in e.text.split("\n\n") if p.strip()]
    if e.choice and e.choice == e.history_choice:
        out += [f"You chose **{md_cell(e.choice)}**, as the USSR did.", ""]
    elif e.choice or e.history_choice:
        choices = []
        if e.choice:
            choices.append(f"You chose **{md_cell(e.choice)}**")
        if e.history_choice:
            choices.append(f"the USSR chose **{md_cell(e.history_choice)}**")
        text = "; ".join(choices)
        out += [f"{text[0].upper()}{text[1:]}.", ""]
    n = e.note
    if n is None:
        out += ["_The scenario has no history note for this event._", ""]
        return out
    out.append(f"- **In history, {md_cell(n.date)}:** {md_cell(n.text)}")
    reason = f" {md_cell(n.reason)}" if n.reason else ""
    if n.verdict == "not_in_essay":
        out.append(f"- **The essay's verdict:** none; the essay does not discuss it.{reason}")
    else:
        out.append(f"- **The essay's verdict:** {md_cell(e.verdict_text)}.{reason}")
    if n.correction:
        out.append(f"- **What the essay got wrong:** {md_cell(n.correction)}")
    out.append(f"- **Source:** {md_cell(n.source)}")
    if e.in_game and e.in_history and e.history_date != e.date:
        out.append(f"- On the historical path it came in {month_words(e.history_date)}.")
    out.append("")
    return out


def _axis(lean: float, history: float, width: int = 41) -> str:
    """A text scale from -1 to +1 with Y (you) and H (history) on it."""
    cells = ["-"] * width

    def at(value: float) -> int:
        return round((max(-1.0, min(1.0, value)) + 1) / 2 * (width - 1))

    cells[width // 2] = "|"
    cells[at(history)] = "H"
    cells[at(lean)] = "Y" if at(lean) != at(history) else "*"
    return "-1 " + "".join(cells) + " +1   (Y: you, H: history, *: both)"


def render_csv(report: EndReport) -> str:
    """The aims turn by turn, each beside its historical value."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    header = ["turn", "date"]
    for aim in report.aim_ids:
        header += [aim, f"{aim}_history"]
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
