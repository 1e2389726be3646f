"""Saves made by playing the engine: the class the report and compare tests look at."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.core.engine import apply_action, new_game
from game.core.policies import POLICIES, choices_policy, play_game
from game.saves import write_save
from game.scenario.loader import load_scenario
from tests.conftest import MINI
from tests.tools.scenarios import Data, clean_data, find, write

CLASS_POLICIES = {"random": 14, "greedy": 5, "passive": 5, "history": 5}
NAMES = ["Ada", "Boris", "Chloé", "Dmitri", "Eve", "Farid", "Grace", "Hugo", "Irina", "Jonas"]


def hostile_data() -> Data:
    """A scenario whose texts try to break the reports' HTML, Markdown and tables."""
    data = clean_data()
    data["id"] = "mini_hostile"
    data["title"] = "<script>alert('title')</script> Mini | pipes"
    data["author"] = "Teacher <b>bold</b>"
    find(data, "endings", "safe")["title"] = "Safe <i>and</i> | sound"
    find(data, "endings", "safe")["text"] = "Line one <script>x()</script>\n| a | b |\nend"
    crisis = find(data, "events", "crisis")
    crisis["title"] = "A crisis | <em>now</em>"
    crisis["choices"][0]["label"] = "Yield | give in <img src=x onerror=alert(1)>"
    crisis["history"] = {"date": "1930", "text": "Two lines\nof <b>text</b> | here",
                         "verdict": "failure", "reason": "Because | <u>why</u>",
                         "correction": "Actually <script>no</script>", "source": "a|b"}
    data["readings"][0]["historians"][0]["name"] = "Roberts <script>r()</script>"
    data["readings"][0]["summary"] = "Security | first\n<b>really</b>"
    data["sources"] = [{"id": "evil", "citation": "Click <a href='x'>me</a>",
                        "url": "javascript:alert(1)"},
                       {"id": "good", "citation": "A real book", "url": "https://example.org/b"}]
    return data


@pytest.fixture(scope="session")
def class_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """31 finished games of the mini scenario by five policies, and one unfinished game."""
    folder = tmp_path_factory.mktemp("class")
    rules = load_scenario(MINI).rules
    n = 0
    for name, count in CLASS_POLICIES.items():
        for seed in range(count):
            state = play_game(rules, POLICIES[name], seed=seed)
            write_save(folder / f"{n:02d}-{name}.json", state, f"{NAMES[n % 10]} {n}", str(MINI))
            n += 1
    defiant = choices_policy({"crisis": "defy"}, {1: ["pact_finland"]})
    for seed in range(2):
        state = play_game(rules, defiant, seed=seed)
        write_save(folder / f"{n:02d}-defiant.json", state, f"{NAMES[n % 10]} {n}", str(MINI))
        n += 1
    state = new_game(rules, 5)
    rng = random.Random(5)
    for _ in range(6):
        state = apply_action(state, POLICIES["random"](state, rng))
    assert state.ending_index < 0
    write_save(folder / f"{n:02d}-unfinished.json", state, "Late Student", str(MINI))
    return folder


@pytest.fixture(scope="session")
def hostile_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    path = write(folder, hostile_data(), "hostile.yaml")
    rules = load_scenario(path).rules
    state = play_game(rules, POLICIES["passive"], seed=1)  # passive yields at the crisis
    save = folder / "hostile-save.json"
    write_save(save, state, "<script>steal()</script> | =1+1", str(path))
    return save
