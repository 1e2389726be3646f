"""The JSON Schema of the scenario format: current, and accepting every bundled scenario."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.cli import main
from game.scenario.schema import scenario_schema, schema_text
from game.scenario.yamlsafe import read_yaml_file
from tests.conftest import MINI, ROOT, bundled_scenarios

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


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_every_bundled_scenario_validates_against_the_schema(path: Path) -> None:
    data, _, _ = read_yaml_file(path)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors, errors


@pytest.mark.parametrize("change, fragment", [
    (lambda d: d.update(colour="red"), "colour"),
    (lambda d: d["actions"][0].update(stanse="security"), "stanse"),
    (lambda d: d["calendar"].update(start="1930-1"), "1930-1"),
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
