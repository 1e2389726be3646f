"""Warnings for likely mistakes in a scenario that loads: things that are legal but probably wrong.

Two kinds of check:

- :func:`static_warnings` reads the scenario and its compiled rules: an event,
  action or ending whose window, cost or condition can never hold (a condition
  that needs a flag nothing sets, an event that never fires...), a flag set but
  never read or read but never set, a missing history note or verdict, a
  recorded figure the historical path does not follow. It is cheap, so the
  loader runs it on every load (:func:`lint`) and ``LoadedScenario.warnings``
  carries its results.
- :func:`simulated_warnings` plays games with several policies and reports the
  events that never fired, the actions never possible and the endings never
  reached in any of them. It takes a moment, so ``validate`` runs it, not the
  loader.

Every warning is a :class:`~game.core.checks.PathProblem` with severity
"warning" and the path of the value it concerns; a ``Locate`` function (the
loader's) turns it into a :class:`~game.scenario.errors.Problem` with
``file:line:col``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from game.core import expr
from game.core.checks import Path, PathProblem
from game.core.effects.flag import ClearFlagEffect, SetFlagEffect
from game.core.engine import (
    GameState,
    apply_action,
    available_action_indices,
    ending,
    is_over,
    move_limit,
    new_game,
)
from game.core.expr import ExprError, Node
from game.core.figures import figure_fits
from game.core.policies import (
    POLICIES,
    Policy,
    choices_policy,
    historical_game,
    history_with,
    what_if_plans,
)
from game.core.rules import Rules
from game.core.scenario import Effect, Scenario, expression_places, month_index
from game.core.scoring import overall_score
from game.i18n import N_, _, ngettext
from game.scenario.errors import Problem
from game.scenario.yamlsafe import Marks

Locate = Callable[[PathProblem], Problem]
"""Turns a problem at a path of the scenario's data into one at file:line:col."""

FIGURE_FIT_THRESHOLD = 0.6
"""Below this correlation a recorded figure and its aim's historical trajectory have drifted."""

Tri = float | bool | None

SCORE_MOVE = 1.0
"""An answer matters if, changed alone on the historical path, it moves the mean final score by
at least this many points (or the endings by :data:`ENDINGS_MOVE`): balance and validate."""

ENDINGS_MOVE = 0.1
"""... or moves the distribution of endings by at least this total variation distance."""

ANSWERS_BARELY_MATTER = 0.5
"""validate warns when fewer than this share of the answers other than history's matter."""


def endings_distance(a: Mapping[str | None, float], b: Mapping[str | None, float]) -> float:
    """The total variation distance between two distributions of endings (ending -> share): the
    share of games whose ending would have to change to turn one into the other, 0 to 1."""
    return sum(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in a.keys() | b.keys()) / 2


def answer_matters(score_change: float, distance: float) -> bool:
    """Whether an answer changed alone matters (see :data:`SCORE_MOVE`); a hair's breadth of
    rounding below the line counts as below it."""
    return abs(score_change) >= SCORE_MOVE - 1e-9 or distance >= ENDINGS_MOVE - 1e-9
"""A value known at load time, or None when it depends on how the game goes."""


def lint(rules: Rules, locate: Locate) -> list[Problem]:
    """Return the static warnings of a compiled scenario, placed in its file."""
    return [locate(p) for p in static_warnings(rules)]


# -- what can never happen ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Impossible:
    """What is known never to happen in any game of a scenario, found before playing."""

    flags: frozenset[str]
    """Flags that start unset and that no effect sets."""
    events: frozenset[str]
    actions: frozenset[str]
    endings: frozenset[str]
    reasons: dict[str, tuple[Path, str, int, bool]]
    """``"event:ID"`` (or action, ending) -> (path, why, offset in an expression, whether to
    warn: a date outside the calendar has its own warning from the loader's checks)."""


def _parse(text: str | None) -> Node | None:
    if text is None:
        return None
    try:
        return expr.parse(text)
    except ExprError:  # the loader reports it as an error; nothing to add here
        return None


def _effects_of(s: Scenario) -> Iterator[tuple[Path, Effect]]:
    """Every effect in the scenario with its path."""
    for i, a in enumerate(s.actions):
        for k, e in enumerate(a.effects):
            yield ("actions", i, "effects", k), e
    for i, ev in enumerate(s.events):
        for k, e in enumerate(ev.effects):
            yield ("events", i, "effects", k), e
        for c, ch in enumerate(ev.choices):
            for k, e in enumerate(ch.effects):
                yield ("events", i, "choices", c, "effects", k), e
            for m, o in enumerate(ch.outcomes):
                for k, e in enumerate(o.effects):
                    yield ("events", i, "choices", c, "outcomes", m, "effects", k), e
    for i, pol in enumerate(s.policies):
        for m, opt in enumerate(pol.options):
            for k, e in enumerate(opt.per_turn):
                yield ("policies", i, "options", m, "per_turn", k), e


def _conditions_of(s: Scenario) -> Iterator[tuple[Path, Node]]:
    """Every parsed expression in the scenario with its path."""
    for path, text in expression_places(s):
        node = _parse(text)
        if node is not None:
            yield path, node


def _evaluate(node: Node, known: Callable[[str], Tri]) -> Tri:
    """Evaluate an expression with three-valued logic: None where the game decides."""
    if isinstance(node, expr.Number):
        return node.value
    if isinstance(node, expr.Name):
        return known(node.name)
    if isinstance(node, expr.Unary):
        inner = _evaluate(node.operand, known)
        if inner is None:
            return None
        return (not inner) if node.op == "not" else -inner
    if isinstance(node, expr.Call):
        args = [_evaluate(a, known) for a in node.args]
        if any(a is None for a in args) or node.function not in expr.FUNCTIONS:
            return None
        result: float | bool = expr.FUNCTIONS[node.function][1](*args)
        return result
    left = _evaluate(node.left, known)
    right = _evaluate(node.right, known)
    if node.op == "and":
        if (left is not None and not left) or (right is not None and not right):
            return False
        return True if left is not None and right is not None else None
    if node.op == "or":
        if (left is not None and left) or (right is not None and right):
            return True
        return False if left is not None and right is not None else None
    if left is None or right is None:
        return None
    if node.op == "/":
        return left / right if right else 0.0
    ops: dict[str, Callable[[float, float], float | bool]] = {
        "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
        "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    }
    return ops[node.op](left, right)


def _never_true(node: Node, impossible: set[str]) -> tuple[bool, str, int]:
    """Whether a condition is false in every game, given the names known to be always false.

    Returns (never true, the first name that makes it so, its offset).
    """

    def known(name: str) -> Tri:
        if name in impossible:
            return False
        if name.startswith("chose."):
            event = "fired." + name.split(".")[1]
            if event in impossible:
                return False
        return None  # decided by the game

    if _evaluate(node, known) is not False:
        return False, "", 0
    culprit = next((n for n in expr.names(node) if known(n.name) is False), None)
    if culprit is None:
        return True, "", 0
    return True, culprit.name, culprit.offset


def _why(name: str, s: Scenario) -> str:
    """Say in words why a name in a condition is always false."""
    head, __, rest = name.partition(".")
    if head == "flag":
        cleared = any(isinstance(e, ClearFlagEffect) and e.clear_flag == rest
                      for __, e in _effects_of(s))
        close = expr.closest(rest, sorted({e.set_flag for __, e in _effects_of(s)
                                            if isinstance(e, SetFlagEffect)}))
        if close is None:
            message = (_("flag.{flag} is never set (it is only cleared)") if cleared
                       else _("flag.{flag} is never set by any effect"))
        else:
            message = (_("flag.{flag} is never set (it is only cleared); did you mean "
                         "'{name}'?") if cleared
                       else _("flag.{flag} is never set by any effect; did you mean '{name}'?"))
        return message.format(flag=rest, name=close)
    if head == "fired":
        return _("event '{event}' can never fire").format(event=rest)
    if head == "took":
        return _("action '{action}' can never be taken").format(action=rest)
    if head == "chose":
        return _("event '{event}' can never fire").format(event=rest.split(".")[0])
    return _("{name} is always false").format(name=name)


def find_impossible(rules: Rules) -> Impossible:
    """Work out, without playing, which flags, events, actions and endings can never happen."""
    s = rules.scenario
    last_turn = rules.turns - 1
    set_flags = {e.set_flag for __, e in _effects_of(s) if isinstance(e, SetFlagEffect)}
    flags = frozenset(f for f in rules.flag_ids if f not in set_flags)
    always_false = {f"flag.{f}" for f in flags}
    reasons: dict[str, tuple[Path, str, int, bool]] = {}

    # Windows first: they do not depend on anything else.
    for i, ev in enumerate(s.events):
        if ev.earliest and ev.latest and month_index(ev.latest) < month_index(ev.earliest):
            reasons[f"event:{ev.id}"] = (("events", i, "latest"),
                                         _("'latest' ({latest}) is before 'earliest' "
                                           "({earliest})").format(latest=ev.latest,
                                                                  earliest=ev.earliest),
                                         0, True)
        else:
            c = rules.events[i]
            if c.last_turn < 0 or c.first_turn > last_turn or c.first_turn > c.last_turn:
                reasons[f"event:{ev.id}"] = (("events", i, "id"),
                                             _("its dates are outside the calendar "
                                               "({start} to {end})").format(
                                                 start=s.calendar.start, end=s.calendar.end),
                                             0, False)
    for i, a in enumerate(s.actions):
        if a.earliest and a.latest and month_index(a.latest) < month_index(a.earliest):
            reasons[f"action:{a.id}"] = (("actions", i, "latest"),
                                         _("'latest' ({latest}) is before 'earliest' "
                                           "({earliest})").format(latest=a.latest,
                                                                  earliest=a.earliest),
                                         0, True)
        elif a.cost > s.actions_per_turn:
            reasons[f"action:{a.id}"] = (("actions", i, "cost"),
                                         ngettext("it costs {cost} action points but a turn has "
                                                  "only {per_turn} (actions_per_turn)",
                                                  "it costs {cost} action points but a turn has "
                                                  "only {per_turn} (actions_per_turn)", a.cost)
                                         .format(cost=a.cost, per_turn=s.actions_per_turn),
                                         0, True)
        else:
            c_a = rules.actions[i]
            if c_a.last_turn < 0 or c_a.first_turn > last_turn or c_a.first_turn > c_a.last_turn:
                reasons[f"action:{a.id}"] = (("actions", i, "id"),
                                             _("its dates are outside the calendar "
                                               "({start} to {end})").format(
                                                 start=s.calendar.start, end=s.calendar.end),
                                             0, False)
    for key in reasons:
        kind, __, ident = key.partition(":")
        always_false.add(("fired." if kind == "event" else "took.") + ident)

    # The values aims and relations keep to: a condition outside them never holds.
    ranges = {a.id: (float(a.min), float(a.max)) for a in s.aims}
    ranges.update({f"relation.{n.id}": RELATION_RANGE for n in s.nations})
    # Conditions, until nothing more is learnt (an event may wait for one that never fires).
    event_when = [(i, ev.id, _parse(ev.when)) for i, ev in enumerate(s.events)]
    action_when = [(i, a.id, _parse(a.available)) for i, a in enumerate(s.actions)]
    changed = True
    while changed:
        changed = False
        for kind, items, field, prefix in (("event", event_when, "when", "fired."),
                                           ("action", action_when, "available", "took.")):
            for i, ident, node in items:
                key = f"{kind}:{ident}"
                if key in reasons or node is None:
                    continue
                never, culprit, offset = _never_true(node, always_false)
                bounds = "" if never else expr.never_holds(node, ranges)
                if never or bounds:
                    why = _never_true_why(field, _why(culprit, s) if culprit else bounds)
                    reasons[key] = ((f"{kind}s", i, field), why, offset, True)
                    always_false.add(prefix + ident)
                    changed = True
    endings = set()
    for i, e in enumerate(s.endings):
        node = _parse(e.when)
        if node is None:
            continue
        never, culprit, offset = _never_true(node, always_false)
        bounds = "" if never else expr.never_holds(node, ranges)
        if never or bounds:
            why = _never_true_why("when", _why(culprit, s) if culprit else bounds)
            reasons[f"ending:{e.id}"] = (("endings", i, "when"), why, offset, True)
            endings.add(e.id)
    events = frozenset(k[6:] for k in reasons if k.startswith("event:"))
    actions = frozenset(k[7:] for k in reasons if k.startswith("action:"))
    return Impossible(flags, events, actions, frozenset(endings), reasons)


def _never_true_why(field: str, reason: str) -> str:
    """Why a condition (``field``: when, available) never holds, with ``reason`` if known."""
    if reason:
        return _("its '{field}' can never be true: {reason}").format(field=field, reason=reason)
    return _("its '{field}' can never be true").format(field=field)


_NEVER = {
    "event": (N_("event '{id}' can never fire: {reason}"),
              N_("fix its date or condition, or remove the event")),
    "action": (N_("action '{id}' can never be taken: {reason}"),
               N_("fix its dates or 'available' condition, or remove the action")),
    "ending": (N_("ending '{id}' can never be reached: {reason}"),
               N_("fix its 'when', or remove the ending")),
}
"""Each kind's warning (with its id and the reason) and hint, translated where used."""


def _never_warnings(impossible: Impossible) -> list[PathProblem]:
    out = []
    for key, (path, why, offset, warn) in impossible.reasons.items():
        if not warn:
            continue
        kind, __, ident = key.partition(":")
        message, hint = _NEVER[kind]
        out.append(PathProblem(path, _(message).format(id=ident, reason=why), _(hint), offset,
                               severity="warning"))
    return out


# -- effects beyond a range ---------------------------------------------------------------------

RELATION_RANGE = (-100.0, 100.0)
"""Where a relation lies (the nations' starting 'relation' has the same bounds)."""


def _number(value: float) -> str:
    return f"{value:g}"


def effect_range_problems(s: Scenario) -> list[PathProblem]:
    """An effect that sets an aim or a relation outside its range (an error, as a starting
    value out of range is), or adds more than the whole range (a warning: legal, since the
    value stops at its bound, but surely a slip such as 500 for 50)."""
    from game.core.effects.aim import AimEffect
    from game.core.effects.relation import RelationEffect

    ranges = {a.id: (a.min, a.max) for a in s.aims}
    out = []
    for path, e in _effects_of(s):
        if isinstance(e, AimEffect):
            if e.aim not in ranges:
                continue  # an unknown aim has its own error
            (low, high), name = ranges[e.aim], e.aim
            outside = _("'set: {value}' is outside the range of aim '{name}' ({low} to {high})")
            fix = _("write a value from {low} to {high}; its 'min' and 'max' go no further")
            beyond = _("'add: {value}' is more than the whole range of aim '{name}' "
                       "({low} to {high})")
        elif isinstance(e, RelationEffect):
            (low, high), name = RELATION_RANGE, e.relation
            outside = _("'set: {value}' is outside the range of the relation with '{name}' "
                        "({low} to {high})")
            fix = _("write a value from {low} to {high}; relations go no further")
            beyond = _("'add: {value}' is more than the whole range of the relation with "
                       "'{name}' ({low} to {high})")
        else:
            continue
        span = {"name": name, "low": _number(low), "high": _number(high)}
        if e.set is not None and not low <= e.set <= high:
            out.append(PathProblem(path + ("set",), outside.format(value=_number(e.set), **span),
                                   fix.format(**span)))
        if e.add is not None and abs(e.add) > high - low:
            out.append(PathProblem(path + ("add",), beyond.format(value=_number(e.add), **span),
                                   _("the value stops at {bound}; write a smaller step, such "
                                     "as {step}").format(
                                       bound=_number(high if e.add > 0 else low),
                                       step=_number(e.add / 10)),
                                   severity="warning"))
    return out


# -- chances beyond 0 to 1 ----------------------------------------------------------------------

Span = tuple[float, float]
"""The lowest and highest values an expression can take."""

_YES_NO = ("treaty", "flag", "took", "fired", "chose", "policy", "status", "outcome")
"""Names that are true or false: 1 or 0 in arithmetic."""


def _name_spans(rules: Rules) -> Callable[[str], Span | None]:
    """Where each name of a condition lies, from the scenario alone (None if unknown)."""
    s = rules.scenario
    aims = {a.id: (float(a.min), float(a.max)) for a in s.aims}
    first = month_index(s.calendar.start)
    last = first + (rules.turns - 1) * s.calendar.months_per_turn

    def span(name: str) -> Span | None:
        head = name.split(".")[0]
        if name in aims:
            return aims[name]
        if head in _YES_NO:
            return (0.0, 1.0)
        if head == "relation":
            return RELATION_RANGE
        if head == "treaties":
            return (0.0, float(len(s.nations)))
        if name == "year":
            return (float(first // 12), float(last // 12))
        if name == "month":
            return (1.0, 12.0)
        if name == "turn":
            return (0.0, float(rules.turns - 1))
        return None

    return span


def value_span(node: Node, span: Callable[[str], Span | None]) -> Span | None:
    """The lowest and highest values of an expression, worked out from the spans of its names
    (interval arithmetic: it may be wider than what a game can reach, never narrower); None
    where it cannot be told (a division by something that can be 0)."""
    if isinstance(node, expr.Number):
        return (node.value, node.value)
    if isinstance(node, expr.Name):
        return span(node.name)
    if isinstance(node, expr.Unary):
        if node.op == "not":
            return (0.0, 1.0)
        inner = value_span(node.operand, span)
        return None if inner is None else (-inner[1], -inner[0])
    if isinstance(node, expr.Call):
        args = [value_span(a, span) for a in node.args]
        if any(a is None for a in args):
            return None
        known = [a for a in args if a is not None]
        if node.function == "min" and len(known) == 2:
            return (min(known[0][0], known[1][0]), min(known[0][1], known[1][1]))
        if node.function == "max" and len(known) == 2:
            return (max(known[0][0], known[1][0]), max(known[0][1], known[1][1]))
        if node.function == "abs" and len(known) == 1:
            low, high = known[0]
            if low >= 0:
                return (low, high)
            if high <= 0:
                return (-high, -low)
            return (0.0, max(-low, high))
        if node.function == "clamp" and len(known) == 3:
            (x_low, x_high), (lo_low, lo_high), (hi_low, hi_high) = known
            return (min(max(x_low, lo_low), hi_low), min(max(x_high, lo_high), hi_high))
        return None
    if node.op in ("and", "or", "<", "<=", ">", ">=", "==", "!="):
        return (0.0, 1.0)
    left, right = value_span(node.left, span), value_span(node.right, span)
    if left is None or right is None:
        return None
    if node.op == "+":
        return (left[0] + right[0], left[1] + right[1])
    if node.op == "-":
        return (left[0] - right[1], left[1] - right[0])
    if node.op == "/":
        if right[0] <= 0 <= right[1]:
            return None
        right = (1 / right[1], 1 / right[0])
    products = [a * b for a in left for b in right]
    return (min(products), max(products))


def chance_warnings(rules: Rules) -> list[PathProblem]:
    """A chance formula that can go below 0 or above 1 (the game counts it as 0 or 1: legal,
    but often a slip), and a gamble whose outcomes before the last always take all the
    chance, so that the last one never comes."""
    s = rules.scenario
    span = _name_spans(rules)
    out = []

    def check(path: Path, text: str) -> Span | None:
        node = _parse(text)
        found = None if node is None else value_span(node, span)
        if found is not None and (found[0] < -1e-9 or found[1] > 1 + 1e-9):
            out.append(PathProblem(path, _("the chance '{text}' can run from {low} to {high}; "
                                           "the game counts below 0 as 0 and above 1 as "
                                           "1").format(text=text, low=_number(found[0]),
                                                       high=_number(found[1])),
                                   _("if that is meant, write clamp({text}, 0, 1) to say so; "
                                     "else change its numbers so that it stays from 0 to "
                                     "1").format(text=text), severity="warning"))
        return found

    for i, ev in enumerate(s.events):
        if isinstance(ev.chance, str):
            check(("events", i, "chance"), ev.chance)
        for k, c in enumerate(ev.choices):
            least = 0.0
            for m, o in enumerate(c.outcomes[:-1]):
                path = ("events", i, "choices", k, "outcomes", m, "chance")
                if isinstance(o.chance, str):
                    found = check(path, o.chance)
                    least = least + max(found[0], 0.0) if found is not None else least
                elif o.chance is not None:
                    least += o.chance
            if len(c.outcomes) > 1 and least >= 1 - 1e-9:
                last = c.outcomes[-1].id
                out.append(PathProblem(("events", i, "choices", k, "outcomes", len(c.outcomes) - 1,
                                        "id"),
                                       _("the outcomes before '{id}' always take all the chance "
                                         "(at least {total} together), so '{id}' never "
                                         "comes").format(id=last, total=_number(least)),
                                       _("lower their chances so that they add up to less "
                                         "than 1; '{id}' gets what they leave").format(id=last),
                                       severity="warning"))
    return out


# -- flags ---------------------------------------------------------------------------------------


def flag_warnings(s: Scenario) -> list[PathProblem]:
    """A flag set but never read, or read but never set."""
    sets: dict[str, Path] = {}
    clears: dict[str, Path] = {}
    reads: dict[str, tuple[Path, int]] = {}
    for path, e in _effects_of(s):
        if isinstance(e, SetFlagEffect):
            sets.setdefault(e.set_flag, path + ("set_flag",))
        elif isinstance(e, ClearFlagEffect):
            clears.setdefault(e.clear_flag, path + ("clear_flag",))
    for path, node in _conditions_of(s):
        for n in expr.names(node):
            head, __, rest = n.name.partition(".")
            if head == "flag" and rest and "." not in rest:
                reads.setdefault(rest, (path, n.offset))
    out = []
    for flag, path in sets.items():
        if flag not in reads:
            unread = [f for f in reads if f not in sets]
            close = expr.closest(flag, unread) if unread else None
            hint = (_("did you mean '{name}', which a condition reads?").format(name=close)
                    if close is not None else
                    _("read it in a 'when' or 'available' as flag.{flag}, or remove the "
                      "set_flag").format(flag=flag))
            out.append(PathProblem(path, _("flag '{flag}' is set but no condition reads it")
                                   .format(flag=flag), hint, severity="warning"))
    for flag, (path, offset) in reads.items():
        if flag not in sets:
            message = (_("flag.{flag} is read but nothing sets it (it is only cleared), so it "
                         "is always false") if flag in clears else
                       _("flag.{flag} is read but nothing sets it, so it is always false"))
            close = expr.closest(flag, list(sets))
            hint = (_("did you mean '{name}', which an effect sets?").format(name=close)
                    if close is not None else
                    _("add 'set_flag: {flag}' to the effects of the action, choice or event "
                      "that should set it, or check the spelling").format(flag=flag))
            out.append(PathProblem(path, message.format(flag=flag), hint, offset,
                                   severity="warning"))
    return out


# -- history notes ------------------------------------------------------------------------------


def history_warnings(s: Scenario) -> list[PathProblem]:
    """Actions and events without a history note; decisions whose note gives no verdict."""
    out = []
    add_note = _("add a 'history:' note with date, text, verdict and source, as the guide shows")
    for i, a in enumerate(s.actions):
        if a.history is None:
            out.append(PathProblem(("actions", i, "id"),
                                   _("action '{action}' has no history note, so the report "
                                     "cannot set it beside what really happened")
                                   .format(action=a.id), add_note,
                                   severity="warning"))
        elif "verdict" not in a.history.model_fields_set:
            out.append(PathProblem(("actions", i, "history"),
                                   _("the history note of action '{action}' gives no verdict")
                                   .format(action=a.id),
                                   _("write verdict: success, failure, mixed or not_in_essay"),
                                   severity="warning", at_key=True))
    for i, ev in enumerate(s.events):
        if ev.history is None:
            if ev.choices:
                message = _("event '{event}' asks for a choice but has no history note: the "
                            "report cannot say what the player's nation ({nation}) chose and "
                            "why").format(event=ev.id, nation=s.player)
            else:
                message = _("event '{event}' has no history note").format(event=ev.id)
            out.append(PathProblem(("events", i, "id"), message, add_note, severity="warning"))
            continue
        if ev.choices and "verdict" not in ev.history.model_fields_set:
            out.append(PathProblem(("events", i, "history"),
                                   _("the history note of event '{event}' gives no verdict on "
                                     "the choice the player's nation ({nation}) made")
                                   .format(event=ev.id, nation=s.player),
                                   _("write verdict: success, failure, mixed or not_in_essay"),
                                   severity="warning", at_key=True))
    for kind, notes in (("actions", [a.history for a in s.actions]),
                        ("events", [e.history for e in s.events])):
        for i, note in enumerate(notes):
            if note is not None and not note.source.strip():
                out.append(PathProblem((kind, i, "history", "source"),
                                       _("the history note has an empty source"),
                                       _("name the book, article or document the facts come "
                                         "from"), severity="warning"))
    return out


# -- recorded figures ---------------------------------------------------------------------------


def figure_warnings(rules: Rules, threshold: float = FIGURE_FIT_THRESHOLD) -> list[PathProblem]:
    """Recorded figures that the historical path's trajectory of their aim does not follow."""
    s = rules.scenario
    if not s.figures:
        return []
    out = []
    for i, fit in enumerate(figure_fits(historical_game(rules))):
        figure = s.figures[i]
        path: Path = ("figures", i, "id")
        if len(fit.years) < 2:
            out.append(PathProblem(path, _("figure '{figure}' has fewer than two years inside "
                                           "the calendar, so it cannot be compared with the "
                                           "aim '{aim}'").format(figure=fit.figure_id,
                                                                 aim=fit.aim_id),
                                   _("give values for years the game covers"),
                                   severity="warning"))
        elif len(set(fit.model)) == 1 and len(set(fit.real)) > 1:
            out.append(PathProblem(path, _("figure '{figure}' changes over {first}-{last} but "
                                           "the aim '{aim}' stays flat on the historical path")
                                   .format(figure=fit.figure_id, first=fit.years[0],
                                           last=fit.years[-1], aim=fit.aim_id),
                                   _("give the aim a per_turn formula, or effects on the "
                                     "historical path, that move it"), severity="warning"))
        elif fit.correlation < threshold:
            drift = (_("the historical path drifts from the recorded figure '{figure}': its "
                       "correlation with the aim '{aim}' over {first}-{last} is {correlation} "
                       "(below {threshold}); real {unit}: {real}; aim: {model}")
                     if figure.unit else
                     _("the historical path drifts from the recorded figure '{figure}': its "
                       "correlation with the aim '{aim}' over {first}-{last} is {correlation} "
                       "(below {threshold}); real: {real}; aim: {model}"))
            out.append(PathProblem(path, drift.format(
                figure=fit.figure_id, aim=fit.aim_id, first=fit.years[0], last=fit.years[-1],
                correlation=f"{fit.correlation:.2f}", threshold=f"{threshold:.1f}",
                unit=figure.unit, real=_series(fit.real), model=_series(fit.model)),
                                   _("change the aim's per_turn formula or the effects of the "
                                     "historical actions so the aim rises and falls with the "
                                     "figure"), severity="warning"))
    return out


def _series(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:g}" if abs(v) >= 100 else f"{v:.3g}" for v in values)


# -- all static checks --------------------------------------------------------------------------


def static_warnings(rules: Rules) -> list[PathProblem]:
    """Every warning found without simulating games, in the order of the file's sections."""
    s = rules.scenario
    out = _never_warnings(find_impossible(rules))
    out += flag_warnings(s)
    out += chance_warnings(rules)
    out += history_warnings(s)
    out += figure_warnings(rules)
    return out


# -- simulated games ----------------------------------------------------------------------------


SIMULATION_WORK = 6_000_000
"""Work units for all the simulated games of one scenario: a few seconds on a small machine,
whatever the file. One unit is one short condition evaluated (an action's availability, an
event's 'when'; a long one counts one unit per :data:`CONDITION_CHARS` characters); a move
applied costs :data:`APPLY_UNITS` (the greedy player's look-ahead included)."""

CONDITION_CHARS = 40
"""Characters of a condition that cost about as much to evaluate as one short condition."""

APPLY_UNITS = 8
"""Work units of one move applied, against one action's availability checked (measured)."""

_SHARES: tuple[tuple[str, float], ...] = (
    ("history", 0.1), ("passive", 0.1), ("greedy", 0.2), ("random", 0.3), ("what_if", 0.3))
"""Each kind of game's share of the work, in the order they are played; what one kind leaves
unused goes to the next, so the what-if games get the rest."""


@dataclass(frozen=True, slots=True)
class SimulationPlan:
    """How many games of each policy to play when looking for what never happens."""

    random: int = 50
    greedy: int = 3
    passive: int = 2
    history: int = 1
    what_if: int = 2
    """History with up to this many choices changed, every combination (0 = none)."""
    work: int = SIMULATION_WORK
    """The work all the games may take together (see :data:`SIMULATION_WORK`): the games
    that do not fit are not played, and a game that runs out of it stops where it is."""

    @property
    def total(self) -> int:
        return self.random + self.greedy + self.passive + self.history

    def describe(self, what_if_games: int = 0) -> str:
        played = {"random": self.random, "greedy": self.greedy, "passive": self.passive,
                  "history": self.history, "what_if": what_if_games}
        return _describe(played, self.what_if, stopped=False)


_KINDS: dict[str, Callable[[int], str]] = {
    "random": lambda n: ngettext("{count} random", "{count} random", n),
    "greedy": lambda n: ngettext("{count} greedy", "{count} greedy", n),
    "passive": lambda n: ngettext("{count} passive", "{count} passive", n),
    "history": lambda n: ngettext("{count} history", "{count} history", n),
}
"""How many games of each policy were played, in words, translated when called."""


def _describe(played: dict[str, int], what_if: int, stopped: bool) -> str:
    parts = [_KINDS[name](played[name]).format(count=played[name]) for name in _KINDS
             if played.get(name, 0)]
    if played.get("held", 0):
        parts.append(ngettext("{count} of history with a standing policy held all game",
                              "{count} of history with a standing policy held all game",
                              played["held"]).format(count=played["held"]))
    if played.get("what_if", 0):
        parts.append(ngettext("{count} of history with up to {changes} choice(s) changed",
                              "{count} of history with up to {changes} choice(s) changed",
                              played["what_if"]).format(count=played["what_if"],
                                                        changes=what_if))
    if stopped:
        parts.append(_("validate's work limit stopped the rest"))
    details = parts[0] if parts else ""
    for part in parts[1:]:
        details = _("{list}, {item}").format(list=details, item=part)
    total = sum(played.values())
    return ngettext("{count} simulated game ({details})", "{count} simulated games ({details})",
                    total).format(count=total, details=details)


@dataclass(frozen=True, slots=True)
class Coverage:
    """What happened at least once over a set of games (bit sets over the scenario's lists)."""

    games: int
    fired: int
    possible: int
    endings: frozenset[int]
    played: tuple[tuple[str, int], ...] = ()
    """Games played of each kind (a game the work limit stopped early counts)."""
    work: int = 0
    """Work units the games took (see :data:`SIMULATION_WORK`)."""
    stopped: bool = False
    """Whether the work limit left games out or stopped one early."""
    answers_matter: tuple[int, int] | None = None
    """(answers that matter, answers other than history's) on the historical path of seed 0,
    as ``balance --runs 1`` counts them; None if the work limit left some of them unplayed."""


def _games(kind: str, plan: SimulationPlan) -> Iterator[tuple[Policy, int]]:
    """The games of one kind (not the what-if games) in ``plan``, made one at a time."""
    count = {"random": plan.random, "greedy": plan.greedy, "passive": plan.passive,
             "history": plan.history}[kind]
    for seed in range(count):
        yield POLICIES[kind], seed


def _condition_units(rules: Rules) -> tuple[list[int], list[int]]:
    """Work units, for each turn, of checking which actions are possible, and of the turn's
    start (events' conditions, aims' formulas, endings)."""
    s = rules.scenario

    def units(text: str | None) -> int:
        return 1 + (len(text) // CONDITION_CHARS if text else 0)

    action_units = [units(a.available) for a in s.actions]
    event_units = [units(e.when) for e in s.events]
    every_turn = (sum(units(a.per_turn) for a in s.aims)
                  + sum(units(e.when) for e in s.endings))
    scan = [sum(action_units[a.index] for a in turn) for turn in rules.actions_by_turn]
    start = [every_turn + sum(event_units[e.index] for e in turn)
             for turn in rules.events_by_turn]
    return scan, start


class _Player:
    """Plays games within a work limit and records what happened in any of them."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.fired = self.possible = 0
        self.endings: set[int] = set()
        self.left = self.spent = 0
        self.stopped = False
        self.limit = move_limit(rules)
        self.scan_units, self.turn_units = _condition_units(rules)
        self.single: dict[tuple[str, str], GameState] = {}
        """The finished games of history with one answer changed."""

    def play(self, state: GameState, policy: Policy, rng: random.Random, greedy: bool = False,
             first_pending: dict[int, GameState] | None = None) -> GameState:
        """Play ``state`` on until the game ends, or the work runs out; return the last state.

        ``first_pending`` collects, for each event, the state where it first awaits an answer.
        """
        rules = self.rules
        events = rules.events
        apply_units = APPLY_UNITS
        scan_units, turn_units = self.scan_units, self.turn_units
        last_turn = len(turn_units) - 1
        possible = self.possible
        left = self.left
        event_index = rules.event_index
        for __ in range(self.limit):
            if is_over(state):
                break
            if left <= 0:
                self.stopped = True
                break
            cost = apply_units
            turn = state.turn
            pending = state.pending_event
            if pending is None:
                available = available_action_indices(state)
                for index in available:
                    possible |= 1 << index
                cost += scan_units[turn]
                if greedy:
                    cost += apply_units * len(available)
            else:
                if first_pending is not None:
                    first_pending.setdefault(event_index[pending], state)
                if greedy:
                    cost += apply_units * len(events[event_index[pending]].choices)
            state = apply_action(state, policy(state, rng))
            if state.turn != turn or is_over(state):
                cost += turn_units[min(state.turn, last_turn)]
            left -= cost
            self.spent += cost
        self.left = left
        self.possible = possible
        for event in state.events_fired():
            self.fired |= 1 << event_index[event]
        end = ending(state)
        if end is not None:
            self.endings.add(next(e.index for e in rules.endings if e.id == end))
        return state


def coverage(rules: Rules, plan: SimulationPlan) -> Coverage:
    """Play the games of ``plan`` and record every event fired, action possible and ending.

    The games are played within ``plan.work``: however large the scenario and however long
    its games, this takes a bounded time, and the warnings say how many games were played.

    A what-if game plays exactly like history until the first event whose answer it changes,
    so it starts from the historical game's state at that event (states are values); one
    whose events never come up in history is history itself, known without playing it.
    """
    player = _Player(rules)
    played: dict[str, int] = {}
    for kind, share in _SHARES:
        player.left += int(plan.work * share)
        if kind == "what_if":
            if plan.what_if:
                played["held"] = _held_policy_games(rules, player)
            played["what_if"] = _what_if_games(rules, plan, player)
            for key in ("held", "what_if"):
                if not played.get(key):
                    played.pop(key, None)
            continue
        for policy, seed in _games(kind, plan):
            if player.left <= 0:
                player.stopped = True
                break
            # The history game is the historical game (chance as it happened); the others are
            # played as a person plays, chance drawn from the seed.
            player.play(new_game(rules, seed, history=kind == "history"), policy,
                        random.Random(seed), kind == "greedy")
            played[kind] = played.get(kind, 0) + 1
    return Coverage(sum(played.values()), player.fired, player.possible,
                    frozenset(player.endings), tuple(played.items()), player.spent,
                    player.stopped, _answers_matter(rules, player.single))


def _answers_matter(rules: Rules, single: dict[tuple[str, str], GameState]) -> \
        tuple[int, int] | None:
    """Count the answers that matter among the finished single-change games (None unless every
    answer other than history's was played to the end, history included)."""
    options = [(ev.id, c.id) for ev in rules.events for c in ev.choices
               if c.index != ev.historical_choice]
    history = single.get(("", ""))
    if not options or history is None or any(o not in single for o in options):
        return None
    base = overall_score(history)
    matter = sum(answer_matters(overall_score(single[o]) - base,
                                float(ending(single[o]) != ending(history)))
                 for o in options)
    return matter, len(options)


def same_as_history(rules: Rules, policy: int, option: int) -> bool:
    """Whether holding ``option`` of standing policy ``policy`` all game is what the historical
    path does with it anyway (it never sets another, and starts with it or sets it on the first
    turn)."""
    settings = [(turn, o) for turn, items in enumerate(rules.history_policies_by_turn)
                for k, o in items if k == policy]
    if any(o != option for _turn, o in settings):
        return False
    return rules.policies[policy].start == option or (bool(settings) and settings[0][0] == 0)


def history_holding(rules: Rules, changes: Mapping[str, str], held: Mapping[str, str]) -> Policy:
    """History, except that the events in ``changes`` (event id -> choice id) are answered
    differently and the standing policies in ``held`` (policy id -> option id) are set on the
    first turn and kept all game; the other policies are set as history set them, and
    history's actions are taken every turn."""
    if not held:
        return history_with(changes)
    return choices_policy(changes, {}, follow_history=True, policies={0: dict(held)})


def _held_policy_games(rules: Rules, player: _Player) -> int:
    """Play history holding each option of each standing policy all game (those history does
    not hold anyway), seed 0, as a person plays: an ending that needs the army first from the
    start is rare in random play. Return how many were played."""
    games = 0
    for pol in rules.policies:
        for o, option in enumerate(pol.option_ids):
            if same_as_history(rules, pol.index, o):
                continue
            if player.left <= 0:
                player.stopped = True
                return games
            player.play(new_game(rules, 0), history_holding(rules, {}, {pol.id: option}),
                        random.Random(0))
            games += 1
    return games


def _what_if_games(rules: Rules, plan: SimulationPlan, player: _Player) -> int:
    """Play the what-if games of ``plan`` with ``player``; return how many were played."""
    if not plan.what_if:
        return 0
    plans = what_if_plans(rules, plan.what_if)
    if not plans or player.left <= 0:
        player.stopped = player.stopped or bool(plans)
        return 0
    # A path that needs deliberate choices (ally with the West and purge no one...) is rare
    # in random play; replaying history with its choices changed finds it. These games are
    # played as a person plays (chance drawn from seed 0, not as it happened): a choice that
    # history did not make has no outcome that "happened", and the answers changed alone are
    # compared with history's own answers under the same dice (as balance does).
    first_pending: dict[int, GameState] = {}
    history = player.play(new_game(rules, 0), history_with({}), random.Random(0),
                          first_pending=first_pending)
    if is_over(history):
        player.single[("", "")] = history
    order = {event: n for n, event in enumerate(first_pending)}
    games = 0
    singles = [changes for changes in plans if len(changes) == 1]
    games += _single_changes_again(rules, singles, player)
    for changes in plans:
        if player.left <= 0:
            player.stopped = True
            break
        changed = [rules.event_index[e] for e in changes if rules.event_index[e] in order]
        if changed:
            start = first_pending[min(changed, key=order.__getitem__)]
            end = player.play(start, history_with(changes), random.Random(0))
        elif not is_over(history):
            continue  # history itself was cut short: what this game would do is not known
        else:  # none of its events comes up in history: it is the historical game, played
            end = history
        if len(changes) == 1 and is_over(end):
            player.single[next(iter(changes.items()))] = end
        games += 1
    return games


GAMBLE_SEEDS = 4
"""Further seeds on which validate plays each answer changed alone, when the scenario has
gambles."""


def _single_changes_again(rules: Rules, singles: list[dict[str, str]], player: _Player) -> int:
    """Play each answer changed alone on :data:`GAMBLE_SEEDS` more seeds (before the pairs of
    changes, which the work limit may stop): a branch behind a gamble (the West ratifies, then
    Hitler backs down) shows only when the dice fall its way. Nothing to do without gambles."""
    if not any(options for event in rules.outcomes for options in event):
        return 0
    games = 0
    for seed in range(1, GAMBLE_SEEDS + 1):
        for changes in singles:
            if player.left <= 0:
                player.stopped = True
                return games
            player.play(new_game(rules, seed), history_with(changes), random.Random(seed))
            games += 1
    return games


def simulated_warnings(rules: Rules, plan: SimulationPlan | None = None) -> list[PathProblem]:
    """Events never fired, actions never possible and endings never reached in simulated games.

    What :func:`find_impossible` already proves impossible is not repeated.
    """
    plan = plan or SimulationPlan()
    if plan.total == 0:
        return []
    s = rules.scenario
    known = find_impossible(rules)
    seen = coverage(rules, plan)
    games = _describe(dict(seen.played), plan.what_if, seen.stopped)
    out = []
    for i, ev in enumerate(s.events):
        if ev.id not in known.events and not seen.fired >> i & 1:
            out.append(PathProblem(("events", i, "id"),
                                   _("event '{event}' never fired in {games}")
                                   .format(event=ev.id, games=games),
                                   _("check its dates, 'when' and chance; ignore this if it "
                                     "needs a rare path"), severity="warning"))
    for i, a in enumerate(s.actions):
        if a.id not in known.actions and not seen.possible >> i & 1:
            out.append(PathProblem(("actions", i, "id"),
                                   _("action '{action}' was never possible in {games}")
                                   .format(action=a.id, games=games),
                                   _("check its dates, cost and 'available' condition; ignore "
                                     "this if it needs a rare path"), severity="warning"))
    for i, e in enumerate(s.endings):
        if e.id not in known.endings and i not in seen.endings:
            out.append(PathProblem(("endings", i, "id"),
                                   _("ending '{ending}' was not reached in {games}")
                                   .format(ending=e.id, games=games),
                                   _("check its 'when' and the endings before it (the first "
                                     "that holds wins)"), severity="warning"))
    if seen.answers_matter is not None:
        matter, answers = seen.answers_matter
        if matter < ANSWERS_BARELY_MATTER * answers:
            out.append(PathProblem(
                ("events",),
                ngettext("the choices barely matter: {matter} of the {answers} answers other "
                         "than history's ({percent}%) move the final score by {points} point "
                         "or more or change the ending when changed alone on the historical "
                         "path (seed 0)",
                         "the choices barely matter: {matter} of the {answers} answers other "
                         "than history's ({percent}%) move the final score by {points} point "
                         "or more or change the ending when changed alone on the historical "
                         "path (seed 0)", answers)
                .format(matter=matter, answers=answers, percent=round(100 * matter / answers),
                        points=f"{SCORE_MOVE:g}"),
                _("give answers consequences that last; python main.py balance --scenario FILE "
                  "measures this over many seeds, with the other balance figures"),
                severity="warning"))
    return out


# -- placing warnings without the loader --------------------------------------------------------


def locator(filename: str, values: Marks, keys: Marks) -> Locate:
    """A ``Locate`` from the positions :func:`game.scenario.yamlsafe.read_yaml_file` returns.

    It places a problem at the deepest part of its path that the file has
    (not inside an expression: the loader's own locator does that).
    """

    def locate(pp: PathProblem) -> Problem:
        path = tuple(pp.path)
        while path:
            if pp.at_key and path in keys:
                line, col = keys[path]
                break
            if path in values:
                line, col = values[path]
                break
            path = path[:-1]
        else:
            line, col = values.get((), (1, 1))
        return Problem(filename, line, col, pp.message, pp.hint, "warning")

    return locate
