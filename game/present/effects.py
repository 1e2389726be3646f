"""What a move is expected to do, in words: the change between two states, an action's
preview even when it is not allowed now, and the actions a move would rule out.

"Expected effect" is the difference between the state and ``apply_action`` of
the move on it; nothing here changes a state.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import Choose, GameState, IllegalMoveError, Move, TakeAction, apply_action
from game.present.text import one_line, signed


@dataclass(frozen=True)
class Effect:
    """The expected result of a move: changes to aims, relations and treaties, as text parts."""

    parts: tuple[str, ...]
    good: int  # +1 mostly good for the aims, -1 mostly bad, 0 mixed or none

    def text(self) -> str:
        return ", ".join(self.parts) if self.parts else "no direct effect"


def diff(before: GameState, after: GameState) -> Effect:
    """Describe what changed between two states (aims, relations, treaties)."""
    rules = before.rules
    parts: list[str] = []
    score = 0.0
    for i, aim in enumerate(rules.scenario.aims):
        d = after.aims[i] - before.aims[i]
        if abs(d) >= 0.05:
            parts.append(f"{aim.name} {signed(d)}")
            score += d * (aim.weight or 1)
    for j, nation in enumerate(rules.scenario.nations):
        d = after.relations[j] - before.relations[j]
        if abs(d) >= 0.05:
            parts.append(f"{nation.name} {signed(d, 0)}")
        gained = after.treaties[j] & ~before.treaties[j]
        lost = before.treaties[j] & ~after.treaties[j]
        for k, kind in enumerate(rules.scenario.treaty_kinds):
            if gained & (1 << k):
                parts.append(f"signs {kind.name} with {nation.name}")
            if lost & (1 << k):
                parts.append(f"ends {kind.name} with {nation.name}")
    good = 1 if score > 0.05 else -1 if score < -0.05 else 0
    return Effect(tuple(parts), good)


def expected(state: GameState, move: Move) -> Effect | None:
    """The expected effect of ``move`` on ``state``, or None if it is not allowed now."""
    try:
        return diff(state, apply_action(state, move))
    except IllegalMoveError:
        return None


def action_effect(state: GameState, index: int) -> Effect:
    """The effect an action would have if it were taken now, even if it is not allowed now.

    An unavailable action is previewed from its own effect list, applied on paper."""
    move = TakeAction(state.rules.actions[index].id)
    found = expected(state, move)
    if found is not None:
        return found
    return effect_of_ops(state, state.rules.actions[index].effects)


def effect_of_ops(state: GameState, ops: tuple[tuple[int, int, float], ...]) -> Effect:
    """Describe a list of effect opcodes without applying them (no clamping)."""
    from game.core import rules as r

    scn = state.rules.scenario
    parts: list[str] = []
    score = 0.0
    for op, i, amount in ops:
        if op == r.AIM_ADD:
            parts.append(f"{scn.aims[i].name} {signed(amount)}")
            score += amount
        elif op == r.AIM_SET:
            parts.append(f"{scn.aims[i].name} set to {amount:.0f}")
        elif op == r.REL_ADD:
            parts.append(f"{scn.nations[i].name} {signed(amount, 0)}")
        elif op == r.REL_SET:
            parts.append(f"{scn.nations[i].name} set to {amount:.0f}")
        elif op == r.SIGN:
            parts.append(f"signs {scn.treaty_kinds[i & 63].name} with {scn.nations[i >> 6].name}")
        elif op == r.CANCEL:
            parts.append(f"ends {scn.treaty_kinds[i & 63].name} with {scn.nations[i >> 6].name}")
    return Effect(tuple(parts), 1 if score > 0 else -1 if score < 0 else 0)


def choice_effect(state: GameState, choice_id: str) -> Effect | None:
    """The expected effect of answering the pending event with ``choice_id``."""
    if state.pending_event is None:
        return None
    return expected(state, Choose(state.pending_event, choice_id))


def locked_by(state: GameState, index: int) -> list[str]:
    """Names of the actions still to come that taking action ``index`` now would rule out by
    its changes to relations (a relation pushed below the threshold another action needs).
    Only relations are compared: flags and treaties set by an action usually mark a stage
    (a plan running) rather than a door closed."""
    rules = state.rules
    try:
        after = apply_action(state, TakeAction(rules.actions[index].id))
    except IllegalMoveError:
        return []
    if after.relations == state.relations:
        return []
    after = state._replace(relations=after.relations)
    out = []
    for a in rules.actions:
        if a.index == index or a.available is None or a.last_turn < state.turn:
            continue
        if a.once and state.took >> a.index & 1:
            continue
        try:
            if a.available(state) and not a.available(after):
                out.append(one_line(rules.scenario.actions[a.index].name, 60))
        except Exception:  # noqa: BLE001 - a preview must never break the screen
            continue
    return out


