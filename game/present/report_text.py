"""The sentences of the end report, built once for every layout (screen, HTML, Markdown, JSON).

A sentence with emphasis or escaping is built through :class:`Marks`, which each
writer supplies: the HTML writer escapes and wraps in ``<strong>``, the Markdown
writer in ``**``, the screen leaves the text plain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.core.scoring import CHOICE_WEIGHT, Stance
from game.i18n import N_, _, ngettext
from game.present.core_words import verdict_words
from game.present.dates import clock_words, month_words
from game.present.history_note import verdict_text
from game.present.news import odds_useful, odds_words, with_power
from game.present.numbers import number
from game.present.player import capital, note_judged, possessive, the_name
from game.present.report import Decision, EndReport, EventRow, PolicyPeriod, PolicyRow
from game.present.text import MAX_TEXT, one_line, signed


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
    return Headings(_("How it ended"), _("Your aims against history"),
                    _("Your decisions beside {state}").format(
                        state=possessive(report.player_state)),
                    _("What happened in your game"),
                    _("Your policy between the historians' readings"), _("Sources"))


def title(report: EndReport) -> str:
    """``"Ada: Diplomacy of ..."``: the report's title."""
    return report.title


def document_title(report: EndReport) -> str:
    """The title of the report's document (a browser's tab)."""
    return _("{title} - end report").format(title=title(report))


def saved_when(report: EndReport) -> str:
    return clock_words(report.saved_at)


def meta_line(report: EndReport, m: Marks) -> str:
    """``End report for Ada, leading <the player's state>, saved ..., game seed 3.``"""
    who = m.strong(report.player) if report.player else m.strong(_("an unnamed player"))
    state = m.text(the_name(report.player_state))
    when = saved_when(report)
    if when:
        return _("End report for {player}, leading {state}, saved {when}, game seed "
                 "{seed}.").format(player=who, state=state, when=m.text(when), seed=report.seed)
    return _("End report for {player}, leading {state}, game seed {seed}.").format(
        player=who, state=state, seed=report.seed)


UNFINISHED_TITLE = N_("The game is not finished")


def unfinished_title() -> str:
    return _(UNFINISHED_TITLE)


def unfinished_text(report: EndReport, m: Marks) -> str:
    n = report.summary.turns_played
    return ngettext("It was saved in {date}, after {count} turn(s). The comparison below "
                    "covers the turns played.",
                    "It was saved in {date}, after {count} turn(s). The comparison below "
                    "covers the turns played.", n).format(date=m.text(report.date), count=n)


def causes_heading() -> str:
    """The line above the causes an ending names."""
    return _("What led to it in your game:")


def historical_ending_line(report: EndReport, m: Marks) -> str:
    """How the historical path ends, played through the same rules ("" if it does not end)."""
    if not report.historical_ending_title:
        return ""
    s = report.summary
    state = possessive(report.player_state)
    ending = m.strong(report.historical_ending_title)
    if s.ending_id == s.historical_ending_id:
        return _("Played through the same rules, {state} historical path ends in {ending} "
                 "(the same as yours).").format(state=state, ending=ending)
    return _("Played through the same rules, {state} historical path ends in "
             "{ending}.").format(state=state, ending=ending)


def score_line(report: EndReport, m: Marks) -> str:
    s = report.summary
    return _("Overall score: {score} out of 100; the historical path scores "
             "{history}.").format(score=m.strong(number(s.score)),
                                  history=number(s.historical_score))


def _times(w: float) -> str:
    return number(w, len(f"{w:g}".partition(".")[2]) if "e" not in f"{w:g}" else 3)


def score_explained(report: EndReport) -> str:
    """How the overall score is made (:func:`game.core.scoring.overall_score`), in words."""
    weights = list(report.aim_weights)
    named = list(zip(report.aim_names, weights, strict=True))
    sep = _(", ")
    if len(set(weights)) > 1:
        low = min(weights) or 1.0
        # TRANSLATORS: an aim and its weight in the score ("Security ×2").
        parts = [_("{aim} \u00d7{weight}").format(aim=n, weight=_times(w)) for n, w in named]
        times = [_("{aim} counts {times} times").format(aim=n, times=_times(w / low))
                 if w != low else _("{aim} once").format(aim=n) for n, w in named]
        return _("The score runs from 0 to 100. Each aim is put on a scale from its lowest "
                 "to its highest possible value and the aims are weighted ({weights}), so "
                 "{times}; half the score is where they stand at the end of the game, half is "
                 "their average over every turn played, so a good start counts as well as a "
                 "good finish.").format(weights=sep.join(parts), times=sep.join(times))
    return _("The score runs from 0 to 100. Each aim is put on a scale from its lowest "
             "to its highest possible value and the aims are counted equally; half the "
             "score is where they stand at the end of the game, half is their average "
             "over every turn played, so a good start counts as well as a good finish.")


SCORE_HEADING = N_("How the score is made (0-100)")


def aims_note(report: EndReport) -> str:
    return _("History: {state} real decisions played through the same rules. A positive "
             "difference means your game did better on that aim.").format(
                 state=possessive(report.player_state))


AIM_COLUMNS = (N_("Aim"), N_("Yours at the end"), N_("History"), N_("Difference"),
               N_("Mean gap over the game"))


def aim_columns() -> tuple[str, ...]:
    """The headings of the aims table, in the reader's language."""
    return tuple(_(c) for c in AIM_COLUMNS)


def aim_sentence(name: str, final: float, historical: float, difference: float,
                 mean_gap: str) -> str:
    """One aim against history, in a sentence (the screen's summary)."""
    values = {"aim": name, "final": number(final), "history": number(historical),
              "points": number(abs(difference)), "gap": mean_gap}
    if difference > 0:
        return _("{aim}: {final} at the end; history {history}, so you are {points} ahead of "
                 "history (on average {gap} over the game)").format(**values)
    if difference < 0:
        return _("{aim}: {final} at the end; history {history}, so you are {points} behind "
                 "history (on average {gap} over the game)").format(**values)
    return _("{aim}: {final} at the end; history {history}, so you are {points} level with "
             "history (on average {gap} over the game)").format(**values)


def chart_caption(aim_name: str) -> str:
    return _("{aim}: your game (solid) against history (dashed)").format(aim=aim_name)


def charts_missing(problem: str) -> str:
    return _("Charts are missing: {problem}.").format(problem=problem)


def decision_columns(report: EndReport) -> tuple[str, ...]:
    """The decision table's columns; the essay's only if the scenario has an essay."""
    cols = [_("Date"), _("Decision"), _("You"),
            _("What {state} did").format(state=the_name(report.player_state))]
    if report.has_essay:
        cols += [_("The essay's verdict"), _("What the essay got wrong")]
    return (*cols, _("Source"))


def differs_note(report: EndReport, how: str) -> str:
    """``how`` is what the layout does to a differing row: "are shaded", "is in bold"."""
    return _("Where you did otherwise than {state}, your decision {how}.").format(
        state=the_name(report.player_state), how=how)


NO_DECISIONS = N_("No decisions yet.")
NO_EVENTS = N_("No event has happened yet.")
NO_SOURCES = N_("The scenario lists no sources; each decision above names its own.")
NO_STANCE = N_("You made no decision that carries a stance yet.")
NO_NOTE = N_("The scenario has no history note for this event.")


def events_summary(report: EndReport) -> str:
    """The line above the chronology: how many events, and how many differ from history."""
    events = report.events
    played = sum(e.in_game for e in events)
    new = sum(e.status == "game_only" for e in events)
    missed = sum(e.status == "history_only" for e in events)
    if played:
        parts = [ngettext("{count} event happened in your game, listed by date",
                          "{count} events happened in your game, listed by date",
                          played).format(count=played),
                 ngettext("{count} of them did not happen in history",
                          "{count} of them did not happen in history", new).format(count=new)
                 if new else _("all of them happened in history too")]
    else:
        parts = [_("No event happened in your game")]
    if missed:
        parts.append(ngettext("{count} historical event did not happen in yours (it is listed "
                              "too, marked so)",
                              "{count} historical events did not happen in yours (they are "
                              "listed too, marked so)", missed).format(count=missed))
    tail = _("Beside each: what really happened, and what the essay said of it.") \
        if report.has_essay else _("Beside each: what really happened.")
    # TRANSLATORS: between the parts of a sentence of counts.
    return _("{parts}. {tail}").format(parts=_("; ").join(parts), tail=tail)


EVENT_MARKS = {"game_only": N_("did not happen in history"),
               "history_only": N_("happened in history, not in your game")}


def event_mark(e: EventRow) -> str:
    """How an event differs from history ("" if it happened in both)."""
    mark = _(EVENT_MARKS[e.status]) if e.status in EVENT_MARKS else ""
    return _("{mark} (your game had ended)").format(mark=mark) if e.after_end else mark


def event_heading(e: EventRow) -> str:
    """An event's title, with the power whose move it was in front ("Germany: The
    Anschluss")."""
    return with_power(e.power, e.title) or e.title


def outcome_sentence(report: EndReport, e: EventRow, m: Marks) -> str:
    """How the gamble on an event came out, with the chance it had, and how it came out in
    history when otherwise ("" if nobody gambled on it)."""
    parts = []
    if e.outcome:
        if odds_useful(e.odds):
            assert e.odds is not None
            parts.append(_("It came out: {outcome} (it had a {odds} chance).").format(
                outcome=m.strong(e.outcome.rstrip(".")), odds=odds_words(e.odds)))
        else:
            parts.append(_("It came out: {outcome}").format(outcome=m.strong(e.outcome)))
    if e.history_outcome and e.history_outcome != e.outcome:
        parts.append(_("In history it came out: {outcome}").format(
            outcome=m.text(e.history_outcome)))
    return " ".join(parts)


def answer_words(answer: str, outcome: str, limit: int = MAX_TEXT) -> str:
    """An answer and how its gamble came out, for a table cell: "Try for an alliance (it
    came out: The West refuses)" (the answer alone without a gamble); the outcome is cut to
    ``limit`` characters."""
    if not outcome:
        return answer
    # TRANSLATORS: an answer to an event and how its gamble came out, in a table cell.
    return _("{answer} (it came out: {outcome})").format(
        answer=answer, outcome=one_line(outcome.rstrip("."), limit))


def decision_you(d: Decision, limit: int = MAX_TEXT) -> str:
    """What the player did at a decision, with how their gamble came out."""
    return answer_words(d.player_text, d.outcome, limit)


def decision_history(d: Decision, limit: int = MAX_TEXT) -> str:
    """What history did at a decision, with how its gamble came out."""
    return answer_words(d.history_text, d.history_outcome, limit)


def event_label(e: EventRow) -> str:
    return _("In your game") if e.in_game else _("What the game says")


def choice_sentence(report: EndReport, e: EventRow, m: Marks) -> str:
    """``You chose Defy; <the player's state> chose Yield.`` ("" if the event asked
    nothing)."""
    who = the_name(report.player_state)
    if e.choice and e.choice == e.history_choice:
        return _("You chose {choice}, as {state} did.").format(choice=m.strong(e.choice),
                                                               state=who)
    if e.choice and e.history_choice:
        return _("You chose {choice}; {state} chose {history}.").format(
            choice=m.strong(e.choice), state=who, history=m.strong(e.history_choice))
    if e.choice:
        return _("You chose {choice}.").format(choice=m.strong(e.choice))
    if e.history_choice:
        return capital(_("{state} chose {history}.").format(
            state=who, history=m.strong(e.history_choice)))
    return ""


SOURCE_LABEL = N_("Source")


def note_lines(e: EventRow) -> list[tuple[str, str]]:
    """(label, text) lines of an event's history note, plain: "In history, 1932", the essay's
    verdict and correction when the note has them, the source (the last line, always)."""
    n = e.note
    if n is None:
        return []
    out = [(_("In history, {date}").format(date=n.date), n.text)]
    if note_judged(n):
        verdict, reason = verdict_text(n.verdict), n.reason
        if verdict:
            text = _("{verdict}. {reason}").format(verdict=verdict, reason=reason) if reason \
                else verdict
            out.append((_("The essay's verdict"), text if text.endswith(".") else text + "."))
        elif reason:
            out.append((_("The essay"), reason if reason.endswith(".") else reason + "."))
    if n.correction:
        out.append((_("What the essay got wrong"), n.correction))
    out.append((_(SOURCE_LABEL), n.source))
    return out


def history_date_line(e: EventRow, when: str) -> str:
    """When an event came on the historical path, if not when it came in the game."""
    if e.in_game and e.in_history and e.history_date != e.date:
        return _("On the historical path it came in {date}.").format(date=when)
    return ""


def policies_heading(report: EndReport) -> str:
    return _("Your standing policies beside {state}").format(
        state=possessive(report.player_state))


def policies_note(report: EndReport) -> str:
    """How to read the standing policies' table."""
    return _("A standing policy acts at the end of every turn while it stands; each stretch "
             "gives what its effects added up to. History: what {state} did, played through "
             "the same rules.").format(state=the_name(report.player_state))


def policy_columns(report: EndReport) -> tuple[str, ...]:
    return (_("Policy"), _("You"), _("What {state} did").format(
        state=the_name(report.player_state)))


def period_line(p: PolicyPeriod) -> str:
    """A stretch of a standing policy: "The army first, Jan 1938 to Dec 1939 (8 turns):
    Strength +16.0, Security -8.0"."""
    span = ngettext("{option}, {start} to {end} ({count} turn)",
                    "{option}, {start} to {end} ({count} turns)", p.turns).format(
        option=p.option, start=month_words(p.start), end=month_words(p.end), count=p.turns)
    if not p.effects:
        return span
    effects = _(", ").join(_("{name} {change}").format(name=name, change=signed(total))
                           for name, total in p.effects)
    # TRANSLATORS: a stretch of a standing policy and what its effects added up to.
    return _("{span}: {effects}").format(span=span, effects=effects)


def period_short(p: PolicyPeriod) -> str:
    """A stretch of a standing policy in a few words: "The army first from Jan 1938"."""
    # TRANSLATORS: a stretch of a standing policy in short: the option and its first month.
    return _("{option} from {start}").format(option=p.option, start=month_words(p.start))


def policy_lines(row: PolicyRow) -> tuple[list[str], list[str]]:
    """The player's stretches and history's, a line each."""
    return [period_line(p) for p in row.mine], [period_line(p) for p in row.history]


def verdict_phrase(verdict: str) -> str:
    """A stance's verdict after "Your policy": "leans towards ...", "is between the two
    readings", "is closest to ..."."""
    if verdict.startswith(("between", "closest")):
        return _("is {verdict}").format(verdict=verdict_words(verdict))
    return verdict_words(verdict)


def policy_line(stance: Stance, m: Marks) -> str:
    """``Your policy leans towards ...`` ("" without a verdict)."""
    if not stance.verdict:
        return ""
    return _("Your policy {verdict}.").format(verdict=m.strong(verdict_phrase(stance.verdict)))


def lean_line(report: EndReport, m: Marks) -> str:
    """Both policies' lean in numbers, and the reading closest to each."""
    st, hs = report.summary.stance, report.summary.historical_stance
    mine = ngettext("Your {count} decision(s) lean {lean} on a scale from -1 to +1",
                    "Your {count} decision(s) lean {lean} on a scale from -1 to +1",
                    st.decisions).format(count=st.decisions,
                                         lean=m.strong(number(st.lean, 2, signed=True)))
    if st.reading_name and not st.verdict:
        mine = _("{sentence}, closest to {reading}").format(sentence=mine,
                                                           reading=m.strong(st.reading_name))
    # Capitalised as a whole sentence: a language may put the possessive in the middle.
    state = possessive(report.player_state)
    lean = number(hs.lean, 2, signed=True)
    if hs.verdict:
        theirs = _("{state} own decisions lean {lean}: its policy {verdict}.").format(
            state=state, lean=lean, verdict=m.text(verdict_phrase(hs.verdict)))
    elif hs.reading_name:
        theirs = _("{state} own decisions lean {lean} ({reading}).").format(
            state=state, lean=lean, reading=m.text(hs.reading_name))
    else:
        theirs = _("{state} own decisions lean {lean}.").format(state=state, lean=lean)
    theirs = capital(theirs)
    # TRANSLATORS: two sentences; the first has no full stop of its own.
    return _("{mine}. {theirs}").format(mine=mine, theirs=theirs)


MOVED_BY = N_("The decisions that pulled yours hardest, with their lean:")


def stance_explained() -> str:
    """How the lean of a policy is counted (:func:`game.core.scoring.stance`), in words."""
    return _("Every decision carries a lean from -1 to +1. The policy's lean is their average, "
             "where each action counts once however often it was repeated, and each answer "
             "to an event counts {weight} times (those are the big decisions).").format(
                 weight=_times(CHOICE_WEIGHT))


def lean_axis(lean: float, history: float, width: int = 41) -> str:
    """A text scale from -1 to +1 with Y (you) and H (history) on it."""
    cells = ["-"] * width

    def at(value: float) -> int:
        return round((max(-1.0, min(1.0, value)) + 1) / 2 * (width - 1))

    # TRANSLATORS: the one-letter marks of the text scale of a policy's lean: you, history.
    you, hist = _("Y"), _("H")
    cells[width // 2] = "|"
    cells[at(history)] = hist
    cells[at(lean)] = you if at(lean) != at(history) else "*"
    return "-1 " + "".join(cells) + " +1   " + _("({you}: you, {history}: history, *: "
                                                    "both)").format(you=you, history=hist)


def historians_line(names: list[str]) -> str:
    return _("Historians: {names}").format(names=_("; ").join(names))


def footer(report: EndReport, m: Marks) -> str:
    return _("Made by Statecraft from {save} (scenario {scenario}, by {author}).").format(
        save=m.text(report.save_path), scenario=m.text(report.scenario_id),
        author=m.text(report.scenario_author))
