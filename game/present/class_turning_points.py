"""The words of the class's turning points (``compare --analysis``): the turning points most
of the class shared, the decisions where the class split, and for each a question for the
debrief that sends the class to its history note."""

from __future__ import annotations

import re

from game.core.scenario import HistoryNote
from game.i18n import _, ngettext
from game.present import analysis as words
from game.present.numbers import number
from game.present.player import capital, the_name

EXCERPT_CHARS = 220
"""The most of a history note quoted in a question (its first sentence, cut to this)."""


def heading() -> str:
    return _("Turning points of the class")


def intro(analysed: int, games: int, continuation: str) -> str:
    """What was played to find the class's turning points."""
    return ngettext(
        "{count} game was analysed: at each answer, every choice played on to the end {games} "
        "times with {name}. A decision is a turning point of a game when its choice changed "
        "that game's expected score by more than the estimate's uncertainty.",
        "{count} games were analysed: at each answer, every choice played on to the end "
        "{games} times with {name}. A decision is a turning point of a game when its choice "
        "changed that game's expected score by more than the estimate's uncertainty.",
        analysed).format(count=number(analysed, 0), games=number(games, 0),
                         name=f"\u201c{words.continuation_name(continuation)}\u201d")


def shared_heading() -> str:
    return _("The turning points the class shared")


def none_shared() -> str:
    return _("No decision was a turning point in two games or more.")


def splits_heading() -> str:
    return _("Where the class split")


def no_splits() -> str:
    return _("The class never split: at every decision most of the games chose alike.")


def shared_line(date: str, title: str, count: int, games: int, worse: int, better: int) -> str:
    return _("{date}: {title}: a turning point in {count} of {games} games ({worse} for the "
             "worse, {better} for the better).").format(
        date=date, title=title, count=number(count, 0), games=number(games, 0),
        worse=number(worse, 0), better=number(better, 0))


def counts_words(counts: list[tuple[str, int]]) -> str:
    """``"Refuse (12), Sign (5)"``."""
    return ", ".join(_("{choice} ({count})").format(choice=label, count=number(n, 0))
                     for label, n in counts)


def worse_detail(chosen: list[tuple[str, int]], better: list[tuple[str, int]],
                 swing: float) -> str:
    return _("Lost ground with: {chosen}; the better choice would likely have been: "
             "{better} (by {swing} points on average).").format(
        chosen=counts_words(chosen), better=counts_words(better), swing=number(swing, 1))


def better_detail(chosen: list[tuple[str, int]], swing: float) -> str:
    return _("Gained with: {chosen} (ahead of every other choice by {swing} points on "
             "average).").format(chosen=counts_words(chosen), swing=number(swing, 1))


def split_line(date: str, title: str, counts: list[tuple[str, int]], answered: int) -> str:
    return _("{date}: {title}: {answered} games answered: {choices}.").format(
        date=date, title=title, answered=number(answered, 0), choices=counts_words(counts))


def means_line(means: list[tuple[str, float]]) -> str:
    """What each choice would likely have brought, on average over the games analysed."""
    return _("Expected final score of each choice, on average over the games that faced it: "
             "{choices}.").format(choices=", ".join(
                 _("{choice} {score}").format(choice=label, score=number(v, 1))
                 for label, v in means))


def historical_words(player: str, choice: str) -> str:
    return _("{state} chose: {choice}.").format(state=capital(the_name(player)), choice=choice)


def excerpt(note: HistoryNote) -> str:
    """The first sentence of a history note (cut to :data:`EXCERPT_CHARS`)."""
    text = " ".join(note.text.split())
    m = re.search(r"(?<=[.!?])\s", text)
    first = text[:m.start()] if m else text
    if len(first) > EXCERPT_CHARS:
        first = first[:EXCERPT_CHARS - 1].rstrip() + "\u2026"
    return first


def _note_words(note: HistoryNote | None) -> str:
    if note is None:
        return _("(this decision has no history note)")
    return _("Read its history note ({date}): \u201c{text}\u201d").format(date=note.date,
                                                                        text=excerpt(note))


def worse_question(player: str, date: str, count: int, choice: str, better: str,
                   note: HistoryNote | None) -> str:
    """The debrief question of a turning point most games took for the worse."""
    return _("Debrief: {count} of you lost ground here with {choice}, where {better} would "
             "likely have done better. What did {state} choose on {date}, and what did its "
             "leaders know then? {note}").format(
        count=number(count, 0), choice=choice, better=better, state=the_name(player),
        date=date, note=_note_words(note))


def better_question(player: str, date: str, count: int, choice: str,
                    note: HistoryNote | None) -> str:
    """The debrief question of a turning point most games took for the better."""
    return _("Debrief: {count} of you gained here with {choice}. Would {state}'s leaders "
             "have seen it that way on {date}, and what did they choose? {note}").format(
        count=number(count, 0), choice=choice, state=the_name(player), date=date,
        note=_note_words(note))


def split_question(player: str, counts: list[tuple[str, int]],
                   note: HistoryNote | None) -> str:
    """The debrief question of a decision where the class split."""
    sides = " / ".join(label for label, _n in counts[:3])
    return _("Debrief: ask one student from each side ({sides}) what they expected to "
             "happen; then compare with what {state} did. {note}").format(
        sides=sides, state=the_name(player), note=_note_words(note))


def not_analysed(count: int) -> str:
    return ngettext("{count} game answered no event and was not analysed.",
                    "{count} games answered no event and were not analysed.", count).format(
        count=number(count, 0))
