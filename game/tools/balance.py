"""`python main.py balance`: is the scenario a game? Whether its answers matter, whether the
answer that looks best wins, whether a better plan needs nerve, how many turns ask nothing,
whether the historical path still reproduces history and whether random play reaches every
ending."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.i18n import _
from game.present.numbers import number
from game.reports.balance import (
    RANDOM_GAMES,
    balance,
    balance_data,
    describe_balance,
    estimate_games,
)
from game.reports.escape import NotFiniteError, json_text
from game.reports.progress import ProgressBar
from game.reports.saveset import LOAD_PROBLEMS, problem_sentence
from game.scenario.loader import DEFAULT_SCENARIO
from game.tools.common import SEED_MAX, int_in, load_or_report, regular_file

MAX_RUNS = 100_000
MAX_JOBS = 256
DEFAULT_RUNS = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE", type=regular_file,
                   help=_("scenario file (default: the 1928-1941 one)"))
    p.add_argument("--runs", type=int_in(1, MAX_RUNS), default=DEFAULT_RUNS, metavar="N",
                   help=_("game seeds every plan is played on, 1 to {most} (default "
                          "{default})").format(most=number(MAX_RUNS, 0), default=DEFAULT_RUNS))
    p.add_argument("--seed", type=int_in(0, SEED_MAX), default=0, metavar="S",
                   help=_("the first seed (default 0)"))
    p.add_argument("--jobs", type=int_in(1, MAX_JOBS), default=1, metavar="N",
                   help=_("processes to spread the games over, 1 to {most} (default 1); the "
                          "report is the same for any number").format(most=MAX_JOBS))
    p.add_argument("--random-games", type=int_in(0, MAX_RUNS), default=RANDOM_GAMES, metavar="N",
                   help=_("random games played to see which endings random play reaches, 0 to "
                          "{most} (default {default})").format(most=number(MAX_RUNS, 0),
                                                               default=RANDOM_GAMES))
    p.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    p.add_argument("--progress", action="store_true",
                   help=_("draw the progress bar even when stderr is not a terminal"))


def is_default(path: str) -> bool:
    try:
        return Path(path).resolve() == DEFAULT_SCENARIO.resolve()
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    loaded = load_or_report(args.scenario)
    if loaded is None:
        return 1
    rules = loaded.rules
    path = str(Path(loaded.path).resolve())
    goals = is_default(path)
    bar = ProgressBar(estimate_games(rules, args.runs, args.random_games)) \
        if ProgressBar.wanted(args.progress) else None

    def grow(total: int) -> None:
        if bar:
            bar.total = total

    try:
        report = balance(rules, path, args.runs, args.seed, args.jobs,
                         bar.update if bar else None, grow, args.random_games)
    except LOAD_PROBLEMS as exc:  # a scenario that loads but breaks in play
        print(f"\n{problem_sentence(loaded.path, exc, 'scenario')}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar.update(bar.total)
            bar.close()
    if args.json:
        try:
            text = json_text(balance_data(report, goals))
        except NotFiniteError as exc:
            print(_("{file}: cannot print the report as JSON: {problem}").format(
                file=loaded.path, problem=exc), file=sys.stderr)
            return 1
        print(text)
        return 0
    for line in describe_balance(report, rules.scenario.title, goals):
        print(line)
    return 0
