"""The message catalogues: fresh, complete, and chosen the way a user expects."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import i18n
from game.present.dates import month_words
from game.present.numbers import number
from tests import i18n_tool

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{(?:[A-Za-z_]\w*|\d*)(?:![rsa])?(?::[^{}]*)?\}|%\(?[a-z_]*\)?[sdfr]")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_the_catalogues_are_up_to_date_with_the_code() -> None:
    assert i18n_tool.main(["--check"]) == 0, "run: python -m tests.i18n_tool"


@pytest.mark.parametrize("lang", [lang for lang in i18n_tool.languages()])
def test_every_sentence_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = i18n_tool.read(i18n_tool.po_path(lang), lang)
    problems = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(strings):
            problems.append(f"not translated: {ids[0]!r}")
            continue
        for n, s in enumerate(strings):
            # The singular form may leave out what only the plural says (a range's last seed).
            source = ids[min(n, len(ids) - 1)]
            wanted = set(PLACEHOLDER.findall(source))
            if set(PLACEHOLDER.findall(s)) != wanted:
                problems.append(f"placeholders differ: {source!r} -> {s!r}")
    assert not problems, "\n".join(problems[:40])


def test_german_is_available_and_english_is_the_fallback() -> None:
    assert "de" in i18n.available_languages()
    assert i18n.set_language("de") == "de" and i18n.current_language() == "de"
    assert i18n.set_language("xx") == "en"
    assert i18n.set_language("de_AT.UTF-8") == "de"


def test_the_environment_chooses_as_gettext_does() -> None:
    env = {"LANGUAGE": "fr:de", "LANG": "en_GB.UTF-8"}
    assert i18n.language_from_environment(env) == "de"
    assert i18n.language_from_environment({"LANG": "de_DE.UTF-8"}) == "de"
    assert i18n.language_from_environment({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.language_from_environment({}) is None


def test_numbers_and_months_follow_the_language() -> None:
    assert number(35.5) == "35.5" and number(-0.4, signed=True) == "-0.4"
    assert month_words("1933-03") == "Mar 1933"
    i18n.set_language("de")
    assert number(35.5) == "35,5" and number(1234.5) == "1.234,5"
    assert number(0.5, signed=True) == "+0,5"
    assert month_words("1933-03") == "März 1933" and month_words("1933-05") == "Mai 1933"
    # German abbreviations keep their point, as the scenarios' history notes write them.
    assert month_words("1933-01-07") == "7. Jan. 1933" and month_words("1931-09") == "Sept. 1931"


def test_the_pseudo_language_marks_every_sentence_but_keeps_placeholders() -> None:
    i18n.set_language(i18n.PSEUDO)
    out = i18n._("Sign a pact with {nation} in {year}")
    assert out.startswith("⟦") and out.endswith("⟧")
    assert "{nation}" in out and "{year}" in out and "Sign" not in out


def test_lang_on_the_command_line_anywhere() -> None:
    from game.cli import take_language

    assert take_language(["report", "x.json", "--lang", "de"]) == (["report", "x.json"], "de")
    assert take_language(["--lang=de"]) == ([], "de")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "xx", "schema",
                          "--help"], capture_output=True, text=True, timeout=120)
    assert "--lang xx: no translation" in out.stderr


def test_a_teachers_mistakes_get_the_same_problems_in_german(tmp_path: Path) -> None:
    """The checker speaks German, and reports the same problems at the same places as in
    English (the recovery after a syntax error must not depend on the language)."""
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import load_scenario

    text = (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("actions_per_turn: 2", "actions_per_turn 2")
                      .replace("relation: 20", "relation: fifty"), encoding="utf-8")

    def places() -> list[tuple[int, int, str]]:
        with pytest.raises(ScenarioError) as err:
            load_scenario(broken)
        return [(p.line, p.col, p.format()) for p in err.value.problems]

    english = places()
    i18n.set_language("de")
    german = places()
    assert [(line, col) for line, col, _ in german] == [(line, col) for line, col, _ in english]
    assert any("fehlt ':'" in text for _, _, text in german)


def test_german_quotes_a_label_set_into_a_sentence() -> None:
    """A choice's label or a reading's name is a title of its own ("Sich mit Frankreich
    verbünden", "Alle Optionen offen"): set bare into a German sentence it reads as broken
    grammar ("Du hast Sich mit Frankreich verbünden gewählt"), so German quotes it."""
    i18n.set_language("de")
    label = "Sich mit Frankreich verbünden"
    assert i18n._("You chose {choice}.").format(choice=label) == f"Du hast „{label}“ gewählt."
    assert i18n._("leans towards {reading}").format(reading="Alle Optionen offen") == \
        "neigt zu „Alle Optionen offen“"
    assert i18n._("closest to {reading}").format(reading="Expansion zuerst") == \
        "am nächsten bei „Expansion zuerst“"
