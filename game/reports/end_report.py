"""The end report of one game as data: what the HTML, Markdown, CSV and JSON forms all show.

Built from a replayed save with :func:`game.core.scoring.summarize`, plus what
the summary leaves out: the aims turn by turn beside the historical path, the
history notes behind each decision, every event of the game (and of history)
with its note, the readings with their historians, and the scenario's sources.
"""

from __future__ import annotations

import dataclasses
import re
import time
from dataclasses import dataclass
from typing import Any

from game.core.engine import GameState
from game.core.policies import historical_game
from game.core.scenario import HistoryNote, Reading, Source
from game.core.scoring import CHOICE_WEIGHT, DecisionRow, Summary, month_label, summarize
from game.reports.saveset import REPORT_FORMAT
from game.saves import LoadedSave

VERDICT_WORDS = {"success": "success", "failure": "failure", "mixed": "mixed",
                 "not_in_essay": "not in the essay", "": ""}

ESSAY_NOTE = ("Statecraft is built on a student essay about Stalin's foreign policy: "
              "\u201cThe essay's verdict\u201d says whether the essay called each decision a "
              "success or a failure, and why, and \u201cWhat the essay got wrong\u201d says "
              "where it is wrong and what is right.")
"""The sentence above the decision table, for a reader who has not read the essay."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_MONTH = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])\b")


def month_words(year_month: str) -> str:
    """``"1928-01"`` as a reader writes it: ``"Jan 1928"`` (anything else is returned as is)."""
    m = _YEAR_MONTH.fullmatch(year_month)
    return f"{_MONTHS[int(m[2]) - 1]} {m[1]}" if m else year_month


def dates_in_words(text: str) -> str:
    """Every ``YYYY-MM`` in a text written as a reader writes it (``taken Jan 1928``)."""
    return _YEAR_MONTH.sub(lambda m: f"{_MONTHS[int(m[2]) - 1]} {m[1]}", text)


@dataclass(frozen=True, slots=True)
class TurnRow:
    """The aims at the end of one turn, the player's and the historical path's."""

    turn: int
    """1 for the first turn."""
    date: str
    """First month of the turn, ``"YYYY-MM"``."""
    aims: tuple[float, ...]
    history: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """A row of the decision table with the history note behind it (if the scenario has one)."""

    row: DecisionRow
    note: HistoryNote | None

    @property
    def verdict_text(self) -> str:
        return VERDICT_WORDS.get(self.row.verdict, self.row.verdict)


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event that happened in the player's game, on the historical path, or in both."""

    turn: int
    """The turn it happened (in the player's game if it did, else on the historical path)."""
    date: str
    """First month of that turn, ``"YYYY-MM"``."""
    id: str
    title: str
    text: str
    """What the game told the player (or would have)."""
    in_game: bool
    in_history: bool
    """It happened on the historical path played through the same rules."""
    history_date: str
    """When it happened on the historical path, ``"YYYY-MM"`` ("" if it did not)."""
    after_end: bool
    """Only in history, and after the player's game had ended."""
    choice: str
    """The player's answer, if the event asked for one ("" otherwise)."""
    history_choice: str
    """The USSR's answer, if the event asked for one and happened in history."""
    note: HistoryNote | None

    @property
    def status(self) -> str:
        """``"both"``, ``"game_only"`` (did not happen in history) or ``"history_only"``."""
        if self.in_game:
            return "both" if self.in_history else "game_only"
        return "history_only"

    @property
    def verdict_text(self) -> str:
        return VERDICT_WORDS.get(self.note.verdict, self.note.verdict) if self.note else ""


@dataclass(frozen=True)
class EndReport:
    """Everything the end report shows about one game."""

    save_path: str
    player: str
    saved_at: float
    seed: int
    scenario_id: str
    scenario_title: str
    scenario_author: str
    scenario_file: str
    player_state: str
    """The state the player leads (from the scenario), e.g. "USSR"."""
    finished: bool
    date: str
    """The date the game reached, as a reader writes it."""
    summary: Summary
    historical_ending_title: str
    aim_ids: tuple[str, ...]
    aim_names: tuple[str, ...]
    aim_ranges: tuple[tuple[float, float], ...]
    aim_weights: tuple[float, ...]
    turns: tuple[TurnRow, ...]
    decisions: tuple[Decision, ...]
    events: tuple[EventRow, ...]
    """Every event of the player's game and of the historical path, by date."""
    readings: tuple[Reading, ...]
    sources: tuple[Source, ...]
    warnings: tuple[str, ...]

    @property
    def title(self) -> str:
        who = f"{self.player}: " if self.player else ""
        return f"{who}{self.scenario_title}"

    @property
    def score_explained(self) -> str:
        """How the overall score is made (:func:`game.core.scoring.overall_score`), in words."""
        weights = list(self.aim_weights)
        parts = [f"{n} \u00d7{w:g}" for n, w in zip(self.aim_names, weights, strict=True)]
        weighting = (f"weighted ({', '.join(parts)})" if len(set(weights)) > 1
                     else "counted equally")
        return ("The score runs from 0 to 100. Each aim is put on a scale from its lowest "
                f"to its highest possible value and the aims are {weighting}; half the "
                "score is where they stand at the end of the game, half is their average "
                "over every turn played, so a good start counts as well as a good finish.")


def stance_explained() -> str:
    """How the lean of a policy is counted (:func:`game.core.scoring.stance`), in words."""
    return ("Every decision carries a lean from -1 to +1. The policy's lean is their average, "
            "where each action counts once however often it was repeated, and each answer "
            f"to an event counts {CHOICE_WEIGHT:g} times (those are the big decisions).")


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
    return "; ".join(parts) + ". Beside each: what really happened, and what the essay said of it."


def verdict_phrase(verdict: str) -> str:
    """A stance's verdict after "Your policy": "leans towards ...", "is between the two
    readings"."""
    return f"is {verdict}" if verdict.startswith("between") else verdict


def _event_rows(state: GameState, hist: GameState) -> tuple[EventRow, ...]:
    """Every event that fired in the game or on the historical path, by date. For a game not
    yet finished, history's events after the turn it reached are left out (they may come)."""
    rules = state.rules
    scn = rules.scenario
    mine = {e.index: e.turn for e in state.log() if e.kind == "event"}
    theirs = {e.index: e.turn for e in hist.log() if e.kind == "event"}
    finished = state.ending_index >= 0
    rows = []
    for index, ev in enumerate(scn.events):
        if index not in mine and index not in theirs:
            continue
        in_game = index in mine
        if not in_game and not finished and theirs[index] > state.turn:
            continue
        turn = mine[index] if in_game else theirs[index]
        mc = state.choices[index]
        hc = hist.choices[index] if index in theirs else -1
        choice = ""
        if ev.choices and in_game:
            choice = ev.choices[mc].label if mc >= 0 else "not answered yet"
        rows.append(EventRow(
            turn=turn, date=month_label(rules, turn), id=ev.id, title=ev.title, text=ev.text,
            in_game=in_game, in_history=index in theirs,
            history_date=month_label(rules, theirs[index]) if index in theirs else "",
            after_end=not in_game and finished and theirs[index] > state.turn,
            choice=choice, history_choice=ev.choices[hc].label if ev.choices and hc >= 0 else "",
            note=ev.history))
    rows.sort(key=lambda r: (r.turn, not r.in_game))
    return tuple(rows)


def build_report(game: LoadedSave, scenario_file: str = "") -> EndReport:
    """Gather the end report of a replayed save."""
    state = game.state
    rules = state.rules
    scn = rules.scenario
    hist = historical_game(rules)
    h_traj = hist.trajectory or (rules.aim_start,)
    turns = tuple(TurnRow(t + 1, month_label(rules, t), values,
                          h_traj[min(t, len(h_traj) - 1)])
                  for t, values in enumerate(state.trajectory))
    summary = summarize(state)
    decisions = []
    for row in summary.decisions:
        if row.kind == "action":
            note = scn.actions[rules.action_index[row.id]].history
        else:
            note = scn.events[rules.event_index[row.id]].history
        decisions.append(Decision(row, note))
    return EndReport(
        save_path=game.path, player=game.data.player, saved_at=game.data.saved_at,
        seed=state.seed, scenario_id=scn.id, scenario_title=scn.title,
        scenario_author=scn.author, scenario_file=scenario_file, player_state=scn.player,
        finished=state.ending_index >= 0, date=state.date_text, summary=summary,
        historical_ending_title=(scn.endings[hist.ending_index].title
                                 if hist.ending_index >= 0 else ""),
        aim_ids=rules.aim_ids, aim_names=tuple(a.name for a in scn.aims),
        aim_ranges=tuple(zip(rules.aim_min, rules.aim_max, strict=True)),
        aim_weights=tuple(a.weight for a in scn.aims), turns=turns,
        decisions=tuple(decisions), events=_event_rows(state, hist),
        readings=tuple(scn.readings), sources=tuple(scn.sources),
        warnings=tuple(game.warnings))


def saved_when(report: EndReport) -> str:
    if not report.saved_at:
        return ""
    return time.strftime("%d %b %Y, %H:%M", time.localtime(report.saved_at))


def report_data(report: EndReport) -> dict[str, Any]:
    """Everything in the report as plain data (the JSON form)."""
    return {
        "format": REPORT_FORMAT,
        "version": 1,
        "save": {"path": report.save_path, "player": report.player,
                 "saved_at": report.saved_at, "seed": report.seed,
                 "finished": report.finished, "date": report.date},
        "scenario": {"id": report.scenario_id, "title": report.scenario_title,
                     "author": report.scenario_author, "file": report.scenario_file,
                     "player": report.player_state},
        "summary": _summary_data(report),
        "score_explained": report.score_explained,
        "aims": [{"id": i, "name": n, "min": lo, "max": hi}
                 for i, n, (lo, hi) in zip(report.aim_ids, report.aim_names, report.aim_ranges,
                                           strict=True)],
        "turns": [{"turn": t.turn, "date": t.date,
                   "aims": dict(zip(report.aim_ids, t.aims, strict=True)),
                   "history": dict(zip(report.aim_ids, t.history, strict=True))}
                  for t in report.turns],
        "decisions": [{**dataclasses.asdict(d.row),
                       "note": d.note.model_dump() if d.note else None}
                      for d in report.decisions],
        "events": [{"turn": e.turn, "date": e.date, "id": e.id, "title": e.title,
                    "text": e.text, "status": e.status, "in_game": e.in_game,
                    "in_history": e.in_history, "history_date": e.history_date,
                    "after_end": e.after_end, "choice": e.choice,
                    "history_choice": e.history_choice,
                    "note": e.note.model_dump() if e.note else None}
                   for e in report.events],
        "readings": [r.model_dump() for r in report.readings],
        "sources": [s.model_dump() for s in report.sources],
        "warnings": list(report.warnings),
    }


def _summary_data(report: EndReport) -> dict[str, Any]:
    data = dataclasses.asdict(report.summary)
    for key in ("stance", "historical_stance"):
        data[key]["moved_by"] = [{"decision": label, "lean": lean}
                                 for label, lean in data[key]["moved_by"]]
    data["stance_explained"] = stance_explained()
    return data
