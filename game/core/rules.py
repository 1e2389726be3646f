"""A scenario compiled for play: ids turned into indices, conditions into closures.

:func:`compile_rules` is run once per scenario (the loader does it after
validation); the engine then works on small tuples and bitmasks, which keeps
a whole game to a fraction of a millisecond and makes states cheap values.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.core import expr
from game.core.effects import EffectInfo as EffectInfo  # the kinds' descriptions, named here too
from game.core.effects import EffectOp as EffectOp
from game.core.effects import Indices, describe_ops, effect_flags
from game.core.effects import compile_effects as _compile_effects

# The opcodes belong to their effect kinds (game.core.effects); named here for older callers.
from game.core.effects.aim import AIM_ADD as AIM_ADD
from game.core.effects.aim import AIM_SET as AIM_SET
from game.core.effects.flag import FLAG_CLEAR as FLAG_CLEAR
from game.core.effects.flag import FLAG_SET as FLAG_SET
from game.core.effects.relation import REL_ADD as REL_ADD
from game.core.effects.relation import REL_SET as REL_SET
from game.core.effects.status import STATUSES, holder_code, pack
from game.core.effects.treaty import CANCEL as CANCEL
from game.core.effects.treaty import SIGN as SIGN
from game.core.expr import Evaluator, ExprError, Name
from game.core.moves import Choose, TakeAction
from game.core.references import unknown
from game.core.scenario import Effect, Scenario, day_of, expression_places, month_index
from game.i18n import _


@dataclass(frozen=True, slots=True)
class CompiledAction:
    index: int
    id: str
    cost: int
    first_turn: int
    last_turn: int
    available: Evaluator | None
    once: bool
    stance_lean: float
    effects: tuple[EffectOp, ...]


@dataclass(frozen=True, slots=True)
class CompiledChoice:
    index: int
    id: str
    stance_lean: float
    effects: tuple[EffectOp, ...]


@dataclass(frozen=True, slots=True)
class CompiledOutcome:
    index: int
    id: str
    chance: Evaluator | None
    """Its chance on the state (clamped to 0..1 by the engine); None on the last outcome."""
    effects: tuple[EffectOp, ...]
    historical: bool


@dataclass(frozen=True, slots=True)
class CompiledEvent:
    index: int
    id: str
    first_turn: int
    last_turn: int
    when: Evaluator | None
    chance: float
    effects: tuple[EffectOp, ...]
    choices: tuple[CompiledChoice, ...]
    historical_choice: int
    ends_game: bool
    chance_formula: Evaluator | None = None
    """A chance written as a formula (``chance`` is then 0.5, never read)."""
    happened: bool = True
    variants: tuple[Evaluator, ...] = ()
    order: tuple[int, int] = (0, 0)
    """(month, day) of its date, for the order of a turn's events; (0, 0) for a window."""


@dataclass(frozen=True, slots=True)
class CompiledPolicy:
    index: int
    id: str
    start: int
    option_ids: tuple[str, ...]
    per_turn: tuple[tuple[EffectOp, ...], ...]
    """Each option's effects at the end of every turn while it is chosen."""
    option_leans: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class CompiledEnding:
    index: int
    id: str
    when: Evaluator | None


@dataclass(eq=False)
class Rules:
    """Everything the engine needs to play one scenario, indexed for speed."""

    scenario: Scenario
    digest: str
    aim_ids: tuple[str, ...]
    aim_min: tuple[float, ...]
    aim_max: tuple[float, ...]
    aim_start: tuple[float, ...]
    aim_drift: tuple[Evaluator | None, ...]
    """Each aim's per_turn formula, always finite (see :func:`finite_drift`)."""
    drift_formulas: tuple[Evaluator | None, ...]
    """The same formulas unwrapped: the engine bounds their values itself, saving a call per
    aim and turn."""
    nation_ids: tuple[str, ...]
    treaty_ids: tuple[str, ...]
    flag_ids: tuple[str, ...]
    actions: tuple[CompiledAction, ...]
    events: tuple[CompiledEvent, ...]
    endings: tuple[CompiledEnding, ...]
    start_month: int
    months_per_turn: int
    turns: int
    budget: int
    start_relations: tuple[int, ...]
    start_treaties: tuple[int, ...]
    events_by_turn: tuple[tuple[CompiledEvent, ...], ...]
    actions_by_turn: tuple[tuple[CompiledAction, ...], ...]
    min_cost_by_turn: tuple[int, ...]
    """The cheapest action of each turn's calendar (a large number when there is none)."""
    history_by_turn: tuple[tuple[int, ...], ...]
    action_index: dict[str, int]
    event_index: dict[str, int]
    nation_index: dict[str, int]
    aim_index: dict[str, int]
    treaty_index: dict[str, int]
    flag_index: dict[str, int]
    take_moves: tuple[TakeAction, ...]
    """The move that takes each action, made once (moves are values)."""
    choice_moves: tuple[tuple[Choose, ...], ...]
    """Each event's choices as moves, in order, made once (the random player draws them)."""
    historical_answers: tuple[Choose | None, ...]
    """Each event's historical answer (``historical_choice``, else its first choice); None
    for an event that asks nothing."""
    outcomes: tuple[tuple[tuple[CompiledOutcome, ...], ...], ...] = ()
    """Each event's choices' gambles (empty for a choice without one)."""
    policies: tuple[CompiledPolicy, ...] = ()
    policy_index: dict[str, int] = field(default_factory=dict)
    policy_start: tuple[int, ...] = ()
    history_policies_by_turn: tuple[tuple[tuple[int, int], ...], ...] = ()
    """The (policy, option) pairs the historical path sets on each turn."""
    relation_drift: tuple[tuple[int, Evaluator], ...] = ()
    """(nation, formula) for every nation whose relation moves each turn."""
    views: tuple[tuple[Evaluator | None, ...], ...] = ()
    wants: tuple[tuple[Evaluator | None, ...], ...] = ()
    causes: tuple[tuple[Evaluator, ...], ...] = ()
    start_statuses: tuple[int, ...] = ()
    binding_kinds: tuple[bool, ...] = ()
    """Whether each treaty kind is a promise to fight for each other."""
    war_kinds: tuple[bool, ...] = ()
    """Whether each treaty kind means war."""
    war_treaty: int = -1
    """The position of the treaty kind that means war, or -1."""
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    """Derived values too costly to compute at compile time (the historical game), filled
    in on first use by game.core alone, through :meth:`memoised`."""

    def memoised(self, key: str, make: Callable[[Rules], Any]) -> Any:
        """Return ``make(self)``, computed once per rules and kept. Core use only: ``make``
        must be a pure function of the rules."""
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = make(self)
        return found

    def action_effects(self, action_id: str) -> tuple[EffectInfo, ...]:
        """Return what an action does, effect by effect, in the scenario's order. Raises
        KeyError for an unknown action."""
        return describe_ops(self, self.actions[self.action_index[action_id]].effects)

    def choice_effects(self, event_id: str, choice_id: str) -> tuple[EffectInfo, ...]:
        """Return what a choice of an event does, effect by effect, in the scenario's order.
        Raises KeyError for an unknown event or choice."""
        event = self.events[self.event_index[event_id]]
        for choice in event.choices:
            if choice.id == choice_id:
                return describe_ops(self, choice.effects)
        raise KeyError(choice_id)

    def treaty_binding(self, kind: str) -> bool:
        """Return whether a treaty kind is a promise to fight for each other (``binding``).
        Raises KeyError for an unknown kind."""
        return self.binding_kinds[self.treaty_index[kind]]

    def treaty_war(self, kind: str) -> bool:
        """Return whether a treaty kind means war (``war``). Raises KeyError for an unknown
        kind."""
        return self.war_kinds[self.treaty_index[kind]]

    def turn_of_month(self, year_month: str) -> int:
        """Return the turn that contains a ``"YYYY-MM"`` month (may be out of range)."""
        return (month_index(year_month) - self.start_month) // self.months_per_turn

    def month_of_turn(self, turn: int) -> int:
        """Return the first month (as a month count) of a turn."""
        return self.start_month + turn * self.months_per_turn


DIGEST_EFFECT_KEYS = ("aim", "relation", "add", "set", "set_flag", "clear_flag", "sign",
                      "cancel", "with")
"""The fields of the format's first effect model, one model for every kind: an effect is
hashed with all of them, ``None`` where its kind has none, as it always was (saves made before
the kinds had models of their own keep their digest). A later kind's own fields are hashed as
they are."""


def _digest_effects(effects: list[dict[str, Any]]) -> None:
    for i, effect in enumerate(effects):
        effects[i] = {**dict.fromkeys(DIGEST_EFFECT_KEYS), **effect}


_NEW_FIELDS: dict[str, dict[str, Any]] = {
    "treaty_kinds": {"binding": False, "war": False},
    "nations": {"status": "independent", "held_by": [], "relation_per_turn": None,
                "relation_reason": "", "views": [], "wants": []},
    "events": {"by": None, "kind": None, "happened": True, "variants": []},
    "endings": {"causes": []},
    "historical_path": {"policies": {}},
}
"""Fields added to the format after its first release, with their defaults: a scenario that
leaves them out keeps the digest it always had (its saves still match it)."""


def _drop_new_defaults(dumped: dict[str, Any]) -> None:
    for part, defaults in _NEW_FIELDS.items():
        for item in dumped.get(part, []):
            for key, default in defaults.items():
                if key in item and item[key] == default:
                    del item[key]
    for event in dumped.get("events", []):
        for choice in event.get("choices", []):
            if choice.get("outcomes") == []:
                del choice["outcomes"]
    if dumped.get("policies") == []:
        del dumped["policies"]


def scenario_digest(scenario: Scenario) -> str:
    """Return a short stable hash of a scenario's content (saves record it)."""
    dumped = scenario.model_dump(mode="json", by_alias=True)
    _drop_new_defaults(dumped)
    for action in dumped["actions"]:
        _digest_effects(action["effects"])
    for event in dumped["events"]:
        _digest_effects(event["effects"])
        for choice in event["choices"]:
            _digest_effects(choice["effects"])
    data = json.dumps(dumped, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def collect_flags(scenario: Scenario) -> tuple[str, ...]:
    """Return every flag the scenario sets, clears or reads, in first-seen order."""
    seen: dict[str, None] = {}

    def scan_effects(effects: list[Effect]) -> None:
        for e in effects:
            for name in effect_flags(e):
                seen.setdefault(name)

    for text in condition_texts(scenario):
        try:
            tree = expr.parse(text)
        except ExprError:
            continue
        for n in expr.names(tree):
            if n.name.startswith("flag.") and n.name.count(".") == 1:
                seen.setdefault(n.name[5:])
    for a in scenario.actions:
        scan_effects(a.effects)
    for ev in scenario.events:
        scan_effects(ev.effects)
        for c in ev.choices:
            scan_effects(c.effects)
            for o in c.outcomes:
                scan_effects(o.effects)
    for pol in scenario.policies:
        for opt in pol.options:
            scan_effects(opt.per_turn)
    return tuple(seen)


def condition_texts(scenario: Scenario) -> list[str]:
    """Return the text of every expression in a scenario."""
    return [text for _, text in expression_places(scenario)]


def make_resolver(scenario: Scenario, flag_ids: tuple[str, ...]) -> Callable[[Name], Evaluator]:
    """Return the function that turns a name in an expression into a reader of the state.

    The names a scenario can use: an aim's id; ``relation.NATION``;
    ``treaty.NATION.KIND``; ``treaties.KIND`` (how many nations hold it);
    ``flag.NAME``; ``took.ACTION``; ``fired.EVENT``; ``chose.EVENT.CHOICE``;
    ``policy.POLICY.OPTION``; ``status.NATION.STATUS``; ``outcome.EVENT.OUTCOME``;
    ``year``, ``month`` (1-12) and ``turn`` (0 on the first turn).
    """
    aims = [a.id for a in scenario.aims]
    nations = [n.id for n in scenario.nations]
    treaties = [t.id for t in scenario.treaty_kinds]
    actions = [a.id for a in scenario.actions]
    events = [e.id for e in scenario.events]
    policies = [p.id for p in scenario.policies]
    start = month_index(scenario.calendar.start)
    step = scenario.calendar.months_per_turn

    def pick(kind: str, word: str, choices: list[str], offset: int) -> int:
        if word in choices:
            return choices.index(word)
        message, hint = unknown(kind, word, choices)
        raise ExprError(message, offset, hint)

    def resolve(node: Name) -> Evaluator:
        parts = node.name.split(".")
        head, off = parts[0], node.offset
        if len(parts) == 1:
            if head == "year":
                return lambda s: (start + s.turn * step) // 12
            if head == "month":
                return lambda s: (start + s.turn * step) % 12 + 1
            if head == "turn":
                return lambda s: s.turn
            if head in aims:
                i = aims.index(head)
                return expr.tag(lambda s: s.aims[i], aim_index=i)
            hint = expr.suggest(head, aims + ["year", "month", "turn"])
            if not hint:
                hint = _("names are an aim id, year, month, turn, relation.NATION, "
                         "treaty.NATION.KIND, treaties.KIND, flag.NAME, took.ACTION, "
                         "fired.EVENT, chose.EVENT.CHOICE, policy.POLICY.OPTION, "
                         "status.NATION.STATUS or outcome.EVENT.OUTCOME")
            raise ExprError(_("unknown name '{name}'").format(name=head), off, hint)
        if head == "relation" and len(parts) == 2:
            j = pick("nation", parts[1], nations, off)
            return expr.tag(lambda s: s.relations[j], relation_index=j)
        if head == "treaty" and len(parts) == 3:
            j = pick("nation", parts[1], nations, off)
            bit = 1 << pick("treaty kind", parts[2], treaties, off)
            return expr.tag(lambda s: bool(s.treaties[j] & bit),
                            tuple_atom=("treaties", j, bit, bit))
        if head == "treaties" and len(parts) == 2:
            k = pick("treaty kind", parts[1], treaties, off)
            mask = 1 << k
            return expr.tag(lambda s: sum(map(mask.__and__, s.treaties)) >> k, treaty_kind=k)
        if head == "flag" and len(parts) == 2:
            bit = 1 << pick("flag", parts[1], list(flag_ids), off)
            return expr.tag(lambda s: bool(s.flags & bit), flag_bit=bit)
        if head == "took" and len(parts) == 2:
            bit = 1 << pick("action", parts[1], actions, off)
            return expr.tag(lambda s: bool(s.took & bit), int_atom=("took", bit))
        if head == "fired" and len(parts) == 2:
            bit = 1 << pick("event", parts[1], events, off)
            return expr.tag(lambda s: bool(s.fired & bit), int_atom=("fired", bit))
        if head == "chose" and len(parts) == 3:
            k = pick("event", parts[1], events, off)
            choice_ids = [c.id for c in scenario.events[k].choices]
            c = pick("choice", parts[2], choice_ids, off)
            return expr.tag(lambda s: s.choices[k] == c, tuple_atom=("choices", k, -1, c))
        if head == "policy" and len(parts) == 3:
            k = pick("policy", parts[1], policies, off)
            o = pick("option", parts[2], [x.id for x in scenario.policies[k].options], off)
            return expr.tag(lambda s: s.policy_choice[k] == o,
                            tuple_atom=("policy_choice", k, -1, o))
        if head == "status" and len(parts) == 3:
            j = pick("nation", parts[1], nations, off)
            code = pick("status", parts[2], list(STATUSES), off)
            return expr.tag(lambda s: s.statuses[j] & 7 == code, tuple_atom=("statuses", j, 7, code))
        if head == "outcome" and len(parts) == 3:
            k = pick("event", parts[1], events, off)
            names = [o.id for c_ in scenario.events[k].choices for o in c_.outcomes]
            wanted = pick("outcome", parts[2], list(dict.fromkeys(names)), off)
            word = list(dict.fromkeys(names))[wanted]
            ids_by_choice = [[o.id for o in c_.outcomes] for c_ in scenario.events[k].choices]

            def drawn(s: Any) -> bool:
                c_i, o_i = s.choices[k], s.outcomes[k]
                return bool(c_i >= 0 and o_i >= 0 and ids_by_choice[c_i][o_i] == word)

            return drawn
        forms = {"relation": "relation.NATION", "treaty": "treaty.NATION.KIND",
                 "treaties": "treaties.KIND", "flag": "flag.NAME", "took": "took.ACTION",
                 "fired": "fired.EVENT", "chose": "chose.EVENT.CHOICE",
                 "policy": "policy.POLICY.OPTION", "status": "status.NATION.STATUS",
                 "outcome": "outcome.EVENT.OUTCOME"}
        if head in forms:
            raise ExprError(_("'{name}' is not a valid name").format(name=node.name), off,
                            _("write {form}").format(form=forms[head]))
        raise ExprError(_("unknown name '{name}'").format(name=node.name), off,
                        expr.suggest(head, list(forms)) or _("see the scenario guide for names"))

    return resolve


def compile_expr(text: str, resolve: Callable[[Name], Evaluator]) -> Evaluator:
    """Parse and compile one expression. Raises :class:`ExprError`."""
    return expr.compile_node(expr.parse(text), resolve)


def _indices(scenario: Scenario, flag_ids: tuple[str, ...]) -> Indices:
    return Indices(aims={a.id: i for i, a in enumerate(scenario.aims)},
                   nations={n.id: i for i, n in enumerate(scenario.nations)},
                   treaties={t.id: i for i, t in enumerate(scenario.treaty_kinds)},
                   flags={f: i for i, f in enumerate(flag_ids)})


DRIFT_LIMIT = 1e12
"""Largest change a per_turn formula makes in one turn (the engine then clamps the aim)."""


def _constant(value: float) -> Evaluator:
    return lambda state: value


def finite_drift(formula: Evaluator | None) -> Evaluator | None:
    """Wrap an aim's per_turn formula so that it always gives a finite number.

    Every number of a scenario is within a billion, but a formula may still multiply many of
    them (``security * security * ...``) until the product overflows to infinity, and
    ``inf - inf`` is NaN, which no clamp removes and which would spread to every aim. A value
    beyond :data:`DRIFT_LIMIT` counts as the limit, and NaN as no change, the way ``x / 0``
    counts as 0. A finite value (every value of the bundled scenarios) is returned as it is.
    """
    if formula is None:
        return None

    def drift(state: Any) -> Any:
        try:
            value = formula(state)
        except (OverflowError, ZeroDivisionError):  # not with checked formulas; never a crash
            return 0.0
        return value if -DRIFT_LIMIT <= value <= DRIFT_LIMIT else bounded_drift(value)

    return drift


def bounded_drift(value: float) -> float:
    """Return a drift beyond :data:`DRIFT_LIMIT` as the limit, and NaN as no change (see
    :func:`finite_drift`)."""
    if -DRIFT_LIMIT <= value <= DRIFT_LIMIT:
        return value
    if value > DRIFT_LIMIT:
        return DRIFT_LIMIT
    if value < -DRIFT_LIMIT:
        return -DRIFT_LIMIT
    return 0.0  # NaN


def compile_rules(scenario: Scenario) -> Rules:
    """Compile a checked scenario. Raises ExprError or KeyError only on an unchecked scenario."""
    flag_ids = collect_flags(scenario)
    resolve = make_resolver(scenario, flag_ids)
    start = month_index(scenario.calendar.start)
    step = scenario.calendar.months_per_turn
    turns = scenario.calendar.turns
    lean = {s.id: s.lean for s in scenario.stances}
    nations = {n.id: i for i, n in enumerate(scenario.nations)}
    treaty_bits = {t.id: 1 << i for i, t in enumerate(scenario.treaty_kinds)}

    def turn_of(ym: str | None, default: int) -> int:
        return default if ym is None else (month_index(ym) - start) // step

    def opt(text: str | None) -> Evaluator | None:
        return None if text is None else compile_expr(text, resolve)

    drift_formulas = tuple(opt(a.per_turn) for a in scenario.aims)
    ix = _indices(scenario, flag_ids)

    actions = tuple(
        CompiledAction(i, a.id, a.cost, turn_of(a.earliest, 0), turn_of(a.latest, turns - 1),
                       opt(a.available), a.once, lean[a.stance],
                       _compile_effects(a.effects, ix))
        for i, a in enumerate(scenario.actions)
    )
    events = []
    gambles: list[tuple[tuple[CompiledOutcome, ...], ...]] = []
    for i, ev in enumerate(scenario.events):
        if ev.date is not None:
            first = last = turn_of(ev.date, 0)
        else:
            first, last = turn_of(ev.earliest, 0), turn_of(ev.latest, turns - 1)
        choices = tuple(CompiledChoice(k, c.id, lean[c.stance],
                                       _compile_effects(c.effects, ix))
                        for k, c in enumerate(ev.choices))
        hist = next((c.index for c in choices if c.id == ev.historical_choice), -1)
        formula = opt(ev.chance) if isinstance(ev.chance, str) else None
        chance = 0.5 if formula is not None else float(ev.chance)
        order = (month_index(ev.date), day_of(ev.date)) if ev.date is not None else (0, 0)
        events.append(CompiledEvent(i, ev.id, first, last, opt(ev.when), chance,
                                    _compile_effects(ev.effects, ix),
                                    choices, hist, ev.ends_game, formula, ev.happened,
                                    tuple(compile_expr(v.when, resolve) for v in ev.variants),
                                    order))
        gambles.append(tuple(
            tuple(CompiledOutcome(m, o.id, None if o.chance is None else
                                  opt(o.chance) if isinstance(o.chance, str) else
                                  _constant(float(o.chance)),
                                  _compile_effects(o.effects, ix), o.historical)
                  for m, o in enumerate(c.outcomes))
            for c in ev.choices))
    by_turn: list[list[CompiledEvent]] = [[] for _ in range(turns)]
    for ev_c in events:
        for t in range(max(ev_c.first_turn, 0), min(ev_c.last_turn, turns - 1) + 1):
            by_turn[t].append(ev_c)
    for t, listed in enumerate(by_turn):
        # A turn's events in the order of their dates; an event of a window (which fires when
        # its condition holds) comes after the dated events of the turn, so it sees what they
        # did; scenario order breaks ties.
        after_all = (start + (t + 1) * step, 0)
        listed.sort(key=lambda e: (e.order if e.order != (0, 0) else after_all, e.index))
    history: list[list[int]] = [[] for _ in range(turns)]
    history_policies: list[list[tuple[int, int]]] = [[] for _ in range(turns)]
    action_index = {a.id: a.index for a in actions}
    policies = tuple(
        CompiledPolicy(k, p.id, [o.id for o in p.options].index(p.start),
                       tuple(o.id for o in p.options),
                       tuple(_compile_effects(o.per_turn, ix) for o in p.options),
                       tuple(lean[o.stance] for o in p.options))
        for k, p in enumerate(scenario.policies))
    policy_index = {p.id: p.index for p in policies}
    for step_ in scenario.historical_path:
        t = turn_of(step_.date, 0)
        if 0 <= t < turns:
            history[t].extend(action_index[a] for a in step_.actions)
            for p_id, o_id in step_.policies.items():
                pol = policies[policy_index[p_id]]
                history_policies[t].append((pol.index, pol.option_ids.index(o_id)))
    treaties = []
    for n in scenario.nations:
        bits = 0
        for t_id in n.treaties:
            bits |= treaty_bits[t_id]
        treaties.append(bits)
    return Rules(
        scenario=scenario,
        digest=scenario_digest(scenario),
        aim_ids=tuple(a.id for a in scenario.aims),
        aim_min=tuple(a.min for a in scenario.aims),
        aim_max=tuple(a.max for a in scenario.aims),
        aim_start=tuple(a.start for a in scenario.aims),
        aim_drift=tuple(finite_drift(f) for f in drift_formulas),
        drift_formulas=drift_formulas,
        nation_ids=tuple(nations),
        treaty_ids=tuple(t.id for t in scenario.treaty_kinds),
        flag_ids=flag_ids,
        actions=actions,
        events=tuple(events),
        endings=tuple(CompiledEnding(i, e.id, opt(e.when)) for i, e in enumerate(scenario.endings)),
        start_month=start,
        months_per_turn=step,
        turns=turns,
        budget=scenario.actions_per_turn,
        start_relations=tuple(n.relation for n in scenario.nations),
        start_treaties=tuple(treaties),
        events_by_turn=tuple(tuple(t) for t in by_turn),
        actions_by_turn=tuple(tuple(a for a in actions if a.first_turn <= t <= a.last_turn)
                              for t in range(turns)),
        min_cost_by_turn=tuple(min((a.cost for a in actions if a.first_turn <= t <= a.last_turn),
                                   default=1 << 30) for t in range(turns)),
        history_by_turn=tuple(tuple(t) for t in history),
        action_index=action_index,
        event_index={e.id: e.index for e in events},
        nation_index=nations,
        aim_index={a: i for i, a in enumerate(a.id for a in scenario.aims)},
        treaty_index={t.id: i for i, t in enumerate(scenario.treaty_kinds)},
        flag_index={f: i for i, f in enumerate(flag_ids)},
        take_moves=tuple(TakeAction(a.id) for a in actions),
        choice_moves=tuple(tuple(Choose(ev.id, c.id) for c in ev.choices) for ev in events),
        historical_answers=tuple(
            Choose(ev.id, ev.choices[ev.historical_choice if ev.historical_choice >= 0 else 0].id)
            if ev.choices else None for ev in events),
        outcomes=tuple(gambles),
        policies=policies,
        policy_index=policy_index,
        policy_start=tuple(p.start for p in policies),
        history_policies_by_turn=tuple(tuple(t) for t in history_policies),
        relation_drift=tuple((j, f) for j, n in enumerate(scenario.nations)
                             if (f := opt(n.relation_per_turn)) is not None),
        views=tuple(tuple(opt(v.when) for v in n.views) for n in scenario.nations),
        wants=tuple(tuple(opt(w.when) for w in n.wants) for n in scenario.nations),
        causes=tuple(tuple(compile_expr(c.when, resolve) for c in e.causes)
                     for e in scenario.endings),
        start_statuses=tuple(
            pack(STATUSES.index(n.status), tuple(holder_code(h, ix) for h in n.held_by))
            for n in scenario.nations),
        binding_kinds=tuple(t.binding for t in scenario.treaty_kinds),
        war_kinds=tuple(t.war for t in scenario.treaty_kinds),
        war_treaty=next((i for i, t in enumerate(scenario.treaty_kinds) if t.war), -1),
    )
