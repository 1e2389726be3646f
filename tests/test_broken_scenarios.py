"""Broken scenarios: each mistake a teacher makes gets file:line:col, what is wrong and a hint.

Every case starts from the valid tests/data/mini.yaml, changes one thing, and
expects the exact place of the problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario

MINI = Path(__file__).parent / "data" / "mini.yaml"


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"the test's anchor text {old!r} is not in mini.yaml"
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return [p.format().replace(str(path), "broken.yaml") for p in info.value.problems]


CASES = [
    # (what is wrong, old text, new text, expected start of the problem line, text in it)
    (
        "unknown nation with a suggestion",
        "{relation: finland, add: 30}",
        "{relation: fin, add: 30}",
        "broken.yaml:70:20: error: unknown nation 'fin'",
        "did you mean 'finland'?",
    ),
    (
        "unknown field with a suggestion",
        '    earliest: "1930-04"\n    stance: security',
        '    erliest: "1930-04"\n    stance: security',
        "broken.yaml:67:5: error: unknown field 'erliest'",
        "did you mean 'earliest'?",
    ),
    (
        "text where a number is needed",
        "  months_per_turn: 3",
        "  months_per_turn: three",
        "broken.yaml:12:20: error: 'months_per_turn' must be a whole number",
        "not the text 'three'",
    ),
    (
        "yes is not a boolean",
        "great_power: true",
        "great_power: yes",
        "broken.yaml:61:18: error: 'great_power' must be true or false",
        "yes/no/on/off",
    ),
    (
        "a date that is not a month",
        '  start: "1930-01"',
        "  start: 1930-01-15",
        "broken.yaml:10:10: error: 'start' must be a month written \"YYYY-MM\"",
        "1933-01",
    ),
    (
        "missing required field",
        "    title: A thaw\n",
        "",
        "broken.yaml:122:5: error: 'title' is missing",
        "add a line 'title: ...'",
    ),
    (
        "unknown name in a condition",
        "when: treaty.finland.non_aggression",
        "when: treaty.finland.non_agression",
        "broken.yaml:126:11: error: in 'treaty.finland.non_agression': unknown treaty kind",
        "did you mean 'non_aggression'?",
    ),
    (
        "= instead of == in a condition",
        "when: treaty.finland.non_aggression",
        "when: relation.finland = 3",
        "broken.yaml:126:28: error: in 'relation.finland = 3': unexpected character '='",
        "compare with '=='",
    ),
    (
        "duplicate key",
        "    chance: 0.5\n",
        "    chance: 0.5\n    chance: 0.7\n",
        "broken.yaml:133:5: error: duplicate key 'chance'",
        "line 132",
    ),
    (
        "historical choice that is not a choice",
        "historical_choice: yield",
        "historical_choice: yeild",
        "broken.yaml:121:24: error: unknown choice 'yeild'",
        "did you mean 'yield'?",
    ),
    (
        "bad indentation",
        "    relation: 20\n",
        "   relation: 20\n",
        "broken.yaml:60:",
        "indentation",
    ),
    (
        "an anchor",
        "  - id: brief\n",
        "  - &src\n    id: brief\n",
        "broken.yaml:163:5: error:",
        "anchor",
    ),
    (
        "a value out of range",
        "    relation: 20",
        "    relation: 250",
        "broken.yaml:60:15: error: 'relation' must be less than or equal to 100",
        "250",
    ),
    (
        "historical path action that is not possible then",
        '  - date: "1930-04"\n    actions: [pact_finland]',
        '  - date: "1930-01"\n    actions: [pact_finland]',
        "broken.yaml:151:15: error: the historical path cannot take 'pact_finland' on 1930-01",
        "not yet possible at this date",
    ),
    (
        "an ending without a condition before the last",
        "    when: security >= 60\n",
        "",
        "broken.yaml:",
        "only the last ending may leave out 'when'",
    ),
]


@pytest.mark.parametrize("what, old, new, where, detail", CASES, ids=[c[0] for c in CASES])
def test_broken_scenario_is_reported_at_its_place(
    tmp_path: Path, what: str, old: str, new: str, where: str, detail: str
) -> None:
    lines = problems_of(broken(tmp_path, old, new))
    matching = [line for line in lines if line.startswith(where)]
    assert matching, f"{what}: expected a problem at {where!r}, got:\n" + "\n".join(lines)
    assert any(detail in line for line in matching), "\n".join(matching)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("{relation: finland, add: 30}", "{relation: fin, add: 30}")
    text = text.replace("great_power: true", "great_power: yes")
    text = text.replace(
        '    earliest: "1930-04"\n    stance: security',
        '    erliest: "1930-04"\n    stance: security',
    )
    text = text.replace("historical_choice: yield", "historical_choice: yeild")
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    lines = problems_of(path)
    assert any(":61:18:" in line for line in lines)
    assert any(":67:5:" in line for line in lines)
    assert any(":121:24:" in line for line in lines)
    assert len(lines) >= 3


def test_only_the_scenario_error_leaves_the_loader(tmp_path: Path) -> None:
    for data in (b"", b"\x00\x01\x02", b"- a\n- b\n", b"format: [1, 2", b"{}", b"x: !!binary AA"):
        path = tmp_path / "x.yaml"
        path.write_bytes(data)
        with pytest.raises(ScenarioError):
            load_scenario(path)
    with pytest.raises(ScenarioError):
        load_scenario(tmp_path / "missing.yaml")
    with pytest.raises(ScenarioError):
        load_scenario(tmp_path)


def test_more_treaty_kinds_than_the_engine_holds_are_refused(tmp_path: Path) -> None:
    kinds = "".join(f"  - id: k{i}\n    name: Kind {i}\n" for i in range(65))
    lines = problems_of(broken(tmp_path, "treaty_kinds:\n", "treaty_kinds:\n" + kinds))
    assert any("'treaty_kinds'" in line and "64" in line for line in lines), lines


def test_a_calendar_of_thousands_of_turns_is_refused(tmp_path: Path) -> None:
    lines = problems_of(broken(tmp_path, '  end: "1931-10"\n  months_per_turn: 3',
                               '  end: "2099-12"\n  months_per_turn: 1'))
    assert any("at most 600" in line for line in lines), lines
