"""The end report of one game as data: the one model that the end screen and the HTML,
Markdown, CSV and JSON writers lay out.

Built from a game with :func:`game.core.scoring.summarize`, plus what the
summary leaves out: the aims turn by turn beside the historical path, the
history notes behind each decision, every event of the game (and of history)
with its note, the readings with their historians, and the scenario's sources.
The sentences about it are in :mod:`game.present.report_text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import GameState, ending, ending_causes, is_over
from game.core.policies import historical_game
from game.core.rules import EffectInfo, Rules
from game.core.scenario import HistoryNote, Reading, Source
from game.core.scoring import CHOICE_WEIGHT, DecisionRow, Summary, month_label, summarize
from game.i18n import _
from game.present.core_words import outcome_words
from game.present.dates import event_day, event_order, month_count_words
from game.present.history_note import verdict_word
from game.present.news import answer_index, gamble_odds, outcome_text, power_name
from game.present.player import has_essay
from game.saves import LoadedSave


@dataclass(frozen=True, slots=True)
class TurnRow:
    """The aims at the end of one turn, the player's and the historical path's."""

    turn: int
    """1 for the first turn."""
    date: str
    """First month of the turn, ``"YYYY-MM"``."""
    aims: tuple[float, ...]
    history: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """A row of the decision table with the history note behind it (if the scenario has one)."""

    row: DecisionRow
    note: HistoryNote | None
    points: float = 0.0
    """How far the player's choice moved the aims from where history's moved them: the
    immediate effects only, each aim weighted as in the score, in points out of 100."""
    lean: float = 0.0
    """The player's choice's lean minus history's (-2 to +2; 0 if they chose alike)."""
    stake: float = 0.0
    """How much the decision could matter: the :attr:`weight` of its two most different
    options."""
    date: str = ""
    """When it was made, as the scenario writes dates: an event's own date when the scenario
    gives one (``"1941-06-22"``), else the first month of its turn (``"YYYY-MM"``)."""
    outcome: str = ""
    """How the player's gamble came out, if the answer was one: the scenario's sentence."""
    history_outcome: str = ""
    """How history's gamble came out, if its answer was one."""

    @property
    def when(self) -> str:
        """:attr:`date`, or the row's month when it was not given."""
        return self.date or self.row.date

    @property
    def weight(self) -> float:
        """How much the player's choice against history's mattered, in one number: the
        points, plus ten per unit of lean as the policy counts it (an answer to an event
        weighs :data:`game.core.scoring.CHOICE_WEIGHT` times an action)."""
        return decision_weight(self.row.kind, self.points, self.lean)

    @property
    def verdict_text(self) -> str:
        return verdict_word(self.row.verdict)

    @property
    def player_text(self) -> str:
        """What the player did, in words (``taken 1930-04``, ``not taken``, an answer)."""
        return outcome_words(self.row.player)

    @property
    def history_text(self) -> str:
        """What the player's state did in history, in words."""
        return outcome_words(self.row.history)


def decision_weight(kind: str, points: float, lean: float) -> float:
    """See :attr:`Decision.weight`."""
    return points + 10 * abs(lean) * (CHOICE_WEIGHT if kind == "event" else 1.0)


def _aim_vector(rules: Rules, effects: tuple[EffectInfo, ...]) -> list[float]:
    """What effects add to each aim at once, in points of the score (weighted, out of 100)."""
    weights = [a.weight for a in rules.scenario.aims]
    total = sum(weights) or 1.0
    out = [0.0] * len(weights)
    for e in effects:
        if e.kind == "aim" and e.add is not None:
            target = rules.aim_index[e.target]
            span = (rules.aim_max[target] - rules.aim_min[target]) or 1.0
            out[target] += 100 * weights[target] * e.add / span / total
    return out


def _apart(a: list[float], b: list[float]) -> float:
    return round(sum(abs(x - y) for x, y in zip(a, b, strict=True)), 2)


def _weighed(rules: Rules, row: DecisionRow, state: GameState, hist: GameState,
             ) -> tuple[float, float, float]:
    """(points, lean, stake) of a decision row: see :class:`Decision`."""
    if row.kind == "action":
        action = rules.actions[rules.action_index[row.id]]
        effect = _aim_vector(rules, rules.action_effects(row.id))
        zero = [0.0] * len(effect)
        stake_points = _apart(effect, zero)
        stake = decision_weight("action", stake_points, action.stance_lean)
        if row.same:
            return 0.0, 0.0, stake
        took = row.player != "not taken"
        return stake_points, action.stance_lean if took else -action.stance_lean, stake
    index = rules.event_index[row.id]
    ev = rules.events[index]
    vectors = [_aim_vector(rules, rules.choice_effects(ev.id, c.id)) for c in ev.choices]
    stake = max((decision_weight("event", _apart(vectors[i], vectors[j]),
                                 ev.choices[i].stance_lean - ev.choices[j].stance_lean)
                 for i in range(len(vectors)) for j in range(i + 1, len(vectors))),
                default=0.0)
    ids = [c.id for c in ev.choices]
    mine_id, theirs_id = state.answer(ev.id), hist.answer(ev.id)
    if mine_id is None or theirs_id is None or mine_id == theirs_id:
        return 0.0, 0.0, stake
    mine, theirs = ids.index(mine_id), ids.index(theirs_id)
    return (_apart(vectors[mine], vectors[theirs]),
            round(ev.choices[mine].stance_lean - ev.choices[theirs].stance_lean, 3), stake)


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event that happened in the player's game, on the historical path, or in both."""

    turn: int
    """The turn it happened (in the player's game if it did, else on the historical path)."""
    date: str
    """Its own date when the scenario gives one (``"1941-06-22"``, ``"1939-09"``), else the
    first month of that turn (``"YYYY-MM"``)."""
    id: str
    title: str
    text: str
    """What the game told the player: the variant of its text told in this game (for an event
    only on the historical path, the one told there)."""
    in_game: bool
    in_history: bool
    """It happened on the historical path played through the same rules."""
    history_date: str
    """When it happened on the historical path, as :attr:`date` ("" if it did not)."""
    after_end: bool
    """Only in history, and after the player's game had ended."""
    choice: str
    """The player's answer, if the event asked for one ("" otherwise)."""
    history_choice: str
    """The answer of the player's state in history, if the event asked for one and happened."""
    note: HistoryNote | None
    power: str = ""
    """The power whose move it is (its ``by``), by name; "" for an event that is nobody's."""
    outcome: str = ""
    """How the player's gamble on it came out (the scenario's sentence), if there was one."""
    odds: float | None = None
    """The chance that outcome had when it was drawn, if known."""
    history_outcome: str = ""
    """How history's gamble on it came out, if there was one."""

    @property
    def status(self) -> str:
        """``"both"``, ``"game_only"`` (did not happen in history) or ``"history_only"``."""
        if self.in_game:
            return "both" if self.in_history else "game_only"
        return "history_only"

    @property
    def verdict_text(self) -> str:
        return verdict_word(self.note.verdict) if self.note else ""


@dataclass(frozen=True, slots=True)
class PolicyPeriod:
    """A stretch of turns during which a standing policy kept one option, and what its
    effects added up to."""

    option: str
    start: str
    """The first month of its first turn, ``"YYYY-MM"``."""
    end: str
    """The last month of its last turn, ``"YYYY-MM"``."""
    turns: int
    effects: tuple[tuple[str, float], ...]
    """(aim name, total change) for each aim its per-turn effects moved, in the scenario's
    order."""


@dataclass(frozen=True, slots=True)
class PolicyRow:
    """A standing policy over the game: the player's options, stretch by stretch, beside
    history's."""

    id: str
    name: str
    mine: tuple[PolicyPeriod, ...]
    history: tuple[PolicyPeriod, ...]

    @property
    def same(self) -> bool:
        """The player kept the same options as history, on the same turns."""
        return ([(p.option, p.start, p.end) for p in self.mine]
                == [(p.option, p.start, p.end) for p in self.history])


@dataclass(frozen=True)
class EndReport:
    """Everything the end report shows about one game."""

    save_path: str
    player: str
    saved_at: float
    seed: int
    scenario_id: str
    scenario_title: str
    scenario_author: str
    scenario_file: str
    player_state: str
    """The state the player leads, as the scenario names it."""
    finished: bool
    date: str
    """The date the game reached, as a reader writes it."""
    summary: Summary
    historical_ending_title: str
    aim_ids: tuple[str, ...]
    aim_names: tuple[str, ...]
    aim_ranges: tuple[tuple[float, float], ...]
    aim_weights: tuple[float, ...]
    turns: tuple[TurnRow, ...]
    decisions: tuple[Decision, ...]
    events: tuple[EventRow, ...]
    """Every event of the player's game and of the historical path, by date."""
    readings: tuple[Reading, ...]
    sources: tuple[Source, ...]
    warnings: tuple[str, ...]
    has_essay: bool
    """The scenario is built on an essay (its notes give verdicts or corrections)."""
    scenario_language: str = "en"
    """The language the scenario's own texts are written in (its ``language``)."""
    ending_causes: tuple[str, ...] = ()
    """The causes the ending names that happened in this game (none while it goes on)."""
    policies: tuple[PolicyRow, ...] = ()
    """The standing policies, the player's beside history's (empty for a scenario without
    any)."""

    @property
    def title(self) -> str:
        if not self.player:
            return self.scenario_title
        # TRANSLATORS: the report's title: the player's name and the scenario's title.
        return _("{player}: {title}").format(player=self.player, title=self.scenario_title)


def _told(state: GameState, index: int) -> str:
    """The text of an event as ``state``'s game told it."""
    ev = state.rules.scenario.events[index]
    k = state.variant_told(ev.id)
    return ev.variants[k].text if 0 <= k < len(ev.variants) else ev.text


def _gamble(state: GameState, index: int) -> tuple[str, float | None]:
    """How ``state``'s gamble on an event came out (the scenario's sentence) and the chance
    it had, or ("", None)."""
    ev = state.rules.scenario.events[index]
    drawn = state.outcome(ev.id)
    if drawn is None:
        return "", None
    k = answer_index(state, index)
    outcomes = ev.choices[k].outcomes
    m = next((i for i, o in enumerate(outcomes) if o.id == drawn), -1)
    turn = next((e.turn for e in state.iter_log_reversed()
                 if e.kind == "outcome" and e.index == index), -1)
    return outcome_text(state.rules, index, k, m), gamble_odds(state, turn, index)


def _event_rows(state: GameState, hist: GameState) -> tuple[EventRow, ...]:
    """Every event that fired in the game or on the historical path, by date (within a turn,
    in the order they fired). For a game not yet finished, history's events after the turn it
    reached are left out (they may come)."""
    rules = state.rules
    scn = rules.scenario
    mine = {e.index: e.turn for e in state.log() if e.kind == "event"}
    theirs = {e.index: e.turn for e in hist.log() if e.kind == "event"}
    finished = is_over(state)
    rows = []
    for index, ev in enumerate(scn.events):
        if index not in mine and index not in theirs:
            continue
        in_game = index in mine
        if not in_game and not finished and theirs[index] > state.turn:
            continue
        turn = mine[index] if in_game else theirs[index]
        labels = {c.id: c.label for c in ev.choices}
        mc = state.answer(ev.id)
        hc = hist.answer(ev.id) if index in theirs else None
        choice = ""
        if ev.choices and in_game:
            choice = labels[mc] if mc is not None else _("not answered yet")
        outcome, odds = _gamble(state, index) if in_game else ("", None)
        rows.append(EventRow(
            turn=turn, date=event_day(rules, index, turn), id=ev.id, title=ev.title,
            text=_told(state if in_game else hist, index),
            in_game=in_game, in_history=index in theirs,
            history_date=event_day(rules, index, theirs[index]) if index in theirs else "",
            after_end=not in_game and finished and theirs[index] > state.turn,
            choice=choice, history_choice=labels[hc] if hc is not None else "",
            note=ev.history, power=power_name(rules, index), outcome=outcome, odds=odds,
            history_outcome=_gamble(hist, index)[0] if index in theirs else ""))
    rows.sort(key=lambda r: (r.turn, event_order(rules, rules.event_index[r.id], r.turn),
                             rules.event_index[r.id]))
    return tuple(rows)


def _periods(state: GameState, policy: int) -> tuple[PolicyPeriod, ...]:
    """A standing policy's options over the turns played, stretch by stretch."""
    rules = state.rules
    scn = rules.scenario
    pol = scn.policies[policy]
    last = min(state.turn, rules.turns - 1)
    chosen = [rules.policy_start[policy]] * (last + 1)
    added: list[dict[int, float]] = [{} for _ in range(last + 1)]
    for e in state.log():
        if e.index != policy or e.turn > last:
            continue
        if e.kind == "policy_set":
            for t in range(e.turn, last + 1):
                chosen[t] = e.choice
        elif e.kind == "policy":
            for what, i, delta in e.changes:
                if what == "aim":
                    added[e.turn][i] = added[e.turn].get(i, 0.0) + delta
    out = []
    start = 0
    for t in range(1, last + 2):
        if t <= last and chosen[t] == chosen[start]:
            continue
        totals: dict[int, float] = {}
        for k in range(start, t):
            for i, d in added[k].items():
                totals[i] = totals.get(i, 0.0) + d
        first = rules.month_of_turn(start)
        end = rules.month_of_turn(t - 1) + rules.months_per_turn - 1
        option = chosen[start]
        out.append(PolicyPeriod(
            pol.options[option].name if 0 <= option < len(pol.options) else "?",
            f"{first // 12:04d}-{first % 12 + 1:02d}", f"{end // 12:04d}-{end % 12 + 1:02d}",
            t - start, tuple((scn.aims[i].name, round(d, 3)) for i, d in sorted(totals.items())
                             if round(d, 3))))
        start = t
    return tuple(out)


def _policy_rows(state: GameState, hist: GameState) -> tuple[PolicyRow, ...]:
    scn = state.rules.scenario
    return tuple(PolicyRow(p.id, p.name, _periods(state, k), _periods(hist, k))
                 for k, p in enumerate(scn.policies))


def _decision(rules: Rules, row: DecisionRow, note: HistoryNote | None,
              weighed: tuple[float, float, float], state: GameState,
              hist: GameState) -> Decision:
    if row.kind != "event":
        return Decision(row, note, *weighed, date=row.date)
    index = rules.event_index[row.id]
    mine = _gamble(state, index)[0]
    theirs = _gamble(hist, index)[0]
    return Decision(row, note, *weighed, date=event_day(rules, index, row.turn), outcome=mine,
                    history_outcome=theirs)


def _order(rules: Rules, d: Decision) -> tuple[int, int]:
    """Where a decision comes in its turn: an answer where its event came."""
    if d.row.kind != "event":
        return (0, 0)
    return event_order(rules, rules.event_index[d.row.id], d.row.turn)


def build_report(game: LoadedSave, scenario_file: str = "") -> EndReport:
    """Gather the end report of a replayed save."""
    return report_of_state(game.state, player=game.data.player, save_path=game.path,
                           saved_at=game.data.saved_at, scenario_file=scenario_file,
                           warnings=tuple(game.warnings))


def report_of_state(state: GameState, *, player: str = "", save_path: str = "",
                    saved_at: float = 0.0, scenario_file: str = "",
                    warnings: tuple[str, ...] = ()) -> EndReport:
    """Gather the end report of a game (the screen's, before it is saved)."""
    rules = state.rules
    scn = rules.scenario
    hist = historical_game(rules)
    h_traj = hist.trajectory or (rules.aim_start,)
    turns = tuple(TurnRow(t + 1, month_label(rules, t), values,
                          h_traj[min(t, len(h_traj) - 1)])
                  for t, values in enumerate(state.trajectory))
    summary = summarize(state)
    decisions = []
    for row in summary.decisions:
        if row.kind == "action":
            note = scn.actions[rules.action_index[row.id]].history
        else:
            note = scn.events[rules.event_index[row.id]].history
        decisions.append(_decision(rules, row, note, _weighed(rules, row, state, hist), state,
                                   hist))
    # By date: within a turn the answers in the order their events came, then the actions.
    decisions.sort(key=lambda d: (d.row.turn, d.row.kind != "event", _order(rules, d), d.row.id))
    end = next((e for e in scn.endings if e.id == ending(state)), None)
    causes = tuple(end.causes[k].text for k in ending_causes(state)
                   if k < len(end.causes)) if end is not None else ()
    return EndReport(
        save_path=save_path, player=player, saved_at=saved_at,
        seed=state.seed, scenario_id=scn.id, scenario_title=scn.title,
        scenario_author=scn.author, scenario_file=scenario_file, player_state=scn.player,
        finished=is_over(state), date=month_count_words(state.month), summary=summary,
        historical_ending_title=next((e.title for e in scn.endings if e.id == ending(hist)),
                                     ""),
        aim_ids=rules.aim_ids, aim_names=tuple(a.name for a in scn.aims),
        aim_ranges=tuple(zip(rules.aim_min, rules.aim_max, strict=True)),
        aim_weights=tuple(a.weight for a in scn.aims), turns=turns,
        decisions=tuple(decisions), events=_event_rows(state, hist),
        readings=tuple(scn.readings), sources=tuple(scn.sources),
        warnings=warnings, has_essay=has_essay(scn), scenario_language=scn.language,
        ending_causes=causes, policies=_policy_rows(state, hist))
