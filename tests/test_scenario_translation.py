"""Scenarios in other languages: a translation file beside a scenario (``NAME.de.yaml``).

validate checks it (every problem at file:line:col); the game loads the scenario in the
interface's language, falling back to the original text field by field; saves, their digest
and their replays do not depend on the language; the picker offers neither templates nor
translation files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from game import i18n
from game.cli import main
from game.core.engine import ending
from game.core.policies import history_policy, play_game, random_policy
from game.paths import is_playable, scenario_files, translation_name
from game.saves import read_save_data, replay_save, write_save
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario
from game.scenario.translation import load_translation, read_translation, translation_files
from tests.conftest import ROOT

SCENARIOS = ROOT / "scenarios"
ROAD = SCENARIOS / "road_to_war_1938_1941.yaml"
GERMAN = SCENARIOS / "road_to_war_1938_1941.de.yaml"


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "_from_command_line", False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the 1938-41 scenario, alone in a folder."""
    shutil.copy(ROAD, tmp_path / ROAD.name)
    return tmp_path


def in_german(path: Path) -> Any:
    i18n.set_language("de")
    try:
        return load_scenario(path)
    finally:
        i18n.set_language("en")


def validate(capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, list[str]]:
    code = main(["validate", "--games", "0", *map(str, files)])
    return code, capsys.readouterr().out.splitlines()


BROKEN = """\
language: de
translates: road_to_war_1938_1941
titel: Der Weg in den Krieg
aims:
  securty:
    name: Sicherheit
  strength:
    nme: Stärke
actions:
  rearm:
    name: 5
    history:
      txt: Die Armee wuchs.
events:
  munich:
    choices:
      stay_the_curse:
        label: Weiter so
endings:
  collapse: Die Front bricht
"""


def test_validate_gives_every_problem_of_a_broken_translation_at_file_line_col(
        capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    broken = folder / "road_to_war_1938_1941.de.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    code, lines = validate(capsys, broken)
    assert code == 1
    errors = [line.removeprefix(str(broken)) for line in lines if ": error: " in line]
    assert errors == [
        ":3:1: error: unknown field 'titel' in a translation (did you mean 'title'?)",
        ":5:3: error: unknown aim 'securty' (did you mean 'security'?)",
        ":8:5: error: unknown field 'nme' for aim 'strength' (did you mean 'name'?)",
        ":11:11: error: 'name' must be text, not the number 5 (put the text in quotes)",
        ":13:7: error: unknown field 'txt' in a history note's translation "
        "(did you mean 'text'?)",
        ":17:7: error: unknown choice 'stay_the_curse' of event 'munich' "
        "(did you mean 'stay_the_course'?)",
        ":20:13: error: 'collapse' must be a mapping of 'key: value' lines (the texts of "
        "ending 'collapse'), not the text 'Die Front bricht' (check the indentation)",
    ]
    assert lines[-1] == "7 error(s), 0 warning(s) in 1 file(s)"
    # Beside its scenario, validating the scenario checks the translation too.
    code, lines = validate(capsys, folder / ROAD.name)
    assert code == 1 and sum(": error: " in line for line in lines) == 7


def test_syntax_and_safety_problems_are_the_safe_readers(
        capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    bad = folder / "road_to_war_1938_1941.de.yaml"
    bad.write_text("language: de\ntranslates: road_to_war_1938_1941\ntitle: &a Titel\n"
                   "description: *a\n", encoding="utf-8")
    code, lines = validate(capsys, bad)
    assert code == 1 and lines[0].startswith(f"{bad}:3:") and "anchor" in lines[0].lower()
    bad.write_bytes(b"language: de\ntranslates: road_to_war_1938_1941\ntitle: a\x07b\n")
    code, lines = validate(capsys, bad)
    assert code == 1 and lines[0].startswith(f"{bad}:3:")


def test_header_mistakes(folder: Path) -> None:
    scenario = load_scenario(folder / ROAD.name).scenario
    with pytest.raises(ScenarioError) as exc:
        read_translation(b"language: fr\ntranslates: ussr_1928_1941\n",
                         str(folder / "road_to_war_1938_1941.de.yaml"), scenario)
    messages = [p.message for p in exc.value.problems]
    assert messages == ["the file's name says 'de' but its 'language' is 'fr'",
                        "this translation is of 'ussr_1928_1941', but the scenario beside it "
                        "is 'road_to_war_1938_1941'"]
    with pytest.raises(ScenarioError) as exc:
        read_translation(b"title: x\n", "x.de.yaml", scenario)
    assert [p.message for p in exc.value.problems] == ["'language' is missing",
                                                       "'translates' is missing"]


def test_missing_texts_are_warnings_and_fall_back_to_the_original_field_by_field(
        capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    partial = folder / "road_to_war_1938_1941.de.yaml"
    partial.write_text("language: de\ntranslates: road_to_war_1938_1941\n"
                       "title: Der Weg in den Krieg\n"
                       "actions:\n  rearm:\n    name: Die Rote Armee vergrößern\n",
                       encoding="utf-8")
    code, lines = validate(capsys, partial)
    assert code == 0
    assert any(":5:3: warning: no translation for 'description' of action 'rearm'" in line
               for line in lines), lines
    assert any("no translation for the history note of action 'rearm'" in line for line in lines)
    assert lines[-1].startswith("0 error(s), ")
    english = load_scenario(folder / ROAD.name).scenario
    german = in_german(folder / ROAD.name).scenario
    assert german.title == "Der Weg in den Krieg" and german.language == "de"
    assert german.description == english.description
    rearm = german.actions[0]
    assert rearm.name == "Die Rote Armee vergrößern"
    assert rearm.description == english.actions[0].description
    assert rearm.history == english.actions[0].history
    assert german.events == english.events


def test_a_broken_translation_is_not_used_and_the_game_says_so(folder: Path) -> None:
    (folder / "road_to_war_1938_1941.de.yaml").write_text(BROKEN, encoding="utf-8")
    loaded = in_german(folder / ROAD.name)
    assert loaded.scenario.title == "The road to war, 1938-1941"
    # The reader asked for German, so the game says it in German.
    assert "die Übersetzung wird nicht verwendet: sie hat 7 Fehler" in loaded.warnings[-1].message


def test_the_german_translation_is_complete_and_loads_in_german_and_english(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = validate(capsys, GERMAN)
    assert code == 0 and lines[0].endswith("ok (translation into de of The road to war, "
                                           "1938-1941)"), lines
    assert load_translation(GERMAN, load_scenario(ROAD).scenario).warnings == []
    english = load_scenario(ROAD)
    german = in_german(ROAD)
    assert english.scenario.title == "The road to war, 1938-1941"
    assert german.scenario.title == "Der Weg in den Krieg, 1938-1941"
    assert german.rules.scenario is german.scenario and german.translation == "de"
    by_id = {e.id: e for e in german.scenario.events}
    assert "Hitler-Stalin-Pakt" in by_id["august_1939"].history.text  # type: ignore[union-attr]
    assert "Münchner Abkommen" in by_id["munich"].history.text  # type: ignore[union-attr]
    assert "Unternehmen Barbarossa" in by_id["barbarossa"].text
    sources = [n.history.source for n in english.scenario.events if n.history]
    assert sources == [n.history.source for n in german.scenario.events if n.history]
    # Only texts change: ids, numbers and the rules' digest are the original's.
    assert german.rules.digest == english.rules.digest
    assert german.rules.action_index == english.rules.action_index
    assert [e.id for e in german.scenario.events] == [e.id for e in english.scenario.events]
    assert german.scenario.model_dump(include={"calendar", "historical_path"}) == \
        english.scenario.model_dump(include={"calendar", "historical_path"})


def test_a_save_made_in_german_replays_in_english_bit_for_bit(tmp_path: Path) -> None:
    german = in_german(ROAD).rules
    state = play_game(german, random_policy, seed=7)
    save = tmp_path / "game.json"
    write_save(save, state, "Anna", str(ROAD))
    data = read_save_data(save)
    english = load_scenario(ROAD).rules
    assert data.scenario_hash == english.digest == german.digest
    replayed = replay_save(data, english, str(save))
    assert not replayed.warnings and replayed.dropped == 0
    assert replayed.state.moves == state.moves
    assert replayed.state.aims == state.aims and replayed.state.ending_index == state.ending_index
    again = replay_save(data, in_german(ROAD).rules, str(save))
    assert again.state.aims == state.aims


def test_the_german_game_plays_to_the_end_and_its_report_is_in_german(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rules = in_german(ROAD).rules
    state = play_game(rules, history_policy, seed=0)
    assert state.ending_index >= 0
    german_ending = rules.scenario.endings[state.ending_index].title
    assert ending(state) is not None
    save = tmp_path / "history.json"
    write_save(save, state, "Anna", str(ROAD))
    assert main(["--lang", "de", "report", str(save), "--format", "md", "-o", "-"]) == 0
    doc = capsys.readouterr().out
    assert german_ending in doc and "Der Weg in den Krieg, 1938-1941" in doc
    assert "Die Rote Armee vergrößern" in doc
    i18n.set_language("en")
    i18n._from_command_line = False
    assert main(["report", str(save), "--format", "md", "-o", "-"]) == 0
    doc = capsys.readouterr().out
    assert "The road to war, 1938-1941" in doc and german_ending not in doc


def test_the_interface_cache_loads_again_when_the_language_changes() -> None:
    from game.ui.loading import load_cached

    app: Any = SimpleNamespace(scenario_cache={})
    assert load_cached(app, ROAD).scenario.language == "en"
    i18n.set_language("de")
    assert load_cached(app, ROAD).scenario.title == "Der Weg in den Krieg, 1938-1941"
    assert load_cached(app, ROAD) is load_cached(app, ROAD)
    i18n.set_language("en")
    assert load_cached(app, ROAD).scenario.language == "en"


def test_the_picker_offers_neither_templates_nor_translations(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui.loading import known_scenarios

    teacher = tmp_path / "scenarios"
    teacher.mkdir()
    for name in ("mine.yaml", "mine.de.yaml", "mine.fr.yml", "template.yaml",
                 "week.template.yaml"):
        (teacher / name).write_text("format: 1\n", encoding="utf-8")
    monkeypatch.setenv("STATECRAFT_HOME", str(tmp_path))
    offered = scenario_files()
    assert offered == known_scenarios(SimpleNamespace())  # type: ignore[arg-type]
    names = [p.name for p in offered]
    assert "template.yaml" not in names and "road_to_war_1938_1941.de.yaml" not in names
    assert "road_to_war_1938_1941.yaml" in names and "ussr_1928_1941.yaml" in names
    assert [n for n in names if (teacher / n) in offered] == ["mine.yaml"]
    assert translation_name("mine.de-CH.yaml") == ("mine.yaml", "de-CH")
    assert is_playable("my.v2.yaml") and not is_playable("template.yml")
    assert translation_files(teacher / "mine.yaml") == [teacher / "mine.de.yaml",
                                                        teacher / "mine.fr.yml"]


def test_validate_still_checks_the_template(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = validate(capsys, SCENARIOS / "template.yaml")
    assert code == 0 and lines[0].startswith(f"{SCENARIOS / 'template.yaml'}: ok")
