"""`python main.py simulate`: play whole games headless and show how they end against history."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from game.core.engine import GameState
from game.core.policies import POLICIES, historical_game, play_game
from game.core.scoring import overall_score
from game.tools.common import load_or_report


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="FILE", help="scenario file (default: the 1928-1941 one)")
    p.add_argument("--policy", choices=sorted(POLICIES), default="random",
                   help="how the games are played (default: random)")
    p.add_argument("--runs", type=int, default=10, metavar="N", help="number of games (default 10)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the first game")
    p.add_argument("--json", action="store_true", help="print the games as JSON")


def game_record(state: GameState, seed: int) -> dict[str, Any]:
    """One game's ending, final aims and difference from history, as plain data."""
    rules = state.rules
    hist = historical_game(rules)
    ending = rules.endings[state.ending_index].id if state.ending_index >= 0 else None
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
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    rules = loaded.rules
    policy = POLICIES[args.policy]
    records = [game_record(play_game(rules, policy, seed=args.seed + i), args.seed + i)
               for i in range(args.runs)]
    if args.json:
        print(json.dumps({"scenario": rules.scenario.id, "policy": args.policy,
                          "games": records}, indent=1))
        return 0
    hist = historical_game(rules)
    print(f"{rules.scenario.title}: {args.runs} game(s), policy '{args.policy}'")
    for r in records:
        aims = ", ".join(f"{a} {v:.1f} ({r['vs_history'][a]:+.1f})" for a, v in r["final"].items())
        print(f"  seed {r['seed']}: {r['ending']}; {aims}; score {r['score']:.1f}")
    endings: dict[str, int] = {}
    for r in records:
        endings[str(r["ending"])] = endings.get(str(r["ending"]), 0) + 1
    h_end = rules.endings[hist.ending_index].id
    print("endings: " + ", ".join(f"{k} {v}" for k, v in sorted(endings.items(),
                                                                  key=lambda kv: -kv[1])))
    mean = sum(r["score"] for r in records) / len(records)
    print(f"mean score {mean:.1f}; history scores {overall_score(hist):.1f} and ends '{h_end}'")
    return 0
