"""Ways to play a game without a person: history, random, greedy, do-nothing, or a list of choices.

A policy is a function ``(state, rng) -> move``. The policy's own random
generator is separate from the game's, so the same game seed played by two
policies sees the same world.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from game.core.engine import (
    Choose,
    EndTurn,
    GameState,
    Move,
    SetPolicy,
    TakeAction,
    action_allowed,
    action_problem,
    apply_action,
    available_action_indices,
    move_limit,
    new_game,
)
from game.core.refusals import Reason, Refusal
from game.core.rules import Rules

Policy = Callable[[GameState, random.Random], Move]


END_TURN = EndTurn()


def _take(rules: Rules, index: int) -> TakeAction:
    """The move that takes action ``index`` (made once per scenario, at compile time)."""
    return rules.take_moves[index]


def historical_answer(rules: Rules, event: int) -> Choose:
    """The USSR's answer to event ``event`` (the scenario's ``historical_choice``, else the
    first choice). Raises ValueError for an event that asks nothing."""
    answer = rules.historical_answers[event]
    if answer is None:
        raise ValueError(f"event '{rules.events[event].id}' asks for no choice")
    return answer


def historical_answer_now(state: GameState) -> Choose | None:
    """The historical answer to the event waiting for a choice, or None if none waits."""
    return None if not state.pending else historical_answer(state.rules, state.pending[0])


def historical_policy_move(state: GameState) -> SetPolicy | None:
    """The standing policy the historical path sets this turn and the state does not have
    yet, or None."""
    rules = state.rules
    if state.turn < rules.turns:
        for k, option in rules.history_policies_by_turn[state.turn]:
            if state.policy_choice[k] != option:
                pol = rules.policies[k]
                return SetPolicy(pol.id, pol.option_ids[option])
    return None


def history_policy(state: GameState, rng: random.Random) -> Move:
    """Do what the USSR did: the historical path's policies and actions, then the historical
    choices."""
    rules = state.rules
    if state.pending:
        return historical_answer(rules, state.pending[0])
    if rules.policies:
        setting = historical_policy_move(state)
        if setting is not None:
            return setting
    if state.turn < rules.turns:
        for index in rules.history_by_turn[state.turn]:
            if index not in state.taken_this_turn and action_allowed(state, index):
                return rules.take_moves[index]
    return END_TURN


def random_policy(state: GameState, rng: random.Random) -> Move:
    """Pick uniformly among the legal moves (ending the turn is one of them)."""
    rules = state.rules
    if state.pending:
        choices = rules.choice_moves[state.pending[0]]
        return choices[int(rng.random() * len(choices))]
    if rules.policies and rng.random() < 0.05:
        # Now and then a standing policy is changed (about one turn in six or seven).
        pol = rules.policies[int(rng.random() * len(rules.policies))]
        option = int(rng.random() * len(pol.option_ids))
        if option != state.policy_choice[pol.index]:
            return SetPolicy(pol.id, pol.option_ids[option])
    # Uniform over the legal moves: draw among every action of this turn's calendar and
    # "end turn" until the draw is legal. Rejection keeps the distribution uniform over the
    # legal moves at a fraction of the cost of listing them all.
    turn = state.turn
    candidates = rules.actions_by_turn[turn]
    if state.budget < rules.min_cost_by_turn[turn]:
        return END_TURN  # nothing is affordable: the only legal move
    n = len(candidates) + 1
    draw = rng.random
    took, budget, taken = state.took, state.budget, state.taken_this_turn
    for _ in range(64):
        pick = int(draw() * n)
        if pick == n - 1:
            return END_TURN
        a = candidates[pick]
        index = a.index
        # The commonest refusals first, without the call (action_allowed decides the rest).
        if (a.once and took >> index & 1) or a.cost > budget or index in taken:
            continue
        if action_allowed(state, index):
            return rules.take_moves[index]
    options = available_action_indices(state)  # very unlikely: almost nothing is legal
    pick = int(rng.random() * (len(options) + 1))
    return END_TURN if pick == len(options) else rules.take_moves[options[pick]]


def passive_policy(state: GameState, rng: random.Random) -> Move:
    """Take no actions; answer every event with its first choice."""
    if state.pending:
        ev = state.rules.events[state.pending[0]]
        return Choose(ev.id, ev.choices[0].id)
    return EndTurn()


def value_of(state: GameState) -> float:
    """The weighted, normalised sum of the aims: what the greedy player maximises."""
    rules = state.rules
    total = 0.0
    for i, aim in enumerate(rules.scenario.aims):
        span = rules.aim_max[i] - rules.aim_min[i]
        total += aim.weight * (state.aims[i] - rules.aim_min[i]) / span
    return total


def greedy_policy(state: GameState, rng: random.Random) -> Move:
    """Take whatever raises the aims most right now; end the turn when nothing does."""
    rules = state.rules
    if state.pending:
        ev = rules.events[state.pending[0]]
        moves: list[Move] = [Choose(ev.id, c.id) for c in ev.choices]
        return max(moves, key=lambda m: value_of(apply_action(state, m)))
    base = value_of(state)
    best: Move = EndTurn()
    best_gain = 1e-9
    for index in available_action_indices(state):
        move = TakeAction(rules.actions[index].id)
        gain = value_of(apply_action(state, move)) - base
        if gain > best_gain:
            best, best_gain = move, gain
    return best


def choices_policy(plan: Mapping[str, str], actions: Mapping[int, list[str]],
                   skip: frozenset[str] = frozenset(), follow_history: bool = False,
                   policies: Mapping[int, Mapping[str, str]] | None = None) -> Policy:
    """A policy from a plan of choices: ``plan`` maps event id to choice id (events not named
    get their historical answer), ``actions`` maps turn to the action ids to try first; with
    ``follow_history`` the turn's historical actions come next, except those in ``skip``.
    ``policies`` maps turn to the standing policies set then (policy id -> option id); with
    ``follow_history`` history sets the policies the plan never names, as the USSR did."""
    own = policies or {}
    named = frozenset(p for settings in own.values() for p in settings)

    def play(state: GameState, rng: random.Random) -> Move:
        rules = state.rules
        if state.pending:
            ev = rules.events[state.pending[0]]
            wanted = plan.get(ev.id)
            if wanted is not None and any(c.id == wanted for c in ev.choices):
                return Choose(ev.id, wanted)
            return historical_answer(rules, ev.index)
        for policy_id, option in own.get(state.turn, {}).items():
            if state.policy(policy_id) != option:
                return SetPolicy(policy_id, option)
        if follow_history and rules.policies:
            setting = historical_policy_move(state)
            if setting is not None and setting.policy not in named:
                return setting
        for action_id in actions.get(state.turn, []):
            index = rules.action_index.get(action_id)
            if index is not None and action_allowed(state, index):
                return _take(rules, index)
        if follow_history and state.turn < rules.turns:
            for index in rules.history_by_turn[state.turn]:
                if rules.actions[index].id not in skip and action_allowed(state, index):
                    return _take(rules, index)
        return END_TURN

    return play


def history_with(changes: Mapping[str, str]) -> Policy:
    """History, except that the events named in ``changes`` (event id -> choice id) are
    answered differently: how a class asks "what if the USSR had chosen otherwise?"."""
    return choices_policy(changes, {}, follow_history=True)


def what_if_plans(rules: Rules, most: int = 2, limit: int = 2000) -> list[dict[str, str]]:
    """Every way of changing one (and, with ``most=2``, two) historical choices, in scenario
    order, at most ``limit`` of them."""
    changes = [(ev.id, c.id) for ev in rules.events for c in ev.choices
               if c.index != ev.historical_choice]
    plans = [{e: c} for e, c in changes]
    if most >= 2:
        for i, (e1, c1) in enumerate(changes):
            for e2, c2 in changes[i + 1:]:
                if len(plans) >= limit:
                    return plans  # the pairs grow with the square of the choices
                if e1 != e2:
                    plans.append({e1: c1, e2: c2})
    return plans


POLICIES: dict[str, Policy] = {
    "history": history_policy,
    "random": random_policy,
    "greedy": greedy_policy,
    "passive": passive_policy,
}


def play_game(rules: Rules, policy: Policy, seed: int = 0, policy_seed: int | None = None,
              max_moves: int | None = None, history: bool = False) -> GameState:
    """Play a whole game with ``policy`` and return its final state (``history``: as history
    went, see :func:`game.core.engine.new_game`)."""
    state = new_game(rules, seed, history)
    rng = random.Random(seed if policy_seed is None else policy_seed)
    apply = apply_action
    for _ in range(move_limit(rules) if max_moves is None else max_moves):
        if state.ending_index >= 0:
            return state
        state = apply(state, policy(state, rng))
    raise RuntimeError("the policy never finished the game")


def historical_game(rules: Rules) -> GameState:
    """Return the final state of the historical path played through the rules (cached).

    It is played as history went (chance events fire as they happened, gambles take the
    outcome that happened), so it is the same on every seed; the seed is 0.
    """
    found = rules.memoised("history", lambda r: play_game(r, history_policy, seed=0,
                                                          history=True))
    assert isinstance(found, GameState)
    return found


def historical_refusals(rules: Rules) -> list[tuple[int, int, Refusal]]:
    """Return (path step, action position, refusal) for each historical action the rules
    refuse.

    Each step's actions are tried on the turn of its date, in order, after the
    turn's events are answered historically.
    """
    steps: dict[int, list[tuple[int, int, int]]] = {}
    for si, step in enumerate(rules.scenario.historical_path):
        turn = rules.turn_of_month(step.date)
        for ai, action_id in enumerate(step.actions):
            steps.setdefault(turn, []).append((si, ai, rules.action_index[action_id]))
    out: list[tuple[int, int, Refusal]] = []
    state = new_game(rules, 0, history=True)
    rng = random.Random(0)
    while state.ending_index < 0:
        if state.pending:
            state = apply_action(state, history_policy(state, rng))
            continue
        setting = historical_policy_move(state)
        if setting is not None:
            state = apply_action(state, setting)
            continue
        for si, ai, index in steps.get(state.turn, []):
            problem = action_problem(state, index)
            if problem is None:
                state = apply_action(state, TakeAction(rules.actions[index].id))
            else:
                out.append((si, ai, problem))
        state = apply_action(state, EndTurn())
    for turn, items in steps.items():
        if not 0 <= turn < rules.turns:
            out += [(si, ai, Refusal(Reason.OUTSIDE_CALENDAR)) for si, ai, _ in items]
    return out
