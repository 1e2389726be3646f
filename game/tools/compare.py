"""`python main.py compare SAVE_OR_FOLDER...`: the class at a glance, against history.

How many reached each ending; at each decision, how many chose each option
and what the USSR did; each aim's spread against history; who came closest
to history and who strayed furthest. Every file that cannot be used gets a
message, the rest are still compared, and the exit status is 1 if anything
was left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.atomic import write_atomic
from game.core.rules import Rules
from game.reports.class_render import render_csv, render_html, render_markdown
from game.reports.classview import ClassView, GameFacts, class_view, game_facts
from game.reports.saveset import ScenarioFinder, Skipped, collect_files, open_saves
from game.tools.common import load_or_report, output_format

FORMATS = ("md", "html", "csv")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="SAVE_OR_FOLDER",
                   help="save files, or folders of them (every .json file directly inside)")
    p.add_argument("--format", choices=FORMATS,
                   help="md (default, or from the -o name), html or csv (one row per game)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write it to a file, or into a folder as class.FORMAT (default: screen)")
    p.add_argument("--anonymise", "--anonymize", action="store_true",
                   help="call the players 'Student 1', 'Student 2'... and leave out file names")
    p.add_argument("--scenario", metavar="FILE",
                   help="compare only saves of this scenario file (others are left out)")


Group = tuple[Rules, list[GameFacts]]


def gather(paths: list[str], finder: ScenarioFinder,
           ) -> tuple[dict[str, Group], list[Skipped], list[str]]:
    """The games boiled down and grouped by scenario id (in first-seen order), what was
    skipped, and warnings (a scenario changed since a game was saved...)."""
    files, skipped = collect_files(paths)
    groups: dict[str, Group] = {}
    warnings: list[str] = []
    for item in open_saves(files, finder):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        warnings += item.warnings
        rules = item.state.rules
        groups.setdefault(rules.scenario.id, (rules, []))[1].append(game_facts(item))
    return groups, skipped, warnings


def run(args: argparse.Namespace) -> int:
    """Run the command (game.cli turns any unexpected error into one sentence)."""
    fmt = output_format(args.format, args.output, FORMATS, "md")
    explicit = None
    if args.scenario:
        explicit = load_or_report(args.scenario)
        if explicit is None:
            return 1
    groups, skipped, warnings = gather(args.paths, ScenarioFinder(explicit))
    for s in skipped:
        print(f"skipped {s.reason}", file=sys.stderr)
    for w in warnings:
        print(f"note: {w}", file=sys.stderr)
    if not groups:
        print("no saved games to compare", file=sys.stderr)
        return 1
    if len(groups) > 1:
        print(f"note: the saves are of {len(groups)} scenarios ({', '.join(groups)}); each is "
              "compared on its own", file=sys.stderr)
    views: list[ClassView] = []
    start = 0
    for rules, games in groups.values():
        view = class_view(rules, games, args.anonymise)
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
    if args.output and args.output != "-":
        target = Path(args.output)
        if target.is_dir():  # a folder: a file named after the format inside it
            target = target / f"class.{fmt}"
        try:
            write_atomic(target, text)
        except OSError as exc:
            print(f"{target}: cannot write the comparison: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
        count = sum(v.games for v in views)
        print(f"wrote {target} ({count} game{'s' if count != 1 else ''})")
    else:
        sys.stdout.write(text)
    if skipped:
        print(f"{len(skipped)} file(s) or folder(s) left out; the rest were compared",
              file=sys.stderr)
        return 1
    return 0


def _renumber(view: ClassView, start: int) -> ClassView:
    """Keep 'Student N' unique across several scenarios' groups."""
    import dataclasses

    rows = tuple(dataclasses.replace(r, name=f"Student {int(r.name.split()[-1]) + start}")
                 for r in view.students)
    return dataclasses.replace(view, students=rows)
