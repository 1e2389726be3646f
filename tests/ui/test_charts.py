"""Charts: drawn with pygame alone, readable at 800x400, the historical path dashed, PNG bytes
without a window. The screenshot goes to $STATECRAFT_SCREENSHOTS (tests/screenshots/)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import math
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.present.chart import nice_ticks, x_ticks
from game.ui.charts import Series, chart_png_bytes, line_chart

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
QUARTERS = [f"{y} Q{q}" for y in range(1928, 1942) for q in range(1, 5)][:54]
PLAYER = (0, 114, 178)
HISTORY = (213, 94, 0)


def screenshot_dir() -> Path:
    out = Path(os.environ.get("STATECRAFT_SCREENSHOTS") or ROOT / "tests" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def sample_series() -> list[Series]:
    hist = [30 + 20 * math.sin(i / 8) + i * 0.6 for i in range(54)]
    mine = [30 + 15 * math.sin(i / 6) + i * 0.8 for i in range(40)]
    return [Series("Your game", mine, PLAYER), Series("History", hist, HISTORY, dashed=True)]


def test_chart_renders_and_saves_as_png() -> None:
    surface = line_chart((800, 400), "Security", QUARTERS, sample_series(), (0, 100))
    assert surface.get_size() == (800, 400)
    data = chart_png_bytes(surface)
    assert data.startswith(PNG_SIGNATURE)
    path = screenshot_dir() / "chart_security.png"
    path.write_bytes(data)
    again = pygame.image.load(str(path))
    assert again.get_size() == (800, 400)
    dark = line_chart((640, 320), "Recognition", QUARTERS, sample_series(), (0, 100), dark=True)
    (screenshot_dir() / "chart_recognition_dark.png").write_bytes(chart_png_bytes(dark))


def test_works_without_a_display() -> None:
    """In a fresh process: no display mode is set, and none is needed."""
    code = (
        "import os; os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
        "import pygame\n"
        "from game.ui.charts import Series, chart_png_bytes, line_chart\n"
        "s = line_chart((400, 200), 'T', ['1930', '1931'], [Series('a', [1, 2], (0, 0, 0))],"
        " (0, 3))\n"
        "data = chart_png_bytes(s)\n"
        "assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', data[:8]\n"
        "assert pygame.display.get_surface() is None\n"
        "pygame.quit()  # a chart after pygame.quit() still draws (no stale fonts)\n"
        "assert chart_png_bytes(line_chart((300, 150), 'T', ['1930'], [], (0, 1)))[:4]"
        " == b'\\x89PNG'\n"
        "print('ok', pygame.display.get_init())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("ok False")


def _row_hits(surface: pygame.Surface, y: int, colour: tuple[int, int, int],
              xs: range) -> int:
    return sum(1 for x in xs if tuple(surface.get_at((x, y)))[:3] == colour)


def test_historical_path_is_dashed() -> None:
    """A flat series: the solid line covers its row, the dashed one only part of it."""
    labels = [str(y) for y in range(1928, 1942)]
    flat = [Series("solid", [25.0] * 14, PLAYER), Series("dashed", [75.0] * 14, HISTORY, True)]
    surface = line_chart((800, 400), "", labels, flat, (0, 100))
    column = range(200, 600)

    def best_row(colour: tuple[int, int, int]) -> int:
        return max(_row_hits(surface, y, colour, column) for y in range(400))

    solid, dashed = best_row(PLAYER), best_row(HISTORY)
    assert solid >= 0.95 * len(column)
    assert 0.4 * len(column) <= dashed <= 0.8 * len(column)


def test_ticks_and_labels() -> None:
    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(-100, 100) == [-100, -50, 0, 50, 100]
    assert nice_ticks(0, 1)[0] == 0 and nice_ticks(0, 1)[-1] == 1
    assert nice_ticks(5, 5) == [5]
    assert x_ticks(["1928 Q1", "1928 Q2", "1929 Q1"]) == [(0, "1928"), (2, "1929")]
    assert x_ticks(["a", "b"]) == [(0, "a"), (1, "b")]
    assert x_ticks(["1930", "1931"]) == [(0, "1930"), (1, "1931")]


@pytest.mark.parametrize("size", [(0, 0), (1, 1), (30, 20), (120, 60), (2000, 1000)])
def test_odd_inputs_do_not_crash(size: tuple[int, int]) -> None:
    odd = [Series("gaps", [1.0, math.nan, 3.0, math.inf, 2.0], PLAYER),
           Series("one point", [2.0], HISTORY, dashed=True),
           Series("empty", [], (0, 0, 0)),
           Series("too long", [1.0] * 50, (0, 158, 115))]
    for labels in ([], ["1930"], QUARTERS[:5]):
        for y_range in ((0, 5), (5, 5), (5, 0), (math.nan, 1)):
            surface = line_chart(size, "Odd " * 20, labels, odd, y_range)
            assert surface.get_size() == (max(1, size[0]), max(1, size[1]))
    assert chart_png_bytes(line_chart(size, "", [], [], (0, 1))).startswith(PNG_SIGNATURE)


def test_font_path_is_used_or_falls_back(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-font.ttf"
    surface = line_chart((400, 200), "T", ["1930", "1931"], sample_series(), (0, 100), missing)
    assert surface.get_size() == (400, 200)
