"""Broken scenarios: each mistake a teacher makes gets file:line:col, what is wrong and a hint.

Every case starts from the valid tests/data/mini.yaml, changes one thing, and
expects the exact place of the problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


# -- the living world (issue 9): policies, gambles, powers, the map, days ---------------------

LIVING = Path(__file__).parent / "data" / "living.yaml"


def living_broken(tmp_path: Path, *changes: tuple[str, str]) -> tuple[Path, str]:
    """tests/data/living.yaml with each ``(old, new)`` change made once; the file and its text."""
    text = LIVING.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, f"the test's anchor text {old!r} is not once in living.yaml"
        text = text.replace(old, new)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def place(text: str, line_holds: str, token: str, nth: int = 1) -> str:
    """``broken.yaml:LINE:COL:`` of ``token`` on the ``nth`` line that holds ``line_holds``."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if line_holds in line]
    assert len(found) >= nth, f"no line {nth} holds {line_holds!r}"
    number = found[nth - 1]
    return f"broken.yaml:{number}:{text.splitlines()[number - 1].index(token) + 1}:"


OUTCOMES = ('          - id: refused\n', '          - id: delayed\n            text: Put off.\n'
            '          - id: refused\n')

LIVING_CASES = [
    # (what is wrong, changes, (line holding, token) of the place, the message, a hint in it)
    ("a policy's start that is not one of its options",
     [("    start: balanced\n", "    start: balancd\n")],
     ("start: balancd", "balancd"), "error: unknown option 'balancd'", "did you mean 'balanced'?"),
    ("an outcome without a chance before the last",
     [OUTCOMES], ("- id: delayed", "delayed"),
     "error: outcome 'delayed' has no 'chance': only the last outcome leaves it out",
     "move it to the end of the list"),
    ("a last outcome with a chance",
     [("            text: The West refuses.\n",
       "            text: The West refuses.\n            chance: 0.5\n")],
     ("chance: 0.5", "0.5"), "error: the last outcome, 'refused', takes the chance the others "
     "leave", "remove this 'chance'"),
    ("a gamble of one outcome",
     [("          - id: refused\n            text: The West refuses.\n            historical: true\n"
       "            effects:\n              - {aim: security, add: -5}\n", ""),
      ('            chance: "clamp(strength / 100, 0, 1)"\n',
       '            chance: "clamp(strength / 100, 0, 1)"\n            historical: true\n')],
     ("- id: ratified", "-"), "error: a gamble needs two outcomes or more",
     "put its effects under the choice's 'effects'"),
    ("two outcomes marked as what happened",
     [('            chance: "clamp(strength / 100, 0, 1)"\n',
       '            chance: "clamp(strength / 100, 0, 1)"\n            historical: true\n')],
     ("historical: true", "true", 2),
     "error: only one outcome can be the one that happened, and 'ratified' already is",
     "remove 'historical: true' here or from 'ratified'"),
    ("the historical choice's gamble without what happened",
     [("            historical: true\n", "")], ("- id: ratified", "-"),
     "error: choice 'try' is the historical choice, so its gamble must say which outcome "
     "happened", "write 'historical: true' on that outcome"),
    ("a move by a nation that does not exist",
     [("    by: germany\n    kind: annexation\n", "    by: germnay\n    kind: annexation\n")],
     ("by: germnay", "germnay"), "error: unknown nation 'germnay'", "did you mean 'germany'?"),
    ("a kind of move misspelt",
     [("    kind: annexation\n", "    kind: anexation\n")], ("kind: anexation", "anexation"),
     "error: 'kind' must be 'offer', 'demand', 'threat', 'guarantee', 'pact', 'war', "
     "'annexation' or 'other', not the text 'anexation'", "did you mean 'annexation'?"),
    ("a partition with one holder",
     [("by: [germany, player]}", "by: [germany]}")], ("status: partitioned", "{"),
     "error: 'partitioned' needs two holders", "by: [NATION, NATION]"),
    ("an annexation with two holders",
     [("{status: annexed, nation: austria, by: germany}",
       "{status: annexed, nation: austria, by: [germany, player]}")],
     ("status: annexed, nation: austria", "{"), "error: 'annexed' needs one holder",
     "'by: NATION' or 'by: player'"),
    ("a holder for an independent nation",
     [("    region: poland\n    relation: 0\n",
       "    region: poland\n    relation: 0\n    held_by: [germany]\n")],
     ("held_by: [germany]", "[", 1),
     "error: nation 'poland' has no 'status', so it is independent and has no holder",
     "remove 'held_by', or give the nation a 'status'"),
    ("an occupied nation with no holder",
     [("    status: occupied\n    held_by: [germany]\n", "    status: occupied\n")],
     ("status: occupied", "occupied"),
     "error: nation 'baltics' is occupied, so 'held_by' names one holder, not 0",
     "write held_by: [NATION], with a nation id or player"),
    ("a holder that is not a nation",
     [("    held_by: [germany]\n", "    held_by: [germnay]\n")], ("held_by: [germnay]", "germnay"),
     "error: unknown holder 'germnay'", "did you mean 'germany'?"),
    ("a second kind of war",
     [("    name: At war\n    war: true\n",
       "    name: At war\n    war: true\n  - id: border_war\n    name: Border war\n"
       "    war: true\n")],
     ("war: true", "true", 2), "error: only one treaty kind can mean war, and 'war' already "
     "does", "remove 'war: true' here or from 'war'"),
    ("a historical path policy that does not exist",
     [("policies: {effort: army_first}", "policies: {efort: army_first}")],
     ("policies: {efort", "efort"), "error: unknown policy 'efort'", "did you mean 'effort'?"),
    ("a historical path option that does not exist",
     [("policies: {effort: army_first}", "policies: {effort: army_frist}")],
     ("policies: {effort", "army_frist"), "error: unknown option 'army_frist'",
     "did you mean 'army_first'?"),
    ("a misspelt policy.POLICY.OPTION",
     [("when: policy.effort.army_first", "when: policy.effort.army_frist")],
     ("policy.effort.army_frist", "policy"),
     "error: in 'policy.effort.army_frist': unknown option 'army_frist'",
     "did you mean 'army_first'?"),
    ("a misspelt status.NATION.STATUS",
     [("when: not status.austria.annexed", "when: not status.austria.anexed")],
     ("status.austria.anexed", "status"),
     "error: in 'not status.austria.anexed': unknown status 'anexed'", "did you mean 'annexed'?"),
    ("a misspelt outcome.EVENT.OUTCOME",
     [("      - when: flag.allied\n", "      - when: outcome.alliance_offer.ratifed\n")],
     ("outcome.alliance_offer.ratifed", "outcome"),
     "error: in 'outcome.alliance_offer.ratifed': unknown outcome 'ratifed'",
     "did you mean 'ratified'?"),
    ("an outcome of an event without a gamble",
     [("      - when: flag.allied\n", "      - when: outcome.raid.hit\n")],
     ("outcome.raid.hit", "outcome"), "error: in 'outcome.raid.hit': unknown outcome 'hit'",
     "the event has no gamble: none of its choices has 'outcomes'"),
    ("30 February",
     [('date: "1938-03-30"', 'date: "1938-02-30"')], ('"1938-02-30"', '"'),
     "error: '1938-02-30' is not a real day: the month 1938-02 has 28 days",
     'write a day from 01 to 28, or only the month: "1938-02"'),
    ("a 32nd day",
     [('date: "1938-06-30"', 'date: "1938-06-32"')], ('"1938-06-32"', '"'),
     "error: 'date' must be a month written \"YYYY-MM\" or a day written \"YYYY-MM-DD\", not the "
     "text '1938-06-32'", "a day from 01 to 31"),
]


@pytest.mark.parametrize("what, changes, at, message, hint", LIVING_CASES,
                         ids=[c[0] for c in LIVING_CASES])
def test_a_mistake_in_the_living_world_is_reported_at_its_place(
        tmp_path: Path, what: str, changes: list[tuple[str, str]], at: tuple[Any, ...],
        message: str, hint: str) -> None:
    path, text = living_broken(tmp_path, *changes)
    where = place(text, *at)
    lines = problems_of(path)
    matching = [line for line in lines if line.startswith(f"{where} {message}")]
    assert matching, f"{what}: expected {where} {message}, got:\n" + "\n".join(lines)
    assert hint in matching[0], matching[0]


def test_every_living_world_mistake_is_reported_at_once(tmp_path: Path) -> None:
    # One change from each case that touches a different place, all in one file.
    chosen = [c for c in LIVING_CASES if c[0] in {
        "a policy's start that is not one of its options", "an outcome without a chance before "
        "the last", "a move by a nation that does not exist", "an annexation with two holders",
        "a holder for an independent nation", "a second kind of war",
        "a historical path policy that does not exist", "a misspelt status.NATION.STATUS",
        "a misspelt outcome.EVENT.OUTCOME", "30 February", "a 32nd day",
        "a misspelt policy.POLICY.OPTION"}]
    path, text = living_broken(tmp_path, *(change for case in chosen for change in case[1]))
    lines = problems_of(path)
    for what, _changes, at, message, _hint in chosen:
        where = place(text, *at)
        assert any(line.startswith(f"{where} {message}") for line in lines), (what, lines)
    assert len(lines) == len(chosen), "\n".join(lines)


@pytest.mark.parametrize("written, line_holds, token", [
    ("    policies: {effort: army_frist}\n", "policies: {", "army_frist"),
    ("    policies:\n      effort: army_frist\n", "effort: army_frist", "army_frist"),
    ("    policies: {efort: army_first}\n", "policies: {", "efort"),
    ("    policies:\n      efort: army_first\n", "efort: army_first", "efort"),
    ("    policies:\n      effort: army_first\n      arms: on\n", "arms: on", "arms"),
])
def test_a_historical_path_policy_is_reported_at_its_own_line(
        tmp_path: Path, written: str, line_holds: str, token: str) -> None:
    path, text = living_broken(tmp_path, ("    policies: {effort: army_first}\n", written))
    where = place(text, line_holds, token)
    lines = problems_of(path)
    assert any(line.startswith(where) for line in lines), (where, lines)


def test_a_chance_formula_that_can_leave_0_to_1_is_a_warning(tmp_path: Path) -> None:
    path, text = living_broken(tmp_path, ('chance: "(60 - security) / 100"',
                                          'chance: "(60 - security) / 50"'))
    found = [w.format().replace(str(path), "broken.yaml") for w in load_scenario(path).warnings]
    where = place(text, "(60 - security) / 50", '"')
    assert f"{where} warning: the chance '(60 - security) / 50' can run from -0.8 to 1.2; the " \
        "game counts below 0 as 0 and above 1 as 1 (if that is meant, write " \
        "clamp((60 - security) / 50, 0, 1) to say so; else change its numbers so that it " \
        "stays from 0 to 1)" in found, found
    clamped, _ = living_broken(tmp_path, ('chance: "(60 - security) / 100"',
                                          'chance: "clamp((60 - security) / 100, 0, 1)"'))
    assert not [w for w in load_scenario(clamped).warnings if "chance" in w.message]


def test_outcomes_that_take_all_the_chance_leave_none_for_the_last(tmp_path: Path) -> None:
    path, text = living_broken(tmp_path, OUTCOMES, ("          - id: delayed\n",
                                                    "          - id: delayed\n"
                                                    "            chance: 0.9\n"),
                               ('chance: "clamp(strength / 100, 0, 1)"', "chance: 0.2"))
    found = [w.format().replace(str(path), "broken.yaml") for w in load_scenario(path).warnings]
    where = place(text, "- id: refused", "refused")
    assert any(line.startswith(f"{where} warning: the outcomes before 'refused' always take "
                               "all the chance (at least 1.1 together), so 'refused' never "
                               "comes") for line in found), found
