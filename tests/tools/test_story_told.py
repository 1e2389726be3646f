"""A story that remembers (issue 9): what the student reads during and after a game of the
living world. The news, the timeline, the end report (model, HTML, Markdown, JSON) and the
debrief tell each event as this game told it (its variant), date it by its own day, list a
turn's events in the order they fired, name the power whose move it was, say how a gamble
came out and the odds it had, show a change of standing policy once (not its effects every
turn), and name only the causes of the ending that happened in this game."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.core.engine import (
    EndTurn,
    GameState,
    apply_action,
    ending_causes,
    is_over,
    new_game,
    parse_move,
)
from game.core.policies import POLICIES, play_game
from game.core.rules import Rules
from game.present.dates import event_date, month_words, turn_months
from game.present.debrief import debrief
from game.present.news import event_text, news
from game.present.report import report_of_state
from game.present.report_text import PLAIN
from game.present.timeline import side_lines, timeline
from game.saves import write_save
from game.scenario.loader import load_scenario
from tests.conftest import DATA, bundled_scenarios

LIVING = DATA / "living.yaml"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_scenario(LIVING).rules


def play(rules: Rules, seed: int, *, pact: bool = True, policy_back_on: int = 4) -> GameState:
    """A game of the living scenario: the pact at once, the army first until turn
    ``policy_back_on``, then a balanced plan; the alliance is tried (a gamble)."""
    s = new_game(rules, seed)
    if pact:
        s = apply_action(s, parse_move("take pact_germany"))
    s = apply_action(s, parse_move("policy effort army_first"))
    while not is_over(s):
        if s.pending_event:
            s = apply_action(s, parse_move(f"choose {s.pending_event} try"))
            continue
        if s.turn == policy_back_on:
            s = apply_action(s, parse_move("policy effort balanced"))
        s = apply_action(s, EndTurn())
    return s


def seed_where(rules: Rules, outcome: str) -> GameState:
    for seed in range(60):
        s = play(rules, seed)
        if s.outcome("alliance_offer") == outcome:
            return s
    raise AssertionError(f"no seed draws {outcome}")


def test_dates_are_written_with_their_day() -> None:
    assert month_words("1941-06-22") == "22 Jun 1941"
    assert month_words("1939-09") == "Sep 1939"
    assert month_words("not a date") == "not a date"


def test_an_event_is_told_as_this_game_told_it(rules: Rules) -> None:
    friendly = play(rules, 1)
    cold = play(rules, 1, pact=False)
    summer = rules.event_index["summer_news"]
    assert event_text(friendly, summer) == "Berlin is friendly, for now."
    assert event_text(cold, summer) == "Berlin is cold."
    rows = {e.id: e for e in report_of_state(friendly).events}
    assert rows["summer_news"].text == "Berlin is friendly, for now."
    # The Anschluss fired as the game began, before the pact: told without it.
    assert rows["anschluss"].text == "Germany annexes Austria."
    assert {e.id: e for e in report_of_state(cold).events}["summer_news"].text \
        == "Berlin is cold."


def test_news_dates_events_by_their_day_and_keeps_the_order_they_fired(rules: Rules) -> None:
    s = play(rules, 1)
    first = [n for n in news(s) if n.turn == 0]
    events = [n for n in first if n.kind == "event"]
    # The Anschluss (12 Mar) fired before the news of the 30th, though listed after it.
    assert [n.date for n in events] == ["12 Mar 1938", "30 Mar 1938"]
    assert events[0].text == "Germany: The Anschluss" and events[0].power == "Germany"
    assert events[1].text.startswith("News: ")
    assert all(n.turn_date == "Jan 1938" for n in first)
    # Newest turn first, each turn in the order things happened.
    turns = [n.turn for n in news(s)]
    assert turns == sorted(turns, reverse=True)
    assert event_date(rules, rules.event_index["raid"], 3) == "Oct–Dec 1938"  # no day: its turn


def test_a_gamble_is_in_the_news_of_its_turn_with_its_odds(rules: Rules) -> None:
    s = seed_where(rules, "refused")
    items = [n for n in news(s) if n.kind == "outcome"]
    assert len(items) == 1
    item = items[0]
    assert item.turn == 2 and "The West refuses" in item.text
    # Drawn at the end of turn 2 with strength 44 (40, then the army first twice): 56%.
    assert "56%" in item.text


def test_a_standing_policy_is_told_when_it_starts_not_every_turn(rules: Rules) -> None:
    s = play(rules, 1)
    told = [n for n in news(s) if n.kind == "policy"]
    # The army first acted on turns 0 to 3; the balanced plan after it changes nothing.
    assert [n.turn for n in told] == [0]
    assert "Strength +2.0" in told[0].text and "The army first" in told[0].text
    assert sum(n.kind == "policy_set" for n in news(s)) == 2
    assert not any(n.kind == "drift" for n in news(s))  # no drift: no line every turn


def test_the_timeline_has_the_worlds_moves_the_gambles_and_the_policies(rules: Rules) -> None:
    s = seed_where(rules, "ratified")
    rows = {r.date: r for r in timeline(s)}
    first = rows["Jan 1938"]
    assert first.mine.events == ["12 Mar 1938 · Germany: The Anschluss",
                                 "30 Mar 1938 · Late in the quarter"]
    assert first.mine.policies == ["Where the effort goes: The army first"]
    assert first.theirs.policies == ["Where the effort goes: The army first"]
    alliance = rows["Jul 1938"]
    assert alliance.mine.outcomes[0].startswith("An alliance? The West ratifies (it had a")
    assert alliance.theirs.outcomes[0].startswith("An alliance? The West refuses (it had a")
    back = rows["Jan 1939"]
    assert back.mine.policies == ["Where the effort goes: Balanced"] and back.differs
    lines = [t for t, _style in side_lines(back.mine, back.theirs, {}, "history")]
    assert "Standing policy: Where the effort goes: Balanced" in lines


def test_the_ending_names_only_the_causes_that_happened(rules: Rules) -> None:
    safe = seed_where(rules, "ratified")
    report = report_of_state(safe)
    assert report.summary.ending_id == "safe"
    assert report.ending_causes == ("The Western alliance held.",)
    refused = seed_where(rules, "refused")
    r2 = report_of_state(refused)
    assert r2.summary.ending_id == "unsafe"
    # The army did not come first at the end (the plan went back to balanced on turn 4).
    assert r2.ending_causes == ("No alliance was made.",)
    d = debrief(r2, PLAIN)
    assert d.causes == ("No alliance was made.",)


def test_the_report_tells_the_policies_stretch_by_stretch(rules: Rules) -> None:
    report = report_of_state(play(rules, 1))
    (row,) = report.policies
    assert [(p.option, p.start, p.end, p.turns) for p in row.mine] == [
        ("The army first", "1938-01", "1938-12", 4), ("Balanced", "1939-01", "1939-12", 4)]
    assert dict(row.mine[0].effects) == {"Security": -4.0, "Strength": 8.0}
    assert [(p.option, p.turns) for p in row.history] == [("The army first", 8)]
    assert not row.same


@pytest.fixture(scope="module")
def saves(rules: Rules, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("living")
    out = {}
    for outcome in ("ratified", "refused"):
        out[outcome] = folder / f"{outcome}.json"
        write_save(out[outcome], seed_where(rules, outcome), "Ada", str(LIVING))
    return out


def test_every_report_layout_tells_the_story(saves: dict[str, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    html_file, md_file, debrief_file = (tmp_path / "r.html", tmp_path / "r.md",
                                        tmp_path / "d.html")
    save = str(saves["ratified"])
    assert main(["report", save, "-o", str(html_file)]) == 0
    assert main(["report", save, "--format", "md", "-o", str(md_file)]) == 0
    assert main(["report", save, "--format", "debrief", "-o", str(debrief_file)]) == 0
    capsys.readouterr()
    page, md, brief = (f.read_text(encoding="utf-8") for f in (html_file, md_file,
                                                               debrief_file))
    for text in (page, md, brief):
        assert "The Western alliance held." in text
        assert "No alliance was made." not in text  # a cause that did not happen
        assert "The army came first" not in text
    for text in (page, md):
        assert "12&nbsp;Mar&nbsp;1938" in text or "12 Mar 1938" in text
        assert "Germany: The Anschluss" in text
        assert "Berlin is friendly, for now." in text and "Berlin is cold." not in text
        assert "(it had a 44% chance)" in text
        assert "In history it came out: The West refuses." in text
        assert "Where the effort goes" in text
    assert md.index("12 Mar 1938: Germany: The Anschluss") < md.index("30 Mar 1938: Late")
    assert "The West ratifies" in brief
    assert main(["report", save, "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ending_causes"] == ["The Western alliance held."]
    events = {e["id"]: e for e in data["events"]}
    assert events["anschluss"]["date"] == "1938-03-12"
    assert events["anschluss"]["power"] == "Germany"
    assert events["alliance_offer"]["outcome"] == "The West ratifies."
    assert events["alliance_offer"]["odds"] == pytest.approx(0.44)
    assert data["policies"][0]["mine"][0]["option"] == "The army first"


@pytest.mark.parametrize("scenario", bundled_scenarios(), ids=lambda p: p.stem)
def test_bundled_scenarios_tell_events_by_their_own_dates_in_the_order_they_fired(
        scenario: Path) -> None:
    rules = load_scenario(scenario).rules
    scn = rules.scenario
    for seed in range(3):
        state = play_game(rules, POLICIES["random"], seed=seed)
        fired = [(e.turn, e.index) for e in state.log() if e.kind == "event"]
        told = [(n.turn, n.index) for n in news(state, 100_000) if n.kind == "event"]
        # Turn by turn the same events as the log, in the order they fired.
        assert sorted(told, key=lambda x: x[0]) == fired
        for n in news(state, 100_000):
            if n.kind != "event":
                continue
            ev = scn.events[n.index]
            # Without a day of its own: the months of its turn (it comes after the dated ones).
            assert n.date == (month_words(ev.date) if ev.date
                              else turn_months(rules, n.turn))
            if ev.by:
                # Headed by the power, unless its title already opens with the power's name.
                assert n.power and n.text.startswith(n.power)
        report = report_of_state(state)
        end = next(e for e in scn.endings if e.id == report.summary.ending_id)
        assert report.ending_causes == tuple(end.causes[k].text
                                             for k in ending_causes(state))
        for row in report.events:
            if row.in_game:
                assert row.text == event_text(state, rules.event_index[row.id])
        timeline(state)  # is made without a problem


def test_an_event_without_a_day_is_dated_by_its_turns_months_after_the_dated_ones() -> None:
    # Play-test: "Shots on the Manchurian border" (no date of its own) was headed "Jan 1936"
    # though it came after the Rhineland of 7 Mar 1936 in the same turn.
    from game.present.dates import event_order
    from game.scenario.loader import DEFAULT_SCENARIO

    default = load_scenario(DEFAULT_SCENARIO).rules
    border, rhineland = default.event_index["border_incidents"], default.event_index["rhineland"]
    turn = default.turn_of_month("1936-01")
    assert default.scenario.events[border].date is None
    assert event_date(default, border, turn) == "Jan–Mar 1936"
    assert event_date(default, rhineland, turn) == "7 Mar 1936"
    assert event_order(default, rhineland, turn) < event_order(default, border, turn)
