"""The "what really happened" text of an action or event, as paragraphs for a text view."""

from __future__ import annotations

from game.core.scenario import HistoryNote

VERDICTS = {"success": "a success", "failure": "a failure", "mixed": "a mixed result",
            "not_in_essay": "not judged in the essay"}


def note_paragraphs(note: HistoryNote | None, historical_choice: str | None = None,
                    player_choice: str | None = None) -> list[tuple[str, str]]:
    """Paragraphs (text, style) of a history note; plain text, never markup."""
    out: list[tuple[str, str]] = [("What really happened", "heading")]
    if player_choice is not None:
        out.append((f"You chose: {player_choice}", "accent"))
    if historical_choice is not None:
        out.append((f"The USSR chose: {historical_choice}", "history"))
    if note is None:
        out.append(("This scenario has no history note here.", "dim"))
        return out
    out.append((note.date, "bold"))
    out.append((note.text, "body"))
    verdict = VERDICTS.get(note.verdict, note.verdict)
    out.append((f"The essay's verdict: {verdict}" + (f". {note.reason}" if note.reason else ""),
                "body"))
    if note.correction:
        out.append((f"Correction: {note.correction}", "bad"))
    out.append((f"Source: {note.source}", "dim"))
    return out
