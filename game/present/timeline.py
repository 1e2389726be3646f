"""The timeline: the player's decisions turn by turn beside the historical path's, with what
the world did (the events of each turn, in the order they fired, the powers' moves named by
their power), how the gambles came out and when a standing policy changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.engine import GameState
from game.core.policies import historical_game
from game.i18n import _
from game.present.dates import event_date, turn_date
from game.present.news import (
    entry_title,
    event_title,
    gamble_odds,
    odds_useful,
    odds_words,
    outcome_entry_title,
    policy_words,
    power_name,
    with_power,
)


@dataclass
class Decisions:
    """One side's turn: the key decisions (answers to events, one-off actions, changes of a
    standing policy), the routine ones (actions that can be repeated every turn), and what
    happened that the side did not decide (the events that asked nothing, in the order they
    fired, and how its gambles came out)."""

    choices: list[str]
    once: list[str]
    routine: list[str]
    events: list[str] = field(default_factory=list)
    """The events that asked nothing, in the order they fired: "12 Mar 1938 · Germany: The
    Anschluss"."""
    outcomes: list[str] = field(default_factory=list)
    """How the gambles of the turn came out, with the odds they had."""
    policies: list[str] = field(default_factory=list)
    """The standing policies changed this turn: "Where the effort goes: The army first"."""


def dated(date: str, text: str) -> str:
    """A line of the timeline with its own date in front: "22 Jun 1941 · Barbarossa"."""
    # TRANSLATORS: an event in the timeline with its own date in front.
    return _("{date} · {event}").format(date=date, event=text)


def decisions_by_turn(state: GameState) -> dict[int, Decisions]:
    """Turn -> the player's choices, one-off actions, routine actions, standing policies
    changed, events and gambles' outcomes that turn."""
    rules = state.rules
    scn = rules.scenario
    out: dict[int, Decisions] = {}
    in_force = list(rules.policy_start)
    set_now: dict[int, dict[int, int]] = {}
    for entry in state.log():
        kind = entry.kind
        if kind not in ("action", "choice", "event", "outcome", "policy_set"):
            continue
        if kind == "event" and scn.events[entry.index].choices:
            continue  # its answer is the line
        d = out.setdefault(entry.turn, Decisions([], [], []))
        if kind == "event" or kind == "choice":
            title = event_title(rules, entry.index) if kind == "event" else entry_title(rules,
                                                                                        entry)
            power = power_name(rules, entry.index)
            if kind == "choice" and power:
                title = with_power(power, title)
            when = event_date(rules, entry.index, entry.turn)
            if when != turn_date(rules, entry.turn):  # a date of its own within the turn
                title = dated(when, title)
            (d.events if kind == "event" else d.choices).append(title)
        elif kind == "outcome":
            title = outcome_entry_title(state, entry)
            chance = gamble_odds(state, entry.turn, entry.index)
            if odds_useful(chance):
                assert chance is not None
                title = _("{outcome} (it had a {odds} chance)").format(
                    outcome=title, odds=odds_words(chance))
            d.outcomes.append(title)
        elif kind == "policy_set":
            set_now.setdefault(entry.turn, {})[entry.index] = entry.choice
        elif rules.actions[entry.index].once:
            d.once.append(entry_title(rules, entry))
        else:
            d.routine.append(entry_title(rules, entry))
    for turn in sorted(set_now):
        for policy, option in set_now[turn].items():  # the last setting of a turn counts
            if option != in_force[policy]:
                in_force[policy] = option
                out[turn].policies.append(policy_words(rules, policy, option))
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
        """True when a key decision (an answer, a one-off action, a standing policy) differs;
        routine actions are not compared, nor what the world did."""
        once = set(self.mine.once) ^ set(self.theirs.once)
        return (set(self.mine.choices) != set(self.theirs.choices)
                or set(self.mine.policies) != set(self.theirs.policies)
                or bool(once - set(self.mine_shifted) - set(self.theirs_shifted)))

    @property
    def choice_differs(self) -> bool:
        return set(self.mine.choices) != set(self.theirs.choices)


def timeline(state: GameState) -> list[TimelineRow]:
    """A row for each turn played so far in which either side decided something or something
    happened."""
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


def side_lines(side: Decisions, other: Decisions, shifted: dict[str, str], who: str,
               mine: bool = True) -> list[tuple[str, str]]:
    """One side's turn as (text, style) lines: what happened (events in the order they
    fired, dimmed; one the other side did not see is marked), its answers and one-off actions
    and standing policies (in "accent" where the other side did otherwise; a shifted one with
    the other side's date), how its gambles came out, then its routine actions, dimmed.
    ``who`` names the other side ("history", "you"); ``mine`` is True for the player's
    side."""
    out: list[tuple[str, str]] = []
    for text in side.events:
        if text in other.events:
            out.append((text, "dim"))
        elif mine:
            out.append((_("{event}  (not in history)").format(event=text), "history"))
        else:
            out.append((_("{event}  (not in your game)").format(event=text), "history"))
    for text in side.choices:
        out.append((text if text in other.choices else
                    _("{answer}  (a different answer)").format(answer=text),
                    "body" if text in other.choices else "accent"))
    for text in side.policies:
        out.append((_("Standing policy: {policy}").format(policy=text),
                    "body" if text in other.policies else "accent"))
    for text in side.outcomes:
        out.append((_("As it came out: {outcome}").format(outcome=text), "body"))
    for text in side.once:
        if text in shifted:
            # TRANSLATORS: a decision taken on another date by the other side: "{who}" is
            # "you" or "history".
            out.append((_("{decision}  ({who}: {date})").format(decision=text, who=who,
                                                                date=shifted[text]), "body"))
        else:
            out.append((text, "body" if text in other.once else "accent"))
    if side.routine:
        out.append((_("routine: {actions}").format(actions=", ".join(side.routine)), "dim"))
    return out or [("-", "dim")]
