"""The turning-points section of a game's report (``report SAVE --analysis``): what was
played, the curve of the expected score (SVG in HTML, a text table in Markdown), the turning
points with the other choices, what the player's state did and the history note, and every
decision's estimates.

The analysis is played by :func:`game.reports.analysis.run_analysis`; the words are
:mod:`game.present.analysis` and :mod:`game.present.turning_points`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from game.core.analysis import CONTINUATIONS, DEFAULT_GAMES, Analysis, read_game
from game.core.engine import GameState
from game.core.rules import Rules
from game.i18n import _
from game.present import analysis as words
from game.present import turning_points as say
from game.present.chart import nice_ticks, tick_text
from game.present.turning_points import Curve
from game.reports.analysis import analysis_data, default_jobs, run_analysis, total_games
from game.reports.escape import h, json_text

LINE_COLOURS = ("#c82828", "#2f5f9e")
REF_COLOURS = ("#c82828", "#3c3c3c")
GOOD, BAD = "#176a2c", "#a11"
INK, GRID, AXIS = "#1e1e22", "#dedee2", "#5a5a60"
FONT = "font-family=\"'Noto Sans', 'DejaVu Sans', Arial, sans-serif\""


def section_heading() -> str:
    return _("Turning points: what your decisions changed")


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _width(text: str, px: float) -> float:
    return len(text) * px * 0.56


def curve_svg(curve: Curve, size: tuple[int, int] = (760, 320)) -> str:
    """The curve of the expected score as SVG: a line per continuation (the second dashed),
    the 95% band of the first, level lines for the final score and the historical path, and
    the turning points as numbered triangles (up: for the better; down: for the worse)."""
    w, hgt = size
    px = 12.0
    pad = 8.0
    label = h(say.curve_caption_short())
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {hgt}" width="{w}" '
           f'height="{hgt}" role="img" aria-label="{label}" {FONT}>',
           f'<rect width="{w}" height="{hgt}" fill="#fff"/>']
    y = pad
    x = pad
    items = [(line.name, LINE_COLOURS[k % 2], ' stroke-dasharray="9 6"' if line.dashed else "",
              "3") for k, line in enumerate(curve.lines)]
    items += [(name, REF_COLOURS[k % 2], ' stroke-dasharray="2 4"', "1.5")
              for k, (name, _v) in enumerate(curve.references)]
    for name, colour, dash, width in items:
        item_w = 33 + _width(name, px) + 2 * pad
        if x > pad and x + item_w > w - pad:
            x, y = pad, y + px * 1.5
        mid = y + px * 0.6
        out.append(f'<line x1="{_num(x)}" y1="{_num(mid)}" x2="{_num(x + 27)}" y2="{_num(mid)}" '
                   f'stroke="{colour}" stroke-width="{width}"{dash}/>')
        out.append(f'<text x="{_num(x + 33)}" y="{_num(y + px)}" font-size="{px}" '
                   f'fill="{INK}">{h(name)}</text>')
        x += item_w
    y += px * 1.5 + pad
    lo, hi = curve.y_range
    ticks = nice_ticks(lo, hi, 5)
    tick_w = max((_width(tick_text(t), px) for t in ticks), default=0)
    left, top = pad + tick_w + 6, y + px / 2
    right, bottom = w - pad - 14, hgt - px - pad - 6
    n = len(curve.labels)

    def sx(i: int) -> float:
        return left + (i / (n - 1) * (right - left) if n > 1 else (right - left) / 2)

    def sy(v: float) -> float:
        v = min(hi, max(lo, v))
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    for t in ticks:
        out.append(f'<line x1="{_num(left)}" y1="{_num(sy(t))}" x2="{_num(right)}" '
                   f'y2="{_num(sy(t))}" stroke="{GRID}"/>')
        out.append(f'<text x="{_num(left - 6)}" y="{_num(sy(t) + px * 0.35)}" font-size="{px}" '
                   f'text-anchor="end" fill="{INK}">{h(tick_text(t))}</text>')
    # The years under the axis (one form for every tick; a point's day is in its label).
    years = curve.ticks or tuple(enumerate(curve.labels))
    widest = max((_width(t, px) for _i, t in years), default=0) + 10
    stride = max(1, math.ceil(widest * len(years) / max(1.0, right - left)))
    for i, text in years[::stride]:
        out.append(f'<text x="{_num(sx(i))}" y="{_num(bottom + 5 + px)}" font-size="{px}" '
                   f'text-anchor="middle" fill="{INK}">{h(text)}</text>')
    out.append(f'<polyline points="{_num(left)},{_num(top)} {_num(left)},{_num(bottom)} '
               f'{_num(right)},{_num(bottom)}" fill="none" stroke="{AXIS}"/>')
    for k, (_name, value) in enumerate(curve.references):
        out.append(f'<line x1="{_num(left)}" y1="{_num(sy(value))}" x2="{_num(right)}" '
                   f'y2="{_num(sy(value))}" stroke="{REF_COLOURS[k % 2]}" stroke-width="1.5" '
                   'stroke-dasharray="2 4"/>')
    points: list[tuple[float, float]] = []
    for k, line in enumerate(curve.lines):
        colour = LINE_COLOURS[k % 2]
        if k == 0:
            band = [(sx(i), sy(v)) for i, v in enumerate(line.highs)] + \
                   [(sx(i), sy(v)) for i, v in reversed(list(enumerate(line.lows)))]
            out.append('<polygon points="' + " ".join(f"{_num(a)},{_num(b)}" for a, b in band)
                       + f'" fill="{colour}" fill-opacity="0.15" stroke="none"/>')
        pts = [(sx(i), sy(v)) for i, v in enumerate(line.means)]
        if k == 0:
            points = pts
        dash = ' stroke-dasharray="9 6"' if line.dashed else ""
        out.append('<polyline points="' + " ".join(f"{_num(a)},{_num(b)}" for a, b in pts)
                   + f'" fill="none" stroke="{colour}" stroke-width="{3 if k == 0 else 2}" '
                   f'stroke-linejoin="round"{dash}/>')
    for mark in curve.marks:
        if not 0 <= mark.point < len(points):
            continue
        mx, my = points[mark.point]
        s = 7.0
        if mark.better:
            my -= 2 * s
            tri = [(mx, my - s), (mx - s, my + s / 2), (mx + s, my + s / 2)]
        else:
            my += 2 * s
            tri = [(mx, my + s), (mx - s, my - s / 2), (mx + s, my - s / 2)]
        out.append('<polygon points="' + " ".join(f"{_num(a)},{_num(b)}" for a, b in tri)
                   + f'" fill="{GOOD if mark.better else BAD}"><title>'
                   + h(" ".join(mark.tip)) + "</title></polygon>")
        out.append(f'<text x="{_num(mx + s + 2)}" y="{_num(my + px * 0.35)}" '
                   f'font-size="{px}" fill="{INK}">{mark.rank}</text>')
    out.append("</svg>")
    return "\n".join(out)


def analysis_html(analysis: Analysis, rules: Rules, save_name: str) -> str:
    """The section as HTML (every text escaped)."""
    out = [f'<section id="turning-points"><h2>{h(section_heading())}</h2>']
    for line in words.header_lines(analysis, rules, save_name)[1:]:
        out.append(f'<p class="note">{h(line)}</p>')
    out.append('<div class="charts"><figure>' + curve_svg(say.curve(analysis, rules))
               + f'<figcaption class="note">{h(say.curve_caption(analysis))}</figcaption>'
               "</figure></div>")
    if not analysis.turning_points:
        out.append(f"<p>{h(say.none_found(analysis))}</p>")
    for rank, tp in enumerate(analysis.turning_points, 1):
        paragraphs = say.turning_point_paragraphs(analysis, rules, rank)
        kind = _("for the better") if tp.better else _("for the worse")
        out.append('<div class="event"><h3>'
                   + h(f"{rank}. {paragraphs[0][0]} ({kind})") + "</h3>")
        for text, style in paragraphs[1:]:
            cls = {"dim": ' class="note"', "history": ' class="note"'}.get(style, "")
            strong = style in ("good", "bad", "accent")
            body = f"<strong>{h(text)}</strong>" if strong else h(text)
            out.append(f"<p{cls}>{body}</p>")
        out.append("</div>")
    out.append(f"<h3>{h(say.table_heading())}</h3>")
    heads = say.table_heads(rules)
    out.append("<table><thead><tr>" + "".join(f"<th>{h(c)}</th>" for c in heads)
               + "</tr></thead><tbody>")
    for row in say.table_rows(analysis, rules):
        out.append("<tr>" + "".join(f"<td>{h(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table></section>")
    return "\n".join(out)


def analysis_markdown(analysis: Analysis, rules: Rules, save_name: str) -> str:
    """The section as Markdown."""
    out = [f"## {section_heading()}", ""]
    for line in words.header_lines(analysis, rules, save_name)[1:]:
        out += [line, ""]
    out += ["```"] + words.curve_lines(analysis, rules) + ["```", ""]
    out += [say.curve_markdown_note(), ""]
    out += words.turning_point_section(analysis, rules) + [""]
    out += [f"### {say.table_heading()}", ""]
    heads = say.table_heads(rules)
    out.append("| " + " | ".join(_md(c) for c in heads) + " |")
    out.append("|" + "---|" * len(heads))
    for row in say.table_rows(analysis, rules):
        out.append("| " + " | ".join(_md(c) for c in row) + " |")
    out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())



def play_analysis(state: GameState, scenario_path: str, games: int = DEFAULT_GAMES,
                  progress: Callable[[int], None] | None = None) -> Analysis:
    """The analysis of a saved game for its report: both continuations, seed 0, on every core
    when the scenario's file is known (else in this process)."""
    game = read_game(state.rules, state.seed, state.moves)
    jobs = default_jobs() if scenario_path else 1
    return run_analysis(game, scenario_path, games, 0, CONTINUATIONS, jobs, progress)


def games_to_play(state: GameState, games: int = DEFAULT_GAMES) -> int:
    """How many games :func:`play_analysis` plays (for a progress bar)."""
    return total_games(read_game(state.rules, state.seed, state.moves), games)


def with_section(document: str, section: str, before: str, fallback: str = "") -> str:
    """``document`` with ``section`` put in front of the first ``before`` (else of
    ``fallback``, else at the end)."""
    for anchor in (before, fallback):
        if anchor and anchor in document:
            at = document.index(anchor)
            return document[:at] + section + "\n" + document[at:]
    return document + "\n" + section


def json_with_analysis(text: str, analysis: Analysis, rules: Rules) -> str:
    """The JSON report with the analysis's data under ``"analysis"``."""
    data = json.loads(text)
    data["analysis"] = analysis_data(analysis, rules)
    return json_text(data)
