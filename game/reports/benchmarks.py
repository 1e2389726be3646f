"""Bench sections for the teacher tools: each against the bare engine doing the same games.

- ``compare`` over 500 saves, against reading the same files and replaying
  their moves with :func:`game.core.engine.replay` and nothing else;
- ``simulate`` of 10,000 games on one core, against playing the same games
  with :func:`game.core.policies.play_game` and keeping nothing;
- ``analyse`` of a whole game on two processes, against the same games played one by one
  on one core (goal: at most 1.2x their cost on two cores, and the whole game in 5 s).

Goal for both: at most 1.5x the bare time. Timings alternate between the
two sides and the median of the repeats is kept, because the machines are
noisy.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from game.core.analysis import (
    CONTINUATIONS,
    DEFAULT_GAMES,
    PlayedGame,
    branch_start,
    branches,
    read_game,
    reseed,
    world_generator,
)
from game.core.engine import apply_action, is_over, replay
from game.core.policies import POLICIES, history_with, play_game
from game.core.rules import Rules
from game.reports.analysis import describe, run_analysis
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


def analysis_game(rules: Rules, seed: int = 5) -> PlayedGame:
    """A game to analyse in the bench: history, with every third answer changed to its first
    other choice (a student who strays now and then)."""
    plan = {}
    for k, ev in enumerate(e for e in rules.events if len(e.choices) > 1):
        if k % 3 == 1:
            plan[ev.id] = next(c.id for c in ev.choices if c.index != ev.historical_choice)
    state = play_game(rules, history_with(plan), seed=seed)
    return read_game(rules, state.seed, state.moves)


def bench_analysis(scenario: Path, games: int = DEFAULT_GAMES, plain_games: int = 40,
                   repeats: int = 3) -> list[Row]:
    """The analysis of a whole game on two processes, against the same games played one by
    one with the engine and nothing else (an apply_action loop from each branch's start, on
    one core, counted at half its time for two cores); and the whole command's work (load,
    replay, analysis, text) against the 5-second goal."""
    loaded = load_scenario(scenario)
    rules = loaded.rules
    game = analysis_game(rules)
    todo = branches(game)

    def plain() -> None:
        for b in todo:
            start = branch_start(game, b)
            policy = game.continuation(b.continuation)
            rng = random.Random(0)
            for g in range(plain_games):
                state = reseed(start, world_generator(0, g))
                while not is_over(state):
                    state = apply_action(state, policy(state, rng))

    def ours() -> None:
        run_analysis(game, loaded.path, plain_games, 0, CONTINUATIONS, jobs=2)

    t_plain, t_ours = _alternate(plain, ours, repeats)
    played = len(todo) * plain_games
    ideal = t_plain / 2
    ratio = t_ours / ideal if ideal else float("inf")
    rows: list[Row] = [(
        f"analyse: {len(game.decisions)} decisions, {played:,} games ({plain_games} a choice), "
        "2 processes", f"{t_ours:.2f} s, {played / t_ours:,.0f} games/s",
        f"{t_plain:.2f} s plain play of the same games on one core ({played / t_plain:,.0f} "
        "games/s)", f"{ratio:.2f}x of the plain cost on 2 cores (goal <= 1.2x, "
        f"{'ok' if ratio <= 1.2 else 'over'})")]

    def whole() -> None:
        again = load_scenario(scenario)
        replayed = read_game(again.rules, game.seed, game.moves)
        describe(run_analysis(replayed, again.path, games, 0, CONTINUATIONS, jobs=2),
                 again.rules, "bench")

    t_whole = statistics.median(_timed(whole) for _ in range(repeats))
    total = len(todo) * games
    rows.append((f"analyse a whole game: load, replay, {total:,} games ({games} a choice), "
                 "text; 2 processes", f"{t_whole:.2f} s", f"{total / t_whole:,.0f} games/s",
                 f"goal <= 5 s ({'ok' if t_whole <= 5 else 'over'})"))
    return rows


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
