"""The analysis of one saved game, played on several processes, and its JSON and text forms.

:func:`run_analysis` plays every branch of :func:`game.core.analysis.branches` (each choice of
each decision, for each continuation, ``games`` times) in this process or on a pool of
``jobs`` processes, and puts the outcomes together with :func:`game.core.analysis.analyse`.
The branches are handed out one at a time, longest first, so the processes end together; the
outcomes are gathered in the branches' order, so the analysis is the same for any ``jobs``.

A worker gets the game from its parent when processes are forked (nothing is pickled but a
small :class:`Job`); where they are spawned it loads the scenario from its file and replays
the game's moves, and refuses a scenario file that changed meanwhile.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from game.core.analysis import (
    CONTINUATIONS,
    DEFAULT_GAMES,
    START,
    Analysis,
    Branch,
    Estimate,
    Outcomes,
    PlayedGame,
    analyse,
    branches,
    play_branch,
    read_game,
)
from game.core.rules import Rules
from game.i18n import _
from game.present import analysis as words

ANALYSIS_FORMAT = "statecraft-analysis"


@dataclass(frozen=True)
class Job:
    """What a worker process needs to rebuild the game analysed (picklable and hashable)."""

    scenario_path: str
    digest: str
    seed: int
    moves: tuple[str, ...]


_PREPARED: dict[Job, PlayedGame] = {}
"""Games prepared in this process, found again by forked workers without pickling."""

_WORKER: dict[str, Any] = {}


def _worker_start(job: Job, seed: int) -> None:
    game = _PREPARED.get(job)
    if game is None:  # a spawned process: rebuild the game from the scenario file
        from game.scenario.loader import load_scenario

        rules = load_scenario(job.scenario_path).rules
        if rules.digest != job.digest:
            raise RuntimeError(f"{job.scenario_path}: the scenario changed during the analysis")
        game = read_game(rules, job.seed, job.moves)
    _WORKER["game"] = game
    _WORKER["seed"] = seed


def _worker_play(task: tuple[Branch, int]) -> Outcomes:
    branch, games = task
    game = _WORKER["game"]
    assert isinstance(game, PlayedGame)
    return play_branch(game, branch, _WORKER["seed"], range(games))


def default_jobs() -> int:
    """Every core of the machine (the analysis is the same for any number)."""
    return max(1, os.cpu_count() or 1)


def run_analysis(game: PlayedGame, scenario_path: str, games: int = DEFAULT_GAMES,
                 seed: int = 0, continuations: Sequence[str] = CONTINUATIONS, jobs: int = 1,
                 progress: Callable[[int], None] | None = None) -> Analysis:
    """The analysis of ``game``: ``games`` games for each choice of each decision, for each
    continuation, on ``jobs`` processes (``scenario_path``: the scenario's file, read only by
    spawned processes). ``progress`` is called with the number of games played so far (see
    :func:`total_games`)."""
    conts = tuple(continuations)
    todo = branches(game, conts)
    jobs = max(1, min(jobs, len(todo), os.cpu_count() or 1))
    outcomes: dict[Branch, Outcomes] = {}
    done = 0
    if jobs == 1:
        for branch in todo:
            outcomes[branch] = play_branch(game, branch, seed, range(games))
            done += games
            if progress:
                progress(done)
        return analyse(game, outcomes, seed, games, conts)
    job = Job(scenario_path, game.rules.digest, game.seed, game.moves)
    _PREPARED[job] = game
    try:
        with multiprocessing.get_context().Pool(jobs, _worker_start, (job, seed)) as pool:
            for branch, result in zip(todo, pool.imap(_worker_play, [(b, games) for b in todo]),
                                      strict=True):
                outcomes[branch] = result
                done += games
                if progress:
                    progress(done)
    finally:
        _PREPARED.pop(job, None)
    return analyse(game, outcomes, seed, games, conts)


def total_games(game: PlayedGame, games: int, continuations: Sequence[str] = CONTINUATIONS) -> int:
    """How many games :func:`run_analysis` plays."""
    return len(branches(game, continuations)) * games


# -- the analysis as data (JSON) -----------------------------------------------------------------


def _estimate_data(est: Estimate, ending_ids: Sequence[str]) -> dict[str, Any]:
    return {
        "games": est.games,
        "expected_score": round(est.mean, 3),
        "standard_error": round(est.se, 3),
        "interval_95": [round(est.low, 3), round(est.high, 3)],
        "endings": {e: round(p, 4) for e, p in zip(ending_ids, est.endings, strict=True) if p},
    }


def analysis_data(analysis: Analysis, rules: Rules) -> dict[str, Any]:
    """The analysis as JSON-ready data: every number, with ids, titles and the sentences that
    say what was played (for the screens and other programs)."""
    scn = rules.scenario
    ids = analysis.ending_ids

    def diff(d: Any) -> dict[str, Any]:
        return {"difference": round(d.mean, 3), "standard_error": round(d.se, 3),
                "interval_95": [round(d.low, 3), round(d.high, 3)],
                "beyond_uncertainty": bool(d.beyond_uncertainty)}

    decisions = []
    for da in analysis.decisions:
        d = da.decision
        ev = scn.events[rules.event_index[d.event]]
        labels = {c.id: c.label for c in ev.choices}
        decisions.append({
            "number": d.number, "turn": d.turn, "date": words.decision_date(rules, d),
            "event": d.event, "title": ev.title, "chosen": d.chosen,
            "historical_choice": d.historical,
            "by_continuation": {
                est.continuation: {
                    "best_other": est.best_other,
                    "swing": diff(est.swing),
                    "choices": [{"choice": c.choice, "label": labels.get(c.choice, c.choice),
                                 **_estimate_data(c.estimate, ids),
                                 "against_chosen": diff(c.against_chosen)}
                                for c in est.choices],
                } for est in da.estimates},
        })
    turning = []
    for tp in analysis.turning_points:
        da = analysis.decisions[tp.decision]
        ev = scn.events[rules.event_index[da.decision.event]]
        turning.append({"decision": tp.decision, "event": da.decision.event, "title": ev.title,
                        "continuation": tp.continuation, "better": tp.better,
                        **diff(tp.swing),
                        "text": words.turning_point_lines(analysis, rules, tp)})
    return {
        "format": ANALYSIS_FORMAT,
        "version": 1,
        "scenario": analysis.scenario,
        "seed": analysis.seed,
        "games_per_choice": analysis.games,
        "games_played": analysis.games_played,
        "continuations": [{"id": c, "name": words.continuation_name(c),
                           "meaning": words.continuation_meaning(c, scn)}
                          for c in analysis.continuations],
        "turning_points_from": analysis.primary,
        "decisions_analysed": words.what_is_a_decision(),
        "final": {"score": analysis.final_score, "ending": analysis.final_ending},
        "history": {"score": analysis.history_score, "ending": analysis.history_ending},
        "endings": {e.id: e.title for e in scn.endings},
        "curves": {c: [{"decision": p.decision if p.decision != START else None,
                        "turn": p.turn, "date": words.turn_words(rules, p.turn),
                        **_estimate_data(p.estimate, ids)} for p in points]
                   for c, points in analysis.curves.items()},
        "decisions": decisions,
        "turning_points": turning,
    }


def describe(analysis: Analysis, rules: Rules, save_name: str) -> list[str]:
    """The analysis as lines of text for the terminal."""
    out = words.header_lines(analysis, rules, save_name)
    out += [""] + words.curve_lines(analysis, rules)
    out += [""] + words.turning_point_section(analysis, rules)
    out += [""] + words.decision_table(analysis, rules)
    return out


def no_decisions_line(save_name: str) -> str:
    return _("{file}: no event was answered in this game: there is nothing to analyse "
             "yet").format(file=save_name)
