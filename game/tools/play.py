"""`python main.py play` (the default command): open the game window."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import _
from game.ui.settings import MAX_WINDOW, MIN_WINDOW, clamp_window

if TYPE_CHECKING:
    from game.core.analysis import Analysis, PlayedGame

SIZE = re.compile(r"^\s*(\d{1,9})\s*[xX×]\s*(\d{1,9})\s*$")
SEED_RANGE = (-(2**63), 2**64 - 1)
"""Seeds are 64-bit numbers (what a save keeps)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE",
                   help=_("start a game of this scenario file (default: the title screen, on "
                          "the 1928-1941 scenario)"))
    p.add_argument("--watch", action="store_true",
                   help=_("with --scenario: reload the scenario when the file changes, "
                          "replaying the game's decisions where they still apply"))
    p.add_argument("--seed", metavar="S",
                   help=_("random seed of new games, a whole number (default 0)"))
    p.add_argument("--size", metavar="WxH",
                   help=_("window size, e.g. 1600x900 (default: settings)"))


def parse_size(text: str) -> tuple[int, int] | None:
    """``WIDTHxHEIGHT`` as two positive numbers, or None if it is not written so."""
    m = SIZE.match(text)
    if m is None:
        return None
    w, h = int(m.group(1)), int(m.group(2))
    return (w, h) if w > 0 and h > 0 else None


def parse_seed(text: str) -> int | None:
    """A seed within 64 bits, or None if ``text`` is not one."""
    text = text.strip()
    if not re.fullmatch(r"[+-]?\d{1,20}", text):
        return None
    seed = int(text)
    return seed if SEED_RANGE[0] <= seed <= SEED_RANGE[1] else None


def screen_size() -> tuple[int, int] | None:
    """The size of the display the window opens on, where a real one is known."""
    if os.environ.get("SDL_VIDEODRIVER", "").lower() in ("dummy", "offscreen"):
        return None
    try:
        import pygame

        pygame.display.init()
        sizes = pygame.display.get_desktop_sizes()
    except Exception:  # noqa: BLE001 - no display information: the fixed limits still apply
        return None
    return (int(sizes[0][0]), int(sizes[0][1])) if sizes else None


def run(args: argparse.Namespace) -> int:
    if args.watch and not args.scenario:
        print(_("--watch needs --scenario FILE"), file=sys.stderr)
        return 2
    if args.scenario:
        try:
            is_file = Path(args.scenario).is_file()
        except (OSError, ValueError):
            is_file = False
        if not is_file:
            print(_("{file}: no such scenario file (or not a regular file)").format(
                file=args.scenario), file=sys.stderr)
            return 2
    seed = None
    if args.seed is not None:
        seed = parse_seed(args.seed)
        if seed is None:
            print(_("--seed {seed}: write a whole number between {low} and {high}, e.g. "
                    "--seed 7").format(seed=args.seed[:40], low=SEED_RANGE[0],
                                       high=SEED_RANGE[1]), file=sys.stderr)
            return 2
    size = None
    if args.size:
        wanted = parse_size(args.size)
        if wanted is None:
            print(_("--size {size}: write it as WIDTHxHEIGHT with two positive whole numbers, "
                    "e.g. 1600x900").format(size=args.size[:40]), file=sys.stderr)
            return 2
        screen = screen_size()
        size = clamp_window(wanted, screen)
        if size != wanted:
            limits = _("{smallest} to {largest}").format(
                smallest=f"{MIN_WINDOW[0]}x{MIN_WINDOW[1]}", largest=f"{MAX_WINDOW[0]}x{MAX_WINDOW[1]}")
            if screen:
                limits = _("{limits}, and no larger than this screen ({screen})").format(
                    limits=limits, screen=f"{screen[0]}x{screen[1]}")
            print(_("--size {wanted} is outside the sizes the game allows ({limits}); the window "
                    "opens at {size}.").format(wanted=f"{wanted[0]}x{wanted[1]}", limits=limits,
                                               size=f"{size[0]}x{size[1]}"), file=sys.stderr)
    # Deferred: pygame and the screens load once the arguments are known to be good (a usage
    # message comes at once).
    from game.ui.app import App

    app = App(scenario=args.scenario, seed=seed, watch=args.watch, size=size,
              report_writer=write_report, analyser=analyse_game)
    return app.run()


def write_report(save: Path, out: Path, fmt: str) -> list[Path]:
    """The end report's export writes the HTML and JSON reports with the teacher tools' writer
    (the screens import no report writer: they sit beside them)."""
    # Deferred: the report writers load when a report is exported, not when the game starts.
    from game.tools.report import write_report as write

    return write(save, out, fmt)


def analyse_game(game: PlayedGame, scenario_file: str, games: int,
                 progress: Callable[[int], None]) -> Analysis:
    """The end report's analysis, played by the teacher tools' runner on every core (the
    screens import no report writer; :mod:`game.ui.analysis_job` runs this in a thread)."""
    # Deferred: the runner loads when a game is analysed, not when the window opens.
    from game.core.analysis import CONTINUATIONS
    from game.reports.analysis import default_jobs, run_analysis

    return run_analysis(game, scenario_file, games, 0, CONTINUATIONS,
                        default_jobs() if scenario_file else 1, progress)
