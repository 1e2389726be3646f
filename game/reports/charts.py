"""The report's charts, one per aim: the player's line against the historical path, as SVG.

The chart data comes from :mod:`game.present.chart`; :mod:`game.reports.svg_charts` draws
it as text, so the reports never need pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.present import chart as chart_data
from game.present.report import EndReport
from game.reports.svg_charts import aim_chart_svg

CHART_SIZE = (760, 300)


@dataclass(frozen=True, slots=True)
class Chart:
    aim_id: str
    aim_name: str
    svg: str


def aim_charts(report: EndReport, size: tuple[int, int] = CHART_SIZE) -> list[Chart]:
    """One chart per aim."""
    return [Chart(c.aim_id, c.title, aim_chart_svg(c, size)) for c in chart_data.aim_charts(report)]
