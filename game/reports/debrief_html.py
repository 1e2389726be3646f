"""The debrief as HTML made for printing: at most two pages a student (A4 or US Letter), the
charts small and side by side, and for a class one document with each student's debrief
starting on a new page.

The content and every sentence come from :mod:`game.present.debrief`; this only lays it out.
Every piece of scenario or save text goes through :func:`game.reports.escape.h`.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.present.debrief import Debrief, DebriefRow, debrief
from game.present.report import EndReport
from game.reports.charts import Chart, aim_charts
from game.reports.escape import h
from game.reports.html_report import HtmlMarks, html_lang, scenario_lang

M = HtmlMarks()

CHART_SIZE = (380, 210)
"""A debrief chart's drawing size; the page shows it at a third of the text's width."""

PRINT_STYLE = """
@page { size: auto; margin: 12mm 12mm 12mm 12mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; color: #222; background: #fbfaf7;
       max-width: 60rem; margin: 1.2rem auto; padding: 0 1rem; line-height: 1.3;
       font-size: 10.5pt; }
article.debrief { background: #fff; padding: 0.8rem 1rem; margin-bottom: 2rem;
                  border: 1px solid #ddd; }
article.debrief + article.debrief { break-before: page; page-break-before: always; }
h1 { font-size: 15pt; margin: 0 0 0.1rem; }
h1 .kind { color: #b33; font-weight: normal; }
h2 { font-size: 11.5pt; border-bottom: 1.5px solid #b33; margin: 0.7rem 0 0.3rem;
     padding-bottom: 0.1rem; break-after: avoid; page-break-after: avoid; }
p { margin: 0.25rem 0; }
.meta, .note { color: #555; font-size: 8.5pt; }
.warning { background: #fff4d6; border: 1px solid #e0c060; padding: 0.2rem 0.5rem;
           font-size: 8.5pt; }
.ending { border-left: 5px solid #b33; padding: 0.2rem 0.7rem; background: #faf8f3; }
.ending h3 { margin: 0.1rem 0 0.2rem; font-size: 11pt; }
.row { display: flex; gap: 0.6rem; align-items: flex-start; }
.row > * { flex: 1 1 0; min-width: 0; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; border: 1px solid #ddd; display: block; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt;
        break-inside: auto; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 1px solid #ccc; padding: 0.15rem 0.3rem; vertical-align: top;
         text-align: left; overflow-wrap: anywhere; hyphens: auto; }
th { background: #eee8dc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
tr.differs td.you { background: #fdecea; }
.axis { position: relative; height: 0.8rem; margin: 1.6rem 0.5rem 1.7rem;
        border: 1px solid #bbb;
        background: linear-gradient(to right, #dbe8f5, #f5f1e6 50%, #f7dede);
        -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.axis .middle { position: absolute; left: 50%; top: 0; bottom: 0;
                border-left: 1px dashed #999; }
.mark { position: absolute; transform: translateX(-50%); font-size: 8pt; white-space: nowrap;
        line-height: 1; text-align: center; }
.mark.you { bottom: 100%; color: #b33; font-weight: bold; }
.mark.history { top: 100%; }
.axis .tick { position: absolute; top: 15%; bottom: 15%; border-left: 2px solid #777; }
.readings { list-style: none; padding: 0; margin: 0.2rem 0; font-size: 8.5pt;
            display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; }
.readings .closest { font-weight: bold; }
.keep { break-inside: avoid; page-break-inside: avoid; }
p.causes { margin: 0.3rem 0 0; font-weight: bold; }
ul.causes { margin: 0.1rem 0 0.2rem; padding-left: 1.2rem; }
@media print {
  body { background: #fff; margin: 0; max-width: none; padding: 0; }
  article.debrief { border: none; padding: 0; margin: 0; }
  nav, .screen-only { display: none; }
}
"""


def _position(lean: float) -> float:
    return round(3 + (max(-1.0, min(1.0, lean)) + 1) * 47, 1)


def _table(d: Debrief, rows: Sequence[DebriefRow], why: bool) -> str:
    lang = scenario_lang(d.language)
    widths = (12, 34, 18, 18, 18) if why else (13, 43, 22, 22)
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    heads = [*d.columns, d.why_column] if why else list(d.columns)
    head = "".join(f"<th>{h(c)}</th>" for c in heads)
    body = []
    for r in rows:
        cells = (f'<td class="date">{h(r.date)}</td><td{lang}>{h(r.title)}</td>'
                 f'<td class="you">{h(r.you)}</td><td>{h(r.history)}</td>')
        if why:
            cells += f"<td>{h(r.why)}</td>"
        body.append(f'<tr class="{"same" if r.same else "differs"}">{cells}</tr>')
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def debrief_article(report: EndReport, charts: Sequence[Chart] | None = None) -> str:
    """One student's debrief as an ``<article>`` (the document wraps it)."""
    d = debrief(report, M)
    if charts is None:
        charts = aim_charts(report, CHART_SIZE)
    lang = scenario_lang(d.language)
    out = ['<article class="debrief">',
           f'<h1><span{lang}>{h(d.title)}</span> <span class="kind">{h(d.heading)}</span></h1>',
           f'<p class="meta">{d.meta}</p>']
    out += [f'<p class="warning">{h(w)}</p>' for w in d.warnings]
    out.append(f'<section class="keep"><h2>{h(d.ending_heading)}</h2><div class="ending">')
    if d.finished:
        out.append(f"<h3{lang}>{h(d.ending_title)}</h3><p{lang}>{h(d.ending_text)}</p>")
        if d.causes:
            out.append(f'<p class="causes">{h(d.causes_heading)}</p><ul class="causes">'
                       + "".join(f"<li{lang}>{h(c)}</li>" for c in d.causes) + "</ul>")
    else:
        out.append(f"<h3>{h(d.ending_title)}</h3><p>{d.ending_text}</p>")
    out.append("</div>")
    if d.historical_ending:
        out.append(f"<p>{d.historical_ending}</p>")
    out.append(f"<p>{d.score}</p></section>")

    out.append(f'<section class="keep"><h2>{h(d.aims_heading)}</h2><div class="row">')
    for c in charts:
        out.append(f"<figure>{c.svg}</figure>")
    out.append("</div>")
    head = f"<th>{h(d.aim_columns[0])}</th>" + "".join(
        f'<th class="num">{h(c)}</th>' for c in d.aim_columns[1:])
    rows = "".join(f"<tr><td{lang}>{h(a[0])}</td>" + "".join(
        f'<td class="num">{h(v)}</td>' for v in a[1:]) + "</tr>" for a in d.aims)
    out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>")

    out.append(f"<section><h2>{h(d.mattered_heading)}</h2>")
    if d.mattered:
        out.append(_table(d, d.mattered, True))
        out.append(f'<p class="note">{h(d.mattered_note)}</p>')
    else:
        out.append(f"<p>{h(d.mattered_empty)}</p>")
    out.append("</section>")

    out.append(f"<section><h2>{h(d.key_heading)}</h2>")
    if d.key:
        out.append(_table(d, d.key, False))
        out.append(f'<p class="note">{h(d.key_note)} {h(d.differs_note)}</p>')
    out.append("</section>")

    if d.policies:
        out.append(f'<section class="keep"><h2>{h(d.policies_heading)}</h2><table><thead><tr>'
                   + "".join(f"<th>{h(c)}</th>" for c in d.policy_columns) + "</tr></thead>"
                   "<tbody>" + "".join(
                       f'<tr class="{"same" if same else "differs"}"><td{lang}>{h(name)}</td>'
                       f"<td class=you>{h(you)}</td><td>{h(them)}</td></tr>"
                       for name, you, them, same in d.policies) + "</tbody></table></section>")

    out.append(f'<section class="keep"><h2>{h(d.reading_heading)}</h2>')
    marks = "".join(f'<span class="tick" style="left:{_position(r.lean)}%"></span>'
                    for r in d.readings)
    out.append(f'<div class="axis" role="img" aria-label="{h(d.scale_label)}">'
               '<span class="middle"></span>'
               f'<span class="mark you" style="left:{_position(d.you_lean)}%">'
               f"{h(d.you_mark)} &#9660;</span>{marks}"
               f'<span class="mark history" style="left:{_position(d.history_lean)}%">'
               f"&#9650; {h(d.history_mark)}</span></div>")
    out.append('<ul class="readings">' + "".join(  # the ticks on the scale, by lean
        f'<li{" class=closest" if r.closest else ""}><span{lang}>{h(r.name)}</span> '
        f"({h(r.lean_text)})</li>" for r in d.readings) + "</ul>")
    if d.policy:
        out.append(f"<p>{d.policy}</p>")
    out.append(f"<p>{d.lean}</p></section>")
    out.append(f'<p class="note">{h(d.full_report)}</p></article>')
    return "\n".join(out)


def render_debrief(reports: Sequence[EndReport], title: str = "") -> str:
    """The debriefs of one or more games as one HTML document, each on new pages."""
    if not title:
        title = debrief(reports[0], M).document_title if reports else ""
    body = [debrief_article(r) for r in reports]
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html_lang()}"><head><meta charset="utf-8"><title>{h(title)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{PRINT_STYLE}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")
