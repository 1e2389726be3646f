"""The class at a glance as Markdown, HTML or CSV (one row per game, for a spreadsheet)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence

from game.present.dates import dates_in_words, month_words
from game.present.player import capital, possessive, the_name
from game.reports.classview import ClassView, DecisionTally, StudentRow
from game.reports.escape import csv_cell, h, md_cell, md_text
from game.reports.html_report import STYLE, dates_html

SHOWN = 3
"""How many students are named as closest to and furthest from history."""

DISTANCE_NOTE = ("Distance from history: how far the game's aims stayed from the historical "
                 "path, turn by turn, in points out of 100 (0: exactly as history). Policy: "
                 "the lean of the student's decisions from -1 to +1, and where it stands "
                 "between the historians' readings.")


def _who(view: ClassView) -> str:
    """The player's state as a sentence names it (``the USSR``, ``Poland``)."""
    return the_name(view.player or "the player's state")


def _history_ends(view: ClassView) -> str:
    """``the USSR's historical path ends here``."""
    return f"{possessive(view.player) if view.player else 'the'} historical path ends here"


def _options(t: DecisionTally, strong: tuple[str, str], who: str,
             escape: Callable[[str], str] = str) -> str:
    """``Yield 15 (as the USSR), Defy 14`` with the historical option marked (``who`` is the
    player's state); each label passed through ``escape`` (the marks are not)."""
    parts = []
    for o in t.options:
        if not o.games and not o.historical:
            continue
        text = f"{escape(o.label)} {o.games}"
        parts.append(f"{strong[0]}{text}{strong[1]} (as {escape(who)})" if o.historical else text)
    return ", ".join(parts)


def _history(t: DecisionTally) -> str:
    """What the player's state did, its dates as a reader writes them (``took it (Apr 1930)``)."""
    return dates_in_words(t.history) if t.kind == "action" else t.history


def _policy(r: StudentRow) -> str:
    """The student's policy: its lean and, in words, where it stands between the readings."""
    if r.verdict:
        return f"{r.lean:+.2f}, {r.verdict}"
    return f"{r.lean:+.2f}" + (f" ({r.reading})" if r.reading else "")


def _extremes(view: ClassView) -> tuple[list[StudentRow], list[StudentRow]]:
    rows = list(view.students)
    n = min(SHOWN, len(rows) // 2 or 1)
    closest = rows[:n]
    furthest = [r for r in reversed(rows[-n:]) if r not in closest]
    return closest, furthest


def _heading(view: ClassView) -> str:
    parts = [f"{view.games} game{'s' if view.games != 1 else ''} of scenario "
             f"'{view.scenario_id}'", f"{view.finished} finished"]
    if view.unfinished:
        parts.append(f"{view.unfinished} not finished")
    return f"{parts[0]} ({', '.join(parts[1:])})."


# -- Markdown ------------------------------------------------------------------------------------


def _md_students(rows: Sequence[StudentRow], view: ClassView) -> list[str]:
    out = ["| Student | Ending | Score | Distance from history | "
           f"Decisions as {md_cell(_who(view))} | "
           "Policy |" + ("" if view.anonymised else " File |"),
           "|---|---|---:|---:|---:|---|" + ("" if view.anonymised else "---|")]
    for r in rows:
        lean = _policy(r)
        line = (f"| {md_cell(r.name)} | {md_cell(r.ending_title)} | {r.score:.1f} | "
                f"{r.distance:.1f} | {r.same_decisions} of {r.decisions} | {md_cell(lean)} |")
        if not view.anonymised:
            line += f" {md_cell(r.file)} |"
        out.append(line)
    return out


def render_markdown(views: Sequence[ClassView], skipped: Sequence[str] = ()) -> str:
    out: list[str] = []
    for k, view in enumerate(views):
        if k:
            out += ["", "---", ""]
        out += [f"# The class at a glance: {md_text(view.scenario_title)}", "",
                md_text(_heading(view)), ""]
        if view.version:
            out += [f"_{md_text(_first_upper(view.version))}: the games below were replayed on "
                    "this version, with its endings and choices._", ""]
        out += ["## Endings", "", "| Ending | Games | |", "|---|---:|---|"]
        for e in view.endings:
            out.append(f"| {md_cell(e.title)} | {e.games} | "
                       f"{md_cell(_history_ends(view)) if e.historical else ''} |")
        if view.unfinished:
            out.append(f"| not finished | {view.unfinished} | |")
        who = _who(view)
        out += ["", f"## Decisions, beside what {md_text(who)} did", ""]
        if view.decisions:
            out += [f"| Date | Decision | What the class did | What {md_cell(who)} did |",
                    "|---|---|---|---|"]
            for t in view.decisions:
                out.append(f"| {month_words(t.date)} | {md_cell(t.title)} | "
                           f"{_options(t, ('**', '**'), who, md_cell)} | {md_cell(_history(t))} |")
        else:
            out.append("No decisions yet.")
        pool = "the turn each game reached" if view.aims_over_unfinished else "the end"
        out += ["", f"## Aims at {pool}, against history", "",
                "| Aim | Lowest | Median | Highest | History | Games above history |",
                "|---|---:|---:|---:|---:|---:|"]
        for a in view.aims:
            out.append(f"| {md_cell(a.name)} | {a.min:.1f} | {a.median:.1f} | {a.max:.1f} | "
                       f"{a.history:.1f} | {a.above} of {a.games} |")
        closest, furthest = _extremes(view)
        out += ["", "## Closest to history", ""] + _md_students(closest, view)
        if furthest:
            out += ["", "## Furthest from history", ""] + _md_students(furthest, view)
        out += ["", "## Every game, closest to history first", ""]
        out += _md_students(view.students, view)
        out += ["", DISTANCE_NOTE]
    if skipped:
        out += ["", f"Left out: {len(skipped)} file(s) or folder(s) that could not be read (see "
                "the messages on the screen)."]
    return "\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------------------

_CLASS_STYLE = """
.bar { display: inline-block; height: 0.7rem; background: #c9a; vertical-align: middle;
       margin-right: 0.3rem; }
.bar.hist { background: #b33; }
td .opt { white-space: nowrap; margin-right: 0.8rem; }
.hist-label { font-weight: bold; }
"""


def _html_students(rows: Sequence[StudentRow], view: ClassView) -> str:
    head = ("<table><thead><tr><th>Student</th><th>Ending</th><th class=num>Score</th>"
            "<th class=num>Distance from history</th>"
            f"<th class=num>Decisions as {h(_who(view))}</th>"
            "<th>Policy</th>" + ("" if view.anonymised else "<th>File</th>")
            + "</tr></thead><tbody>")
    body = []
    for r in rows:
        lean = _policy(r)
        body.append(f"<tr><td>{h(r.name)}</td><td>{h(r.ending_title)}</td>"
                    f"<td class=num>{r.score:.1f}</td><td class=num>{r.distance:.1f}</td>"
                    f"<td class=num>{r.same_decisions} of {r.decisions}</td><td>{h(lean)}</td>"
                    + ("" if view.anonymised else f"<td class=note>{h(r.file)}</td>")
                    + "</tr>")
    return head + "".join(body) + "</tbody></table>"


def render_html(views: Sequence[ClassView], skipped: Sequence[str] = ()) -> str:
    title = "The class at a glance"
    if len(views) == 1:
        title += f": {views[0].scenario_title}"
    out = ["<!DOCTYPE html>",
           f'<html lang="en"><head><meta charset="utf-8"><title>{h(title)}</title>'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<style>{STYLE}{_CLASS_STYLE}</style></head><body>"]
    for k, view in enumerate(views):
        out.append(f'<article id="scenario-{h(view.scenario_id)}-{k + 1}">' if view.version
                   else f'<article id="scenario-{h(view.scenario_id)}">')
        out.append(f"<h1>The class at a glance: {h(view.scenario_title)}</h1>")
        out.append(f'<p class="meta">{h(_heading(view))}</p>')
        if view.version:
            out.append(f'<p class="note">{h(_first_upper(view.version))}: the games below were '
                       "replayed on this version, with its endings and choices.</p>")
        out.append('<section id="endings"><h2>Endings</h2><table><thead><tr><th>Ending</th>'
                   "<th class=num>Games</th><th></th></tr></thead><tbody>")
        for e in view.endings:
            share = 100 * e.games / view.games
            out.append(f"<tr><td>{h(e.title)}</td><td class=num>{e.games}</td><td>"
                       f'<span class="bar{" hist" if e.historical else ""}" '
                       f'style="width:{share * 3:.0f}px"></span>'
                       + (h(_history_ends(view)) if e.historical else "")
                       + "</td></tr>")
        if view.unfinished:
            out.append(f"<tr><td>not finished</td><td class=num>{view.unfinished}</td>"
                       "<td></td></tr>")
        out.append("</tbody></table></section>")
        who = _who(view)
        out.append(f'<section id="decisions"><h2>Decisions, beside what {h(who)} did</h2>')
        if view.decisions:
            out.append("<table><thead><tr><th>Date</th><th>Decision</th>"
                       f"<th>What the class did</th><th>What {h(who)} did</th></tr></thead>"
                       "<tbody>")
            for t in view.decisions:
                opts = []
                for o in t.options:
                    if not o.games and not o.historical:
                        continue
                    label = f'<span class="hist-label">{h(o.label)}</span>' if o.historical \
                        else h(o.label)
                    opts.append(f'<span class="opt">{label}: {o.games}</span>')
                history = dates_html(t.history) if t.kind == "action" else h(t.history)
                out.append(f"<tr><td class=date>{dates_html(t.date)}</td>"
                           f"<td>{h(t.title)}</td><td>{''.join(opts)}</td>"
                           f"<td>{history}</td></tr>")
            bold = (f"{capital(possessive(view.player))} own choice" if view.player
                    else "The historical choice")
            out.append(f"</tbody></table><p class=note>{h(bold)} is in bold.</p>")
        else:
            out.append("<p>No decisions yet.</p>")
        out.append("</section>")
        pool = "the turn each game reached" if view.aims_over_unfinished else "the end"
        out.append(f'<section id="aims"><h2>Aims at {pool}, against history</h2>'
                   "<table><thead><tr><th>Aim</th><th class=num>Lowest</th>"
                   "<th class=num>Median</th><th class=num>Highest</th>"
                   "<th class=num>History</th><th class=num>Games above history</th></tr>"
                   "</thead><tbody>")
        for a in view.aims:
            out.append(f"<tr><td>{h(a.name)}</td><td class=num>{a.min:.1f}</td>"
                       f"<td class=num>{a.median:.1f}</td><td class=num>{a.max:.1f}</td>"
                       f"<td class=num>{a.history:.1f}</td>"
                       f"<td class=num>{a.above} of {a.games}</td></tr>")
        out.append("</tbody></table></section>")
        closest, furthest = _extremes(view)
        out.append('<section id="closest"><h2>Closest to history</h2>'
                   f"{_html_students(closest, view)}</section>")
        if furthest:
            out.append('<section id="furthest"><h2>Furthest from history</h2>'
                       f"{_html_students(furthest, view)}</section>")
        out.append('<section id="students"><h2>Every game, closest to history first</h2>'
                   f"{_html_students(view.students, view)}<p class=note>{h(DISTANCE_NOTE)}</p>"
                   "</section></article>")
    if skipped:
        out.append(f'<p class="warning">Left out: {len(skipped)} file(s) or folder(s) that could '
                   "not be read" + (" (see the messages on the screen).</p>"
                                    if any(v.anonymised for v in views) else
                                    ":</p><ul>" + "".join(f"<li>{h(s)}</li>" for s in skipped)
                                    + "</ul>"))
    out.append("<footer>Made by Statecraft.</footer></body></html>")
    return "\n".join(out) + "\n"


# -- CSV -----------------------------------------------------------------------------------------


def render_csv(views: Sequence[ClassView]) -> str:
    """One row per game: who, ending, score, distance, each aim, each decision."""
    aim_ids: list[str] = []
    decision_ids: list[str] = []
    for view in views:
        aim_ids += [a for a in view.aim_ids if a not in aim_ids]
        # Actions and events may share an id: a column is named by both.
        decision_ids += [f"{t.kind}:{t.id}" for t in view.decisions
                         if f"{t.kind}:{t.id}" not in decision_ids]
    anonymised = any(v.anonymised for v in views)
    header = ["scenario", "student"] + ([] if anonymised else ["file"])
    header += ["ending", "finished", "date", "score", "distance_from_history",
               "decisions_as_history", "decisions", "policy_lean", "reading", "policy_verdict",
               "scenario_version"]
    for a in aim_ids:
        header += [a, f"{a}_vs_history"]
    header += decision_ids
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for view in views:
        position = {f"{t.kind}:{t.id}": k for k, t in enumerate(view.decisions)}
        for r in view.students:
            row: list[object] = [view.scenario_id, r.name]
            row += [] if anonymised else [r.file]
            row += [r.ending_id or "", r.finished, r.date, r.score, r.distance,
                    r.same_decisions, r.decisions, r.lean, r.reading, r.verdict, view.version]
            for a in aim_ids:
                if a in view.aim_ids:
                    i = view.aim_ids.index(a)
                    row += [r.final[i], r.vs_history[i]]
                else:
                    row += ["", ""]
            row += [r.choices[position[d]] if d in position else "" for d in decision_ids]
            writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
