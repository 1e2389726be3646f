"""The player's state and the other nations by name, in German sentences.

German puts an article before some names ("die UdSSR", "die Tschechoslowakei", "das
Vereinigte Königreich") and declines it ("mit der UdSSR"). The scenario gives a name only, so:

- the player's state comes with an article where its name is an abbreviation ("UdSSR", as the
  German scenario calls it, or the untranslated "USSR"), through the catalogue's "the {state}"
  ("die {state}") and "the {state}'s" ("der {state}"); the play-test found "was UdSSR getan
  hat" and "UdSSR wählte: ...";
- a sentence the name with its small article opens is capitalised ("Die USSR hat keinen
  Vertrag mit diesem Staat", not "die USSR ...");
- the German catalogue sets another nation's name where no article is needed: as a label
  ("Polen: Frieden", "besetzt (Besatzungsmacht: Deutschland)"), never after a preposition or
  as a sentence's subject ("Frieden mit Tschechoslowakei").
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from game.present.player import capital, possessive, the_name
from tests import i18n_tool

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"


@pytest.fixture
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def played(path: Path, months: tuple[str, ...]) -> Iterator[Any]:
    """The historical game of a scenario (in the language in use), on the turn of each month."""
    from game.core.engine import apply_action, new_game
    from game.core.policies import history_policy
    from game.scenario.loader import load_scenario

    rules = load_scenario(path).rules
    state = new_game(rules, 0, history=True)
    rng = random.Random(0)
    for month in months:
        while state.ending_index < 0 and (state.turn < rules.turn_of_month(month)
                                          or state.pending):
            state = apply_action(state, history_policy(state, rng))
        yield state


@pytest.mark.parametrize(("name", "nominative", "genitive"), [
    ("UdSSR", "die UdSSR", "der UdSSR"),  # the German scenario's player
    ("USSR", "die USSR", "der USSR"),  # an English scenario's, on German screens
    ("USA", "die USA", "der USA"),
    ("Polen", "Polen", "Polens"),
    ("Deutschland", "Deutschland", "Deutschlands"),
])
def test_an_abbreviated_name_takes_its_article_in_german(
        german: None, name: str, nominative: str, genitive: str) -> None:
    assert the_name(name) == nominative
    assert possessive(name) == genitive


@pytest.mark.parametrize(("name", "phrase", "whose"), [
    ("USSR", "the USSR", "the USSR's"), ("UdSSR", "the UdSSR", "the UdSSR's"),
    ("Poland", "Poland", "Poland's"), ("United States", "the United States",
                                       "the United States'"),
    ("McMahon Land", "McMahon Land", "McMahon Land's"),  # two capitals, but not mostly
])
def test_english_names_keep_their_article(name: str, phrase: str, whose: str) -> None:
    assert the_name(name) == phrase
    assert possessive(name) == whose


def test_the_german_scenario_names_its_state_with_the_article(german: None) -> None:
    from game.present.history_note import chose_line
    from game.present.nations import nation_lines
    from game.present.powers import status_legend_words

    state = next(played(ROAD, ("1939-10",)))
    player = state.rules.scenario.player
    assert player == "UdSSR"  # the German translation's name
    assert chose_line(player, "Wir helfen") == "Die UdSSR wählte: Wir helfen"
    assert status_legend_words(player)["gains"] == "Gewinne der UdSSR"
    lines = [line for i in range(len(state.rules.scenario.nations))
             for line in nation_lines(state, i, reason=False)
             if not line.startswith("Neueste Nachricht")]  # the scenario's own words
    assert any(line.startswith("Wie die UdSSR zu diesem Staat steht") for line in lines)
    bare = [line for line in lines if re.search(r"(?<![Dd]ie )(?<![Dd]er )\bUdSSR", line)]
    assert not bare, bare


@pytest.mark.parametrize("path", [DEFAULT, ROAD], ids=["1928-1941", "road_to_war"])
def test_every_line_of_a_german_nation_panel_opens_with_a_capital(german: None,
                                                                   path: Path) -> None:
    """Play-test: "die USSR hat keinen Vertrag ..." in the nation panel (the German line opens
    with the state's name, which the English puts last)."""
    from game.present.nations import nation_lines
    from game.present.powers import power_paragraphs

    small = []
    seen = 0
    for state in played(path, ("1939-01", "1939-10", "1940-08", "1941-06")):
        for i in range(len(state.rules.scenario.nations)):
            lines = nation_lines(state, i) + [t for t, _style in power_paragraphs(state, i)]
            seen += len(lines)
            small += [line for line in lines if line[:1].islower()]
    assert seen > 100
    assert not small, sorted(set(small))[:10]


def test_the_panel_says_the_state_has_no_treaty_with_a_capital(german: None) -> None:
    from game.present.nations import nation_lines

    state = next(played(DEFAULT, ("1928-01",)))
    lines = [line for i in range(len(state.rules.scenario.nations))
             for line in nation_lines(state, i)]
    assert "Die UdSSR hat keinen Vertrag mit diesem Staat" in lines


NATION_NAMES = ("nation", "holder", "enemy", "country", "power")
"""Placeholders that hold a nation's name as the scenario gives it (no article)."""
ALONE_BEFORE = re.compile(r"(?:^|\(|: |· |und )$")
ALONE_AFTER = re.compile(r"^(?:$|:|\)| \(| ·| und | wieder unabhängig)")
"""What may stand beside a nation's name in German: a label's punctuation, a bracket, another
name ("Deutschland und Italien"); "{nation} wieder unabhängig" is a headline."""
DATIVE = re.compile(r"\b(?:mit|von|vom|zu|zur|zum|bei|aus|nach|seit|gegenüber|außer)\s+$",
                    re.IGNORECASE)


def german_sentences() -> Iterator[tuple[str, str]]:
    """(msgid, msgstr) of every German sentence, each plural form apart."""
    for m in i18n_tool.read(i18n_tool.po_path("de"), "de"):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for s in strings:
            yield ids[0], s


def test_german_sets_a_nations_name_where_it_needs_no_article() -> None:
    wrong = []
    for msgid, text in german_sentences():
        names = set(NATION_NAMES)
        if msgid == "partitioned between {first} and {second}":
            names |= {"first", "second"}
        for m in re.finditer(r"\{(\w+)\}", text):
            if m.group(1) in names and not (ALONE_BEFORE.search(text[:m.start()])
                                            and ALONE_AFTER.match(text[m.end():])):
                wrong.append(f"{msgid!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_german_sets_the_state_where_its_article_needs_no_other_case() -> None:
    """The state's name comes as "die UdSSR" (nominative or accusative) or "der UdSSR" (its
    genitive); after a preposition that takes the dative it would need "der" again."""
    wrong = [f"{msgid!r} -> {text!r}" for msgid, text in german_sentences()
             for m in re.finditer(r"\{(?:state|who)\}", text)
             if DATIVE.search(text[:m.start()])]
    assert not wrong, "\n".join(wrong)


def test_capital_only_touches_the_first_letter() -> None:
    assert capital("die UdSSR hat keinen Vertrag") == "Die UdSSR hat keinen Vertrag"
    assert capital("") == ""
