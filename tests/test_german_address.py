"""The German of the game speaks to the student as "du": the screens (statecraft.po) and the
scenario translations beside them (scenarios/*.de.yaml) alike, never the formal "Sie" in one
and "du" in the other.

German writes "sie", "ihr", "ihnen" (they, their, them) in lower case inside a sentence; a
capital "Sie", "Ihr...", "Ihnen" there can only be the formal address ("Wählen Sie", "Was
sagen Sie Prag?", "nur Ihrer Entscheidung"). At the start of a sentence the two cannot be told
apart by their letters, so a sentence there must open with one of the third-person openings
read and listed below; any other ("Sie haben...", "Ihre Entscheidung...") counts as the
formal address.

The same holds for the German examples in the scenario writers' guide (scenarios/README.md),
which teachers copy into their own translations.

A standing policy is a "Leitlinie" on the German screens; the scenario translations call it
the same, not "stehende Politik" or "ständige Linie" beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.scenario.loader import load_scenario
from game.scenario.translation import load_translation, scenario_of, translated
from tests import i18n_tool
from tests.test_guide import GUIDE, guide_blocks

ROOT = Path(__file__).resolve().parent.parent
GERMAN_SCENARIOS = sorted((ROOT / "scenarios").glob("*.de.yaml"))
STANDING_POLICY = "Leitlinie"
"""The catalogue's word for a standing policy (plural "Leitlinien")."""
OTHER_NAMES = re.compile(r"\b(?:stehend|ständig)e[mnrs]?\s+(?:Politik|Linie)|Politik-Tafel",
                         re.IGNORECASE)
"""Other German names for a standing policy, which the screens do not use."""
STANDING_POLICY_EN = re.compile(r"standing polic|policy panel", re.IGNORECASE)
"""Where an English text names a standing policy (or the policies' panel): a "Leitlinie" each."""

FORMAL = re.compile(r"\b(?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)\b")
"""The capitalised pronouns of the formal address; also they/their/them at a sentence's start."""

OPENERS = " \"'„“”«»(["
"""What may stand between a sentence's end and its first word: spaces, quotes, a bracket."""

THIRD_PERSON = (
    # road_to_war_1938_1941.de.yaml
    "Sie tun es nicht",  # Germany and Italy do not withdraw their troops
    "Sie verkaufte Waffen",  # the USSR sold arms to Spain
    "Ihre Armeen weichen",  # the Spanish Republic's armies
    "Ihre Gesuche liegen",  # the purged officers' appeals
    "Ihre Leiter haben",  # the Western military mission's leaders
    # game/locale/de/LC_MESSAGES/statecraft.po
    "Sie sieht aus wie",  # the file looks like a binary file
    "Ihre Korrelation mit dem",  # the recorded figure's correlation with the aim
)
"""Sentences, read one by one, that open with "Sie"/"Ihr..." meaning they, their or it. Add a
new one only after reading it: if it speaks to the player, write it with "du" instead."""


def formal_address(text: str, third_person: tuple[str, ...] = THIRD_PERSON) -> list[str]:
    """Each place in `text` that addresses the reader as "Sie", with a little of its context:
    a capitalised Sie/Ihr.../Ihnen inside a sentence, or one at a sentence's start (also after
    a colon) whose sentence does not open with one of `third_person`."""
    text = " ".join(text.split())
    found = []
    for match in FORMAL.finditer(text):
        before = text[:match.start()].rstrip(OPENERS)
        at_start = not before or before[-1] in ".!?:"
        if at_start and text.startswith(third_person, match.start()):
            continue
        found.append(text[max(0, match.start() - 40):match.end() + 40])
    return found


def scenario_texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text of a scenario translation, with where it stands (events.munich.text)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from scenario_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from scenario_texts(value, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node


def test_the_check_finds_the_formal_address() -> None:
    for formal in ("Wählen Sie eine Antwort.", "Ihre Entscheidung zählt.", "Was sagen Sie Prag?",
                   "Das Spiel folgt nur Ihrer Entscheidung.", "Hitler dankt Ihnen.",
                   "Nichts versprechen. (Sie können mit einem Vorschlag antworten.)",
                   "Sie haben mit keiner Seite unterzeichnet.", "Kein Vertrag bindet Sie.",
                   "Fällt Polen, steht die Armee an Ihrer Grenze.", "Halten, was Sie haben"):
        assert formal_address(formal), formal


def test_the_check_lets_they_and_du_pass() -> None:
    for fine in ("Deutschland und Italien sollen ihre Truppen abziehen. Sie tun es nicht.",
                 "Die UdSSR schickte keine Armee. Sie verkaufte Waffen.",
                 "Die Datei enthält ein NUL-Byte: Sie sieht aus wie eine Binärdatei.",
                 "Was sagst du Prag? Dein Vertrag verpflichtet dich nur, wenn sie kämpfen.",
                 "Die Offiziere sitzen in Lagern. Ihre Gesuche liegen auf deinem Tisch.",
                 "Ihr Vertrag mit Prag"):
        assert not formal_address(fine, THIRD_PERSON + ("Ihr Vertrag mit Prag",)), fine


def german_guide_examples(text: str | None = None) -> list[tuple[int, Any]]:
    """Each YAML example of the guide that is a German translation file (its `language`
    says `de`), with the line of its opening fence. A block that is not YAML at
    all (a mistake shown on purpose) is no translation file."""
    found = []
    for block in guide_blocks(text):
        if block.lang != "yaml":
            continue
        try:
            data = yaml.safe_load(block.text)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and str(data.get("language", "")).lower() == "de":
            found.append((block.line, data))
    return found


def paired_texts(english: Any, german: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """The texts of a scenario and of its translation, side by side, with where they stand."""
    if isinstance(english, dict) and isinstance(german, dict):
        for key, value in english.items():
            yield from paired_texts(value, german.get(key), f"{path}.{key}" if path else key)
    elif isinstance(english, list) and isinstance(german, list):
        for index, (value, other) in enumerate(zip(english, german, strict=True)):
            name = value.get("id", index) if isinstance(value, dict) else index
            yield from paired_texts(value, other, f"{path}[{name}]")
    elif isinstance(english, str) and isinstance(german, str):
        yield path, english, german


def test_the_check_finds_the_german_guide_examples() -> None:
    guide = ("Text.\n\n<!-- check: translation -->\n```yaml\nlanguage: de\ntranslates: t\n"
             "title: Wählen Sie\n```\n\n```yaml\nid: t\ntitle: Choose\n```\n\n"
             "```yaml\nlanguage: fr\ntitle: Choisissez\n```\n\n```yaml\nlanguage: de\n"
             "title: [kein YAML\n```\n\n```text\nlanguage: de\n```\n")
    assert german_guide_examples(guide) == [(4, {"language": "de", "translates": "t",
                                                 "title": "Wählen Sie"})]


def test_the_guide_has_german_examples_to_check() -> None:
    examples = german_guide_examples()
    marked = [block.line for block in guide_blocks() if block.kind == "translation"]
    assert marked, "the guide has no <!-- check: translation --> example"
    assert [line for line, _ in examples] == marked


def test_the_german_guide_examples_say_du_to_the_player() -> None:
    found = [f"README.md:{line}: {where}: ...{snippet}..."
             for line, data in german_guide_examples()
             for where, text in scenario_texts(data) for snippet in formal_address(text)]
    assert not found, (f"formal address ('Sie') to the player in {GUIDE.name}; write 'du':\n"
                       + "\n".join(found))


def test_the_german_guide_examples_call_a_standing_policy_leitlinie() -> None:
    found = [f"README.md:{line}: {where}: '{other.group()}'"
             for line, data in german_guide_examples()
             for where, text in scenario_texts(data) if (other := OTHER_NAMES.search(text))]
    assert not found, (f"a standing policy is '{STANDING_POLICY}' on the German screens; "
                       "call it that:\n" + "\n".join(found))


def test_the_catalogue_calls_a_standing_policy_leitlinie() -> None:
    catalog = i18n_tool.read(i18n_tool.po_path("de"), "de")
    assert catalog["Standing policies"].string == STANDING_POLICY + "n"
    assert catalog["Standing policy: {policy}"].string == STANDING_POLICY + ": {policy}"


def test_the_check_finds_other_names_for_a_standing_policy() -> None:
    for other in ("Die stehende Politik für die Armee", "siehe die Politik-Tafel",
                  "die ständige Linie für die Armee", "eine ständige Linie, die du änderst",
                  "unter einer ständigen Politik"):
        assert OTHER_NAMES.search(other), other
    for fine in ("Die Leitlinie für die Armee", "Nur das stehende Heer.",
                 "Die Linie, die Moskau vorgibt.", "die sowjetische Politik"):
        assert not OTHER_NAMES.search(fine), fine


@pytest.mark.parametrize("path", GERMAN_SCENARIOS, ids=lambda p: p.name)
def test_a_german_scenario_calls_a_standing_policy_leitlinie(path: Path) -> None:
    original = scenario_of(path)
    assert original is not None, f"{path.name} translates no scenario beside it"
    english = load_scenario(original, translate=False).scenario
    german = translated(english, load_translation(path, english))
    found = []
    for where, text, translation in paired_texts(english.model_dump(), german.model_dump()):
        if other := OTHER_NAMES.search(translation):
            found.append(f"{where}: '{other.group()}'")
        elif text != translation and (named := len(STANDING_POLICY_EN.findall(text))) \
                > (said := translation.count(STANDING_POLICY)):
            found.append(f"{where}: the English names a standing policy {named} time(s), "
                         f"the German says '{STANDING_POLICY}' {said} time(s)")
        elif where.startswith("policies[") and re.search(r"\bpolicy\b", text) \
                and re.search(r"\bPolitik\b", translation):
            found.append(f"{where}: 'policy' is '{STANDING_POLICY}' here, not 'Politik'")
    assert not found, (f"a standing policy is '{STANDING_POLICY}' on the German screens; "
                       "call it that:\n" + "\n".join(found))


def test_there_is_a_german_scenario_to_check() -> None:
    assert ROOT / "scenarios" / "road_to_war_1938_1941.de.yaml" in GERMAN_SCENARIOS


@pytest.mark.parametrize("path", GERMAN_SCENARIOS, ids=lambda p: p.name)
def test_a_german_scenario_says_du_to_the_player(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [f"{where}: ...{snippet}..." for where, text in scenario_texts(data)
             for snippet in formal_address(text)]
    assert not found, "formal address ('Sie') to the player; write 'du':\n" + "\n".join(found)


def test_the_german_screens_say_du_to_the_player() -> None:
    catalog = i18n_tool.read(i18n_tool.po_path("de"), "de")
    found = []
    for message in catalog:
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        found += [f"{message.id!r}: ...{snippet}..." for text in strings if text
                  for snippet in formal_address(text)]
    assert not found, "formal address ('Sie') to the player; write 'du':\n" + "\n".join(found)
