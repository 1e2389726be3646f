"""The words of "try again from here": a branch's name, the question of whether to start it,
and two futures of one game side by side against history (the first future, the other one
the player played from the same moment, and the historical path), on the same charts.

Plain text and data; the screens lay it out (:mod:`game.ui.branch_compare`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.engine import Choose, GameState, ending, parse_move
from game.core.policies import historical_game
from game.core.rules import Rules
from game.core.scoring import overall_score
from game.i18n import _
from game.present.chart import HISTORY_LINE, AimChart, ChartLine
from game.present.dates import event_date, turn_date
from game.present.numbers import number
from game.present.player import capital, the_name

NAME_CHARS = 60
"""The longest name a branch's save is given (the base name is cut to fit)."""


def branch_name(base: str, date: str, number_: int = 1) -> str:
    """The name of a branch's save: ``"Ada: the other future from 7 Nov 1929"`` (and a number
    after it when that name is taken)."""
    whole = base.strip() or _("Your game")
    name = whole
    for room in range(min(24, len(whole)), 0, -1):
        short = whole if room == len(whole) else whole[:room - 1].rstrip() + "\u2026"
        name = _("{game}: the other future from {date}").format(game=short, date=date)
        if number_ > 1:
            name = _("{name} ({number})").format(name=name, number=number_)
        if len(name) <= NAME_CHARS:
            break
    return name


def try_again_title() -> str:
    return _("Try again from here?")


def try_again_lines(rules: Rules, event_id: str, turn: int, chosen: str, name: str) -> list[str]:
    """What "try again from here" does, before the player confirms it."""
    index = rules.event_index[event_id]
    ev = rules.scenario.events[index]
    label = next((c.label for c in ev.choices if c.id == chosen), chosen)
    return [_("A new game starts on {date}, with the question \u201c{title}\u201d waiting for "
              "your answer. The first time you chose: {choice}. Play another choice and see "
              "where it leads.").format(date=event_date(rules, index, turn), title=ev.title,
                                        choice=label),
            _("It is saved as \u201c{name}\u201d; your game stays as it is. When the new "
              "game ends, its end report compares the two futures.").format(name=name)]


def try_again_choices() -> list[tuple[str, str]]:
    return [("go", _("Try again")), ("cancel", _("Cancel"))]


def started_toast(rules: Rules, event_id: str, chosen: str) -> str:
    """Said when the branch opens, over the question it starts with."""
    ev = rules.scenario.events[rules.event_index[event_id]]
    label = next((c.label for c in ev.choices if c.id == chosen), chosen)
    return _("The other future: the first time you chose {choice}.").format(choice=label)


# -- two futures side by side --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FutureRow:
    """One decision on which the two futures (or history) differ."""

    date: str
    title: str
    first: str
    other: str
    history: str


@dataclass(frozen=True, slots=True)
class FutureAim:
    name: str
    first: float
    other: float
    history: float


@dataclass(frozen=True)
class TwoFutures:
    """Two futures of one game from the moment they split, beside the historical path."""

    split_date: str
    split_turn: int
    event_title: str
    first_choice: str
    other_choice: str
    historical_choice: str
    first_line: str
    """The first future's name in the charts' legend."""
    other_line: str
    first_score: float
    other_score: float
    history_score: float
    first_ending: str
    other_ending: str
    history_ending: str
    aims: tuple[FutureAim, ...]
    rows: tuple[FutureRow, ...]
    """The decisions on which the two futures differ, by date (the split first)."""
    charts: tuple[AimChart, ...]
    """One per aim: history (dashed), the first future and the other one, turn by turn."""


def _ending_title(rules: Rules, state: GameState) -> str:
    end = ending(state)
    found = next((e.title for e in rules.scenario.endings if e.id == end), None)
    return found if found is not None else _("the game goes on ({date})").format(
        date=turn_date(rules, state.turn))


def _fired_turns(state: GameState) -> dict[int, int]:
    """Event index -> the turn it fired in."""
    out: dict[int, int] = {}
    for entry in state.log():
        if entry.kind == "event" and entry.index not in out:
            out[entry.index] = entry.turn
    return out


def _action_turns(state: GameState) -> dict[int, int]:
    out: dict[int, int] = {}
    for entry in state.log():
        if entry.kind == "action" and entry.index not in out:
            out[entry.index] = entry.turn
    return out


def _answer_words(rules: Rules, state: GameState, index: int, fired: dict[int, int]) -> str:
    ev = rules.scenario.events[index]
    chosen = state.answer(ev.id)
    if chosen is not None:
        return next((c.label for c in ev.choices if c.id == chosen), chosen)
    return _("not answered") if index in fired else _("did not happen")


def two_futures(rules: Rules, first: GameState, other: GameState, split: int) -> TwoFutures:
    """The two futures of a game that split at move ``split`` (an answer to an event): the
    ``first`` (the game the branch came from) and the ``other`` (the branch)."""
    hist = historical_game(rules)
    scn = rules.scenario
    move = parse_move(first.moves[split]) if split < len(first.moves) else None
    if not isinstance(move, Choose):
        raise ValueError(f"move {split} of the first future is not an answer to an event")
    index = rules.event_index[move.event]
    ev = scn.events[index]
    labels = {c.id: c.label for c in ev.choices}
    fired = [_fired_turns(s) for s in (first, other, hist)]
    split_turn = fired[0].get(index, first.turn)
    other_choice = other.answer(move.event)
    first_label = labels.get(move.choice, move.choice)
    other_label = labels.get(other_choice, other_choice) if other_choice else \
        _("not answered yet")
    hist_choice = hist.answer(move.event)
    hist_label = labels.get(hist_choice, hist_choice) if hist_choice else _("did not happen")
    rows: list[tuple[tuple[int, int], FutureRow]] = []
    for ev_c in rules.events:
        i = ev_c.index
        if not ev_c.choices:
            continue
        a = _answer_words(rules, first, i, fired[0])
        b = _answer_words(rules, other, i, fired[1])
        if a == b and i != index:
            continue
        turn = min((f[i] for f in fired[:2] if i in f), default=0)
        rows.append(((turn, 0), FutureRow(event_date(rules, i, turn), scn.events[i].title, a,
                                          b, _answer_words(rules, hist, i, fired[2]))))
    acted = [_action_turns(s) for s in (first, other, hist)]
    took, did_not = _("took it"), _("did not")
    for a_c in rules.actions:
        i = a_c.index
        if not a_c.once:
            continue  # a routine action, repeatable every turn: not a decision of its own
        ins = [i in acted[0], i in acted[1]]
        if ins[0] == ins[1]:
            continue
        turn = min(t[i] for t in acted[:2] if i in t)
        rows.append(((turn, 1), FutureRow(turn_date(rules, turn), scn.actions[i].name,
                                          took if ins[0] else did_not,
                                          took if ins[1] else did_not,
                                          took if i in acted[2] else did_not)))
    rows.sort(key=lambda r: r[0])
    first_line = _("First future: {choice}").format(choice=first_label)
    other_line = _("Other future: {choice}").format(choice=other_label)
    aims = tuple(FutureAim(a.name, first.aims[k], other.aims[k], hist.aims[k])
                 for k, a in enumerate(scn.aims))
    return TwoFutures(
        split_date=event_date(rules, index, split_turn), split_turn=split_turn,
        event_title=ev.title, first_choice=first_label, other_choice=other_label,
        historical_choice=hist_label, first_line=first_line, other_line=other_line,
        first_score=overall_score(first), other_score=overall_score(other),
        history_score=overall_score(hist), first_ending=_ending_title(rules, first),
        other_ending=_ending_title(rules, other), history_ending=_ending_title(rules, hist),
        aims=aims, rows=tuple(r for _k, r in rows),
        charts=tuple(_charts(rules, first, other, hist, first_line, other_line)))


def _charts(rules: Rules, first: GameState, other: GameState, hist: GameState,
            first_line: str, other_line: str) -> list[AimChart]:
    turns = max(len(first.trajectory), len(other.trajectory), 1)
    labels = tuple(turn_date(rules, t) for t in range(turns))
    h_traj = hist.trajectory or (rules.aim_start,)

    def line(state: GameState, k: int) -> tuple[float, ...]:
        values = [row[k] for row in state.trajectory]
        return tuple(values + [math.nan] * (turns - len(values)))

    out = []
    for k, aim in enumerate(rules.scenario.aims):
        lo, hi = rules.aim_min[k], rules.aim_max[k]
        out.append(AimChart(
            aim.id, aim.name, labels,
            (ChartLine(_(HISTORY_LINE), tuple(h_traj[min(t, len(h_traj) - 1)][k]
                                              for t in range(turns)), True),
             ChartLine(first_line, line(first, k), False),
             ChartLine(other_line, line(other, k), False)),
            (lo, hi)))
    return out


def heading(futures: TwoFutures) -> str:
    return _("Two futures from {date}: {title}").format(date=futures.split_date,
                                                       title=futures.event_title)


def summary_lines(rules: Rules, futures: TwoFutures) -> list[tuple[str, str]]:
    """The two futures and history in a few lines: (text, style)."""
    state = capital(the_name(rules.scenario.player))
    f = futures
    out = [(_("The first time you chose: {first}; this time: {other}. {state} chose: "
              "{history}.").format(first=f.first_choice, other=f.other_choice, state=state,
                                   history=f.historical_choice), "body"),
           (_("First future: {ending}, score {score}.").format(
               ending=f.first_ending, score=number(f.first_score, 1)), "accent"),
           (_("Other future: {ending}, score {score}.").format(
               ending=f.other_ending, score=number(f.other_score, 1)), "good"),
           (_("History: {ending}, score {score}.").format(
               ending=f.history_ending, score=number(f.history_score, 1)), "history")]
    gap = f.other_score - f.first_score
    if abs(gap) >= 0.05:
        out.append(((_("The other future scores {gap} points more than the first.")
                     if gap > 0 else
                     _("The other future scores {gap} points less than the first.")).format(
            gap=number(abs(gap), 1)), "bold"))
    else:
        out.append((_("The two futures score the same."), "bold"))
    out.append((_("Both futures are the same game up to that moment, on the same seed: what "
                  "differs after it comes from the other choice and what it led to, "
                  "including chance that came out differently once the games had parted."),
                "dim"))
    return out


def aim_heads() -> list[str]:
    return [_("Aim"), _("First future"), _("Other future"), _("History")]


def row_heads(rules: Rules) -> list[str]:
    state = capital(the_name(rules.scenario.player))
    return [_("Date"), _("Decision"), _("First future"), _("Other future"),
            _("{state} in history").format(state=state)]


def no_rows() -> str:
    return _("The two futures made the same decisions.")


def charts_caption(futures: TwoFutures) -> str:
    return _("Each aim turn by turn: the first future, the other future (from {date}) and "
             "history (dashed).").format(date=futures.split_date)


def cannot_compare(problem: str) -> str:
    return _("The first future cannot be replayed on this version of the scenario: "
             "{problem}").format(problem=problem)
