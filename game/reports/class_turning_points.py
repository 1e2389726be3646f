"""The class's turning points (``compare --analysis``): every game analysed, then the turning
points most of the class shared and the decisions where the class split, each with a
question for the debrief that points to its history note.

Each game is analysed as ``analyse`` does (:func:`game.core.analysis.analyse_game`, seed 0,
the continuation that gives the turning points) on a pool of processes, one game per task;
a worker sends back only what the class view needs (:class:`GameTurningPoints`), and the
games are gathered in their order, so the result is the same for any number of processes.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.core.analysis import OWN, Analysis, PlayedGame, analyse_game, read_game
from game.core.policies import historical_game
from game.core.rules import Rules
from game.i18n import ngettext
from game.present import class_turning_points as say
from game.present.analysis import choice_label, event_title
from game.present.dates import event_date
from game.reports.escape import h
from game.reports.progress import ProgressBar
from game.reports.saveset import ScenarioFinder, Skipped, collect_files, open_saves

CLASS_GAMES = 100
"""Games played for each choice of each decision of each student's game (fewer than a single
game's analysis: a class has many games, and what is counted is how many share a point)."""

SPLIT_TOP_SHARE = 0.7
"""The class split at a decision when no choice was made by more than this share of the games
that answered it..."""
SPLIT_SECOND_SHARE = 0.2
"""...and a second choice by at least this share."""

MOST_SHOWN = 5


@dataclass(frozen=True, slots=True)
class GameTurningPoints:
    """What the class view keeps of one game's analysis (small, to cross processes)."""

    turning: tuple[tuple[str, str, str, bool, float], ...]
    """Each turning point: (event, choice made, best other choice, for the better, size)."""
    means: tuple[tuple[str, str, float], ...]
    """Each choice of each answer: (event, choice, expected final score)."""
    answers: tuple[tuple[str, str], ...]
    """Each answer: (event, choice)."""


def game_turning_points(analysis: Analysis) -> GameTurningPoints:
    turning = []
    for tp in analysis.turning_points:
        da = analysis.decisions[tp.decision]
        est = da.under(tp.continuation)
        turning.append((da.decision.event, da.decision.chosen, est.best_other, tp.better,
                        abs(tp.swing.mean)))
    means = tuple((da.decision.event, c.choice, c.estimate.mean)
                  for da in analysis.decisions for c in da.under(analysis.primary).choices)
    answers = tuple((da.decision.event, da.decision.chosen) for da in analysis.decisions)
    return GameTurningPoints(tuple(turning), means, answers)


# -- playing the analyses -------------------------------------------------------------------


@dataclass(frozen=True)
class ClassJob:
    """One game to analyse, as a worker process rebuilds it."""

    scenario_path: str
    digest: str
    seed: int
    moves: tuple[str, ...]


_PREPARED: dict[ClassJob, PlayedGame] = {}
_LOADED: dict[str, Rules] = {}


def _analyse_one(task: tuple[ClassJob, int]) -> GameTurningPoints:
    job, games = task
    game = _PREPARED.get(job)
    if game is None:  # a spawned process: rebuild the game from the scenario file
        rules = _LOADED.get(job.scenario_path)
        if rules is None:
            from game.scenario.loader import load_scenario

            rules = _LOADED[job.scenario_path] = load_scenario(job.scenario_path).rules
        if rules.digest != job.digest:
            raise RuntimeError(f"{job.scenario_path}: the scenario changed during the analysis")
        game = read_game(rules, job.seed, job.moves)
    return game_turning_points(analyse_game(game, games, 0, (OWN,)))


def analyse_class(games: Sequence[PlayedGame], scenario_path: str, per_choice: int = CLASS_GAMES,
                  jobs: int = 1, progress: Callable[[int], None] | None = None,
                  ) -> list[GameTurningPoints]:
    """Analyse every game (in order) on ``jobs`` processes; ``progress`` gets the number of
    games analysed so far."""
    tasks = [(ClassJob(scenario_path, g.rules.digest, g.seed, g.moves), per_choice)
             for g in games]
    jobs = max(1, min(jobs, len(tasks), os.cpu_count() or 1))
    if not scenario_path:
        jobs = 1
    out: list[GameTurningPoints] = []
    for (job, _n), game in zip(tasks, games, strict=True):
        _PREPARED[job] = game
    try:
        if jobs == 1:
            for task in tasks:
                out.append(_analyse_one(task))
                if progress:
                    progress(len(out))
            return out
        with multiprocessing.get_context().Pool(jobs) as pool:
            for result in pool.imap(_analyse_one, tasks):
                out.append(result)
                if progress:
                    progress(len(out))
    finally:
        for job, _n in tasks:
            _PREPARED.pop(job, None)
    return out


# -- the class's turning points ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SharedPoint:
    """A decision that was a turning point in several games."""

    date: str
    title: str
    count: int
    worse: int
    better: int
    lines: tuple[str, ...]
    question: str


@dataclass(frozen=True, slots=True)
class Split:
    """A decision where the class chose differently."""

    date: str
    title: str
    lines: tuple[str, ...]
    question: str


@dataclass(frozen=True)
class ClassTurningPoints:
    scenario_title: str
    intro: str
    shared: tuple[SharedPoint, ...]
    splits: tuple[Split, ...]
    left_out: int


def _ranked(counts: dict[str, int], rules: Rules, event: str) -> list[tuple[str, int]]:
    ev = rules.scenario.events[rules.event_index[event]]
    order = {c.id: k for k, c in enumerate(ev.choices)}
    return [(choice_label(rules, event, c), n)
            for c, n in sorted(counts.items(), key=lambda x: (-x[1], order.get(x[0], 0)))]


def class_turning_points(rules: Rules, games: Sequence[GameTurningPoints], left_out: int = 0,
                         per_choice: int = CLASS_GAMES) -> ClassTurningPoints:
    """The turning points the class shared and the decisions where it split."""
    scn = rules.scenario
    player = scn.player
    hist = historical_game(rules)
    n = len(games)
    when: dict[str, str] = {}
    fired_in = {e.index: e.turn for e in reversed(hist.log()) if e.kind == "event"}
    for compiled in rules.events:
        when[compiled.id] = event_date(rules, compiled.index, fired_in.get(
            compiled.index, max(compiled.first_turn, 0)))
    # Turning points shared.
    by_event: dict[str, list[tuple[str, str, bool, float]]] = {}
    for g in games:
        for event, made_c, best_c, for_better, size in g.turning:
            by_event.setdefault(event, []).append((made_c, best_c, for_better, size))
    least = 2 if n > 2 else 1
    order = {ev.id: k for k, ev in enumerate(rules.events)}
    shared = []
    for event, found in sorted(by_event.items(), key=lambda x: (-len(x[1]), order[x[0]])):
        if len(found) < least:
            continue
        worse = [f for f in found if not f[2]]
        better = [f for f in found if f[2]]
        title = event_title(rules, event)
        date = when[event]
        note = scn.events[rules.event_index[event]].history
        lines = []
        if worse:
            chosen: dict[str, int] = {}
            best: dict[str, int] = {}
            for c, b, _better, _size in worse:
                chosen[c] = chosen.get(c, 0) + 1
                best[b] = best.get(b, 0) + 1
            lines.append(say.worse_detail(_ranked(chosen, rules, event), _ranked(best, rules, event),
                                          sum(f[3] for f in worse) / len(worse)))
        if better:
            made: dict[str, int] = {}
            for c, _b, _better, _size in better:
                made[c] = made.get(c, 0) + 1
            lines.append(say.better_detail(_ranked(made, rules, event),
                                           sum(f[3] for f in better) / len(better)))
        historical = hist.answer(event)
        if historical:
            lines.append(say.historical_words(player, choice_label(rules, event, historical)))
        if len(worse) >= len(better):
            top_c = _ranked({c: sum(1 for f in worse if f[0] == c) for c, *_r in worse}, rules,
                            event)[0][0]
            top_b = _ranked({b: sum(1 for f in worse if f[1] == b) for _c, b, *_r in worse},
                            rules, event)[0][0]
            question = say.worse_question(player, date, len(worse), top_c, top_b, note)
        else:
            top = _ranked({c: sum(1 for f in better if f[0] == c) for c, *_r in better}, rules,
                          event)[0][0]
            question = say.better_question(player, date, len(better), top, note)
        shared.append(SharedPoint(date, title, len(found), len(worse), len(better),
                                  (say.shared_line(date, title, len(found), n, len(worse),
                                                   len(better)), *lines), question))
    # Where the class split.
    answers: dict[str, dict[str, int]] = {}
    means: dict[tuple[str, str], list[float]] = {}
    for g in games:
        for event, choice in g.answers:
            answers.setdefault(event, {})
            answers[event][choice] = answers[event].get(choice, 0) + 1
        for event, choice, mean in g.means:
            means.setdefault((event, choice), []).append(mean)
    splits = []
    for event, counts in answers.items():
        answered = sum(counts.values())
        ranked = sorted(counts.values(), reverse=True)
        if answered < 2 or len(ranked) < 2:
            continue
        if ranked[0] / answered > SPLIT_TOP_SHARE or \
                ranked[1] < max(1, math.ceil(SPLIT_SECOND_SHARE * answered)):
            continue
        title = event_title(rules, event)
        date = when[event]
        labelled = _ranked(counts, rules, event)
        model = scn.events[rules.event_index[event]]
        lines = [say.split_line(date, title, labelled, answered)]
        avg = [(c.label, sum(v) / len(v)) for c in model.choices
               if (v := means.get((event, c.id)))]
        if avg:
            lines.append(say.means_line(avg))
        historical = hist.answer(event)
        if historical:
            lines.append(say.historical_words(player, choice_label(rules, event, historical)))
        evenness = 1 - ranked[0] / answered
        splits.append((-evenness, order[event], Split(date, title, tuple(lines),
                                                      say.split_question(player, labelled,
                                                                         model.history))))
    splits.sort(key=lambda s: (s[0], s[1]))
    return ClassTurningPoints(scn.title, say.intro(n, per_choice, OWN),
                              tuple(shared[:MOST_SHOWN]),
                              tuple(s for _e, _o, s in splits[:MOST_SHOWN]), left_out)


# -- as Markdown and HTML ---------------------------------------------------------------------


def render_markdown(sections: Sequence[ClassTurningPoints], md: Callable[[str], str]) -> str:
    """The sections as Markdown (``md`` makes scenario text safe in Markdown)."""
    out: list[str] = []
    for s in sections:
        out += ["", "---", "", f"# {say.heading()}: {md(s.scenario_title)}", "", md(s.intro), ""]
        if s.left_out:
            out += [md(say.not_analysed(s.left_out)), ""]
        out += [f"## {say.shared_heading()}", ""]
        if not s.shared:
            out += [say.none_shared(), ""]
        out += _numbered(s.shared, md)
        out += [f"## {say.splits_heading()}", ""]
        if not s.splits:
            out += [say.no_splits(), ""]
        out += _numbered(s.splits, md)
    return "\n".join(out) + "\n"


def _numbered(items: Sequence[SharedPoint | Split],
              md: Callable[[str], str]) -> list[str]:
    """A numbered Markdown list of turning points or splits: the first line in bold, the
    others under it, the debrief question in italics."""
    out: list[str] = []
    for k, item in enumerate(items, 1):
        out += [f"{k}. **{md(item.lines[0])}**"]
        out += [f"   {md(line)}" for line in item.lines[1:]]
        out += [f"   _{md(item.question)}_", ""]
    return out


def render_html(sections: Sequence[ClassTurningPoints]) -> str:
    """The sections as HTML (every text escaped)."""
    out: list[str] = []
    for s in sections:
        out.append(f'<section class="turning-points"><h2>{h(say.heading())}: '
                   f"{h(s.scenario_title)}</h2><p class=note>{h(s.intro)}</p>")
        if s.left_out:
            out.append(f"<p class=note>{h(say.not_analysed(s.left_out))}</p>")
        out.append(f"<h3>{h(say.shared_heading())}</h3>")
        if not s.shared:
            out.append(f"<p>{h(say.none_shared())}</p>")
        out += _html_items(list(s.shared))
        out.append(f"<h3>{h(say.splits_heading())}</h3>")
        if not s.splits:
            out.append(f"<p>{h(say.no_splits())}</p>")
        out += _html_items(list(s.splits))
        out.append("</section>")
    return "\n".join(out)


def _html_items(items: list[SharedPoint | Split]) -> list[str]:
    if not items:
        return []
    out = ["<ol>"]
    for item in items:
        out.append(f"<li><p><strong>{h(item.lines[0])}</strong></p>"
                   + "".join(f"<p>{h(line)}</p>" for line in item.lines[1:])
                   + f'<p class="question"><em>{h(item.question)}</em></p></li>')
    out.append("</ol>")
    return out



# -- for compare ------------------------------------------------------------------------------


def played_games(paths: list[str], finder: ScenarioFinder,
                 ) -> dict[tuple[str, str], tuple[Rules, list[PlayedGame]]]:
    """The saves of ``paths`` read for analysis, grouped by scenario id and version as
    :func:`game.reports.class_games.gather` groups them (the files it skips are skipped
    here too, silently: compare has said so already)."""
    files, _skipped = collect_files(paths)
    groups: dict[tuple[str, str], tuple[Rules, list[PlayedGame]]] = {}
    for item in open_saves(files, finder):
        if isinstance(item, Skipped):
            continue
        state = item.state
        rules = state.rules
        groups.setdefault((rules.scenario.id, rules.digest), (rules, []))[1].append(
            read_game(rules, state.seed, state.moves))
    return groups


def class_sections(paths: list[str], finder: ScenarioFinder, jobs: int,
                   progress: bool = False) -> list[ClassTurningPoints]:
    """Every group's turning points (each game analysed; a progress bar on a terminal)."""
    groups = played_games(paths, finder)
    out = []
    total = sum(sum(1 for g in games if g.decisions) for _r, games in groups.values())
    bar = ProgressBar(total, ngettext("games analysed", "games analysed", total)) \
        if total and ProgressBar.wanted(progress) else None
    done = 0
    try:
        for (_id, digest), (rules, games) in groups.items():
            answered = [g for g in games if g.decisions]
            start = done

            def step(count: int, start: int = start) -> None:
                if bar:
                    bar.update(start + count)

            results = analyse_class(answered, finder.file_of(digest) or "", CLASS_GAMES, jobs,
                                    step) if answered else []
            done += len(answered)
            out.append(class_turning_points(rules, results, len(games) - len(answered)))
    finally:
        if bar:
            bar.update(bar.total)
            bar.close()
    return out


def with_class_turning_points(text: str, fmt: str, sections: Sequence[ClassTurningPoints],
                              md: Callable[[str], str]) -> str:
    """The compare output with the class's turning points: at the end of the Markdown, before
    the HTML's footer."""
    if fmt == "html":
        section = render_html(sections)
        at = text.rfind("<footer>")
        return text[:at] + section + "\n" + text[at:] if at >= 0 else text + section
    return text + render_markdown(sections, md)
