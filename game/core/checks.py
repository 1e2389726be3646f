"""Checks that need the whole scenario: references between parts, expressions, dates.

Each problem is returned with the path of the value it concerns (the keys
and list indices from the top of the file), so the loader can point at its
line and column. Nothing here raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.core import expr
from game.core.effects import effect_references
from game.core.expr import ExprError
from game.core.rules import collect_flags, make_resolver
from game.core.scenario import Effect, Scenario, expression_places, month_index, month_text
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

_UNKNOWN = {
    "aim": N_("unknown aim '{word}'"),
    "nation": N_("unknown nation '{word}'"),
    "treaty kind": N_("unknown treaty kind '{word}'"),
    "stance": N_("unknown stance '{word}'"),
    "action": N_("unknown action '{word}'"),
    "choice": N_("unknown choice '{word}'"),
    "holder": N_("unknown holder '{word}'"),
    "policy": N_("unknown policy '{word}'"),
    "option": N_("unknown option '{word}'"),
}
"""The message for a reference to an id the scenario does not define, by kind."""

_KNOWN = {
    "aim": N_("the aims are: {known}"),
    "nation": N_("the nations are: {known}"),
    "treaty kind": N_("the treaty kinds are: {known}"),
    "stance": N_("the stances are: {known}"),
    "action": N_("the actions are: {known}"),
    "choice": N_("the choices are: {known}"),
    "holder": N_("a holder is a nation or player: {known}"),
    "policy": N_("the policies are: {known}"),
    "option": N_("the options are: {known}"),
}
"""The hint listing the ids of a kind, by kind."""

_NONE_KNOWN = {
    "aim": N_("the scenario defines no aims"),
    "nation": N_("the scenario defines no nations"),
    "treaty kind": N_("the scenario defines no treaty kinds"),
    "stance": N_("the scenario defines no stances"),
    "action": N_("the scenario defines no actions"),
    "choice": N_("the scenario defines no choices"),
    "holder": N_("the scenario defines no nations"),
    "policy": N_("the scenario defines no policies"),
    "option": N_("the policy has no options"),
}
"""The hint when the scenario defines no ids of a kind, by kind."""


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
            suggest: bool = True) -> PathProblem | None:
    if word in known:
        return None
    hint = expr.suggest(word, known) if suggest else ""
    if not hint:
        shown = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
        hint = _(_KNOWN[kind]).format(known=shown) if known else _(_NONE_KNOWN[kind])
    return PathProblem(path, _(_UNKNOWN[kind]).format(word=word), hint)


def reference_problems(s: Scenario) -> list[PathProblem]:
    """Return every broken reference, bad expression and out-of-calendar date in ``s``."""
    out: list[PathProblem] = []

    def _ref(path: Path, kind: str, word: str, known: list[str]) -> PathProblem | None:
        # A suggestion costs a fuzzy match: a file with thousands of bad names gets the
        # first hundred suggested and the rest only named.
        return _ref_at(path, kind, word, known, suggest=len(out) < 100)

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
    wars = [i for i, t in enumerate(s.treaty_kinds) if t.war]
    for i in wars[1:]:
        out.append(PathProblem(("treaty_kinds", i, "war"),
                               _("only one treaty kind can mean war"),
                               _("keep 'war: true' on one kind")))
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
            if (c.id == ev.historical_choice and c.outcomes
                    and not any(o.historical for o in c.outcomes)):
                out.append(PathProblem(("events", i, "choices", k, "outcomes"),
                                       _("the historical choice's gamble needs the outcome that "
                                         "happened"),
                                       _("write 'historical: true' on one of its outcomes")))
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
                           [p.id for p in s.policies])
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
        date(("events", i, "earliest"), ev.earliest)
        date(("events", i, "latest"), ev.latest)
    for i, st in enumerate(s.historical_path):
        date(("historical_path", i, "date"), st.date)
    return out
