"""The German of the game speaks to the student as "du": the screens (statecraft.po) and the
scenario translations beside them (scenarios/*.de.yaml) alike, never the formal "Sie" in one
and "du" in the other.

German writes "sie", "ihr", "ihnen" (they, their, them) in lower case inside a sentence; a
capital "Sie", "Ihr...", "Ihnen" there can only be the formal address ("Wählen Sie", "Was
sagen Sie Prag?", "nur Ihrer Entscheidung"). At the start of a sentence the two cannot be told
apart by their letters, so a sentence there must open with one of the third-person openings
read and listed below; any other ("Sie haben...", "Ihre Entscheidung...") counts as the
formal address."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import i18n_tool

ROOT = Path(__file__).resolve().parent.parent
GERMAN_SCENARIOS = sorted((ROOT / "scenarios").glob("*.de.yaml"))

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
