"""Helpers shared by the commands: loading a scenario with its errors printed, not raised."""

from __future__ import annotations

import sys
from pathlib import Path

from game.scenario.errors import ScenarioError
from game.scenario.loader import DEFAULT_SCENARIO, LoadedScenario, load_scenario


def load_or_report(path: str | Path | None) -> LoadedScenario | None:
    """Load a scenario (the default one if ``path`` is None); print its problems and return
    None if it does not load."""
    target = Path(path) if path else DEFAULT_SCENARIO
    try:
        return load_scenario(target)
    except ScenarioError as exc:
        for p in exc.problems:
            print(p.format(), file=sys.stderr)
        print(f"{target}: the scenario has {len(exc.problems)} error(s); fix them and try again "
              f"(python main.py validate {target})", file=sys.stderr)
        return None


def output_format(chosen: str | None, output: str | None, formats: tuple[str, ...] | list[str],
                  default: str) -> str:
    """The format asked for with --format, else the one the output file's suffix names
    (``.htm`` -> html, ``.markdown`` -> md), else ``default``."""
    if chosen is not None:
        return chosen
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    return fmt if fmt in formats else default
