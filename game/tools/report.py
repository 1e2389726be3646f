"""`python main.py report SAVE`: the end report of one game, as HTML, Markdown, CSV or JSON,
or its printable debrief.

HTML opens in any browser with no network (styles inline, charts embedded);
the debrief is HTML made to print on at most two pages; Markdown gets its
charts as SVG files beside it; CSV holds the aims turn by turn with the
historical values (UTF-8 with a byte-order mark, for Excel, unless
``--no-bom``); JSON holds everything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.atomic import write_atomic
from game.core.analysis import Analysis
from game.i18n import _
from game.present import report_text as say
from game.present.report import EndReport, build_report
from game.reports import turning_points_report as tp_report
from game.reports.charts import aim_charts
from game.reports.debrief_html import render_debrief
from game.reports.escape import BOM, NotFiniteError, utf8_safe
from game.reports.html_report import render_html
from game.reports.progress import ProgressBar
from game.reports.saveset import LOAD_PROBLEMS, ScenarioFinder, open_save, problem_sentence
from game.reports.text_report import render_csv, render_json, render_markdown
from game.saves import LoadedSave
from game.scenario.loader import LoadedScenario
from game.tools.common import load_or_report, output_format, regular_file

FORMATS = ("html", "debrief", "md", "csv", "json")


class ReportError(Exception):
    """The report could not be made or written; the message names the file and says why."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("save", metavar="SAVE", help=_("a save file (from the game or simulate --saves)"))
    p.add_argument("--format", choices=FORMATS,
                   help=_("html (default, or from the -o name), debrief (HTML of at most two "
                          "pages, to print), md, csv or json"))
    p.add_argument("-o", "--output", metavar="PATH",
                   help=_("where to write it: a file, a folder, or '-' for the screen "
                          "(default: SAVE-NAME-report.FORMAT in the current folder)"))
    p.add_argument("--scenario", metavar="FILE", type=regular_file,
                   help=_("the scenario file, if the save's own cannot be found"))
    p.add_argument("--analysis", action="store_true",
                   help=_("add the turning points (html, md, json): every choice of every "
                          "answer played on to the end many times, which takes a few seconds"))
    p.add_argument("--no-bom", dest="bom", action="store_false",
                   help=_("write the CSV file without the byte-order mark that tells Excel "
                          "it is UTF-8"))


def default_output(save: Path, fmt: str) -> Path:
    stem = save.name.removesuffix(".json").removesuffix(".save")
    if fmt == "debrief":
        return Path(f"{stem}-debrief.html")
    return Path(f"{stem}-report.{fmt}")


def _write_text(path: Path, text: str) -> None:
    try:
        write_atomic(path, utf8_safe(text))
    except OSError as exc:
        raise ReportError(_("{file}: cannot write the report: {reason}").format(
            file=path, reason=exc.strerror or exc)) from None


def write_report(save_path: str | Path, out: str | Path | None, fmt: str = "html",
                 scenario: LoadedScenario | None = None, bom: bool = True,
                 analysis: bool = False) -> list[Path]:
    """Write the report of a save; return the files written (none when ``out`` is ``"-"``:
    the report goes to stdout). A CSV file starts with a byte-order mark unless ``bom`` is
    False (none on stdout). Raises :class:`ReportError` with a message for the user."""
    if fmt not in FORMATS:
        raise ReportError(_("unknown format '{format}' (use one of {formats})").format(
            format=fmt, formats=", ".join(FORMATS)))
    save = Path(save_path)
    if save.is_dir():
        raise ReportError(_("{folder}: is a folder; give one save here, or use python main.py "
                            "compare {folder} for the whole class").format(folder=save))
    try:
        finder = ScenarioFinder(scenario)
        game = open_save(save, finder)
        report = build_report(game, scenario.path if scenario else game.data.scenario_file)
        turning = _turning_points(game, scenario.path if scenario else finder.file_of(
            game.state.rules.digest) or "", fmt) if analysis else None
    except LOAD_PROBLEMS as exc:  # whatever a damaged or hostile save or scenario can cause
        raise ReportError(problem_sentence(save, exc)) from None
    target = None if out == "-" else Path(out) if out else default_output(save, fmt)
    if target is not None and target.is_dir():  # a folder: the usual name inside it
        target = target / default_output(save, fmt)
    if fmt in ("csv", "json"):
        try:
            text = render_csv(report) if fmt == "csv" else render_json(report)
            if turning is not None and fmt == "json":
                text = tp_report.json_with_analysis(text, turning, game.state.rules)
        except NotFiniteError as exc:
            raise ReportError(_("{file}: cannot write the report as JSON: {problem}").format(
                file=save, problem=exc)) from None
        if target is None:
            sys.stdout.write(text)
            return []
        _write_text(target, BOM + text if fmt == "csv" and bom else text)
        return [target]
    if fmt == "debrief":
        text = render_debrief([report])
        if target is None:
            sys.stdout.write(text)
            return []
        _write_text(target, text)
        return [target]
    charts = aim_charts(report)
    problem = ""
    if fmt == "html":
        text = render_html(report, charts, problem)
        if turning is not None:
            text = tp_report.with_section(text, tp_report.analysis_html(
                turning, game.state.rules, save.name), '<section id="events">', "<footer>")
        if target is None:
            sys.stdout.write(text)
            return []
        _write_text(target, text)
        return [target]
    if target is None:
        text = _md_with(render_markdown(report, [], problem or _(
            "Markdown on the screen has no charts; write it to a file with -o to get them")),
            report, turning, game, save)
        sys.stdout.write(text)
        return []
    written = []
    files = []
    for c in charts:
        svg = target.with_name(f"{target.stem}-{c.aim_id}.svg")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(svg, c.svg)
        except OSError as exc:
            raise ReportError(_("{file}: cannot write the chart: {reason}").format(
                file=svg, reason=exc.strerror or exc)) from None
        written.append(svg)
        files.append((c.aim_name, svg.name))
    _write_text(target, _md_with(render_markdown(report, files, problem), report, turning, game,
                                 save))
    return [target, *written]


def _turning_points(game: LoadedSave, scenario_path: str, fmt: str) -> Analysis | None:
    """The analysis of the game for ``--analysis`` (None for a format without the section),
    with a progress bar on a terminal."""
    if fmt not in ("html", "md", "json"):
        print(_("--analysis adds the turning points to html, md and json reports only"),
              file=sys.stderr)
        return None
    state = game.state
    bar = ProgressBar(tp_report.games_to_play(state)) if ProgressBar.wanted(False) else None
    try:
        return tp_report.play_analysis(state, scenario_path, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.update(bar.total)
            bar.close()


def _md_with(text: str, report: EndReport, turning: Analysis | None, game: LoadedSave,
             save: Path) -> str:
    """The Markdown report with the turning points before its events, if asked for."""
    if turning is None:
        return text
    section = tp_report.analysis_markdown(turning, game.state.rules, save.name)
    return tp_report.with_section(text, section, f"## {say.headings(report).events}\n")


def run(args: argparse.Namespace) -> int:
    """Run the command (game.cli turns any unexpected error into one sentence)."""
    fmt = output_format(args.format, args.output, FORMATS, "html")
    scenario = None
    if args.scenario:
        scenario = load_or_report(args.scenario)
        if scenario is None:
            return 1
    try:
        written = write_report(args.save, args.output, fmt, scenario, args.bom, args.analysis)
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 1
    for w in written:
        print(_("wrote {file}").format(file=w))
    return 0
