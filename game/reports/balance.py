"""Is the scenario a game? The balance report: do its answers matter, does the answer that looks
best win, is there a better plan that takes nerve to find, and how many turns ask nothing.

Every figure is measured on the historical path (history's actions, every turn) over ``runs``
game seeds ``seed .. seed + runs - 1``; a "plan" is a set of answers that differ from the
USSR's (:func:`game.core.policies.history_with`). Everything is deterministic: the same
scenario, runs and seed give the same report, on any number of processes.

- ``answers_that_matter``: of the answers other than the historical one (every choice of every
  event that has choices), the share that, changed alone, move the mean final score by at
  least :data:`SCORE_MOVE` points or change the spread of endings (total variation distance
  between the two distributions of endings over the seeds at least :data:`ENDINGS_MOVE`).
- ``best_looking_vs_history``: the player who takes history's actions and answers each event
  with the choice whose displayed effect looks best (:func:`displayed_value`), minus history
  (means over the seeds).
- ``best_plan_vs_history``: the best plan a steepest-ascent search over the answers finds
  (from history: each round tries every single answer changed, keeps the best if it raises the
  mean score, at most :data:`SEARCH_ROUNDS` rounds), minus history; and how many of its answers
  looked worse when made than another choice at that moment (on the first seed).
- ``all_three_aims_share``: the share of seeds in which that plan ends above history on every
  aim.
- ``routine_turn_share``: the share of the turns of the historical path (first seed) that ask
  no question and offer only repeatable actions (``once: false``).

A game that changes one answer plays exactly like its base plan until that event first waits
for an answer; it starts from the base game's state there (states are values), which halves the
work.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from game.core.engine import (
    Choose,
    GameState,
    Move,
    apply_action,
    available_action_indices,
    ending,
    is_over,
    move_limit,
    new_game,
    preview,
)
from game.core.policies import Policy, history_with
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.i18n import _, ngettext
from game.present.numbers import number
from game.scenario.lint import ENDINGS_MOVE, SCORE_MOVE, answer_matters, endings_distance

SEARCH_ROUNDS = 12
"""At most this many rounds of the plan search (each tries every single answer changed)."""

IMPROVEMENT = 1e-6
"""A plan replaces the current one only if its mean score is higher by more than this."""

Plan = tuple[tuple[int, int], ...]
"""Answers that differ from history: sorted (event position, choice position) pairs."""


# -- one game ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the report keeps of one game."""

    seed: int
    ending: str | None
    final: tuple[float, ...]
    score: float


def outcome_of(state: GameState) -> Outcome:
    return Outcome(state.seed, ending(state), state.aims, overall_score(state))


def displayed_value(state: GameState, choice: Choose) -> float:
    """How good a choice looks before it is made: the changes to the aims its expected effect
    shows (the engine's preview), each weighted as the score weights it (the aim's weight over
    its range): sum of weight * change / (max - min)."""
    rules = state.rules
    aims = rules.scenario.aims
    total = 0.0
    for change in preview(state, choice).aims:
        i = rules.aim_index[change.id]
        total += aims[i].weight * change.delta / (rules.aim_max[i] - rules.aim_min[i])
    return total


def looks_best(state: GameState) -> Choose:
    """The choice of the waiting event whose displayed effect looks best; on a tie the
    historical one, then the first."""
    rules = state.rules
    event = state.pending_event
    assert event is not None
    ev = rules.events[rules.event_index[event]]
    order = sorted(ev.choices, key=lambda c: (c.index != ev.historical_choice, c.index))
    best, best_value = None, -math.inf
    for c in order:
        move = Choose(ev.id, c.id)
        value = displayed_value(state, move)
        if value > best_value + 1e-12:
            best, best_value = move, value
    assert best is not None
    return best


def looks_best_policy(state: GameState, rng: random.Random) -> Move:
    """History's actions, and every answer picked by its displayed effect."""
    if state.pending_event is not None:
        return looks_best(state)
    return _HISTORY(state, rng)


_HISTORY = history_with({})


def plan_changes(rules: Rules, plan: Plan) -> dict[str, str]:
    """A plan as event id -> choice id."""
    return {rules.events[e].id: rules.events[e].choices[c].id for e, c in plan}


def _play(state: GameState, policy: Policy, limit: int,
          first_pending: dict[int, GameState] | None = None) -> GameState:
    rng = random.Random(state.seed)
    for _step in range(limit):
        if is_over(state):
            return state
        event = state.pending_event
        if first_pending is not None and event is not None:
            first_pending.setdefault(state.rules.event_index[event], state)
        state = apply_action(state, policy(state, rng))
    raise RuntimeError("the policy never finished the game")


class Player:
    """Plays the report's games for one scenario and remembers the base plan's games, so that
    a game changing one answer starts where that answer is first asked."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.limit = move_limit(rules)
        self.base: Plan | None = None
        self.games: dict[int, tuple[Outcome, dict[int, GameState]]] = {}

    def _base_game(self, base: Plan, seed: int) -> tuple[Outcome, dict[int, GameState]]:
        if base != self.base:
            self.base, self.games = base, {}
        found = self.games.get(seed)
        if found is None:
            first: dict[int, GameState] = {}
            end = _play(new_game(self.rules, seed), history_with(plan_changes(self.rules, base)),
                        self.limit, first)
            found = self.games[seed] = (outcome_of(end), first)
        return found

    def play(self, task: Task) -> list[Outcome]:
        if task.looks_best:
            return [outcome_of(_play(new_game(self.rules, s), looks_best_policy, self.limit))
                    for s in task.seeds]
        out = []
        for seed in task.seeds:
            base_outcome, first = self._base_game(task.base, seed)
            if task.change is None:
                out.append(base_outcome)
                continue
            event, choice = task.change
            start = first.get(event)
            if start is None:  # the event is never asked on this plan's path: the same game
                out.append(base_outcome)
                continue
            plan = tuple(sorted({**dict(task.base), event: choice}.items()))
            end = _play(start, history_with(plan_changes(self.rules, plan)), self.limit)
            out.append(outcome_of(end))
        return out


@dataclass(frozen=True, slots=True)
class Task:
    """Games to play (picklable): the base plan with at most one answer changed (its
    historical choice meaning "back to history"), or the best-looking player."""

    base: Plan
    change: tuple[int, int] | None
    seeds: range
    looks_best: bool = False


# -- many games, on one or more processes --------------------------------------------------------

_WORKER: dict[str, Player] = {}


def _worker_start(scenario_path: str) -> None:
    from game.scenario.loader import load_scenario

    _WORKER["player"] = Player(load_scenario(scenario_path).rules)


def _worker_play(task: Task) -> list[Outcome]:
    return _WORKER["player"].play(task)


class Runner:
    """Plays lists of tasks in order, in this process or on a pool of ``jobs`` processes
    (each loads the scenario from ``scenario_path``); the results are the same either way."""

    def __init__(self, rules: Rules, scenario_path: str, jobs: int,
                 progress: Callable[[int], None] | None) -> None:
        self.player = Player(rules)
        self.jobs = max(1, min(jobs, os.cpu_count() or 1))
        self.path = scenario_path
        self.pool: multiprocessing.pool.Pool | None = None
        self.progress = progress
        self.done = 0

    def __enter__(self) -> Runner:
        if self.jobs > 1:
            self.pool = multiprocessing.get_context().Pool(self.jobs, _worker_start, (self.path,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def run(self, tasks: Sequence[Task]) -> list[list[Outcome]]:
        results: Iterator[list[Outcome]]
        if self.pool is None:
            results = map(self.player.play, tasks)
        else:
            results = self.pool.imap(_worker_play, tasks)
        out = []
        for result in results:
            out.append(result)
            self.done += len(result)
            if self.progress:
                self.progress(self.done)
        return out


def seed_chunks(seed: int, runs: int, size: int = 50) -> list[range]:
    return [range(s, min(s + size, seed + runs)) for s in range(seed, seed + runs, size)]


# -- the figures ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Games:
    """One plan played on every seed."""

    outcomes: tuple[Outcome, ...]

    @property
    def mean_score(self) -> float:
        return math.fsum(o.score for o in self.outcomes) / len(self.outcomes)

    def endings(self) -> dict[str | None, float]:
        shares: dict[str | None, float] = {}
        for o in self.outcomes:
            shares[o.ending] = shares.get(o.ending, 0.0) + 1 / len(self.outcomes)
        return shares

    @property
    def distinct(self) -> int:
        return len({(o.ending, o.final, o.score) for o in self.outcomes})


@dataclass(frozen=True, slots=True)
class AnswerEffect:
    event: str
    choice: str
    asked: bool
    """Whether the event is asked on the historical path (of the first seed)."""
    score_change: float
    endings_distance: float
    matters: bool


@dataclass(frozen=True, slots=True)
class Balance:
    scenario: str
    runs: int
    seed: int
    games: int
    """Games played for the report (a game started from another's state counts as one)."""
    history_score: float
    history_distinct: int
    most_distinct: int
    """The most distinct outcomes over the seeds of any plan tried."""
    answers: tuple[AnswerEffect, ...]
    looks_best_score: float
    looks_best_answers: dict[str, str]
    """The best-looking player's answers that differ from history's (first seed)."""
    best_plan: dict[str, str]
    best_plan_score: float
    search_rounds: int
    worse_looking: tuple[str, ...]
    """The events whose answer in the best plan looked worse than another when made."""
    all_aims_seeds: int
    routine_turns: int
    turns: int
    goals: dict[str, bool] = field(default_factory=dict)

    @property
    def answers_that_matter(self) -> float:
        return sum(a.matters for a in self.answers) / len(self.answers) if self.answers else 0.0

    @property
    def best_looking_vs_history(self) -> float:
        return self.looks_best_score - self.history_score

    @property
    def best_plan_vs_history(self) -> float:
        return self.best_plan_score - self.history_score

    @property
    def all_three_aims_share(self) -> float:
        return self.all_aims_seeds / self.runs

    @property
    def routine_turn_share(self) -> float:
        return self.routine_turns / self.turns if self.turns else 0.0


GOALS: dict[str, str] = {
    "answers_that_matter": ">= 0.75",
    "best_looking_vs_history": "<= 0",
    "best_plan_vs_history": "> 0, with >= 3 worse-looking answers",
    "all_three_aims_share": "<= 1/3",
    "routine_turn_share": "<= 0.20",
}
"""The goals of issue 9 for the default scenario, by figure."""


def goals_met(b: Balance) -> dict[str, bool]:
    return {
        "answers_that_matter": b.answers_that_matter >= 0.75,
        "best_looking_vs_history": b.best_looking_vs_history <= 0,
        "best_plan_vs_history": b.best_plan_vs_history > 0 and len(b.worse_looking) >= 3,
        "all_three_aims_share": b.all_three_aims_share <= 1 / 3,
        "routine_turn_share": b.routine_turn_share <= 0.2,
    }


def answer_options(rules: Rules) -> list[tuple[int, int]]:
    """Every (event, choice) other than the historical one, in scenario order."""
    return [(ev.index, c.index) for ev in rules.events for c in ev.choices
            if c.index != ev.historical_choice]


def routine_turns(rules: Rules, seed: int) -> tuple[int, int]:
    """(routine turns, turns played) on the historical path of ``seed``: a turn is routine when
    no event asks a question in it and every action possible at any moment of it is repeatable
    (``once: false``), or none is."""
    state = new_game(rules, seed)
    rng = random.Random(seed)
    policy = history_with({})
    decision: dict[int, bool] = {}
    for _step in range(move_limit(rules)):
        if is_over(state):
            break
        turn = state.turn
        real = decision.get(turn, False)
        if state.pending_event is not None:
            real = True
        elif not real:
            real = any(rules.actions[i].once for i in available_action_indices(state))
        decision[turn] = real
        state = apply_action(state, policy(state, rng))
    return sum(not d for d in decision.values()), len(decision)


def worse_looking(rules: Rules, plan: Plan, seed: int) -> list[str]:
    """The events whose answer in ``plan`` (history elsewhere) looked worse when made than
    another choice, by :func:`displayed_value`, in the game of ``seed``."""
    state = new_game(rules, seed)
    rng = random.Random(seed)
    policy = history_with(plan_changes(rules, plan))
    out = []
    for _step in range(move_limit(rules)):
        if is_over(state):
            break
        move = policy(state, rng)
        if isinstance(move, Choose):
            ev = rules.events[rules.event_index[move.event]]
            made = displayed_value(state, move)
            if any(displayed_value(state, Choose(ev.id, c.id)) > made + 1e-9
                   for c in ev.choices if c.id != move.choice):
                out.append(ev.id)
        state = apply_action(state, move)
    return out


def looks_best_answers(rules: Rules, seed: int) -> dict[str, str]:
    end = _play(new_game(rules, seed), looks_best_policy, move_limit(rules))
    hist = {ev.id: ev.choices[ev.historical_choice].id for ev in rules.events if ev.choices}
    return {e: c for e, c in end.answers().items() if hist.get(e) != c}


def estimate_games(rules: Rules, runs: int) -> int:
    """The games of the report before the search's rounds beyond the first (history, the
    best-looking player and every answer changed alone, which is the search's first round)."""
    return runs * (2 + len(answer_options(rules)))


def balance(rules: Rules, scenario_path: str, runs: int, seed: int = 0, jobs: int = 1,
            progress: Callable[[int], None] | None = None,
            grow: Callable[[int], None] | None = None) -> Balance:
    """The balance report of a scenario (see the module's description). ``progress`` is called
    with the games played so far; ``grow`` with the new estimate of the games to play, when
    the search needs another round."""
    chunks = seed_chunks(seed, runs)
    options = answer_options(rules)
    history: Plan = ()

    def tasks(base: Plan, changes: Sequence[tuple[int, int] | None],
              best_looking: bool = False) -> list[Task]:
        return [Task(base, change, chunk, best_looking) for change in changes for chunk in chunks]

    def gather(results: list[list[Outcome]], plans: int) -> list[Games]:
        per = len(chunks)
        return [Games(tuple(o for part in results[i * per:(i + 1) * per] for o in part))
                for i in range(plans)]

    with Runner(rules, scenario_path, jobs, progress) as runner:
        first = runner.run(tasks(history, [None, *options]) + tasks(history, [None], True))
        hist, *alone, looking = gather(first, len(options) + 2)
        first_pending: dict[int, GameState] = {}
        _play(new_game(rules, seed), history_with({}), move_limit(rules), first_pending)
        answers = []
        for (e, c), games in zip(options, alone, strict=True):
            change = games.mean_score - hist.mean_score
            distance = endings_distance(hist.endings(), games.endings())
            answers.append(AnswerEffect(rules.events[e].id, rules.events[e].choices[c].id,
                                        e in first_pending, change, distance,
                                        answer_matters(change, distance)))
        distinct = [hist.distinct, looking.distinct, *(g.distinct for g in alone)]
        # The search: steepest ascent over the answers, from history.
        plan, plan_games = history, hist
        candidates = [(o, g) for o, g in zip(options, alone, strict=True)]
        rounds = 1
        estimate = estimate_games(rules, runs)
        while True:
            best = max(candidates, key=lambda og: og[1].mean_score, default=None)
            if best is None or best[1].mean_score <= plan_games.mean_score + IMPROVEMENT:
                break
            (event, choice), plan_games = best
            changed = dict(plan)
            if choice == rules.events[event].historical_choice:
                changed.pop(event, None)
            else:
                changed[event] = choice
            plan = tuple(sorted(changed.items()))
            if rounds >= SEARCH_ROUNDS:
                break
            rounds += 1
            moves = [(ev.index, c.index) for ev in rules.events for c in ev.choices
                     if c.index != dict(plan).get(ev.index, ev.historical_choice)]
            estimate += runs * len(moves)
            if grow:
                grow(estimate)
            candidates = list(zip(moves, gather(runner.run(tasks(plan, moves)), len(moves)),
                                  strict=True))
            distinct += [g.distinct for _, g in candidates]
        played = runner.done
    all_aims = sum(all(x > y for x, y in zip(p.final, h.final, strict=True))
                   for p, h in zip(plan_games.outcomes, hist.outcomes, strict=True))
    routine, turns = routine_turns(rules, seed)
    out = Balance(rules.scenario.id, runs, seed, played, hist.mean_score, hist.distinct,
                  max(distinct), tuple(answers), looking.mean_score,
                  looks_best_answers(rules, seed), plan_changes(rules, plan),
                  plan_games.mean_score, rounds, tuple(worse_looking(rules, plan, seed)),
                  all_aims, routine, turns)
    return replace(out, goals=goals_met(out))


# -- as data and text ----------------------------------------------------------------------------


def _r(value: float, digits: int = 4) -> float:
    return round(value, digits) + 0.0  # no -0.0


RULES: dict[str, str] = {
    "answers_that_matter": f"an answer other than the historical one matters if, changed alone "
                           f"on the historical path, it moves the mean final score over the "
                           f"seeds by at least {SCORE_MOVE:g} point(s) or the distribution of "
                           f"endings by a total variation distance of at least {ENDINGS_MOVE:g}",
    "displayed_value": "the changes to the aims in the engine's preview of the choice, each "
                       "times the aim's weight over its range (as the score weights it); ties go "
                       "to the historical choice",
    "search": f"steepest ascent from history: each round plays every single answer changed and "
              f"keeps the best if it raises the mean score; at most {SEARCH_ROUNDS} rounds",
    "all_three_aims_share": "the share of seeds whose best-plan game ends above history's game "
                            "of the same seed on every aim",
    "routine_turn_share": "a turn of the historical path (first seed) is routine when no event "
                          "asks a question in it and every action possible in it is repeatable "
                          "(once: false), or none is",
}
"""The definitions, in English, for the JSON report."""


def balance_data(b: Balance, goals: bool) -> dict[str, object]:
    """The report as plain data: finite numbers only."""
    data: dict[str, object] = {
        "scenario": b.scenario, "runs": b.runs, "seed": b.seed, "games_played": b.games,
        "distinct_outcomes": {"history": b.history_distinct, "most_of_any_plan": b.most_distinct},
        "history_score": _r(b.history_score),
        "answers_that_matter": {
            "value": _r(b.answers_that_matter), "matter": sum(a.matters for a in b.answers),
            "answers": len(b.answers), "not_asked_on_history": sum(not a.asked for a in b.answers),
            "each": [{"event": a.event, "choice": a.choice, "asked": a.asked,
                      "score_change": _r(a.score_change),
                      "endings_distance": _r(a.endings_distance), "matters": a.matters}
                     for a in b.answers]},
        "best_looking_vs_history": {"value": _r(b.best_looking_vs_history),
                                    "score": _r(b.looks_best_score),
                                    "answers": b.looks_best_answers},
        "best_plan_vs_history": {"value": _r(b.best_plan_vs_history),
                                 "score": _r(b.best_plan_score), "plan": b.best_plan,
                                 "worse_looking_answers": len(b.worse_looking),
                                 "worse_looking": list(b.worse_looking),
                                 "search_rounds": b.search_rounds,
                                 "most_rounds": SEARCH_ROUNDS},
        "all_three_aims_share": {"value": _r(b.all_three_aims_share), "seeds": b.all_aims_seeds},
        "routine_turn_share": {"value": _r(b.routine_turn_share), "routine_turns": b.routine_turns,
                               "turns": b.turns},
        "rules": RULES,
    }
    if goals:
        data["goals"] = {k: {"goal": GOALS[k], "met": v} for k, v in b.goals.items()}
    return data


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                             for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
            for r in rows]


def _percent(share: float) -> str:
    return _("{percent}%").format(percent=number(100 * share, 0))


def describe_balance(b: Balance, title: str, goals: bool) -> list[str]:
    """The report as lines of text for the terminal; with ``goals``, each figure beside the
    goal the default scenario is measured against."""
    matter = sum(a.matters for a in b.answers)
    lines = [ngettext("{title}: {games} played on {count} seed ({first})",
                      "{title}: {games} played on {count} seeds ({first}-{last})",
                      b.runs).format(
        title=title, count=number(b.runs, 0), first=b.seed, last=b.seed + b.runs - 1,
        games=ngettext("{count} game", "{count} games", b.games).format(
            count=number(b.games, 0)))]
    if b.most_distinct <= 1:
        lines.append(ngettext(
            "Nothing is left to chance: the {count} seed plays the same game on every plan tried.",
            "Nothing is left to chance: all {count} seeds play the same game on every plan tried.",
            b.runs).format(count=number(b.runs, 0)))
    else:
        lines.append(_("Chance plays a part: {history} distinct outcome(s) of the historical path "
                       "over the seeds, up to {most} for a plan tried.").format(
            history=number(b.history_distinct, 0), most=number(b.most_distinct, 0)))
    lines.append(_("History scores {score} (mean over the seeds).").format(
        score=number(b.history_score)))
    lines.append("")
    # TRANSLATORS: the headings of the table of balance.
    head = [_("measure"), _("now")]
    if goals:
        head += [_("goal"), ""]
    rows = [head]
    met = {True: _("met"), False: _("not met")}

    def row(key: str, label: str, value: str, goal: str) -> None:
        rows.append([label, value, goal, met[b.goals[key]]] if goals else [label, value])

    row("answers_that_matter", _("answers that matter"),
        _("{percent} ({count} of {total})").format(percent=_percent(b.answers_that_matter),
                                                  count=matter, total=len(b.answers)),
        _("at least {percent}").format(percent=_percent(0.75)))
    row("best_looking_vs_history", _("best-looking answers against history"),
        number(b.best_looking_vs_history, signed=True), _("at most 0"))
    row("best_plan_vs_history", _("best plan against history"),
        ngettext("{gain}, {count} answer looked worse", "{gain}, {count} answers looked worse",
                 len(b.worse_looking)).format(gain=number(b.best_plan_vs_history, signed=True),
                                              count=len(b.worse_looking)),
        _("positive, with at least 3 that looked worse"))
    row("all_three_aims_share", _("best plan beats history on every aim"),
        _("{percent} of seeds").format(percent=_percent(b.all_three_aims_share)),
        _("at most a third of seeds"))
    row("routine_turn_share", _("routine turns"),
        _("{percent} ({count} of {total})").format(percent=_percent(b.routine_turn_share),
                                                  count=b.routine_turns, total=b.turns),
        _("at most {percent}").format(percent=_percent(0.2)))
    lines += _table(rows, {1})
    lines += ["", _("How each figure is measured:"),
              "  " + _("answers that matter: an answer other than the historical one, changed "
                       "alone on the historical path, moves the mean final score by at least "
                       "{points} point(s), or the endings by a total variation distance of at "
                       "least {distance} (the share of games whose ending changes);").format(
                  points=number(SCORE_MOVE, 0), distance=number(ENDINGS_MOVE)),
              "  " + _("best-looking: history's actions, and each answer picked by the sum of "
                       "the aim changes its expected effect shows, weighted as the score "
                       "weights the aims;"),
              "  " + _("best plan: steepest ascent over the answers from history, every single "
                       "answer changed each round, at most {rounds} rounds ({used} used); an "
                       "answer looked worse if another choice had a better-looking expected "
                       "effect at that moment (seed {seed});").format(
                  rounds=SEARCH_ROUNDS, used=b.search_rounds, seed=b.seed),
              "  " + _("routine turn: no event asks a question and every action possible is "
                       "repeatable (once: false), on the historical path (seed {seed}).").format(
                  seed=b.seed)]
    movers = sorted((a for a in b.answers if a.matters),
                    key=lambda a: (-abs(a.score_change), a.event, a.choice))
    if movers:
        lines += ["", _("Answers that matter, largest change of the mean score first:")]
        rows = [[_("score"), _("endings"), _("answer")]]
        for a in movers:
            rows.append([number(a.score_change, signed=True), _percent(a.endings_distance),
                         f"{a.event}: {a.choice}"])
        lines += _table(rows, {0, 1})
    quiet = [a for a in b.answers if not a.matters]
    if quiet:
        never = sum(not a.asked for a in quiet)
        lines += ["", ngettext("{count} answer barely matters ({never} never asked on the "
                               "historical path): {answers}",
                               "{count} answers barely matter ({never} never asked on the "
                               "historical path): {answers}", len(quiet)).format(
            count=len(quiet), never=never,
            answers=_(", ").join(f"{a.event}: {a.choice}" for a in quiet))]
    lines.append("")
    lines.append(_("Best-looking answers that differ from history: {answers}").format(
        answers=_describe_plan(b.looks_best_answers)))
    lines.append(_("Best plan found: {answers}").format(answers=_describe_plan(b.best_plan)))
    if b.worse_looking:
        lines.append(_("Its answers that looked worse when made: {events}").format(
            events=_(", ").join(b.worse_looking)))
    return lines


def _describe_plan(plan: Mapping[str, str]) -> str:
    if not plan:
        return _("none (history)")
    return _(", ").join(f"{e}: {c}" for e, c in plan.items())
