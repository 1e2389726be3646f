"""The time axis of the turning points' curve (the [A] view after a game, and the report's
SVG) speaks in one form: a play-test saw "Jan 1928, Jan 1930, 18 Sep 1931" under it, the
points' own dates (a turn's month, an event's day) used as ticks. The ticks are years, each
at the first point of its year; a point's day stays in its label and tooltip. Checked on the
historical game of the default scenario, in English and German; screenshot
``curve_time_axis_<lang>.png``."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import re
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game import i18n
from game.core.analysis import HISTORY, Analysis, analyse_game, read_game
from game.core.policies import history_policy, play_game
from game.core.rules import Rules
from game.scenario.loader import load_scenario
from tests.ui.conftest import ROOT, SHOTS

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
YEAR = re.compile(r"\d{4}")
DAY = re.compile(r"\b\d{1,2}\.? \S+ \d{4}\b")
"""A day as a reader writes it: "18 Sep 1931", "18. Sep 1931"."""


@pytest.fixture(scope="module")
def game() -> tuple[Analysis, Rules]:
    rules = load_scenario(DEFAULT).rules
    state = play_game(rules, history_policy, seed=1)
    return analyse_game(read_game(rules, state.seed, state.moves), 1, 0, (HISTORY,)), rules


@pytest.fixture(params=["en", "de"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def test_the_ticks_are_the_years_at_their_first_points(game: tuple[Analysis, Rules],
                                                       lang: str) -> None:
    from game.present import turning_points as say

    analysis, rules = game
    curve = say.curve(analysis, rules)
    assert any(DAY.search(label) for label in curve.labels)  # the points have their days
    years = [int(label[-4:]) for label in curve.labels]
    assert curve.ticks, "no tick on the time axis"
    assert all(YEAR.fullmatch(text) for _i, text in curve.ticks), curve.ticks
    want = [(i, str(y)) for i, y in enumerate(years) if i == 0 or years[i - 1] != y]
    assert list(curve.ticks) == want
    # The day is in the point's own tooltip.
    day = next(i for i, label in enumerate(curve.labels) if DAY.search(label))
    assert curve.labels[day] in say.point_tip(analysis, rules, day)[0]


def test_within_one_year_the_ticks_are_months() -> None:
    from game.present.chart import time_ticks

    jan_1936 = 1936 * 12
    assert time_ticks([jan_1936, jan_1936 + 2, jan_1936 + 2, jan_1936 + 5]) == [
        (0, "Jan 1936"), (1, "Mar 1936"), (3, "Jun 1936")]
    assert time_ticks([jan_1936 - 1, jan_1936, jan_1936 + 13]) == [
        (0, "1935"), (1, "1936"), (2, "1937")]


def test_the_screen_and_the_report_draw_no_day_on_the_axis(game: tuple[Analysis, Rules],
                                                           lang: str,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    from game.present import turning_points as say
    from game.reports.turning_points_report import curve_svg
    from game.ui.eval_chart import draw_curve
    from game.ui.theme import Colours, Fonts

    analysis, rules = game
    curve = say.curve(analysis, rules)
    rendered: list[str] = []

    class Recording(pygame.font.Font):
        def render(self, text: Any, *args: Any, **kwargs: Any) -> pygame.Surface:
            rendered.append(str(text))
            return super().render(text, *args, **kwargs)

    pygame.font.init()
    monkeypatch.setattr(pygame.font, "Font", Recording)
    for width in (560, 900, 1240):
        rendered.clear()
        drawn = draw_curve((width, 300), curve, Fonts(1.0), Colours(), 1)
        assert not [t for t in rendered if DAY.search(t)], (width, rendered)
        years = [t for t in rendered if YEAR.fullmatch(t)]
        assert len(years) >= 4 and years == sorted(years), (width, years)
        if width == 900:
            SHOTS.mkdir(parents=True, exist_ok=True)
            pygame.image.save(drawn.surface, str(SHOTS / f"curve_time_axis_{lang}.png"))
    svg = curve_svg(curve)
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert not [t for t in texts if DAY.search(t)], texts
    assert len([t for t in texts if YEAR.fullmatch(t)]) >= 4, texts
