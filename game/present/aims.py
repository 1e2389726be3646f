"""An aim in words: how it moved since the last turn, why ("what moved it"), and where it
stands against the historical path."""

from __future__ import annotations

from game.core.engine import GameState
from game.core.scoring import historical_value
from game.present.dates import turn_date
from game.present.news import entry_title
from game.present.player import the_name
from game.present.text import one_line, signed


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
                 f"following what {the_name(rules.scenario.player)} really did; "
                 f"{versus_history(state.aims[aim_index], hist)}.")
    return lines


