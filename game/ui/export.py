"""Export the end report: the save (what the teacher tools read) and the report itself, through
the report writer the App was given (``game.tools.report.write_report``: the screens sit
beside the report writers and import none of them), else the summary as JSON."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.atomic import write_atomic
from game.core.scoring import summarize
from game.paths import data_dir
from game.ui.session import Session

ReportWriter = Callable[[Path, Path, str], list[Path]]
"""Writes the report of a save (path) to a file (path) in a format ("html", "json"); returns
the files written. Raises on any problem."""


def reports_dir() -> Path:
    return data_dir() / "reports"


def summary_json(session: Session) -> str:
    s = summarize(session.state)
    data: dict[str, Any] = dataclasses.asdict(s)
    data["scenario"] = session.rules.scenario.id
    data["player"] = session.player
    data["seed"] = session.seed
    data["moves"] = list(session.state.moves)
    return json.dumps(data, indent=1)


def export_report(session: Session, folder: Path | None = None,
                  writer: ReportWriter | None = None) -> list[Path]:
    """Write the save and the report of a game (with ``writer``, if given); return the files
    written. Raises OSError or SaveError."""
    folder = folder or reports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = time.strftime("report-%Y%m%d-%H%M%S")
    save_path = folder / f"{stem}.save.json"
    session.save(save_path)
    written = [save_path]
    if writer is not None:
        written += _with_teacher_tool(writer, save_path, folder / stem)
    if len(written) == 1:
        json_path = folder / f"{stem}.json"
        write_atomic(json_path, summary_json(session))
        written.append(json_path)
    return written


def _with_teacher_tool(writer: ReportWriter, save_path: Path, stem: Path) -> list[Path]:
    """Write the HTML and JSON reports with the teacher tools' writer; return what it wrote,
    or nothing if it fails (the JSON fallback follows)."""
    written: list[Path] = []
    for fmt in ("html", "json"):
        try:
            written += writer(save_path, stem.with_suffix(f".{fmt}"), fmt)
        except Exception:  # noqa: BLE001 - their tool failing leaves our JSON fallback
            continue
    return written
