"""The sentences of a game's analysis (:mod:`game.core.analysis`): what was played, the curve
of the expected score, the decisions, and the turning points with what the USSR did.

Every line is plain text; the terminal, the screens and the JSON form use the same words.
"""

from __future__ import annotations

from game.core.analysis import (
    HISTORY,
    OWN,
    START,
    Analysis,
    Decision,
    DecisionEstimate,
    Difference,
    Estimate,
    TurningPoint,
)
from game.core.rules import Rules
from game.core.scenario import Scenario
from game.core.scoring import decision_label
from game.i18n import _, ngettext
from game.present.dates import event_date, turn_date
from game.present.history_note import chose_line, essay_line
from game.present.news import odds_words
from game.present.numbers import number
from game.present.player import capital, the_name
from game.present.text import signed

CURVE_WIDTH = 40
"""Characters of the bar drawn beside each point of the curve (a score of 100 fills it)."""

ENDINGS_SHOWN = 3
"""The most likely endings named beside an estimate; the rest are counted together."""


def continuation_name(continuation: str) -> str:
    """The continuation's short name: "your own play afterwards", "history afterwards"."""
    if continuation == OWN:
        return _("your own play afterwards")
    if continuation == HISTORY:
        return _("history afterwards")
    return continuation


def continuation_meaning(continuation: str, scenario: Scenario) -> str:
    """What the continuation plays after the decision, in a sentence."""
    state = the_name(scenario.player)
    if continuation == OWN:
        return _("after the decision the game goes on as you played it: the same answer to "
                 "every event you answered, and your actions and standing policies of each "
                 "turn wherever the rules still allow them; an event you never saw gets the "
                 "answer {state} gave, and the turns after your game ended follow "
                 "history").format(state=state)
    if continuation == HISTORY:
        return _("after the decision the game goes on as {state} played it: its actions, "
                 "standing policies and answers").format(state=state)
    return continuation


def what_is_a_decision() -> str:
    """Which of the player's moves are analysed, and why not the others."""
    return _("A decision is an answer to an event. One-off actions are not weighed one by one "
             "(not taking an action has no single moment and no fixed alternatives), but each "
             "estimate starts from the state you had reached, with every action you took "
             "before it, so the curve moves with them.")


def turn_words(rules: Rules, turn: int) -> str:
    return turn_date(rules, turn)


def decision_date(rules: Rules, decision: Decision) -> str:
    """When the question was asked: the event's own date, else its turn's month."""
    return event_date(rules, rules.event_index[decision.event], decision.turn)


def choice_label(rules: Rules, event: str, choice: str) -> str:
    ev = rules.scenario.events[rules.event_index[event]]
    return next((c.label for c in ev.choices if c.id == choice), choice)


def event_title(rules: Rules, event: str) -> str:
    return rules.scenario.events[rules.event_index[event]].title


def score_words(est: Estimate) -> str:
    """``"62.1 (95%: 60.8 to 63.4)"``: an expected score and its interval."""
    return _("{score} (95%: {low} to {high})").format(
        score=number(est.mean, 1), low=number(est.low, 1), high=number(est.high, 1))


def difference_words(d: Difference) -> str:
    """``"-7.1 (95%: -8.0 to -6.2)"``: a difference of expected scores, signed."""
    return _("{difference} (95%: {low} to {high})").format(
        difference=signed(d.mean, 1), low=number(d.low, 1, signed=True),
        high=number(d.high, 1, signed=True))


def margin_words(d: Difference) -> str:
    """``"7.1 points (95%: 6.2 to 8.0)"``: the size of a difference, whichever way it goes."""
    low, high = sorted((abs(d.low), abs(d.high))) if d.low * d.high > 0 else (0.0, max(
        abs(d.low), abs(d.high)))
    return _("{size} points (95%: {low} to {high})").format(
        size=number(abs(d.mean), 1), low=number(low, 1), high=number(high, 1))


def endings_words(rules: Rules, est: Estimate, most: int = ENDINGS_SHOWN) -> str:
    """The most likely endings and their odds: ``"Hitler deterred 62%, War on two fronts
    38%"`` (the rest as "other endings 3%")."""
    titles = [e.title for e in rules.scenario.endings]
    ranked = sorted((p, -i) for i, p in enumerate(est.endings) if p > 0)
    ranked.reverse()
    parts = [_("{ending} {odds}").format(ending=titles[-i], odds=odds_words(p))
             for p, i in ranked[:most]]
    rest = sum(p for p, _i in ranked[most:])
    if rest > 0:
        parts.append(_("other endings {odds}").format(odds=odds_words(rest)))
    return ", ".join(parts)


# -- the header ---------------------------------------------------------------------------------


def header_lines(analysis: Analysis, rules: Rules, save_name: str) -> list[str]:
    """What was analysed, how, and how many games were played."""
    scn = rules.scenario
    titles = {e.id: e.title for e in scn.endings}
    n = len(analysis.decisions)
    out = [_("Analysis of {file}: {title}").format(file=save_name, title=scn.title)]
    out.append(_("Your game: score {score}, ending: {ending}. The historical path: score "
                 "{history}, ending: {history_ending}.").format(
        score=number(analysis.final_score, 1),
        ending=titles.get(analysis.final_ending or "", _("the game goes on")),
        history=number(analysis.history_score, 1),
        history_ending=titles.get(analysis.history_ending or "", _("the game goes on"))))
    out.append(ngettext(
        "Played: {games} games for each choice of your {count} decision, with each "
        "continuation: {total} games in all (seed {seed}); every game draws the world's chance "
        "(chance events, gambles) anew, and every choice is played on the same draws.",
        "Played: {games} games for each choice of each of your {count} decisions, with each "
        "continuation: {total} games in all (seed {seed}); every game draws the world's chance "
        "(chance events, gambles) anew, and every choice is played on the same draws.", n).format(
        games=number(analysis.games, 0), count=number(n, 0),
        total=number(analysis.games_played, 0), seed=analysis.seed))
    for c in analysis.continuations:
        out.append(_("Continuation {name}: {meaning}.").format(
            name=f"\u201c{continuation_name(c)}\u201d", meaning=continuation_meaning(c, scn)))
    out.append(what_is_a_decision())
    out.append(_("An expected score is the mean final score of those games (0 to 100), with "
                 "its 95% interval. A turning point is a decision whose choice changed it by "
                 "more than that uncertainty, measured with {name}.").format(
        name=f"\u201c{continuation_name(analysis.primary)}\u201d"))
    return out


# -- the curve ----------------------------------------------------------------------------------


def curve_meaning(continuation: str) -> str:
    """What moves the curve of a continuation."""
    if continuation == OWN:
        return _("each point is your game up to that decision and your own play after it, "
                 "with chance drawn anew: it moves with the luck your game had")
    if continuation == HISTORY:
        return _("each point is your game up to that decision and history after it: it moves "
                 "with what you did differently")
    return ""


def _bar(score: float) -> str:
    filled = max(0, min(CURVE_WIDTH, round(score * CURVE_WIDTH / 100)))
    return "#" * filled + "." * (CURVE_WIDTH - filled)


def curve_lines(analysis: Analysis, rules: Rules) -> list[str]:
    """The expected score after each decision, one line each, with a bar (each
    continuation)."""
    out: list[str] = []
    for c, points in analysis.curves.items():
        if out:
            out.append("")
        out.append(_("Expected score across the game ({name}; {meaning}):").format(
            name=continuation_name(c), meaning=curve_meaning(c)))
        rows = []
        for p in points:
            if p.decision == START:
                what, when = _("the start"), turn_words(rules, 0)
            else:
                d = analysis.decisions[p.decision].decision
                what = decision_label(event_title(rules, d.event),
                                      choice_label(rules, d.event, d.chosen))
                when = decision_date(rules, d)
            rows.append((when, what, number(p.estimate.mean, 1),
                         "\u00b1" + number(p.estimate.high - p.estimate.mean, 1),
                         _bar(p.estimate.mean)))
        cut = 44
        wide = [max(len(r[i]) for r in rows) for i in range(4)]
        wide[1] = min(wide[1], cut)
        for when, what, score, plus, bar in rows:
            short = what if len(what) <= cut else what[:cut - 1] + "\u2026"
            out.append(f"  {when.ljust(wide[0])}  {short.ljust(wide[1])}  "
                       f"{score.rjust(wide[2])} {plus.ljust(wide[3])}  {bar}")
    return out


# -- the decisions ------------------------------------------------------------------------------


def _choices_words(rules: Rules, decision: Decision, est: DecisionEstimate) -> str:
    parts = []
    for c in est.choices:
        label = choice_label(rules, decision.event, c.choice)
        if c.choice == decision.chosen:
            parts.append(_("you chose {choice}: {score}").format(
                choice=label, score=number(c.estimate.mean, 1)))
        else:
            parts.append(_("{choice}: {score} ({difference})").format(
                choice=label, score=number(c.estimate.mean, 1),
                difference=_("{value} \u00b1{plus}").format(
                    value=signed(c.against_chosen.mean, 1),
                    plus=number(c.against_chosen.high - c.against_chosen.mean, 1))))
    return "; ".join(parts)


def decision_table(analysis: Analysis, rules: Rules) -> list[str]:
    """Every decision: each choice's expected score under each continuation, and the
    difference from the choice made (with its 95% margin)."""
    state = capital(the_name(rules.scenario.player))
    turning = {t.decision for t in analysis.turning_points}
    out = [_("Every decision (expected final score of each choice; in brackets, its "
             "difference from your choice and the 95% margin of that difference):")]
    for da in analysis.decisions:
        d = da.decision
        mark = _(" - a turning point") if d.number in turning else ""
        out.append(_("{date}  {title} ({state}: {historical}){mark}").format(
            date=decision_date(rules, d), title=event_title(rules, d.event), state=state,
            historical=choice_label(rules, d.event, d.historical), mark=mark))
        for est in da.estimates:
            out.append(_("    {name}: {choices}").format(
                name=continuation_name(est.continuation),
                choices=_choices_words(rules, d, est)))
    return out


# -- the turning points -------------------------------------------------------------------------


def turning_point_lines(analysis: Analysis, rules: Rules, tp: TurningPoint) -> list[str]:
    """A turning point in a few lines: the choice made and what it likely brought, what the
    other choices would likely have brought, the estimate with the other continuation, what
    the USSR did, and the history note."""
    scn = rules.scenario
    da = analysis.decisions[tp.decision]
    d = da.decision
    est = da.under(tp.continuation)
    made = choice_label(rules, d.event, d.chosen)
    best = choice_label(rules, d.event, est.best_other)
    out = [_("{date}: {title}").format(date=decision_date(rules, d),
                                       title=event_title(rules, d.event))]
    out.append(_("You chose {choice}: expected score {score}; endings: {endings}.").format(
        choice=made, score=score_words(est.chosen), endings=endings_words(rules, est.chosen)))
    if tp.better:
        out.append(_("Every other choice would likely have done worse: the best of them, "
                     "{choice}, by {difference}.").format(
            choice=best, difference=margin_words(tp.swing)))
    else:
        out.append(_("{choice} would likely have done better, by {difference}.").format(
            choice=capital(best), difference=margin_words(tp.swing)))
    for c in est.choices:
        if c.choice == d.chosen:
            continue
        out.append(_("  {choice}: expected score {score}; endings: {endings}.").format(
            choice=choice_label(rules, d.event, c.choice), score=score_words(c.estimate),
            endings=endings_words(rules, c.estimate)))
    for other in da.estimates:
        if other.continuation == tp.continuation:
            continue
        out.append(_("With {name}: your choice {score}; {choice} {other}, a difference of "
                     "{difference}.").format(
            name=continuation_name(other.continuation), score=number(other.chosen.mean, 1),
            choice=best, other=number(other.choice(est.best_other).estimate.mean, 1),
            difference=difference_words(other.choice(est.best_other).against_chosen)))
    ev = scn.events[rules.event_index[d.event]]
    out.append(chose_line(scn.player, choice_label(rules, d.event, d.historical)) + ".")
    note = ev.history
    if note is not None:
        out.append(_("What really happened ({date}): {text}").format(date=note.date,
                                                                    text=note.text.strip()))
        essay = essay_line(note)
        if essay:
            out.append(essay)
    return out


def turning_point_section(analysis: Analysis, rules: Rules) -> list[str]:
    """The turning points, largest first; or why there are none."""
    points = analysis.turning_points
    if not points:
        return [_("Turning points: none. No decision changed the expected score by more than "
                  "its uncertainty (and by at least half a point) with {name}.").format(
            name=continuation_name(analysis.primary))]
    out = [ngettext("The turning point ({name}):", "The {count} turning points, largest "
                    "first ({name}):", len(points)).format(
        count=len(points), name=continuation_name(analysis.primary))]
    for i, tp in enumerate(points, 1):
        lines = turning_point_lines(analysis, rules, tp)
        kind = _("for the better") if tp.better else _("for the worse")
        out.append(f"{i}. {lines[0]} ({kind})")
        out += ["   " + line for line in lines[1:]]
    return out
