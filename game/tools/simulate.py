"""`python main.py simulate`: play whole games headless and show how they end against history."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game.core.engine import GameState
from game.core.engine import ending as game_ending
from game.core.policies import POLICIES, historical_game
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.i18n import _, ngettext
from game.present.numbers import number
from game.reports.escape import NotFiniteError, json_text
from game.reports.outcomes import (
    RunSpec,
    describe_outcomes,
    outcomes_data,
    record_data,
    run_games,
    summarize_outcomes,
)
from game.reports.policy_file import PolicyFileError, PolicyPlan, load_policy_file
from game.reports.progress import ProgressBar
from game.reports.saveset import LOAD_PROBLEMS, problem_sentence
from game.saves import SaveError
from game.tools.common import SEED_MAX, int_in, load_or_report, print_problems, regular_file

MAX_RUNS = 10_000_000
MAX_JOBS = 256


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE", type=regular_file,
                   help=_("scenario file (default: the 1928-1941 one)"))
    p.add_argument("--policy", default="random", metavar="history|random|greedy|passive|FILE",
                   help=_("how the games are played (default: random), or a YAML/JSON file "
                          "of choices that changes history: 'choices:' with 'event: choice' "
                          "lines (events not named get the historical choice), and optionally "
                          "'actions:' with '\"YYYY-MM\": [action, ...]' lines, 'skip: [action, "
                          "...]' (historical actions not to take) and 'follow_history: false' "
                          "(take only the actions listed)"))
    p.add_argument("--runs", type=int_in(1, MAX_RUNS), default=10, metavar="N",
                   help=_("number of games, 1 to {most} (default 10)").format(
                       most=number(MAX_RUNS, 0)))
    p.add_argument("--seed", type=int_in(0, SEED_MAX), default=0, metavar="S",
                   help=_("seed of the first game (default 0)"))
    p.add_argument("--json", action="store_true", help=_("print the games as JSON"))
    p.add_argument("--jobs", type=int_in(1, MAX_JOBS), default=1, metavar="N",
                   help=_("processes to spread the games over, 1 to {most} (default 1); the "
                          "results are the same for any number").format(most=MAX_JOBS))
    p.add_argument("--saves", metavar="DIR",
                   help=_("also write every game as a save in DIR, for report and compare"))
    p.add_argument("--progress", action="store_true",
                   help=_("draw the progress bar even when stderr is not a terminal"))


def game_record(state: GameState, seed: int) -> dict[str, Any]:
    """One game's ending, final aims and difference from history, as plain data."""
    rules = state.rules
    hist = historical_game(rules)
    ending = game_ending(state)
    return {
        "seed": seed,
        "ending": ending,
        "final": {a: round(v, 3) for a, v in zip(rules.aim_ids, state.aims, strict=True)},
        "vs_history": {a: round(v - h, 3)
                       for a, v, h in zip(rules.aim_ids, state.aims, hist.aims, strict=True)},
        "score": overall_score(state),
    }


def run(args: argparse.Namespace) -> int:
    loaded = load_or_report(args.scenario)
    if loaded is None:
        return 1
    rules = loaded.rules
    policy = _policy(args.policy, rules)
    if policy is None:
        return 1
    scenario_file = str(Path(loaded.path).resolve())
    saves: str | None = args.saves
    if saves and not _can_write_saves(saves):
        return 1
    spec = RunSpec(scenario_file, policy, saves, scenario_file)
    bar = ProgressBar(args.runs) if ProgressBar.wanted(args.progress) else None
    try:
        records = run_games(rules, spec, args.runs, args.seed, args.jobs,
                            bar.update if bar else None)
    except SaveError as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 1
    except LOAD_PROBLEMS as exc:  # a scenario that loads but breaks in play
        print(f"\n{problem_sentence(loaded.path, exc, 'scenario')}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar.close()
    outcomes = summarize_outcomes(rules, records)
    if args.json:
        try:
            text = json_text({"scenario": rules.scenario.id, "policy": spec.policy_name,
                              "runs": args.runs, "seed": args.seed,
                              "games": [record_data(rules, r) for r in records],
                              "summary": outcomes_data(outcomes)})
        except NotFiniteError as exc:
            print(_("{file}: cannot print the games as JSON: {problem}").format(
                file=loaded.path, problem=exc), file=sys.stderr)
            return 1
        print(text)
        return 0
    last = args.seed + args.runs - 1
    if args.runs > 1:
        print(_("{title}: {count} games, policy '{policy}', seeds {first}-{last}").format(
            title=rules.scenario.title, count=number(args.runs, 0), policy=spec.policy_name,
            first=args.seed, last=last))
    else:
        print(_("{title}: 1 game, policy '{policy}', seed {seed}").format(
            title=rules.scenario.title, policy=spec.policy_name, seed=args.seed))
    if args.runs <= 20:
        for r in map(lambda rec: record_data(rules, rec), records):
            final, gap = r["final"], r["vs_history"]
            score = r["score"]
            assert isinstance(final, dict) and isinstance(gap, dict)
            assert isinstance(score, int | float)
            aims = _(", ").join(_("{aim} {value} ({gap})").format(
                aim=a, value=number(v), gap=number(gap[a], signed=True)) for a, v in final.items())
            print("  " + _("seed {seed}: {ending}; {aims}; score {score}").format(
                seed=r["seed"], ending=r["ending"], aims=aims, score=number(score)))
    print()
    for line in describe_outcomes(outcomes):
        print(line)
    if saves:
        print("\n" + ngettext("wrote {count} save(s) to {folder}; try: python main.py compare "
                              "{folder}", "wrote {count} save(s) to {folder}; try: python "
                              "main.py compare {folder}", args.runs).format(
                                  count=number(args.runs, 0), folder=saves))
    return 0


def _policy(name: str, rules: Rules) -> str | PolicyPlan | None:
    """The policy named, or the plan of a file of choices; None (after a message) if neither."""
    if name in POLICIES:
        return name
    path = Path(name)
    if not os.path.lexists(path):
        print(_("--policy: '{name}' is neither a policy ({policies}) nor a file of "
                "choices").format(name=name, policies=", ".join(sorted(POLICIES))),
              file=sys.stderr)
        return None
    try:
        return load_policy_file(path, rules)
    except PolicyFileError as exc:
        print_problems([p.format() for p in exc.problems], exc.total)
        print(ngettext("{file}: the file of choices has {count} problem(s)",
                       "{file}: the file of choices has {count} problem(s)", exc.total).format(
                           file=name, count=number(exc.total, 0)), file=sys.stderr)
        return None


def _can_write_saves(name: str) -> bool:
    """Make the folder for saves if needed; say why and return False if it cannot be written."""
    try:
        Path(name).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(_("{folder}: cannot make the folder for saves: {reason}").format(
            folder=name, reason=exc.strerror or exc), file=sys.stderr)
        return False
    if not os.access(name, os.W_OK):
        print(_("{folder}: cannot write saves there (no permission)").format(folder=name),
              file=sys.stderr)
        return False
    return True
