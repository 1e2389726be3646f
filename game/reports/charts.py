"""The report's charts, one per aim: the player's line against the historical path, as PNG bytes.

The chart data comes from :mod:`game.present.chart`; the drawing is given by the
caller (the ``report`` command passes the game's pygame chart module, imported
only when a chart is drawn), so the reports themselves never import pygame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.present import chart as chart_data
from game.present.report import EndReport

CHART_SIZE = (760, 300)

Drawer = Callable[[chart_data.AimChart, tuple[int, int]], bytes]
"""Draws one aim chart at a size and returns PNG bytes."""


class ChartsUnavailable(Exception):
    """The charts cannot be drawn here (no pygame, or no chart module); the report goes on."""


@dataclass(frozen=True, slots=True)
class Chart:
    aim_id: str
    aim_name: str
    png: bytes


def aim_charts(report: EndReport, draw: Drawer,
               size: tuple[int, int] = CHART_SIZE) -> list[Chart]:
    """One chart per aim. Raises :class:`ChartsUnavailable` if one cannot be drawn."""
    out = []
    for c in chart_data.aim_charts(report):
        try:
            png = draw(c, size)
        except Exception as exc:  # noqa: BLE001 - a chart that fails must not lose the report
            raise ChartsUnavailable(f"the chart of {c.title} could not be drawn ({exc})") from None
        out.append(Chart(c.aim_id, c.title, png))
    return out
