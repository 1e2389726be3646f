"""Is the scenario a game? The balance report: do its answers matter, does the answer that looks
best win, is there a better plan that takes nerve to find, how many turns ask nothing, does the
historical path still reproduce history, and does random play reach every ending.

Two kinds of game are played:

- the **historical game** (:func:`game.core.policies.historical_game`): history's policies,
  actions and answers, played "as history" (``new_game(..., history=True)``: chance events
  fire as they happened, gambles take the outcome that happened); it is the same on every seed,
  and it is what a player's score is measured against, so "history" below means it;
- **player games**, on the seeds ``seed .. seed + runs - 1``: played as a person would play
  them (``history=False``), so chance events and gambles are drawn from the seed.

A **plan** is what a player does differently from history: answers that differ from the USSR's
(every other event gets history's answer) and standing policies held at one option all game
(every other policy is set as history set it). History's actions are taken every turn. "History's
own answers" is the empty plan played as a player game: the same moves as history, with chance.

- ``answers_that_matter``: of the answers other than the historical one (every choice of every
  event that has choices), the share that, changed alone, move the mean final score by at
  least :data:`SCORE_MOVE` points or change the spread of endings (total variation distance
  between the two distributions of endings over the seeds at least :data:`ENDINGS_MOVE`),
  against history's own answers on the same seeds (the same dice: the answer's effect alone).
- ``best_looking_vs_history``: the player who takes history's actions and policies and answers
  each event with the choice whose displayed effect looks best (:func:`displayed_value`: the
  sure effects plus, for a gamble, its outcomes weighted by the odds the card shows), minus
  history (the mean over the seeds).
- ``best_plan_vs_history``: the best plan a steepest-ascent search finds (from history: each
  round tries every single step, an answer changed or a standing policy held at one option
  all game or given back to history's settings, and keeps the best if it raises the mean
  score; at most :data:`SEARCH_ROUNDS` rounds), minus history; and how many of its answers
  looked worse when made than another choice at that moment (first seed).
- ``all_three_aims_share``: the share of seeds in which that plan ends above history on every
  aim.
- ``routine_turn_share``: the share of the turns of the historical game in which the player has
  no real decision: no event asks a question, and no one-off action (``once: true``) becomes
  possible that was not possible at any moment of the turn before. Repeatable actions,
  standing policies (always there, changed when the player wants) and a one-off action left
  waiting from an earlier turn do not make a turn a decision: a student decides when something
  new is put in front of them.
- ``historical_path_exact``: history's policies, actions and answers played "as history" on
  every seed of the report give exactly the historical game (the same moves, log, aims and
  ending).
- ``random_endings``: how many of :data:`RANDOM_GAMES` random games (the random policy, as a
  player game) reach each ending; the goal is that every ending is reached.

A game that changes one answer plays exactly like its base plan until that event first waits
for an answer; it starts from the base game's state there (states are values), which halves the
work. Everything is deterministic: the same scenario, runs and seed give the same report, on any
number of processes.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
import os
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from game.core.effects import describe_ops
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
    outcome_odds,
    preview,
)
from game.core.policies import (
    Policy,
    historical_game,
    history_policy,
    history_with,
    random_policy,
)
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.i18n import _, ngettext
from game.present.numbers import number
from game.scenario.lint import (
    ENDINGS_MOVE,
    SCORE_MOVE,
    answer_matters,
    endings_distance,
    history_holding,
    same_as_history,
)

SEARCH_ROUNDS = 12
"""At most this many rounds of the plan search (each tries every single step)."""

IMPROVEMENT = 1e-6
"""A plan replaces the current one only if its mean score is higher by more than this."""

RANDOM_GAMES = 300
"""Random games played to see which endings random play reaches (``--random-games``)."""

Answers = tuple[tuple[int, int], ...]
"""Answers that differ from history: sorted (event position, choice position) pairs."""

Held = tuple[tuple[int, int], ...]
"""Standing policies held at one option all game: sorted (policy position, option position)."""

Step = tuple[str, int, int]
"""One change to a plan: ``("answer", event, choice)`` (history's choice: back to history) or
``("policy", policy, option)`` (option -1: back to history's settings)."""

@dataclass(frozen=True, slots=True)
class Plan:
    """What a player does differently from history (see the module's description)."""

    answers: Answers = ()
    policies: Held = ()

    def step(self, rules: Rules, step: Step) -> Plan:
        """This plan with one step made."""
        kind, i, k = step
        if kind == "answer":
            answers = dict(self.answers)
            if k == rules.events[i].historical_choice:
                answers.pop(i, None)
            else:
                answers[i] = k
            return Plan(tuple(sorted(answers.items())), self.policies)
        held = dict(self.policies)
        if k < 0:
            held.pop(i, None)
        else:
            held[i] = k
        return Plan(self.answers, tuple(sorted(held.items())))


HISTORY = Plan()


# -- one game ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the report keeps of one game."""

    seed: int
    ending: str | None
    final: tuple[float, ...]
    score: float
    fingerprint: str = ""
    """For the games played as history: a digest of the moves, log, trajectory, aims and
    ending, to compare with the historical game's."""


def outcome_of(state: GameState, fingerprint: bool = False) -> Outcome:
    return Outcome(state.seed, ending(state), state.aims, overall_score(state),
                   game_fingerprint(state) if fingerprint else "")


def game_fingerprint(state: GameState) -> str:
    """A digest of everything a finished game did except its seed (the same on every process:
    ``hash`` of a string is not)."""
    text = repr((state.moves, [tuple(e) for e in state.log()], state.trajectory, state.aims,
                 ending(state), state.answers(), state.events_fired()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _aim_weights(rules: Rules) -> list[float]:
    """What one point of each aim is worth in the score: its weight over its range."""
    return [a.weight / (rules.aim_max[i] - rules.aim_min[i])
            for i, a in enumerate(rules.scenario.aims)]


def displayed_value(state: GameState, choice: Choose) -> float:
    """How good a choice looks before it is made, from what its card shows: the changes to the
    aims of its sure effects (the engine's preview) plus, for a gamble, each outcome's changes to
    the aims (as the card lists them: ``add``, or ``set`` less the value after the sure effects)
    times its odds as things stand now; each aim weighted as the score weights it (its weight
    over its range)."""
    rules = state.rules
    weights = _aim_weights(rules)
    shown = preview(state, choice)
    total = 0.0
    for change in shown.aims:
        total += weights[rules.aim_index[change.id]] * change.delta
    odds = outcome_odds(state, choice.event, choice.choice)
    if odds:
        event = rules.event_index[choice.event]
        k = next(c.index for c in rules.events[event].choices if c.id == choice.choice)
        after = shown.after
        for (_id, chance), outcome in zip(odds, rules.outcomes[event][k], strict=True):
            for e in describe_ops(rules, outcome.effects):
                if e.kind != "aim":
                    continue
                i = rules.aim_index[e.target]
                delta = e.add if e.add is not None else \
                    (e.set if e.set is not None else after.aims[i]) - after.aims[i]
                total += chance * weights[i] * delta
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
    """History's policies and actions, and every answer picked by its displayed effect."""
    if state.pending_event is not None:
        return looks_best(state)
    return _HISTORY(state, rng)


_HISTORY = history_with({})


def plan_changes(rules: Rules, plan: Plan | Answers) -> dict[str, str]:
    """A plan's answers as event id -> choice id."""
    answers = plan.answers if isinstance(plan, Plan) else plan
    return {rules.events[e].id: rules.events[e].choices[c].id for e, c in answers}


def plan_policies(rules: Rules, plan: Plan) -> dict[str, str]:
    """A plan's standing policies as policy id -> option id."""
    return {rules.policies[k].id: rules.policies[k].option_ids[o] for k, o in plan.policies}


def plan_policy(rules: Rules, plan: Plan) -> Policy:
    """The player of a plan: its answers (history's elsewhere), its policies held from the
    first turn (history's settings for the others), history's actions every turn."""
    return history_holding(rules, plan_changes(rules, plan), plan_policies(rules, plan))


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


@dataclass(frozen=True, slots=True)
class Task:
    """Games to play (picklable): ``plan`` (the base plan, with ``step`` made if given),
    ``looks_best`` (the best-looking player), ``exact`` (history played as history) or
    ``random`` (the random policy)."""

    kind: str
    seeds: range
    base: Plan = HISTORY
    step: Step | None = None


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
            end = _play(new_game(self.rules, seed), plan_policy(self.rules, base), self.limit,
                        first)
            found = self.games[seed] = (outcome_of(end), first)
        return found

    def play(self, task: Task) -> list[Outcome]:
        rules, limit = self.rules, self.limit
        if task.kind == "looks_best":
            return [outcome_of(_play(new_game(rules, s), looks_best_policy, limit))
                    for s in task.seeds]
        if task.kind == "exact":
            return [outcome_of(_play(new_game(rules, s, history=True), history_policy, limit),
                               fingerprint=True) for s in task.seeds]
        if task.kind == "random":
            return [outcome_of(_play(new_game(rules, s), random_policy, limit))
                    for s in task.seeds]
        out = []
        step = task.step
        if step is not None and step[0] == "policy":  # held from the first turn: a new game
            policy = plan_policy(rules, task.base.step(rules, step))
            return [outcome_of(_play(new_game(rules, s), policy, limit)) for s in task.seeds]
        changed = None if step is None else plan_policy(rules, task.base.step(rules, step))
        for seed in task.seeds:
            base_outcome, first = self._base_game(task.base, seed)
            start = None if step is None else first.get(step[1])
            if changed is None or start is None:
                # No step, or its event is never asked on this plan's path: the same game.
                out.append(base_outcome)
                continue
            out.append(outcome_of(_play(start, changed, limit)))
        return out


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
    """Whether the event is asked on the path of history's own answers (first seed)."""
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
    """The historical game's score (the same on every seed)."""
    history_chance_score: float
    """History's own answers played as player games: the mean score over the seeds."""
    history_distinct: int
    """Distinct outcomes of history's own answers over the seeds (1: chance plays no part)."""
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
    best_plan_policies: dict[str, str] = field(default_factory=dict)
    """The standing policies the best plan holds all game (policy id -> option id)."""
    policy_steps: int = 0
    """Policy options the search tried in its first round."""
    exact_seeds: int = 0
    """Seeds on which history played as history gave exactly the historical game."""
    random_games: int = 0
    random_endings: dict[str, int] = field(default_factory=dict)
    """Every ending, in scenario order, with the random games that reached it."""
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
    def chance_vs_history(self) -> float:
        return self.history_chance_score - self.history_score

    @property
    def all_three_aims_share(self) -> float:
        return self.all_aims_seeds / self.runs

    @property
    def routine_turn_share(self) -> float:
        return self.routine_turns / self.turns if self.turns else 0.0

    @property
    def historical_path_exact(self) -> bool:
        return self.exact_seeds == self.runs

    @property
    def endings_reached(self) -> int:
        return sum(n > 0 for n in self.random_endings.values())

    @property
    def random_reaches_every_ending(self) -> bool:
        return self.endings_reached == len(self.random_endings)


GOALS: dict[str, str] = {
    "answers_that_matter": ">= 0.75",
    "best_looking_vs_history": "<= 0",
    "best_plan_vs_history": "> 0, with >= 3 worse-looking answers",
    "all_three_aims_share": "<= 1/3",
    "routine_turn_share": "<= 0.20",
    "historical_path_exact": "exact on every seed",
    "random_endings": "every ending reached",
}
"""The goals of issue 9 for the default scenario, by figure."""


def goals_met(b: Balance) -> dict[str, bool]:
    return {
        "answers_that_matter": b.answers_that_matter >= 0.75,
        "best_looking_vs_history": b.best_looking_vs_history <= 0,
        "best_plan_vs_history": b.best_plan_vs_history > 0 and len(b.worse_looking) >= 3,
        "all_three_aims_share": b.all_three_aims_share <= 1 / 3,
        "routine_turn_share": b.routine_turn_share <= 0.2,
        "historical_path_exact": b.historical_path_exact,
        "random_endings": b.random_reaches_every_ending,
    }


def answer_options(rules: Rules) -> list[tuple[int, int]]:
    """Every (event, choice) other than the historical one, in scenario order."""
    return [(ev.index, c.index) for ev in rules.events for c in ev.choices
            if c.index != ev.historical_choice]


def plan_steps(rules: Rules, plan: Plan) -> list[Step]:
    """Every single step from ``plan``: each event's other answers (history's included, as
    "back to history"), then each standing policy's options not held (and, for a held one,
    back to history's settings), in scenario order."""
    answers = dict(plan.answers)
    held = dict(plan.policies)
    steps: list[Step] = [("answer", ev.index, c.index) for ev in rules.events for c in ev.choices
                         if c.index != answers.get(ev.index, ev.historical_choice)]
    for pol in rules.policies:
        now = held.get(pol.index)
        for o in range(len(pol.option_ids)):
            if o != now and (now is not None or not same_as_history(rules, pol.index, o)):
                steps.append(("policy", pol.index, o))
        if now is not None:
            steps.append(("policy", pol.index, -1))
    return steps


def routine_turns(rules: Rules) -> tuple[int, int]:
    """(routine turns, turns played) of the historical game: a turn is routine when no event
    asks a question in it and no one-off action becomes possible in it that was not possible
    at any moment of the turn before (see the module's description)."""
    state = new_game(rules, 0, history=True)
    rng = random.Random(0)
    decision: dict[int, bool] = {}
    open_now: set[int] = set()
    open_before: set[int] = set()
    for _step in range(move_limit(rules)):
        if is_over(state):
            break
        turn = state.turn
        if turn not in decision:
            open_before, open_now = open_now, set()
            decision[turn] = False
        if state.pending_event is not None:
            decision[turn] = True
        else:
            for i in available_action_indices(state):
                if rules.actions[i].once:
                    open_now.add(i)
                    if i not in open_before:
                        decision[turn] = True
        state = apply_action(state, history_policy(state, rng))
    return sum(not d for d in decision.values()), len(decision)


def worse_looking(rules: Rules, plan: Plan, seed: int) -> list[str]:
    """The events whose answer in ``plan`` looked worse when made than another choice, by
    :func:`displayed_value`, in the game of ``seed``."""
    state = new_game(rules, seed)
    rng = random.Random(seed)
    policy = plan_policy(rules, plan)
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


def estimate_games(rules: Rules, runs: int, random_games: int = RANDOM_GAMES) -> int:
    """The games of the report before the search's rounds beyond the first: history's own
    answers, the best-looking player, every step from history (the search's first round) and
    history played as history, on every seed; and the random games."""
    return runs * (3 + len(plan_steps(rules, HISTORY))) + random_games


def balance(rules: Rules, scenario_path: str, runs: int, seed: int = 0, jobs: int = 1,
            progress: Callable[[int], None] | None = None,
            grow: Callable[[int], None] | None = None,
            random_games: int = RANDOM_GAMES) -> Balance:
    """The balance report of a scenario (see the module's description). ``progress`` is called
    with the games played so far; ``grow`` with the new estimate of the games to play, when
    the search needs another round."""
    chunks = seed_chunks(seed, runs)

    def tasks(base: Plan, steps: Sequence[Step | None]) -> list[Task]:
        return [Task("plan", chunk, base, step) for step in steps for chunk in chunks]

    def gather(results: list[list[Outcome]], plans: int) -> list[Games]:
        per = len(chunks)
        return [Games(tuple(o for part in results[i * per:(i + 1) * per] for o in part))
                for i in range(plans)]

    steps = plan_steps(rules, HISTORY)
    options = [(e, c) for kind, e, c in steps if kind == "answer"]
    history = historical_game(rules)
    with Runner(rules, scenario_path, jobs, progress) as runner:
        first = runner.run(tasks(HISTORY, [None, *steps])
                           + [Task("looks_best", chunk) for chunk in chunks]
                           + [Task("exact", chunk) for chunk in chunks])
        hist, *alone, looking, exact = gather(first, len(steps) + 3)
        randoms = [o for part in runner.run([Task("random", chunk) for chunk in
                                             seed_chunks(seed, random_games)])
                   for o in part] if random_games else []
        first_pending: dict[int, GameState] = {}
        _play(new_game(rules, seed), plan_policy(rules, HISTORY), move_limit(rules),
              first_pending)
        answers = []
        for (e, c), games in zip(options, alone[:len(options)], strict=True):
            change = games.mean_score - hist.mean_score
            distance = endings_distance(hist.endings(), games.endings())
            answers.append(AnswerEffect(rules.events[e].id, rules.events[e].choices[c].id,
                                        e in first_pending, change, distance,
                                        answer_matters(change, distance)))
        distinct = [hist.distinct, looking.distinct, *(g.distinct for g in alone)]
        # The search: steepest ascent over the steps, from history.
        plan, plan_games = HISTORY, hist
        candidates = list(zip(steps, alone, strict=True))
        rounds = 1
        estimate = estimate_games(rules, runs, random_games)
        while True:
            best = max(candidates, key=lambda sg: sg[1].mean_score, default=None)
            if best is None or best[1].mean_score <= plan_games.mean_score + IMPROVEMENT:
                break
            plan, plan_games = plan.step(rules, best[0]), best[1]
            if rounds >= SEARCH_ROUNDS:
                break
            rounds += 1
            moves = plan_steps(rules, plan)
            estimate += runs * len(moves)
            if grow:
                grow(estimate)
            candidates = list(zip(moves, gather(runner.run(tasks(plan, moves)), len(moves)),
                                  strict=True))
            distinct += [g.distinct for _, g in candidates]
        played = runner.done
    all_aims = sum(all(x > y for x, y in zip(p.final, history.aims, strict=True))
                   for p in plan_games.outcomes)
    mark = game_fingerprint(history)
    reached = {e.id: 0 for e in rules.endings}
    for o in randoms:
        if o.ending is not None:
            reached[o.ending] += 1
    routine, turns = routine_turns(rules)
    out = Balance(rules.scenario.id, runs, seed, played, overall_score(history),
                  hist.mean_score, hist.distinct, max(distinct), tuple(answers),
                  looking.mean_score, looks_best_answers(rules, seed), plan_changes(rules, plan),
                  plan_games.mean_score, rounds, tuple(worse_looking(rules, plan, seed)),
                  all_aims, routine, turns, plan_policies(rules, plan),
                  sum(kind == "policy" for kind, _e, _c in steps),
                  sum(o.fingerprint == mark for o in exact.outcomes), len(randoms), reached)
    return replace(out, goals=goals_met(out))


# -- as data and text ----------------------------------------------------------------------------


def _r(value: float, digits: int = 4) -> float:
    return round(value, digits) + 0.0  # no -0.0


RULES: dict[str, str] = {
    "history": "the historical game: history's policies, actions and answers played as history "
               "(chance events as they happened, gambles as they came out), the same on every "
               "seed; the player's score is measured against it",
    "player_games": "every other game is played as a person plays it: chance events and gambles "
                    "drawn from the seed; a plan is a set of answers that differ from history's "
                    "and of standing policies held at one option all game, with history's "
                    "actions every turn and history's policies and answers elsewhere",
    "answers_that_matter": f"an answer other than the historical one matters if, changed alone, "
                           f"it moves the mean final score over the seeds by at least "
                           f"{SCORE_MOVE:g} point(s) or the distribution of endings by a total "
                           f"variation distance of at least {ENDINGS_MOVE:g}, against history's "
                           f"own answers played on the same seeds",
    "displayed_value": "what the card shows: the changes to the aims in the engine's preview of "
                       "the choice (its sure effects) plus, for a gamble, each outcome's changes "
                       "to the aims times its odds as things stand; each aim times its weight "
                       "over its range (as the score weights it); ties go to the historical "
                       "choice",
    "search": f"steepest ascent from history: each round plays every single step (an answer "
              f"changed, a standing policy held at one of its options from the first turn, or a "
              f"held policy given back to history's settings) and keeps the best if it raises "
              f"the mean score; at most {SEARCH_ROUNDS} rounds",
    "all_three_aims_share": "the share of seeds whose best-plan game ends above the historical "
                            "game on every aim",
    "routine_turn_share": "a turn of the historical game is routine when no event asks a "
                          "question in it and no one-off action (once: true) becomes possible "
                          "in it that was not possible at any moment of the turn before; "
                          "repeatable actions, standing policies and one-off actions left "
                          "waiting from earlier turns are not decisions",
    "historical_path_exact": "history's policies, actions and answers played as history on "
                             "every seed of the report give the same moves, log, trajectory, "
                             "aims and ending as the historical game",
    "random_endings": "how many random games (the random policy, seeds from the first) reach "
                      "each ending",
}
"""The definitions, in English, for the JSON report."""


def balance_data(b: Balance, goals: bool) -> dict[str, object]:
    """The report as plain data: finite numbers only."""
    data: dict[str, object] = {
        "scenario": b.scenario, "runs": b.runs, "seed": b.seed, "games_played": b.games,
        "distinct_outcomes": {"history": b.history_distinct, "most_of_any_plan": b.most_distinct},
        "history_score": _r(b.history_score),
        "history_with_chance": {"score": _r(b.history_chance_score),
                                "vs_history": _r(b.chance_vs_history)},
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
                                 "policies": b.best_plan_policies,
                                 "worse_looking_answers": len(b.worse_looking),
                                 "worse_looking": list(b.worse_looking),
                                 "search_rounds": b.search_rounds,
                                 "most_rounds": SEARCH_ROUNDS,
                                 "policy_options_tried": b.policy_steps},
        "all_three_aims_share": {"value": _r(b.all_three_aims_share), "seeds": b.all_aims_seeds},
        "routine_turn_share": {"value": _r(b.routine_turn_share), "routine_turns": b.routine_turns,
                               "turns": b.turns},
        "historical_path_exact": {"value": b.historical_path_exact,
                                  "exact_seeds": b.exact_seeds, "seeds": b.runs},
        "random_endings": {"value": b.random_reaches_every_ending, "games": b.random_games,
                           "reached": b.endings_reached, "endings": len(b.random_endings),
                           "each": b.random_endings},
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
        lines.append(_("Chance plays a part: {history} distinct outcome(s) of history's own "
                       "answers over the seeds, up to {most} for a plan tried.").format(
            history=number(b.history_distinct, 0), most=number(b.most_distinct, 0)))
    lines.append(_("History scores {score} (the historical game: chance events and gambles as "
                   "they happened, the same on every seed).").format(
        score=number(b.history_score)))
    lines.append(_("History's own answers played with chance score {score} on average "
                   "({gap} against history).").format(
        score=number(b.history_chance_score), gap=number(b.chance_vs_history, signed=True)))
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
    row("historical_path_exact", _("historical path against history"),
        _("exact on every seed ({count} of {total})").format(count=b.exact_seeds,
                                                             total=b.runs)
        if b.historical_path_exact else
        _("differs on {count} of {total} seeds").format(count=b.runs - b.exact_seeds,
                                                        total=b.runs),
        _("exact, on every seed"))
    row("random_endings", _("random play reaches every ending"),
        ngettext("{count} of {total} ending ({games} games)",
                 "{count} of {total} endings ({games} games)", len(b.random_endings)).format(
            count=b.endings_reached, total=len(b.random_endings),
            games=number(b.random_games, 0)),
        _("every ending"))
    lines += _table(rows, {1})
    lines += ["", _("How each figure is measured:"),
              "  " + _("history: the historical game, played with history's policies, actions "
                       "and answers, chance events and gambles as they happened; every other "
                       "game is played as a player plays it, chance drawn from the seed;"),
              "  " + _("answers that matter: an answer other than the historical one, changed "
                       "alone on the historical path, moves the mean final score by at least "
                       "{points} point(s), or the endings by a total variation distance of at "
                       "least {distance} (the share of games whose ending changes);").format(
                  points=number(SCORE_MOVE, 0), distance=number(ENDINGS_MOVE)),
              "  " + _("best-looking: history's actions and policies, and each answer picked by "
                       "what its card shows: the sure changes to the aims plus, for a gamble, "
                       "each outcome's changes times its odds, weighted as the score weights "
                       "the aims;"),
              "  " + _("best plan: steepest ascent from history over single steps (an answer "
                       "changed, or a standing policy held at one option from the first turn), "
                       "every step tried each round, at most {rounds} rounds ({used} used); an "
                       "answer looked worse if another choice looked better on its card at "
                       "that moment (seed {seed});").format(
                  rounds=SEARCH_ROUNDS, used=b.search_rounds, seed=b.seed),
              "  " + _("routine turn: in the historical game, no event asks a question and no "
                       "one-off action becomes possible that was not possible the turn before "
                       "(repeatable actions, standing policies and one-off actions left waiting "
                       "are no new decision);"),
              "  " + _("historical path: history played as history on every seed gives the "
                       "same moves, log and aims as the historical game; random play: the "
                       "random policy, {games} games.").format(games=number(b.random_games, 0))]
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
    if b.best_plan_policies:
        lines.append(_("Standing policies it holds all game: {policies}").format(
            policies=_describe_plan(b.best_plan_policies)))
    if b.worse_looking:
        lines.append(_("Its answers that looked worse when made: {events}").format(
            events=_(", ").join(b.worse_looking)))
    if b.random_endings:
        lines.append(_("Endings of random play: {endings}").format(
            endings=_(", ").join(f"{e} {number(n, 0)}" for e, n in b.random_endings.items())))
    return lines


def _describe_plan(plan: Mapping[str, str]) -> str:
    if not plan:
        return _("none (history)")
    return _(", ").join(f"{e}: {c}" for e, c in plan.items())
