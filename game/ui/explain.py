"""What the screens say about the state, in words: expected effects, why an aim moved, news.

Everything here reads game states and never changes them; "expected effect"
is the difference between the state and ``apply_action`` of the move on it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

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


BANDS: tuple[tuple[str, float], ...] = (
    ("allied", 60.0), ("friendly", 20.0), ("neutral", -20.0), ("wary", -60.0),
    ("hostile", -math.inf),
)
"""Relation bands, best first: (name, lowest relation in the band). The map colours by them."""

BINDING_TREATIES = ("alliance", "assistance")
"""A treaty kind whose id contains one of these binds a nation to help the USSR."""


def relation_word(value: float) -> str:
    """The band of a relation (-100..100), as the map's legend names it."""
    if math.isnan(value):
        return "neutral"
    return next(name for name, low in BANDS if value >= low)


def binding_treaties(state: GameState, nation_index: int) -> list[str]:
    """Names of the alliance-like treaties (alliance, mutual assistance) held with a nation."""
    rules = state.rules
    bits = state.treaties[nation_index]
    return [k.name for i, k in enumerate(rules.scenario.treaty_kinds)
            if bits & (1 << i) and any(w in k.id for w in BINDING_TREATIES)]


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


def aim_at_start(state: GameState, aim_index: int, turn: int) -> float:
    """The player's value of an aim when ``turn`` began (the start value for turn 0)."""
    if turn <= 0 or not state.trajectory:
        return state.rules.aim_start[aim_index]
    return state.trajectory[min(turn, len(state.trajectory)) - 1][aim_index]


def aim_change(state: GameState, aim_index: int) -> float:
    """Change of an aim since the previous turn began: the last turn's actions, events and
    drift, and whatever was done so far this turn (on the first turn: since the start)."""
    return state.aims[aim_index] - aim_at_start(state, aim_index, state.turn - 1)


def versus_history(value: float, hist: float) -> str:
    """``"you are 0.9 ahead"`` / ``"behind"`` / ``"you are level"``: the player against history."""
    d = value - hist
    if round(d, 1) == 0:
        return "you are level"
    return f"you are {abs(d):.1f} {'ahead' if d > 0 else 'behind'}"


def aim_why(state: GameState, aim_index: int, limit: int = 8) -> list[str]:
    """The lines of an aim's "why" tooltip: what moved it this turn and the turn before."""
    rules = state.rules
    aim = rules.scenario.aims[aim_index]
    lines = [f"{aim.name}: {state.aims[aim_index]:.1f} "
             f"({signed(aim_change(state, aim_index))} since the last turn began)",
             one_line(aim.description, 160)]
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
    if last_turn:
        lines.append("Last turn:")
        lines += ["  " + x for x in reversed(last_turn[:limit])]
    lines.append("This turn: " + ("no change yet" if not this_turn else ""))
    lines += ["  " + x for x in reversed(this_turn[:limit])]
    hist = historical_value(rules, aim.id, state.turn)
    lines.append(f"History: {hist:.1f} at the start of this turn ({turn_date(rules, state.turn)}), "
                 f"following what the USSR really did; {versus_history(state.aims[aim_index], hist)}.")
    return lines


def nation_lines(state: GameState, nation_index: int) -> list[str]:
    """The lines of a nation's tooltip: relation, stance towards the USSR, treaties."""
    rules = state.rules
    nation = rules.scenario.nations[nation_index]
    rel = state.relations[nation_index]
    treaties = [k.name for k in rules.scenario.treaty_kinds
                if state.treaties[nation_index] & (1 << rules.treaty_ids.index(k.id))]
    band = "at war" if at_war(state, nation.id) else relation_word(rel)
    lines = [one_line(nation.name) + (" (great power)" if nation.great_power else ""),
             f"Relation with the USSR: {rel:+.0f} of ±100, so {band} on the map",
             "Treaties: " + (", ".join(treaties) if treaties else "none")]
    bound = binding_treaties(state, nation_index)
    if bound:
        lines.append(f"Bound to you by treaty: {', '.join(bound)} (a gold mark on the map)")
    for item in nation_news(state, nation_index, 2):
        lines.append(f"Latest news: {item.date}, {item.text}")
    return lines


def nation_news(state: GameState, nation_index: int, limit: int = 2) -> list[NewsItem]:
    """The newest events and decisions about a nation (its name in their title or text, or an
    action aimed at it), newest first."""
    rules = state.rules
    scn = rules.scenario
    nation = scn.nations[nation_index]
    name = nation.name.lower()
    out: list[NewsItem] = []
    for item in news_items(state):
        if item.kind == "action":
            action = scn.actions[item.index]
            hit = action.target == nation.id or name in action.name.lower()
        elif item.kind in ("event", "choice"):
            ev = scn.events[item.index]
            hit = name in ev.title.lower() or name in ev.text.lower()
        else:
            hit = False
        if hit:
            out.append(item)
            if len(out) >= limit:
                break
    return out


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


@dataclass(frozen=True)
class NewsItem:
    turn: int
    date: str
    kind: str
    text: str
    index: int = -1
    """The action, event or ending the item is about (its scenario index)."""
    choice: int = -1


def news(state: GameState, limit: int = 400) -> list[NewsItem]:
    """Every event and decision so far, newest first (at most ``limit``)."""
    return list(itertools.islice(news_items(state), limit))


def news_items(state: GameState) -> Iterator[NewsItem]:
    """Every event and decision so far, newest first, made as they are read."""
    rules = state.rules
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
        yield NewsItem(entry.turn, turn_date(rules, entry.turn), entry.kind, text,
                       entry.index, entry.choice)


@dataclass
class Decisions:
    """One side's decisions in one turn: the key ones (answers to events, one-off actions)
    and the routine ones (actions that can be repeated every turn)."""

    choices: list[str]
    once: list[str]
    routine: list[str]


def decisions_by_turn(state: GameState) -> dict[int, Decisions]:
    """Turn -> the player's choices, one-off actions and routine actions that turn."""
    rules = state.rules
    out: dict[int, Decisions] = {}
    for entry in state.log():
        if entry.kind not in ("action", "choice"):
            continue
        d = out.setdefault(entry.turn, Decisions([], [], []))
        title = entry_title(rules, entry)
        if entry.kind == "choice":
            d.choices.append(title)
        elif rules.actions[entry.index].once:
            d.once.append(title)
        else:
            d.routine.append(title)
    return out


@dataclass
class TimelineRow:
    """A turn of the timeline: each side's decisions, and which key ones differ. A one-off
    action the other side took a turn earlier or later is only "shifted" (with that side's
    date), not a difference."""

    turn: int
    date: str
    mine: Decisions
    theirs: Decisions
    mine_shifted: dict[str, str] = field(default_factory=dict)
    theirs_shifted: dict[str, str] = field(default_factory=dict)

    @property
    def differs(self) -> bool:
        """True when a key decision (an answer, a one-off action) differs; routine actions
        are not compared."""
        once = set(self.mine.once) ^ set(self.theirs.once)
        return (set(self.mine.choices) != set(self.theirs.choices)
                or bool(once - set(self.mine_shifted) - set(self.theirs_shifted)))

    @property
    def choice_differs(self) -> bool:
        return set(self.mine.choices) != set(self.theirs.choices)


def timeline(state: GameState) -> list[TimelineRow]:
    """A row for each turn played so far in which either side decided something."""
    rules = state.rules
    mine = decisions_by_turn(state)
    theirs = decisions_by_turn(historical_game(rules))
    empty = Decisions([], [], [])
    when_mine = {a: t for t, d in mine.items() for a in d.once}
    when_theirs = {a: t for t, d in theirs.items() for a in d.once}

    def shifted(side: Decisions, other: dict[str, int], t: int) -> dict[str, str]:
        return {a: turn_date(rules, other[a]) for a in side.once
                if a in other and other[a] != t and abs(other[a] - t) <= 1}

    rows = []
    for t in range(0, min(state.turn, rules.turns - 1) + 1):
        if t in mine or t in theirs:
            m, h = mine.get(t, empty), theirs.get(t, empty)
            rows.append(TimelineRow(t, turn_date(rules, t), m, h, shifted(m, when_theirs, t),
                                    shifted(h, when_mine, t)))
    return rows
