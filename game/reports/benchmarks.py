"""Bench sections for the teacher tools: each against the bare engine doing the same games.

- ``compare`` over 500 saves, against reading the same files and replaying
  their moves with :func:`game.core.engine.replay` and nothing else;
- ``simulate`` of 10,000 games on one core, against playing the same games
  with :func:`game.core.policies.play_game` and keeping nothing.

Goal for both: at most 1.5x the bare time. Timings alternate between the
two sides and the median of the repeats is kept, because the machines are
noisy.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from game.core.engine import replay
from game.core.policies import POLICIES, play_game
from game.reports.class_games import gather
from game.reports.class_render import render_markdown
from game.reports.classview import class_view
from game.reports.outcomes import RunSpec, describe_outcomes, run_games, summarize_outcomes
from game.reports.saveset import ScenarioFinder
from game.saves import write_save
from game.scenario.loader import load_scenario

Row = tuple[str, str, str, str]
GOAL = 1.5


def _alternate(bare: Callable[[], object], ours: Callable[[], object],
               repeats: int) -> tuple[float, float]:
    """Median times of two functions, run in turns so that drift hits both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeats):
        for fn, out in ((bare, a), (ours, b)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def _row(what: str, ours: float, bare: float, bare_what: str) -> Row:
    ratio = ours / bare if bare else float("inf")
    verdict = "ok" if ratio <= GOAL else "over"
    return (what, f"{ours:.2f} s", f"{bare:.2f} s {bare_what}",
            f"{ratio:.2f}x (goal <= {GOAL}x, {verdict})")


def bench_compare(scenario: Path, saves: int = 500, repeats: int = 3) -> list[Row]:
    loaded = load_scenario(scenario)
    rules = loaded.rules
    with tempfile.TemporaryDirectory(prefix="statecraft-bench-") as tmp:
        folder = Path(tmp)
        names = ("random", "greedy", "passive", "history")
        for i in range(saves):
            # Mostly random games, as a class plays; a few of each other policy.
            name = names[i % 25] if i % 25 < 4 else "random"
            state = play_game(rules, POLICIES[name], seed=i)
            write_save(folder / f"{i:04d}.json", state, f"Student {i}", loaded.path)
        files = sorted(folder.glob("*.json"))

        def bare() -> None:
            for f in files:
                data = json.loads(f.read_bytes())
                replay(rules, data["seed"], data["moves"])

        def ours() -> None:
            finder = ScenarioFinder(loaded)
            groups, skipped, _ = gather([str(folder)], finder)
            group_rules, games = groups[(rules.scenario.id, rules.digest)]
            assert not skipped and len(games) == saves
            render_markdown([class_view(group_rules, games)])

        t_bare, t_ours = _alternate(bare, ours, repeats)
    return [_row(f"compare over {saves} saves (read, check, replay, tally, render)", t_ours,
                 t_bare, "json.loads + engine.replay of the same files")]


def bench_simulate(scenario: Path, runs: int = 10_000, repeats: int = 1) -> list[Row]:
    loaded = load_scenario(scenario)
    rules = loaded.rules
    policy = POLICIES["random"]

    def bare() -> None:
        for seed in range(runs):
            play_game(rules, policy, seed=seed)

    def ours() -> None:
        records = run_games(rules, RunSpec(loaded.path, "random"), runs, seed=0, jobs=1)
        describe_outcomes(summarize_outcomes(rules, records))

    t_bare, t_ours = _alternate(bare, ours, repeats)
    return [_row(f"simulate --runs {runs:,}, one core (play, record, spread, influences)",
                 t_ours, t_bare, "play_game of the same seeds")]
