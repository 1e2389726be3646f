"""No sentence of the reports or the commands bypasses the catalogue.

In the pseudo-language ``qps`` every translated sentence comes out as ``⟦…⟧``; the scenario
here has every text of its own marked ``«…»`` too. Each output (``report`` in every format,
``compare`` in every format, ``simulate``, ``validate`` and every command's ``--help``) is
stripped of its markup, the marked parts are taken out, and every run of letters left must be
a number's or date's, a machine word (an id of the scenario, a format, option or key name),
or one of a short list (``Statecraft``, argparse's own words). The same outputs in English
show that the check sees the text.
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from game.cli import COMMANDS, main, program_name
from game.core.engine import apply_action, new_game
from game.core.policies import POLICIES, choices_policy, play_game
from game.present.dates import MONTHS
from game.saves import write_save
from game.scenario.loader import load_scenario
from tests.tools.scenarios import Data, clean_data, find, variant, write

WRAPPED = {"name", "title", "text", "label", "description", "summary", "reason", "correction",
           "source", "citation", "author", "per_turn_reason", "unavailable_reason", "work",
           "unit", "player"}
"""The keys whose values are the scenario's own text."""

ALLOWED = {"Statecraft", "html", "md", "csv", "json", "True", "False", *MONTHS,
           # argparse's own words (its gettext domain, not ours) and metavars
           "usage", "positional", "arguments", "options", "show", "this", "help", "message",
           "and", "exit", "WxH"}
"""Words that may stand unmarked in any language."""


def marked(data: Any, in_note: bool = False) -> Any:
    """The scenario data with every text of its own wrapped in «…»."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if isinstance(value, str) and (key in WRAPPED or (in_note and key == "date")):
                out[key] = f"«{value}»"
            else:
                out[key] = marked(value, key == "history")
        return out
    if isinstance(data, list):
        return [marked(v) for v in data]
    return data


def ids_of(data: Any) -> Iterator[str]:
    """Every id in the scenario (they are machine words and may be shown as they are)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "id" and isinstance(value, str):
                yield value
            yield from ids_of(value)
    elif isinstance(data, list):
        for v in data:
            yield from ids_of(v)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The marked scenario, a folder of saves of it (finished, defiant, unfinished)."""
    folder = tmp_path_factory.mktemp("pseudo")
    data: Data = marked(clean_data())
    path = write(folder, data, "marked.yaml")
    rules = load_scenario(path).rules
    saves = folder / "saves"
    saves.mkdir()
    for n, name in enumerate(("random", "history", "greedy", "passive")):
        write_save(saves / f"{n}-{name}.json", play_game(rules, POLICIES[name], seed=n),
                   f"«Student {n}»", str(path))
    defiant = choices_policy({"crisis": "defy"}, {1: ["pact_finland"]})
    write_save(saves / "4-defiant.json", play_game(rules, defiant, seed=4), "«Defiant»",
               str(path))
    state = new_game(rules, 5)
    for _turn in range(3):
        state = apply_action(state, POLICIES["random"](state, random.Random(5)))
    write_save(saves / "5-unfinished.json", state, "«Late»", str(path))
    (saves / "6-broken.json").write_text("{not json", encoding="utf-8")
    words = set(ids_of(data)) | set(POLICIES) | set(COMMANDS) | {data["id"]}
    return {"scenario": path, "saves": saves, "ids": words, "data": data}


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "_from_command_line", False)
    yield
    i18n.set_language("en")


def run(capsys: pytest.CaptureFixture[str], lang: str, *argv: str) -> str:
    """The command's output (stdout and stderr) in ``lang``."""
    capsys.readouterr()
    try:
        main([*argv, "--lang", lang])
    except SystemExit:  # --help
        pass
    out = capsys.readouterr()
    return out.out + out.err


# -- taking the markup off -----------------------------------------------------------------------


def html_text(doc: str) -> str:
    doc = re.sub(r"<style>.*?</style>", " ", doc, flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", " ", doc))


def md_text(doc: str) -> str:
    return re.sub(r"<[^>]*>|\]\([^)]*\)", " ", doc)  # <br>, <url>, link targets


def csv_text(doc: str) -> str:
    rows = list(csv.reader(io.StringIO(doc)))
    # Every cell, the headers too (they are names); file names are the user's own words.
    return "\n".join(" ".join(c for c in row if not c.endswith(".json")) for row in rows)


def json_text(doc: str) -> str:
    values: list[str] = []

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and not re.fullmatch(r"[a-z0-9_.:/-]*", v):
            values.append(v)  # machine values (ids, kinds, statuses) are left out

    walk(json.loads(doc))
    return "\n".join(values)


def offenders(text: str, allowed: set[str], help_text: bool = False) -> list[str]:
    """The runs of letters that are neither marked nor allowed, with a little context."""
    text = re.sub(r"«[^«»]*»", " ", text)
    while True:
        out = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        if out == text:
            break
        text = out
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # file paths
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)  # option names
    if help_text:
        text = re.sub(r"\{[^{}]*\}", " ", text)  # the choices of an option
    words = allowed | set(re.findall(r"[^\W\d_]+", program_name()))
    found = []
    for m in re.finditer(r"[^\W\d_]+", text):
        word = m.group()
        if word in words or (help_text and word.isupper()):
            continue
        found.append(f"{word!r} in ...{text[max(0, m.start() - 30):m.end() + 30]!r}...")
    return found


# -- the outputs ---------------------------------------------------------------------------------


def outputs(capsys: pytest.CaptureFixture[str], world: dict[str, Any],
            lang: str) -> Iterator[tuple[str, str, bool]]:
    """(name, text without markup, is help) of every output checked."""
    for save in ("4-defiant.json", "5-unfinished.json"):
        path = str(world["saves"] / save)
        for fmt, strip in (("html", html_text), ("debrief", html_text), ("md", md_text),
                           ("csv", csv_text), ("json", json_text)):
            yield f"report {fmt}", strip(run(capsys, lang, "report", path, "--format", fmt,
                                             "-o", "-")), False
    for fmt, strip in (("md", md_text), ("html", html_text), ("csv", csv_text),
                       ("debrief", html_text)):
        for extra in ((), ("--anonymise",)):
            out = run(capsys, lang, "compare", str(world["saves"]), "--format", fmt, *extra)
            yield f"compare {fmt} {' '.join(extra)}", strip(out), False
    yield "simulate 3", run(capsys, lang, "simulate", "--scenario", str(world["scenario"]),
                            "--runs", "3"), False
    yield "simulate 40", run(capsys, lang, "simulate", "--scenario", str(world["scenario"]),
                             "--runs", "40", "--policy", "random"), False
    yield "validate", run(capsys, lang, "validate", str(world["scenario"]), "--games",
                          "0"), False
    yield "--help", run(capsys, lang, "--help"), True
    for name in COMMANDS:
        yield f"{name} --help", run(capsys, lang, name, "--help"), True


def test_no_sentence_of_the_reports_and_commands_bypasses_the_catalogue(
        capsys: pytest.CaptureFixture[str], world: dict[str, Any]) -> None:
    problems = []
    for name, text, is_help in outputs(capsys, world, i18n.PSEUDO):
        if name != "report csv":  # the aims turn by turn: numbers and dates only
            assert "⟦" in text, f"{name}: nothing translated?\n{text[:500]}"
        found = offenders(text, ALLOWED | world["ids"], is_help)
        problems += [f"{name}: {f}" for f in found]
    print("\n".join(problems))
    assert not problems, f"{len(problems)} bypass(es):\n" + "\n".join(problems[:60])


def test_in_english_the_same_check_sees_the_sentences(
        capsys: pytest.CaptureFixture[str], world: dict[str, Any]) -> None:
    for name, text, is_help in outputs(capsys, world, "en"):
        assert "⟦" not in text, name
        if name in ("report csv", "compare csv", "compare csv --anonymise"):
            continue  # ids, numbers and the scenario's text only
        found = offenders(text, ALLOWED | world["ids"], is_help)
        assert len(found) >= 3, f"{name}: the check sees no English\n{text[:500]}"
    assert i18n.current_language() == "en"


def test_the_html_reports_say_their_language_and_the_scenarios(
        capsys: pytest.CaptureFixture[str], world: dict[str, Any]) -> None:
    save = str(world["saves"] / "4-defiant.json")
    for lang, code in ((i18n.PSEUDO, "qps-ploc"), ("en", "en")):
        report = run(capsys, lang, "report", save, "--format", "html", "-o", "-")
        group = run(capsys, lang, "compare", str(world["saves"]), "--format", "html")
        for doc in (report, group):
            assert f'<html lang="{code}">' in doc
            assert '<h1 lang="en">«' in doc or '<span lang="en">«' in doc  # the scenario's text


# -- validate on broken scenarios ----------------------------------------------------------------


def _broken_yaml(folder: Path) -> Path:
    path = write(folder, clean_data())
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("actions_per_turn: 2", "actions_per_turn 2", 1), encoding="utf-8")
    return path


def _translation(folder: Path) -> Path:
    write(folder, clean_data())
    path = folder / "scenario.de.yaml"
    path.write_text("language: de\ntranslates: mini\ntitle: 12\nactions:\n"
                    "  pact_finlnd: {name: Pakt}\n  propaganda: {nme: Propaganda}\n"
                    "events:\n  crisis:\n    choices:\n      yeld: {label: Nachgeben}\n",
                    encoding="utf-8")
    return path


def _set(section: str, ident: str, **values: Any) -> Callable[[Data], object]:
    return lambda data: find(data, section, ident).update(values)


BROKEN: dict[str, Callable[[Path], Path]] = {
    "yaml syntax": _broken_yaml,
    "wrong type": lambda f: variant(f, _set("nations", "finland", relation="fifty")),
    "wrong date": lambda f: variant(f, _set("actions", "late_move", earliest="1931-13")),
    "unknown field": lambda f: variant(f, lambda d: find(d, "actions", "propaganda").update(
        {"descripton": "Costly."})),
    "effect out of range": lambda f: variant(f, _set("actions", "late_move", effects=[
        {"aim": "security", "set": 500}])),
    "misspelt flag": lambda f: variant(f, _set("actions", "woo_germany",
                                               available="not flag.snubed")),
    "unreachable ending": lambda f: variant(f, lambda d: d["endings"].append(
        {"id": "never", "title": "Never", "text": "Never reached.", "when": "security > 60"})),
    "broken translation": _translation,
}
"""Scenario files broken on purpose, one mistake each, written into the folder given."""


def validate_text(text: str) -> str:
    """validate's output without what may stand as it is: the source line under a problem and
    its caret, and what is quoted from the file."""
    text = "\n".join(line for line in text.splitlines() if not re.match(r"\s*\d*\s*\| ", line))
    while True:  # the marked sentences first: their apostrophes are not quotes
        out = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        if out == text:
            break
        text = out
    return re.sub(r"(?<!\w)'[^'\n]*'(?!\w)|\"[^\"\n]*\"", " ", text)


def broken_outputs(capsys: pytest.CaptureFixture[str], folder: Path,
                   lang: str) -> Iterator[tuple[str, str]]:
    for name, make in BROKEN.items():
        here = folder / name.replace(" ", "_")
        here.mkdir(exist_ok=True)
        path = make(here)
        yield name, run(capsys, lang, "validate", str(path), "--games", "20")
        if path.name.endswith(".de.yaml"):
            yield f"{name} (scenario)", run(capsys, lang, "validate", str(here / "scenario.yaml"),
                                            "--games", "0")


def test_validate_of_broken_scenarios_bypasses_no_catalogue(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    words = ALLOWED | set(ids_of(clean_data())) | set(POLICIES) | {"mini"}
    problems = []
    for name, text in broken_outputs(capsys, tmp_path, i18n.PSEUDO):
        assert "⟦" in text, f"{name}: nothing translated?\n{text[:500]}"
        problems += [f"{name}: {f}" for f in offenders(validate_text(text), words)]
    print("\n".join(problems))
    assert not problems, f"{len(problems)} bypass(es):\n" + "\n".join(problems[:80])


def test_in_english_validate_says_what_is_broken(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    words = ALLOWED | set(ids_of(clean_data())) | set(POLICIES) | {"mini"}
    for name, text in broken_outputs(capsys, tmp_path, "en"):
        assert "⟦" not in text and "error" in text, f"{name}\n{text}"
        found = offenders(validate_text(text), words)
        assert len(found) >= 5, f"{name}: the check sees no English\n{text}"
