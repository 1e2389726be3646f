"""`python main.py play` (the default command): open the game window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE",
                   help="start a game of this scenario file (default: the title screen, on the "
                   "1928-1941 scenario)")
    p.add_argument("--watch", action="store_true",
                   help="with --scenario: reload the scenario when the file changes, replaying "
                   "the game's decisions where they still apply")
    p.add_argument("--seed", type=int, default=None, metavar="S",
                   help="random seed of new games (default 0)")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1600x900 (default: settings)")


def run(args: argparse.Namespace) -> int:
    if args.watch and not args.scenario:
        print("--watch needs --scenario FILE", file=sys.stderr)
        return 2
    if args.scenario and not Path(args.scenario).is_file():
        print(f"{args.scenario}: no such scenario file", file=sys.stderr)
        return 2
    size = None
    if args.size:
        try:
            w, h = (int(x) for x in args.size.lower().split("x"))
            size = (w, h)
        except ValueError:
            print(f"--size {args.size}: write it as WIDTHxHEIGHT, e.g. 1600x900", file=sys.stderr)
            return 2
    from game.ui.app import App

    app = App(scenario=args.scenario, seed=args.seed, watch=args.watch, size=size)
    return app.run()
