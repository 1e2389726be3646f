"""Many games played headless, and what they show: the spread of outcomes against history.

:func:`play_records` plays games and keeps a small :class:`GameRecord` of
each; :func:`run_games` spreads them over processes (the same games, in the
same order, whatever the number of processes); :func:`summarize_outcomes`
turns the records into the spread of endings and aims, the historical path's
percentile in each, and the decisions that moved the score most.

Game ``i`` of a run is played with game seed ``seed + i`` and the same policy
seed, so a run is fully determined by the scenario, the policy and ``seed``.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.core.engine import GameState, ending
from game.core.policies import POLICIES, Policy, historical_game, play_game
from game.core.rules import Rules
from game.core.scoring import decision_label, overall_score
from game.i18n import N_, _, ngettext
from game.present.numbers import number
from game.reports.policy_file import PolicyPlan


@dataclass(frozen=True, slots=True)
class GameRecord:
    """What a simulation keeps of one game."""

    seed: int
    ending: int
    final: tuple[float, ...]
    score: float
    actions_taken: tuple[int, ...]
    """The scenario positions of the actions taken at least once."""
    answers: tuple[int, ...]
    """The position of the choice made at each event (-1: it did not fire or asked nothing)."""


def record_of(state: GameState, seed: int) -> GameRecord:
    rules = state.rules
    end = ending(state)
    answers = state.answers()
    return GameRecord(
        seed, next((e.index for e in rules.endings if e.id == end), -1), state.aims,
        overall_score(state), tuple(rules.action_index[a] for a in state.actions_taken()),
        tuple(next(c.index for c in ev.choices if c.id == answers[ev.id])
              if ev.id in answers else -1 for ev in rules.events))


@dataclass(frozen=True)
class RunSpec:
    """Everything a worker process needs to play its share of the games (picklable)."""

    scenario_path: str
    policy: str | PolicyPlan
    saves_dir: str | None = None
    scenario_file: str = ""

    @property
    def policy_name(self) -> str:
        return self.policy if isinstance(self.policy, str) else self.policy.name

    def make_policy(self) -> Policy:
        return POLICIES[self.policy] if isinstance(self.policy, str) else self.policy.policy()


def save_path(saves_dir: str | Path, policy_name: str, seed: int) -> Path:
    return Path(saves_dir) / f"game-{seed:05d}-{policy_name}.json"


def play_records(rules: Rules, spec: RunSpec, seeds: Sequence[int]) -> list[GameRecord]:
    """Play one game per seed; write each as a save too if ``spec.saves_dir`` is set.

    Raises :class:`game.saves.SaveError` if a save cannot be written.
    """
    policy = spec.make_policy()
    out = []
    for seed in seeds:
        state = play_game(rules, policy, seed=seed)
        if spec.saves_dir is not None:
            from game.saves import write_save

            write_save(save_path(spec.saves_dir, spec.policy_name, seed), state,
                       player=f"{spec.policy_name} #{seed}", scenario_file=spec.scenario_file)
        out.append(record_of(state, seed))
    return out


_WORKER: dict[str, object] = {}


def _worker_start(spec: RunSpec) -> None:
    from game.scenario.loader import load_scenario

    _WORKER["rules"] = load_scenario(spec.scenario_path).rules
    _WORKER["spec"] = spec


def _worker_play(seeds: range) -> list[GameRecord]:
    rules = _WORKER["rules"]
    spec = _WORKER["spec"]
    assert isinstance(rules, Rules) and isinstance(spec, RunSpec)
    return play_records(rules, spec, seeds)


def _chunks(first: int, runs: int, size: int) -> Iterator[range]:
    for start in range(first, first + runs, size):
        yield range(start, min(start + size, first + runs))


def run_games(rules: Rules, spec: RunSpec, runs: int, seed: int = 0, jobs: int = 1,
              progress: Callable[[int], None] | None = None) -> list[GameRecord]:
    """Play ``runs`` games (seeds ``seed .. seed + runs - 1``), on ``jobs`` processes.

    ``progress`` is called with the number of games finished so far. The
    records come back in seed order, the same for any ``jobs``.
    """
    jobs = max(1, min(jobs, runs, os.cpu_count() or 1))
    size = max(1, min(200, runs // (jobs * 8) or 1))
    records: list[GameRecord] = []
    if jobs == 1:
        for seeds in _chunks(seed, runs, size):
            records += play_records(rules, spec, seeds)
            if progress:
                progress(len(records))
        return records
    with multiprocessing.get_context().Pool(jobs, _worker_start, (spec,)) as pool:
        for part in pool.imap(_worker_play, _chunks(seed, runs, size)):
            records += part
            if progress:
                progress(len(records))
    return records


# -- statistics ----------------------------------------------------------------------------------


def quantile(ordered: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) of sorted values, interpolated between neighbours."""
    if not ordered:
        return math.nan
    pos = (len(ordered) - 1) * q
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def percentile_of(ordered: Sequence[float], value: float) -> float:
    """Where ``value`` falls among sorted values, 0-100 (ties count half)."""
    if not ordered:
        return math.nan
    below = sum(1 for v in ordered if v < value)
    equal = sum(1 for v in ordered if v == value)
    return round(100 * (below + equal / 2) / len(ordered), 1)


@dataclass(frozen=True, slots=True)
class Spread:
    """One measure (an aim, or the score) over the games, and history's place in it."""

    id: str
    name: str
    min: float
    p10: float
    median: float
    p90: float
    max: float
    mean: float
    history: float
    history_percentile: float


@dataclass(frozen=True, slots=True)
class EndingCount:
    id: str
    title: str
    games: int
    share: float
    historical: bool


@dataclass(frozen=True, slots=True)
class Influence:
    """How the score of the games that made a decision differs from that of the others."""

    kind: str  # "action" or "choice"
    id: str
    label: str
    made: int
    not_made: int
    difference: float


@dataclass(frozen=True, slots=True)
class Outcomes:
    games: int
    endings: tuple[EndingCount, ...]
    aims: tuple[Spread, ...]
    score: Spread
    influences: tuple[Influence, ...]
    """The decisions that moved the score most, largest difference first."""


def spread(ident: str, name: str, values: list[float], history: float) -> Spread:
    ordered = sorted(values)
    return Spread(ident, name, round(ordered[0], 2), round(quantile(ordered, 0.1), 2),
                  round(quantile(ordered, 0.5), 2), round(quantile(ordered, 0.9), 2),
                  round(ordered[-1], 2), round(sum(ordered) / len(ordered), 2),
                  round(history, 2), percentile_of(ordered, history))


def influences(rules: Rules, records: Sequence[GameRecord], top: int = 10) -> list[Influence]:
    """Mean score of the games that took each action (or made each choice) minus the others'.

    Only decisions that both enough games made and enough did not are
    compared (each side at least 2 games and 2% of them).
    """
    n = len(records)
    total = sum(r.score for r in records)
    sums: dict[tuple[str, int, int], float] = {}
    counts: dict[tuple[str, int, int], int] = {}
    for r in records:
        for action in r.actions_taken:
            key = ("action", action, 0)
            sums[key] = sums.get(key, 0.0) + r.score
            counts[key] = counts.get(key, 0) + 1
        for event, choice in enumerate(r.answers):
            if choice >= 0:
                key = ("choice", event, choice)
                sums[key] = sums.get(key, 0.0) + r.score
                counts[key] = counts.get(key, 0) + 1
    least = max(2, math.ceil(0.02 * n))
    scn = rules.scenario
    out = []
    for key, made in counts.items():
        if made < least or n - made < least:
            continue
        kind, index, choice = key
        diff = sums[key] / made - (total - sums[key]) / (n - made)
        if kind == "action":
            a = scn.actions[index]
            ident, label = a.id, a.name
        else:
            ev = scn.events[index]
            c = ev.choices[choice]
            ident, label = f"{ev.id}.{c.id}", decision_label(ev.title, c.label)
        out.append(Influence(kind, ident, label, made, n - made, round(diff, 2)))
    # Of two choices that split the games between them, one says all: keep the one that helps.
    mirrored = {(x.id.split(".")[0], x.made, x.not_made, x.difference)
                for x in out if x.kind == "choice" and x.difference > 0}
    out = [x for x in out if not (x.kind == "choice" and x.difference < 0 and
                                  (x.id.split(".")[0], x.not_made, x.made, -x.difference)
                                  in mirrored)]
    out.sort(key=lambda x: (-abs(x.difference), x.kind, x.id))
    return out[:top]


def summarize_outcomes(rules: Rules, records: Sequence[GameRecord]) -> Outcomes:
    """The spread of endings, aims and scores over ``records``, against the historical path."""
    if not records:
        raise ValueError("no games to summarize")
    hist = historical_game(rules)
    n = len(records)
    counts = [0] * len(rules.endings)
    for r in records:
        if r.ending >= 0:
            counts[r.ending] += 1
    endings = tuple(EndingCount(e.id, e.title, counts[i], round(100 * counts[i] / n, 1),
                                e.id == ending(hist))
                    for i, e in enumerate(rules.scenario.endings))
    aims = tuple(spread(a.id, a.name, [r.final[i] for r in records], hist.aims[i])
                 for i, a in enumerate(rules.scenario.aims))
    score = spread("score", N_("Score"), [r.score for r in records], overall_score(hist))
    return Outcomes(n, endings, aims, score, tuple(influences(rules, records)))


# -- as text and data ----------------------------------------------------------------------------


def record_data(rules: Rules, record: GameRecord) -> dict[str, object]:
    """One game as plain data: its ending, final aims and difference from history."""
    hist = historical_game(rules)
    return {
        "seed": record.seed,
        "ending": rules.endings[record.ending].id if record.ending >= 0 else None,
        "final": {a: round(v, 3) for a, v in zip(rules.aim_ids, record.final, strict=True)},
        "vs_history": {a: round(v - h, 3)
                       for a, v, h in zip(rules.aim_ids, record.final, hist.aims, strict=True)},
        "score": record.score,
    }


def outcomes_data(outcomes: Outcomes) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(outcomes)


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                             for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
            for r in rows]


def describe_outcomes(outcomes: Outcomes) -> list[str]:
    """The spread of outcomes as lines of text for the terminal."""
    n = outcomes.games
    lines = [_("Endings:")]
    # TRANSLATORS: the headings of the table of endings of simulate.
    rows = [[_("ending"), _("games"), _("share"), ""]]
    for e in outcomes.endings:
        rows.append([_("{title} ({id})").format(title=e.title, id=e.id), number(e.games, 0),
                     _("{percent}%").format(percent=number(e.share)),
                     _("<- history") if e.historical else ""])
    lines += _table(rows, {1, 2})
    lines += ["", ngettext("Aims at the end of the {count} game, against the historical path",
                           "Aims at the end of the {count} games, against the historical path",
                           n).format(count=number(n, 0)),
              _("(its percentile: the share of games that ended below it):")]
    rows = [[_("aim"), _("min"), _("10%"), _("median"), _("90%"), _("max"), _("history"),
             _("percentile")]]
    for s in (*outcomes.aims, outcomes.score):
        rows.append([_(s.name) if s is outcomes.score else s.name, number(s.min),
                     number(s.p10), number(s.median), number(s.p90), number(s.max),
                     number(s.history), _("{percent}%").format(
                         percent=number(s.history_percentile, 0))])
    lines += _table(rows, set(range(1, 8)))
    lines.append("")
    if outcomes.influences:
        lines += [_("Decisions that moved the score most"),
                  _("(mean score of the games that made it, minus that of the games that did "
                    "not):")]
        rows = [[_("difference"), _("decision"), _("made it"), _("did not")]]
        for inf in outcomes.influences:
            what = _("took '{action}'").format(action=inf.label) if inf.kind == "action" \
                else _("chose '{choice}'").format(choice=inf.label)
            rows.append([number(inf.difference, signed=True), what, number(inf.made, 0),
                         number(inf.not_made, 0)])
        lines += _table(rows, {0, 2, 3})
    else:
        lines.append(_("No decision was made by some games and not others often enough to "
                       "compare (try more --runs, or a random policy)."))
    return lines
