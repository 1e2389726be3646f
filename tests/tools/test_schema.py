"""The JSON Schema of the scenario format: current, and accepting every bundled scenario."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.cli import main
from game.scenario.schema import LANGUAGES, map_regions, scenario_schema, schema_text
from game.scenario.yamlsafe import read_yaml_file
from tests.conftest import DATA, MINI, ROOT, bundled_scenarios

SCHEMA_FILE = ROOT / "scenarios" / "schema.json"


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_file_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "scenarios/schema.json is stale: run python main.py schema")


def test_the_schema_is_a_valid_draft_2020_12_schema_with_an_id() -> None:
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:statecraft:scenario:1", "a URN: the schema is published nowhere"
    assert schema["additionalProperties"] is False
    for name, model in schema["$defs"].items():
        assert model["additionalProperties"] is False, name
        assert model.get("description") or name in {"FigureValue", "Historian", "Source"}, name


def test_fields_are_described_for_editors() -> None:
    defs = scenario_schema()["$defs"]
    assert "YYYY-MM" in defs["Event"]["properties"]["earliest"]["description"]
    assert "lower-case" in defs["Action"]["properties"]["id"]["description"]
    assert "flag.NAME" in defs["Event"]["properties"]["when"]["description"]
    assert "``" not in json.dumps(defs)


def schemas(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every schema inside a schema, with a path to it (property names are not schemas)."""
    out = [(where, node)]
    for key in ("properties", "$defs"):
        for name, child in node.get(key, {}).items():
            out += schemas(child, f"{where}/{name}")
    for key in ("anyOf", "oneOf", "allOf"):
        for i, child in enumerate(node.get(key, [])):
            out += schemas(child, f"{where}/{key}[{i}]")
    if isinstance(node.get("items"), dict):
        out += schemas(node["items"], f"{where}[]")
    return out


def test_every_field_has_a_description_for_hover() -> None:
    schema = scenario_schema()
    missing = [f"{where}/{name}" for where, node in schemas(schema)
               for name, prop in node.get("properties", {}).items()
               if not prop.get("description")]
    assert not missing, f"fields an editor shows empty on hover: {missing}"


def test_no_generated_titles_an_editor_would_double() -> None:
    # yaml-language-server heads a hover with the closest title, joined with ' || ' over an
    # anyOf ("Per Turn || Per Turn"): the schema has none, and no anyOf for an optional value.
    schema = scenario_schema()
    assert [where for where, node in schemas(schema) if "title" in node] == []
    nullable = [where for where, node in schemas(schema)
                if any(c == {"type": "null"} for c in node.get("anyOf", []))
                and not any("$ref" in c for c in node["anyOf"])]
    assert nullable == []
    per_turn = schema["$defs"]["Aim"]["properties"]["per_turn"]
    assert per_turn["type"] == ["string", "null"]


def test_descriptions_speak_of_the_players_nation_not_the_ussr() -> None:
    text = json.dumps(scenario_schema())
    assert "USSR" not in text.replace('"ussr"', "").replace('"USSR"', "")
    nation = scenario_schema()["$defs"]["Nation"]["properties"]
    assert "relation with the player's nation" in nation["relation"]["description"]


def test_references_say_where_their_ids_come_from() -> None:
    defs = scenario_schema()["$defs"]
    assert "`aims:`" in defs["AimEffect"]["properties"]["aim"]["description"]
    assert "`nations:`" in defs["RelationEffect"]["properties"]["relation"]["description"]
    assert "`stances:`" in defs["Action"]["properties"]["stance"]["description"]
    assert "`treaty_kinds:`" in defs["SignEffect"]["properties"]["sign"]["description"]
    assert "flag.NAME" in defs["SetFlagEffect"]["properties"]["set_flag"]["description"]


def test_every_pattern_has_a_sentence() -> None:
    bare = [where for where, node in schemas(scenario_schema())
            if "pattern" in node and not node.get("patternErrorMessage")]
    assert bare == []
    month = scenario_schema()["$defs"]["Calendar"]["properties"]["start"]
    assert month["patternErrorMessage"] == 'Write a month as "1938-09" (year-month, in quotes).'
    assert month["errorMessage"] == month["patternErrorMessage"], "1938 (a number) gets it too"


def test_regions_are_the_maps_own() -> None:
    region = scenario_schema()["$defs"]["Nation"]["properties"]["region"]
    raw = json.loads((ROOT / "assets" / "map" / "europe_1938.json").read_text(encoding="utf-8"))
    ids = [r["id"] for r in raw["regions"]] + [o["id"] for o in raw["off_map"]]
    assert region["enum"] == ids == [rid for rid, _ in map_regions()]
    assert "poland" in ids and "bessarabia" in ids and "japan" in ids
    assert region["enumDescriptions"][ids.index("bessarabia")] == (
        "Bessarabia, drawn as part of Romania")
    assert region["errorMessage"]


@pytest.mark.parametrize("code, ok", [("en", True), ("de", True), ("pt-BR", True), ("yue", True),
                                      ("xx", False), ("English", False), ("EN", False)])
def test_language_codes(code: str, ok: bool) -> None:
    data, _, _ = read_yaml_file(MINI)
    data["language"] = code
    assert not list(validator().iter_errors(data)) == ok
    assert len(LANGUAGES) == 183 and LANGUAGES["de"] == "German"


def test_the_schema_is_deterministic() -> None:
    assert schema_text() == schema_text()
    assert json.loads(schema_text()) == scenario_schema()


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_test_scenario_validates_against_the_schema(path: Path) -> None:
    data, _, _ = read_yaml_file(path)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors, errors


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_every_bundled_scenario_validates_against_the_schema(path: Path) -> None:
    data, _, _ = read_yaml_file(path)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors, errors


@pytest.mark.parametrize("change, fragment", [
    (lambda d: d.update(colour="red"), "colour"),
    (lambda d: d["actions"][0].update(stanse="security"), "stanse"),
    (lambda d: d["calendar"].update(start="1930-1"), "1930-1"),
    (lambda d: d["nations"][0].update(region="berlin"), "berlin"),
    (lambda d: d["actions"][0]["effects"].append({"aim": "security"}), ""),
    (lambda d: d["actions"][0]["effects"].append({"aim": "security", "set_flag": "x"}), ""),
    (lambda d: d["actions"][0]["effects"].append({"sign": "relations"}), "with"),
])
def test_the_schema_catches_what_a_teacher_gets_wrong(change: Callable[[dict[str, Any]], None],
                                                      fragment: str) -> None:
    data, _, _ = read_yaml_file(MINI)
    change(data)
    errors = list(validator().iter_errors(data))
    assert errors
    assert any(fragment in e.message for e in errors), [e.message for e in errors]


def test_schema_command_writes_and_checks(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert main(["schema", "-o", str(target), "--check"]) == 0
    target.write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(target), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["schema", "-o", str(blocker / "schema.json")]) == 1
    assert "cannot write" in capsys.readouterr().err
