"""The sentences of the end report, built once for every layout (screen, HTML, Markdown, JSON).

A sentence with emphasis or escaping is built through :class:`Marks`, which each
writer supplies: the HTML writer escapes and wraps in ``<strong>``, the Markdown
writer in ``**``, the screen leaves the text plain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.core.scoring import CHOICE_WEIGHT, Stance
from game.present.dates import clock_words
from game.present.history_note import essay_line
from game.present.player import capital, possessive, the_name
from game.present.report import EndReport, EventRow


class Marks(Protocol):
    """How a layout writes scenario text (escaped) and emphasised text."""

    def text(self, s: str) -> str: ...

    def strong(self, s: str) -> str: ...


class Plain:
    """Marks for a layout that has none (the screen, JSON)."""

    def text(self, s: str) -> str:
        return s

    def strong(self, s: str) -> str:
        return s


PLAIN = Plain()


@dataclass(frozen=True, slots=True)
class Headings:
    """The report's section titles."""

    ending: str
    aims: str
    decisions: str
    events: str
    stance: str
    sources: str


def headings(report: EndReport) -> Headings:
    return Headings("How it ended", "Your aims against history",
                    f"Your decisions beside {possessive(report.player_state)}",
                    "What happened in your game",
                    "Your policy between the historians' readings", "Sources")


def title(report: EndReport) -> str:
    """``"Ada: Diplomacy of ..."``: the report's title."""
    who = f"{report.player}: " if report.player else ""
    return f"{who}{report.scenario_title}"


def saved_when(report: EndReport) -> str:
    return clock_words(report.saved_at)


def meta_line(report: EndReport, m: Marks) -> str:
    """``End report for Ada, leading the USSR, saved ..., game seed 3.``"""
    parts = [f"End report for {m.strong(report.player or 'an unnamed player')}",
             f"leading {m.text(the_name(report.player_state))}"]
    when = saved_when(report)
    if when:
        parts.append(f"saved {m.text(when)}")
    parts.append(f"game seed {report.seed}")
    return ", ".join(parts) + "."


UNFINISHED_TITLE = "The game is not finished"


def unfinished_text(report: EndReport, m: Marks) -> str:
    return (f"It was saved in {m.text(report.date)}, after {report.summary.turns_played} "
            "turn(s). The comparison below covers the turns played.")


def historical_ending_line(report: EndReport, m: Marks) -> str:
    """How the historical path ends, played through the same rules ("" if it does not end)."""
    if not report.historical_ending_title:
        return ""
    s = report.summary
    same = " (the same as yours)" if s.ending_id == s.historical_ending_id else ""
    return (f"Played through the same rules, {possessive(report.player_state)} historical path "
            f"ends in {m.strong(report.historical_ending_title)}{same}.")


def score_line(report: EndReport, m: Marks) -> str:
    s = report.summary
    return (f"Overall score: {m.strong(f'{s.score:.1f}')} out of 100; the historical path "
            f"scores {s.historical_score:.1f}.")


def score_explained(report: EndReport) -> str:
    """How the overall score is made (:func:`game.core.scoring.overall_score`), in words."""
    weights = list(report.aim_weights)
    named = list(zip(report.aim_names, weights, strict=True))
    weighting = "counted equally"
    if len(set(weights)) > 1:
        low = min(weights) or 1.0
        parts = [f"{n} \u00d7{w:g}" for n, w in named]
        times = [f"{n} counts {w / low:g} times" if w != low else f"{n} once" for n, w in named]
        weighting = f"weighted ({', '.join(parts)}), so {', '.join(times)}"
    return ("The score runs from 0 to 100. Each aim is put on a scale from its lowest "
            f"to its highest possible value and the aims are {weighting}; half the "
            "score is where they stand at the end of the game, half is their average "
            "over every turn played, so a good start counts as well as a good finish.")


SCORE_HEADING = "How the score is made (0-100)"


def aims_note(report: EndReport) -> str:
    return (f"History: {possessive(report.player_state)} real decisions played through the same "
            "rules. A positive difference means your game did better on that aim.")


AIM_COLUMNS = ("Aim", "Yours at the end", "History", "Difference", "Mean gap over the game")


def aim_sentence(name: str, final: float, historical: float, difference: float,
                 mean_gap: str) -> str:
    """One aim against history, in a sentence (the screen's summary)."""
    ahead = "ahead of" if difference > 0 else "behind" if difference < 0 else "level with"
    return (f"{name}: {final:.1f} at the end; history {historical:.1f}, so you are "
            f"{abs(difference):.1f} {ahead} history (on average {mean_gap} over the game)")


def chart_caption(aim_name: str) -> str:
    return f"{aim_name}: your game (solid) against history (dashed)"


def charts_missing(problem: str) -> str:
    return f"Charts are missing: {problem}."


def decision_columns(report: EndReport) -> tuple[str, ...]:
    """The decision table's columns; the essay's only if the scenario has an essay."""
    cols = ["Date", "Decision", "You", f"What {the_name(report.player_state)} did"]
    if report.has_essay:
        cols += ["The essay's verdict", "What the essay got wrong"]
    return (*cols, "Source")


def differs_note(report: EndReport, how: str) -> str:
    """``how`` is what the layout does to a differing row: "are shaded", "is in bold"."""
    return f"Where you did otherwise than {the_name(report.player_state)}, your decision {how}."


NO_DECISIONS = "No decisions yet."
NO_EVENTS = "No event has happened yet."
NO_SOURCES = "The scenario lists no sources; each decision above names its own."
NO_STANCE = "You made no decision that carries a stance yet."
NO_NOTE = "The scenario has no history note for this event."


def events_summary(report: EndReport) -> str:
    """The line above the chronology: how many events, and how many differ from history."""
    events = report.events
    played = sum(e.in_game for e in events)
    new = sum(e.status == "game_only" for e in events)
    missed = sum(e.status == "history_only" for e in events)
    if played:
        parts = [f"{played} event{'s' if played != 1 else ''} happened in your game, listed by "
                 "date", f"{new} of them did not happen in history" if new
                 else "all of them happened in history too"]
    else:
        parts = ["No event happened in your game"]
    if missed:
        parts.append(f"{missed} historical event{'s' if missed != 1 else ''} did not happen in "
                     f"yours ({'they are' if missed != 1 else 'it is'} listed too, marked so)")
    tail = " Beside each: what really happened"
    tail += ", and what the essay said of it." if report.has_essay else "."
    return "; ".join(parts) + "." + tail


EVENT_MARKS = {"game_only": "did not happen in history",
               "history_only": "happened in history, not in your game"}


def event_mark(e: EventRow) -> str:
    """How an event differs from history ("" if it happened in both)."""
    mark = EVENT_MARKS.get(e.status, "")
    return mark + " (your game had ended)" if e.after_end else mark


def event_label(e: EventRow) -> str:
    return "In your game" if e.in_game else "What the game says"


def choice_sentence(report: EndReport, e: EventRow, m: Marks) -> str:
    """``You chose Defy; the USSR chose Yield.`` ("" if the event asked nothing)."""
    who = the_name(report.player_state)
    if e.choice and e.choice == e.history_choice:
        return f"You chose {m.strong(e.choice)}, as {who} did."
    parts = []
    if e.choice:
        parts.append(f"You chose {m.strong(e.choice)}")
    if e.history_choice:
        parts.append(f"{who} chose {m.strong(e.history_choice)}")
    return capital("; ".join(parts)) + "." if parts else ""


def note_lines(e: EventRow) -> list[tuple[str, str]]:
    """(label, text) lines of an event's history note, plain: "In history, 1932", the essay's
    verdict and correction when the note has them, the source."""
    n = e.note
    if n is None:
        return []
    out = [(f"In history, {n.date}", n.text)]
    essay = essay_line(n)
    if essay:
        label, _, text = essay.partition(": ")
        out.append((label, text if text.endswith(".") else text + "."))
    if n.correction:
        out.append(("What the essay got wrong", n.correction))
    out.append(("Source", n.source))
    return out


def history_date_line(e: EventRow, when: str) -> str:
    """When an event came on the historical path, if not when it came in the game."""
    if e.in_game and e.in_history and e.history_date != e.date:
        return f"On the historical path it came in {when}."
    return ""


def verdict_phrase(verdict: str) -> str:
    """A stance's verdict after "Your policy": "leans towards ...", "is between the two
    readings"."""
    return f"is {verdict}" if verdict.startswith("between") else verdict


def policy_line(stance: Stance, m: Marks) -> str:
    """``Your policy leans towards ...`` ("" without a verdict)."""
    return f"Your policy {m.strong(verdict_phrase(stance.verdict))}." if stance.verdict else ""


def lean_line(report: EndReport, m: Marks) -> str:
    """Both policies' lean in numbers, and the reading closest to each."""
    st, hs = report.summary.stance, report.summary.historical_stance
    closest = f", closest to {m.strong(st.reading_name)}" \
        if st.reading_name and not st.verdict else ""
    theirs = f": its policy {m.text(verdict_phrase(hs.verdict))}" if hs.verdict else \
        (f" ({m.text(hs.reading_name)})" if hs.reading_name else "")
    return (f"Your {st.decisions} decision(s) lean {m.strong(f'{st.lean:+.2f}')} on a scale "
            f"from -1 to +1{closest}. {capital(possessive(report.player_state))} own decisions "
            f"lean {hs.lean:+.2f}{theirs}.")


MOVED_BY = "The decisions that pulled yours hardest, with their lean:"


def stance_explained() -> str:
    """How the lean of a policy is counted (:func:`game.core.scoring.stance`), in words."""
    return ("Every decision carries a lean from -1 to +1. The policy's lean is their average, "
            "where each action counts once however often it was repeated, and each answer "
            f"to an event counts {CHOICE_WEIGHT:g} times (those are the big decisions).")


def lean_axis(lean: float, history: float, width: int = 41) -> str:
    """A text scale from -1 to +1 with Y (you) and H (history) on it."""
    cells = ["-"] * width

    def at(value: float) -> int:
        return round((max(-1.0, min(1.0, value)) + 1) / 2 * (width - 1))

    cells[width // 2] = "|"
    cells[at(history)] = "H"
    cells[at(lean)] = "Y" if at(lean) != at(history) else "*"
    return "-1 " + "".join(cells) + " +1   (Y: you, H: history, *: both)"


def historians_line(names: list[str]) -> str:
    return "Historians: " + "; ".join(names)


def footer(report: EndReport, m: Marks) -> str:
    return (f"Made by Statecraft from {m.text(report.save_path)} (scenario "
            f"{m.text(report.scenario_id)}, by {m.text(report.scenario_author)}).")
