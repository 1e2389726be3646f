"""`python main.py compare SAVE_OR_FOLDER...`: the class at a glance, against history.

How many reached each ending; at each decision, how many chose each option
and what the player's state did; each aim's spread against history; who came closest
to history and who strayed furthest. Every file that cannot be used gets a
message, the rest are still compared, and the exit status is 1 if anything
was left out.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from pathlib import Path

from game.atomic import write_atomic
from game.i18n import _, ngettext
from game.present.numbers import number
from game.reports.analysis import default_jobs
from game.reports.class_games import gather, gather_reports, version_labels
from game.reports.class_render import render_csv, render_html, render_markdown
from game.reports.class_turning_points import class_sections, with_class_turning_points
from game.reports.classview import ClassView, class_view
from game.reports.debrief_html import render_debrief
from game.reports.escape import BOM, md_text, utf8_safe
from game.reports.saveset import ScenarioFinder, Skipped
from game.tools.common import int_in, load_or_report, output_format, regular_file

FORMATS = ("md", "html", "csv", "debrief")
SHOWN_MESSAGES = 40
"""How many 'skipped' and 'note' lines are printed before a count of the rest."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="SAVE_OR_FOLDER",
                   help=_("save files, or folders of them (every .json file directly inside)"))
    p.add_argument("--format", choices=FORMATS,
                   help=_("md (default, or from the -o name), html, csv (one row per game) "
                          "or debrief (each game's printable debrief, each on new pages)"))
    p.add_argument("-o", "--output", metavar="PATH",
                   help=_("write it to a file, or into a folder as class.FORMAT (default: "
                          "screen)"))
    p.add_argument("--anonymise", "--anonymize", action="store_true",
                   help=_("call the players 'Student 1', 'Student 2'... and leave out file "
                          "names"))
    p.add_argument("--scenario", metavar="FILE", type=regular_file,
                   help=_("compare only saves of this scenario file (others are left out)"))
    p.add_argument("--analysis", action="store_true",
                   help=_("md and html: analyse every game and add the turning points most of "
                          "the class shared and the decisions where it split, each with a "
                          "question for the debrief (a few seconds a game, on every core)"))
    p.add_argument("--jobs", type=int_in(1, 256), default=None, metavar="N",
                   help=_("with --analysis: processes to spread the games over (default: "
                          "every core); the result is the same for any number"))
    p.add_argument("--no-bom", dest="bom", action="store_false",
                   help=_("write the CSV file without the byte-order mark that tells Excel "
                          "it is UTF-8"))


def _say(lines: list[str], line_form: str, more_form: str) -> None:
    """Print the first :data:`SHOWN_MESSAGES` lines on stderr (each put in ``line_form``, a
    sentence with ``{message}``), then how many more there are (``more_form``, with
    ``{count}``)."""
    for line in lines[:SHOWN_MESSAGES]:
        print(line_form.format(message=line), file=sys.stderr)
    if len(lines) > SHOWN_MESSAGES:
        print(more_form.format(count=number(len(lines) - SHOWN_MESSAGES, 0)), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run the command (game.cli turns any unexpected error into one sentence)."""
    fmt = output_format(args.format, args.output, FORMATS, "md")
    explicit = None
    if args.scenario:
        explicit = load_or_report(args.scenario)
        if explicit is None:
            return 1
    finder = ScenarioFinder(explicit)
    if fmt == "debrief":
        return _debriefs(args, finder)
    groups, skipped, warnings = gather(args.paths, finder)
    _say([s.reason for s in skipped], _("skipped {message}"),
         _("skipped ... and {count} more files left out"))
    _say(warnings, _("note: {message}"), _("note: ... and {count} more notes"))
    if not groups:
        print(_("no saved games to compare"), file=sys.stderr)
        return 1
    labels = version_labels(groups, finder)
    ids = list(dict.fromkeys(key[0] for key in groups))
    if len(ids) > 1:
        print(_("note: the saves are of {count} scenarios ({scenarios}); each is compared on "
                "its own").format(count=len(ids), scenarios=", ".join(ids)), file=sys.stderr)
    for scenario_id in ids:
        count = sum(1 for key in groups if key[0] == scenario_id)
        if count > 1:
            print(_("note: the saves of scenario '{scenario}' were made with {count} "
                    "different versions of it (the scenario was edited between games); each "
                    "version is compared on its own, with its own endings and "
                    "choices").format(scenario=scenario_id, count=count), file=sys.stderr)
    views: list[ClassView] = []
    start = 0
    for key, (rules, games) in groups.items():
        view = class_view(rules, games, args.anonymise, labels[key])
        if args.anonymise and start:
            view = _renumber(view, start)
        start += len(games)
        views.append(view)
    reasons = [s.reason for s in skipped]
    if fmt == "csv":
        text = render_csv(views)
    elif fmt == "html":
        text = render_html(views, reasons)
    else:
        text = render_markdown(views, reasons)
    if args.analysis:
        text = _with_turning_points(args, fmt, finder, text)
    if not _write(args, fmt, text, sum(v.games for v in views)):
        return 1
    return _left_out(skipped)


def _with_turning_points(args: argparse.Namespace, fmt: str, finder: ScenarioFinder,
                         text: str) -> str:
    """The comparison with the class's turning points (``--analysis``; md and html)."""
    if fmt not in ("md", "html"):
        print(_("--analysis adds the turning points to md and html only"), file=sys.stderr)
        return text
    jobs = args.jobs if args.jobs is not None else default_jobs()
    sections = class_sections(args.paths, finder, jobs)
    return with_class_turning_points(text, fmt, sections, md_text)


def _write(args: argparse.Namespace, fmt: str, text: str, count: int) -> bool:
    """Write the output to the -o file (a CSV file with a byte-order mark unless --no-bom)
    or to the screen; False (after a message) if the file cannot be written."""
    if args.output and args.output != "-":
        target = Path(args.output)
        if target.is_dir():  # a folder: a file named after the format inside it
            target = target / ("class-debrief.html" if fmt == "debrief" else f"class.{fmt}")
        if fmt == "csv" and args.bom:
            text = BOM + text
        try:
            write_atomic(target, utf8_safe(text))
        except OSError as exc:
            print(_("{file}: cannot write the comparison: {reason}").format(
                file=target, reason=exc.strerror or exc), file=sys.stderr)
            return False
        print(ngettext("wrote {file} ({count} game)", "wrote {file} ({count} games)",
                       count).format(file=target, count=count))
    else:
        sys.stdout.write(text)
    return True


def _debriefs(args: argparse.Namespace, finder: ScenarioFinder) -> int:
    """Every game's debrief in one HTML document, each starting on a new page."""
    reports, skipped, warnings = gather_reports(args.paths, finder, args.anonymise)
    _say([s.reason for s in skipped], _("skipped {message}"),
         _("skipped ... and {count} more files left out"))
    _say(warnings, _("note: {message}"), _("note: ... and {count} more notes"))
    if not reports:
        print(_("no saved games to compare"), file=sys.stderr)
        return 1
    titles = list(dict.fromkeys(r.scenario_title for r in reports))
    title = _("The class's debriefs: {title}").format(title=titles[0]) if len(titles) == 1 \
        else _("The class's debriefs")
    if not _write(args, "debrief", render_debrief(reports, title), len(reports)):
        return 1
    return _left_out(skipped)


def _left_out(skipped: list[Skipped]) -> int:
    """Say how many files were left out; the exit status (1 if any)."""
    if skipped:
        print(ngettext("{count} file(s) or folder(s) left out; the rest were compared",
                       "{count} file(s) or folder(s) left out; the rest were compared",
                       len(skipped)).format(count=len(skipped)), file=sys.stderr)
        return 1
    return 0


def _renumber(view: ClassView, start: int) -> ClassView:
    """Keep 'Student N' unique across several scenarios' groups."""
    rows = tuple(dataclasses.replace(r, name=_("Student {number}").format(
        number=int(re.findall(r"\d+", r.name)[-1]) + start)) for r in view.students)
    return dataclasses.replace(view, students=rows)
