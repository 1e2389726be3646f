"""The analysis of a finished game: at each of the player's decisions, what each choice would
likely have brought, estimated by playing the rest of the game many times from there.

What counts as a decision: every answer the player gave to an event (a :class:`Choose` move).
One-off actions are not analysed as decisions of their own: "not taking" an action has no
single moment and no fixed list of alternatives (take it now, next turn, never), and most of
a scenario's actions can be taken again. Their effect is not lost: every estimate starts from
the state the player reached, with every action taken before it, so the curve moves with them.

How an estimate is made: from the state in which the question waited, the choice is made,
the world's generator is reseeded (:func:`reseed`, one generator per game:
:func:`world_generator`), and the rest of the game is played by a stated continuation:

- ``own`` ("your own play afterwards"): the player's own later moves where they still apply
  -- the same answer to an event the player answered, the actions and standing policies the
  player set on each turn when the rules still allow them; an event the player never saw
  gets the historical answer, and the turns after the player's game ended follow history;
- ``history`` ("history afterwards"): what the USSR did from there on (the historical path's
  policies, actions and answers; :func:`game.core.policies.history_policy`).

Each choice of a decision is played on the same world generators (game ``g`` of every choice
draws from ``world_generator(seed, g)``), so two choices are compared on the same luck and
their difference is estimated with a paired standard error, much smaller than either mean's.

The expected final score is the mean of :func:`game.core.scoring.overall_score` over the
games, with its standard error; the odds of each ending are the shares of the games that end
that way. A decision is a turning point only when the difference between the choice made and
the best other choice lies beyond its 95% interval (:data:`Z95` standard errors) and is at
least :data:`MIN_SWING` points.

Everything is deterministic: the same game, seed, number of games and continuations give the
same analysis in any process, played in one process or spread over several (each branch's
games are played the same way wherever they run, and gathered in a fixed order).

Pure Python, no I/O: the parallel runner is :mod:`game.reports.analysis`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from game.core.engine import (
    MASK64,
    Choose,
    EndTurn,
    GameState,
    Move,
    SetPolicy,
    TakeAction,
    action_allowed,
    apply_action,
    move_limit,
    new_game,
    next_draw,
    parse_move,
)
from game.core.policies import Policy, historical_game, history_policy
from game.core.rules import Rules
from game.core.scoring import overall_score

OWN = "own"
HISTORY = "history"
CONTINUATIONS = (OWN, HISTORY)
"""The continuations, the default (used for the turning points) first."""

DEFAULT_GAMES = 200
"""Games played for each choice of each decision, per continuation, unless asked otherwise."""

Z95 = 1.959963984540054
"""Standard errors on either side of a mean that make its 95% interval."""

MIN_SWING = 0.5
"""A turning point changes the expected score by at least this many points (of 100), however
small its uncertainty: below that no player would notice the difference."""

MOST_TURNING_POINTS = 5
"""At most this many turning points are named (the largest differences)."""

START = -1
"""The decision number of the game's start (the first point of the curve)."""

_GOLDEN = 0x9E3779B97F4A7C15


def _mix(z: int) -> int:
    """The splitmix64 finaliser: a 64-bit number spread over all 64 bits."""
    z &= MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def world_generator(seed: int, game: int) -> int:
    """The state of the world's generator for game ``game`` of an analysis run with ``seed``:
    a 64-bit number, the same in any process, different for every (seed, game) pair."""
    return _mix(_mix(seed * _GOLDEN + 0x5DEECE66D) + (game + 1) * _GOLDEN)


def reseed(state: GameState, generator: int) -> GameState:
    """The same state with the world's generator set to ``generator`` (64 bits; see
    :func:`world_generator`): everything already done is kept, and what chance decides from
    now on (chance events, the outcomes of gambles) is drawn anew. Playing one state many
    times with different generators gives the spread of its possible futures. A historical
    game (``new_game(..., history=True)``) casts no dice, so reseeding it changes nothing."""
    return state._replace(rng=generator & MASK64)


# -- the game analysed -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """One answer the player gave: the question, the choice made and the state it was made in."""

    number: int
    """Its position among the game's decisions (0 for the first)."""
    move: int
    """Its position among the game's moves."""
    turn: int
    event: str
    chosen: str
    choices: tuple[str, ...]
    """Every choice of the event, in scenario order."""
    historical: str
    """What the USSR chose (the scenario's ``historical_choice``, else the first choice)."""
    before: GameState
    """The state in which the question waited for the answer."""


class OwnPlay:
    """The continuation ``own``: the player's own later moves where they still apply.

    An event is answered as the player answered it, or historically if the player never saw
    it; on each turn the player's actions and standing policies of that turn are made again
    where the rules allow them (in the player's order); the turns after the player's game
    ended follow history. Deterministic: it never draws from its generator."""

    def __init__(self, rules: Rules, moves: Sequence[str], turns: Sequence[int],
                 last_turn: int) -> None:
        answers: list[Choose | None] = [None] * len(rules.events)
        # Per turn: (0, action, 0, move) or (1, policy, option, move), in the player's order.
        by_turn: list[list[tuple[int, int, int, Move]]] = [[] for _ in range(rules.turns)]
        for text, turn in zip(moves, turns, strict=True):
            move = parse_move(text)
            if isinstance(move, Choose):
                answers[rules.event_index[move.event]] = move
            elif isinstance(move, TakeAction):
                index = rules.action_index[move.action]
                by_turn[turn].append((0, index, 0, rules.take_moves[index]))
            elif isinstance(move, SetPolicy):
                k = rules.policy_index[move.policy]
                option = rules.policies[k].option_ids.index(move.option)
                # The last setting of a policy in a turn is the one that stands.
                by_turn[turn] = [m for m in by_turn[turn] if not (m[0] == 1 and m[1] == k)]
                by_turn[turn].append((1, k, option, move))
        self.answers = tuple(answers)
        self.by_turn = tuple(tuple(t) for t in by_turn)
        self.last_turn = last_turn

    def __call__(self, state: GameState, rng: random.Random) -> Move:
        if state.pending:
            event = state.pending[0]
            answer = self.answers[event]
            if answer is not None:
                return answer
            return state.rules.historical_answers[event] or _END
        turn = state.turn
        if turn > self.last_turn:
            return history_policy(state, rng)
        for kind, index, option, move in self.by_turn[turn]:
            if kind == 0:
                if index not in state.taken_this_turn and action_allowed(state, index):
                    return move
            elif state.policy_choice[index] != option:
                return move
        return _END


_END = EndTurn()


@dataclass(frozen=True)
class PlayedGame:
    """A finished (or unfinished) game read for analysis: its decisions and continuations."""

    rules: Rules
    seed: int
    moves: tuple[str, ...]
    final: GameState
    decisions: tuple[Decision, ...]
    own: OwnPlay

    def continuation(self, name: str) -> Policy:
        """The policy that plays the rest of a game for continuation ``name``."""
        if name == OWN:
            return self.own
        if name == HISTORY:
            return history_policy
        raise ValueError(f"unknown continuation '{name}' (use one of {', '.join(CONTINUATIONS)})")


def read_game(rules: Rules, seed: int, moves: Iterable[str]) -> PlayedGame:
    """Replay a game's moves (as a save stores them) and find its decisions. Raises
    :class:`game.core.engine.MoveSyntaxError` or :class:`game.core.engine.IllegalMoveError`
    for moves the rules refuse."""
    state = new_game(rules, seed)
    texts = tuple(moves)
    turns: list[int] = []
    found: list[Decision] = []
    for position, text in enumerate(texts):
        move = parse_move(text)
        turns.append(state.turn)
        if isinstance(move, Choose) and state.pending:
            ev = rules.events[state.pending[0]]
            historical = rules.historical_answers[ev.index]
            found.append(Decision(len(found), position, state.turn, ev.id, move.choice,
                                  tuple(c.id for c in ev.choices),
                                  historical.choice if historical else "", state))
        state = apply_action(state, move)
    return PlayedGame(rules, seed, texts, state, tuple(found),
                      OwnPlay(rules, texts, turns, state.turn))


# -- playing the futures -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Branch:
    """A set of futures to play: after choice ``choice`` of decision ``decision`` (or from the
    game's start: :data:`START` and no choice), with continuation ``continuation``."""

    decision: int
    choice: str
    continuation: str


Outcomes = tuple[tuple[float, ...], tuple[int, ...]]
"""The final scores and the endings (positions in the scenario) of a branch's games, in
game order."""


def branches(game: PlayedGame, continuations: Sequence[str] = CONTINUATIONS) -> list[Branch]:
    """Every branch an analysis plays, longest games first (so that the work spread over
    processes ends together): each continuation from the start, then each choice of each
    decision."""
    out = [Branch(START, "", c) for c in continuations]
    for d in game.decisions:
        out += [Branch(d.number, choice, c) for c in continuations for choice in d.choices]
    return out


def branch_start(game: PlayedGame, branch: Branch) -> GameState:
    """The state a branch's games start from (before reseeding)."""
    if branch.decision == START:
        return new_game(game.rules, game.seed)
    d = game.decisions[branch.decision]
    return apply_action(d.before, Choose(d.event, branch.choice))


def play_branch(game: PlayedGame, branch: Branch, seed: int, games: Iterable[int]) -> Outcomes:
    """Play games ``games`` of a branch (game ``g`` on :func:`world_generator` ``(seed, g)``)
    to their end; return their scores and endings, in the order of ``games``.

    The games are played together, and exactly as each would be played alone: games whose
    states differ only in their generators make the same moves, so each such group is played
    once, and split only at a move that draws from the generators (the end of a turn with a
    chance event or a gamble), into the groups whose draws came out the same way. A world
    with little chance costs a few games instead of hundreds; a world where every draw
    differs costs what playing each game alone does. (This relies on the continuations
    drawing nothing from their own generator, and on the engine advancing the world's
    generator at every draw: a move that leaves it unchanged drew nothing.)"""
    order = list(games)
    start = branch_start(game, branch)
    policy = game.continuation(branch.continuation)
    limit = move_limit(game.rules)
    rng = random.Random(0)  # the continuations draw nothing: a generator for the signature
    apply = apply_action
    scores: list[float] = [0.0] * len(order)
    endings: list[int] = [0] * len(order)
    # A group: a state, the moves it has made, and its games as (position, generator); the
    # state carries the first game's generator.
    members = [(i, world_generator(seed, g)) for i, g in enumerate(order)]
    groups: list[tuple[GameState, int, list[Member]]] = []
    if members:
        groups.append((reseed(start, members[0][1]), 0, members))
    while groups:
        state, steps, members = groups.pop()
        while True:
            if state.ending_index >= 0:
                score = overall_score(state)
                for i, _generator in members:
                    scores[i] = score
                    endings[i] = state.ending_index
                break
            if steps >= limit:
                raise RuntimeError("the continuation never finished the game")
            move = policy(state, rng)
            after = apply(state, move)
            steps += 1
            if after.rng == state.rng or len(members) == 1:
                if len(members) == 1:
                    members = [(members[0][0], after.rng)]
                state = after
                continue
            # The move drew from the world's generator: each game draws its own, and the
            # games whose draws came out the same way go on together.
            for first, group in _split(state, move, after, members):
                groups.append((first, steps, group))
            break
    return tuple(scores), tuple(endings)


_KEPT = tuple(i for i, name in enumerate(GameState._fields)
              if name not in ("rules", "seed", "rng", "move_chain", "log_chain", "trajectory"))
"""The fields of a state that two games of a group must share after a draw (the moves made
are the group's own; the trajectory grows from the aims; the log is compared as it grew)."""


Member = tuple[int, int]
"""A game of a group: its position in the branch's games, and its generator's state."""


def _split(state: GameState, move: Move, after: GameState,
           members: list[Member]) -> list[tuple[GameState, list[Member]]]:
    """The groups the games of ``members`` form after ``move``, which draws from the world's
    generator: ``after`` is the first game's state after it. Each group: a state (carrying
    its first game's generator) and its games, with their generators after the move.

    When the move makes one draw, its result only depends on where the draw falls (an event
    fires when the draw is below its chance; a gamble's outcome is the span of the odds the
    draw falls in), so the games are put in the order of their draws and only the ends of
    each run of equal results are played (a bisection); otherwise every game is played."""
    apply = apply_action
    states: dict[int, GameState] = {0: after}
    if after.rng == (state.rng + _GOLDEN) & MASK64 and len(members) > 2:
        order = sorted(range(len(members)), key=lambda k: next_draw(members[k][1])[1])

        def played(k: int) -> GameState:
            found = states.get(k)
            if found is None:
                found = states[k] = apply(state._replace(rng=members[k][1]), move)
            return found

        def one_draw(k: int) -> bool:
            return played(k).rng == (members[k][1] + _GOLDEN) & MASK64

        runs: list[tuple[int, int]] = []  # (first, last) positions in `order` of equal results
        todo = [(0, len(order) - 1)]
        ok = True
        while todo and ok:
            lo, hi = todo.pop()
            a, b = order[lo], order[hi]
            ok = one_draw(a) and one_draw(b)
            if not ok:
                break
            if _same_future_key(state, played(a)) == _same_future_key(state, played(b)):
                runs.append((lo, hi))
            elif hi - lo == 1:
                runs += [(lo, lo), (hi, hi)]
            else:
                mid = (lo + hi) // 2
                todo += [(mid, hi), (lo, mid)]
        if ok:
            split: dict[tuple[object, ...], tuple[GameState, list[Member]]] = {}
            seen: set[int] = set()
            for lo, hi in sorted(runs):
                rep = played(order[lo])
                key = _same_future_key(state, rep)
                found = split.get(key)
                if found is None:
                    found = split[key] = (rep, [])
                for pos in range(lo, hi + 1):
                    k = order[pos]
                    if k not in seen:  # a run's ends may be shared with its neighbour's
                        seen.add(k)
                        found[1].append((members[k][0], (members[k][1] + _GOLDEN) & MASK64))
            return [(rep._replace(rng=group[0][1]), group) for rep, group in split.values()]
    # Several draws (or few games): every game plays the move.
    groups: dict[tuple[object, ...], tuple[GameState, list[Member]]] = {}
    for k, (i, generator) in enumerate(members):
        mine = states.get(k) or apply(state._replace(rng=generator), move)
        key = _same_future_key(state, mine)
        found = groups.get(key)
        if found is None:
            groups[key] = (mine, [(i, mine.rng)])
        else:
            found[1].append((i, mine.rng))
    return list(groups.values())


def _same_future_key(before: GameState, after: GameState) -> tuple[object, ...]:
    """What two games that made the same move from the same state (but their generators)
    must share to go on as one: every field but the generator, and the log entries the move
    added."""
    added = []
    node = after.log_chain
    stop = before.log_chain
    while node is not None and node is not stop:
        added.append(node[0])
        node = node[1]
    return (*(after[i] for i in _KEPT), tuple(added))


def play_branch_alone(game: PlayedGame, branch: Branch, seed: int,
                      games: Iterable[int]) -> Outcomes:
    """The same as :func:`play_branch`, each game played on its own from the start of the
    branch: the plain way, for checking and for measuring the shared way against."""
    start = branch_start(game, branch)
    policy = game.continuation(branch.continuation)
    limit = move_limit(game.rules)
    rng = random.Random(0)
    apply = apply_action
    scores: list[float] = []
    endings: list[int] = []
    for g in games:
        state = reseed(start, world_generator(seed, g))
        for _step in range(limit):
            if state.ending_index >= 0:
                break
            state = apply(state, policy(state, rng))
        else:
            raise RuntimeError("the continuation never finished the game")
        scores.append(overall_score(state))
        endings.append(state.ending_index)
    return tuple(scores), tuple(endings)


def replay_branch(game: PlayedGame, branch: Branch, seed: int, g: int) -> GameState:
    """The final state of game ``g`` of a branch: one of the futures an estimate averages
    (for a screen that shows one, or a "try again from here" that opens it)."""
    state = reseed(branch_start(game, branch), world_generator(seed, g))
    policy = game.continuation(branch.continuation)
    rng = random.Random(0)
    for _step in range(move_limit(game.rules)):
        if state.ending_index >= 0:
            return state
        state = apply_action(state, policy(state, rng))
    raise RuntimeError("the continuation never finished the game")


# -- the estimates -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Estimate:
    """The expected final score of a set of futures, and the odds of each ending."""

    games: int
    mean: float
    se: float
    """The standard error of the mean."""
    endings: tuple[float, ...]
    """The share of the games that ended each way, in the scenario's order of endings."""

    @property
    def low(self) -> float:
        """The lower end of the 95% interval of the mean."""
        return self.mean - Z95 * self.se

    @property
    def high(self) -> float:
        """The upper end of the 95% interval of the mean."""
        return self.mean + Z95 * self.se

    def ending_se(self, index: int) -> float:
        """The standard error of the share of ending ``index``."""
        p = self.endings[index]
        return math.sqrt(p * (1 - p) / self.games) if self.games else 0.0


@dataclass(frozen=True, slots=True)
class Difference:
    """A difference of expected scores between two sets of futures played on the same luck
    (paired game by game), with its standard error."""

    mean: float
    se: float

    @property
    def low(self) -> float:
        return self.mean - Z95 * self.se

    @property
    def high(self) -> float:
        return self.mean + Z95 * self.se

    @property
    def beyond_uncertainty(self) -> bool:
        """Whether the difference lies beyond its 95% interval: the interval leaves out zero."""
        return abs(self.mean) > Z95 * self.se


def _mean_se(values: Sequence[float]) -> tuple[float, float]:
    n = len(values)
    if n == 0:
        return math.nan, math.nan
    mean = math.fsum(values) / n
    if n < 2:
        return mean, 0.0
    var = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, math.sqrt(var / n)


def estimate(outcomes: Outcomes, endings: int) -> Estimate:
    """The estimate of a branch's games (``endings``: how many endings the scenario has)."""
    scores, ends = outcomes
    mean, se = _mean_se(scores)
    n = len(ends)
    counts = [0] * endings
    for e in ends:
        if 0 <= e < endings:
            counts[e] += 1
    return Estimate(n, mean, se, tuple(c / n if n else 0.0 for c in counts))


def difference(a: Outcomes, b: Outcomes) -> Difference:
    """The paired difference of expected scores ``a - b`` (the same games, game by game)."""
    if len(a[0]) != len(b[0]):
        raise ValueError("a paired difference needs the same games on both sides")
    mean, se = _mean_se([x - y for x, y in zip(a[0], b[0], strict=True)])
    return Difference(mean, se)


@dataclass(frozen=True, slots=True)
class ChoiceEstimate:
    """One choice of a decision under one continuation."""

    choice: str
    estimate: Estimate
    against_chosen: Difference
    """This choice's expected score minus the choice made's (zero for the choice made)."""


@dataclass(frozen=True, slots=True)
class DecisionEstimate:
    """Every choice of a decision, under one continuation."""

    continuation: str
    choices: tuple[ChoiceEstimate, ...]
    """In the scenario's order of choices."""
    chosen: Estimate
    best_other: str
    """The other choice with the highest expected score ("" if the event had one choice)."""
    swing: Difference
    """The choice made minus the best other choice: below zero, a better choice was there
    (a mistake); above zero, every other choice was worse by at least this much."""

    def choice(self, choice_id: str) -> ChoiceEstimate:
        return next(c for c in self.choices if c.choice == choice_id)


@dataclass(frozen=True, slots=True)
class DecisionAnalysis:
    decision: Decision
    estimates: tuple[DecisionEstimate, ...]
    """One per continuation, in the analysis's order of continuations."""

    def under(self, continuation: str) -> DecisionEstimate:
        return next(e for e in self.estimates if e.continuation == continuation)


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """The expected final score at one moment of the game: at its start, or just after a
    decision (with every move made before it)."""

    decision: int
    """:data:`START` or the decision's number."""
    turn: int
    estimate: Estimate


@dataclass(frozen=True, slots=True)
class TurningPoint:
    decision: int
    continuation: str
    swing: Difference

    @property
    def better(self) -> bool:
        """True when the choice made beat every other choice; False when a better one was
        there."""
        return self.swing.mean > 0


@dataclass(frozen=True)
class Analysis:
    """The analysis of one game."""

    scenario: str
    seed: int
    """The analysis's seed: game ``g`` of every branch draws from ``world_generator(seed, g)``."""
    games: int
    """Games played for each choice of each decision, per continuation."""
    continuations: tuple[str, ...]
    """The continuations played; the first gives the turning points."""
    ending_ids: tuple[str, ...]
    decisions: tuple[DecisionAnalysis, ...]
    curves: dict[str, tuple[CurvePoint, ...]]
    """Per continuation: the start, then the point after each decision."""
    turning_points: tuple[TurningPoint, ...]
    """The largest differences beyond their uncertainty, largest first."""
    final_score: float
    final_ending: str | None
    history_score: float
    """The historical path's score (played as history went: no dice)."""
    history_ending: str | None
    games_played: int
    """Every game the analysis played (all branches, all continuations)."""

    @property
    def primary(self) -> str:
        return self.continuations[0]


def analyse(game: PlayedGame, outcomes: Mapping[Branch, Outcomes], seed: int, games: int,
            continuations: Sequence[str] = CONTINUATIONS) -> Analysis:
    """Put the outcomes of every branch (:func:`branches`) together into the analysis."""
    rules = game.rules
    n_endings = len(rules.endings)
    conts = tuple(continuations)
    decided: list[DecisionAnalysis] = []
    curves: dict[str, list[CurvePoint]] = {
        c: [CurvePoint(START, 0, estimate(outcomes[Branch(START, "", c)], n_endings))]
        for c in conts}
    for d in game.decisions:
        per: list[DecisionEstimate] = []
        for c in conts:
            made = outcomes[Branch(d.number, d.chosen, c)]
            items = []
            for choice in d.choices:
                got = outcomes[Branch(d.number, choice, c)]
                items.append(ChoiceEstimate(choice, estimate(got, n_endings),
                                            difference(got, made)))
            chosen = next(i.estimate for i in items if i.choice == d.chosen)
            others = [i for i in items if i.choice != d.chosen]
            if others:
                best = max(others, key=lambda i: (i.estimate.mean, -d.choices.index(i.choice)))
                swing = difference(made, outcomes[Branch(d.number, best.choice, c)])
                best_id = best.choice
            else:
                swing, best_id = Difference(0.0, 0.0), ""
            per.append(DecisionEstimate(c, tuple(items), chosen, best_id, swing))
            curves[c].append(CurvePoint(d.number, d.turn, chosen))
        decided.append(DecisionAnalysis(d, tuple(per)))
    turning = turning_points(decided, conts[0])
    hist = historical_game(rules)
    final = game.final
    ending_ids = tuple(e.id for e in rules.endings)
    games_played = sum(len(o[0]) for o in outcomes.values())
    return Analysis(rules.scenario.id, seed, games, conts, ending_ids, tuple(decided),
                    {c: tuple(p) for c, p in curves.items()}, turning, overall_score(final),
                    ending_ids[final.ending_index] if final.ending_index >= 0 else None,
                    overall_score(hist),
                    ending_ids[hist.ending_index] if hist.ending_index >= 0 else None,
                    games_played)


def is_turning_point(swing: Difference) -> bool:
    """Whether a decision's swing (the choice made minus the best other) makes it a turning
    point: beyond its 95% interval and at least :data:`MIN_SWING` points."""
    return swing.beyond_uncertainty and abs(swing.mean) >= MIN_SWING


def turning_points(decided: Sequence[DecisionAnalysis], continuation: str,
                   most: int = MOST_TURNING_POINTS) -> tuple[TurningPoint, ...]:
    """The decisions whose choice changed the expected score most under ``continuation``
    (better or worse), largest first, at most ``most``; only those beyond their uncertainty
    (:func:`is_turning_point`)."""
    found = []
    for da in decided:
        est = da.under(continuation)
        if est.best_other and is_turning_point(est.swing):
            found.append(TurningPoint(da.decision.number, continuation, est.swing))
    found.sort(key=lambda t: (-abs(t.swing.mean), t.decision))
    return tuple(found[:most])


def analyse_game(game: PlayedGame, games: int = DEFAULT_GAMES, seed: int = 0,
                 continuations: Sequence[str] = CONTINUATIONS,
                 progress: Callable[[int], None] | None = None) -> Analysis:
    """The whole analysis, played in this process (:mod:`game.reports.analysis` spreads the
    same work over processes, with the same result). ``progress`` is called with the number
    of games played so far."""
    outcomes: dict[Branch, Outcomes] = {}
    done = 0
    for branch in branches(game, continuations):
        outcomes[branch] = play_branch(game, branch, seed, range(games))
        done += games
        if progress:
            progress(done)
    return analyse(game, outcomes, seed, games, continuations)
