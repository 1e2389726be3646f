"""The JSON Schema of the scenario format, generated from the models that validate it.

Editors (VS Code with the YAML extension, PyCharm, ...) read it to complete
and check a teacher's YAML as it is typed. :func:`scenario_schema` builds it
from :class:`game.core.scenario.Scenario`; the repository carries the result
as ``scenarios/schema.json`` (``python main.py schema`` rewrites it, and a
test fails when it is stale).

The models check a few things in code that pydantic cannot put in a schema
(an effect names exactly one kind of change; ``sign`` needs ``with``); those
are added here by hand, so the editor warns about them too. The loader stays
the judge: the schema is a help for typing, not a second set of rules.
"""

from __future__ import annotations

import json
import re
from typing import Any

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
_EFFECT_KINDS = ("aim", "relation", "set_flag", "clear_flag", "sign", "cancel")


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


def _effect_rules(effect: dict[str, Any]) -> None:
    # Exactly one kind of change per effect, and 'with' for treaties: the model checks both.
    effect["oneOf"] = [{"required": [kind]} for kind in _EFFECT_KINDS]
    effect["dependentRequired"] = {"sign": ["with"], "cancel": ["with"]}
    amount = {"oneOf": [{"required": ["add"]}, {"required": ["set"]}]}
    effect["dependentSchemas"] = {"aim": amount, "relation": amount}


def scenario_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a scenario file, as plain data."""
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    defs: dict[str, Any] = schema.get("$defs", {})
    _describe(defs)
    top = {"Scenario": schema}
    _describe(top)
    if "Effect" in defs:
        _effect_rules(defs["Effect"])
    ordered: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID}
    ordered["title"] = "Statecraft scenario"
    ordered.update((k, v) for k, v in schema.items() if k != "title")
    return ordered


def schema_text() -> str:
    """Return the schema as the text of ``scenarios/schema.json`` (stable, ends with a newline)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
