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


# --- numbers: the hint fits what was written ---------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("fifty", "write a number such as 50"),
        ("90%", "write a number such as 50, without the '%': 90"),
        ("1e400", "write a number such as 50; numbers in a scenario are written out in full, "
                  "such as 1.5 or 2000"),
        ('"40"', "write the number without quotes"),
        ("'40'", "write the number without quotes"),
        ('"forty"', "write a number such as 50"),
    ],
)
def test_a_number_hint_says_without_quotes_only_when_there_were_quotes(
        tmp_path: Path, written: str, hint: str) -> None:
    path = write(tmp_path, ("    start: 40\n", f"    start: {written}\n"))
    (p,) = errors(path)
    assert (p.line, p.col) == (line_of(path, f"start: {written}"), 12)
    assert p.message.startswith("'start' must be a number, not the text")
    assert p.hint == hint


# --- YAML syntax: plain words, the real line, a caret ------------------------------------------


def syntax(tmp_path: Path, old: str, new: str) -> tuple[Path, Problem, list[str]]:
    """The first problem of the template with one change, and what validate prints for it."""
    path = write(tmp_path, (old, new))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    first = caught.value.problems[0]
    return path, first, caught.value.lines()


def test_a_key_without_its_colon_is_reported_on_its_own_line_with_a_caret(
        tmp_path: Path) -> None:
    path, p, shown = syntax(tmp_path, "actions_per_turn: 2 ", "actions_per_turn 2 ")
    line = line_of(path, "actions_per_turn 2")
    assert (p.line, p.col) == (line, 17)
    assert p.message == "'actions_per_turn' has no ':' after it"
    assert "as in 'actions_per_turn: 2'" in p.hint
    at = shown.index(p.format())
    assert shown[at + 1] == f" {line} | actions_per_turn 2            # action points the " \
                            "player may spend each turn"
    assert shown[at + 2] == f" {' ' * len(str(line))} | {' ' * 16}^"


def test_a_list_item_key_without_its_colon(tmp_path: Path) -> None:
    path, p, _ = syntax(tmp_path, "  - id: propose_alliance\n    name:",
                        "  - id: propose_alliance\n    name Propose a triple alliance\n    x:")
    assert p.line == line_of(path, "name Propose")
    assert p.message.startswith("'name' has no ':' after it")


def test_an_unclosed_quotation_mark_is_found_where_it_opens(tmp_path: Path) -> None:
    path, p, _ = syntax(tmp_path, 'title: "Template: the year of the pact, 1938-1940"',
                        'title: "Template: the year of the pact, 1938-1940')
    assert (p.line, p.col) == (line_of(path, "title:"), 8)
    assert p.hint == "close the quotation mark at the end of the text"
    assert "indentation" not in p.hint


def test_an_apostrophe_inside_single_quotes(tmp_path: Path) -> None:
    path, p, _ = syntax(tmp_path, "author: Statecraft team", "author: 'Stalin's team'")
    assert p.line == line_of(path, "author:")
    assert p.message == "the text goes on after its closing quotation mark"
    assert "(Stalin''s)" in p.hint


def test_a_tab_and_a_reserved_character_in_plain_words(tmp_path: Path) -> None:
    path, p, _ = syntax(tmp_path, '  start: "1938-07"', '\tstart: "1938-07"')
    assert p.line == line_of(path, "\tstart")
    assert "tab" in p.message and "spaces" in p.hint
    path, p, _ = syntax(tmp_path, "author: Statecraft team", "author: `the team`")
    assert p.message == "a text cannot start with '`' unless it is in quotes"


def test_an_unclosed_bracket_points_at_the_end_of_its_line(tmp_path: Path) -> None:
    path, p, _ = syntax(tmp_path, "    treaties: [relations, non_aggression]",
                        "    treaties: [relations, non_aggression")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.endswith("[relations, non_aggression"))
    assert (p.line, p.col) == (line, 41)
    assert p.message == "the list opened with '[' at column 15 is not closed with ']'"


def test_a_key_indented_too_far_is_shown_at_that_key(tmp_path: Path) -> None:
    path, p, _ = syntax(tmp_path, "    lean: -1\n    historians:", "    lean: -1\n      historians:")
    assert (p.line, p.col) == (line_of(path, "      historians:"), 7)
    assert p.message.startswith("'historians' is indented more than the key above it")


@pytest.mark.parametrize("old, new", [
    ("author: Statecraft team", "author: Statecraft team: 2024"),
    ("actions_per_turn: 2 ", "actions_per_turn 2 "),
    ('title: "Template: the year of the pact, 1938-1940"', "title: 'Template"),
    ("    treaties: [relations]", "    treaties: [relations"),
    ("  - id: rearm", "  - id: rearm\n - oops"),
    ("  start: \"1938-07\"", "  start: \"1938-07\"\n\tend: x"),
])
def test_no_syntax_message_uses_the_parsers_words(tmp_path: Path, old: str, new: str) -> None:
    _, p, _ = syntax(tmp_path, old, new)
    for word in ("scalar", "simple key", "block collection", "block mapping", "end of stream",
                 "token", "mapping values", "<block end>"):
        assert word not in p.message and word not in p.hint, p.format()


# --- one problem does not hide the others ------------------------------------------------------


def test_problems_after_a_syntax_error_are_still_reported_and_marked(tmp_path: Path) -> None:
    path = write(tmp_path, ("actions_per_turn: 2 ", "actions_per_turn 2 "),
                 ("    start: 40\n", "    start: forty\n"))
    found = errors(path)
    assert [p.line for p in found] == [line_of(path, "actions_per_turn 2"),
                                       line_of(path, "start: forty")]
    assert found[1].message == "'start' must be a number, not the text 'forty'"
    assert found[1].hint.endswith("this comes after the syntax error at line "
                                  f"{found[0].line} and may be a consequence of it")
    # Nothing about the blanked line itself ('actions_per_turn' is missing) is said.
    assert not [p for p in found if "missing" in p.message]


def test_a_problem_while_reading_does_not_hide_the_models_problems(tmp_path: Path) -> None:
    path = write(tmp_path, ("author: Statecraft team", "author: &who Statecraft team"),
                 ("  months_per_turn: 3", "  months_per_turn: three"))
    found = errors(path)
    assert [(p.line, p.message.split(" ")[0]) for p in found] == [
        (line_of(path, "&who"), "anchor"), (line_of(path, "months_per_turn: three"), "'months_per_turn'")]


def test_a_value_reported_while_reading_is_not_reported_again(tmp_path: Path) -> None:
    path = write(tmp_path, ("    start: 40\n", "    start: 1.0e999\n"))
    (p,) = errors(path)
    assert p.message.startswith("the number 1.0e999 is out of range")


# --- an ending that can never be reached says why ----------------------------------------------


@pytest.mark.parametrize(("when", "why"), [
    ("strength > 100", "strength is never > 100 (it lies from 0 to 100)"),
    ("strength >= 78 and strength < 50", "strength cannot be >= 78 and < 50 at once"),
    ("relation.germany < -100 or security > 120",
     "relation.germany is never < -100 (it lies from -100 to 100), and security is never > 120 "
     "(it lies from 0 to 100)"),
    ("flag.pact_signd", "flag.pact_signd is never set by any effect; did you mean "
                        "'pact_signed'?"),
])
def test_an_unreachable_ending_says_why_without_playing(
        tmp_path: Path, when: str, why: str) -> None:
    path = write(tmp_path, ("    when: flag.pact_signed\n", f"    when: {when}\n"))
    found = [w for w in warnings(path) if w.message.startswith("ending 'the_pact'")]
    assert [w.message for w in found] == [
        f"ending 'the_pact' can never be reached: its 'when' can never be true: {why}"]
    assert found[0].line == line_of(path, f"when: {when}")


def test_a_reachable_condition_gets_no_such_warning(tmp_path: Path) -> None:
    path = write(tmp_path, ("    when: flag.pact_signed\n",
                            "    when: flag.pact_signed and strength >= 100 or not "
                            "(security < 0)\n"))
    assert not [w for w in warnings(path) if "can never" in w.message]
