"""The JSON Schema of the scenario format, generated from the models that validate it.

Editors (VS Code with the YAML extension, PyCharm, ...) read it to complete
and check a teacher's YAML as it is typed. :func:`scenario_schema` builds it
from :class:`game.core.scenario.Scenario`; the repository carries the result
as ``scenarios/schema.json`` (``python main.py schema`` rewrites it, and a
test fails when it is stale).

An effect is one of the kinds of ``game.core.effects``: the schema offers them as a
``oneOf``, each with its fields and their descriptions, and each kind adds what its model
checks in code (``add`` or ``set``; ``with`` for a treaty). The fields a kind requires besides
its key are repeated on the effect itself (``dependentRequired``), so an editor names the
missing one. The loader stays the judge: the schema is a help for typing, not a second set of
rules.
"""

from __future__ import annotations

import json
import re
from typing import Any

from game.core.effects import KINDS
from game.core.scenario import ID_PATTERN, YEAR_MONTH_PATTERN, Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:statecraft:scenario:1"
"""The schema's name: a URN, since the schema is not published at any web address."""
SCHEMA_FILE_NAME = "schema.json"

_PATTERN_HELP = {
    ID_PATTERN: "A name: lower-case letters, digits and _, starting with a letter "
                "(for example pact_finland).",
    YEAR_MONTH_PATTERN: 'A month written "YYYY-MM", in quotes (for example "1933-01").',
}
_EXPR_HELP = ("A condition or formula, for example 'relation.germany < -20 and not "
              "flag.pact_signed'. Names: an aim id, year, month, turn, relation.NATION, "
              "treaty.NATION.KIND, treaties.KIND, flag.NAME, took.ACTION, fired.EVENT, "
              "chose.EVENT.CHOICE.")
_EXPR_FIELDS = {("Aim", "per_turn"), ("Action", "available"), ("Event", "when"),
                ("Ending", "when")}


def _plain(text: str) -> str:
    """Turn the docstrings' ``code`` markup into the `code` an editor shows as Markdown."""
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def _field_help(prop: dict[str, Any]) -> str:
    """A description for a field the models leave undescribed, from the form of its value."""
    variants = prop.get("anyOf", [prop])
    for v in variants:
        pattern = v.get("pattern")
        if pattern in _PATTERN_HELP:
            return _PATTERN_HELP[pattern]
    return ""


def _describe(defs: dict[str, Any]) -> None:
    for model_name, model in defs.items():
        if "description" in model:
            model["description"] = _plain(model["description"])
        for field_name, prop in model.get("properties", {}).items():
            if (model_name, field_name) in _EXPR_FIELDS:
                own = _plain(prop.get("description", ""))
                prop["description"] = f"{own} {_EXPR_HELP}".strip()
            elif "description" in prop:
                prop["description"] = _plain(prop["description"])
            else:
                text = _field_help(prop)
                if text:
                    prop["description"] = text


def _effect_rules(node: Any, defs: dict[str, Any]) -> None:
    """Give every union of the effect kinds the fields each kind needs besides its key."""
    refs = {f"#/$defs/{k.model.__name__}": k.key for k in KINDS}
    if isinstance(node, dict):
        choices = node.get("oneOf")
        if isinstance(choices, list) and choices and all(
                isinstance(c, dict) and c.get("$ref") in refs for c in choices):
            needs = {}
            for c in choices:
                key = refs[c["$ref"]]
                model = defs[c["$ref"].rsplit("/", 1)[1]]
                more = [name for name in model.get("required", []) if name != key]
                if more:
                    needs[key] = more
            if needs:
                node["dependentRequired"] = needs
        for value in node.values():
            _effect_rules(value, defs)
    elif isinstance(node, list):
        for value in node:
            _effect_rules(value, defs)


def scenario_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a scenario file, as plain data."""
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    defs: dict[str, Any] = schema.get("$defs", {})
    _describe(defs)
    top = {"Scenario": schema}
    _describe(top)
    _effect_rules(schema, defs)
    ordered: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID}
    ordered["title"] = "Statecraft scenario"
    ordered.update((k, v) for k, v in schema.items() if k != "title")
    return ordered


def schema_text() -> str:
    """Return the schema as the text of ``scenarios/schema.json`` (stable, ends with a newline)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
