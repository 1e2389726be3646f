"""A quiet turn: one with no real decision (no event asking, no one-off action newly on
offer), which the map lets pass with one key and a line that sums up the last turn."""

from __future__ import annotations

from collections.abc import Collection

from game.core.engine import GameState, available_action_indices, is_over
from game.i18n import _
from game.present.aims import aim_last_turn_change
from game.present.dates import turn_months
from game.present.text import one_line, signed


def one_off_actions(state: GameState) -> frozenset[str]:
    """The one-off actions (``once: true``) that can be taken now."""
    rules = state.rules
    return frozenset(rules.actions[i].id for i in available_action_indices(state)
                     if rules.actions[i].once)


def is_quiet(state: GameState, offered_before: Collection[str] | None) -> bool:
    """True when the turn asks for no real decision: no event waits for an answer and every
    one-off action that can be taken now was on offer on an earlier turn already
    (``offered_before``; None when the earlier turns are not known, and then any one-off
    action on offer makes the turn a real one). Repeatable actions and the standing policies
    can still be used: a quiet turn only passes with one key."""
    if state.pending_event is not None or is_over(state):
        return False
    fresh = one_off_actions(state)
    if offered_before is None:
        return not fresh
    return fresh <= frozenset(offered_before)


def quiet_line(state: GameState, short: bool = False) -> str:
    """The quiet turn's line: what the last turn changed (unless ``short``), and the key that
    passes this one. Each aim is named whole ("Industrial and military strength"): the
    screen wraps the line rather than cut a name."""
    rules = state.rules
    changes = []
    for i, aim in enumerate(rules.scenario.aims):
        d = aim_last_turn_change(state, i)
        if round(d, 1) != 0:
            # TRANSLATORS: an aim and its change ("Security +0.8").
            changes.append(_("{name} {change}").format(name=one_line(aim.name),
                                                       change=signed(d)))
    last = state.turn + 1 >= rules.turns
    nxt = turn_months(rules, state.turn + 1) if not last else ""
    if changes and state.turn > 0 and not short:
        text = _("A quiet turn: nothing asks for a decision. Last turn: {changes}.").format(
            changes=_(", ").join(changes))
    else:
        text = _("A quiet turn: nothing asks for a decision.")
    then = _("Enter ends the last turn.") if last else \
        _("Enter passes to {date}.").format(date=nxt)
    # TRANSLATORS: the quiet turn's line: what happened, then the key that passes the turn.
    return _("{text} {then}").format(text=text, then=then)
