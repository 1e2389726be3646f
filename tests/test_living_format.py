"""The teacher's side of the living world (issue 9): what the guide says of the new parts of
the format is what the game does, the schema covers them, and an editor helps with them.

The guide's worked example of a world that answers (section 9 of scenarios/README.md) is read
from the guide itself, so the file a teacher copies is the file tested here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.core.engine import (
    apply_action,
    ending_causes,
    new_game,
    outcome_odds,
    parse_move,
)
from game.core.policies import POLICIES, historical_game, history_policy, play_game
from game.core.rules import Rules
from game.scenario.loader import load_from_bytes, load_scenario
from game.scenario.yamlsafe import read_yaml
from tests.test_guide import GUIDE, TEMPLATE, checked_blocks
from tests.tools.test_language_server import LanguageServer, hover_text, line_of, server_command

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "scenarios" / "schema.json"


def worked_example() -> str:
    """The whole scenario of the guide's section 9 (the one with id summer_1940)."""
    found = [b.text for b, _ in checked_blocks()
             if b.kind == "scenario" and "id: summer_1940" in b.text]
    assert len(found) == 1, "the guide's section 9 holds one scenario with id summer_1940"
    return found[0]


@pytest.fixture(scope="module")
def summer() -> Rules:
    return load_from_bytes(worked_example().encode("utf-8"), "summer_1940.yaml").rules


@pytest.fixture(scope="module")
def template() -> Rules:
    return load_scenario(TEMPLATE).rules


# -- the worked example plays as the guide says -------------------------------------------------


def test_the_worked_example_loads_without_a_warning(summer: Rules) -> None:
    loaded = load_from_bytes(worked_example().encode("utf-8"), "summer_1940.yaml")
    assert loaded.warnings == []
    s = summer.scenario
    assert s.policies and any(c.outcomes for e in s.events for c in e.choices)
    assert any(n.views and n.wants and n.relation_per_turn for n in s.nations)


def test_the_historical_game_needs_no_dice(summer: Rules) -> None:
    # The guide: the historical game takes what happened, whatever the seed.
    games = []
    for seed in range(8):
        state = new_game(summer, seed, history=True)
        while state.ending_index < 0:
            state = apply_action(state, history_policy(state, None))  # type: ignore[arg-type]
        games.append((state.aims, state.relations, state.ending_index, state.outcomes))
    assert len(set(games)) == 1
    hist = historical_game(summer)
    assert summer.endings[hist.ending_index].id == "the_sphere_taken"
    assert hist.outcome("bessarabia_ultimatum") == "romania_yields"
    assert ending_causes(hist) == [0]  # "Romania gave way", and not the slowed deliveries
    assert hist.status("bessarabia") == "annexed" and hist.holders("bessarabia") == ("player",)
    assert hist.status("latvia") == "annexed" and hist.status("france") == "occupied"
    assert not hist.fired >> summer.event_index["german_warning"] & 1  # happened: false


def test_history_with_dice_can_go_another_way(summer: Rules) -> None:
    # The guide: simulate --policy history tosses for the chances as any game does.
    endings = {summer.endings[play_game(summer, history_policy, seed=s).ending_index].id
               for s in range(50)}
    assert endings == {"the_sphere_taken", "war_in_the_south"}


def test_random_play_reaches_every_ending(summer: Rules) -> None:
    endings = {play_game(summer, POLICIES["random"], seed=s).ending_index for s in range(300)}
    assert endings == set(range(len(summer.endings)))


def test_the_events_of_june_come_in_the_order_of_their_days(summer: Rules) -> None:
    ids = [e.id for e in summer.scenario.events]
    assert ids.index("bessarabia_ultimatum") < ids.index("baltic_ultimatums"), (
        "the example writes them out of order, to show that the days decide")
    state = apply_action(new_game(summer, 0), parse_move("end"))
    told = [summer.events[e.index].id for e in state.log() if e.kind == "event"
            and e.turn == state.turn]
    assert told == ["baltic_ultimatums", "france_falls", "bessarabia_ultimatum"]


def test_the_odds_follow_the_formula_and_the_standing_policy(summer: Rules) -> None:
    state = apply_action(new_game(summer, 0), parse_move("end"))
    germany = state.relations[summer.nation_index["germany"]]
    odds = dict(outcome_odds(state, "bessarabia_ultimatum", "demand_all"))
    assert odds["romania_yields"] == pytest.approx(min(max(0.4 + germany / 100, 0.1), 0.9))
    assert odds["romania_yields"] + odds["romania_resists"] == pytest.approx(1)
    # Slowing the deliveries turns Berlin's relation, and with it the odds, against you.
    slow = new_game(summer, 0)
    slow = apply_action(slow, parse_move("policy deliveries slowed"))
    slow = apply_action(slow, parse_move("end"))
    assert slow.relations[summer.nation_index["germany"]] < germany
    assert dict(outcome_odds(slow, "bessarabia_ultimatum", "demand_all"))["romania_yields"] \
        < odds["romania_yields"]


def test_a_variant_remembers_the_gamble(summer: Rules) -> None:
    games = [play_game(summer, history_policy, seed=s) for s in range(50)]
    fought = [g for g in games if g.outcome("bessarabia_ultimatum") == "romania_resists"]
    yielded = [g for g in games if g.outcome("bessarabia_ultimatum") == "romania_yields"]
    assert fought and yielded
    assert {g.variant_told("baltic_annexation") for g in fought} == {0}
    assert {g.variant_told("baltic_annexation") for g in yielded} == {-1}


# -- the template shows the new parts, and they work -------------------------------------------


def test_the_template_plays_its_new_parts(template: Rules) -> None:
    hist = historical_game(template)
    assert template.endings[hist.ending_index].id == "the_pact"
    assert ending_causes(hist) == [0, 1]  # Poland divided; the reserves called up
    assert hist.policy("army") == "mobilised"
    assert hist.holders("poland") == ("germany", "player")
    assert hist.variant_told("slow_answer") == 0  # Litvinov went in the same turn
    assert not hist.fired >> template.event_index["german_pressure"] & 1
    # The alliance is a gamble whose odds are the recognition of the moment.
    state = new_game(template, 0)
    while state.pending != (template.event_index["august_1939"],):
        state = apply_action(state, parse_move("end"))
    recognition = state.aims[template.aim_ids.index("recognition")]
    assert dict(outcome_odds(state, "august_1939", "alliance"))["ratified"] == \
        pytest.approx(recognition / 100)
    endings = {template.endings[play_game(template, POLICIES["random"], seed=s).ending_index].id
               for s in range(200)}
    assert endings == {"with_the_west", "the_pact", "alone"}


# -- the schema covers the new parts --------------------------------------------------------


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_schema_accepts_the_new_parts_as_the_guide_writes_them() -> None:
    for text in (worked_example(), TEMPLATE.read_text(encoding="utf-8")):
        data, _, _ = read_yaml(text.encode("utf-8"), "x.yaml")
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
        assert errors == []
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    assert {"Policy", "PolicyOption", "Outcome", "Variant", "Cause", "View", "Want",
            "StatusEffect"} <= set(defs)
    assert "outcome.EVENT.OUTCOME" in defs["Cause"]["properties"]["when"]["description"]
    assert "policy.POLICY.OPTION" in defs["Nation"]["properties"]["relation_per_turn"][
        "description"]


def _mistake(data: dict[str, Any], where: str, value: Any) -> list[str]:
    node: Any = data
    keys = where.split("/")
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[keys[-1]] = value
    return [e.message for e in validator().iter_errors(data)]


@pytest.mark.parametrize("where, value, words", [
    ("events/1/date", "1940-06-32", "1940-06-32"),
    ("events/1/kind", "anexation", "annexation"),
    ("nations/1/status", "ocupied", "occupied"),
    ("events/0/choices/0/outcomes/0/chance", 1.5, "1"),
    ("events/1/happened", "yes", "boolean"),
    ("policies/0/start", "As Agreed", "As Agreed"),
    ("events/1/effects/0/status", "anexed", "anexed"),
])
def test_the_schema_catches_mistakes_in_the_new_parts(where: str, value: Any, words: str) -> None:
    # (An editor shows the schema's sentences instead of these messages: see below.)
    data, _, _ = read_yaml(worked_example().encode("utf-8"), "x.yaml")
    messages = _mistake(data, where, value)
    assert any(words in m for m in messages), messages


# -- and an editor helps with them (yaml-language-server, when installed) ----------------------


@pytest.fixture(scope="module")
def editor() -> Iterator[LanguageServer]:
    command = server_command()
    if command is None:
        pytest.skip("yaml-language-server is not installed: npm install -g yaml-language-server")
    ls = LanguageServer(command)
    try:
        ls.request("initialize", {
            "processId": os.getpid(), "rootUri": SCHEMA_FILE.parent.parent.as_uri(),
            "capabilities": {"textDocument": {
                "completion": {"completionItem": {"snippetSupport": True,
                                                  "documentationFormat": ["markdown"]}},
                "hover": {"contentFormat": ["markdown", "plaintext"]}}}})
        ls.notify("initialized", {})
        ls.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
            "validate": True, "hover": True, "completion": True}}})
        yield ls
    finally:
        ls.close()


def in_editor(tmp_path: Path, name: str, text: str) -> tuple[Path, str]:
    """A scenario tied to the repository's schema by its first line, saved as ``name``."""
    lines = text.splitlines()
    lines[0] = f"# yaml-language-server: $schema={SCHEMA_FILE.resolve().as_uri()}"
    text = "\n".join(lines) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def test_the_worked_example_shows_no_problems_in_an_editor(editor: LanguageServer,
                                                           tmp_path: Path) -> None:
    path, text = in_editor(tmp_path, "summer.yaml", worked_example())
    assert editor.open(path, text) == []
    assert "formula added to its relation" in hover_text(editor, path, text,
                                                         "relation_per_turn").lower()
    assert "historical game" in hover_text(editor, path, text, "happened")
    assert "gamble" in hover_text(editor, path, text, "outcomes")
    assert "every turn" in hover_text(editor, path, text, "per_turn")


def test_an_editor_says_what_is_wrong_with_a_day_and_offers_the_statuses(
        editor: LanguageServer, tmp_path: Path) -> None:
    text = worked_example().replace('date: "1940-06-22"', 'date: "1940-06-32"')
    text = text.replace("    status: at_war\n", "    status: \n")
    path, text = in_editor(tmp_path, "broken.yaml", text)
    found = {(d["range"]["start"]["line"], d["message"]) for d in editor.open(path, text)}
    day = line_of(text, 'date: "1940-06-32"')
    assert (day, 'Write a month as "1941-06" or a day as "1941-06-22" (in quotes).') in found, \
        found
    assert not any("[0-9]" in m for _, m in found), "a raw regular expression is shown"
    line = line_of(text, "status: ")
    result = editor.at("completion", path, line, len(text.splitlines()[line]))
    labels = [item["label"] for item in (result["items"] if isinstance(result, dict) else result)]
    assert {"independent", "at_war", "occupied", "annexed", "partitioned"} <= set(labels), labels


def test_the_guide_names_the_new_parts_in_plain_words() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for words in ("## 9. Worked example: a world that answers", "### 5.16 Standing policies",
                  "**Gambles: a choice whose result is not sure.**",
                  "**The historical game needs no dice.**",
                  "**Days, and the order of a turn's events.**",
                  "**Variants: a text that remembers.**", "**Moves of other powers.**",
                  "**A great power with a mind of its own.**",
                  "**A nation's place on the map.**", "### 17.7 Policies, gambles, powers and "
                  "the map"):
        assert words in text, words


def test_a_month_comes_before_its_days_and_a_window_after_the_dated_events() -> None:
    # The guide, 5.10: "A month written alone comes before every day of that month; an event
    # with earliest/latest comes after all the dated events of the turn; when two events come
    # at the same point, the order of the file decides."
    from tests.test_guide import base_scenario, load_text, splice

    piece = "events:\n" + "".join(
        f"  - id: {ident}\n    title: {ident}\n    text: {ident}\n{when}"
        for ident, when in [
            ("window", '    earliest: "1939-01"\n    latest: "1939-01"\n'),
            ("second_day", '    date: "1939-01-02"\n'),
            ("first_day", '    date: "1939-01-01"\n'),
            ("month", '    date: "1939-01"\n'),
            ("same_month", '    date: "1939-01"\n'),
        ])
    rules = load_text(splice(piece, base_scenario())).rules
    state = new_game(rules, 0)
    while state.turn < rules.turn_of_month("1939-01"):
        state = apply_action(state, parse_move("end"))
    told = [rules.events[e.index].id for e in state.log() if e.kind == "event"]
    assert told == ["month", "same_month", "first_day", "second_day", "window"]
