"""Named cases for game.scenario.yamlsafe: each rule, with the exact line:col reported.

Every test runs twice: with libyaml's C parser and with PyYAML's pure-Python parser (the
fallback when PyYAML is built without libyaml).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.scenario import yamlsafe
from game.scenario.errors import ScenarioError
from game.scenario.yamlsafe import MAX_BYTES, MAX_DEPTH, MAX_PROBLEMS, read_yaml, read_yaml_file

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if yaml.__with_libyaml__:
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(autouse=True, params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Run each test with each parser."""
    monkeypatch.setattr(yamlsafe, "_LOADER", request.param)
    yield request.param


def load(text: str | bytes) -> Any:
    """Return the document read from ``text``."""
    data = text.encode() if isinstance(text, str) else text
    return read_yaml(data, "s.yaml")[0]


def problems(text: str | bytes) -> list[tuple[int, int, str]]:
    """Return ``(line, col, message)`` of each problem ``text`` raises (it must raise)."""
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(ScenarioError) as caught:
        read_yaml(data, "s.yaml")
    assert all(p.file == "s.yaml" and p.severity == "error" for p in caught.value.problems)
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def one_problem(text: str | bytes) -> tuple[int, int, str, str]:
    """Return ``(line, col, message, hint)`` of the single problem ``text`` raises."""
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(ScenarioError) as caught:
        read_yaml(data, "s.yaml")
    assert len(caught.value.problems) == 1, caught.value
    p = caught.value.problems[0]
    return p.line, p.col, p.message, p.hint


# --- 1. size cap -----------------------------------------------------------------------------


def test_over_two_mib_is_rejected_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed a file over the cap")

    monkeypatch.setattr(yamlsafe, "_build", no_parsing)
    monkeypatch.setattr(yamlsafe, "_decode", no_parsing)
    line, col, message, hint = one_problem(b"a: b\n" * (MAX_BYTES // 5 + 1))
    assert (line, col) == (0, 0)
    assert "too large" in message and "2 MiB" in message
    assert hint


def test_exactly_two_mib_is_accepted() -> None:
    data = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(data) == MAX_BYTES
    assert len(load(data)["a"]) == MAX_BYTES - 4


def test_file_over_cap_is_rejected_by_stat_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as file:
        file.truncate(3 * 1024 * 1024)  # sparse: 3 MiB of nothing

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("opened a file over the cap")

    monkeypatch.setattr(yamlsafe, "open", no_open, raising=False)
    with pytest.raises(ScenarioError) as caught:
        read_yaml_file(big)
    [p] = caught.value.problems
    assert (p.file, p.line, p.col) == (str(big), 0, 0)
    assert "too large" in p.message


# --- 2. encoding ------------------------------------------------------------------------------


def test_invalid_utf8_reports_first_bad_byte() -> None:
    line, col, message, hint = one_problem(b"a: 1\nb: caf\xe9\n")
    assert (line, col) == (2, 7)
    assert "not UTF-8" in message and "0xE9" in message
    assert "UTF-8" in hint


def test_invalid_utf8_column_counts_characters() -> None:
    line, col, _, _ = one_problem("éé: ".encode() + b"\xff")
    assert (line, col) == (1, 5)


def test_utf16_gets_a_specific_hint() -> None:
    line, col, message, hint = one_problem("a: 1\n".encode("utf-16"))
    assert (line, col) == (1, 1)
    assert "UTF-16" in hint


def test_nul_byte_is_reported_as_binary() -> None:
    line, col, message, _ = one_problem(b"a: 1\nb: x\x00y\n")
    assert (line, col) == (2, 5)
    assert "NUL" in message and "binary" in message


def test_first_bad_byte_wins_between_nul_and_bad_utf8() -> None:
    line, col, message, _ = one_problem(b"a: \x00\nb: \xff\n")
    assert (line, col, "NUL" in message) == (1, 4, True)
    line, col, message, _ = one_problem(b"a: \xff\nb: \x00\n")
    assert (line, col, "UTF-8" in message) == (1, 4, True)


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        (b"a: 1\nb: 2\x07\n", "U+0007", (2, 5)),
        (b"a: \x1b[31m\n", "U+001B", (1, 4)),
        (b"a: \xc2\x80\n", "U+0080", (1, 4)),
        (b"a: x\r\nb: \xef\xbf\xbe\n", "U+FFFE", (2, 4)),
    ],
)
def test_control_characters_are_rejected(text: bytes, code: str, where: tuple[int, int]) -> None:
    line, col, message, _ = one_problem(text)
    assert (line, col) == where
    assert code in message


def test_utf8_bom_is_fine_and_does_not_shift_columns() -> None:
    doc, values, keys = read_yaml(b"\xef\xbb\xbfa: 1\nb: [x]\n", "s.yaml")
    assert doc == {"a": 1, "b": ["x"]}
    assert values[("a",)] == (1, 4)
    assert keys[("a",)] == (1, 1)


def test_non_ascii_text_is_kept() -> None:
    assert load("name: Сталин\nquote: «Жить стало лучше»\n") == {
        "name": "Сталин",
        "quote": "«Жить стало лучше»",
    }


# --- 3. built from events, marks ----------------------------------------------------------------


def test_values_and_marks() -> None:
    text = (
        "id: ussr\n"  # 1
        "years: [1928, 1941]\n"  # 2
        "leader:\n"  # 3
        "  name: 'Stalin'\n"  # 4
        "  traits:\n"  # 5
        "  - cautious\n"  # 6
        "  - {paranoid: true}\n"  # 7
        "notes: |\n"  # 8
        "  Five-year plan.\n"  # 9
    )
    doc, values, keys = read_yaml(text.encode(), "s.yaml")
    assert doc == {
        "id": "ussr",
        "years": [1928, 1941],
        "leader": {"name": "Stalin", "traits": ["cautious", {"paranoid": True}]},
        "notes": "Five-year plan.\n",
    }
    assert values == {
        (): (1, 1),
        ("id",): (1, 5),
        ("years",): (2, 8),
        ("years", 0): (2, 9),
        ("years", 1): (2, 15),
        ("leader",): (4, 3),
        ("leader", "name"): (4, 9),
        ("leader", "traits"): (6, 3),
        ("leader", "traits", 0): (6, 5),
        ("leader", "traits", 1): (7, 5),
        ("leader", "traits", 1, "paranoid"): (7, 16),
        ("notes",): (8, 8),
    }
    assert keys == {
        ("id",): (1, 1),
        ("years",): (2, 1),
        ("leader",): (3, 1),
        ("leader", "name"): (4, 3),
        ("leader", "traits"): (5, 3),
        ("leader", "traits", 1, "paranoid"): (7, 6),
        ("notes",): (8, 1),
    }


def test_scalar_root_and_list_root() -> None:
    assert read_yaml(b"hello\n", "s.yaml") == ("hello", {(): (1, 1)}, {})
    assert read_yaml(b"- 1\n- x\n", "s.yaml") == (
        [1, "x"],
        {(): (1, 1), (0,): (1, 3), (1,): (2, 3)},
        {},
    )


def test_explicit_null_document_is_returned() -> None:
    assert read_yaml(b"null\n", "s.yaml") == (None, {(): (1, 1)}, {})


def test_does_not_use_yaml_load_compose_or_construct(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the composer/constructor must not be used")

    for name in ("load", "safe_load", "compose", "full_load", "unsafe_load"):
        monkeypatch.setattr(yaml, name, forbidden)
    for cls in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        for name in ("get_single_node", "get_node", "construct_document", "get_single_data"):
            monkeypatch.setattr(cls, name, forbidden)
    assert load("a: [1, {b: c}]\n") == {"a": [1, {"b": "c"}]}


# --- 4. anchors, aliases, merge keys, tags, documents, empty ------------------------------------


def test_anchor_and_alias_each_reported_at_their_place() -> None:
    text = "base: &b\n  x: 1\ncopy: *b\n"
    with pytest.raises(ScenarioError) as caught:
        read_yaml(text.encode(), "s.yaml")
    found = [(p.line, p.col, p.message, p.hint) for p in caught.value.problems]
    assert [(line, col) for line, col, _, _ in found] == [(1, 7), (3, 7)]
    assert "anchor '&b'" in found[0][2] and "alias '*b'" in found[1][2]
    assert all("anchors/aliases" in hint and "write the value out" in hint for *_, hint in found)


def test_merge_key_is_rejected() -> None:
    text = "base: {x: 1}\nother:\n  <<: {x: 2}\n  y: 3\n"
    line, col, message, hint = one_problem(text)
    assert (line, col) == (3, 3)
    assert "merge keys ('<<')" in message
    assert "write the entries out" in hint


def test_quoted_double_angle_is_an_ordinary_key() -> None:
    assert load("'<<': 1\n") == {"<<": 1}


@pytest.mark.parametrize(
    ("text", "where", "shown"),
    [
        ('x: !!python/object/apply:os.system ["echo pwned"]\n', (1, 4), "!!python/object/apply"),
        ("x: !!str 5\n", (1, 4), "'!!str'"),
        ("x: !foo bar\n", (1, 4), "'!foo'"),
        ("x: ! bar\n", (1, 4), "'!'"),
        ("x: !<tag:yaml.org,2002:int> 5\n", (1, 4), "'!!int'"),
        ("x: !!map {a: 1}\n", (1, 4), "'!!map'"),
        ("x:\n- !!seq []\n", (2, 3), "'!!seq'"),
        ("!!str key: 1\n", (1, 1), "'!!str'"),
        ("!!map\na: 1\n", (1, 1), "'!!map'"),
    ],
)
def test_tags_are_rejected(text: str, where: tuple[int, int], shown: str) -> None:
    line, col, message, hint = one_problem(text)
    assert (line, col) == where
    assert "tag" in message and shown in message
    assert "tags" in hint


def test_anchor_and_tag_on_one_node_are_two_problems_at_their_places() -> None:
    assert problems("a: !!str &x 1\nb: &y !!int 2\n") == [
        (1, 4, "tag '!!str' is not allowed"),
        (1, 10, "anchor '&x' is not allowed"),
        (2, 4, "anchor '&y' is not allowed"),
        (2, 7, "tag '!!int' is not allowed"),
    ]


def test_several_documents_are_rejected() -> None:
    line, col, message, hint = one_problem("a: 1\n---\nb: 2\n")
    assert (line, col) == (2, 1)
    assert "more than one YAML document" in message
    assert "single document" in hint
    line, col, message, _ = one_problem("a: 1\n...\n---\nb: 2\n")
    assert (line, col) == (3, 1)


def test_leading_document_markers_are_fine() -> None:
    assert load("%YAML 1.1\n---\na: 1\n...\n") == {"a": 1}


@pytest.mark.parametrize(
    "text",
    [b"", b"\n\n", b"   \n", b"# only a comment\n", b"---\n", b"--- \n...\n", b"\xef\xbb\xbf"],
)
def test_empty_file(text: bytes) -> None:
    assert one_problem(text)[:3] == (1, 1, "the file is empty")


# --- 5. nesting depth --------------------------------------------------------------------------


def test_flow_nesting_at_the_limit_is_fine() -> None:
    doc = load("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    for _ in range(MAX_DEPTH - 1):
        doc = doc[0]
    assert doc == []


def test_flow_nesting_past_the_limit() -> None:
    line, col, message, hint = one_problem("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert (line, col) == (1, MAX_DEPTH + 1)
    assert "nested too deeply" in message and "64" in message
    assert hint


def test_block_sequence_nesting_past_the_limit() -> None:
    assert load("- " * MAX_DEPTH + "x\n") is not None
    line, col, message, _ = one_problem("- " * (MAX_DEPTH + 1) + "x\n")
    assert (line, col) == (1, 2 * MAX_DEPTH + 1)
    assert "nested too deeply" in message


def test_indented_mapping_nesting_past_the_limit() -> None:
    text = "".join(" " * i + "a:\n" for i in range(MAX_DEPTH + 10))
    line, col, message, _ = one_problem(text)
    assert (line, col) == (MAX_DEPTH + 1, MAX_DEPTH + 1)
    assert "nested too deeply" in message


def test_depth_error_stops_reading_but_keeps_earlier_problems() -> None:
    text = "a: &x 1\nb: " + "[" * 70 + "\nc: *x\n"
    assert problems(text) == [
        (1, 4, "anchor '&x' is not allowed"),
        (2, 4 + MAX_DEPTH - 1, f"the data is nested too deeply (more than {MAX_DEPTH} levels)"),
    ]


# --- 6. keys ------------------------------------------------------------------------------------


def test_duplicate_key() -> None:
    line, col, message, _ = one_problem("a: 1\nb: 2\na: 3\n")
    assert (line, col) == (3, 1)
    assert message == "duplicate key 'a'; it was first given at line 1"


def test_duplicate_key_in_flow_mapping_and_quoted_form() -> None:
    assert problems("x: {k: 1, k: 2}\n'x': 3\n") == [
        (1, 11, "duplicate key 'k'; it was first given at line 1"),
        (2, 1, "duplicate key 'x'; it was first given at line 1"),
    ]


def test_same_key_in_different_mappings_is_fine() -> None:
    assert load("a: {k: 1}\nb: {k: 2}\n") == {"a": {"k": 1}, "b": {"k": 2}}


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("? [a]\n: 1\n", (1, 3), "list"),
        ("[a]: 1\n", (1, 1), "list"),
        ("{a: 1}: 2\n", (1, 1), "mapping"),
        ("x:\n  ? {a: 1}\n  : 2\n", (2, 5), "mapping"),
    ],
)
def test_non_scalar_keys_are_rejected(text: str, where: tuple[int, int], what: str) -> None:
    line, col, message, _ = one_problem(text)
    assert (line, col) == where
    assert message == f"a key must be text, not a {what}"


def test_missing_key() -> None:
    assert one_problem("? \n: x\n")[2] == "an entry has no key"


def test_keys_are_the_text_as_written() -> None:
    assert load("1928: a\ntrue: b\nnull: c\n~: d\n1.5: e\n'': f\n") == {
        "1928": "a",
        "true": "b",
        "null": "c",
        "~": "d",
        "1.5": "e",
        "": "f",
    }


# --- 7. scalar typing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("-0", 0),
        ("42", 42),
        ("-17", -17),
        ("1928", 1928),
        ("1000000000", 1_000_000_000),
        ("-1000000000", -1_000_000_000),
        ("1000000000.0", 1e9),
        ("1.0e-400", 0.0),  # too small to tell from 0: harmless
        ("0.5", 0.5),
        ("-2.25", -2.25),
        ("1.5e3", 1500.0),
        ("1.0e-2", 0.01),
        ("2.0e+3", 2000.0),
        ("10.0", 10.0),
        # YAML 1.1 surprises stay strings.
        ("yes", "yes"),
        ("no", "no"),
        ("NO", "NO"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("True", "True"),
        ("FALSE", "FALSE"),
        ("Null", "Null"),
        ("NULL", "NULL"),
        ("12:30", "12:30"),
        ("190:20:30", "190:20:30"),
        ("0777", "0777"),
        ("00", "00"),
        ("-01", "-01"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("0b101", "0b101"),
        ("1914-07-28", "1914-07-28"),
        ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
        ("1_000", "1_000"),
        (".5", ".5"),
        ("5.", "5."),
        ("+5", "+5"),
        ("1e5", "1e5"),
        ("1.5E3", "1.5E3"),
        ("01.5", "01.5"),
        (".inf", ".inf"),
        ("-.inf", "-.inf"),
        (".nan", ".nan"),
        (".NaN", ".NaN"),
        ("=", "="),
        ("-x", "-x"),
        ("1 000", "1 000"),
        ("٣", "٣"),  # a non-ASCII digit is not a number
    ],
)
def test_plain_scalar_typing(plain: str, expected: Any) -> None:
    value = load(f"v: {plain}\n")["v"]
    assert value == expected and type(value) is type(expected)
    # The same in a list and at the top level.
    assert load(f"- {plain}\n") == [expected]
    if plain:
        top = load(plain + "\n")
        assert top == expected and type(top) is type(expected)


@pytest.mark.parametrize("text", ["'true'", '"1"', "'null'", '""', "'1.5'", "'~'", '"yes"'])
def test_quoted_scalars_are_strings(text: str) -> None:
    assert load(f"v: {text}\n")["v"] == text[1:-1]


def test_block_scalars_are_strings() -> None:
    assert load("a: |\n  12\nb: >\n  true\n") == {"a": "12\n", "b": "true\n"}


def test_number_too_long_and_float_overflow() -> None:
    beyond = ": numbers in a scenario lie between -1,000,000,000 and 1,000,000,000"
    assert problems("a: " + "9" * 101 + "\nb: 1.0e999\nc: -1.5e400\n") == [
        (1, 4, f"the number {'9' * 37}... is too long (101 characters)"),
        (2, 4, "the number 1.0e999 is out of range" + beyond),
        (3, 4, "the number -1.5e400 is out of range" + beyond),
    ]


@pytest.mark.parametrize(
    "number",
    ["1000000001", "-1000000001", "1.0e+200", "1000000000.5", "9" * 100, "-" + "9" * 99,
     "1.0e308", "-1.0e308", "123456789012345678901234567890"],
)
def test_numbers_beyond_a_billion_are_rejected_at_their_place(number: str) -> None:
    line, col, message, hint = one_problem(f"aims:\n  - max: {number}\n")
    assert (line, col) == (2, 10)
    assert message.startswith("the number ") and "between -1,000,000,000 and 1,000,000,000" in message
    assert "smaller number" in hint and "quotes" in hint


def test_quoted_big_number_is_text() -> None:
    assert load("a: '1.0e+200'\n") == {"a": "1.0e+200"}


# --- 8. syntax errors ---------------------------------------------------------------------------


def test_mapping_values_not_allowed() -> None:
    line, col, message, hint = one_problem("title: Stalin: the court of the red tsar\n")
    assert (line, col) == (1, 14)
    # Was PyYAML's "mapping values are not allowed here" (issue 11: say it in plain words).
    assert message == "this text holds ': ' (a colon and a space), which starts a new key here"
    assert "indentation" in hint and "quotes" in hint


def test_tab_indentation() -> None:
    line, col, message, hint = one_problem("a:\n\tb: 1\n")
    assert (line, col) == (2, 1)
    assert "'\\t'" in message
    assert "spaces, not tabs" in hint


def test_reserved_character() -> None:
    line, col, message, hint = one_problem("a: 1\nb: @home\n")
    assert (line, col) == (2, 4)
    # Was "found character '@' that cannot start any token" (issue 11: plain words).
    assert message == "a text cannot start with '@' unless it is in quotes"
    assert "quotes" in hint


def test_unclosed_quote_points_at_its_start() -> None:
    line, col, message, hint = one_problem("a: 'Five-year plan\nb: 2\n")
    # Was at (3, 1), the end of the file, saying "end of stream ... started at line 1,
    # column 4" (issue 11: point at the mistake, in plain words).
    assert (line, col) == (1, 4)
    assert message == "this quotation mark (') is never closed"
    assert hint == "close the quotation mark at the end of the text"


def test_unclosed_bracket() -> None:
    line, col, message, hint = one_problem("a: [1, 2\nb: 3\n")
    # Was at line 2, where the parser stopped (issue 11: the ']' is missing on line 1).
    assert (line, col) == (1, 9)
    assert message == "the list opened with '[' at column 4 is not closed with ']'"
    assert "']'" in hint


def test_bad_indentation() -> None:
    line, col, _, hint = one_problem("a:\n  b: 1\n c: 2\n")
    assert (line, col) == (3, 2)
    assert "indentation" in hint


def test_bad_escape() -> None:
    line, _, message, hint = one_problem('a: "C:\\quiz"\n')
    assert line == 1
    assert "unknown escape character" in message and "backslash" in hint
    line, _, _, hint = one_problem('a: "C:\\Users"\n')  # \U wants 8 hex digits
    assert line == 1
    assert "backslash" in hint


def test_syntax_error_keeps_problems_found_before_it() -> None:
    found = problems("a: &x 1\nb: !!str 2\nb: 3\nc: [1, 2\n")
    assert [(line, col) for line, col, _ in found][:3] == [(1, 4), (2, 4), (3, 1)]
    assert len(found) == 4
    assert "']'" in found[3][2]


@pytest.mark.parametrize(
    "error",
    [
        RuntimeError("boom"),
        MemoryError(),
        RecursionError("too deep"),
        ValueError("bad"),
        UnicodeDecodeError("utf-8", b"x", 0, 1, "bad"),
        yaml.YAMLError("odd"),
    ],
)
def test_nothing_but_scenario_error_escapes(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    class Exploding:
        def __init__(self, stream: object) -> None:
            raise error

    monkeypatch.setattr(yamlsafe, "_LOADER", Exploding)
    [(line, col, message)] = problems(b"a: 1\n")
    assert (line, col) == (0, 0) and message


# --- 9. all problems at once --------------------------------------------------------------------


def test_all_problems_reported_together_in_file_order() -> None:
    text = (
        "b: !!python/name:os.system x\n"  # 1
        "a: &anchor 1\n"  # 2
        "c: *anchor\n"  # 3
        "a: 2\n"  # 4
        "d:\n"  # 5
        "  <<: {x: 1}\n"  # 6
        "  [k]: v\n"  # 7
    )
    assert [(line, col) for line, col, _ in problems(text)] == [
        (1, 4),
        (2, 4),
        (3, 4),
        (4, 1),
        (6, 3),
        (7, 3),
    ]


def test_problem_count_is_capped() -> None:
    with pytest.raises(ScenarioError) as caught:
        read_yaml(("[" + ", ".join("*a" for _ in range(5000)) + "]\n").encode(), "s.yaml")
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS
    assert error.stopped
    assert error.lines()[-1] == "… and more problems not shown (reading stopped there)"
    assert len(str(error).splitlines()) == MAX_PROBLEMS + 1


# --- read_yaml_file -----------------------------------------------------------------------------


def test_read_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"a: [1, two]\n")
    assert read_yaml_file(path) == (
        {"a": [1, "two"]},
        {(): (1, 1), ("a",): (1, 4), ("a", 0): (1, 5), ("a", 1): (1, 8)},
        {("a",): (1, 1)},
    )
    path.write_bytes(b"a: 1\na: 2\n")
    with pytest.raises(ScenarioError) as caught:
        read_yaml_file(str(path))
    assert str(caught.value) == (
        f"{path}:2:1: error: duplicate key 'a'; it was first given at line 1 "
        "(each key may appear once in a mapping; remove or rename one)"
    )


def file_problem(path: str | os.PathLike[str]) -> tuple[str, int, int, str]:
    """Return ``(file, line, col, message)`` of the one problem reading ``path`` raises."""
    with pytest.raises(ScenarioError) as caught:
        read_yaml_file(path)
    [p] = caught.value.problems
    return p.file, p.line, p.col, p.message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert file_problem(path) == (str(path), 0, 0, "the file does not exist")


def test_directory(tmp_path: Path) -> None:
    assert file_problem(tmp_path) == (str(tmp_path), 0, 0, "this is a folder, not a file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert file_problem(fifo)[1:] == (0, 0, "this is not a regular file")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_bytes(b"a: 1\n")
    path.chmod(0)
    try:
        _, line, col, message = file_problem(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert (line, col) == (0, 0) and message.startswith("the file cannot be read")


def test_unreadable_file_via_open_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"a: 1\n")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(yamlsafe, "read_limited", denied)
    assert file_problem(path)[1:] == (0, 0, "the file cannot be read: Permission denied")


def test_bad_path_is_a_scenario_error() -> None:
    assert file_problem("bad\0name.yaml")[1:3] == (0, 0)


# --- the parser's own limits do not decide -----------------------------------------------------


def limited_parser(base: Any, limit: int) -> Any:
    """A parser like ``base`` that stops, as libyaml does, at ``limit`` levels of nesting."""

    class Limited(base):  # type: ignore[misc, valid-type]
        depth = 0

        def get_event(self) -> Any:
            event = super().get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.depth += 1
                if self.depth > limit:
                    raise yaml.parser.ParserError(
                        "while parsing a flow node", event.start_mark,
                        "exceeded maximum nesting depth", event.start_mark,
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.depth -= 1
            return event

    return Limited


@pytest.mark.parametrize("limit", [3, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 1000, 100_000])
@pytest.mark.parametrize("opening", ["[", "{a: ", "- ", "? "])
def test_depth_message_and_place_do_not_depend_on_the_parsers_limit(
    loader: Any, monkeypatch: pytest.MonkeyPatch, limit: int, opening: str
) -> None:
    """Whatever limit the installed libyaml has, MAX_DEPTH decides, at its own place."""
    monkeypatch.setattr(yamlsafe, "_LOADER", limited_parser(loader, limit))
    found = problems(opening * 5000 + "x\n")
    deep = f"the data is nested too deeply (more than {MAX_DEPTH} levels)"
    assert found[-1] == (1, MAX_DEPTH * len(opening) + 1, deep)
    # '? ' also makes each mapping a key of the one around it, which is a problem of its own.
    assert all(message != deep for _, _, message in found[:-1])


@pytest.mark.parametrize("limit", [3, 10, MAX_DEPTH - 1])
def test_a_parser_with_a_lower_limit_does_not_refuse_a_fine_file(
    loader: Any, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(yamlsafe, "_LOADER", limited_parser(loader, limit))
    nested: Any = 1
    for _ in range(MAX_DEPTH - 1):
        nested = [nested]
    assert load("a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n") == {"a": nested}


def test_other_syntax_errors_are_not_read_twice(loader: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: object) -> None:
        raise AssertionError("the fallback parser was used for a plain syntax error")

    monkeypatch.setattr(yamlsafe, "_FALLBACK_LOADER", refuse)
    if loader is yaml.SafeLoader:
        pytest.skip("the pure-Python parser is the fallback itself")
    [(line, col, message)] = problems("a: [1, 2\n")
    assert (line, col) == (1, 9)  # was (2, 1): the end of the line where ']' is missing


# --- characters no text may hold ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('title: "Mini\\0 test"\n', "U+0000"),
        ('title: "\\x1b[2J cleared"\n', "U+001B"),
        ('title: "bell\\a"\n', "U+0007"),
        ('title: "back\\bspace"\n', "U+0008"),
        ('title: "carriage\\rreturn"\n', "U+000D"),
        ('title: "del\\x7f"\n', "U+007F"),
        ('title: "c1\\x9b[31m"\n', "U+009B"),
        ('title: "next\\Nline"\n', "U+0085"),
        ('title: "line\\Lsep"\n', "U+2028"),
        ('title: "para\\Psep"\n', "U+2029"),
        ('title: "abc\\u202edcba"\n', "U+202E"),
        ('title: "\\u202aembedded"\n', "U+202A"),
        ('title: "iso\\u2066late"\n', "U+2066"),
        ('title: "non\\uffffchar"\n', "U+FFFF"),
        ("title: 'raw\u202ebidi'\n", "U+202E"),
        ("title: raw\u2066plain\n", "U+2066"),
    ],
)
def test_control_and_bidi_characters_in_text_are_rejected(text: str, code: str) -> None:
    line, col, message, hint = one_problem(text)
    assert (line, col) == (1, 8)
    assert code in message
    assert hint.startswith("delete it") or "line break" in hint


def test_control_character_message_says_where_and_how_to_fix() -> None:
    line, col, message, hint = one_problem('a:\n  title: "Mini\\0 test"\n')
    assert (line, col) == (2, 10)
    assert message == "the text holds the control character U+0000 (NUL) after 'Mini'"
    assert hint.startswith("delete it") and "\\0" in hint and "double quotes" in hint


def test_lone_surrogate_is_rejected(loader: Any) -> None:
    # libyaml refuses the escape itself; the pure-Python parser builds the half character.
    line, col, message, hint = one_problem('title: "x\\ud800y"\n')
    assert line == 1
    assert "\\U0001F600" in hint
    if loader is yaml.SafeLoader:
        assert col == 8
        assert "U+D800" in message and "surrogate" in message


def test_bad_character_in_a_key_is_rejected_once() -> None:
    assert problems('"bad\\x1bkey": 1\nok: 2\n') == [
        (1, 1, "the text holds the control character U+001B (ESCAPE, which starts terminal "
               "control sequences) after 'bad'")
    ]


def test_tabs_newlines_and_right_to_left_text_are_fine() -> None:
    text = 'a: "one\\ttwo\\nthree"\nb: |\n  line\n  next\nc: "שלום \\u200f עולם"\nd: "caf\\u00e9"\n'
    assert load(text) == {
        "a": "one\ttwo\nthree",
        "b": "line\nnext\n",
        "c": "שלום \u200f עולם",
        "d": "café",
    }


# --- files that are not files ------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    # No writer: a blocking open would hang here for ever.
    assert file_problem(fifo)[1:] == (0, 0, "this is not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this platform")
def test_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "scenario.yaml"
    link.symlink_to("/dev/zero")
    assert file_problem(link)[1:] == (0, 0, "this is not a regular file")


def test_folder_is_refused(tmp_path: Path) -> None:
    assert file_problem(tmp_path)[1:] == (0, 0, "this is a folder, not a file")
