"""Messages a teacher understands (issue 11, section 1): each class of mistake, written as a
teacher would write it, gets a message in plain words at the place of the mistake, with a hint
that fits it.

Every case starts from scenarios/template.yaml (what a teacher copies) and changes one thing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import load_scenario

TEMPLATE = Path(__file__).parent.parent / "scenarios" / "template.yaml"


def write(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """The template with each ``(old, new)`` change made once."""
    text = TEMPLATE.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) >= 1, f"the test's anchor text {old!r} is not in the template"
        text = text.replace(old, new, 1)
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` holding ``needle``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def errors(path: Path) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return caught.value.problems


def warnings(path: Path) -> list[Problem]:
    return load_scenario(path).warnings


# --- the calendar: the last turn covers all its months -----------------------------------------


def test_events_in_the_months_of_the_last_turn_are_inside_the_calendar(tmp_path: Path) -> None:
    # Quarters ending "1939-07": the last turn is July-September 1939.
    path = write(tmp_path, ('end: "1940-04"', 'end: "1939-07"'),
                 ('  - date: "1939-10"\n    actions: [rearm]\n'
                  '  - date: "1940-01"\n    actions: [rearm]\n', ""),
                 ('latest: "1939-10"', 'latest: "1939-09"'),
                 ('earliest: "1939-10"', 'earliest: "1939-09"'))
    found = [w for w in warnings(path) if "calendar" in w.message]
    assert found == []


def test_a_date_after_the_last_turn_is_outside_and_the_message_says_where_it_ends(
        tmp_path: Path) -> None:
    path = write(tmp_path, ('end: "1940-04"', 'end: "1939-07"'),
                 ('  - date: "1939-10"\n    actions: [rearm]\n'
                  '  - date: "1940-01"\n    actions: [rearm]\n', ""),
                 ('latest: "1939-10"', 'latest: "1939-09"'))
    found = [w for w in warnings(path) if "calendar" in w.message]
    assert [(w.line, w.message) for w in found] == [
        (line_of(path, 'earliest: "1939-10"'),
         "the date 1939-10 is outside the calendar (1938-07 to 1939-07)")]
    assert found[0].hint.startswith("the last turn runs to 1939-09; move it inside")


# --- effects beyond an aim's or a relation's range -----------------------------------------------


def test_an_aim_set_beyond_its_maximum_is_an_error_at_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, ("      - {aim: strength, add: 3}", "      - {aim: strength, set: 150}"))
    (p,) = errors(path)
    assert (p.line, p.col) == (line_of(path, "set: 150"), 30)
    assert p.message == "'set: 150' is outside the range of aim 'strength' (0 to 100)"
    assert "from 0 to 100" in p.hint


def test_a_relation_set_below_minus_100_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, ("      - {relation: germany, add: 15}",
                            "      - {relation: germany, set: -250}"))
    (p,) = errors(path)
    assert p.line == line_of(path, "set: -250")
    assert p.message == "'set: -250' is outside the range of the relation with 'germany' " \
                        "(-100 to 100)"


def test_an_add_larger_than_the_whole_range_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, ("      - {aim: recognition, add: 2}",
                            "      - {aim: recognition, add: 500}"))
    (p,) = [w for w in warnings(path) if "range" in w.message]
    assert p.severity == "warning"
    assert p.line == line_of(path, "add: 500")
    assert p.message == "'add: 500' is more than the whole range of aim 'recognition' (0 to 100)"
    assert "stops at 100" in p.hint


def test_an_aim_with_its_own_bounds_is_checked_against_them(tmp_path: Path) -> None:
    path = write(tmp_path, ("    start: 45\n", "    start: 45\n    min: -50\n    max: 200\n"),
                 ("      - {aim: strength, add: 3}", "      - {aim: strength, set: 150}"))
    assert not [w for w in warnings(path) if "range" in w.message]


# --- a misspelt flag ---------------------------------------------------------------------------


def test_a_misspelt_flag_gets_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, ("when: flag.pact_signed\n", "when: flag.pact_sined\n"))
    found = {w.message: w.hint for w in warnings(path)}
    assert found["flag.pact_sined is read but nothing sets it, so it is always false"] == \
        "did you mean 'pact_signed', which an effect sets?"
    reached = [m for m in found if m.startswith("ending 'the_pact' can never be reached")]
    assert reached and "did you mean 'pact_signed'?" in reached[0]
