"""The end report as plain data: what the JSON form holds (everything in the report)."""

from __future__ import annotations

import dataclasses
from typing import Any

from game.present.core_words import ending_words, outcome_words, verdict_words
from game.present.report import EndReport
from game.present.report_text import score_explained, stance_explained
from game.reports.saveset import REPORT_FORMAT


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
        "score_explained": score_explained(report),
        "aims": [{"id": i, "name": n, "min": lo, "max": hi}
                 for i, n, (lo, hi) in zip(report.aim_ids, report.aim_names, report.aim_ranges,
                                           strict=True)],
        "turns": [{"turn": t.turn, "date": t.date,
                   "aims": dict(zip(report.aim_ids, t.aims, strict=True)),
                   "history": dict(zip(report.aim_ids, t.history, strict=True))}
                  for t in report.turns],
        "decisions": [{**dataclasses.asdict(d.row), "date": d.when, "player": d.player_text,
                       "history": d.history_text, "outcome": d.outcome,
                       "history_outcome": d.history_outcome,
                       "note": d.note.model_dump() if d.note else None}
                      for d in report.decisions],
        "events": [{"turn": e.turn, "date": e.date, "id": e.id, "title": e.title,
                    "text": e.text, "status": e.status, "in_game": e.in_game,
                    "in_history": e.in_history, "history_date": e.history_date,
                    "after_end": e.after_end, "choice": e.choice,
                    "history_choice": e.history_choice, "power": e.power,
                    "outcome": e.outcome, "odds": e.odds, "history_outcome": e.history_outcome,
                    "note": e.note.model_dump() if e.note else None}
                   for e in report.events],
        "ending_causes": list(report.ending_causes),
        "policies": [{"id": p.id, "name": p.name,
                      "mine": [dataclasses.asdict(x) for x in p.mine],
                      "history": [dataclasses.asdict(x) for x in p.history]}
                     for p in report.policies],
        "readings": [r.model_dump() for r in report.readings],
        "sources": [s.model_dump() for s in report.sources],
        "warnings": list(report.warnings),
    }


def _summary_data(report: EndReport) -> dict[str, Any]:
    data = dataclasses.asdict(report.summary)
    for key in ("stance", "historical_stance"):
        data[key]["moved_by"] = [{"decision": label, "lean": lean}
                                 for label, lean in data[key]["moved_by"]]
        data[key]["verdict"] = verdict_words(data[key]["verdict"])
    for row in data.get("decisions", []):
        row["player"], row["history"] = outcome_words(row["player"]), outcome_words(row["history"])
    data["ending_title"] = ending_words(data["ending_id"], data["ending_title"])
    data["stance_explained"] = stance_explained()
    return data
