"""The end report as one HTML file that opens offline: styles inline, charts as embedded PNGs.

Every piece of scenario or save text goes through :func:`game.reports.escape.h`.
"""

from __future__ import annotations

import base64
import re

from game.reports.charts import Chart
from game.reports.end_report import (
    ESSAY_NOTE,
    EndReport,
    EventRow,
    dates_in_words,
    events_summary,
    month_words,
    saved_when,
    stance_explained,
    verdict_phrase,
)
from game.reports.escape import h, safe_url

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; color: #222; background: #fbfaf7;
       max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #b33; padding-bottom: 0.2rem;
     margin-top: 2.2rem; }
.meta { color: #555; margin-top: 0; }
.ending { background: #fff; border-left: 6px solid #b33; padding: 0.6rem 1rem; }
.ending h3 { margin: 0.2rem 0 0.4rem; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.93rem; }
th, td { border: 1px solid #ccc; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
th { background: #eee8dc; }
th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.differs td.you { background: #fdecea; }
.note { color: #555; font-size: 0.88rem; }
.verdict-success { color: #176a2c; font-weight: bold; }
.verdict-failure { color: #a11; font-weight: bold; }
.verdict-mixed { color: #8a5a00; font-weight: bold; }
.charts img { max-width: 100%; height: auto; border: 1px solid #ddd; background: #fff;
              margin: 0.4rem 0; }
.axis { position: relative; height: 1.2rem; margin: 2.6rem 0 2.8rem; border: 1px solid #bbb;
        background: linear-gradient(to right, #dbe8f5, #f5f1e6 50%, #f7dede); }
.axis .middle { position: absolute; left: 50%; top: 0; bottom: 0; border-left: 1px dashed #999; }
.mark { position: absolute; transform: translateX(-50%); text-align: center;
        font-size: 0.85rem; white-space: nowrap; line-height: 1.1; }
.mark b { display: block; font-size: 1.1rem; }
.mark.you { bottom: 100%; color: #b33; font-weight: bold; }
.mark.history { top: 100%; color: #333; }
.ends { display: flex; justify-content: space-between; font-size: 0.85rem; color: #444; }
.reading { background: #fff; border: 1px solid #ddd; padding: 0.5rem 0.9rem; margin: 0.6rem 0; }
.reading.closest { border: 2px solid #b33; }
.warning { background: #fff4d6; border: 1px solid #e0c060; padding: 0.5rem 0.9rem; }
table.decisions { table-layout: fixed; }
table.decisions td:nth-child(7), table.decisions td:nth-child(6) { font-size: 0.82rem; }
.event { background: #fff; border: 1px solid #ccc; margin: 0.8rem 0; padding: 0.4rem 0.9rem 0.6rem; }
.event h3 { margin: 0.2rem 0 0.4rem; font-size: 1.05rem; }
.event .when { color: #b33; margin-right: 0.4rem; white-space: nowrap; }
.event .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.event .columns p { margin: 0.3rem 0; }
.event .history { font-size: 0.92rem; border-left: 3px solid #eee8dc; padding-left: 0.9rem; }
.event .label { font-size: 0.8rem; font-weight: bold; color: #777; }
.event.history_only { border-style: dashed; background: #f6f4ef; }
.event.history_only .game { color: #666; }
.badge { font-size: 0.75rem; font-weight: normal; padding: 0.05rem 0.4rem; border-radius: 0.6rem;
         white-space: nowrap; vertical-align: middle; }
.badge.game_only { background: #fdecea; color: #a11; border: 1px solid #e8b4ae; }
.badge.history_only { background: #e8e8e8; color: #444; border: 1px solid #bbb; }
p.verdict { font-size: 1.1rem; }
ul.moved { list-style: none; padding-left: 1rem; }
ul.moved .lean { display: inline-block; min-width: 2.4rem; margin-right: 0.4rem; text-align: center;
                 font-variant-numeric: tabular-nums; border-radius: 0.3rem; font-size: 0.9rem; }
ul.moved .lean.neg { background: #dbe8f5; }
ul.moved .lean.pos { background: #f7dede; }
@media (max-width: 40rem) { .event .columns { grid-template-columns: 1fr; } }
footer { margin-top: 3rem; color: #777; font-size: 0.8rem; }
@media print { body { background: #fff; } h2 { page-break-after: avoid; }
               .event, .reading { break-inside: avoid; } }
"""


def _num(value: float, signed: bool = False) -> str:
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def _when(year_month: str) -> str:
    """``"1933-01"`` as ``Jan 1933``, kept on one line (HTML, escaped)."""
    return h(month_words(year_month)).replace(" ", "&nbsp;")


def dates_html(text: str) -> str:
    """Every ``YYYY-MM`` in a text as ``Jan 1933``, kept on one line (HTML, escaped)."""
    return re.sub(r"\b([A-Z][a-z]{2}) (\d{4})\b", "\\1&nbsp;\\2", h(dates_in_words(text)))


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{h(p)}</p>" for p in text.split("\n\n") if p.strip())


EVENT_MARKS = {"game_only": "did not happen in history",
               "history_only": "happened in history, not in your game"}


def _event(e: EventRow) -> str:
    """One event of the chronology: what the game said, and the history note beside it."""
    mark = EVENT_MARKS.get(e.status, "")
    if e.after_end:
        mark += " (your game had ended)"
    badge = f' <span class="badge {e.status}">{h(mark)}</span>' if mark else ""
    out = [f'<div class="event {e.status}" id="event-{h(e.id)}">'
           f'<h3><span class="when">{_when(e.date)}</span> {h(e.title)}{badge}</h3>'
           '<div class="columns"><div class="game">']
    out.append(f'<div class="label">{"In your game" if e.in_game else "What the game says"}'
               f"</div>{_paragraphs(e.text)}")
    if e.choice and e.choice == e.history_choice:
        out.append(f'<p class="choice">You chose <strong>{h(e.choice)}</strong>, as the USSR '
                   "did.</p>")
    elif e.choice or e.history_choice:
        choices = []
        if e.choice:
            choices.append(f"You chose <strong>{h(e.choice)}</strong>")
        if e.history_choice:
            choices.append(f"the USSR chose <strong>{h(e.history_choice)}</strong>")
        text = "; ".join(choices)
        out.append(f'<p class="choice">{text[0].upper()}{text[1:]}.</p>')
    out.append('</div><div class="history">')
    n = e.note
    if n is not None:
        out.append(f'<div class="label">In history, {h(n.date)}</div>{_paragraphs(n.text)}')
        reason = f" {h(n.reason)}" if n.reason else ""
        if n.verdict == "not_in_essay":
            out.append(f"<p><strong>The essay's verdict:</strong> none; the essay does not "
                       f"discuss it.{reason}</p>")
        else:
            out.append(f"<p><strong>The essay's verdict:</strong> <span class=\"verdict-"
                       f'{h(n.verdict)}">{h(e.verdict_text)}</span>.{reason}</p>')
        if n.correction:
            out.append(f"<p><strong>What the essay got wrong:</strong> {h(n.correction)}</p>")
        out.append(f'<p class="note">Source: {h(n.source)}</p>')
    else:
        out.append('<p class="note">The scenario has no history note for this event.</p>')
    if e.in_game and e.in_history and e.history_date != e.date:
        out.append(f'<p class="note">On the historical path it came in '
                   f"{_when(e.history_date)}.</p>")
    out.append("</div></div></div>")
    return "".join(out)


def _position(lean: float) -> float:
    # Kept off the very ends, so a label at -1 or +1 stays on the page.
    return round(3 + (max(-1.0, min(1.0, lean)) + 1) * 47, 1)


def render_html(report: EndReport, charts: list[Chart], chart_problem: str = "") -> str:
    """The whole report as an HTML document."""
    s = report.summary
    parts: list[str] = []
    add = parts.append
    add("<!DOCTYPE html>")
    add(f'<html lang="en"><head><meta charset="utf-8"><title>{h(report.title)} - end report'
        '</title><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLE}</style></head><body>")
    add(f"<h1>{h(report.scenario_title)}</h1>")
    meta = [f"End report for <strong>{h(report.player or 'an unnamed player')}</strong>"]
    meta.append(f"leading the {h(report.player_state)}")
    when = saved_when(report)
    if when:
        meta.append(f"saved {h(when)}")
    meta.append(f"game seed {report.seed}")
    add(f'<p class="meta">{", ".join(meta)}.</p>')
    for w in report.warnings:
        add(f'<p class="warning">{h(w)}</p>')

    add('<section id="ending"><h2>How it ended</h2><div class="ending">')
    if report.finished:
        add(f"<h3>{h(s.ending_title)}</h3>")
        add("".join(f"<p>{h(p)}</p>" for p in s.ending_text.split("\n\n") if p.strip()))
    else:
        add(f"<h3>The game is not finished</h3><p>It was saved in {h(report.date)}, after "
            f"{s.turns_played} turn(s). The comparison below covers the turns played.</p>")
    add("</div>")
    if report.historical_ending_title:
        same = " (the same as yours)" if s.ending_id == s.historical_ending_id else ""
        add(f"<p>Played through the same rules, the USSR's historical path ends in "
            f"<strong>{h(report.historical_ending_title)}</strong>{same}.</p>")
    add(f"<p>Overall score: <strong>{_num(s.score)}</strong> out of 100; the historical path "
        f"scores {_num(s.historical_score)}.</p>")
    add(f'<p class="note">{h(report.score_explained)}</p></section>')

    add('<section id="aims"><h2>Your aims against history</h2>')
    add("<table><thead><tr><th>Aim</th><th class=num>Yours at the end</th>"
        "<th class=num>History</th><th class=num>Difference</th>"
        "<th class=num>Mean gap over the game</th></tr></thead><tbody>")
    for a in s.aims:
        add(f"<tr><td>{h(a.name)}</td><td class=num>{_num(a.final)}</td>"
            f"<td class=num>{_num(a.historical)}</td><td class=num>{_num(a.difference, True)}"
            f"</td><td class=num>{_num(a.mean_gap, True)}</td></tr>")
    add("</tbody></table>")
    add('<p class="note">History: the USSR\'s real decisions played through the same rules. '
        "A positive difference means your game did better on that aim.</p>")
    add('<div class="charts">')
    for c in charts:
        data = base64.b64encode(c.png).decode("ascii")
        add(f'<figure><img src="data:image/png;base64,{data}" alt="{h(c.aim_name)}: your game '
            f'against the historical path, turn by turn"><figcaption class="note">'
            f"{h(c.aim_name)}: your game (solid) against history (dashed)</figcaption></figure>")
    if chart_problem:
        add(f'<p class="note">Charts are missing: {h(chart_problem)}.</p>')
    add("</div></section>")

    add('<section id="decisions"><h2>Your decisions beside the USSR\'s</h2>')
    if report.decisions:
        add(f'<p class="note">{h(ESSAY_NOTE)}</p>')
        add('<table class="decisions"><colgroup><col style="width:8%"><col style="width:27%">'
            '<col style="width:11%"><col style="width:11%"><col style="width:17%">'
            '<col style="width:14%"><col style="width:12%"></colgroup>'
            "<thead><tr><th>Date</th><th>Decision</th><th>You</th>"
            "<th>What the USSR did</th><th>The essay's verdict</th>"
            "<th>What the essay got wrong</th><th>Source</th></tr></thead><tbody>")
        for d in report.decisions:
            r = d.row
            what = f'<div class="note">{h(d.note.text)}</div>' if d.note else ""
            reason = f'<div class="note">{h(d.note.reason)}</div>' if d.note and d.note.reason \
                else ""
            verdict = f'<span class="verdict-{h(r.verdict)}">{h(d.verdict_text)}</span>' \
                if r.verdict else ""
            you, usr = (dates_html(r.player), dates_html(r.history)) if r.kind == "action" \
                else (h(r.player), h(r.history))
            add(f'<tr class="{"same" if r.same else "differs"}"><td class=date>{_when(r.date)}'
                f"</td><td><strong>{h(r.title)}</strong>{what}</td>"
                f"<td class=you>{you}</td><td>{usr}</td>"
                f"<td>{verdict}{reason}</td><td>{h(r.correction)}</td>"
                f"<td>{h(r.source)}</td></tr>")
        add("</tbody></table>")
        add('<p class="note">Rows where you did otherwise than the USSR are shaded.</p>')
    else:
        add("<p>No decisions yet.</p>")
    add("</section>")

    add('<section id="events"><h2>What happened in your game</h2>')
    if report.events:
        add(f"<p>{h(events_summary(report))}</p>")
        for e in report.events:
            add(_event(e))
    else:
        add("<p>No event has happened yet.</p>")
    add("</section>")

    add('<section id="stance"><h2>Your policy between the historians\' readings</h2>')
    st, hs = s.stance, s.historical_stance
    readings = sorted(report.readings, key=lambda r: r.lean)
    if readings:
        add(f'<div class="ends"><span>{h(readings[0].name)}</span>'
            f"<span>{h(readings[-1].name)}</span></div>")
    add(f'<div class="axis" role="img" aria-label="your policy at {st.lean:+.2f}, history at '
        f'{hs.lean:+.2f}, on a scale from -1 to +1">'
        '<span class="middle"></span>'
        f'<span class="mark you" style="left:{_position(st.lean)}%">you<b>&#9660;</b></span>'
        f'<span class="mark history" style="left:{_position(hs.lean)}%"><b>&#9650;</b>history'
        "</span></div>")
    if st.decisions:
        if st.verdict:
            add(f'<p class="verdict">Your policy <strong>{h(verdict_phrase(st.verdict))}'
                "</strong>.</p>")
        closest = f", closest to <strong>{h(st.reading_name)}</strong>" \
            if st.reading_name and not st.verdict else ""
        theirs = f": its policy {h(verdict_phrase(hs.verdict))}" if hs.verdict else \
            (f" ({h(hs.reading_name)})" if hs.reading_name else "")
        add(f"<p>Your {st.decisions} decision(s) lean <strong>{st.lean:+.2f}</strong> on a scale "
            f"from -1 to +1{closest}. The USSR's own decisions lean {hs.lean:+.2f}{theirs}.</p>")
        if st.moved_by:
            add("<p>The decisions that pulled yours hardest, with their lean:</p><ul class=moved>"
                + "".join(f'<li><span class="lean {"neg" if lean < 0 else "pos"}">{lean:+.1f}'
                          f"</span> {h(label)}</li>" for label, lean in st.moved_by) + "</ul>")
        add(f'<p class="note">{h(stance_explained())}</p>')
    else:
        add("<p>You made no decision that carries a stance yet.</p>")
    for reading in report.readings:
        cls = "reading closest" if reading.id == st.reading_id else "reading"
        names = "; ".join(h(x.name) + (f", <em>{h(x.work)}</em>" if x.work else "")
                          for x in reading.historians)
        add(f'<div class="{cls}"><h3>{h(reading.name)} <span class="note">'
            f"({reading.lean:+.1f})</span></h3><p>{h(reading.summary)}</p>"
            f"<p class=note>Historians: {names}</p></div>")
    add("</section>")

    add('<section id="sources"><h2>Sources</h2>')
    if report.sources:
        add("<ul>")
        for src in report.sources:
            url = safe_url(src.url)
            link = f' <a href="{h(url)}">{h(url)}</a>' if url else \
                (f" {h(src.url)}" if src.url else "")
            add(f"<li>{h(src.citation)}{link}</li>")
        add("</ul>")
    else:
        add("<p>The scenario lists no sources; each decision above names its own.</p>")
    add("</section>")
    add(f"<footer>Made by Statecraft from {h(report.save_path)} (scenario "
        f"{h(report.scenario_id)}, by {h(report.scenario_author)}).</footer>")
    add("</body></html>")
    return "\n".join(parts) + "\n"
