"""Helpers shared by the commands: loading a scenario with its errors printed, not raised, and
argument types that turn a bad number or file into a usage message."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from game.reports.escape import one_line
from game.reports.saveset import LOAD_PROBLEMS, problem_sentence
from game.scenario.errors import ScenarioError
from game.scenario.loader import DEFAULT_SCENARIO, LoadedScenario, load_scenario

MAX_PROBLEMS_SHOWN = 50
"""How many problems of one file are printed before a count of the rest."""


def print_problems(lines: list[str], total: int | None = None) -> None:
    """Print at most :data:`MAX_PROBLEMS_SHOWN` lines on stderr, then how many more there are
    (``total``: the number of problems if more were found than listed)."""
    total = len(lines) if total is None else total
    for line in lines[:MAX_PROBLEMS_SHOWN]:
        print(line, file=sys.stderr)
    shown = min(len(lines), MAX_PROBLEMS_SHOWN)
    if total > shown:
        print(f"... and {total - shown:,} more problem(s)", file=sys.stderr)


def load_or_report(path: str | Path | None) -> LoadedScenario | None:
    """Load a scenario (the default one if ``path`` is None); print its problems and return
    None if it does not load, whatever the file holds."""
    target = Path(path) if path else DEFAULT_SCENARIO
    try:
        return load_scenario(target)
    except ScenarioError as exc:
        print_problems([p.format() for p in exc.problems])
        print(f"{target}: the scenario has {len(exc.problems)} error(s); fix them and try again "
              f"(python main.py validate {target})", file=sys.stderr)
        return None
    except LOAD_PROBLEMS as exc:
        print(f"{problem_sentence(target, exc, 'scenario')}; check it with "
              f"python main.py validate {target}", file=sys.stderr)
        return None


def output_format(chosen: str | None, output: str | None, formats: tuple[str, ...] | list[str],
                  default: str) -> str:
    """The format asked for with --format, else the one the output file's suffix names
    (``.htm`` -> html, ``.markdown`` -> md), else ``default``."""
    if chosen is not None:
        return chosen
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    return fmt if fmt in formats else default


# -- argument types: argparse prints "usage: ... error: argument --runs: ..." for a bad value --


def int_in(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        word = text.strip().replace("_", "")
        if not word.lstrip("+-").isascii() or not word.lstrip("+-").isdigit():
            raise argparse.ArgumentTypeError(f"'{one_line(text)[:40]}' is not a whole number")
        if len(word) > 30:
            raise argparse.ArgumentTypeError(f"'{word[:20]}...' ({len(word):,} digits) is out "
                                             f"of range: use {low:,} to {high:,}")
        value = int(word)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value:,} is out of range: use {low:,} to "
                                             f"{high:,}")
        return value

    parse.__name__ = "number"
    return parse


def regular_file(text: str) -> str:
    """An argparse type: the name of a regular file that exists (never a folder, a device
    such as /dev/zero, or a pipe)."""
    try:
        info = os.stat(text)
    except FileNotFoundError:
        raise argparse.ArgumentTypeError(f"{one_line(text)}: no such file") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise argparse.ArgumentTypeError(f"{one_line(text)}: cannot read it ({reason})") \
            from None
    if stat.S_ISDIR(info.st_mode):
        raise argparse.ArgumentTypeError(f"{one_line(text)}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise argparse.ArgumentTypeError(f"{one_line(text)}: not a regular file (a device or "
                                         "a pipe)")
    return text


SEED_MAX = 2**62
"""Seeds are kept to what a save can hold and every reader accepts."""
