"""Shared test set-up: headless SDL, a private user folder, and the scenarios at hand."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("STATECRAFT_HOME", tempfile.mkdtemp(prefix="statecraft-test-home-"))

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINI = DATA / "mini.yaml"
DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"


def bundled_scenarios() -> list[Path]:
    """Every playable scenario in the repository (the bundled ones and the test one)."""
    from game.paths import translation_name

    return sorted(p for p in (ROOT / "scenarios").glob("*.yaml")
                  if translation_name(p) is None) + [MINI]


def played_to(path: Path, month: str) -> Any:
    """The historical game of a scenario on the turn of ``month`` (``"1939-09"``), its
    questions answered: a GameState."""
    import random

    from game.core.engine import apply_action, new_game
    from game.core.policies import history_policy
    from game.scenario.loader import load_scenario

    rules = load_scenario(path).rules
    state = new_game(rules, 0, history=True)
    rng = random.Random(0)
    while state.ending_index < 0 and (state.turn < rules.turn_of_month(month)
                                      or state.pending):
        state = apply_action(state, history_policy(state, rng))
    return state


@pytest.fixture(scope="session")
def mini():  # type: ignore[no-untyped-def]
    from game.scenario.loader import load_scenario

    return load_scenario(MINI).rules
