"""`python main.py bench`: speed measured against a bare baseline in the same run.

These machines are noisy, so every figure is the median of several repeats,
and each is shown beside a baseline measured in the same run, as a ratio.
Sections live in small functions; `--only NAME` runs one of them.

The headless games are timed by the CPU time of this process (one process, one core):
on a shared machine the wall clock also counts the time other programs hold the core,
which says nothing about the engine; the wall-clock rate is shown beside it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import yaml

from game.core.policies import POLICIES, play_game
from game.files import read_limited
from game.i18n import _
from game.paths import CHECKOUT
from game.scenario.loader import DEFAULT_SCENARIO, load_scenario
from game.scenario.yamlsafe import MAX_BYTES
from game.tools.common import int_in, load_or_report, regular_file

Row = tuple[str, str, str, str]  # what, measured, baseline, ratio/goal


def median_time(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``fn`` over ``repeats`` calls, in seconds."""
    times = []
    for _repeat in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_load(scenario: Path, repeats: int) -> list[Row]:
    data = read_limited(scenario, MAX_BYTES)
    safe = getattr(yaml, "CSafeLoader", None)
    name = "CSafeLoader" if safe else "SafeLoader"
    if safe is not None:
        bare = median_time(lambda: yaml.load(data, Loader=yaml.CSafeLoader), repeats)
    else:
        bare = median_time(lambda: yaml.load(data, Loader=yaml.SafeLoader), repeats)
    ours = median_time(lambda: load_scenario(scenario), repeats)
    return [("load + validate + compile the scenario", f"{ours * 1000:.1f} ms",
             f"{bare * 1000:.1f} ms bare yaml.load ({name})",
             f"{ours / bare:.2f}x (goal <= 2x)")]


GAMES_GOAL = 1000
"""Headless games a second on one core (issue 9's goal for the default scenario)."""


def bench_games(scenario: Path, games: int, batches: int = 5) -> list[Row]:
    """Games a second of each policy: the median over ``batches`` batches of ``games`` games
    (different seeds), by this process's CPU time, with the wall-clock rate beside it."""
    rules = load_scenario(scenario).rules
    rows: list[Row] = []
    for name in ("random", "history"):
        policy = POLICIES[name]
        cpu, wall = [], []
        for rep in range(batches):
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            for i in range(games):
                play_game(rules, policy, seed=rep * games + i)
            cpu.append(games / max(time.process_time() - start_cpu, 1e-9))
            wall.append(games / max(time.perf_counter() - start_wall, 1e-9))
        rate = statistics.median(cpu)
        sample = range(min(games, 20))
        moves = statistics.mean(len(play_game(rules, policy, seed=i).moves) for i in sample)
        verdict = "met" if rate >= GAMES_GOAL else "not met"
        rows.append((f"headless games, policy {name}", f"{rate:,.0f} games/s (CPU time)",
                     f"{rules.turns} turns, {moves:,.0f} moves a game; "
                     f"{statistics.median(wall):,.0f} games/s by the wall clock",
                     f"goal >= {GAMES_GOAL:,} games/s on one core ({verdict})"))
    return rows


SECTIONS: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "load": lambda a: bench_load(Path(a.scenario), a.repeats),
    "games": lambda a: bench_games(Path(a.scenario), a.games),
    "ui-startup": lambda a: _ui().bench_startup(),
    "ui-frame": lambda a: _ui().bench_frame(_playable(a.scenario)),
    "ui-idle": lambda a: _ui().bench_idle_and_memory(_playable(a.scenario)),
    "compare": lambda a: _teacher_tools().bench_compare(_playable(a.scenario)),
    "simulate": lambda a: _teacher_tools().bench_simulate(_playable(a.scenario)),
    "analyse": lambda a: _teacher_tools().bench_analysis(_playable(a.scenario)),
}


def _teacher_tools() -> ModuleType:
    # Deferred: each section loads only what it measures.
    from game.reports import benchmarks

    return benchmarks


def _ui() -> ModuleType:
    # Deferred: the headless sections never load pygame.
    from game.ui import benchmarks

    return benchmarks


def _playable(scenario: str) -> Path:
    """The scenario to play in the UI figures (the mini test one if the default is missing)."""
    path = Path(scenario)
    mini = CHECKOUT / "tests" / "data" / "mini.yaml" if CHECKOUT else None  # none when installed
    return mini if mini is not None and not path.is_file() and mini.is_file() else path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", default=str(DEFAULT_SCENARIO), metavar="FILE", type=regular_file,
                   help=_("the scenario to load and play (default: the 1928-1941 one)"))
    p.add_argument("--repeats", type=int_in(1, 1000), default=21,
                   help=_("repeats per timing, 1 to 1,000 (median taken; default 21)"))
    p.add_argument("--games", type=int_in(1, 1_000_000), default=400,
                   help=_("games per timing batch, 1 to 1,000,000 (default 400)"))
    p.add_argument("--only", choices=sorted(SECTIONS), action="append",
                   help=_("run only this section (may be repeated)"))


def run(args: argparse.Namespace) -> int:
    if load_or_report(args.scenario) is None:  # a message, not a traceback, for a bad scenario
        return 1
    rows: list[Row] = []
    for name, section in SECTIONS.items():
        if args.only and name not in args.only:
            continue
        print(f"[{name}] ...", flush=True)
        rows.extend(section(args))
    header = (_("what"), _("measured"), _("baseline"), _("ratio / goal"))
    widths = [max(len(r[i]) for r in [*rows, header]) for i in range(4)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0
