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

For the editor (yaml-language-server, the engine of the common YAML plugins, and others):
every field has a description and no generated title (the server would show "Per Turn || Per
Turn"); a field that may be left out is ``type: [..., "null"]`` rather than an ``anyOf``; a
pattern has a sentence (``patternErrorMessage``, ``errorMessage``) instead of the raw regular
expression; ``region`` offers the map's regions (read from the map asset: the one list) and
``language`` the ISO 639-1 codes, while still accepting a longer tag such as ``pt-BR``. A value
that names something the scenario defines (an aim, a nation, a flag) cannot be listed by a
schema: its description says where the ids come from.
"""

from __future__ import annotations

import json
import re
from typing import Any

from game.core.effects import KINDS
from game.core.fields import DAY_DATE_PATTERN
from game.core.scenario import ID_PATTERN, YEAR_MONTH_PATTERN, Scenario
from game.paths import ASSETS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:statecraft:scenario:1"
"""The schema's name: a URN, since the schema is not published at any web address."""
SCHEMA_FILE_NAME = "schema.json"
MAP_FILE = ASSETS / "map" / "europe_1938.json"
"""The map whose regions a nation's ``region`` may name."""

LANGUAGE_PATTERN = Scenario.model_fields["language"].metadata[0].pattern
OTHER_LANGUAGE_PATTERN = r"^[a-z]{3}$|^[a-z]{2,3}-[A-Za-z0-9]{2,8}$"
"""Codes beyond ISO 639-1 that the loader accepts: three letters (``yue``) or a regional tag
(``pt-BR``). A two-letter code not in :data:`LANGUAGES` is taken for a typo."""
LANGUAGES = {
    "aa": "Afar", "ab": "Abkhazian", "ae": "Avestan", "af": "Afrikaans", "ak": "Akan", "am": "Amharic",
    "an": "Aragonese", "ar": "Arabic", "as": "Assamese", "av": "Avaric", "ay": "Aymara",
    "az": "Azerbaijani", "ba": "Bashkir", "be": "Belarusian", "bg": "Bulgarian", "bi": "Bislama",
    "bm": "Bambara", "bn": "Bangla", "bo": "Tibetan", "br": "Breton", "bs": "Bosnian", "ca": "Catalan",
    "ce": "Chechen", "ch": "Chamorro", "co": "Corsican", "cr": "Cree", "cs": "Czech",
    "cu": "Church Slavic", "cv": "Chuvash", "cy": "Welsh", "da": "Danish", "de": "German", "dv": "Divehi",
    "dz": "Dzongkha", "ee": "Ewe", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "ff": "Fula", "fi": "Finnish", "fj": "Fijian",
    "fo": "Faroese", "fr": "French", "fy": "Western Frisian", "ga": "Irish", "gd": "Scottish Gaelic",
    "gl": "Galician", "gn": "Guarani", "gu": "Gujarati", "gv": "Manx", "ha": "Hausa", "he": "Hebrew",
    "hi": "Hindi", "ho": "Hiri Motu", "hr": "Croatian", "ht": "Haitian Creole", "hu": "Hungarian",
    "hy": "Armenian", "hz": "Herero", "ia": "Interlingua", "id": "Indonesian", "ie": "Interlingue",
    "ig": "Igbo", "ii": "Sichuan Yi", "ik": "Inupiaq", "io": "Ido", "is": "Icelandic", "it": "Italian",
    "iu": "Inuktitut", "ja": "Japanese", "jv": "Javanese", "ka": "Georgian", "kg": "Kongo", "ki": "Kikuyu",
    "kj": "Kuanyama", "kk": "Kazakh", "kl": "Kalaallisut", "km": "Khmer", "kn": "Kannada", "ko": "Korean",
    "kr": "Kanuri", "ks": "Kashmiri", "ku": "Kurdish", "kv": "Komi", "kw": "Cornish", "ky": "Kyrgyz",
    "la": "Latin", "lb": "Luxembourgish", "lg": "Ganda", "li": "Limburgish", "ln": "Lingala", "lo": "Lao",
    "lt": "Lithuanian", "lu": "Luba-Katanga", "lv": "Latvian", "mg": "Malagasy", "mh": "Marshallese",
    "mi": "Māori", "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi",
    "ms": "Malay", "mt": "Maltese", "my": "Burmese", "na": "Nauru", "nb": "Norwegian Bokmål",
    "nd": "North Ndebele", "ne": "Nepali", "ng": "Ndonga", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "no": "Norwegian", "nr": "South Ndebele", "nv": "Navajo", "ny": "Nyanja", "oc": "Occitan",
    "oj": "Ojibwa", "om": "Oromo", "or": "Odia", "os": "Ossetic", "pa": "Punjabi", "pi": "Pali",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "qu": "Quechua", "rm": "Romansh", "rn": "Rundi",
    "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda", "sa": "Sanskrit", "sc": "Sardinian",
    "sd": "Sindhi", "se": "Northern Sami", "sg": "Sango", "si": "Sinhala", "sk": "Slovak",
    "sl": "Slovenian", "sm": "Samoan", "sn": "Shona", "so": "Somali", "sq": "Albanian", "sr": "Serbian",
    "ss": "Swati", "st": "Southern Sotho", "su": "Sundanese", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "ti": "Tigrinya", "tk": "Turkmen",
    "tl": "Tagalog", "tn": "Tswana", "to": "Tongan", "tr": "Turkish", "ts": "Tsonga", "tt": "Tatar",
    "tw": "Twi", "ty": "Tahitian", "ug": "Uyghur", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "ve": "Venda", "vi": "Vietnamese", "vo": "Volapük", "wa": "Walloon", "wo": "Wolof", "xh": "Xhosa",
    "yi": "Yiddish", "yo": "Yoruba", "za": "Zhuang", "zh": "Chinese", "zu": "Zulu",
}
"""ISO 639-1: every two-letter language code, with its English name."""

_PATTERN_MESSAGES = {
    ID_PATTERN: "Write a name in lower-case letters, digits and _, starting with a letter "
                "(for example pact_finland).",
    YEAR_MONTH_PATTERN: 'Write a month as "1938-09" (year-month, in quotes).',
    DAY_DATE_PATTERN: 'Write a month as "1941-06" or a day as "1941-06-22" (in quotes).',
}
"""What an editor says of a value that does not fit the pattern, instead of the pattern."""
_TYPE_TOO = {YEAR_MONTH_PATTERN, DAY_DATE_PATTERN}
"""Patterns whose sentence also answers a value of the wrong type (1938 for a month)."""
_LANGUAGE_MESSAGE = ('Write a language code such as "en", "de" or "fr" (ISO 639-1), or a longer '
                     'tag such as "pt-BR".')

_PATTERN_HELP = {
    ID_PATTERN: "A name: lower-case letters, digits and _, starting with a letter "
                "(for example pact_finland).",
    YEAR_MONTH_PATTERN: 'A month written "YYYY-MM", in quotes (for example "1933-01").',
    DAY_DATE_PATTERN: 'A month written "YYYY-MM" or a day written "YYYY-MM-DD", in quotes (for '
                      'example "1941-06-22").',
}
_EXPR_HELP = ("A condition or formula, for example 'relation.germany < -20 and not "
              "flag.pact_signed'. Names: an aim id, year, month, turn, relation.NATION, "
              "treaty.NATION.KIND, treaties.KIND, flag.NAME, took.ACTION, fired.EVENT, "
              "chose.EVENT.CHOICE, policy.POLICY.OPTION, status.NATION.STATUS, "
              "outcome.EVENT.OUTCOME.")
_EXPR_FIELDS = {("Aim", "per_turn"), ("Action", "available"), ("Event", "when"),
                ("Ending", "when"), ("Nation", "relation_per_turn"), ("View", "when"),
                ("Want", "when"), ("Variant", "when"), ("Cause", "when"), ("Event", "chance"),
                ("Outcome", "chance")}


def _plain(text: str) -> str:
    """Turn the docstrings' ``code`` markup into the `code` an editor shows as Markdown."""
    text = re.sub(r"``([^`]+)``", r"`\1`", text)
    # A docstring's line breaks are not paragraphs (an editor would show each as one).
    return re.sub(r"(?<!\n)\n(?!\n)\s*", " ", text)


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


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas directly inside a schema (not the names of its properties)."""
    out: list[dict[str, Any]] = []
    for key in ("properties", "$defs", "dependentSchemas", "patternProperties"):
        out += [v for v in node.get(key, {}).values() if isinstance(v, dict)]
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        out += [v for v in node.get(key, []) if isinstance(v, dict)]
    for key in ("items", "additionalProperties", "not", "if", "then", "else"):
        if isinstance(node.get(key), dict):
            out.append(node[key])
    return out


def _for_editors(node: dict[str, Any]) -> None:
    """Drop generated titles, write optional values as a type list, give patterns sentences."""
    node.pop("title", None)
    if "default" in node and node["default"] is None:  # an editor would offer to write null
        del node["default"]
    choices = node.get("anyOf")
    if isinstance(choices, list) and len(choices) > 2 and {"type": "null"} in choices:
        # A number or a formula, or a nation or a list of them: an editor would head the
        # hover with every choice; the value left out is the field left out, not null.
        choices.remove({"type": "null"})
    if isinstance(choices, list) and len(choices) == 2 and choices[1] == {"type": "null"} \
            and isinstance(choices[0].get("type"), str) and "$ref" not in choices[0]:
        value = choices[0]
        del node["anyOf"]
        node.update({k: v for k, v in value.items() if k not in node})
        node["type"] = [value["type"], "null"]
    pattern = node.get("pattern")
    if pattern in _PATTERN_MESSAGES:
        node["patternErrorMessage"] = _PATTERN_MESSAGES[pattern]
        if pattern in _TYPE_TOO:
            node["errorMessage"] = _PATTERN_MESSAGES[pattern]
    for child in _children(node):
        _for_editors(child)


def map_regions() -> list[tuple[str, str]]:
    """Every place the map can draw a nation, as (id, what it is), in the map's order: its
    regions (a part drawn as part of another region too), then the nations beside it."""
    raw = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    names = {r["id"]: r["name"] for r in raw["regions"]}
    out = []
    for r in raw["regions"]:
        part_of = r.get("part_of")
        out.append((r["id"], f"{r['name']}, drawn as part of {names.get(part_of, part_of)}"
                    if part_of else r["name"]))
    out += [(o["id"], f"{o['name']}, shown beside the map") for o in raw.get("off_map", [])]
    return out


def _value_lists(schema: dict[str, Any], defs: dict[str, Any]) -> None:
    """The values an editor offers: the map's regions and the language codes."""
    region = defs["Nation"]["properties"]["region"]
    regions = map_regions()
    region.clear()
    region.update({
        "description": "Where the map draws it: one of the map's regions (`poland`); a nation "
                       "beside the map (`japan`, `usa`) is drawn in a panel.",
        "type": "string",
        "enum": [rid for rid, _ in regions],
        "enumDescriptions": [what for _, what in regions],
        "errorMessage": "Not a region of the map: write one of the map's regions, such as "
                        "poland (your editor lists them).",
    })
    language = schema["properties"]["language"]
    language.pop("pattern", None)
    language["anyOf"] = [
        {"enum": list(LANGUAGES), "enumDescriptions": list(LANGUAGES.values()),
         "errorMessage": _LANGUAGE_MESSAGE},
        {"pattern": OTHER_LANGUAGE_PATTERN, "patternErrorMessage": _LANGUAGE_MESSAGE},
    ]
    language["errorMessage"] = _LANGUAGE_MESSAGE


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
    _for_editors(schema)
    _value_lists(schema, defs)
    ordered: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID}
    # No title, not even here: an editor shows the closest title above a field as its heading.
    ordered.update(schema)
    return ordered


def schema_text() -> str:
    """Return the schema as the text of ``scenarios/schema.json`` (stable, ends with a newline)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
