"""The end report of one game as data: what the HTML, Markdown, CSV and JSON forms all show.

Built from a replayed save with :func:`game.core.scoring.summarize`, plus what
the summary leaves out: the aims turn by turn beside the historical path, the
history notes behind each decision, the readings with their historians, and
the scenario's sources.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Any

from game.core.policies import historical_game
from game.core.scenario import HistoryNote, Reading, Source
from game.core.scoring import DecisionRow, Summary, month_label, summarize
from game.reports.saveset import REPORT_FORMAT
from game.saves import LoadedSave

VERDICT_WORDS = {"success": "success", "failure": "failure", "mixed": "mixed",
                 "not_in_essay": "not in the essay", "": ""}


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
    turns: tuple[TurnRow, ...]
    decisions: tuple[Decision, ...]
    readings: tuple[Reading, ...]
    sources: tuple[Source, ...]
    warnings: tuple[str, ...]

    @property
    def title(self) -> str:
        who = f"{self.player}: " if self.player else ""
        return f"{who}{self.scenario_title}"


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
        aim_ranges=tuple(zip(rules.aim_min, rules.aim_max, strict=True)), turns=turns,
        decisions=tuple(decisions), readings=tuple(scn.readings), sources=tuple(scn.sources),
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
        "summary": dataclasses.asdict(report.summary),
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
        "readings": [r.model_dump() for r in report.readings],
        "sources": [s.model_dump() for s in report.sources],
        "warnings": list(report.warnings),
    }
