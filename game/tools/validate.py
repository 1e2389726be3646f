"""`python main.py validate FILE...`: every problem of every file, as file:line:col."""

from __future__ import annotations

import argparse

from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="scenario files to check")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args: argparse.Namespace) -> int:
    errors = warnings = 0
    for name in args.files:
        try:
            loaded = load_scenario(name)
        except ScenarioError as exc:
            for p in exc.problems:
                print(p.format())
            errors += len(exc.problems)
            continue
        for w in loaded.warnings:
            print(w.format())
        warnings += len(loaded.warnings)
        if not loaded.warnings:
            print(f"{name}: ok ({loaded.scenario.title}: {len(loaded.scenario.actions)} actions, "
                  f"{len(loaded.scenario.events)} events, {loaded.rules.turns} turns)")
    files = len(args.files)
    print(f"{errors} error(s), {warnings} warning(s) in {files} file(s)")
    if errors or (args.strict and warnings):
        return 1
    return 0
