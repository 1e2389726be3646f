"""What the bundled scenarios say is written for students: no development notes (issue 12,
item 9), and a refusal that is true at the date it is read."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from game.core.engine import Reason, action_problem, apply_action, new_game
from game.core.policies import Policy, history_policy, passive_policy, random_policy
from game.core.rules import Rules
from game.present.refusals import refusal_text
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))

PROJECT_WORDS = re.compile(
    r"history\.md|shared/|seeds/|historian'?s brief|\bthe brief\b|\bbrief\)|"
    r"\bsection \d|\bpart \d[a-z]?\b|§|\bvia\b|re-checked|\[K\]|\[V\]",
    re.IGNORECASE)
"""Words that only make sense to the project's authors: its files, the parts of its
historian's brief, and its notes on how a fact was checked."""


def test_the_bundled_scenarios_are_all_checked() -> None:
    names = {p.name for p in BUNDLED}
    assert {"ussr_1928_1941.yaml", "road_to_war_1938_1941.yaml",
            "road_to_war_1938_1941.de.yaml", "template.yaml"} <= names


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_no_scenario_text_mentions_the_projects_own_files(path: Path) -> None:
    """Every line, texts and comments alike: a teacher copies the comments too."""
    found = [f"{path.name}:{n}: {line.strip()}"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if PROJECT_WORDS.search(line)]
    assert not found, "\n".join(found)


def test_the_words_test_catches_a_development_note() -> None:
    for note in ("wikimili list (via history.md section 3d)", "shared/history.md, part 1b",
                 "Glantz (1998) (standard reference, not in the historian's brief)",
                 "Reese (not re-checked in the brief)"):
        assert PROJECT_WORDS.search(note), note
    for fine in ("Stalin briefly blamed local officials", "Beevor (quoted on mlm2.listserve.net)",
                 "wikimili, \"Dates of establishment of diplomatic relations\""):
        assert not PROJECT_WORDS.search(fine), fine


@pytest.mark.parametrize("name", ["ussr_1928_1941.yaml", "road_to_war_1938_1941.yaml"])
def test_no_refusal_sends_the_player_back_to_a_date_long_gone(name: str) -> None:
    """A refusal of an action ("the plan can start in October 1928") must not name a year
    already past: walked along the historical path, every action refused for its conditions
    names no year before the turn's (the first plan's stale date, found in 1933 once)."""
    rules = load_scenario(ROOT / "scenarios" / name).rules
    checked = 0
    for seed, player in ((0, history_policy), (1, random_policy), (2, random_policy),
                         (3, passive_policy)):
        checked += _check_refusal_years(rules, seed, player)
    assert checked > 0


_PROMISED = re.compile(r"\b(?:can|could|may|will)\s+(?:start|begin|open|be taken|come)\w*\s+"
                       r"(?:in|from|after|on)\s+(?:\w+\s+)?(1[89]\d\d)\b")
"""A refusal promising a later date: "the plan can start in October 1928"."""


def _check_refusal_years(rules: Rules, seed: int, player: Policy) -> int:
    state = new_game(rules, seed, history=player is history_policy)
    rng = random.Random(seed)
    checked = 0
    while state.ending_index < 0:
        if not state.pending and state.budget:
            year = rules.month_of_turn(state.turn) // 12
            for a in rules.actions:
                refusal = action_problem(state, a.index)
                if refusal is None or refusal.reason is not Reason.CONDITIONS_NOT_MET:
                    continue
                checked += 1
                words = refusal_text(refusal)
                past = [int(y) for y in _PROMISED.findall(words) if int(y) < year]
                assert not past, (a.id, year, words)
        state = apply_action(state, player(state, rng))
    return checked


# -- "The essay's verdict: none" ------------------------------------------------------------

NO_VERDICT = ("The essay's verdict: none", "verdict: none", "(the essay does not judge this)",
              "The essay's verdict: not in the essay", "The essay's verdict:</strong> none")


def _scenario_notes(path: Path) -> list[object]:
    scn = load_scenario(path).rules.scenario
    notes: list[object] = [a.history for a in scn.actions]
    notes += [e.history for e in scn.events]
    return [n for n in notes if n is not None]


@pytest.mark.parametrize("name", ["ussr_1928_1941.yaml", "road_to_war_1938_1941.yaml"])
def test_no_note_says_the_essay_has_no_verdict(name: str) -> None:
    """The news card and the event dialog show these paragraphs for every note."""
    from game.present.history_note import essay_line, note_paragraphs

    notes = _scenario_notes(ROOT / "scenarios" / name)
    unjudged = [n for n in notes if getattr(n, "verdict", "") == "not_in_essay"]
    assert unjudged, "the check needs notes the essay does not judge"
    for note in notes:
        text = " ".join(t for t, _style in note_paragraphs(note, player="USSR"))  # type: ignore[arg-type]
        text += essay_line(note)  # type: ignore[arg-type]
        for words in NO_VERDICT:
            assert words not in text, (words, text)


@pytest.mark.parametrize("name", ["ussr_1928_1941.yaml", "road_to_war_1938_1941.yaml"])
@pytest.mark.parametrize("fmt", ["md", "html", "debrief"])
def test_no_report_says_the_essay_has_no_verdict(name: str, fmt: str, tmp_path: Path) -> None:
    """A whole game's report, as the teacher and the student read it."""
    from game.cli import main
    from game.core.policies import POLICIES, play_game
    from game.saves import write_save

    rules = load_scenario(ROOT / "scenarios" / name).rules
    state = play_game(rules, POLICIES["random"], seed=3)
    save = tmp_path / "game.json"
    write_save(save, state, scenario_file=str(ROOT / "scenarios" / name))
    out = tmp_path / f"report.{fmt}"
    assert main(["report", str(save), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt != "debrief":  # the two-page debrief leaves the notes out
        assert "The essay" in text
    for words in NO_VERDICT:
        assert words not in text, words


# -- an event and its answer, not said twice ----------------------------------------------------

def test_an_answer_that_repeats_its_question_is_shown_alone() -> None:
    from game.core.scoring import decision_label

    assert decision_label("Renew the treaty with Germany?",
                          "Renew the treaty with Germany") == "Renew the treaty with Germany"
    assert decision_label("Renew the treaty with Germany?", "Let it lapse and turn to France") \
        == "Renew the treaty with Germany? Let it lapse and turn to France"  # no "?:"
    assert decision_label("Sign with Germany?", "Sign") == "Sign with Germany? Sign"
    assert decision_label("Munich", "Protest") == "Munich: Protest"


def test_no_news_timeline_or_report_line_says_a_question_and_its_answer_twice() -> None:
    from game.core.policies import historical_game
    from game.core.scoring import stance
    from game.present.news import news
    from game.present.timeline import decisions_by_turn

    rules = load_scenario(ROOT / "scenarios" / "ussr_1928_1941.yaml").rules
    state = historical_game(rules)
    lines = [n.text for n in news(state, 10_000)]
    lines += [c for d in decisions_by_turn(state).values() for c in d.choices]
    lines += [label for label, _lean in stance(state).moved_by]
    assert any("Renew the treaty with Germany" in line for line in lines)
    doubled = [line for line in lines if "Germany?: Renew" in line]
    assert not doubled, doubled
