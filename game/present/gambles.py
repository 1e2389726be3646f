"""A gamble in words: the odds of a choice's outcomes as things stand now (they are drawn at
the end of the turn, from the state then), what each outcome would change, the range of what
the whole choice can do, and later how it came out."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.effects import describe_ops
from game.core.engine import Choose, GameState, IllegalMoveError, LogEntry, outcome_odds, preview
from game.i18n import _
from game.present.effects import effect_of
from game.present.numbers import number
from game.present.text import one_line, signed


@dataclass(frozen=True)
class OutcomeView:
    """One way a gamble can come out: its chance now and what it would change."""

    id: str
    chance: float
    effects: str


@dataclass(frozen=True)
class GambleView:
    """A choice's gamble as the event card shows it."""

    outcomes: tuple[OutcomeView, ...]
    ranges: tuple[str, ...]
    """What the whole choice (its sure part and each outcome) can do to each aim and
    relation: "Security -5 to +20"."""


def percent(chance: float) -> str:
    """A chance as a whole percentage ("40%")."""
    # TRANSLATORS: a chance in per cent ("40%").
    return _("{value}%").format(value=number(chance * 100, 0))


def gamble(state: GameState, event_id: str, choice_id: str) -> GambleView | None:
    """The gamble of a choice, with the odds as things stand in ``state``; None for a choice
    without one."""
    rules = state.rules
    odds = outcome_odds(state, event_id, choice_id)
    if not odds:
        return None
    scn = rules.scenario
    event = rules.event_index[event_id]
    choice = next(c.index for c in rules.events[event].choices if c.id == choice_id)
    compiled = rules.outcomes[event][choice]
    sure: dict[tuple[str, str], float] = {}
    try:
        p = preview(state, Choose(event_id, choice_id)) if state.pending_event == event_id \
            else None
    except IllegalMoveError:
        p = None
    if p is not None:
        sure.update({("aim", c.id): c.delta for c in p.aims})
        sure.update({("relation", c.id): c.delta for c in p.relations})
    views = []
    totals: list[dict[tuple[str, str], float]] = []
    for (oid, chance), outcome in zip(odds, compiled, strict=True):
        infos = describe_ops(rules, outcome.effects)
        views.append(OutcomeView(oid, chance, effect_of(state, infos).text()))
        total = dict(sure)
        for e in infos:
            if e.kind in ("aim", "relation") and e.add is not None:
                total[(e.kind, e.target)] = total.get((e.kind, e.target), 0.0) + e.add
        totals.append(total)
    keys = [("aim", a.id) for a in scn.aims] + [("relation", n.id) for n in scn.nations]
    ranges = []
    for what, ident in keys:
        values = [t.get((what, ident), 0.0) for t in totals]
        if all(abs(v) < 0.05 for v in values):
            continue
        low, high = min(values), max(values)
        digits = 1 if what == "aim" else 0
        if what == "aim":
            name = one_line(scn.aims[rules.aim_index[ident]].name, 40)
        else:
            name = one_line(scn.nations[rules.nation_index[ident]].name, 40)
        if round(high - low, digits) == 0:
            ranges.append(_("{name} {change}").format(name=name, change=signed(low, digits)))
        else:
            # TRANSLATORS: the range of what a gamble can do to an aim ("Security -5 to +20").
            ranges.append(_("{name} {low} to {high}").format(
                name=name, low=signed(low, digits), high=signed(high, digits)))
    return GambleView(tuple(views), tuple(ranges))


def odds_line(view: GambleView) -> str:
    """The odds and each outcome's effects in a line: "40%: Security +20 · 60%: Security -5"."""
    # TRANSLATORS: between the outcomes of a gamble in one line.
    return _(" · ").join(_("{chance}: {effects}").format(chance=percent(o.chance),
                                                         effects=o.effects)
                         for o in view.outcomes)


def gamble_lines(view: GambleView) -> list[str]:
    """The lines under a choice with a gamble: the odds now and each outcome's effects, one
    outcome a line, then the range of it all."""
    out = [_("» A gamble, drawn at the end of the turn; the odds as things stand now:")]
    out += [_("· {chance}: {effects}").format(chance=percent(o.chance), effects=o.effects)
            for o in view.outcomes]
    if view.ranges:
        out.append(_("» What it can do in all: {ranges}").format(
            ranges=_(", ").join(view.ranges)))
    return out


HEADING_CHARS = 1000
"""A title or label set whole into a heading (the scenario's own limits keep it short)."""


def outcome_told(state: GameState, entry: LogEntry) -> tuple[str, str, str]:
    """How a gamble came out (a log entry of kind "outcome"): (its heading, the scenario's
    text for it, what it changed in words)."""
    rules = state.rules
    scn = rules.scenario
    ev = scn.events[entry.index]
    answer = state.answer(ev.id)
    choice = next((c for c in ev.choices if c.id == answer), None)
    outcome = choice.outcomes[entry.choice] if choice is not None and \
        0 <= entry.choice < len(choice.outcomes) else None
    # Whole: a heading is wrapped where it is shown, never cut (German play-test: "(Sich zu
    # ihren Bedingungen mit Großbritannien und Frankreich…)").
    title = one_line(ev.title, HEADING_CHARS)
    heading = _("How it came out: {event}").format(event=title) if choice is None else \
        _("How it came out: {event} ({choice})").format(
            event=title, choice=one_line(choice.label, HEADING_CHARS))
    text = outcome.text if outcome is not None else ""
    return heading, text, changes_words(state, entry.changes)


def changes_words(state: GameState, changes: tuple[tuple[str, int, float], ...]) -> str:
    """A log entry's changes (aims and relations) in words, or "" if none."""
    scn = state.rules.scenario
    parts = []
    for what, i, delta in changes:
        if what == "aim" and abs(delta) >= 0.05:
            parts.append(_("{name} {change}").format(name=one_line(scn.aims[i].name, 40),
                                                     change=signed(delta)))
        elif what == "relation" and abs(delta) >= 0.5:
            parts.append(_("{name} {change}").format(name=one_line(scn.nations[i].name, 40),
                                                     change=signed(delta, 0)))
    return _(", ").join(parts)
