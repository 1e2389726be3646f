"""The timeline: the player's decisions turn by turn beside the historical path's."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.engine import GameState
from game.core.policies import historical_game
from game.present.dates import turn_date
from game.present.news import entry_title


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
