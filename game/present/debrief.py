"""The debrief: one student's game on at most two printed pages, made from the one end-report
model (:mod:`game.present.report`) with the end report's own sentences
(:mod:`game.present.report_text`).

It holds the ending and the score, the aims (the writer draws them as small charts side by
side), the decisions that mattered (where the student's choice moved the aims or the policy
furthest from history's), the key decisions beside history (those with most at stake, by
date) and where the policy stands between the historians' readings. The writer only lays it
out.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import _, ngettext
from game.present import report_text as say
from game.present.dates import dates_in_words, month_words
from game.present.numbers import number
from game.present.player import possessive, the_name
from game.present.report import Decision, EndReport
from game.present.report_text import Marks

MATTERED = 5
"""How many decisions that mattered are shown at most."""
KEY = 12
"""How many key decisions are shown at most."""
OUTCOME_CHARS = 90
"""How a gamble came out is cut to about this many characters in a table's cell."""
ENDING_CHARS = 600
"""The ending's text is cut after its first paragraph, or about this many characters."""


@dataclass(frozen=True, slots=True)
class DebriefRow:
    """A decision in a line: plain text (the writer escapes it)."""

    date: str
    """As a reader writes it (``Apr 1930``)."""
    title: str
    you: str
    history: str
    same: bool
    why: str
    """What the difference moved ("" if the student chose as history did)."""


@dataclass(frozen=True, slots=True)
class ReadingMark:
    name: str
    lean: float
    lean_text: str
    closest: bool


@dataclass(frozen=True)
class Debrief:
    """Everything the debrief shows. Sentences with ``Marks`` are already marked up by the
    writer's marks; every other text is plain."""

    document_title: str
    title: str
    heading: str
    """``Debrief``: what the page is."""
    meta: str
    """Marked up."""
    warnings: tuple[str, ...]
    ending_heading: str
    finished: bool
    ending_title: str
    ending_text: str
    """The ending's first paragraph (plain); for an unfinished game, marked-up sentence."""
    causes_heading: str
    causes: tuple[str, ...]
    """The causes the ending names that happened in this game (plain)."""
    historical_ending: str
    """Marked up ("" if history does not end)."""
    score: str
    """Marked up."""
    aims_heading: str
    aim_columns: tuple[str, ...]
    aims: tuple[tuple[str, str, str, str], ...]
    """Each aim: name, yours at the end, history, the difference (signed)."""
    mattered_heading: str
    mattered_note: str
    mattered: tuple[DebriefRow, ...]
    mattered_empty: str
    """The sentence when the student chose as history did at every decision."""
    key_heading: str
    columns: tuple[str, ...]
    """Date, decision, you, what the state did."""
    why_column: str
    key: tuple[DebriefRow, ...]
    key_note: str
    """How the key decisions were picked, and how many more the full report has."""
    differs_note: str
    reading_heading: str
    policy: str
    """Marked up ("" without a verdict)."""
    lean: str
    """Marked up."""
    you_lean: float
    history_lean: float
    scale_label: str
    """The reading scale as one sentence, for a screen reader."""
    you_mark: str
    history_mark: str
    readings: tuple[ReadingMark, ...]
    """By lean, lowest first."""
    full_report: str
    """Where the rest is: the full report's command."""
    language: str
    """The scenario's language (for the writer's ``lang`` on its texts)."""
    policies_heading: str = ""
    policy_columns: tuple[str, ...] = ()
    policies: tuple[tuple[str, str, str, bool], ...] = ()
    """Each standing policy: its name, the student's stretches and history's in short
    (plain; "The army first from Jan 1938; ...") and whether the student kept it as history
    did (the full report adds what each stretch's effects added up to)."""


def _first_paragraph(text: str) -> str:
    first = next((p.strip() for p in text.split("\n\n") if p.strip()), "")
    if len(first) <= ENDING_CHARS:
        return first
    cut = first[:ENDING_CHARS].rsplit(" ", 1)[0]
    return _("{text}...").format(text=cut)


def _outcome(d: Decision, text: str) -> str:
    return dates_in_words(text) if d.row.kind == "action" else text


def _why(d: Decision) -> str:
    """What the student's choice moved against history's ("" if it moved nothing)."""
    parts = []
    if d.points:
        # TRANSLATORS: how far a choice moved the aims from history's, on the score's scale.
        parts.append(_("aims {points} points apart").format(points=number(d.points, 1)))
    if d.lean:
        # TRANSLATORS: how far a choice moved the policy's lean from history's (-1 to +1).
        parts.append(_("lean {lean}").format(lean=number(d.lean, 2, signed=True)))
    return _("; ").join(parts)


def _row(d: Decision) -> DebriefRow:
    r = d.row
    if r.kind == "action":
        you, history = _outcome(d, d.player_text), _outcome(d, d.history_text)
    else:
        you, history = say.decision_you(d, OUTCOME_CHARS), say.decision_history(d, OUTCOME_CHARS)
    return DebriefRow(month_words(d.when), r.title, you, history, r.same, _why(d))


def debrief(report: EndReport, m: Marks) -> Debrief:
    """The debrief of a game; ``m`` marks up the sentences that have emphasis."""
    s = report.summary
    heads = say.headings(report)
    state = the_name(report.player_state)
    decisions = list(report.decisions)
    order = {id(d): k for k, d in enumerate(decisions)}
    mattered = sorted((d for d in decisions if not d.row.same and d.weight > 0),
                      key=lambda d: (-d.weight, order[id(d)]))[:MATTERED]
    mattered.sort(key=lambda d: order[id(d)])
    key = sorted(decisions, key=lambda d: (-d.stake, order[id(d)]))[:KEY]
    key.sort(key=lambda d: order[id(d)])
    more = len(decisions) - len(key)
    if more:
        key_note = ngettext("The decisions with most at stake, by date; the full report has "
                            "{count} more.",
                            "The decisions with most at stake, by date; the full report has "
                            "{count} more.", more).format(count=more)
    else:
        key_note = _("Every decision of the game, by date.")
    st, hs = s.stance, s.historical_stance
    # TRANSLATORS: the marks on the scale of a policy's lean.
    you_mark, history_mark = _("you"), _("history")
    return Debrief(
        document_title=_("{title} - debrief").format(title=say.title(report)),
        title=report.scenario_title,
        heading=_("Debrief"),
        meta=say.meta_line(report, m),
        warnings=report.warnings,
        ending_heading=heads.ending,
        finished=report.finished,
        ending_title=s.ending_title if report.finished else say.unfinished_title(),
        ending_text=_first_paragraph(s.ending_text) if report.finished
        else say.unfinished_text(report, m),
        causes_heading=say.causes_heading(),
        causes=report.ending_causes,
        historical_ending=say.historical_ending_line(report, m),
        score=say.score_line(report, m),
        aims_heading=heads.aims,
        aim_columns=say.aim_columns()[:4],
        aims=tuple((a.name, number(a.final), number(a.historical),
                    number(a.difference, signed=True)) for a in s.aims),
        mattered_heading=_("The decisions that mattered"),
        mattered_note=_("Where your choice moved the aims or the policy furthest from "
                        "{state} choice: the aims by the points of the score (0-100) the two "
                        "choices' immediate effects lie apart, the policy by the difference "
                        "in lean (-1 to +1).").format(state=possessive(report.player_state)),
        mattered=tuple(_row(d) for d in mattered),
        mattered_empty=_("You chose as {state} did at every decision that moves the aims or "
                         "the policy.").format(state=state),
        key_heading=heads.decisions,
        columns=say.decision_columns(report)[:4],
        why_column=_("What it moved"),
        key=tuple(_row(d) for d in key),
        key_note=key_note,
        # TRANSLATORS: ends "Where you did otherwise than the USSR, your decision ...".
        differs_note=say.differs_note(report, _("is shaded")),
        reading_heading=heads.stance,
        policy=say.policy_line(st, m) if st.decisions else "",
        lean=say.lean_line(report, m) if st.decisions else _(say.NO_STANCE),
        you_lean=st.lean, history_lean=hs.lean,
        scale_label=_("your policy at {you}, history at {history}, on a scale from -1 to "
                      "+1").format(you=number(st.lean, 2, signed=True),
                                   history=number(hs.lean, 2, signed=True)),
        you_mark=you_mark, history_mark=history_mark,
        readings=tuple(ReadingMark(r.name, r.lean, number(r.lean, 1, signed=True),
                                   r.id == st.reading_id)
                       for r in sorted(report.readings, key=lambda r: r.lean)),
        full_report=_("This is the debrief: the full report (every event with its history "
                      "note, the readings' historians, the sources) is made by "
                      "{command}.").format(command="python main.py report SAVE --format html"),
        language=report.scenario_language,
        policies_heading=say.policies_heading(report) if report.policies else "",
        policy_columns=say.policy_columns(report),
        policies=tuple((p.name, _("; ").join(say.period_short(x) for x in p.mine),
                        _("; ").join(say.period_short(x) for x in p.history), p.same)
                       for p in report.policies))
