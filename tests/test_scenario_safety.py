"""Hostile and unlucky scenario files, end to end: each gets file:line:col messages, never a
traceback, NaN or a hang; problems are capped; error paths and validate's games grow no faster
than the file.

Growth is checked by counting work (function calls, engine moves), never by timing.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from game.cli import main
from game.core import expr
from game.core.policies import POLICIES, play_game
from game.core.rules import finite_drift
from game.scenario import lint, loader
from game.scenario.errors import MAX_PROBLEMS, ScenarioError
from game.scenario.loader import load_from_bytes, load_scenario
from tests.conftest import MINI


def mini_with(tmp_path: Path, old: str, new: str, name: str = "broken.yaml") -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert old in text, f"the test's anchor text {old!r} is not in mini.yaml"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return [p.format().replace(str(path), "broken.yaml") for p in caught.value.problems]


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("{year: 1931, value: 2}", "{year: 1931, value: 1.0e+200}", "broken.yaml:161:29:"),
        ("    weight: 0.5\n", "    weight: 0.5\n    min: -1.0e308\n", "broken.yaml:26:10:"),
        ("    relation: 20\n", "    relation: " + "9" * 99 + "\n", "broken.yaml:60:15:"),
        ("actions_per_turn: 2", "actions_per_turn: 10000000000", "broken.yaml:13:19:"),
    ],
)
def test_numbers_beyond_the_bounds_are_errors_at_their_place(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    [problem] = problems_of(mini_with(tmp_path, old, new))
    assert problem.startswith(where + " error: the number ")
    assert "between -1,000,000,000 and 1,000,000,000" in problem
    assert "quotes" in problem


def test_a_huge_number_in_a_formula_is_an_error(tmp_path: Path) -> None:
    path = mini_with(tmp_path, "(recognition - 50) / 10", "(recognition - 50) / 1" + "0" * 400)
    [problem] = problems_of(path)
    assert problem.startswith("broken.yaml:19:36: error: in '(recognition - 50) / 1000")
    assert "is too large (at most 1,000,000,000)" in problem


def test_a_formula_of_too_many_factors_is_an_error(tmp_path: Path) -> None:
    # year ** 95 is too large for a float: it would crash the game, or make aims infinite.
    power = " * ".join(["year"] * 95)
    [problem] = problems_of(mini_with(tmp_path, "(recognition - 50) / 10", power))
    assert problem.startswith("broken.yaml:19:15: error: in 'year * year")
    assert "multiplies or divides 95 values together (at most 30)" in problem


def test_a_formula_that_overflows_never_makes_an_aim_nan(tmp_path: Path) -> None:
    # 1 / 1e-300 / 1e-300 is infinite, and inf - inf is NaN: neither may reach the aims.
    path = mini_with(tmp_path, "(recognition - 50) / 10",
                     "1 / recognition / recognition - 1 / recognition / recognition")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    start: 50\n    weight: 0.5", "    start: 1.0e-300\n    weight: 0.5"),
        encoding="utf-8")
    rules = load_scenario(path).rules
    assert rules.aim_start[1] == 1e-300
    for name in ("history", "random", "greedy", "passive"):
        state = play_game(rules, POLICIES[name], seed=3)
        values = [v for turn in state.trajectory for v in turn] + list(state.aims)
        assert all(math.isfinite(v) for v in values), name
        assert all(rules.aim_min[i] <= v <= rules.aim_max[i] for i, v in enumerate(state.aims))


def test_a_formula_that_overflows_to_infinity_counts_as_the_limit(tmp_path: Path) -> None:
    path = mini_with(tmp_path, "(recognition - 50) / 10", "1 / recognition / recognition")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    start: 50\n    weight: 0.5", "    start: 1.0e-300\n    weight: 0.5"),
        encoding="utf-8")
    rules = load_scenario(path).rules
    drift = rules.aim_drift[0]
    assert drift is not None
    assert drift(SimpleNamespace(aims=(50.0, 1e-300))) == 1e12
    assert drift(SimpleNamespace(aims=(50.0, -1e-300))) == 1e12
    assert drift(SimpleNamespace(aims=(50.0, 0.0))) == 0.0  # x / 0 counts as 0


@pytest.mark.parametrize("value", [0.1, -7.25, 0, 3, True, False, 1e12, -1e12, 5e-324])
def test_the_finite_guard_returns_finite_values_unchanged(value: float) -> None:
    drift = finite_drift(lambda state: value)
    assert drift is not None
    result = drift(None)
    assert result == value and type(result) is type(value)


@pytest.mark.parametrize(("value", "expected"), [(math.inf, 1e12), (-math.inf, -1e12),
                                                 (math.nan, 0.0), (10**400, 1e12)])
def test_the_finite_guard_bounds_the_rest(value: float, expected: float) -> None:
    drift = finite_drift(lambda state: value)
    assert drift is not None
    assert drift(None) == expected


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "code"),
    [
        ('title: "Mini\\0 test"', "U+0000"),
        ('title: "\\x1b[2J"', "U+001B"),
        ('title: "Mini \\u202e tset"', "U+202E"),
    ],
)
def test_control_characters_in_a_title_are_errors(tmp_path: Path, new: str, code: str) -> None:
    [problem] = problems_of(mini_with(tmp_path, "title: Mini test scenario", new))
    assert problem.startswith("broken.yaml:4:8: error: the text holds ")
    assert code in problem and "delete it" in problem


def test_a_title_is_one_line(tmp_path: Path) -> None:
    [problem] = problems_of(mini_with(tmp_path, "title: Mini test scenario", 'title: "Mini\\ntest"'))
    assert problem == ("broken.yaml:4:8: error: a name, title or label is one line, but this one "
                       "holds a line break")


def test_a_description_may_have_lines_and_tabs(tmp_path: Path) -> None:
    path = mini_with(tmp_path, "description: Small enough that each rule can be tested by hand.",
                     'description: "One\\n\\tTwo"')
    assert load_scenario(path).scenario.description == "One\n\tTwo"


# --- files that are not files -------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_validate_refuses_a_fifo_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert main(["validate", str(fifo)]) == 1
    assert f"{fifo}:0:0: error: this is not a regular file" in capsys.readouterr().out


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this platform")
def test_validate_refuses_a_link_to_dev_zero(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    assert main(["validate", str(link)]) == 1
    assert f"{link}:0:0: error: this is not a regular file" in capsys.readouterr().out


# --- only ScenarioError leaves the loader -------------------------------------------------------


@pytest.mark.parametrize("error", [RecursionError(), MemoryError(), OverflowError("x"),
                                   ValueError("x"), ZeroDivisionError(), RuntimeError("bug")])
def test_only_scenario_error_leaves_the_loader(monkeypatch: pytest.MonkeyPatch,
                                               error: Exception) -> None:
    def fail(*args: object) -> None:
        raise error

    monkeypatch.setattr(loader, "compile_rules", fail)
    with pytest.raises(ScenarioError) as caught:
        load_from_bytes(MINI.read_bytes(), "mini.yaml")
    [problem] = caught.value.problems
    assert problem.file == "mini.yaml" and problem.message and problem.hint


# --- too many problems --------------------------------------------------------------------------


def unknown_keys(n: int) -> bytes:
    extra = "".join(f"    gret_powr{i}: 1\n" for i in range(n))
    return MINI.read_bytes().replace(b"    great_power: true\n",
                                     b"    great_power: true\n" + extra.encode())


def wrong_types(n: int) -> bytes:
    """``n`` path steps, each with a date that is a number and a wrong action."""
    steps = "".join('  - date: 1930\n    actions: [1]\n' for _ in range(n))
    return MINI.read_bytes().replace(b"historical_path:\n", b"historical_path:\n" + steps.encode())


def unknown_ids(n: int) -> bytes:
    """``n`` actions of the historical path that name no action (well-formed ids)."""
    ids = ", ".join(f"pakt_finland{i}" for i in range(n))
    steps = "".join(f'  - date: "1930-04"\n    actions: [{ids}]\n' for _ in range(1))
    return MINI.read_bytes().replace(b"historical_path:\n", b"historical_path:\n" + steps.encode())


@pytest.mark.parametrize("make", [unknown_keys, wrong_types])
def test_problems_are_capped_and_the_rest_counted(make: Callable[[int], bytes],
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "many.yaml"
    path.write_bytes(make(1500))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS
    assert error.more >= 1500 - MAX_PROBLEMS
    assert error.lines()[-1] == f"… and {error.more:,} more problems"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == MAX_PROBLEMS + 2
    assert out[-2] == f"… and {error.more:,} more problems"
    assert out[-1] == f"{error.count} error(s), 0 warning(s) in 1 file(s)"


def test_many_wrong_values_are_checked_item_by_item(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file with more errors than MAX_ERRORS_AT_ONCE never asks pydantic for all of them."""
    monkeypatch.setattr(loader, "MAX_ERRORS_AT_ONCE", 50)
    asked: list[int] = []
    real = loader.Scenario.model_validate

    def whole(data: Any) -> Any:
        asked.append(1)
        return real(data)

    monkeypatch.setattr(loader.Scenario, "model_validate", whole)
    with pytest.raises(ScenarioError) as caught:
        load_from_bytes(wrong_types(300), "many.yaml")
    assert asked == []
    assert caught.value.count >= 600
    assert caught.value.problems[0].message == "'date' must be text, not the number 1930"


# --- error paths grow linearly ------------------------------------------------------------------


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    calls = [0]
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.mark.parametrize(
    ("make", "owner", "name"),
    [
        (unknown_keys, loader, "_clean_loc"),
        (unknown_keys, expr, "suggest"),
        (wrong_types, loader, "_clean_loc"),
        (unknown_ids, expr, "suggest"),
    ],
)
def test_error_paths_grow_linearly(monkeypatch: pytest.MonkeyPatch, make: Callable[[int], bytes],
                                   owner: Any, name: str) -> None:
    calls = count_calls(monkeypatch, owner, name)
    work = []
    for n in (250, 1000):
        calls[0] = 0
        with pytest.raises(ScenarioError):
            load_from_bytes(make(n), "many.yaml")
        work.append(calls[0])
    assert work[1] <= 4.5 * work[0] + 50, work


# --- validate's simulated games -----------------------------------------------------------------


def many_events(n: int) -> bytes:
    """The mini scenario over 10 years, with ``n`` more dated events with three choices each."""
    text = MINI.read_text(encoding="utf-8").replace('end: "1931-10"', 'end: "1939-12"')
    events = "".join(
        f"  - id: extra{i}\n    title: Extra {i}\n    text: Something happens.\n"
        f'    date: "{1930 + i % 10}-{i % 12 + 1:02d}"\n    choices:\n'
        + "".join(f"      - id: c{k}\n        label: C{k}\n        stance: security\n"
                  f"        effects:\n          - {{aim: recognition, add: {k - 1}}}\n"
                  for k in range(3))
        + "    historical_choice: c0\n"
        for i in range(n))
    return text.replace("events:\n", "events:\n" + events).encode()


def test_validate_work_is_capped_whatever_the_scenario(monkeypatch: pytest.MonkeyPatch) -> None:
    moves = count_calls(monkeypatch, lint, "apply_action")
    plan = lint.SimulationPlan(random=10, work=200_000)
    played = []
    for n in (20, 80):
        moves[0] = 0
        rules = load_from_bytes(many_events(n), "big.yaml").rules
        seen = lint.coverage(rules, plan)
        # The last move may overshoot by its own cost only.
        assert seen.work <= plan.work + lint.APPLY_UNITS * (len(rules.actions) + 2) + 10_000
        played.append(moves[0])
    assert played[1] <= 4.5 * played[0], played
    assert seen.stopped
    warnings = lint.simulated_warnings(rules, plan)
    assert all("validate's work limit stopped the rest" in w.message for w in warnings
               if "simulated game" in w.message)


def test_what_if_games_find_the_same_as_playing_each_from_the_start() -> None:
    """Starting a what-if game from history's state at its first changed event loses nothing."""
    from game.core.engine import apply_action, available_action_indices, move_limit, new_game
    from game.core.policies import history_with, what_if_plans

    rules = load_from_bytes(many_events(6), "big.yaml").rules
    plan = lint.SimulationPlan(random=0, greedy=0, passive=0, history=1)
    fired = possible = 0
    endings = set()
    for changes in [{}] + what_if_plans(rules, plan.what_if):
        state = new_game(rules, 0)
        for _ in range(move_limit(rules)):
            if state.ending_index >= 0:
                break
            if not state.pending:
                for index in available_action_indices(state):
                    possible |= 1 << index
            state = apply_action(state, history_with(changes)(state, None))  # type: ignore[arg-type]
        fired |= state.fired
        endings.add(state.ending_index)
    seen = lint.coverage(rules, plan)
    assert (seen.fired, seen.possible, seen.endings) == (fired, possible, frozenset(endings))
    assert not seen.stopped
    assert dict(seen.played)["what_if"] == len(what_if_plans(rules, plan.what_if))
