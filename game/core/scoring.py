"""Scoring a game against history, and the summary the end report shows.

The historical path played through the same rules gives the historical value
of every aim on every turn. A game is compared with it aim by aim (at the end
and turn by turn); its decisions are set beside the USSR's; the stances of
its decisions place its policy between the historians' readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.core.engine import GameState, is_over
from game.core.policies import historical_game
from game.core.rules import Rules


@dataclass(frozen=True, slots=True)
class AimResult:
    """One aim at the end of a game, against its historical value."""

    id: str
    name: str
    final: float
    historical: float
    difference: float
    mean_gap: float
    """Mean over the turns played of (player's value - historical value)."""


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One line of the decision table: what the player did beside what the USSR did."""

    turn: int
    date: str
    kind: str  # "action" or "event"
    id: str
    title: str
    player: str
    history: str
    same: bool
    verdict: str
    correction: str
    source: str


@dataclass(frozen=True, slots=True)
class Stance:
    """Where a policy stands on the axis from security-seeking (-1) to expansionist (+1)."""

    lean: float
    decisions: int
    reading_id: str
    reading_name: str
    verdict: str = ""
    """The placement in words: "between the two readings", "closest to ..." (a middle
    reading), "leans towards ...", "clearly ..."."""
    moved_by: tuple[tuple[str, float], ...] = ()
    """The decisions that pulled hardest, with their stances' leans (strongest first)."""


@dataclass(frozen=True, slots=True)
class Summary:
    ending_id: str | None
    ending_title: str
    ending_text: str
    historical_ending_id: str | None
    aims: tuple[AimResult, ...]
    score: float
    historical_score: float
    decisions: tuple[DecisionRow, ...]
    stance: Stance
    historical_stance: Stance
    turns_played: int


def answer_repeats_question(title: str, label: str) -> bool:
    """True when an event's answer says all its title says ("Renew the treaty with Germany?"
    answered "Renew the treaty with Germany"): then the answer is shown alone, not joined to
    the title ("Renew the treaty with Germany?: Renew the treaty with Germany")."""
    t = re.findall(r"\w+", title.casefold())
    c = re.findall(r"\w+", label.casefold())
    if not t or not c:
        return False
    if c[:len(t)] == t:
        return True
    words = set(c)
    return title.rstrip().endswith("?") and sum(w in words for w in t) >= 0.75 * len(t)


def decision_label(title: str, label: str) -> str:
    """An event and the answer chosen, in a few words: "Title: answer" ("Question? Answer"
    after a title that asks), or the answer alone when it repeats the title."""
    if answer_repeats_question(title, label):
        return label
    return f"{title} {label}" if title.endswith(("?", "!")) else f"{title}: {label}"


def month_label(rules: Rules, turn: int) -> str:
    m = rules.month_of_turn(turn)
    return f"{m // 12}-{m % 12 + 1:02d}"


def overall_score(state: GameState) -> float:
    """Score 0-100: the aims' weighted, normalised values, half at the end, half over the game."""
    rules = state.rules
    aims = rules.scenario.aims
    weights = [a.weight for a in aims]
    total_w = sum(weights) or 1.0
    spans = [rules.aim_max[i] - rules.aim_min[i] for i in range(len(aims))]

    def norm(values: tuple[float, ...]) -> float:
        return sum(w * (v - lo) / span for w, v, lo, span
                   in zip(weights, values, rules.aim_min, spans, strict=True)) / total_w

    traj = state.trajectory or (state.aims,)
    final = norm(state.aims)
    mean = sum(norm(t) for t in traj) / len(traj)
    return round(100 * (final + mean) / 2, 2)


def aim_results(state: GameState) -> tuple[AimResult, ...]:
    """Return each aim's final value against history, and the mean gap over the turns played."""
    rules = state.rules
    hist = historical_game(rules)
    out = []
    n = len(state.trajectory)
    h_traj = hist.trajectory
    for i, aim in enumerate(rules.scenario.aims):
        if is_over(state):
            h_final = hist.aims[i]
        elif n:
            h_final = h_traj[min(n, len(h_traj)) - 1][i]
        else:
            h_final = rules.aim_start[i]
        gaps = [state.trajectory[t][i] - h_traj[min(t, len(h_traj) - 1)][i] for t in range(n)]
        mean_gap = sum(gaps) / n if n else 0.0
        out.append(AimResult(aim.id, aim.name, round(state.aims[i], 2), round(h_final, 2),
                             round(state.aims[i] - h_final, 2), round(mean_gap, 2)))
    return tuple(out)


def _taken_turns(state: GameState) -> dict[int, int]:
    """Action index -> first turn the action was taken."""
    out: dict[int, int] = {}
    for entry in state.log():
        if entry.kind == "action" and entry.index not in out:
            out[entry.index] = entry.turn
    return out


def _event_turns(state: GameState) -> dict[int, int]:
    return {e.index: e.turn for e in state.log() if e.kind == "event"}


def decision_rows(state: GameState) -> tuple[DecisionRow, ...]:
    """The decision table: every action and choice of the player or of history, by date."""
    rules = state.rules
    scn = rules.scenario
    hist = historical_game(rules)
    mine, theirs = _taken_turns(state), _taken_turns(hist)
    rows: list[DecisionRow] = []
    for index in sorted(set(mine) | set(theirs), key=lambda i: (min(
            mine.get(i, 10**6), theirs.get(i, 10**6)), i)):
        action = scn.actions[index]
        turn = min(mine.get(index, 10**6), theirs.get(index, 10**6))
        player = f"taken {month_label(rules, mine[index])}" if index in mine else "not taken"
        history = f"taken {month_label(rules, theirs[index])}" if index in theirs else "not taken"
        note = action.history
        rows.append(DecisionRow(turn, month_label(rules, turn), "action", action.id, action.name,
                                player, history, (index in mine) == (index in theirs),
                                note.verdict if note else "", note.correction if note else "",
                                note.source if note else ""))
    my_events, their_events = _event_turns(state), _event_turns(hist)
    for index, ev in enumerate(scn.events):
        if not ev.choices or (index not in my_events and index not in their_events):
            continue
        turn = my_events.get(index, their_events.get(index, 0))
        mc, hc = state.choices[index], hist.choices[index]
        player = ev.choices[mc].label if mc >= 0 else (
            "did not happen" if index not in my_events else "not answered")
        history = ev.choices[hc].label if hc >= 0 else "did not happen"
        note = ev.history
        rows.append(DecisionRow(turn, month_label(rules, turn), "event", ev.id, ev.title,
                                player, history, mc == hc,
                                note.verdict if note else "", note.correction if note else "",
                                note.source if note else ""))
    rows.sort(key=lambda r: (r.turn, r.kind != "event", r.id))
    return tuple(rows)


CHOICE_WEIGHT = 3.0
"""An answer to an event (the pact, the purge, the 1939 talks) weighs as much as three actions."""


def stance(state: GameState) -> Stance:
    """Place the game's decisions between the scenario's readings by their stances' leans.

    Each action counts once however often it was repeated (so routine actions do
    not drown the big decisions), and each answer to an event counts
    :data:`CHOICE_WEIGHT` times.
    """
    rules = state.rules
    scn = rules.scenario
    weighted: dict[tuple[str, int], tuple[str, float, float]] = {}
    # The raw log chain, oldest first: making LogEntry objects would cost more than the rest
    # of this (compare does it for a whole class).
    raw = []
    node = state.log_chain
    while node is not None:
        raw.append(node[0])
        node = node[1]
    for _, kind, index, choice, _ in reversed(raw):
        if kind == "action":
            weighted.setdefault(("action", index), (
                scn.actions[index].name, rules.actions[index].stance_lean, 1.0))
        elif kind == "choice":
            ev = scn.events[index]
            weighted[("choice", index)] = (
                decision_label(ev.title, ev.choices[choice].label),
                rules.events[index].choices[choice].stance_lean, CHOICE_WEIGHT)
    total = sum(w for _, _, w in weighted.values())
    lean = sum(v * w for _, v, w in weighted.values()) / total if total else 0.0
    moved = sorted(weighted.values(), key=lambda t: -abs(t[1]) * t[2])
    moved_by = tuple((label, value) for label, value, _ in moved[:4] if value)
    readings = scn.readings
    if not readings:
        return Stance(round(lean, 3), len(weighted), "", "", "", moved_by)
    closest = min(readings, key=lambda r: abs(r.lean - lean))
    low = min(r.lean for r in readings)
    high = max(r.lean for r in readings)
    middle, half = (low + high) / 2, (high - low) / 2 or 1.0
    d = (lean - middle) / half
    name = closest.name
    if name.startswith("The "):
        name = "the " + name[4:]
    if abs(d) < 0.15:
        # A scenario with a middle reading (three readings) names it; with two there is none.
        if abs(closest.lean - middle) / half < 0.5:
            verdict = f"closest to {name}"
        else:
            verdict = "between the two readings"
    elif abs(d) < 0.5:
        verdict = f"leans towards {name}"
    else:
        verdict = f"clearly supports {name}"
    return Stance(round(lean, 3), len(weighted), closest.id, closest.name, verdict, moved_by)


def summarize(state: GameState) -> Summary:
    """Return the end-of-game summary (also usable mid-game: it compares the turns played)."""
    rules = state.rules
    hist = historical_game(rules)
    ending = rules.scenario.endings[state.ending_index] if state.ending_index >= 0 else None
    h_end = rules.scenario.endings[hist.ending_index].id if hist.ending_index >= 0 else None
    return Summary(
        ending_id=ending.id if ending else None,
        ending_title=ending.title if ending else "The game goes on",
        ending_text=ending.text if ending else "",
        historical_ending_id=h_end,
        aims=aim_results(state),
        score=overall_score(state),
        historical_score=overall_score(hist),
        decisions=decision_rows(state),
        stance=stance(state),
        historical_stance=stance(hist),
        turns_played=len(state.trajectory),
    )


def historical_value(rules: Rules, aim_id: str, turn: int) -> float:
    """The historical value of an aim at the START of ``turn``: what the USSR had at the same
    point of the calendar (the end of the turn before, or the start value on turn 0)."""
    hist = historical_game(rules)
    i = rules.aim_index[aim_id]
    if turn <= 0 or not hist.trajectory:
        return rules.aim_start[i]
    return hist.trajectory[min(turn - 1, len(hist.trajectory) - 1)][i]
