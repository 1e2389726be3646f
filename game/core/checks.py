"""Checks that need the whole scenario: references between parts, expressions, dates.

Each problem is returned with the path of the value it concerns (the keys
and list indices from the top of the file), so the loader can point at its
line and column. Nothing here raises.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

from game.core import expr
from game.core.effects import effect_references
from game.core.expr import ExprError
from game.core.references import unknown
from game.core.rules import collect_flags, make_resolver
from game.core.scenario import (
    Choice,
    Effect,
    Scenario,
    expression_places,
    month_index,
    month_text,
)
from game.i18n import N_, _

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A problem at a path in the scenario's data. ``offset`` is inside an expression's text."""

    path: Path
    message: str
    hint: str = ""
    offset: int = 0
    severity: str = "error"
    at_key: bool = False


_DUPLICATE = {
    "aim": N_("duplicate aim id '{id}'"),
    "nation": N_("duplicate nation id '{id}'"),
    "treaty kind": N_("duplicate treaty kind id '{id}'"),
    "stance": N_("duplicate stance id '{id}'"),
    "action": N_("duplicate action id '{id}'"),
    "event": N_("duplicate event id '{id}'"),
    "ending": N_("duplicate ending id '{id}'"),
    "reading": N_("duplicate reading id '{id}'"),
    "choice": N_("duplicate choice id '{id}'"),
    "outcome": N_("duplicate outcome id '{id}'"),
    "policy": N_("duplicate policy id '{id}'"),
    "option": N_("duplicate option id '{id}'"),
}
"""The message for two things of a kind with the same id, by kind."""


def _duplicates(items: Iterable[tuple[Path, str]], what: str) -> list[PathProblem]:
    seen: dict[str, Path] = {}
    out = []
    for path, ident in items:
        if ident in seen:
            out.append(PathProblem(path, _(_DUPLICATE[what]).format(id=ident),
                                   _("each id must be unique; rename one of them")))
        else:
            seen[ident] = path
    return out


def _ref_at(path: Path, kind: str, word: str, known: list[str],
            suggest: bool = True, at_key: bool = False) -> PathProblem | None:
    if word in known:
        return None
    message, hint = unknown(kind, word, known, suggest)
    return PathProblem(path, message, hint, at_key=at_key)


def reference_problems(s: Scenario) -> list[PathProblem]:
    """Return every broken reference, bad expression and out-of-calendar date in ``s``."""
    out: list[PathProblem] = []

    def _ref(path: Path, kind: str, word: str, known: list[str],
             at_key: bool = False) -> PathProblem | None:
        # A suggestion costs a fuzzy match: a file with thousands of bad names gets the
        # first hundred suggested and the rest only named.
        return _ref_at(path, kind, word, known, suggest=len(out) < 100, at_key=at_key)

    aims = [a.id for a in s.aims]
    nations = [n.id for n in s.nations]
    treaties = [t.id for t in s.treaty_kinds]
    stances = [x.id for x in s.stances]
    actions = [a.id for a in s.actions]

    out += _duplicates(((("aims", i, "id"), a.id) for i, a in enumerate(s.aims)), "aim")
    out += _duplicates(((("nations", i, "id"), n.id) for i, n in enumerate(s.nations)), "nation")
    out += _duplicates(((("treaty_kinds", i, "id"), t.id) for i, t in enumerate(s.treaty_kinds)),
                       "treaty kind")
    out += _duplicates(((("stances", i, "id"), x.id) for i, x in enumerate(s.stances)), "stance")
    out += _duplicates(((("actions", i, "id"), a.id) for i, a in enumerate(s.actions)), "action")
    out += _duplicates(((("events", i, "id"), e.id) for i, e in enumerate(s.events)), "event")
    out += _duplicates(((("endings", i, "id"), e.id) for i, e in enumerate(s.endings)), "ending")
    out += _duplicates(((("readings", i, "id"), r.id) for i, r in enumerate(s.readings)), "reading")
    for i, ev in enumerate(s.events):
        out += _duplicates(((("events", i, "choices", k, "id"), c.id)
                            for k, c in enumerate(ev.choices)), "choice")

    def add(p: PathProblem | None) -> None:
        if p is not None:
            out.append(p)

    known = {"aim": aims, "nation": nations, "treaty kind": treaties,
             "holder": [*nations, "player"]}

    def effects(base: Path, items: list[Effect]) -> None:
        for k, e in enumerate(items):
            for key, what, word in effect_references(e):
                add(_ref(base + (k, key), what, word, known[what]))

    for i, n in enumerate(s.nations):
        for k, t in enumerate(n.treaties):
            add(_ref(("nations", i, "treaties", k), "treaty kind", t, treaties))
        for k, h in enumerate(n.held_by):
            add(_ref(("nations", i, "held_by", k), "holder", h, known["holder"]))
    out += holder_problems(s)
    wars = [i for i, t in enumerate(s.treaty_kinds) if t.war]
    for i in wars[1:]:
        first = s.treaty_kinds[wars[0]].id
        out.append(PathProblem(("treaty_kinds", i, "war"),
                               _("only one treaty kind can mean war, and '{first}' already "
                                 "does").format(first=first),
                               _("remove 'war: true' here or from '{first}': a nation the "
                                 "player is at war with holds that one kind").format(
                                   first=first)))
    out += _duplicates(((("policies", i, "id"), p.id) for i, p in enumerate(s.policies)),
                       "policy")
    for i, pol in enumerate(s.policies):
        options = [o.id for o in pol.options]
        out += _duplicates(((("policies", i, "options", k, "id"), o.id)
                            for k, o in enumerate(pol.options)), "option")
        add(_ref(("policies", i, "start"), "option", pol.start, options))
        for k, o in enumerate(pol.options):
            add(_ref(("policies", i, "options", k, "stance"), "stance", o.stance, stances))
            effects(("policies", i, "options", k, "per_turn"), o.per_turn)
    for i, a in enumerate(s.actions):
        if a.target is not None:
            add(_ref(("actions", i, "target"), "nation", a.target, nations))
        add(_ref(("actions", i, "stance"), "stance", a.stance, stances))
        effects(("actions", i, "effects"), a.effects)
    for i, ev in enumerate(s.events):
        effects(("events", i, "effects"), ev.effects)
        for k, c in enumerate(ev.choices):
            add(_ref(("events", i, "choices", k, "stance"), "stance", c.stance, stances))
            effects(("events", i, "choices", k, "effects"), c.effects)
            out += _duplicates(((("events", i, "choices", k, "outcomes", m, "id"), o.id)
                                for m, o in enumerate(c.outcomes)), "outcome")
            for m, outcome in enumerate(c.outcomes):
                effects(("events", i, "choices", k, "outcomes", m, "effects"), outcome.effects)
            out += gamble_problems(("events", i, "choices", k), c,
                                   c.id == ev.historical_choice)
        if ev.by is not None:
            add(_ref(("events", i, "by"), "nation", ev.by, nations))
        if ev.historical_choice is not None:
            add(_ref(("events", i, "historical_choice"), "choice", ev.historical_choice,
                     [c.id for c in ev.choices]))
    for i, f in enumerate(s.figures):
        add(_ref(("figures", i, "aim"), "aim", f.aim, aims))
    for i, st in enumerate(s.historical_path):
        for k, a_id in enumerate(st.actions):
            add(_ref(("historical_path", i, "actions", k), "action", a_id, actions))
        for p_id, o_id in st.policies.items():
            named = next((p for p in s.policies if p.id == p_id), None)
            problem = _ref(("historical_path", i, "policies", p_id), "policy", p_id,
                           [p.id for p in s.policies], at_key=True)
            if problem is None and named is not None:
                problem = _ref(("historical_path", i, "policies", p_id), "option", o_id,
                               [o.id for o in named.options])
            add(problem)
    if s.endings and s.endings[-1].when is not None:
        out.append(PathProblem(("endings", len(s.endings) - 1, "when"),
                               _("the last ending must have no 'when' condition"),
                               _("it is the ending used when no other applies; "
                                 "remove its 'when'")))
    for i, e in enumerate(s.endings[:-1]):
        if e.when is None:
            out.append(PathProblem(("endings", i, "id"),
                                   _("ending '{id}' has no 'when', so the endings after it "
                                     "can never be reached").format(id=e.id),
                                   _("only the last ending may leave out 'when'")))

    # Expressions: parsed and their names checked against the scenario.
    flags = collect_flags(s)
    resolve = make_resolver(s, flags)
    for path, text in expression_places(s):
        try:
            expr.compile_node(expr.parse(text), resolve)
        except ExprError as err:
            out.append(PathProblem(path, _("in '{text}': {message}").format(
                text=text, message=err.message), err.hint, err.offset))

    # Dates must lie inside the calendar.
    # The last turn starts in the calendar's 'end' month and covers all its months: with
    # three-month turns and end "1939-07", an event dated "1939-09" still fires.
    start = month_index(s.calendar.start)
    end = start + s.calendar.turns * s.calendar.months_per_turn - 1

    def date(path: Path, ym: str | None) -> None:
        if ym is not None and not start <= month_index(ym) <= end:
            if end != month_index(s.calendar.end):
                hint = _("the last turn runs to {last}; move it inside the calendar, or widen "
                         "the calendar; as it is, this never happens in a game").format(
                    last=month_text(end))
            else:
                hint = _("move it inside the calendar, or widen the calendar; as it is, this "
                         "never happens in a game")
            out.append(PathProblem(path, _("the date {date} is outside the calendar "
                                           "({start} to {end})").format(
                date=ym, start=s.calendar.start, end=s.calendar.end), hint, severity="warning"))

    for i, a in enumerate(s.actions):
        date(("actions", i, "earliest"), a.earliest)
        date(("actions", i, "latest"), a.latest)
    for i, ev in enumerate(s.events):
        date(("events", i, "date"), ev.date)
        add(day_problem(("events", i, "date"), ev.date))
        date(("events", i, "earliest"), ev.earliest)
        date(("events", i, "latest"), ev.latest)
    for i, st in enumerate(s.historical_path):
        date(("historical_path", i, "date"), st.date)
    return out


_HOLDERS = {"independent": (0, 0), "at_war": (0, 1), "occupied": (1, 1), "annexed": (1, 1),
            "partitioned": (2, 2)}
"""How many holders (``held_by``) a nation of each status has: (fewest, most)."""


def holder_problems(s: Scenario) -> list[PathProblem]:
    """A nation's ``held_by`` that does not fit its ``status``: an independent nation held by
    someone, an annexed one held by none or by two, a partition with one holder, a nation that
    holds itself."""
    out = []
    for i, n in enumerate(s.nations):
        count = len(n.held_by)
        low, high = _HOLDERS[n.status]
        where: Path = ("nations", i, "held_by") if n.held_by else ("nations", i, "status")
        if n.status == "independent" and count:
            said = "status" in n.model_fields_set
            message = (_("nation '{id}' is independent, so it has no holder") if said else
                       _("nation '{id}' has no 'status', so it is independent and has no "
                         "holder"))
            out.append(PathProblem(where, message.format(id=n.id),
                                   _("remove 'held_by', or give the nation a 'status': "
                                     "occupied, annexed or partitioned")))
        elif n.status == "at_war" and count > high:
            out.append(PathProblem(where, _("nation '{id}' is at war: 'held_by' names at most "
                                            "one enemy, not {count}").format(id=n.id,
                                                                           count=count),
                                   _("keep one nation in 'held_by', or none")))
        elif not low <= count <= high and high == 1:
            out.append(PathProblem(where, _("nation '{id}' is {status}, so 'held_by' names one "
                                            "holder, not {count}").format(
                                       id=n.id, status=n.status, count=count),
                                   _("write held_by: [NATION], with a nation id or player")))
        elif not low <= count <= high:
            out.append(PathProblem(where, _("nation '{id}' is partitioned, so 'held_by' names "
                                            "two holders, not {count}").format(id=n.id,
                                                                             count=count),
                                   _("write held_by: [NATION, NATION], with nation ids or "
                                     "player")))
        elif n.id in n.held_by:
            out.append(PathProblem(("nations", i, "held_by", n.held_by.index(n.id)),
                                   _("nation '{id}' cannot hold itself").format(id=n.id),
                                   _("name another nation, or player")))
        elif count == 2 and n.held_by[0] == n.held_by[1]:
            out.append(PathProblem(("nations", i, "held_by", 1),
                                   _("the two holders of a partition must differ"),
                                   _("name two different nations, or a nation and player")))
    return out


def gamble_problems(base: Path, choice: Choice, historical: bool) -> list[PathProblem]:
    """A choice's gamble (``outcomes``) that cannot be drawn as written. ``base`` is the
    choice's path; ``historical`` says whether it is its event's historical choice.

    Every outcome but the last has a ``chance``; the last takes what the others leave; one
    outcome at most happened, and the historical choice's gamble says which one did."""
    outcomes = choice.outcomes
    if not outcomes:
        return []
    out = []
    where = base + ("outcomes",)
    if len(outcomes) == 1:
        out.append(PathProblem(where, _("a gamble needs two outcomes or more"),
                               _("add another outcome, or remove 'outcomes' and put its "
                                 "effects under the choice's 'effects'")))
    for m, o in enumerate(outcomes[:-1]):
        if o.chance is None:
            out.append(PathProblem(where + (m, "id"),
                                   _("outcome '{id}' has no 'chance': only the last outcome "
                                     "leaves it out").format(id=o.id),
                                   _("give it a chance, such as 'chance: 0.3' or a formula, or "
                                     "move it to the end of the list")))
    last = outcomes[-1]
    if len(outcomes) > 1 and last.chance is not None:
        out.append(PathProblem(where + (len(outcomes) - 1, "chance"),
                               _("the last outcome, '{id}', takes the chance the others leave, "
                                 "so it has no 'chance'").format(id=last.id),
                               _("remove this 'chance'; to give '{id}' odds of its own, add "
                                 "another outcome after it").format(id=last.id)))
    marked = [m for m, o in enumerate(outcomes) if o.historical]
    for m in marked[1:]:
        first = outcomes[marked[0]].id
        out.append(PathProblem(where + (m, "historical"),
                               _("only one outcome can be the one that happened, and '{first}' "
                                 "already is").format(first=first),
                               _("remove 'historical: true' here or from '{first}'").format(
                                   first=first)))
    if historical and not marked:
        out.append(PathProblem(where, _("choice '{id}' is the historical choice, so its gamble "
                                        "must say which outcome happened").format(
                                   id=choice.id),
                               _("write 'historical: true' on that outcome: the historical "
                                 "game takes it, without dice")))
    return out


def day_problem(path: Path, date: str | None) -> PathProblem | None:
    """A ``"YYYY-MM-DD"`` date whose day its month does not have (``"1941-02-30"``)."""
    if date is None or date.count("-") != 2:
        return None
    year, month, day = (int(part) for part in date.split("-"))
    days = calendar.monthrange(year, month)[1]
    if day <= days:
        return None
    return PathProblem(path, _("'{date}' is not a real day: the month {month} has {days} "
                               "days").format(date=date, month=date[:7], days=days),
                       _("write a day from 01 to {days}, or only the month: \"{month}\"").format(
                           days=days, month=date[:7]))
