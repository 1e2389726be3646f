"""The data of the aim charts, for any drawing: each aim's line in the player's game and on
the historical path, the y range, and the round ticks and year labels of the axes.

The pygame drawing is :mod:`game.ui.charts`; the reports get it as PNG bytes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from game.i18n import N_, _
from game.present.dates import month_count_words
from game.present.numbers import number
from game.present.report import EndReport


@dataclass(frozen=True, slots=True)
class ChartLine:
    """One line: its name in the legend, one value per x label (NaN for none), and whether it
    is the historical path (drawn dashed, so a chart still reads in black and white)."""

    name: str
    values: tuple[float, ...]
    history: bool


@dataclass(frozen=True, slots=True)
class AimChart:
    """One aim's chart: the player's line against the historical path, turn by turn."""

    aim_id: str
    title: str
    x_labels: tuple[str, ...]
    lines: tuple[ChartLine, ...]
    y_range: tuple[float, float]


# TRANSLATORS: the legend of the historical line in an aim chart.
HISTORY_LINE = N_("History")


def aim_charts(report: EndReport, player_line: str = "") -> list[AimChart]:
    """One chart per aim; the player's line is named ``player_line`` (the player's name,
    else "Your game")."""
    who = player_line or report.player or _("Your game")
    labels = tuple(t.date for t in report.turns)
    return [AimChart(aim_id, name, labels,
                     (ChartLine(_(HISTORY_LINE), tuple(t.history[i] for t in report.turns), True),
                      ChartLine(who, tuple(t.aims[i] for t in report.turns), False)),
                     report.aim_ranges[i])
            for i, (aim_id, name) in enumerate(zip(report.aim_ids, report.aim_names,
                                                   strict=True))]


def nice_ticks(lo: float, hi: float, most: int = 6) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) from lo to hi."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo] if math.isfinite(lo) else []
    raw = (hi - lo) / max(1, most - 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    out = []
    v = first
    while v <= hi + step * 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def tick_text(v: float) -> str:
    """A tick value as the axis shows it: ``20``, ``2.5``."""
    if abs(v - round(v)) < 1e-9:
        return number(v, 0)
    return number(v, len(f"{v:g}".partition(".")[2]) if "e" not in f"{v:g}" else 2)


_YEAR = re.compile(r"^\s*(\d{4})\b")


def x_ticks(x_labels: Sequence[str]) -> list[tuple[int, str]]:
    """(index, text) of the x labels to show: when the labels are dates that start with a
    year ("1928 Q1", "1928-04"), one tick at the first of each year, showing the year."""
    years = [_YEAR.match(s) for s in x_labels]
    if x_labels and all(years) and len({m.group(1) for m in years if m}) < len(x_labels):
        out: list[tuple[int, str]] = []
        for i, m in enumerate(years):
            assert m is not None
            if not out or out[-1][1] != m.group(1):
                out.append((i, m.group(1)))
        return out
    return list(enumerate(x_labels))


def time_ticks(months: Sequence[int]) -> list[tuple[int, str]]:
    """(index, text) of the ticks of a time axis whose points fall at these months (year *
    12 + month - 1), not evenly apart (a decision's day): one form for every tick, the year
    at the first point of each year ("1928", "1930", "1931"); within a single year, the
    month at the first point of each month ("Mar 1936"). A point's own day belongs in its
    label, not on the axis."""
    by_year = len({m // 12 for m in months}) > 1
    out: list[tuple[int, str]] = []
    last = None
    for i, m in enumerate(months):
        key = m // 12 if by_year else m
        if key != last:
            out.append((i, str(key) if by_year else month_count_words(m)))
            last = key
    return out


def finite_runs(values: Sequence[float]) -> list[list[int]]:
    """Indexes of the unbroken runs of finite values (a NaN breaks the line)."""
    runs: list[list[int]] = [[]]
    for i, v in enumerate(values):
        if isinstance(v, int | float) and math.isfinite(v):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]
