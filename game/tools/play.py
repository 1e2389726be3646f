"""`python main.py play`: open the game window."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE", help="scenario file (default: the 1928-1941 one)")


def run(args: argparse.Namespace) -> int:
    print("Statecraft: the game's screens are not built yet. What works today:\n"
          "  python main.py validate FILE...   check scenario files\n"
          "  python main.py simulate --policy history|random|greedy|passive --runs N [--json]\n"
          "  python main.py bench              measure speed\n"
          "See README.md.")
    return 0
