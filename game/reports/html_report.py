"""The end report as one HTML file that opens offline: styles inline, charts as inline SVG.

Every piece of scenario or save text goes through :func:`game.reports.escape.h`.
"""

from __future__ import annotations

import html
import re

from game.i18n import _, current_language
from game.present import report_text as say
from game.present.dates import dates_in_words, month_words
from game.present.history_note import ESSAY_NOTE
from game.present.numbers import number
from game.present.report import EndReport, EventRow
from game.reports.charts import Chart
from game.reports.escape import h, safe_url


class HtmlMarks:
    """Scenario text escaped, emphasis in ``<strong>``."""

    def text(self, s: str) -> str:
        return h(s)

    def strong(self, s: str) -> str:
        return f"<strong>{h(s)}</strong>"


M = HtmlMarks()

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; color: #222; background: #fbfaf7;
       max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #b33; padding-bottom: 0.2rem;
     margin-top: 2.2rem; }
.meta { color: #555; margin-top: 0; }
.ending { background: #fff; border-left: 6px solid #b33; padding: 0.6rem 1rem; }
.ending h3 { margin: 0.2rem 0 0.4rem; }
.causes-head { margin: 0.6rem 0 0.2rem; font-weight: bold; }
ul.causes { margin: 0.2rem 0 0.4rem; }
p.outcome { border-left: 3px solid #b33; padding-left: 0.6rem; }
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
.charts svg { max-width: 100%; height: auto; border: 1px solid #ddd; background: #fff;
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


def html_lang() -> str:
    """The ``lang`` of a report's document: the language it is written in."""
    lang = current_language()
    return "qps-ploc" if lang == "qps" else lang


def scenario_lang(language: str) -> str:
    """The attribute for an element of scenario text (in the scenario's own language), or ""
    when the scenario names none."""
    code = "".join(c for c in language if c.isalnum() or c == "-")[:35]
    return f' lang="{code}"' if code else ""


def _num(value: float, signed: bool = False) -> str:
    return number(value, 1, signed)


def _when(year_month: str) -> str:
    """``"1933-01"`` as ``Jan 1933`` (``"1941-06-22"`` as ``22 Jun 1941``), kept on one line
    (HTML, escaped)."""
    return h(month_words(year_month)).replace(" ", "&nbsp;")


def dates_html(text: str) -> str:
    """Every ``YYYY-MM`` in a text as ``Jan 1933``, kept on one line (HTML, escaped)."""
    return re.sub(r"(?<!\w)([^\W\d_]+) (\d{4})\b", "\\1&nbsp;\\2", h(dates_in_words(text)))


def _paragraphs(text: str, lang: str = "") -> str:
    """Scenario text as paragraphs; ``lang`` is the attribute of its language, if any."""
    return "".join(f"<p{lang}>{h(p)}</p>" for p in text.split("\n\n") if p.strip())


def _event(report: EndReport, e: EventRow) -> str:
    """One event of the chronology: what the game said, and the history note beside it."""
    lang = scenario_lang(report.scenario_language)
    mark = say.event_mark(e)
    badge = f' <span class="badge {e.status}">{h(mark)}</span>' if mark else ""
    out = [f'<div class="event {e.status}" id="event-{h(e.id)}">'
           f'<h3><span class="when">{_when(e.date)}</span> <span{lang}>{h(say.event_heading(e))}'
           "</span>"
           f"{badge}</h3>"
           '<div class="columns"><div class="game">']
    out.append(f'<div class="label">{h(say.event_label(e))}</div>{_paragraphs(e.text, lang)}')
    choice = say.choice_sentence(report, e, M)
    if choice:
        out.append(f'<p class="choice">{choice}</p>')
    outcome = say.outcome_sentence(report, e, M)
    if outcome:
        out.append(f'<p class="outcome">{outcome}</p>')
    out.append('</div><div class="history">')
    lines = say.note_lines(e)
    if lines:
        (first, text), *rest = lines
        out.append(f'<div class="label">{h(first)}</div>{_paragraphs(text, lang)}')
        for k, (label, text) in enumerate(rest):
            cls = ' class="note"' if k == len(rest) - 1 else ""  # the source
            words = html.escape(label, quote=False)
            strong = f"{words}:" if cls else f"<strong>{words}:</strong>"
            out.append(f"<p{cls}>{strong} {h(text)}</p>")
    else:
        out.append(f'<p class="note">{h(_(say.NO_NOTE))}</p>')
    later = say.history_date_line(e, _when(e.history_date))
    if later:
        out.append(f'<p class="note">{later}</p>')
    out.append("</div></div></div>")
    return "".join(out)


def _position(lean: float) -> float:
    # Kept off the very ends, so a label at -1 or +1 stays on the page.
    return round(3 + (max(-1.0, min(1.0, lean)) + 1) * 47, 1)


def _decision_table(report: EndReport) -> list[str]:
    essay = report.has_essay
    lang = scenario_lang(report.scenario_language)
    widths = (8, 27, 11, 11, 17, 14, 12) if essay else (10, 40, 17, 17, 16)
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    head = "".join(f"<th>{html.escape(c, quote=False)}</th>"
                   for c in say.decision_columns(report))
    out = [f'<table class="decisions"><colgroup>{cols}</colgroup><thead><tr>{head}'
           "</tr></thead><tbody>"]
    for d in report.decisions:
        r = d.row
        what = f'<div class="note">{h(d.note.text)}</div>' if d.note else ""
        you, usr = (dates_html(d.player_text), dates_html(d.history_text)) \
            if r.kind == "action" else (h(say.decision_you(d)), h(say.decision_history(d)))
        cells = [f"<td class=date>{_when(d.when)}</td>",
                 f"<td{lang}><strong>{h(r.title)}</strong>{what}</td>",
                 f"<td class=you>{you}</td>", f"<td>{usr}</td>"]
        if essay:
            reason = f'<div class="note"{lang}>{h(d.note.reason)}</div>' \
                if d.note and d.note.reason else ""
            verdict = f'<span class="verdict-{h(r.verdict)}">{h(d.verdict_text)}</span>' \
                if r.verdict else ""
            cells += [f"<td>{verdict}{reason}</td>", f"<td{lang}>{h(r.correction)}</td>"]
        cells.append(f"<td{lang}>{h(r.source)}</td>")
        out.append(f'<tr class="{"same" if r.same else "differs"}">{"".join(cells)}</tr>')
    out.append("</tbody></table>")
    return out


def _policy_section(report: EndReport) -> list[str]:
    """The standing policies, the player's stretches beside history's."""
    lang = scenario_lang(report.scenario_language)
    head = "".join(f"<th>{html.escape(c, quote=False)}</th>"
                   for c in say.policy_columns(report))
    out = [f'<section id="policies"><h2>{h(say.policies_heading(report))}</h2>',
           f'<table class="policies"><thead><tr>{head}</tr></thead><tbody>']
    for row in report.policies:
        mine, theirs = say.policy_lines(row)
        cells = [f"<td{lang}><strong>{h(row.name)}</strong></td>",
                 "<td class=you>" + "<br>".join(dates_html(x) for x in mine) + "</td>",
                 "<td>" + "<br>".join(dates_html(x) for x in theirs) + "</td>"]
        out.append(f'<tr class="{"same" if row.same else "differs"}">{"".join(cells)}</tr>')
    out.append(f'</tbody></table><p class="note">{h(say.policies_note(report))}</p>'
               "</section>")
    return out


def render_html(report: EndReport, charts: list[Chart], chart_problem: str = "") -> str:
    """The whole report as an HTML document."""
    s = report.summary
    heads = say.headings(report)
    parts: list[str] = []
    add = parts.append
    add("<!DOCTYPE html>")
    add(f'<html lang="{html_lang()}"><head><meta charset="utf-8">'
        f"<title>{h(say.document_title(report))}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLE}</style></head><body>")
    lang = scenario_lang(report.scenario_language)
    add(f"<h1{lang}>{h(report.scenario_title)}</h1>")
    add(f'<p class="meta">{say.meta_line(report, M)}</p>')
    for w in report.warnings:
        add(f'<p class="warning">{h(w)}</p>')

    add(f'<section id="ending"><h2>{h(heads.ending)}</h2><div class="ending">')
    if report.finished:
        add(f"<div{lang}><h3>{h(s.ending_title)}</h3>")
        add(_paragraphs(s.ending_text, lang) + "</div>")
        if report.ending_causes:
            add(f'<p class="causes-head">{h(say.causes_heading())}</p><ul class="causes">'
                + "".join(f"<li{lang}>{h(c)}</li>" for c in report.ending_causes) + "</ul>")
    else:
        add(f"<h3>{h(say.unfinished_title())}</h3><p>{say.unfinished_text(report, M)}</p>")
    add("</div>")
    ending = say.historical_ending_line(report, M)
    if ending:
        add(f"<p>{ending}</p>")
    add(f"<p>{say.score_line(report, M)}</p>")
    add(f'<p class="note">{h(say.score_explained(report))}</p></section>')

    add(f'<section id="aims"><h2>{h(heads.aims)}</h2>')
    cols = say.aim_columns()
    add(f"<table><thead><tr><th>{h(cols[0])}</th>"
        + "".join(f"<th class=num>{h(c)}</th>" for c in cols[1:]) + "</tr></thead><tbody>")
    for a in s.aims:
        add(f"<tr><td{lang}>{h(a.name)}</td><td class=num>{_num(a.final)}</td>"
            f"<td class=num>{_num(a.historical)}</td><td class=num>{_num(a.difference, True)}"
            f"</td><td class=num>{_num(a.mean_gap, True)}</td></tr>")
    add("</tbody></table>")
    add(f'<p class="note">{h(say.aims_note(report))}</p>')
    add('<div class="charts">')
    for c in charts:
        caption = h(say.chart_caption(c.aim_name))
        add(f'<figure>{c.svg}<figcaption class="note">{caption}</figcaption></figure>')
    if chart_problem:
        add(f'<p class="note">{h(say.charts_missing(chart_problem))}</p>')
    add("</div></section>")

    add(f'<section id="decisions"><h2>{h(heads.decisions)}</h2>')
    if report.decisions:
        if report.has_essay:
            add(f'<p class="note">{h(_(ESSAY_NOTE))}</p>')
        parts += _decision_table(report)
        # TRANSLATORS: ends "Where you did otherwise than the USSR, your decision ...".
        shaded = _("is shaded")
        add(f'<p class="note">{h(say.differs_note(report, shaded))}</p>')
    else:
        add(f"<p>{h(_(say.NO_DECISIONS))}</p>")
    add("</section>")

    if report.policies:
        parts += _policy_section(report)

    add(f'<section id="events"><h2>{h(heads.events)}</h2>')
    if report.events:
        add(f"<p>{h(say.events_summary(report))}</p>")
        for e in report.events:
            add(_event(report, e))
    else:
        add(f"<p>{h(_(say.NO_EVENTS))}</p>")
    add("</section>")

    add(f'<section id="stance"><h2>{h(heads.stance)}</h2>')
    st, hs = s.stance, s.historical_stance
    readings = sorted(report.readings, key=lambda r: r.lean)
    if readings:
        add(f'<div class="ends"{lang}><span>{h(readings[0].name)}</span>'
            f"<span>{h(readings[-1].name)}</span></div>")
    label = _("your policy at {you}, history at {history}, on a scale from -1 to +1").format(
        you=number(st.lean, 2, signed=True), history=number(hs.lean, 2, signed=True))
    # TRANSLATORS: the marks on the scale of a policy's lean.
    you, history = _("you"), _("history")
    add(f'<div class="axis" role="img" aria-label="{h(label)}">'
        '<span class="middle"></span>'
        f'<span class="mark you" style="left:{_position(st.lean)}%">{h(you)}<b>&#9660;</b>'
        f'</span><span class="mark history" style="left:{_position(hs.lean)}%"><b>&#9650;</b>'
        f"{h(history)}</span></div>")
    if st.decisions:
        policy = say.policy_line(st, M)
        if policy:
            add(f'<p class="verdict">{policy}</p>')
        add(f"<p>{say.lean_line(report, M)}</p>")
        if st.moved_by:
            add(f"<p>{h(_(say.MOVED_BY))}</p><ul class=moved>"
                + "".join(f'<li><span class="lean {"neg" if lean < 0 else "pos"}">'
                          f"{number(lean, 1, signed=True)}</span> <span{lang}>{h(label)}</span>"
                          "</li>" for label, lean in st.moved_by) + "</ul>")
        add(f'<p class="note">{h(say.stance_explained())}</p>')
    else:
        add(f"<p>{h(_(say.NO_STANCE))}</p>")
    for reading in report.readings:
        cls = "reading closest" if reading.id == st.reading_id else "reading"
        names = [f"<span{lang}>{h(x.name)}</span>"
                 + (f", <em{lang}>{h(x.work)}</em>" if x.work else "")
                 for x in reading.historians]
        add(f'<div class="{cls}"><h3><span{lang}>{h(reading.name)}</span> <span class="note">'
            f"({number(reading.lean, 1, signed=True)})</span></h3>"
            f"<p{lang}>{h(reading.summary)}</p>"
            f"<p class=note>{say.historians_line(names)}</p></div>")
    add("</section>")

    add(f'<section id="sources"><h2>{h(heads.sources)}</h2>')
    if report.sources:
        add("<ul>")
        for src in report.sources:
            url = safe_url(src.url)
            link = f' <a href="{h(url)}">{h(url)}</a>' if url else \
                (f" {h(src.url)}" if src.url else "")
            add(f"<li><span{lang}>{h(src.citation)}</span>{link}</li>")
        add("</ul>")
    else:
        add(f"<p>{h(_(say.NO_SOURCES))}</p>")
    add("</section>")
    add(f"<footer>{say.footer(report, M)}</footer>")
    add("</body></html>")
    return "\n".join(parts) + "\n"
