"""The news: every event and decision of a game in a line, the newest turn first (within a turn,
in the order things happened: by their dates, an answer after its question), and the news about
one nation.

An event is told as it was told in this game (the variant of its text that held as it fired)
and dated by its own date when the scenario gives one ("22 Jun 1941"), else by the first month
of its turn. A power's move (an event with ``by``) names the power; a gamble's outcome says
how it came out and the odds it had; the standing policies' effects are folded into the
turn's last line instead of a line of their own every turn.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from game.core.engine import GameState, LogEntry, apply_action, new_game, outcome_odds, parse_move
from game.core.rules import Rules
from game.core.scoring import answer_repeats_question
from game.i18n import _
from game.present.dates import event_date, turn_date
from game.present.numbers import number
from game.present.text import one_line, signed


def told_text(rules: Rules, entry: LogEntry) -> str:
    """The text of an event as this game told it: the variant recorded in its log entry
    (``choice``), or the main text."""
    ev = rules.scenario.events[entry.index]
    if 0 <= entry.choice < len(ev.variants):
        return ev.variants[entry.choice].text
    return ev.text


def event_text(state: GameState, index: int) -> str:
    """The text of the event at ``index`` as this game told it (the main text if it has not
    fired)."""
    ev = state.rules.scenario.events[index]
    told = state.variant_told(ev.id)
    return ev.variants[told].text if 0 <= told < len(ev.variants) else ev.text


def power_name(rules: Rules, index: int) -> str:
    """The name of the power whose move the event at ``index`` is (its ``by``), or ""."""
    by = rules.scenario.events[index].by
    if not by:
        return ""
    i = rules.nation_index.get(by)
    return one_line(rules.scenario.nations[i].name, 50) if i is not None else by


def event_title(rules: Rules, index: int) -> str:
    """An event's title, with the power whose move it is in front ("Germany: The
    Anschluss")."""
    title = one_line(rules.scenario.events[index].title)
    return with_power(power_name(rules, index), title) or title


def with_power(power: str, title: str) -> str:
    """A power's move: ``"Germany: The Anschluss"``; the title alone when it already opens
    with the power's name ("Germany leaves the League", not "Germany: Germany leaves the
    League"); "" when the move is nobody's."""
    if not power:
        return ""
    if title.casefold().startswith(power.casefold()):
        return title
    # TRANSLATORS: a power's move: the power, and the event's title.
    return _("{power}: {event}").format(power=power, event=title)


def outcome_text(rules: Rules, index: int, choice: int, outcome: int) -> str:
    """What a gamble came to: the scenario's sentence for the outcome drawn."""
    ev = rules.scenario.events[index]
    if not 0 <= choice < len(ev.choices):
        return ""
    outcomes = ev.choices[choice].outcomes
    return outcomes[outcome].text if 0 <= outcome < len(outcomes) else ""


def _with_question(title: str, what: str) -> str:
    if title.rstrip().endswith("?"):  # not "A plot in the army?: Purge the officer corps"
        # TRANSLATORS: an event whose title is a question, and the answer chosen to it.
        return _("{question} {choice}").format(question=title, choice=what)
    # TRANSLATORS: an event and the answer chosen to it.
    return _("{event}: {choice}").format(event=title, choice=what)


def entry_title(rules: Rules, entry: LogEntry) -> str:
    """What a log entry is about, in a few words."""
    scn = rules.scenario
    if entry.kind == "action":
        return one_line(scn.actions[entry.index].name)
    if entry.kind == "event":
        return one_line(scn.events[entry.index].title)
    if entry.kind == "choice":
        ev = scn.events[entry.index]
        label = ev.choices[entry.choice].label
        if answer_repeats_question(ev.title, label):  # not "Renew it?: Renew it"
            return one_line(label, 100)
        return _with_question(one_line(ev.title, 50), one_line(label, 50))
    if entry.kind == "outcome":
        return outcome_title(rules, entry.index, _gamble_choice(rules, entry), entry.choice)
    if entry.kind in ("policy", "policy_set"):
        return policy_words(rules, entry.index, entry.choice)
    if entry.kind == "drift":
        return _("the aims' own drift at the end of the turn")
    if entry.kind == "ending":
        return one_line(scn.endings[entry.index].title)
    return _("turn {number}").format(number=entry.index + 1)


def _gamble_choice(rules: Rules, entry: LogEntry) -> int:
    """The answer whose gamble an outcome entry drew, told from the rules alone: the choice
    with a gamble, or the first with enough outcomes when several have one (the state knows
    for sure: :func:`outcome_entry_title`)."""
    ev = rules.scenario.events[entry.index]
    fits = [k for k, c in enumerate(ev.choices) if entry.choice < len(c.outcomes)]
    return fits[0] if fits else -1


def outcome_title(rules: Rules, index: int, choice: int, outcome: int) -> str:
    """An event and how its gamble came out, without a full stop: "An alliance? The West
    refuses"."""
    told = one_line(outcome_text(rules, index, choice, outcome), 200).rstrip(".")
    return _with_question(one_line(rules.scenario.events[index].title, 50), told)


def answer_index(state: GameState, index: int) -> int:
    """The position of the player's answer to the event at ``index`` (-1 for none)."""
    ev = state.rules.scenario.events[index]
    answer = state.answer(ev.id)
    return next((k for k, c in enumerate(ev.choices) if c.id == answer), -1)


def outcome_entry_title(state: GameState, entry: LogEntry) -> str:
    """An outcome entry's title, with the answer this game gave."""
    return outcome_title(state.rules, entry.index, answer_index(state, entry.index),
                         entry.choice)


def policy_words(rules: Rules, policy: int, option: int) -> str:
    """``"Where the effort goes: Heavy industry first"``."""
    pol = rules.scenario.policies[policy]
    name = pol.options[option].name if 0 <= option < len(pol.options) else "?"
    # TRANSLATORS: a standing policy and the option chosen for it.
    return _("{policy}: {option}").format(policy=one_line(pol.name, 60), option=one_line(name))


def odds_words(chance: float) -> str:
    """A chance as a reader writes it: ``"40%"``."""
    # TRANSLATORS: a chance in per cent ("40%").
    return _("{value}%").format(value=number(100 * chance, 0))


@lru_cache(maxsize=8)
def _draw_odds(state: GameState) -> dict[tuple[int, int], float]:
    rules = state.rules
    out: dict[tuple[int, int], float] = {}
    wanted = [e for e in state.log() if e.kind == "outcome"]
    if not wanted:
        return out
    turns = {e.turn for e in wanted}
    # The game played again up to the end of each turn in which a gamble was drawn: its
    # odds came from the state then (a second gamble of the same turn is read from the same
    # state, before the first was drawn).
    s = new_game(rules, state.seed, history=state.as_history)
    for text in state.moves:
        move = parse_move(text)
        if text == "end" and s.turn in turns:
            for e in wanted:
                if e.turn != s.turn:
                    continue
                ev = rules.scenario.events[e.index]
                answer = s.answer(ev.id)
                if answer is None:
                    continue
                odds = dict(outcome_odds(s, ev.id, answer))
                k = next(c.index for c in rules.events[e.index].choices if c.id == answer)
                drawn = rules.outcomes[e.index][k][e.choice].id
                if drawn in odds:
                    out[(e.turn, e.index)] = odds[drawn]
        s = apply_action(s, move)
    return out


def gamble_odds(state: GameState, turn: int, index: int) -> float | None:
    """The chance the outcome drawn for the gamble of the event at ``index`` had when it was
    drawn (at the end of ``turn``), or None if it cannot be told."""
    try:
        return _draw_odds(state).get((turn, index))
    except Exception:  # noqa: BLE001 - the odds are a courtesy: a replay problem loses them
        return None


def odds_useful(chance: float | None) -> bool:
    """Whether a chance is worth saying: a real gamble, not a sure thing."""
    return chance is not None and 0.005 < chance < 0.995


def outcome_line(state: GameState, entry: LogEntry) -> str:
    """A gamble's result in a line, with its odds when it was a real gamble: "An alliance?
    The West refuses (it had a 60% chance)"."""
    title = outcome_entry_title(state, entry)
    chance = gamble_odds(state, entry.turn, entry.index)
    if odds_useful(chance):
        assert chance is not None
        # TRANSLATORS: a gamble's outcome and the chance it had when it was drawn.
        return _("{outcome} (it had a {odds} chance)").format(outcome=title,
                                                             odds=odds_words(chance))
    return title


@dataclass(frozen=True)
class NewsItem:
    turn: int
    date: str
    """When it happened, as a reader writes it: an event's own date when the scenario gives
    one ("22 Jun 1941"), else the first month of its turn."""
    kind: str
    """``event`` (a power's move too: then :attr:`power` names it), ``choice``, ``action``,
    ``outcome``, ``policy_set``, ``policy`` (a standing policy's effects, told when it starts
    to act), ``drift`` (the end of the turn, with the standing policies' effects) or
    ``ending``."""
    text: str
    index: int = -1
    """The action, event, policy or ending the item is about (its scenario index)."""
    choice: int = -1
    turn_date: str = ""
    """The first month of its turn, for a heading over the turn."""
    power: str = ""
    """The power whose move it is ("" if it is nobody's)."""


def news(state: GameState, limit: int = 400) -> list[NewsItem]:
    """Every event and decision so far, the newest turn first (at most ``limit``)."""
    return list(itertools.islice(news_items(state), limit))


def _turns_newest_first(state: GameState) -> Iterator[list[LogEntry]]:
    """The log's entries turn by turn, the newest turn first, each turn oldest first."""
    group: list[LogEntry] = []
    for entry in state.iter_log_reversed():
        if group and entry.turn != group[-1].turn:
            group.reverse()
            yield group
            group = []
        group.append(entry)
    if group:
        group.reverse()
        yield group


def _by_date(group: list[LogEntry]) -> list[LogEntry]:
    """A turn's entries as they are read: each answer right after the event it answers (the
    events fire, in the order of their dates, as the turn begins; the answers come later in
    the log), everything else in the order of the log."""
    answers = {e.index: e for e in group if e.kind == "choice"}
    if not answers:
        return group
    asked = {e.index for e in group if e.kind == "event"}
    out: list[LogEntry] = []
    for entry in group:
        if entry.kind == "choice" and entry.index in asked:
            continue  # told after its event
        out.append(entry)
        if entry.kind == "event" and entry.index in answers:
            out.append(answers[entry.index])
    return out


def _changes(rules: Rules, changes: list[tuple[str, int, float]] |
             tuple[tuple[str, int, float], ...]) -> str:
    """The aims' part of a list of changes, summed by aim, in words ("" for none)."""
    totals: dict[int, float] = {}
    for what, i, delta in changes:
        if what == "aim":
            totals[i] = totals.get(i, 0.0) + delta
    return _(", ").join(
        _("{name} {change}").format(name=rules.scenario.aims[i].name, change=signed(d))
        for i, d in sorted(totals.items()))


def _end_of_turn(rules: Rules, drift: list[LogEntry], policies: list[LogEntry]) -> str:
    """The aims' change at the end of a turn (their drift with the standing policies'
    effects), in a line naming the policies ("" if no aim drifted)."""
    if not drift or not any(what == "aim" for what, _i, _d in drift[0].changes):
        return ""
    changes = _changes(rules, [c for e in drift + policies for c in e.changes])
    if policies:
        # TRANSLATORS: the aims' change at the end of a turn, and the standing policies
        # whose effects it includes.
        return _("End of turn: {changes} (with {policies})").format(
            changes=changes, policies=_(", ").join(
                one_line(rules.scenario.policies[e.index].options[e.choice].name, 60)
                for e in policies))
    return _("End of turn: {changes}").format(changes=changes)


def policy_acts(rules: Rules, policy: int, option: int,
                changes: tuple[tuple[str, int, float], ...]) -> str:
    """A standing policy's effects, told once when it starts to act: "Every turn from now
    on, Heavy industry first brings Strength +0.6, Security -0.2"."""
    pol = rules.scenario.policies[policy]
    name = one_line(pol.options[option].name if 0 <= option < len(pol.options) else "?", 60)
    what = _changes(rules, changes)
    if not what:
        return _("Every turn from now on, {option} acts at the end of the turn").format(
            option=name)
    # TRANSLATORS: a standing policy's option and what it changes at the end of every turn.
    return _("Every turn from now on, {option} brings {changes}").format(option=name,
                                                                        changes=what)


def news_items(state: GameState) -> Iterator[NewsItem]:
    """Every event and decision so far, made as they are read: the newest turn first, and
    within a turn in the order they happened (events in the order they fired, each answer
    right after its question)."""
    rules = state.rules
    for group in _turns_newest_first(state):
        turn = group[0].turn
        month = turn_date(rules, turn)
        drift = next((e for e in group if e.kind == "drift"), None)
        policies = [e for e in group if e.kind == "policy"]
        changed = {e.index for e in group if e.kind == "policy_set"}
        for entry in _by_date(group):
            kind = entry.kind
            date, power = month, ""
            if kind == "drift" or (kind == "policy" and drift is None
                                   and entry is policies[0]):
                # The turn's end in one line: the aims' drift with the standing policies'
                # effects (a turn without drift has no such line).
                text = _end_of_turn(rules, [drift] if drift else [], policies)
                if text:
                    yield NewsItem(turn, date, "drift", text, -1, -1, month)
            if kind == "policy" and (turn == 0 or entry.index in changed):
                # A standing policy's effects are told once, when it starts to act.
                yield NewsItem(turn, date, "policy",
                               policy_acts(rules, entry.index, entry.choice, entry.changes),
                               entry.index, entry.choice, month)
            if kind in ("drift", "policy"):
                continue
            if kind == "turn":
                continue
            title = entry_title(rules, entry)
            if kind == "action":
                text = _("You: {action}").format(action=title)
            elif kind == "choice":
                date = event_date(rules, entry.index, turn)
                text = _("You chose: {choice}").format(choice=title)
            elif kind == "event":
                date = event_date(rules, entry.index, turn)
                power = power_name(rules, entry.index)
                text = with_power(power, title) or _("News: {event}").format(event=title)
            elif kind == "outcome":
                text = _("As it came out: {outcome}").format(outcome=outcome_line(state, entry))
            elif kind == "policy_set":
                text = _("You set a standing policy: {policy}").format(policy=title)
            else:
                text = _("The end: {ending}").format(ending=title)
            yield NewsItem(turn, date, kind, text, entry.index, entry.choice, month, power)


def nation_news(state: GameState, nation_index: int, limit: int = 2) -> list[NewsItem]:
    """The newest events and decisions about a nation (its move, its name in their title or
    text, or an action aimed at it), the newest turn first."""
    rules = state.rules
    scn = rules.scenario
    nation = scn.nations[nation_index]
    name = nation.name.lower()
    out: list[NewsItem] = []
    for item in news_items(state):
        if item.kind == "action":
            action = scn.actions[item.index]
            hit = action.target == nation.id or name in action.name.lower()
        elif item.kind in ("event", "choice"):
            ev = scn.events[item.index]
            hit = (ev.by == nation.id or name in ev.title.lower()
                   or name in event_text(state, item.index).lower())
        else:
            hit = False
        if hit:
            out.append(item)
            if len(out) >= limit:
                break
    return out
