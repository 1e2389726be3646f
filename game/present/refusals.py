"""Why a move is not allowed, in the reader's language: the words for each
:class:`game.core.refusals.Refusal` the engine gives.

The engine says *what* stands in the way (a :class:`~game.core.refusals.Reason` and its
values); this module is the one place that says it in words, through the message catalogue.
A scenario's own ``unavailable_reason`` is the scenario's text and is shown as it is.

While a question waits the engine refuses every action with "answer the event first";
:func:`told_problems` says that only of the actions an answer would leave open, and of the
others what will still stand in their way (their dates, their conditions), so that what a
student reads while the question waits stays true once it is answered.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import assert_never

from game.core.engine import GameState, action_problem, apply_action, is_over, legal_actions
from game.core.refusals import Reason, Refusal
from game.i18n import _, ngettext
from game.present.dates import turn_date
from game.present.text import one_line

ANSWERS_LOOKED_AT = 256
"""How many states after answers :func:`told_problems` plays at most (a turn's questions
answered each way); past that it tells the engine's own refusals."""


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


def _after_answers(state: GameState) -> list[GameState] | None:
    """The states the waiting question (and any that follow it this turn) can lead to, one
    per way of answering them all; None if there are too many to play."""
    waiting, out = deque([state]), []
    played = 0
    while waiting:
        s = waiting.popleft()  # in the order of the answers: the first answer's state first
        if s.pending_event is None or is_over(s):
            out.append(s)
            continue
        for move in legal_actions(s):
            played += 1
            if played > ANSWERS_LOOKED_AT:
                return None
            waiting.append(apply_action(s, move))
    return out


def told_problems(state: GameState) -> dict[int, Refusal | None]:
    """Why each action (by scenario position) cannot be taken now, as a student is told it;
    None for those that can.

    As :func:`game.core.engine.action_problem`, except while a question waits: then "answer
    the event first" only for an action that some answer leaves open, and for any other the
    refusal it will still have once the question is answered (not yet, too late, already
    done, its conditions...), as after the first answer (the first of each question that
    follows)."""
    indices = range(len(state.rules.actions))
    if state.pending_event is None or is_over(state):
        return {i: action_problem(state, i) for i in indices}
    after = _after_answers(state)
    out: dict[int, Refusal | None] = {}
    for i in indices:
        waiting = action_problem(state, i)
        if after is None:
            out[i] = waiting
            continue
        later = [action_problem(s, i) for s in after]
        out[i] = waiting if any(p is None for p in later) else later[0]
    return out


def nothing_open(state: GameState) -> list[str]:
    """Why no action is listed, and when one comes: the points left that cannot be spent, and
    when the next actions' dates open (sentences for the empty actions panel)."""
    rules = state.rules
    if is_over(state):
        return [_("The game is over.")]
    if not state.budget and state.pending_event is None:
        return [_("Nothing more can be done now: no action points are left this turn.")]
    if state.pending_event is not None:
        lines = [_("Whatever you answer, no action is open this turn.")]
    else:
        lines = [ngettext("No action is open this turn: your {count} point cannot be spent and "
                          "is lost when the turn ends.",
                          "No action is open this turn: your {count} points cannot be spent "
                          "and are lost when the turn ends.", state.budget).format(
            count=state.budget)]
    nxt = _next_opening(state, [a.first_turn for a in rules.actions])
    if nxt:
        count, date = nxt
        lines.append(ngettext("The next action opens in {date}.",
                              "The next {count} actions open in {date}.", count).format(
            count=count, date=date))
    return lines


def _next_opening(state: GameState, first_turns: list[int]) -> tuple[int, str] | None:
    """How many of the actions with these first turns open next, and when (their turn's
    date); None if none opens after this turn."""
    coming = [t for t in first_turns if t > state.turn]
    if not coming:
        return None
    first = min(coming)
    return coming.count(first), turn_date(state.rules, first)


AFFECTING = ("relation", "sign", "cancel", "status")
"""Kinds of effect that affect a nation: its relation with the player, a treaty with it, its
place on the map."""

NAMES_TOLD = 3
"""How many actions a sentence names before "and N more"."""


def _sentence(text: str) -> str:
    """The text as the end of a sentence: a full stop added unless it has one (a scenario's
    ``unavailable_reason`` is a sentence of its own)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "\u2026")) else text + "."


def actions_towards(state: GameState, nation_index: int) -> tuple[list[int], bool]:
    """The actions (by scenario position) towards a nation, and whether they are aimed at it:
    those whose ``target`` it is; if none is, those with an effect on it (:data:`AFFECTING`),
    which the screen lists only among all actions."""
    rules = state.rules
    scn = rules.scenario
    nation_id = scn.nations[nation_index].id
    aimed = [a.index for a in rules.actions if scn.actions[a.index].target == nation_id]
    if aimed:
        return aimed, True
    return [a.index for a in rules.actions
            if any(e.kind in AFFECTING and e.target == nation_id
                   for e in rules.action_effects(a.id))], False


def _names(state: GameState, indices: list[int]) -> str:
    """Actions' names in quotes, the first few, then how many more."""
    scn = state.rules.scenario
    names = _(", ").join(_("\u201c{action}\u201d").format(action=one_line(scn.actions[i].name,
                                                                            80))
                         for i in indices[:NAMES_TOLD])
    more = len(indices) - NAMES_TOLD
    if more <= 0:
        return names
    # TRANSLATORS: actions named in a sentence, then how many are left unnamed.
    return ngettext("{names} and {count} more", "{names} and {count} more", more).format(
        names=names, count=more)


PAST = (Reason.ALREADY_DONE, Reason.TOO_LATE)
"""Refusals that stay: an action closed for one of them is told only if it is the only one."""


def _closed(state: GameState, indices: list[int], refusals: list[Refusal],
            aimed: bool) -> list[str]:
    """Sentences for actions towards a nation that are all closed: why, told of the first one
    that may still open (else of the first, or of none if they are several and all closed for
    good), and when the next opens if one opens later."""
    rules = state.rules
    k = next((k for k, r in enumerate(refusals) if r.reason not in PAST), None)
    count = len(indices)
    if k is None and count > 1:
        if aimed:
            gone = ngettext("None of the {count} action towards it can be taken any more: each "
                            "is done or its time has passed.",
                            "None of the {count} actions towards it can be taken any more: "
                            "each is done or its time has passed.", count)
        else:
            gone = ngettext("None of the {count} action that affects it can be taken any more: "
                            "each is done or its time has passed.",
                            "None of the {count} actions that affect it can be taken any more: "
                            "each is done or its time has passed.", count)
        return [gone.format(count=count)]
    k = k or 0
    action = one_line(rules.scenario.actions[indices[k]].name, 80)
    why = refusal_text(refusals[k])
    if count == 1 and aimed:
        line = _("The only action towards it, \u201c{action}\u201d, is not open now: "
                 "{reason}")
    elif count == 1:
        line = _("The only action that affects it, \u201c{action}\u201d, is not open now: "
                 "{reason}")
    elif aimed:
        line = ngettext("None of the {count} action towards it is open now "
                        "(\u201c{action}\u201d: {reason})",
                        "None of the {count} actions towards it is open now "
                        "(\u201c{action}\u201d: {reason})", count)
    else:
        line = ngettext("None of the {count} action that affects it is open now "
                        "(\u201c{action}\u201d: {reason})",
                        "None of the {count} actions that affect it is open now "
                        "(\u201c{action}\u201d: {reason})", count)
    lines = [_sentence(line.format(count=count, action=action, reason=why))]
    nxt = _next_opening(state, [rules.actions[i].first_turn for i in indices])
    if nxt and not is_over(state):
        soon, date = nxt
        lines.append(ngettext("The next of them opens in {date}.",
                              "The next {count} of them open in {date}.", soon).format(
            count=soon, date=date))
    return lines


def nothing_towards(state: GameState, nation_index: int,
                    problem: Callable[[int], Refusal | None] | None = None) -> list[str]:
    """Why the actions panel lists nothing while a nation is chosen (sentences): no action of
    the scenario is aimed at it (then, those that affect it, which only the list of all
    actions shows: the open ones by name, or why they are closed), or every action aimed at
    it is closed: why (:func:`_closed`), and when the next opens. Empty if an action aimed at
    it is open. ``problem`` tells an action's refusal as the student is told it (by default
    :func:`told_problems`)."""
    name = one_line(state.rules.scenario.nations[nation_index].name)
    indices, aimed = actions_towards(state, nation_index)
    if not indices:
        return [_("No action in this scenario is aimed at {nation} or affects it.").format(
            nation=name)]
    if problem is None:
        problem = told_problems(state).get
    refusals = [problem(i) for i in indices]
    open_now = [i for i, r in zip(indices, refusals, strict=True) if r is None]
    if aimed and open_now:
        return []
    lines = [] if aimed else [_("No action is aimed at {nation} alone, so none is listed "
                                "here.").format(nation=name)]
    if open_now:
        lines.append(_("Open now in the list of all actions, and affecting it: "
                       "{actions}.").format(actions=_names(state, open_now)))
        return lines
    return lines + _closed(state, indices, [r for r in refusals if r is not None], aimed)
