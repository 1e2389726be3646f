"""Try again from here: a branch is a new save that replays the game to the decision and
differs after it; the game it came from is never written; the two futures are compared side
by side against history."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.core.engine import Choose, apply_action, is_over, replay
from game.core.policies import history_policy, history_with, play_game
from game.present.branches import branch_name, two_futures
from game.saves import read_save_data, write_save
from game.scenario.loader import LoadedScenario, load_scenario
from game.ui.branching import BranchError, first_future, start_branch
from game.ui.session import Session, load_game
from tests.conftest import DATA

ANALYSIS = DATA / "analysis.yaml"


@pytest.fixture(scope="module")
def loaded() -> LoadedScenario:
    return load_scenario(ANALYSIS)


@pytest.fixture
def original(loaded: LoadedScenario, tmp_path: Path) -> Path:
    """A finished game that took the rash road, saved as a student's named save."""
    state = play_game(loaded.rules, history_with({"crossroads": "rash", "fork": "right"}), seed=3)
    path = tmp_path / "Ada.json"
    write_save(path, state, "Ada", loaded.path, "game-ada", "Ada")
    return path


def opened(path: Path, loaded: LoadedScenario) -> Session:
    """A save opened as the game opens it, on the scenario already loaded."""
    return load_game(path, [Path(loaded.path)], {str(loaded.path): loaded})


def crossroads_move(session: Session) -> int:
    return next(i for i, m in enumerate(session.state.moves) if m.startswith("choose crossroads"))


def play_out(session: Session) -> None:
    """Play the rest of the game as history did."""
    state = session.state
    rng = random.Random(0)
    while not is_over(state):
        state = apply_action(state, history_policy(state, rng))
    session.turn_states = [state]


def test_a_branch_starts_a_new_save_and_leaves_the_original_untouched(
        loaded: LoadedScenario, original: Path, tmp_path: Path) -> None:
    before = original.read_bytes()
    session = opened(original, loaded)
    move = crossroads_move(session)
    branch, path = start_branch(session, move, tmp_path)
    assert original.read_bytes() == before
    assert path != original and path.exists()
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted([original.name, path.name])
    assert branch.game_id != session.game_id and branch.game_name != session.game_name
    assert branch.game_name == "Ada: the other future from Jul 1930"
    # The branch replays the game to the decision: the question waits for its answer.
    assert branch.state.moves == session.state.moves[:move]
    assert branch.state.pending_event == "crossroads"
    assert branch.state == replay(loaded.rules, session.seed, session.state.moves[:move])
    data = read_save_data(path)
    assert data.branch is not None and data.branch.split == move
    assert data.branch.moves == list(session.state.moves)
    assert data.branch.game_id == "game-ada" and data.branch.game_name == "Ada"


def test_the_branch_differs_after_the_decision_and_keeps_its_origin_in_every_save(
        loaded: LoadedScenario, original: Path, tmp_path: Path) -> None:
    session = opened(original, loaded)
    move = crossroads_move(session)
    branch, path = start_branch(session, move, tmp_path)
    assert branch.choose("crossroads", "wise") is None
    play_out(branch)
    assert branch.state.moves[:move] == session.state.moves[:move]
    assert branch.state.moves[move] == "choose crossroads wise"
    assert branch.state != session.state
    assert branch.state.answer("crossroads") == "wise"
    # Saved again (as its autosaves are), the branch still knows where it came from.
    auto = branch.autosave(tmp_path)
    again = opened(auto, loaded)
    assert again.branch is not None and again.branch.split == move
    assert again.state == branch.state
    first = first_future(again)
    assert first == session.state
    futures = two_futures(loaded.rules, first, again.state, again.branch.split)
    assert futures.first_choice == "The rash road" and futures.other_choice == "The safe road"
    assert futures.historical_choice == "The safe road"
    assert futures.rows[0].title == "A crossroads"
    assert futures.other_score > futures.first_score
    assert [line.name for line in futures.charts[0].lines] == [
        "History", "First future: The rash road", "Other future: The safe road"]
    assert len(futures.charts) == len(loaded.rules.scenario.aims)


def test_a_game_that_is_no_branch_saves_as_before(loaded: LoadedScenario, original: Path) -> None:
    assert "branch" not in json.loads(original.read_text())
    session = opened(original, loaded)
    assert session.branch is None
    with pytest.raises(BranchError):
        first_future(session)


def test_a_branch_starts_only_at_an_answer(loaded: LoadedScenario, original: Path,
                                           tmp_path: Path) -> None:
    session = opened(original, loaded)
    end_turn = session.state.moves.index("end")
    with pytest.raises(BranchError):
        start_branch(session, end_turn, tmp_path)
    with pytest.raises(BranchError):
        start_branch(session, len(session.state.moves) + 3, tmp_path)
    assert list(tmp_path.glob("*.json")) == [original]


def test_two_branches_from_one_moment_get_two_saves(loaded: LoadedScenario, original: Path,
                                                    tmp_path: Path) -> None:
    session = opened(original, loaded)
    move = crossroads_move(session)
    _first, one = start_branch(session, move, tmp_path)
    _second, two = start_branch(session, move, tmp_path)
    assert one != two
    assert read_save_data(two).game_name == "Ada: the other future from Jul 1930 (2)"


def test_a_branch_of_a_branch_compares_with_the_branch_it_came_from(
        loaded: LoadedScenario, original: Path, tmp_path: Path) -> None:
    session = opened(original, loaded)
    branch, _path = start_branch(session, crossroads_move(session), tmp_path)
    branch.play(Choose("crossroads", "gamble"))
    play_out(branch)
    fork = next(i for i, m in enumerate(branch.state.moves) if m.startswith("choose fork"))
    again, _path2 = start_branch(branch, fork, tmp_path)
    assert again.branch is not None and again.branch.moves == list(branch.state.moves)
    assert again.game_name == "Ada: the other future from Jan 1931"
    assert first_future(again) == branch.state


def test_branch_names_are_cut_to_fit() -> None:
    name = branch_name("A very long name of a game that goes on and on", "7 Nov 1929", 12)
    assert len(name) <= 60 and name.endswith("(12)")
    assert branch_name("", "Jul 1930") == "Your game: the other future from Jul 1930"
