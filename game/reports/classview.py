"""The class at a glance: many saved games of one scenario, side by side with history.

:func:`game_facts` boils each replayed save down to what is shown; :func:`class_view`
takes those of one scenario and returns how many
reached each ending, what the class chose at each decision beside what the
player's state did, the spread of each aim against its historical value, and every
student ranked by how far their game strayed from the historical path.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from game.core.engine import GameState, ending
from game.core.policies import historical_game
from game.core.rules import Rules
from game.core.scoring import aim_results, month_label, overall_score, stance
from game.i18n import _
from game.present.core_words import verdict_words
from game.present.dates import event_day, month_count_words
from game.saves import LoadedSave


@dataclass(frozen=True, slots=True)
class StudentRow:
    """One student's game in a line."""

    name: str
    file: str
    ending_id: str | None
    ending_title: str
    finished: bool
    date: str
    score: float
    final: tuple[float, ...]
    vs_history: tuple[float, ...]
    """Each aim at the end minus its historical value at the same turn."""
    distance: float
    """Mean distance from the historical path over the turns played, in points out of 100."""
    same_decisions: int
    decisions: int
    lean: float
    reading: str
    verdict: str
    """Where the policy stands between the readings, in words ("leans towards ...")."""
    choices: tuple[str, ...]
    """What the student did at each of the class view's decisions (same order)."""


@dataclass(frozen=True, slots=True)
class OptionCount:
    label: str
    games: int
    historical: bool


@dataclass(frozen=True, slots=True)
class DecisionTally:
    """One decision: how many of the class chose each option, and what the player's state
    did in history."""

    kind: str  # "action" or "event"
    id: str
    title: str
    date: str
    options: tuple[OptionCount, ...]
    history: str


@dataclass(frozen=True, slots=True)
class AimSpread:
    id: str
    name: str
    min: float
    median: float
    max: float
    history: float
    above: int
    """Games that ended above the historical value."""
    games: int


@dataclass(frozen=True, slots=True)
class EndingTally:
    id: str
    title: str
    games: int
    historical: bool


@dataclass(frozen=True)
class ClassView:
    scenario_id: str
    scenario_title: str
    games: int
    finished: int
    endings: tuple[EndingTally, ...]
    unfinished: int
    decisions: tuple[DecisionTally, ...]
    aims: tuple[AimSpread, ...]
    aims_over_unfinished: bool
    """True when no game is finished and the spread is of the turns each game reached."""
    students: tuple[StudentRow, ...]
    """Closest to history first."""
    aim_ids: tuple[str, ...]
    aim_names: tuple[str, ...]
    anonymised: bool
    version: str = ""
    """Which version of the scenario, when the saves are of several versions of one id
    (e.g. "version 3f2a9c1e, scenarios/mini.yaml"); empty otherwise."""
    player: str = ""
    """The state the player leads, as the scenario names it (its ``player``)."""
    language: str = "en"
    """The language of the scenario's own texts (its ``language``)."""


def distance_from_history(state: GameState, hist: GameState) -> float:
    """Mean over the turns played of the weighted distance of the aims from history, 0-100."""
    rules = state.rules
    traj = state.trajectory
    if not traj:
        return 0.0
    weights = [a.weight for a in rules.scenario.aims]
    total_w = sum(weights) or 1.0
    # One factor per aim: its weight over its span (a plain loop: this runs for every save).
    factors = [w / (hi - lo) for w, lo, hi in zip(weights, rules.aim_min, rules.aim_max,
                                                  strict=True)]
    h_traj = hist.trajectory or (rules.aim_start,)
    last = len(h_traj) - 1
    aims = range(len(factors))
    total = 0.0
    for t, values in enumerate(traj):
        theirs = h_traj[t if t < last else last]
        for i in aims:
            d = values[i] - theirs[i]
            total += factors[i] * (d if d >= 0 else -d)
    return round(100 * total / (total_w * len(traj)), 2)


class _Played(Protocol):
    """A finished or saved game as far as its decisions go (a state, or its facts)."""

    @property
    def actions_taken(self) -> frozenset[str]: ...
    @property
    def events_fired(self) -> frozenset[str]: ...
    @property
    def answers(self) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class _Decided:
    """A state's decisions, asked of the engine once."""

    actions_taken: frozenset[str]
    events_fired: frozenset[str]
    answers: dict[str, str]


def _decided(state: GameState) -> _Decided:
    return _Decided(frozenset(state.actions_taken()), frozenset(state.events_fired()),
                    state.answers())


def _decisions(rules: Rules, states: Sequence[_Played],
               hist_state: GameState) -> list[tuple[DecisionTally, list[str]]]:
    """Each decision the class or history made, with every student's answer to it."""
    scn = rules.scenario
    out: list[tuple[int, str, DecisionTally, list[str]]] = []
    hist = _decided(hist_state)
    took_any: set[str] = set(hist.actions_taken)
    fired_any: set[str] = set(hist.events_fired)
    for s in states:
        took_any |= s.actions_taken
        fired_any |= s.events_fired
    hist_turns: dict[int, int] = {}
    for entry in hist_state.log():
        if entry.kind == "action" and entry.index not in hist_turns:
            hist_turns[entry.index] = entry.turn
    took_it, did_not = _("took it"), _("did not")
    not_answered, not_happened = _("not answered"), _("did not happen")
    for a in rules.actions:
        if a.id not in took_any:
            continue
        answers = [took_it if a.id in s.actions_taken else did_not for s in states]
        took = answers.count(took_it)
        in_history = a.id in hist.actions_taken
        turn = hist_turns.get(a.index, max(a.first_turn, 0))
        # TRANSLATORS: an action the state took in history, and when ("took it (1930-04)").
        history = _("took it ({date})").format(date=month_label(rules, turn)) if in_history \
            else did_not
        tally = DecisionTally("action", a.id, scn.actions[a.index].name, month_label(rules, turn),
                              (OptionCount(took_it, took, in_history),
                               OptionCount(did_not, len(states) - took, not in_history)),
                              history)
        out.append((turn, "b", tally, answers))
    for ev in rules.events:
        if not ev.choices or ev.id not in fired_any:
            continue
        model = scn.events[ev.index]
        labels = {c.id: c.label for c in model.choices}
        answers = []
        for s in states:
            c = s.answers.get(ev.id)
            if c is not None:
                answers.append(labels[c])
            elif ev.id in s.events_fired:
                answers.append(not_answered)
            else:
                answers.append(not_happened)
        hc = hist.answers.get(ev.id)
        history = labels[hc] if hc is not None else not_happened
        options = [OptionCount(c.label, answers.count(c.label), c.id == hc)
                   for c in model.choices]
        for extra in (not_answered, not_happened):
            if extra in answers:
                options.append(OptionCount(extra, answers.count(extra), False))
        turn = max(ev.first_turn, 0)
        tally = DecisionTally("event", ev.id, model.title, event_day(rules, ev.index, turn),
                              tuple(options), history)
        out.append((turn, "a", tally, answers))
    out.sort(key=lambda x: (x[0], x[1], x[2].id))
    return [(tally, answers) for _, _, tally, answers in out]


@dataclass(frozen=True, slots=True)
class GameFacts:
    """What the class view needs of one saved game, kept instead of its whole state.

    A replayed state holds its full log; keeping hundreds of them would cost
    more than replaying them, so each save is boiled down as soon as it is
    replayed.
    """

    name: str
    file: str
    digest: str
    """The digest of the rules the game was replayed on: its ending and choices are ids of
    that version of the scenario only."""
    ending: str | None
    """The id of the game's ending; None while it goes on."""
    date: str
    aims: tuple[float, ...]
    vs_history: tuple[float, ...]
    distance: float
    score: float
    actions_taken: frozenset[str]
    events_fired: frozenset[str]
    answers: dict[str, str]
    """Event id -> choice id of every event answered."""
    lean: float
    reading: str
    verdict: str


def game_facts(game: LoadedSave) -> GameFacts:
    """Boil a replayed save down to what the class view shows."""
    state = game.state
    rules = state.rules
    hist = historical_game(rules)
    st = stance(state)
    return GameFacts(
        name=game.data.player or _stem(game.path), file=game.path, digest=rules.digest,
        ending=ending(state), date=month_count_words(state.month),
        aims=tuple(round(v, 2) for v in state.aims),
        vs_history=tuple(a.difference for a in aim_results(state)),
        distance=distance_from_history(state, hist), score=overall_score(state),
        actions_taken=frozenset(state.actions_taken()),
        events_fired=frozenset(state.events_fired()), answers=state.answers(), lean=st.lean,
        reading=st.reading_name, verdict=verdict_words(st.verdict))


def class_view(rules: Rules, games: Sequence[GameFacts], anonymise: bool = False,
               version: str = "") -> ClassView:
    """Put the saved games of one scenario side by side. ``games`` must not be empty, and
    every one must have been replayed on ``rules`` (a game of another version of the scenario
    would show the wrong endings and choices: ValueError)."""
    if not games:
        raise ValueError("no games to compare")
    other = [g.file for g in games if g.digest != rules.digest]
    if other:
        raise ValueError(f"{other[0]}: replayed on another version of scenario "
                         f"'{rules.scenario.id}'; compare each version on its own")
    scn = rules.scenario
    hist = historical_game(rules)
    decisions = _decisions(rules, games, hist)
    rows = []
    for n, game in enumerate(games):
        name, file = (_("Student {number}").format(number=n + 1), "") if anonymise \
            else (game.name, game.file)
        finished = game.ending is not None
        end = next((e for e in scn.endings if e.id == game.ending), None)
        same = total = 0
        for tally, answers in decisions:
            total += 1
            if tally.kind == "action":  # options: took it (historical if history did), did not
                same += (answers[n] == tally.options[0].label) == tally.options[0].historical
            else:
                same += answers[n] == tally.history
        rows.append(StudentRow(
            name=name, file=file, ending_id=end.id if end else None,
            ending_title=end.title if end else _("not finished ({date})").format(date=game.date),
            finished=finished, date=game.date, score=game.score, final=game.aims,
            vs_history=game.vs_history, distance=game.distance, same_decisions=same,
            decisions=total, lean=game.lean, reading=game.reading, verdict=game.verdict,
            choices=tuple(answers[n] for _, answers in decisions)))
    order = {id(r): k for k, r in enumerate(rows)}
    rows.sort(key=lambda r: (r.distance, order[id(r)]))
    ending_counts = {e.id: 0 for e in scn.endings}
    for g in games:
        if g.ending is not None:
            ending_counts[g.ending] += 1
    hist_ending = ending(hist)
    endings = tuple(EndingTally(e.id, e.title, ending_counts[e.id], e.id == hist_ending)
                    for e in scn.endings)
    done = [g for g in games if g.ending is not None]
    pool = done or list(games)
    aims = []
    for i, aim in enumerate(scn.aims):
        values = sorted(g.aims[i] for g in pool)
        h_value = hist.aims[i]
        aims.append(AimSpread(aim.id, aim.name, round(values[0], 2),
                              round(statistics.median(values), 2), round(values[-1], 2),
                              round(h_value, 2), sum(1 for v in values if v > h_value),
                              len(values)))
    return ClassView(scn.id, scn.title, len(games), len(done), endings,
                     len(games) - len(done), tuple(t for t, _ in decisions), tuple(aims),
                     not done, tuple(rows), rules.aim_ids, tuple(a.name for a in scn.aims),
                     anonymise, version, scn.player, scn.language)


def _stem(path: str) -> str:
    from pathlib import Path

    return Path(path).name.removesuffix(".json").removesuffix(".save")
