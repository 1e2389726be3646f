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
import yaml

from game import i18n
from game.cli import main
from game.core.engine import ending, ending_causes, new_game
from game.core.policies import historical_game, history_policy, play_game, random_policy
from game.paths import is_playable, scenario_files, translation_name
from game.saves import read_save_data, replay_save, write_save
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario
from game.scenario.translation import (
    HISTORY_FIELDS,
    OPTION_FIELDS,
    SECTIONS,
    TEXT_LISTS,
    TOP_TEXTS,
    WANT_FIELDS,
    load_translation,
    read_translation,
    translation_files,
)
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
    # The living world's sentences are German too: views, wants, variants, outcomes, causes.
    new_english, new_german = _new_sentences(english.scenario), _new_sentences(german.scenario)
    assert len(new_german) == len(new_english) > 100
    assert not set(new_german) & set(new_english)
    sources = [n.history.source for n in english.scenario.events if n.history]
    assert sources == [n.history.source for n in german.scenario.events if n.history]
    # Only texts change: ids, numbers and the rules' digest are the original's.
    assert german.rules.digest == english.rules.digest
    assert german.rules.action_index == english.rules.action_index
    assert [e.id for e in german.scenario.events] == [e.id for e in english.scenario.events]
    assert german.scenario.model_dump(include={"calendar", "historical_path"}) == \
        english.scenario.model_dump(include={"calendar", "historical_path"})


def _leaves(texts: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(texts, dict):
        for key, value in texts.items():
            yield from _leaves(value, f"{path}.{key}")
    elif isinstance(texts, list):
        for k, value in enumerate(texts):
            yield from _leaves(value, f"{path}[{k}]")
    else:
        yield path, texts


@pytest.mark.parametrize("scenario", [ROAD, SCENARIOS / "ussr_1928_1941.yaml"],
                         ids=lambda p: p.stem)
def test_each_bundled_scenario_is_wholly_in_german(
        scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A German class sees no English in either bundled scenario: every text is translated
    (no warning of a text left out), none is the English one copied, and the German game is
    the English one (the same digest, ids and historical game)."""
    german_file = scenario.with_name(scenario.stem + ".de.yaml")
    code, lines = validate(capsys, german_file)
    assert code == 0 and "ok (translation into de of" in lines[0], lines
    assert lines[-1].startswith("0 error(s), 0 warning(s)"), lines
    english = load_scenario(scenario)
    assert load_translation(german_file, english.scenario).warnings == []
    german = in_german(scenario)
    pairs = list(zip(_leaves(texts_of(english.scenario)), _leaves(texts_of(german.scenario)),
                     strict=True))
    assert len(pairs) > 500
    copied = [path for (path, en), (_path, de) in pairs if en == de and len(en.split()) > 2]
    assert copied == []
    assert german.rules.digest == english.rules.digest
    assert [e.id for e in german.scenario.events] == [e.id for e in english.scenario.events]
    assert historical_game(german.rules).aims == historical_game(english.rules).aims


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
    rearm = next(a.name for a in rules.scenario.actions if a.id == "rearm")
    assert rearm == "Das Gesetz über die allgemeine Wehrpflicht beschließen" and rearm in doc
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


# -- the parts of the living world: views, wants, variants, outcomes, causes, policies ---------

TEMPLATE = SCENARIOS / "template.yaml"

NEW_PARTS: dict[str, Any] = {
    "nations": {"germany": {
        "relation_reason": "Berlin wird wieder feindselig, es sei denn, ein Pakt gibt ihm "
                           "einen Grund dagegen.",
        "views": ["Ein nützlicher Partner auf Zeit, der Rohstoffe liefert.",
                  "Das Zentrum des Weltkommunismus, das man isolieren muss."],
        "wants": [{"text": "Das Sudetenland.",
                   "why": "Jeder deutschsprachige Bezirk soll zum Reich gehören."},
                  {"text": "Freie Hand in Polen.",
                   "why": "Die Danziger Frage soll mit Gewalt gelöst werden."}]}},
    "policies": {"army": {
        "name": "Die Stärke des Heeres",
        "description": "Wie viele Männer unter Waffen stehen und wie viele in den Fabriken.",
        "options": {"peacetime": {"name": "Friedensstärke",
                                  "description": "Nur das stehende Heer."},
                    "mobilised": {"name": "Teilmobilmachung",
                                  "description": "Die Reserven werden einberufen."}}}},
    "events": {
        "slow_answer": {"variants": ["Litwinow ist gegangen; die Gespräche schleppen sich."]},
        "august_1939": {"choices": {"alliance": {"outcomes": {
            "ratified": "London und Paris ratifizieren die Konvention.",
            "shelved": "Die Konvention bleibt in London liegen."}}}}},
    "endings": {"the_pact": {"causes": [
        "Polen wurde geteilt.",
        "Die Reserven wurden einberufen; den Fabriken fehlten Arbeiter."]}},
}
"""The German of every new text of the template, as a translator writes it."""


def everything(scenario: Any) -> dict[str, Any]:
    """A translation that gives every text of a scenario (each marked ``[de]``), with the new
    parts of the template in real German."""
    out = texts_of(scenario, lambda text: "[de] " + text)
    for section, items in NEW_PARTS.items():
        for item_id, texts in items.items():
            for name, value in texts.items():
                if name == "choices":
                    for choice_id, parts in value.items():
                        out[section][item_id][name][choice_id].update(parts)
                else:
                    out[section][item_id][name] = value
    return out


def texts_of(scenario: Any, de: Any = str) -> dict[str, Any]:
    """Every translatable text of a scenario, in the shape of a translation file (each passed
    through ``de``)."""

    def given(model: Any, names: tuple[str, ...]) -> dict[str, str]:
        return {n: de(getattr(model, n)) for n in names if getattr(model, n)}

    out: dict[str, Any] = {"language": "de", "translates": scenario.id,
                           **given(scenario, TOP_TEXTS)}
    for section, (_model, fields) in SECTIONS.items():
        items: dict[str, Any] = {}
        for item in getattr(scenario, section):
            texts: dict[str, Any] = {}
            for name in fields:
                value = getattr(item, name)
                if isinstance(value, str):
                    texts.update(given(item, (name,)))
                elif name == "history" and value is not None:
                    texts[name] = given(value, HISTORY_FIELDS)
                elif name == "choices" and value:
                    texts[name] = {c.id: {**given(c, ("label", "description")), **(
                        {"outcomes": {o.id: de(o.text) for o in c.outcomes}} if c.outcomes
                        else {})} for c in value}
                elif name == "options":
                    texts[name] = {o.id: given(o, ("name", "description")) for o in value}
                elif name == "wants" and value:
                    texts[name] = [given(w, ("text", "why")) for w in value]
                elif name in TEXT_LISTS and value:
                    texts[name] = [de(e.text) for e in value]
            items[item.id] = texts
        out[section] = items
    return out


def german_template(folder: Path, data: dict[str, Any] | None = None) -> Path:
    shutil.copy(TEMPLATE, folder / TEMPLATE.name)
    if data is None:
        data = everything(load_scenario(TEMPLATE, translate=False).scenario)
    path = folder / "template.de.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")
    return path


def test_every_new_text_translates_and_a_german_player_sees_it(tmp_path: Path) -> None:
    """Views, wants, relation_reason, variants, outcomes, causes and policies in German; the
    rules, their digest and the historical game unchanged."""
    path = german_template(tmp_path)
    english = load_scenario(tmp_path / TEMPLATE.name, translate=False)
    assert load_translation(path, english.scenario).warnings == []
    german = in_german(tmp_path / TEMPLATE.name)
    s = german.scenario
    germany = next(n for n in s.nations if n.id == "germany")
    new = NEW_PARTS["nations"]["germany"]
    assert germany.relation_reason == new["relation_reason"]
    assert [v.text for v in germany.views] == new["views"]
    assert [{"text": w.text, "why": w.why} for w in germany.wants] == new["wants"]
    # The conditions stay the original's: only the texts changed.
    english_germany = next(n for n in english.scenario.nations if n.id == "germany")
    assert [v.when for v in germany.views] == [v.when for v in english_germany.views]
    army = s.policies[0]
    assert (army.name, army.options[1].name, army.options[1].description) == (
        "Die Stärke des Heeres", "Teilmobilmachung", "Die Reserven werden einberufen.")
    assert [o.stance for o in army.options] == [o.stance for o in english.scenario.policies[0].options]
    events = {e.id: e for e in s.events}
    assert events["slow_answer"].variants[0].text.startswith("Litwinow ist gegangen")
    alliance = events["august_1939"].choices[0]
    assert [o.text for o in alliance.outcomes] == ["London und Paris ratifizieren die Konvention.",
                                                   "Die Konvention bleibt in London liegen."]
    assert alliance.label.startswith("[de] ") and alliance.outcomes[0].chance is not None
    the_pact = next(e for e in s.endings if e.id == "the_pact")
    assert the_pact.causes[0].text == "Polen wurde geteilt."
    # No English is left in any text a player reads.
    left = [t for t in _texts(s) if not (t.startswith("[de] ") or t in _german())]
    assert left == []
    # Only texts change: the same digest, and the same historical game, read in German.
    assert german.rules.digest == english.rules.digest
    final = historical_game(german.rules)
    assert final.aims == historical_game(english.rules).aims
    view = final.power_view("germany")
    assert view is not None and germany.views[view].text in new["views"]
    causes = [s.endings[final.ending_index].causes[k].text for k in ending_causes(final)]
    assert causes and all(c in _german() for c in causes)
    assert new_game(german.rules, 3).policy("army") == "peacetime"


def _new_sentences(scenario: Any) -> list[str]:
    """The sentences of a scenario's views, wants, relation reasons, variants, outcomes, causes
    and policy descriptions."""
    out = [p.description for p in scenario.policies]
    out += [o.description for p in scenario.policies for o in p.options]
    for n in scenario.nations:
        out += [n.relation_reason, *(v.text for v in n.views)]
        out += [t for w in n.wants for t in (w.text, w.why)]
    for e in scenario.events:
        out += [v.text for v in e.variants]
        out += [o.text for c in e.choices for o in c.outcomes]
    out += [c.text for e in scenario.endings for c in e.causes]
    return [t for t in out if t]


def _german() -> set[str]:
    found: set[str] = set()
    stack: list[Any] = [NEW_PARTS]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        else:
            found.add(node)
    return found


def _texts(scenario: Any) -> list[str]:
    """Every text of a scenario a translation may give (all of them non-empty)."""
    out = [getattr(scenario, n) for n in TOP_TEXTS]
    for section, (_model, fields) in SECTIONS.items():
        for item in getattr(scenario, section):
            for name in fields:
                value = getattr(item, name)
                if isinstance(value, str):
                    out.append(value)
                elif name == "history" and value is not None:
                    out += [getattr(value, n) for n in HISTORY_FIELDS]
                elif name == "choices":
                    for c in value:
                        out += [c.label, c.description, *(o.text for o in c.outcomes)]
                elif name == "options":
                    out += [getattr(o, n) for o in value for n in OPTION_FIELDS]
                elif name == "wants":
                    out += [getattr(w, n) for w in value for n in WANT_FIELDS]
                elif name in TEXT_LISTS:
                    out += [e.text for e in value]
    return [t for t in out if t]


MISTAKES = """\
language: de
translates: template
nations:
  germany:
    views:
      - Ein nützlicher Partner.
      - Das Zentrum des Weltkommunismus.
      - Ein dritter Blick, den es nicht gibt.
    wants:
      - text: Das Sudetenland.
        wieso: Alle deutschsprachigen Bezirke.
policies:
  armee:
    name: Das Heer
  army:
    options:
      mobilized: {name: Teilmobilmachung}
events:
  slow_answer:
    variants:
      - text: Die Gespräche schleppen sich.
  august_1939:
    choices:
      alliance:
        outcomes:
          ratifed: Ratifiziert.
      pact:
        outcomes:
          signed: Unterzeichnet.
endings:
  alone:
    causes: [Allein.]
"""


def test_mistakes_in_the_new_parts_are_errors_at_their_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = german_template(tmp_path)
    path.write_text(MISTAKES, encoding="utf-8")
    code, lines = validate(capsys, path)
    assert code == 1
    errors = [line.removeprefix(str(path)) for line in lines if ": error: " in line]
    assert errors == [
        ":8:9: error: 'views' of nation 'germany': the scenario has 2, this list gives 3 "
        "(give one entry for each, in the scenario's order, and no more)",
        ":11:9: error: unknown field 'wieso' in an entry of 'wants' (the fields here are: "
        "text, why)",
        ":13:3: error: unknown policy 'armee' (did you mean 'army'?)",
        ":17:7: error: unknown option 'mobilized' of policy 'army' (did you mean 'mobilised'?)",
        ":21:9: error: each entry of 'variants' is the text itself, not 'key: value' lines "
        "(write '- ' and the text, without 'text:' or 'when:')",
        ":26:11: error: unknown outcome 'ratifed' of choice 'alliance' of event 'august_1939' "
        "(did you mean 'ratified'?)",
        ":28:9: error: choice 'pact' of event 'august_1939' has no outcomes to translate "
        "(remove 'outcomes' here)",
        ":32:5: error: ending 'alone' has no 'causes' to translate (remove 'causes' here)",
    ]
    # The game does not use it, and says so.
    loaded = in_german(tmp_path / TEMPLATE.name)
    assert loaded.scenario.language == "en" and "8 Fehler" in loaded.warnings[-1].message


def test_new_texts_left_out_are_warnings_and_show_the_original(tmp_path: Path) -> None:
    data = everything(load_scenario(TEMPLATE, translate=False).scenario)
    germany = data["nations"]["germany"]
    del germany["relation_reason"]
    germany["views"] = germany["views"][:1]
    del germany["wants"][1]["why"]
    del data["policies"]["army"]["options"]["mobilised"]
    del data["events"]["slow_answer"]["variants"]
    del data["events"]["august_1939"]["choices"]["alliance"]["outcomes"]["shelved"]
    data["endings"]["the_pact"]["causes"] = []
    path = german_template(tmp_path, data)
    english = load_scenario(tmp_path / TEMPLATE.name, translate=False).scenario
    warnings = [w.message for w in load_translation(path, english).warnings]
    assert warnings == [
        "no translation for 'relation_reason' of nation 'germany'; the original is shown",
        "no translation for entry 2 of the 'views' of nation 'germany'; the original is shown",
        "no translation for 'why' of entry 2 of the 'wants' of nation 'germany'; the original "
        "is shown",
        "no translation for option 'mobilised' of policy 'army'; the original is shown",
        "no translation for the 'variants' of event 'slow_answer'; the original is shown",
        "no translation for outcome 'shelved' of choice 'alliance' of event 'august_1939'; the "
        "original is shown",
        "no translation for entries 1 to 2 of the 'causes' of ending 'the_pact'; the originals "
        "are shown",
    ]
    german = in_german(tmp_path / TEMPLATE.name).scenario
    nation = next(n for n in german.nations if n.id == "germany")
    old = next(n for n in english.nations if n.id == "germany")
    assert nation.relation_reason == old.relation_reason
    assert [v.text for v in nation.views] == [NEW_PARTS["nations"]["germany"]["views"][0],
                                              old.views[1].text]
    assert nation.wants[1].text == "Freie Hand in Polen." and nation.wants[1].why == old.wants[1].why
    assert german.policies[0].options[1] == english.policies[0].options[1]
    events = {e.id: e for e in german.events}
    assert events["slow_answer"].variants == english.events[1].variants
    outcomes = events["august_1939"].choices[0].outcomes
    assert outcomes[0].text.startswith("London und Paris") and outcomes[1].text == \
        english.events[2].choices[0].outcomes[1].text
    assert next(e for e in german.endings if e.id == "the_pact").causes == \
        next(e for e in english.endings if e.id == "the_pact").causes
