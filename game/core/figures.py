"""How well the historical trajectory of an aim follows a real recorded figure.

A scenario records real series (steel output, army size, states with
relations) and says which aim each one checks. The historical path, played
through the rules, gives that aim's value turn by turn; sampled at the end of
each year, it should rise and fall with the real series.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.engine import GameState
from game.core.scenario import Figure


@dataclass(frozen=True, slots=True)
class FigureFit:
    """A recorded figure beside the model's yearly values of its aim."""

    figure_id: str
    aim_id: str
    years: tuple[int, ...]
    real: tuple[float, ...]
    model: tuple[float, ...]
    correlation: float
    """Pearson correlation of the two series (1 = they rise and fall together)."""


def yearly_values(state: GameState, aim_id: str) -> dict[int, float]:
    """The aim's value at the end of each year of a finished (or running) game.

    The last turn that starts in a year stands for that year; the year the
    game starts in also has its starting value if no turn of it has ended.
    """
    rules = state.rules
    i = rules.aim_index[aim_id]
    out: dict[int, float] = {rules.start_month // 12: rules.aim_start[i]}
    for turn, aims in enumerate(state.trajectory):
        out[rules.month_of_turn(turn) // 12] = aims[i]
    return out


def correlation(xs: list[float], ys: list[float]) -> float:
    """Pearson correlation; 0 when either series is flat or shorter than two values."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(sxx * syy)


def figure_fit(historical: GameState, figure: Figure) -> FigureFit:
    """Compare a recorded figure with its aim in the historical game, over their common years."""
    model = yearly_values(historical, figure.aim)
    years = [v.year for v in figure.values if v.year in model]
    real = [v.value for v in figure.values if v.year in model]
    values = [model[y] for y in years]
    return FigureFit(figure.id, figure.aim, tuple(years), tuple(real), tuple(values),
                     round(correlation(real, values), 4))


def figure_fits(historical: GameState) -> list[FigureFit]:
    """Every recorded figure of the scenario against the historical trajectory."""
    return [figure_fit(historical, f) for f in historical.rules.scenario.figures]
