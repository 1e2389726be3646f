"""The class at a glance as Markdown, HTML or CSV (one row per game, for a spreadsheet)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import PurePath

from game.i18n import N_, _, ngettext
from game.present.dates import dates_in_words, month_words
from game.present.numbers import number
from game.present.player import capital, possessive, the_name
from game.reports.classview import ClassView, DecisionTally, StudentRow
from game.reports.escape import csv_cell, h, md_cell, md_text
from game.reports.html_report import STYLE, dates_html, html_lang, scenario_lang

SHOWN = 3
"""How many students are named as closest to and furthest from history."""

DISTANCE_NOTE = N_("Distance from history: how far the game's aims stayed from the historical "
                 "path, turn by turn, in points out of 100 (0: exactly as history). Policy: "
                 "the lean of the student's decisions from -1 to +1, and where it stands "
                 "between the historians' readings.")


def _who(view: ClassView) -> str:
    """The player's state as a sentence names it (``the USSR``, ``Poland``)."""
    return the_name(view.player) if view.player else _("the player's state")


def _history_ends(view: ClassView) -> str:
    """``the USSR's historical path ends here``."""
    if view.player:
        return _("{state} historical path ends here").format(state=possessive(view.player))
    return _("the historical path ends here")


def _options(t: DecisionTally, strong: tuple[str, str], who: str,
             escape: Callable[[str], str] = str) -> str:
    """``Yield 15 (as the USSR), Defy 14`` with the historical option marked (``who`` is the
    player's state); each label passed through ``escape`` (the marks are not)."""
    parts = []
    for o in t.options:
        if not o.games and not o.historical:
            continue
        # TRANSLATORS: an option of a decision and how many games chose it ("Yield 15").
        text = _("{option} {games}").format(option=escape(o.label), games=o.games)
        parts.append(_("{option} (as {state})").format(option=f"{strong[0]}{text}{strong[1]}",
                                                       state=escape(who))
                     if o.historical else text)
    return _(", ").join(parts)


def _history(t: DecisionTally) -> str:
    """What the player's state did, its dates as a reader writes them (``took it (Apr 1930)``)."""
    return dates_in_words(t.history) if t.kind == "action" else t.history


def _policy(r: StudentRow) -> str:
    """The student's policy: its lean and, in words, where it stands between the readings."""
    lean = number(r.lean, 2, signed=True)
    if r.verdict:
        # TRANSLATORS: a policy's lean and its verdict ("+0.40, leans towards ...").
        return _("{lean}, {verdict}").format(lean=lean, verdict=r.verdict)
    return _("{lean} ({reading})").format(lean=lean, reading=r.reading) if r.reading else lean


def _extremes(view: ClassView) -> tuple[list[StudentRow], list[StudentRow]]:
    rows = list(view.students)
    n = min(SHOWN, len(rows) // 2 or 1)
    closest = rows[:n]
    furthest = [r for r in reversed(rows[-n:]) if r not in closest]
    return closest, furthest


def _heading(view: ClassView) -> str:
    games = ngettext("{count} game of scenario '{scenario}'",
                     "{count} games of scenario '{scenario}'", view.games).format(
        count=view.games, scenario=view.scenario_id)
    if view.unfinished:
        return _("{games} ({finished} finished, {unfinished} not finished).").format(
            games=games, finished=view.finished, unfinished=view.unfinished)
    return _("{games} ({finished} finished).").format(games=games, finished=view.finished)


def _of(part: int, whole: int) -> str:
    # TRANSLATORS: a count out of a total ("3 of 5").
    return _("{part} of {whole}").format(part=part, whole=whole)


def _replayed(view: ClassView) -> str:
    return _("{version}: the games below were replayed on this version, with its endings and "
             "choices.").format(version=_first_upper(view.version))


def _aims_heading(view: ClassView) -> str:
    if view.aims_over_unfinished:
        return _("Aims at the turn each game reached, against history")
    return _("Aims at the end, against history")


STUDENT_COLUMNS = (N_("Student"), N_("Ending"), N_("Score"), N_("Distance from history"))
AIM_COLUMNS = (N_("Aim"), N_("Lowest"), N_("Median"), N_("Highest"), N_("History"),
               N_("Games above history"))


# -- Markdown ------------------------------------------------------------------------------------


def _md_students(rows: Sequence[StudentRow], view: ClassView) -> list[str]:
    cols = [*(_(c) for c in STUDENT_COLUMNS),
            _("Decisions as {state}").format(state=md_cell(_who(view))), _("Policy")]
    if not view.anonymised:
        cols.append(_("File"))
    out = ["| " + " | ".join(cols) + " |",
           "|---|---|---:|---:|---:|---|" + ("" if view.anonymised else "---|")]
    for r in rows:
        lean = _policy(r)
        line = (f"| {md_cell(r.name)} | {md_cell(r.ending_title)} | {number(r.score)} | "
                f"{number(r.distance)} | {_of(r.same_decisions, r.decisions)} | "
                f"{md_cell(lean)} |")
        if not view.anonymised:
            line += f" {md_cell(r.file)} |"
        out.append(line)
    return out


def render_markdown(views: Sequence[ClassView], skipped: Sequence[str] = ()) -> str:
    out: list[str] = []
    for k, view in enumerate(views):
        if k:
            out += ["", "---", ""]
        out += ["# " + _("The class at a glance: {title}").format(
                    title=md_text(view.scenario_title)), "", md_text(_heading(view)), ""]
        if view.version:
            out += [f"_{md_text(_replayed(view))}_", ""]
        out += ["## " + _("Endings"), "", f"| {_('Ending')} | {_('Games')} | |",
                "|---|---:|---|"]
        for e in view.endings:
            out.append(f"| {md_cell(e.title)} | {e.games} | "
                       f"{md_cell(_history_ends(view)) if e.historical else ''} |")
        if view.unfinished:
            out.append(f"| {_('not finished')} | {view.unfinished} | |")
        who = _who(view)
        out += ["", "## " + _("Decisions, beside what {state} did").format(state=md_text(who)),
                ""]
        if view.decisions:
            out += [f"| {_('Date')} | {_('Decision')} | {_('What the class did')} | "
                    + _("What {state} did").format(state=md_cell(who)) + " |",
                    "|---|---|---|---|"]
            for t in view.decisions:
                out.append(f"| {month_words(t.date)} | {md_cell(t.title)} | "
                           f"{_options(t, ('**', '**'), who, md_cell)} | {md_cell(_history(t))} |")
        else:
            out.append(_("No decisions yet."))
        out += ["", "## " + _aims_heading(view), "",
                "| " + " | ".join(_(c) for c in AIM_COLUMNS) + " |",
                "|---|---:|---:|---:|---:|---:|"]
        for a in view.aims:
            out.append(f"| {md_cell(a.name)} | {number(a.min)} | {number(a.median)} | "
                       f"{number(a.max)} | {number(a.history)} | {_of(a.above, a.games)} |")
        closest, furthest = _extremes(view)
        out += ["", "## " + _("Closest to history"), ""] + _md_students(closest, view)
        if furthest:
            out += ["", "## " + _("Furthest from history"), ""] + _md_students(furthest, view)
        out += ["", "## " + _("Every game, closest to history first"), ""]
        out += _md_students(view.students, view)
        out += ["", _(DISTANCE_NOTE)]
    if skipped:
        out += ["", ngettext("Left out: {count} file(s) or folder(s) that could not be read "
                             "(see the messages on the screen).",
                             "Left out: {count} file(s) or folder(s) that could not be read "
                             "(see the messages on the screen).", len(skipped)).format(
                                 count=len(skipped))]
    return "\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------------------

_CLASS_STYLE = """
.bar { display: inline-block; height: 0.7rem; background: #c9a; vertical-align: middle;
       margin-right: 0.3rem; max-width: 100%; }
.bar.hist { background: #b33; }
td .opt { display: inline-block; margin-right: 0.8rem; }
.hist-label { font-weight: bold; }
table.fit { table-layout: fixed; }
table.fit th, table.fit td { overflow-wrap: anywhere; hyphens: auto; }
table.fit td.note { font-size: 0.85em; }
table.fit td.date, table.fit th.date { white-space: nowrap; overflow-wrap: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@page { margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  table { font-size: 8.5pt; }
  th, td { padding: 0.2rem 0.3rem; }
  article + article { break-before: page; page-break-before: always; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


def _cols(*widths: int) -> str:
    """A table's column widths, in per cent of the page (the table has ``class="fit"``)."""
    return "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in widths) + "</colgroup>"


def _html_students(rows: Sequence[StudentRow], view: ClassView) -> str:
    student, ending, score, distance = (h(_(c)) for c in STUDENT_COLUMNS)
    decisions = h(_("Decisions as {state}").format(state=_who(view)))
    widths = (19, 24, 10, 14, 13, 20) if view.anonymised else (13, 16, 7, 10, 10, 18, 26)
    head = (f'<table class="fit">{_cols(*widths)}<thead><tr><th>{student}</th><th>{ending}</th>'
            f"<th class=num>{score}</th>"
            f"<th class=num>{distance}</th><th class=num>{decisions}</th>"
            f"<th>{h(_('Policy'))}</th>" + ("" if view.anonymised else f"<th>{h(_('File'))}</th>")
            + "</tr></thead><tbody>")
    body = []
    for r in rows:
        lean = _policy(r)
        body.append(f"<tr><td>{h(r.name)}</td><td>{h(r.ending_title)}</td>"
                    f"<td class=num>{number(r.score)}</td><td class=num>{number(r.distance)}</td>"
                    f"<td class=num>{h(_of(r.same_decisions, r.decisions))}</td>"
                    f"<td>{h(lean)}</td>"
                    + ("" if view.anonymised else f"<td class=note>{h(r.file)}</td>")
                    + "</tr>")
    return head + "".join(body) + "</tbody></table>"


def render_html(views: Sequence[ClassView], skipped: Sequence[str] = ()) -> str:
    title = _("The class at a glance: {title}").format(title=views[0].scenario_title) \
        if len(views) == 1 else _("The class at a glance")
    out = ["<!DOCTYPE html>",
           f'<html lang="{html_lang()}"><head><meta charset="utf-8"><title>{h(title)}</title>'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<style>{STYLE}{_CLASS_STYLE}</style></head><body>"]
    for k, view in enumerate(views):
        lang = scenario_lang(view.language)
        out.append(f'<article id="scenario-{h(view.scenario_id)}-{k + 1}">' if view.version
                   else f'<article id="scenario-{h(view.scenario_id)}">')
        out.append("<h1>" + h(_("The class at a glance: {title}")).format(
            title=f"<span{lang}>{h(view.scenario_title)}</span>") + "</h1>")
        out.append(f'<p class="meta">{h(_heading(view))}</p>')
        if view.version:
            out.append(f'<p class="note">{h(_replayed(view))}</p>')
        out.append(f'<section id="endings"><h2>{h(_("Endings"))}</h2><table><thead><tr>'
                   f"<th>{h(_('Ending'))}</th><th class=num>{h(_('Games'))}</th><th></th></tr>"
                   "</thead><tbody>")
        for e in view.endings:
            share = 100 * e.games / view.games
            out.append(f"<tr><td{lang}>{h(e.title)}</td><td class=num>{e.games}</td><td>"
                       f'<span class="bar{" hist" if e.historical else ""}" '
                       f'style="width:{share * 3:.0f}px"></span>'
                       + (h(_history_ends(view)) if e.historical else "")
                       + "</td></tr>")
        if view.unfinished:
            out.append(f"<tr><td>{h(_('not finished'))}</td><td class=num>{view.unfinished}</td>"
                       "<td></td></tr>")
        out.append("</tbody></table></section>")
        who = _who(view)
        out.append('<section id="decisions"><h2>'
                   + h(_("Decisions, beside what {state} did").format(state=who)) + "</h2>")
        if view.decisions:
            out.append(f'<table class="fit">{_cols(11, 27, 37, 25)}<thead><tr>'
                       f"<th class=date>{h(_('Date'))}</th><th>{h(_('Decision'))}</th>"
                       f"<th>{h(_('What the class did'))}</th>"
                       f"<th>{h(_('What {state} did').format(state=who))}</th></tr></thead>"
                       "<tbody>")
            for t in view.decisions:
                opts = []
                for o in t.options:
                    if not o.games and not o.historical:
                        continue
                    label = f'<span class="hist-label">{h(o.label)}</span>' if o.historical \
                        else h(o.label)
                    # TRANSLATORS: an option of a decision and how many games chose it.
                    count = h(_("{option}: {games}")).format(option=label, games=o.games)
                    opts.append(f'<span class="opt">{count}</span>')  # wraps between them
                history = dates_html(t.history) if t.kind == "action" else h(t.history)
                out.append(f"<tr><td class=date>{dates_html(t.date)}</td>"
                           f"<td{lang}>{h(t.title)}</td><td>{' '.join(opts)}</td>"
                           f"<td>{history}</td></tr>")
            bold = capital(_("{state} own choice is in bold.").format(
                state=possessive(view.player))) if view.player \
                else _("The historical choice is in bold.")
            out.append(f"</tbody></table><p class=note>{h(bold)}</p>")
        else:
            out.append(f"<p>{h(_('No decisions yet.'))}</p>")
        out.append("</section>")
        heads = [h(_(c)) for c in AIM_COLUMNS]
        out.append(f'<section id="aims"><h2>{h(_aims_heading(view))}</h2>'
                   f"<table><thead><tr><th>{heads[0]}</th>"
                   + "".join(f"<th class=num>{c}</th>" for c in heads[1:])
                   + "</tr></thead><tbody>")
        for a in view.aims:
            out.append(f"<tr><td{lang}>{h(a.name)}</td><td class=num>{number(a.min)}</td>"
                       f"<td class=num>{number(a.median)}</td><td class=num>{number(a.max)}</td>"
                       f"<td class=num>{number(a.history)}</td>"
                       f"<td class=num>{h(_of(a.above, a.games))}</td></tr>")
        out.append("</tbody></table></section>")
        closest, furthest = _extremes(view)
        out.append(f'<section id="closest"><h2>{h(_("Closest to history"))}</h2>'
                   f"{_html_students(closest, view)}</section>")
        if furthest:
            out.append(f'<section id="furthest"><h2>{h(_("Furthest from history"))}</h2>'
                       f"{_html_students(furthest, view)}</section>")
        out.append(f'<section id="students"><h2>{h(_("Every game, closest to history first"))}'
                   f"</h2>{_html_students(view.students, view)}"
                   f"<p class=note>{h(_(DISTANCE_NOTE))}</p></section></article>")
    if skipped:
        n = len(skipped)
        if any(v.anonymised for v in views):
            left = ngettext("Left out: {count} file(s) or folder(s) that could not be read "
                            "(see the messages on the screen).",
                            "Left out: {count} file(s) or folder(s) that could not be read "
                            "(see the messages on the screen).", n).format(count=n)
            out.append(f'<p class="warning">{h(left)}</p>')
        else:
            left = ngettext("Left out: {count} file(s) or folder(s) that could not be read:",
                            "Left out: {count} file(s) or folder(s) that could not be read:",
                            n).format(count=n)
            out.append(f'<p class="warning">{h(left)}</p><ul>'
                       + "".join(f"<li>{h(s)}</li>" for s in skipped) + "</ul>")
    out.append(f"<footer>{h(_('Made by Statecraft.'))}</footer></body></html>")
    return "\n".join(out) + "\n"


# -- CSV -----------------------------------------------------------------------------------------


CSV_COLUMNS = (N_("Scenario"), N_("Student"), N_("File"), N_("Ending"), N_("Finished"),
               N_("Date"), N_("Score"), N_("Distance from history"), N_("Decisions"),
               N_("Policy lean"), N_("Reading"), N_("Policy"), N_("Scenario version"))
"""The spreadsheet's first columns; then "Decisions as <state>" after "Distance", each aim,
each decision."""


def _unique(names: list[str]) -> list[str]:
    """Column names made unique: a repeated one gets its number (``Pact (2)``)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else _("{name} ({number})").format(
            name=name, number=seen[name]))
    return out


def render_csv(views: Sequence[ClassView]) -> str:
    """One row per game, for a spreadsheet: who, ending, score, distance, each aim, each
    decision. The headers are the names the reader knows (the aims', the actions' and the
    events'), the endings their titles, yes and no in the reader's language, files by
    name."""
    aims: dict[str, str] = {}
    decisions: dict[str, str] = {}
    for view in views:
        for a, name in zip(view.aim_ids, view.aim_names, strict=True):
            aims.setdefault(a, name)
        # Actions and events may share an id: a column is known by both.
        for t in view.decisions:
            decisions.setdefault(f"{t.kind}:{t.id}", t.title)
    anonymised = any(v.anonymised for v in views)
    who = _who(views[0]) if len({v.player for v in views}) == 1 else _("the player's state")
    cols = [_(c) for c in CSV_COLUMNS]
    header = cols[:2] + ([] if anonymised else [cols[2]]) + cols[3:8]
    header += [_("Decisions as {state}").format(state=who), *cols[8:]]
    for name in aims.values():
        # TRANSLATORS: a spreadsheet column: an aim at the end minus its historical value.
        header += [name, _("{aim} against history").format(aim=name)]
    header += list(decisions.values())
    yes, no = _("yes"), _("no")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([csv_cell(v) for v in _unique(header)])
    for view in views:
        position = {f"{t.kind}:{t.id}": k for k, t in enumerate(view.decisions)}
        for r in view.students:
            row: list[object] = [view.scenario_title, r.name]
            row += [] if anonymised else [PurePath(r.file).name]
            row += [r.ending_title, yes if r.finished else no, r.date, r.score, r.distance,
                    r.same_decisions, r.decisions, r.lean, r.reading, r.verdict, view.version]
            for a in aims:
                if a in view.aim_ids:
                    i = view.aim_ids.index(a)
                    row += [r.final[i], r.vs_history[i]]
                else:
                    row += ["", ""]
            row += [r.choices[position[d]] if d in position else "" for d in decisions]
            writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
