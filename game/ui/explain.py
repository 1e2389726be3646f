"""What the screens say about the state, in words: expected effects, why an aim moved, news.

Everything here reads game states and never changes them; "expected effect"
is the difference between the state and ``apply_action`` of the move on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import (
    Choose,
    GameState,
    IllegalMoveError,
    LogEntry,
    Move,
    TakeAction,
    apply_action,
)
from game.core.policies import historical_game
from game.core.rules import Rules
from game.core.scoring import historical_value
from game.ui.text import one_line, signed

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def turn_date(rules: Rules, turn: int) -> str:
    """The first month of ``turn`` as ``"Jan 1928"``."""
    m = rules.month_of_turn(max(0, min(turn, rules.turns - 1)))
    return f"{MONTHS[m % 12]} {m // 12}"


def relation_word(value: float) -> str:
    """How a nation stands towards the USSR, in one word, from its relation (-100..100)."""
    if value <= -60:
        return "hostile"
    if value <= -20:
        return "unfriendly"
    if value < 20:
        return "neutral"
    if value < 60:
        return "friendly"
    return "close partner"


def at_war(state: GameState, nation_id: str) -> bool:
    """True if the player holds a treaty kind meaning war with the nation (an id with 'war')."""
    return any("war" in t.split("_") or t == "war" for t in state.treaties_with(nation_id))


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


def entry_title(rules: Rules, entry: LogEntry) -> str:
    """What a log entry is about, in a few words."""
    scn = rules.scenario
    if entry.kind == "action":
        return one_line(scn.actions[entry.index].name)
    if entry.kind == "event":
        return one_line(scn.events[entry.index].title)
    if entry.kind == "choice":
        ev = scn.events[entry.index]
        return f"{one_line(ev.title, 50)}: {one_line(ev.choices[entry.choice].label, 50)}"
    if entry.kind == "drift":
        return "the aims' own drift at the end of the turn"
    if entry.kind == "ending":
        return one_line(scn.endings[entry.index].title)
    return f"turn {entry.index + 1}"


def aim_change(state: GameState, aim_index: int) -> float:
    """Change of an aim during the current turn (since the end of the previous one)."""
    before = state.trajectory[-1][aim_index] if state.trajectory else state.rules.aim_start[
        aim_index]
    if state.ending_index >= 0 and len(state.trajectory) >= 2:
        before = state.trajectory[-2][aim_index]
    return state.aims[aim_index] - before


def aim_why(state: GameState, aim_index: int, limit: int = 8) -> list[str]:
    """The lines of an aim's "why" tooltip: what moved it this turn and the turn before."""
    rules = state.rules
    aim = rules.scenario.aims[aim_index]
    lines = [f"{aim.name}: {state.aims[aim_index]:.1f}", one_line(aim.description, 160)]
    this_turn: list[str] = []
    last_turn: list[str] = []
    for entry in state.iter_log_reversed():
        if entry.turn < state.turn - 1:
            break
        for what, i, delta in entry.changes:
            if what == "aim" and i == aim_index:
                kind = {"action": "your action", "event": "event", "choice": "your choice",
                        "drift": "drift"}.get(entry.kind, entry.kind)
                line = f"{signed(delta)}  {entry_title(rules, entry)} ({kind})"
                if entry.kind == "drift" and aim.per_turn_reason:
                    line += f": {one_line(aim.per_turn_reason, 90)}"
                (this_turn if entry.turn == state.turn else last_turn).append(line)
    lines.append("This turn: " + ("no change yet" if not this_turn else ""))
    lines += ["  " + x for x in reversed(this_turn[:limit])]
    if last_turn:
        lines.append("End of last turn and before:")
        lines += ["  " + x for x in reversed(last_turn[:limit])]
    hist = historical_value(rules, aim.id, state.turn)
    lines.append(f"History: {hist:.1f} by the end of this turn ({turn_date(rules, state.turn)}), "
                 "following what the USSR really did.")
    return lines


def nation_lines(state: GameState, nation_index: int) -> list[str]:
    """The lines of a nation's tooltip: relation, stance towards the USSR, treaties."""
    rules = state.rules
    nation = rules.scenario.nations[nation_index]
    rel = state.relations[nation_index]
    treaties = [k.name for k in rules.scenario.treaty_kinds
                if state.treaties[nation_index] & (1 << rules.treaty_ids.index(k.id))]
    stance = "at war" if at_war(state, nation.id) else relation_word(rel)
    lines = [one_line(nation.name) + (" (great power)" if nation.great_power else ""),
             f"Relation with the USSR: {rel:+.0f} of ±100",
             f"Stance towards the USSR: {stance}",
             "Treaties: " + (", ".join(treaties) if treaties else "none")]
    return lines


@dataclass(frozen=True)
class NewsItem:
    turn: int
    date: str
    kind: str
    text: str


def news(state: GameState, limit: int = 400) -> list[NewsItem]:
    """Every event and decision so far, newest first (at most ``limit``)."""
    rules = state.rules
    out: list[NewsItem] = []
    for entry in state.iter_log_reversed():
        if entry.kind == "turn":
            continue
        title = entry_title(rules, entry)
        if entry.kind == "action":
            text = f"You: {title}"
        elif entry.kind == "choice":
            text = f"You chose: {title}"
        elif entry.kind == "event":
            text = f"News: {title}"
        elif entry.kind == "drift":
            text = "End of turn: " + ", ".join(
                f"{rules.scenario.aims[i].name} {signed(d)}" for w, i, d in entry.changes
                if w == "aim")
        else:
            text = f"The end: {title}"
        out.append(NewsItem(entry.turn, turn_date(rules, entry.turn), entry.kind, text))
        if len(out) >= limit:
            break
    return out


def decisions_by_turn(state: GameState) -> dict[int, list[str]]:
    """Turn -> the player's actions and choices that turn, as short texts."""
    out: dict[int, list[str]] = {}
    for entry in state.log():
        if entry.kind in ("action", "choice"):
            out.setdefault(entry.turn, []).append(entry_title(state.rules, entry))
    return out


def timeline(state: GameState) -> list[tuple[str, list[str], list[str]]]:
    """Rows (date, the player's decisions, history's decisions) for each turn played so far."""
    rules = state.rules
    mine = decisions_by_turn(state)
    theirs = decisions_by_turn(historical_game(rules))
    last = state.turn
    return [(turn_date(rules, t), mine.get(t, []), theirs.get(t, []))
            for t in range(0, min(last, rules.turns - 1) + 1)
            if mine.get(t) or theirs.get(t)]
