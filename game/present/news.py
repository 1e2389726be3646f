"""The news: every event and decision of a game in a line, newest first, and the news about
one nation."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from game.core.engine import GameState, LogEntry
from game.core.rules import Rules
from game.core.scoring import answer_repeats_question
from game.i18n import _
from game.present.dates import turn_date
from game.present.text import one_line, signed


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
        title, choice = one_line(ev.title, 50), one_line(ev.choices[entry.choice].label, 50)
        if title.rstrip().endswith("?"):  # not "A plot in the army?: Purge the officer corps"
            # TRANSLATORS: an event whose title is a question, and the answer chosen to it.
            return _("{question} {choice}").format(question=title, choice=choice)
        # TRANSLATORS: an event and the answer chosen to it.
        return _("{event}: {choice}").format(event=title, choice=choice)
    if entry.kind == "drift":
        return _("the aims' own drift at the end of the turn")
    if entry.kind == "ending":
        return one_line(scn.endings[entry.index].title)
    return _("turn {number}").format(number=entry.index + 1)


@dataclass(frozen=True)
class NewsItem:
    turn: int
    date: str
    kind: str
    text: str
    index: int = -1
    """The action, event or ending the item is about (its scenario index)."""
    choice: int = -1


def news(state: GameState, limit: int = 400) -> list[NewsItem]:
    """Every event and decision so far, newest first (at most ``limit``)."""
    return list(itertools.islice(news_items(state), limit))


def news_items(state: GameState) -> Iterator[NewsItem]:
    """Every event and decision so far, newest first, made as they are read."""
    rules = state.rules
    for entry in state.iter_log_reversed():
        if entry.kind == "turn":
            continue
        title = entry_title(rules, entry)
        if entry.kind == "action":
            text = _("You: {action}").format(action=title)
        elif entry.kind == "choice":
            text = _("You chose: {choice}").format(choice=title)
        elif entry.kind == "event":
            text = _("News: {event}").format(event=title)
        elif entry.kind == "drift":
            text = _("End of turn: {changes}").format(changes=_(", ").join(
                _("{name} {change}").format(name=rules.scenario.aims[i].name, change=signed(d))
                for w, i, d in entry.changes if w == "aim"))
        else:
            text = _("The end: {ending}").format(ending=title)
        yield NewsItem(entry.turn, turn_date(rules, entry.turn), entry.kind, text,
                       entry.index, entry.choice)


def nation_news(state: GameState, nation_index: int, limit: int = 2) -> list[NewsItem]:
    """The newest events and decisions about a nation (its name in their title or text, or an
    action aimed at it), newest first."""
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
            hit = name in ev.title.lower() or name in ev.text.lower()
        else:
            hit = False
        if hit:
            out.append(item)
            if len(out) >= limit:
                break
    return out


