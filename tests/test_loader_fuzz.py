"""Whatever a teacher's file holds, the loader answers with a scenario or a ScenarioError.

Hypothesis mutates a valid scenario line by line (deleting, duplicating,
swapping lines, changing indentation, replacing values with odd ones) and
feeds raw bytes too; nothing but ScenarioError may come out, and every
problem must carry a line and column inside the file.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.errors import ScenarioError
from game.scenario.loader import load_from_bytes

MINI_LINES = (Path(__file__).parent / "data" / "mini.yaml").read_text(encoding="utf-8").splitlines()
ODD_VALUES = ["", "yes", "NO", "0777", "1914-07-28", "12:30", "[]", "{}", "-", "~", "1e999", "'x'",
              "[1, [2, [3]]]", "relation.germany > ", "!!str x", "&a x", "*a", "<< : x", "true",
              "-5", "3.5", "\"1930-13\"", "finland", "non_aggression", "null", "\t", "@", "|"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = list(MINI_LINES)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "value"]))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif kind == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(ODD_VALUES))}"
        if not lines:
            break
    return ("\n".join(lines) + "\n").encode()


def check(data: bytes) -> None:
    try:
        load_from_bytes(data, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems
        n_lines = len(data.splitlines()) + 1
        for p in exc.problems:
            assert p.file == "fuzz.yaml"
            assert 0 <= p.line <= n_lines + 1, p.format()
            assert p.message


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_scenarios_give_a_scenario_or_a_scenario_error(data: bytes) -> None:
    check(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_scenario_error(data: bytes) -> None:
    check(data)
