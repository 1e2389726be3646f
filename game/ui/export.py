"""Export the end report: the save (what the teacher tools read) and the report itself, through
``game.tools.report`` when it is there, else the summary as JSON."""

from __future__ import annotations

import dataclasses
import inspect
import json
import time
from pathlib import Path
from typing import Any

from game.core.scoring import summarize
from game.paths import data_dir
from game.saves import write_atomic
from game.ui.session import Session


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


def export_report(session: Session, folder: Path | None = None) -> list[Path]:
    """Write the save and the report of a game; return the files written. Raises OSError or
    SaveError."""
    folder = folder or reports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = time.strftime("report-%Y%m%d-%H%M%S")
    save_path = folder / f"{stem}.save.json"
    session.save(save_path)
    written = [save_path]
    written += _with_teacher_tool(save_path, folder / stem)
    if len(written) == 1:
        json_path = folder / f"{stem}.json"
        write_atomic(json_path, summary_json(session))
        written.append(json_path)
    return written


def _with_teacher_tool(save_path: Path, stem: Path) -> list[Path]:
    """Use the teacher tools' report writer if it exists; return what it wrote (or nothing)."""
    try:
        from game.tools import report  # type: ignore[attr-defined]
    except ImportError:
        return []
    writer = getattr(report, "write_report", None)
    if writer is None or not callable(writer):
        return []
    written: list[Path] = []
    for fmt in ("html", "json"):
        out = stem.with_suffix(f".{fmt}")
        try:
            params = inspect.signature(writer).parameters
            if "fmt" in params:
                writer(save_path, out, fmt=fmt)
            else:
                writer(save_path, out, fmt)
            written.append(out)
        except Exception:  # noqa: BLE001 - their tool failing leaves our JSON fallback
            continue
    return written
