"""An aim in words: how it moved since the last turn, why ("what moved it"), and where it
stands against the historical path."""

from __future__ import annotations

from game.core.engine import GameState
from game.core.scoring import historical_value
from game.i18n import N_, _
from game.present.dates import turn_date
from game.present.news import entry_title
from game.present.numbers import number
from game.present.player import the_name
from game.present.text import MAX_TEXT, one_line, signed


def aim_at_start(state: GameState, aim_index: int, turn: int) -> float:
    """The player's value of an aim when ``turn`` began (the start value for turn 0)."""
    if turn <= 0 or not state.trajectory:
        return state.rules.aim_start[aim_index]
    return state.trajectory[min(turn, len(state.trajectory)) - 1][aim_index]


def _bound(value: float) -> str:
    """An aim's lowest or highest value: a whole number as such (``0``, ``100``)."""
    return str(int(value)) if float(value).is_integer() else number(value)


def aim_change(state: GameState, aim_index: int) -> float:
    """Change of an aim since this turn began: what the player's actions and answers, and the
    events of this date, did. The drift at the end of the last turn is
    :func:`aim_last_drift`; the change over the whole last turn :func:`aim_last_turn_change`."""
    return state.aims[aim_index] - aim_at_start(state, aim_index, state.turn)


def aim_last_turn_change(state: GameState, aim_index: int) -> float:
    """Change of an aim over the whole last turn: its events, moves and drift."""
    if state.turn <= 0:
        return 0.0
    return (aim_at_start(state, aim_index, state.turn)
            - aim_at_start(state, aim_index, state.turn - 1))


def aim_last_drift(state: GameState, aim_index: int) -> float:
    """What the months passing at the end of the last turn (the aim's drift) did to it."""
    total = 0.0
    for entry in state.iter_log_reversed():
        if entry.turn < state.turn - 1:
            break
        if entry.kind == "drift" and entry.turn == state.turn - 1:
            total += sum(delta for what, i, delta in entry.changes
                         if what == "aim" and i == aim_index)
    return total


def versus_history(value: float, hist: float) -> str:
    """``"you are 0.9 ahead"`` / ``"behind"`` / ``"you are level"``: the player against history."""
    d = value - hist
    if round(d, 1) == 0:
        return _("you are level")
    if d > 0:
        return _("you are {points} ahead").format(points=number(abs(d)))
    return _("you are {points} behind").format(points=number(abs(d)))


CAUSES = {"action": N_("your action"), "event": N_("event"), "choice": N_("your choice"),
          "drift": N_("drift")}
"""What moved an aim, by the kind of log entry (after its title, in brackets)."""


def aim_why(state: GameState, aim_index: int, limit: int = 6) -> list[str]:
    """The lines of an aim's "why" tooltip: what moved it this turn and the turn before."""
    rules = state.rules
    aim = rules.scenario.aims[aim_index]
    lo, hi = rules.aim_min[aim_index], rules.aim_max[aim_index]
    lines = [_("{aim}: {value} ({change} this turn)").format(
                 aim=aim.name, value=number(state.aims[aim_index]),
                 change=signed(aim_change(state, aim_index))),
             one_line(aim.description, MAX_TEXT),
             _("It runs from {low} (worst) to {high} (best); the bar shows where it stands, "
               "the blue mark where history stood.").format(low=_bound(lo), high=_bound(hi))]
    if state.turn > 0:
        lines.append(_("Last turn in all: {change}, of which the months passing (drift) "
                       "{drift}.").format(change=signed(aim_last_turn_change(state, aim_index)),
                                          drift=signed(aim_last_drift(state, aim_index))))
    this_turn: list[str] = []
    last_turn: list[str] = []
    for entry in state.iter_log_reversed():
        if entry.turn < state.turn - 1:
            break
        for what, i, delta in entry.changes:
            if what == "aim" and i == aim_index:
                kind = _(CAUSES[entry.kind]) if entry.kind in CAUSES else entry.kind
                title = entry_title(rules, entry)
                if entry.kind == "drift" and aim.per_turn_reason:
                    # TRANSLATORS: a change of an aim, what caused it, its kind, and why.
                    line = _("{change}  {title} ({kind}): {reason}").format(
                        change=signed(delta), title=title, kind=kind,
                        reason=one_line(aim.per_turn_reason, MAX_TEXT))
                else:
                    # TRANSLATORS: a change of an aim, what caused it, and its kind.
                    line = _("{change}  {title} ({kind})").format(change=signed(delta),
                                                                   title=title, kind=kind)
                (this_turn if entry.turn == state.turn else last_turn).append(line)
    if last_turn:
        lines.append(_("Last turn:"))
        lines += ["  " + x for x in reversed(last_turn[:limit])]
    lines.append(_("This turn: no change yet") if not this_turn else _("This turn:"))
    lines += ["  " + x for x in reversed(this_turn[:limit])]
    hist = historical_value(rules, aim.id, state.turn)
    lines.append(_("History: {value} at the start of this turn ({date}), following what "
                   "{player} really did; {versus}.").format(
                       value=number(hist), date=turn_date(rules, state.turn),
                       player=the_name(rules.scenario.player),
                       versus=versus_history(state.aims[aim_index], hist)))
    return lines




def aims_explained(state: GameState) -> list[str]:
    """The aims panel's header tooltip: the scale, and what each column counts."""
    rules = state.rules
    scales = {(lo, hi) for lo, hi in zip(rules.aim_min, rules.aim_max, strict=True)}
    if len(scales) == 1:
        lo, hi = next(iter(scales))
        scale = _("Each aim runs from {low} (worst) to {high} (best); the bar shows where it "
                  "stands.").format(low=_bound(lo), high=_bound(hi))
    else:
        scale = _("Each aim runs from its lowest to its highest possible value (worst to "
                  "best); the bar shows where it stands.")
    return [_("Your aims"), scale,
            _("Now: its value. This turn: what it changed since this turn began (your "
              "actions and answers, and the events of this date); the drift of the months "
              "passing at the end of the last turn is in its tooltip."),
            _("History: its value at the start of this turn in real history (the blue mark), "
              "and whether you are ahead or behind. The final score (0-100) weighs where the "
              "aims end and their average over the game."),
            _("Hover an aim for what moved it.")]
