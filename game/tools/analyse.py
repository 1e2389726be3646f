"""`python main.py analyse SAVE`: which of a game's decisions changed its fate.

At each answer the player gave, every choice is played on to the end of the game many times
(the world's chance drawn anew in each game) with a stated continuation, giving the expected
final score and the odds of each ending of each choice; the curve of the expected score across
the game; and the turning points, with what the USSR did and the history note. The number of
games, the seed and the continuations are printed with the result; the same save, seed and
games give the same analysis with any number of processes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.core.analysis import CONTINUATIONS, DEFAULT_GAMES, HISTORY, OWN, read_game
from game.i18n import _
from game.present.numbers import number
from game.reports.analysis import (
    analysis_data,
    default_jobs,
    describe,
    no_decisions_line,
    run_analysis,
    total_games,
)
from game.reports.escape import NotFiniteError, json_text
from game.reports.progress import ProgressBar
from game.reports.saveset import LOAD_PROBLEMS, ScenarioFinder, open_save, problem_sentence
from game.tools.common import SEED_MAX, int_in, load_or_report, regular_file

MAX_GAMES = 100_000
MAX_JOBS = 256
CHOICES = {"both": CONTINUATIONS, OWN: (OWN,), HISTORY: (HISTORY,)}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("save", metavar="SAVE", help=_("a save file (from the game or simulate --saves)"))
    p.add_argument("--json", action="store_true", help=_("print the analysis as JSON"))
    p.add_argument("--games", type=int_in(2, MAX_GAMES), default=DEFAULT_GAMES, metavar="N",
                   help=_("games played for each choice of each decision, per continuation, 2 "
                          "to {most} (default {default})").format(
                       most=number(MAX_GAMES, 0), default=DEFAULT_GAMES))
    p.add_argument("--continuation", choices=sorted(CHOICES), default="both",
                   help=_("how the rest of the game is played after a decision: 'own' (your "
                          "own later moves where they still apply, history where you made "
                          "none), 'history' (what the USSR did) or 'both' (the default; the "
                          "turning points come from 'own')"))
    p.add_argument("--seed", type=int_in(0, SEED_MAX), default=0, metavar="S",
                   help=_("the seed of the world's chance in the games played (default 0)"))
    p.add_argument("--jobs", type=int_in(1, MAX_JOBS), default=None, metavar="N",
                   help=_("processes to spread the games over, 1 to {most} (default: every "
                          "core); the analysis is the same for any number").format(most=MAX_JOBS))
    p.add_argument("--scenario", metavar="FILE", type=regular_file,
                   help=_("the scenario file, if the save's own cannot be found"))
    p.add_argument("--progress", action="store_true",
                   help=_("draw the progress bar even when stderr is not a terminal"))


def run(args: argparse.Namespace) -> int:
    """Run the command (game.cli turns any unexpected error into one sentence)."""
    scenario = None
    if args.scenario:
        scenario = load_or_report(args.scenario)
        if scenario is None:
            return 1
    save = Path(args.save)
    finder = ScenarioFinder(scenario)
    try:
        loaded = open_save(save, finder)
        rules = loaded.state.rules
        game = read_game(rules, loaded.state.seed, loaded.state.moves)
    except LOAD_PROBLEMS as exc:
        print(problem_sentence(save, exc), file=sys.stderr)
        return 1
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    if not game.decisions:
        print(no_decisions_line(str(save)), file=sys.stderr)
        return 1
    conts = CHOICES[args.continuation]
    jobs = args.jobs if args.jobs is not None else default_jobs()
    path = scenario.path if scenario is not None else finder.file_of(rules.digest)
    if not path:
        jobs = 1  # no file for other processes to read: play them here
    bar = ProgressBar(total_games(game, args.games, conts)) \
        if ProgressBar.wanted(args.progress) else None
    try:
        analysis = run_analysis(game, str(path), args.games, args.seed, conts, jobs,
                                bar.update if bar else None)
    except LOAD_PROBLEMS as exc:  # a scenario that loads but breaks in play
        print(f"\n{problem_sentence(save, exc)}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar.update(bar.total)
            bar.close()
    if args.json:
        try:
            text = json_text(analysis_data(analysis, rules))
        except NotFiniteError as exc:
            print(_("{file}: cannot print the analysis as JSON: {problem}").format(
                file=save, problem=exc), file=sys.stderr)
            return 1
        print(text)
        return 0
    for line in describe(analysis, rules, str(save)):
        print(line)
    return 0
