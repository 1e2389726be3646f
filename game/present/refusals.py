"""Why a move is not allowed, in the reader's language: the words for each
:class:`game.core.refusals.Refusal` the engine gives.

The engine says *what* stands in the way (a :class:`~game.core.refusals.Reason` and its
values); this module is the one place that says it in words, through the message catalogue.
A scenario's own ``unavailable_reason`` is the scenario's text and is shown as it is.
"""

from __future__ import annotations

from typing import assert_never

from game.core.refusals import Reason, Refusal
from game.i18n import _, ngettext


def refusal_text(refusal: Refusal) -> str:
    """Return why a move is refused, as a phrase for a button's line or a message."""
    r = refusal.reason
    if r is Reason.GAME_OVER:
        return _("the game is over")
    if r is Reason.ANSWER_EVENT_FIRST:
        return _("answer the event first")
    if r is Reason.NOT_YET:
        return _("not yet possible at this date")
    if r is Reason.TOO_LATE:
        return _("too late: the moment has passed")
    if r is Reason.ALREADY_DONE:
        return _("already done")
    if r is Reason.ALREADY_DONE_THIS_TURN:
        return _("already done this turn")
    if r is Reason.NEEDS_POINTS:
        return ngettext("needs {cost} action point, {left} left",
                        "needs {cost} action points, {left} left",
                        refusal.cost).format(cost=refusal.cost, left=refusal.left)
    if r is Reason.CONDITIONS_NOT_MET:
        return refusal.scenario_text or _("the conditions for it are not met")
    if r is Reason.UNKNOWN_ACTION:
        return _("there is no action '{action}' in this scenario").format(action=refusal.action)
    if r is Reason.NO_EVENT_WAITING:
        return _("no event is waiting for a choice")
    if r is Reason.WRONG_EVENT:
        return _("the event waiting for a choice is '{waiting}', not '{event}'").format(
            waiting=refusal.waiting, event=refusal.event)
    if r is Reason.NOT_A_CHOICE:
        return _("'{choice}' is not a choice of '{event}'").format(choice=refusal.choice,
                                                                  event=refusal.event)
    if r is Reason.UNKNOWN_POLICY:
        return _("there is no policy '{policy}' with an option '{option}'").format(
            policy=refusal.action, option=refusal.choice)
    if r is Reason.OUTSIDE_CALENDAR:
        return _("its date is outside the calendar")
    assert_never(r)  # a new Reason needs its words here
