"""What a move is expected to do, in words: the change between two states, an action's
preview even when it is not allowed now, and the actions a move would rule out.

"Expected effect" is the difference between the state and ``apply_action`` of
the move on it; nothing here changes a state.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import (
    Choose,
    GameState,
    IllegalMoveError,
    Move,
    Preview,
    TakeAction,
    TreatyChange,
    actions_ruled_out,
    compare,
    preview,
)
from game.core.rules import EffectInfo
from game.i18n import _
from game.present.numbers import number
from game.present.powers import status_phrase
from game.present.text import one_line, signed


@dataclass(frozen=True)
class Effect:
    """The expected result of a move: changes to aims, relations and treaties, as text parts."""

    parts: tuple[str, ...]
    good: int  # +1 mostly good for the aims, -1 mostly bad, 0 mixed or none

    def text(self) -> str:
        # TRANSLATORS: between the parts of an effect ("Economy +2.0, Germany -5").
        return _(", ").join(self.parts) if self.parts else _("no direct effect")


def diff(before: GameState, after: GameState) -> Effect:
    """Describe what changed between two states (aims, relations, treaties)."""
    return _words(before, compare(before, after))


def _words(before: GameState, change: Preview) -> Effect:
    rules = before.rules
    scn = rules.scenario
    parts: list[str] = []
    score = 0.0
    for c in change.aims:
        aim = scn.aims[rules.aim_index[c.id]]
        if abs(c.delta) >= 0.05:
            parts.append(_change(aim.name, signed(c.delta)))
            score += c.delta * (aim.weight or 1)
    treaties: dict[str, list[TreatyChange]] = {}
    for t in change.treaties:
        treaties.setdefault(t.nation, []).append(t)
    relations = {c.id: c for c in change.relations}
    for nation in scn.nations:
        r = relations.get(nation.id)
        if r is not None and abs(r.delta) >= 0.05:
            parts.append(_change(nation.name, signed(r.delta, 0)))
        for t in treaties.get(nation.id, ()):
            kind = scn.treaty_kinds[rules.treaty_index[t.kind]]
            parts.append(_treaty(t.signed, kind.name, nation.name, rules.treaty_war(t.kind)))
        after = change.after
        status = after.status(nation.id)
        if status != before.status(nation.id) or \
                after.holders(nation.id) != before.holders(nation.id):
            parts.append(status_change(before, nation.id, status, after.holders(nation.id)))
    good = 1 if score > 0.05 else -1 if score < -0.05 else 0
    return Effect(tuple(parts), good)


def _change(name: str, change: str) -> str:
    # TRANSLATORS: an aim or a nation and how it changes ("Economy +2.0").
    return _("{name} {change}").format(name=name, change=change)


def _set_to(name: str, value: float) -> str:
    return _("{name} set to {value}").format(name=name, value=number(value, 0))


def _treaty(signs: bool, kind: str, nation: str, war: bool = False) -> str:
    if war:  # the treaty kind that means war
        return _("war with {nation}").format(nation=nation) if signs else \
            _("peace with {nation}").format(nation=nation)
    if signs:
        return _("signs {treaty} with {nation}").format(treaty=kind, nation=nation)
    return _("ends {treaty} with {nation}").format(treaty=kind, nation=nation)


def status_change(state: GameState, nation_id: str, status: str,
                  holders: tuple[str, ...]) -> str:
    """A ``status`` effect in words: "Austria annexed by Germany", "Poland independent again"."""
    rules = state.rules
    i = rules.nation_index.get(nation_id)
    nation = one_line(rules.scenario.nations[i].name, 60) if i is not None else nation_id
    if status == "independent":
        return _("{nation} independent again").format(nation=nation)
    # TRANSLATORS: a nation and its new place on the map ("Austria annexed by Germany").
    return _("{nation} {status}").format(nation=nation,
                                         status=status_phrase(rules, status, holders))


def expected(state: GameState, move: Move) -> Effect | None:
    """The expected effect of ``move`` on ``state``, or None if it is not allowed now."""
    try:
        return _words(state, preview(state, move))
    except IllegalMoveError:
        return None


def action_effect(state: GameState, index: int) -> Effect:
    """The effect an action would have if it were taken now, even if it is not allowed now.

    An unavailable action is previewed from its own effect list, applied on paper."""
    move = TakeAction(state.rules.actions[index].id)
    found = expected(state, move)
    if found is not None:
        return found
    return effect_of(state, state.rules.action_effects(move.action))


def _exact_digits(value: float) -> int:
    """The fewest decimals (up to two) that tell a small per-turn amount as it is: a policy's
    +0.25 a turn is not +0.2."""
    for digits in (0, 1):
        if abs(round(value, digits) - value) < 1e-9:
            return digits
    return 2


def effect_of(state: GameState, effects: tuple[EffectInfo, ...],
              relation_digits: int = 0, exact: bool = False) -> Effect:
    """Describe effects without applying them (no clamping). A relation's change is told in
    whole points unless ``relation_digits`` asks for more (a standing policy's -0.5 a turn);
    with ``exact`` every amount is told with the decimals it has (up to two)."""
    rules = state.rules
    scn = rules.scenario
    parts: list[str] = []
    score = 0.0
    for e in effects:
        if e.kind == "aim":
            name = scn.aims[rules.aim_index[e.target]].name
            if e.add is not None:
                parts.append(_change(name, signed(e.add, _exact_digits(e.add) if exact else 1)))
                score += e.add
            elif e.set is not None:
                parts.append(_set_to(name, e.set))
        elif e.kind == "relation":
            name = scn.nations[rules.nation_index[e.target]].name
            if e.add is not None:
                parts.append(_change(name, signed(
                    e.add, _exact_digits(e.add) if exact else relation_digits)))
            elif e.set is not None:
                parts.append(_set_to(name, e.set))
        elif e.kind in ("sign", "cancel"):
            kind = scn.treaty_kinds[rules.treaty_index[e.treaty]].name
            nation = scn.nations[rules.nation_index[e.target]].name
            parts.append(_treaty(e.kind == "sign", kind, nation, rules.treaty_war(e.treaty)))
        elif e.kind == "status":
            parts.append(status_change(state, e.target, e.status, e.holders))
    return Effect(tuple(parts), 1 if score > 0 else -1 if score < 0 else 0)


def choice_effect(state: GameState, choice_id: str) -> Effect | None:
    """The expected effect of answering the pending event with ``choice_id``."""
    if state.pending_event is None:
        return None
    return expected(state, Choose(state.pending_event, choice_id))


def locked_by(state: GameState, index: int) -> list[str]:
    """Names of the actions still to come that taking action ``index`` now would rule out by
    its changes to relations (see :func:`game.core.engine.actions_ruled_out`)."""
    scn = state.rules.scenario
    return [one_line(scn.actions[state.rules.action_index[a]].name, 60)
            for a in actions_ruled_out(state, scn.actions[index].id)]
