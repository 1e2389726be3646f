"""The report's charts, one per aim: the player's line against the historical path, as PNG bytes.

Drawn headless by the game's own chart module (:mod:`game.ui.charts`), so the
report and the end screen look alike. No window is opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from game.reports.end_report import EndReport

CHART_SIZE = (760, 300)
PLAYER_COLOUR = (200, 40, 40)
HISTORY_COLOUR = (60, 60, 60)


class ChartsUnavailable(Exception):
    """The charts cannot be drawn here (no pygame, or no chart module); the report goes on."""


@dataclass(frozen=True, slots=True)
class Chart:
    aim_id: str
    aim_name: str
    png: bytes


def aim_charts(report: EndReport, size: tuple[int, int] = CHART_SIZE) -> list[Chart]:
    """One chart per aim. Raises :class:`ChartsUnavailable` if they cannot be drawn."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame

        from game.ui.charts import Series, chart_png_bytes, line_chart
    except ImportError as exc:
        raise ChartsUnavailable(f"the chart module could not be loaded ({exc})") from None
    if not pygame.font.get_init():
        pygame.font.init()
    labels = [t.date for t in report.turns]
    who = report.player or "Your game"
    out = []
    for i, (aim_id, name) in enumerate(zip(report.aim_ids, report.aim_names, strict=True)):
        series = [Series("History", [t.history[i] for t in report.turns], HISTORY_COLOUR, True),
                  Series(who, [t.aims[i] for t in report.turns], PLAYER_COLOUR, False)]
        try:
            surface = line_chart(size, name, labels, series, report.aim_ranges[i])
            png = chart_png_bytes(surface)
        except Exception as exc:  # noqa: BLE001 - a chart that fails must not lose the report
            raise ChartsUnavailable(f"the chart of {name} could not be drawn ({exc})") from None
        out.append(Chart(aim_id, name, png))
    return out
