"""Each warning of `validate`, on a scenario made to trigger it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.errors import Problem
from game.scenario.lint import SimulationPlan, find_impossible
from game.scenario.loader import load_scenario
from game.tools.validate import simulated_problems
from tests.tools.scenarios import Data, clean_data, find, variant, write


def warnings(path: Path, games: int = 20) -> list[Problem]:
    loaded = load_scenario(path)
    assert all(w.severity == "warning" for w in loaded.warnings)
    return loaded.warnings + simulated_problems(loaded, games)


def messages(path: Path, games: int = 20) -> list[str]:
    return [w.message for w in warnings(path, games)]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_clean_scenario_has_no_warning(tmp_path: Path) -> None:
    assert messages(write(tmp_path, clean_data()), games=50) == []


def test_the_mini_scenario_warns_about_its_missing_notes_and_flat_figure() -> None:
    from tests.conftest import MINI

    found = messages(MINI, games=0)
    assert "action 'propaganda' has no history note, so the report cannot set it beside " \
           "what really happened" in found
    assert any("asks for a choice but has no history note" in m for m in found)
    assert any("stays flat on the historical path" in m for m in found)


def add_event(data: Data, **fields: object) -> None:
    event: dict[str, object] = {"id": "late_news", "title": "Late news", "text": "News.",
                                "history": {"date": "1931", "text": "x", "verdict": "success",
                                            "source": "y"}}
    event.update(fields)
    data["events"].append(event)


def test_an_event_whose_latest_is_before_its_earliest_never_fires(tmp_path: Path) -> None:
    path = variant(tmp_path, lambda d: add_event(d, earliest="1931-01", latest="1930-06"))
    found = warnings(path)
    w = next(w for w in found if "can never fire" in w.message)
    assert w.message == ("event 'late_news' can never fire: 'latest' (1930-06) is before "
                         "'earliest' (1931-01)")
    assert w.line == line_of(path, "latest: 1930-06")
    assert not any("never fired in" in m.message for m in found), "said once, not twice"


def test_an_event_outside_the_calendar_is_flagged_once(tmp_path: Path) -> None:
    path = variant(tmp_path, lambda d: add_event(d, date="1935-01"))
    found = messages(path)
    assert found == ["the date 1935-01 is outside the calendar (1930-01 to 1931-10)"]


def test_a_condition_on_a_flag_nothing_sets(tmp_path: Path) -> None:
    path = variant(tmp_path, lambda d: add_event(d, when="year > 1930 and flag.pact_sgned"))
    found = warnings(path)
    never = next(w for w in found if "can never fire" in w.message)
    assert never.message == ("event 'late_news' can never fire: its 'when' can never be true: "
                             "flag.pact_sgned is never set by any effect")
    read = next(w for w in found if "nothing sets it" in w.message)
    assert read.message == "flag.pact_sgned is read but nothing sets it, so it is always false"
    # The column points at the flag inside the condition.
    line = path.read_text(encoding="utf-8").splitlines()[read.line - 1]
    assert line[read.col - 1:].startswith("flag.pact_sgned")


def test_a_flag_only_cleared_is_never_set(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        add_event(d, when="not flag.calm")
        find(d, "actions", "propaganda")["effects"].append({"clear_flag": "calm"})

    found = messages(variant(tmp_path, change))
    assert "flag.calm is read but nothing sets it (it is only cleared), so it is always " \
           "false" in found
    assert not any("can never fire" in m for m in found), "'not flag.calm' is always true"


def test_a_flag_set_but_never_read(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        crisis = find(d, "events", "crisis")
        crisis["choices"][0]["effects"].append({"set_flag": "yielded"})

    path = variant(tmp_path, change)
    found = warnings(path)
    w = next(w for w in found if "yielded" in w.message)
    assert w.message == "flag 'yielded' is set but no condition reads it"
    assert w.line == line_of(path, "set_flag: yielded")


def test_never_firing_spreads_to_what_waits_for_it(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        add_event(d, earliest="1931-01", latest="1930-06")
        add_event(d, id="follow_up", when="fired.late_news")
        d["endings"].insert(0, {"id": "strange", "title": "Strange", "text": "x",
                                "when": "chose.crisis.yield and fired.follow_up"})

    found = messages(variant(tmp_path, change))
    assert "event 'follow_up' can never fire: its 'when' can never be true: event " \
           "'late_news' can never fire" in found
    assert "ending 'strange' can never be reached: its 'when' can never be true: event " \
           "'follow_up' can never fire" in found


def test_an_action_that_is_never_available(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        find(d, "actions", "woo_germany")["available"] = "took.propaganda"
        find(d, "actions", "propaganda").update(earliest="1931-01", latest="1930-03")

    found = messages(variant(tmp_path, change))
    assert "action 'woo_germany' can never be taken: its 'available' can never be true: " \
           "action 'propaganda' can never be taken" in found
    assert "action 'propaganda' can never be taken: 'latest' (1930-03) is before 'earliest' " \
           "(1931-01)" in found


def test_an_action_that_costs_more_than_a_turn_has(tmp_path: Path) -> None:
    path = variant(tmp_path, lambda d: find(d, "actions", "propaganda").update(cost=3))
    found = warnings(path)
    w = next(w for w in found if "propaganda" in w.message)
    assert w.message == ("action 'propaganda' can never be taken: it costs 3 action points but "
                         "a turn has only 2 (actions_per_turn)")
    assert w.line == line_of(path, "cost: 3")


def test_what_never_happens_in_simulated_games(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        add_event(d, when="relation.germany < -95")
        find(d, "actions", "woo_germany")["available"] = "relation.finland > 99"
        d["endings"].insert(0, {"id": "victory", "title": "Victory", "text": "x",
                                "when": "recognition > 99"})

    found = messages(variant(tmp_path, change), games=20)
    games = ("27 simulated games (20 random, 3 greedy, 2 passive, 1 history, 1 of history with "
             "up to 2 choice(s) changed)")
    assert f"event 'late_news' never fired in {games}" in found
    assert f"action 'woo_germany' was never possible in {games}" in found
    assert f"ending 'victory' was not reached in {games}" in found
    assert not any("never fired" in m for m in messages(variant(tmp_path, change), games=0))


def test_history_notes_missing_or_without_a_verdict(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        del find(d, "actions", "propaganda")["history"]
        del find(d, "events", "crisis")["history"]
        del find(d, "events", "thaw")["history"]
        del find(d, "actions", "pact_finland")["history"]["verdict"]
        add_event(d, date="1930-10", choices=[{"id": "a", "label": "A", "stance": "security"}],
                  historical_choice="a")
        del d["events"][-1]["history"]["verdict"]

    found = messages(variant(tmp_path, change))
    assert "action 'propaganda' has no history note, so the report cannot set it beside what " \
           "really happened" in found
    assert "event 'crisis' asks for a choice but has no history note: the report cannot say " \
           "what the player's nation (USSR) chose and why" in found
    assert "event 'thaw' has no history note" in found
    assert "the history note of action 'pact_finland' gives no verdict" in found
    assert "the history note of event 'late_news' gives no verdict on the choice the player's " \
           "nation (USSR) made" in found


def test_a_history_note_with_a_blank_source(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        find(d, "actions", "late_move")["history"]["source"] = "   "

    path = variant(tmp_path, change)
    found = warnings(path, games=0)
    assert [w.message for w in found] == ["the history note has an empty source"]
    assert found[0].line == line_of(path, "source: '   '")


@pytest.mark.parametrize("values, expected", [
    ([(1930, 2), (1931, 1)], "the historical path drifts from the recorded figure 'army': its "
                             "correlation with the aim 'security' over 1930-1931 is -1.00"),
    ([(1920, 1), (1925, 2)], "figure 'army' has fewer than two years inside the calendar"),
    ([(1930, 1), (1931, 2)], None),
])
def test_a_figure_the_historical_path_does_not_follow(
        tmp_path: Path, values: list[tuple[int, float]], expected: str | None) -> None:
    def change(d: Data) -> None:
        d["figures"][0]["values"] = [{"year": y, "value": v} for y, v in values]

    found = [m for m in messages(variant(tmp_path, change), games=0) if "figure" in m]
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(expected), found


def test_find_impossible_is_pure_and_lists_every_kind(tmp_path: Path) -> None:
    def change(d: Data) -> None:
        add_event(d, when="flag.ghost")

    rules = load_scenario(variant(tmp_path, change)).rules
    impossible = find_impossible(rules)
    assert impossible.flags == frozenset({"ghost"})
    assert impossible.events == frozenset({"late_news"})
    assert find_impossible(rules) == impossible


def test_simulation_plan_describes_itself() -> None:
    assert SimulationPlan(random=10).describe() == \
        "16 simulated games (10 random, 3 greedy, 2 passive, 1 history)"
    assert SimulationPlan(1, 0, 0, 0).describe() == "1 simulated game (1 random)"


@pytest.mark.parametrize("strict, status", [(False, 0), (True, 1)])
def test_validate_prints_warnings_and_strict_fails_on_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], strict: bool, status: int) -> None:
    path = variant(tmp_path, lambda d: add_event(d, when="flag.ghost"))
    args = ["validate", str(path), "--games", "5"] + (["--strict"] if strict else [])
    assert main(args) == status
    out = capsys.readouterr().out
    assert f"{path}:" in out and ": warning: event 'late_news' can never fire" in out
    assert out.strip().endswith("0 error(s), 2 warning(s) in 1 file(s)")


def test_validate_says_ok_for_a_clean_file(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, clean_data())
    assert main(["validate", str(path), "--strict"]) == 0
    assert f"{path}: ok" in capsys.readouterr().out


Change = Callable[[Data], object]
