"""The "what really happened" text of an action or event, as (text, style) paragraphs, and
the words for an essay's verdict.

The bundled scenarios are built on a student essay about Stalin's foreign policy
(1928-1941); each note gives the essay's verdict and, where the essay got a fact
wrong, what is right. A scenario without an essay gets no essay sentence at all.
"""

from __future__ import annotations

from game.core.scenario import HistoryNote, Scenario
from game.i18n import N_, _
from game.present.player import capital, has_essay, note_judged, the_name

VERDICTS = {"success": N_("a success"), "failure": N_("a failure"),
            "mixed": N_("a mixed result")}
"""A verdict after "The essay's verdict:" (a note the essay does not judge has none)."""

VERDICT_WORDS = {"success": N_("success"), "failure": N_("failure"), "mixed": N_("mixed"),
                 "not_in_essay": N_("not in the essay")}
"""A verdict in a table cell."""

ESSAY_INTRO = N_("Statecraft is built on a student essay about Stalin's foreign policy from 1928 "
               "to 1941. Each history note says what really happened and gives the essay's "
               "verdict (a success or a failure, where the essay judges it); where the essay "
               "got a fact wrong, the note says what is right.")
"""One or two sentences introducing the essay, for help and the guided first turn."""

ESSAY_NOTE = N_("Statecraft is built on a student essay about Stalin's foreign policy: "
              "\u201cThe essay's verdict\u201d says whether the essay called each decision a "
              "success or a failure, and why, and \u201cWhat the essay got wrong\u201d says "
              "where it is wrong and what is right.")
"""The sentence above a report's decision table, for a reader who has not read the essay."""

ESSAY_INTRO_SHORT = N_("The game is built on a student essay about Stalin's foreign policy "
                     "1928-1941: the last column gives the essay's verdict on each decision and, "
                     "where it got a fact wrong, what is right.")
"""The caption above the end screen's decision table."""


def essay_intro(scenario: Scenario) -> str:
    """:data:`ESSAY_INTRO` if the scenario is built on an essay, else ""."""
    return _(ESSAY_INTRO) if has_essay(scenario) else ""


def verdict_text(verdict: str) -> str:
    """``"a success"``; "" for a decision the essay does not judge."""
    if verdict in VERDICTS:
        return _(VERDICTS[verdict])
    return "" if verdict == "not_in_essay" else verdict


def verdict_word(verdict: str) -> str:
    """``"success"``, ``"not in the essay"``: a verdict in a table cell."""
    return _(VERDICT_WORDS[verdict]) if verdict in VERDICT_WORDS else verdict


def essay_line(note: HistoryNote) -> str:
    """``"The essay's verdict: a success. Because ..."``; "" if the essay says nothing."""
    if not note_judged(note):
        return ""
    verdict = verdict_text(note.verdict)
    reason = note.reason
    if verdict and reason:
        return _("The essay's verdict: {verdict}. {reason}").format(verdict=verdict,
                                                                    reason=reason)
    if verdict:
        return _("The essay's verdict: {verdict}").format(verdict=verdict)
    if not reason:
        return ""
    # TRANSLATORS: the word for the essay as a note's reason writes it ("The essay does not
    # discuss the talks"): a reason that names the essay is shown without the label "The
    # essay:" (play-test: "Der Aufsatz: Der Aufsatz behandelt ... nicht").
    if _("essay").casefold() in reason.casefold():
        return reason
    return _("The essay: {reason}").format(reason=reason)


def chose_line(player: str, choice: str) -> str:
    """``"The USSR chose: Yield"``: what the player's state did in history."""
    return _("{state} chose: {choice}").format(state=capital(the_name(player)), choice=choice)


def note_paragraphs(note: HistoryNote | None, historical_choice: str | None = None,
                    player_choice: str | None = None,
                    heading: str | None = None,
                    heading_style: str = "heading", *, player: str) -> list[tuple[str, str]]:
    """Paragraphs (text, style) of a history note; plain text, never markup. ``player`` is the
    state the player leads (the scenario's ``player``); ``heading`` is "What really happened"
    unless given ("" for none)."""
    if heading is None:
        heading = _("What really happened")
    out: list[tuple[str, str]] = [(heading, heading_style)] if heading else []
    if player_choice is not None:
        out.append((_("You chose: {choice}").format(choice=player_choice), "accent"))
    if historical_choice is not None:
        out.append((chose_line(player, historical_choice), "history"))
    if note is None:
        out.append((_("This scenario has no history note here."), "dim"))
        return out
    out.append((note.date, "bold"))
    out.append((note.text, "body"))
    essay = essay_line(note)
    if essay:
        out.append((essay, "body"))
    if note.correction:
        out.append((_("What the essay got wrong: {correction}").format(
            correction=note.correction), "bad"))
    out.append((_("Source: {source}").format(source=note.source), "dim"))
    return out
