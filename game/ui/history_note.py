"""The "what really happened" text of an action or event, as paragraphs for a text view.

The game is built on a student essay about Stalin's foreign policy (1928-1941); each note
gives the essay's verdict and, where the essay got a fact wrong, what is right."""

from __future__ import annotations

from game.core.scenario import HistoryNote

VERDICTS = {"success": "a success", "failure": "a failure", "mixed": "a mixed result",
            "not_in_essay": "none (the essay does not judge this)"}

ESSAY_INTRO = ("Statecraft is built on a student essay about Stalin's foreign policy from 1928 "
               "to 1941. Each history note says what really happened and gives the essay's "
               "verdict (a success or a failure, where the essay judges it); where the essay "
               "got a fact wrong, the note says what is right.")
"""One or two sentences introducing the essay, for help and the guided first turn."""


def verdict_text(verdict: str) -> str:
    return VERDICTS.get(verdict, verdict)


def note_paragraphs(note: HistoryNote | None, historical_choice: str | None = None,
                    player_choice: str | None = None,
                    heading: str | None = "What really happened",
                    heading_style: str = "heading") -> list[tuple[str, str]]:
    """Paragraphs (text, style) of a history note; plain text, never markup."""
    out: list[tuple[str, str]] = [(heading, heading_style)] if heading else []
    if player_choice is not None:
        out.append((f"You chose: {player_choice}", "accent"))
    if historical_choice is not None:
        out.append((f"The USSR chose: {historical_choice}", "history"))
    if note is None:
        out.append(("This scenario has no history note here.", "dim"))
        return out
    out.append((note.date, "bold"))
    out.append((note.text, "body"))
    out.append((f"The essay's verdict: {verdict_text(note.verdict)}"
                + (f". {note.reason}" if note.reason else ""), "body"))
    if note.correction:
        out.append((f"What the essay got wrong: {note.correction}", "bad"))
    out.append((f"Source: {note.source}", "dim"))
    return out
