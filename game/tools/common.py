"""Helpers shared by the commands: loading a scenario with its errors printed, not raised, and
argument types that turn a bad number or file into a usage message."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from game.i18n import _, babel_locale, ngettext
from game.present.numbers import number
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
        print(ngettext("... and {count} more problem(s)", "... and {count} more problem(s)",
                       total - shown).format(count=number(total - shown, 0)), file=sys.stderr)


def load_or_report(path: str | Path | None) -> LoadedScenario | None:
    """Load a scenario (the default one if ``path`` is None); print its problems and return
    None if it does not load, whatever the file holds."""
    target = Path(path) if path else DEFAULT_SCENARIO
    try:
        return load_scenario(target)
    except ScenarioError as exc:
        print_problems([p.format() for p in exc.problems])
        print(ngettext("{file}: the scenario has {count} error(s); fix them and try again "
                       "(python main.py validate {file})",
                       "{file}: the scenario has {count} error(s); fix them and try again "
                       "(python main.py validate {file})", len(exc.problems)).format(
                           file=target, count=len(exc.problems)), file=sys.stderr)
        return None
    except LOAD_PROBLEMS as exc:
        print(_("{problem}; check it with python main.py validate {file}").format(
            problem=problem_sentence(target, exc, "scenario"), file=target), file=sys.stderr)
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


def whole(value: int) -> str:
    """A whole number as the reader writes it (``1,000``), exact however large."""
    return f"{value:,}" if babel_locale() == "en" or abs(value) > 2**53 else number(value, 0)


# -- argument types: argparse prints "usage: ... error: argument --runs: ..." for a bad value --


def int_in(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        word = text.strip().replace("_", "")
        if not word.lstrip("+-").isascii() or not word.lstrip("+-").isdigit():
            raise argparse.ArgumentTypeError(_("'{text}' is not a whole number").format(
                text=one_line(text)[:40]))
        if len(word) > 30:
            raise argparse.ArgumentTypeError(_("'{start}...' ({count} digits) is out of range: "
                                               "use {low} to {high}").format(
                start=word[:20], count=whole(len(word)), low=whole(low), high=whole(high)))
        value = int(word)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(_("{value} is out of range: use {low} to "
                                               "{high}").format(
                value=whole(value), low=whole(low), high=whole(high)))
        return value

    parse.__name__ = "number"
    return parse


def regular_file(text: str) -> str:
    """An argparse type: the name of a regular file that exists (never a folder, a device
    such as /dev/zero, or a pipe)."""
    try:
        info = os.stat(text)
    except FileNotFoundError:
        raise argparse.ArgumentTypeError(_("{file}: no such file").format(
            file=one_line(text))) from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise argparse.ArgumentTypeError(_("{file}: cannot read it ({reason})").format(
            file=one_line(text), reason=reason)) from None
    if stat.S_ISDIR(info.st_mode):
        raise argparse.ArgumentTypeError(_("{file}: is a folder, not a file").format(
            file=one_line(text)))
    if not stat.S_ISREG(info.st_mode):
        raise argparse.ArgumentTypeError(_("{file}: not a regular file (a device or a "
                                           "pipe)").format(file=one_line(text)))
    return text


SEED_MAX = 2**62
"""Seeds are kept to what a save can hold and every reader accepts."""
