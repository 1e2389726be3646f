"""The words and the curve of a game's analysis as the end screen and the reports show it:
the expected score across the game (like a chess engine's evaluation graph) with its 95%
band, the turning points marked on it, and every decision's estimates with the history note.

The estimates' own sentences are :mod:`game.present.analysis` (shared with ``analyse``); this
module arranges them as styled paragraphs and gives the curve's data for any drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.core.analysis import HISTORY, OWN, Analysis, Decision
from game.core.rules import Rules
from game.core.scoring import decision_label
from game.i18n import _, ngettext
from game.present import analysis as words
from game.present.chart import time_ticks
from game.present.dates import date_order, event_day
from game.present.history_note import chose_line, essay_line
from game.present.numbers import number
from game.present.player import capital, the_name

# -- the curve ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CurveLine:
    """The expected final score after each decision under one continuation, with the ends of
    its 95% interval."""

    continuation: str
    name: str
    means: tuple[float, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    dashed: bool
    """Drawn dashed (history afterwards), so the curve reads without colour."""


@dataclass(frozen=True, slots=True)
class CurveMark:
    """A turning point on the curve."""

    point: int
    """Its point on the curve (0 is the start; decision ``n`` is point ``n + 1``)."""
    rank: int
    """1 for the largest turning point."""
    better: bool
    tip: tuple[str, ...]


@dataclass(frozen=True)
class Curve:
    labels: tuple[str, ...]
    """When each point is: the game's start, then each decision's date."""
    titles: tuple[str, ...]
    """What each point is: the start, then each decision and the answer given."""
    lines: tuple[CurveLine, ...]
    marks: tuple[CurveMark, ...]
    references: tuple[tuple[str, float], ...]
    """Level lines: the player's final score and the historical path's."""
    y_range: tuple[float, float]
    ticks: tuple[tuple[int, str], ...] = ()
    """The time axis's ticks, (point, text), in one form (the years: "1928", "1930"...); a
    point's own day is in its label and tooltip."""


def _nice_range(values: list[float]) -> tuple[float, float]:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return 0.0, 100.0
    lo = max(0.0, math.floor(min(finite) / 5) * 5 - 5)
    hi = min(100.0, math.ceil(max(finite) / 5) * 5 + 5)
    if hi - lo < 20:
        mid = (hi + lo) / 2
        lo, hi = max(0.0, mid - 10), min(100.0, mid + 10)
    return lo, hi


def curve(analysis: Analysis, rules: Rules) -> Curve:
    """The curve of the expected score across the game: one line per continuation (the one
    that gives the turning points first), the turning points, and the level of the player's
    final score and of the historical path's."""
    labels = [words.turn_words(rules, 0)]
    titles = [_("the start")]
    months = [rules.month_of_turn(0)]
    for da in analysis.decisions:
        d = da.decision
        labels.append(words.decision_date(rules, d))
        titles.append(decision_words(rules, d))
        months.append(date_order(event_day(rules, rules.event_index[d.event], d.turn))[0])
    lines = []
    for c in analysis.continuations:
        points = analysis.curves[c]
        lines.append(CurveLine(c, words.continuation_name(c),
                               tuple(p.estimate.mean for p in points),
                               tuple(p.estimate.low for p in points),
                               tuple(p.estimate.high for p in points), c == HISTORY))
    marks = []
    for rank, tp in enumerate(analysis.turning_points, 1):
        lines_ = words.turning_point_lines(analysis, rules, tp)
        marks.append(CurveMark(tp.decision + 1, rank, tp.better, tuple(lines_[:3])))
    refs = ((_("your score {score}").format(score=number(analysis.final_score, 1)),
             analysis.final_score),
            (_("history's path {score}").format(score=number(analysis.history_score, 1)),
             analysis.history_score))
    values = [v for line in lines for v in (*line.lows, *line.highs)] + [r[1] for r in refs]
    return Curve(tuple(labels), tuple(titles), tuple(lines), tuple(marks), refs,
                 _nice_range(values), tuple(time_ticks(months)))


def decision_words(rules: Rules, d: Decision) -> str:
    """``"The grain crisis: Collectivise at full speed"``: the question and the answer."""
    return decision_label(words.event_title(rules, d.event),
                          words.choice_label(rules, d.event, d.chosen))


def point_tip(analysis: Analysis, rules: Rules, point: int) -> list[str]:
    """The tooltip of a point of the curve: when, what, and each continuation's estimate."""
    if point == 0:
        out = [_("{date}: the start").format(date=words.turn_words(rules, 0))]
    else:
        d = analysis.decisions[point - 1].decision
        out = [_("{date}: {decision}").format(date=words.decision_date(rules, d),
                                               decision=decision_words(rules, d))]
    for name in analysis.continuations:
        est = analysis.curves[name][point].estimate
        out.append(_("{name}: expected score {score}").format(
            name=capital(words.continuation_name(name)), score=words.score_words(est)))
    return out


# -- the screen ---------------------------------------------------------------------------------


def screen_title(rules: Rules) -> str:
    return _("Turning points: {title}").format(title=rules.scenario.title)


def tabs() -> tuple[tuple[str, str, str], ...]:
    """(key, label, short label) of the analysis screen's tabs."""
    return (("points", _("The curve and the turning points"), _("Turning points")),
            ("decisions", _("Every decision"), _("Decisions")))


def progress_line(done: int, total: int) -> str:
    return _("Playing the futures of your decisions: {done} of {total} games").format(
        done=number(done, 0), total=number(total, 0))


def progress_note() -> str:
    return _("Every choice of every answer you gave is played on to the end of the game many "
             "times, with the world's chance drawn anew in each game. Meanwhile you can look "
             "through your decisions, or try one again.")


def played_line(analysis: Analysis, seconds: float) -> str:
    """What was played, in a line under the screen's title."""
    n = len(analysis.decisions)
    text = ngettext(
        "{games} games for each choice of your {count} decision, with each continuation: "
        "{total} games in all (seed {seed}).",
        "{games} games for each choice of each of your {count} decisions, with each "
        "continuation: {total} games in all (seed {seed}).", n).format(
        games=number(analysis.games, 0), count=number(n, 0),
        total=number(analysis.games_played, 0), seed=analysis.seed)
    if seconds > 0:
        text += " " + _("Played in {seconds} s.").format(seconds=number(seconds, 1))
    return text


def curve_caption(analysis: Analysis) -> str:
    """How to read the curve."""
    names = {c: words.continuation_name(c) for c in analysis.continuations}
    if OWN in names and HISTORY in names:
        lines = _("solid line: {own}; dashed: {history}").format(own=names[OWN],
                                                                 history=names[HISTORY])
    else:
        lines = names[analysis.primary]
    return _("The expected final score (0 to 100) after each of your answers: {lines}; the "
             "band is the 95% interval. Numbered marks are the turning points: pointing up, "
             "for the better; down, for the worse. Point at the curve for its figures.").format(
        lines=lines)


def turning_point_button(analysis: Analysis, rules: Rules, rank: int) -> str:
    tp = analysis.turning_points[rank - 1]
    d = analysis.decisions[tp.decision].decision
    kind = _("for the better") if tp.better else _("for the worse")
    return _("{number}. {date}: {title} ({kind})").format(
        number=rank, date=words.decision_date(rules, d), title=words.event_title(rules, d.event),
        kind=kind)


def none_found(analysis: Analysis) -> str:
    """Why no decision is a turning point."""
    return _("Turning points: none. No decision changed the expected score by more than its "
             "uncertainty (and by at least half a point) with {name}.").format(
        name=words.continuation_name(analysis.primary))


def turning_point_paragraphs(analysis: Analysis, rules: Rules, rank: int) -> list[tuple[str, str]]:
    """A turning point as styled paragraphs: the decision, the choice made and what it likely
    brought, the other choices, the other continuation, what the player's state chose and the
    history note (the lines of :func:`game.present.analysis.turning_point_lines`)."""
    tp = analysis.turning_points[rank - 1]
    da = analysis.decisions[tp.decision]
    lines = words.turning_point_lines(analysis, rules, tp)
    others = len(da.under(tp.continuation).choices) - 1
    conts = len(da.estimates) - 1
    styles = ["heading", "accent", "good" if tp.better else "bad"]
    styles += ["body"] * others + ["dim"] * conts + ["history", "body", "dim"]
    return [(line.strip(), styles[min(k, len(styles) - 1)]) for k, line in enumerate(lines)]


def decision_item(analysis: Analysis | None, rules: Rules, d: Decision) -> str:
    """A decision as a line of the list: date, question and answer, and its turning point
    rank if it is one."""
    text = _("{date}  {decision}").format(date=words.decision_date(rules, d),
                                          decision=decision_words(rules, d))
    if analysis is not None:
        ranks = [k for k, tp in enumerate(analysis.turning_points, 1)
                 if tp.decision == d.number]
        if ranks:
            text += " " + _("(turning point {number})").format(number=ranks[0])
    return text


def decision_paragraphs(analysis: Analysis | None, rules: Rules, d: Decision,
                        running: bool) -> list[tuple[str, str]]:
    """One decision as styled paragraphs: the question and the answer given, each choice's
    expected score and endings under each continuation (once analysed), what the player's
    state chose and the history note."""
    scn = rules.scenario
    out: list[tuple[str, str]] = [
        (_("{date}: {title}").format(date=words.decision_date(rules, d),
                                     title=words.event_title(rules, d.event)), "heading"),
        (_("You chose: {choice}").format(choice=words.choice_label(rules, d.event, d.chosen)),
         "accent")]
    if analysis is None:
        out.append((_("Being analysed\u2026") if running else
                    _("Not analysed: the analysis did not finish."), "dim"))
    else:
        da = analysis.decisions[d.number]
        for est in da.estimates:
            out.append((capital(words.continuation_name(est.continuation)), "subheading"))
            for c in est.choices:
                label = words.choice_label(rules, d.event, c.choice)
                if c.choice == d.chosen:
                    line = _("{choice} (your choice): expected score {score}; endings: "
                             "{endings}.").format(choice=label,
                                                  score=words.score_words(c.estimate),
                                                  endings=words.endings_words(rules, c.estimate))
                else:
                    line = _("{choice}: expected score {score}, {difference} against your "
                             "choice; endings: {endings}.").format(
                        choice=label, score=words.score_words(c.estimate),
                        difference=words.difference_words(c.against_chosen),
                        endings=words.endings_words(rules, c.estimate))
                out.append((line, "body"))
    ev = scn.events[rules.event_index[d.event]]
    out.append((chose_line(scn.player, words.choice_label(rules, d.event, d.historical)),
                "history"))
    note = ev.history
    if note is not None:
        out.append((_("What really happened ({date}): {text}").format(
            date=note.date, text=note.text.strip()), "body"))
        essay = essay_line(note)
        if essay:
            out.append((essay, "dim"))
    return out


def curve_caption_short() -> str:
    """The curve's name for a reader who cannot see it (an SVG's label)."""
    return _("The expected final score after each of your answers")


def curve_markdown_note() -> str:
    return _("Each line: the date, your answer, the expected final score and the margin of "
             "its 95% interval, and a bar (a full bar is 100).")


def table_heading() -> str:
    return _("Every decision")


def table_heads(rules: Rules) -> list[str]:
    return [_("Date"), _("Decision"), _("You chose (expected score)"),
            _("The best other choice (expected score; difference, 95%)"),
            _("{state} chose").format(state=player_state(rules))]


def table_rows(analysis: Analysis, rules: Rules) -> list[list[str]]:
    """Every decision under the continuation that gives the turning points: when, what, the
    choice made and its expected score, the best other choice and how much better or worse
    it would likely have done, and what the player's state chose."""
    ranks = {tp.decision: k for k, tp in enumerate(analysis.turning_points, 1)}
    rows = []
    for da in analysis.decisions:
        d = da.decision
        est = da.under(analysis.primary)
        title = words.event_title(rules, d.event)
        if d.number in ranks:
            title = _("{title} (turning point {number})").format(title=title,
                                                                 number=ranks[d.number])
        mine = _("{choice} ({score})").format(choice=words.choice_label(rules, d.event, d.chosen),
                                              score=number(est.chosen.mean, 1))
        if est.best_other:
            best = est.choice(est.best_other)
            other = _("{choice} ({score}; {difference})").format(
                choice=words.choice_label(rules, d.event, est.best_other),
                score=number(best.estimate.mean, 1),
                difference=words.difference_words(best.against_chosen))
        else:
            other = "\u2014"
        rows.append([words.decision_date(rules, d), title, mine, other,
                     words.choice_label(rules, d.event, d.historical)])
    return rows


def try_again_button() -> str:
    return _("Try again from here  [R]")


def try_again_tip() -> list[str]:
    return [_("Try again from here"),
            _("Opens the game at this moment in a new save, to play another choice; your game "
              "stays as it is. When the new game ends, its end report compares the two "
              "futures.")]


def analyse_button() -> str:
    return _("Turning points  [A]")


def analyse_tip() -> list[str]:
    return [_("Turning points"),
            _("Which of your decisions changed your country's fate: every choice of every "
              "answer is played on to the end many times, and the curve of the expected score "
              "shows where it rose and fell. From any decision you can try again.")]


def compare_button() -> str:
    return _("Compare the two futures  [C]")


def compare_tip() -> list[str]:
    return [_("Compare the two futures"),
            _("This game and the one it was tried again from, side by side against history, "
              "on the same charts.")]


def failed_line(problem: str) -> str:
    return _("The analysis failed: {problem}").format(problem=problem)


def no_decisions() -> str:
    return _("No event was answered in this game: there is nothing to analyse.")


def player_state(rules: Rules) -> str:
    return capital(the_name(rules.scenario.player))
