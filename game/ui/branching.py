"""Try again from here: a new game that is the game on screen up to one of its answers, in a
save of its own, with the question waiting to be answered again; and the first future
replayed, to set beside the branch.

The game the branch comes from is never written: the branch's save keeps that game's moves
(:class:`game.saves.BranchOrigin`), so the two futures can be compared even once the first
game's own saves are gone. No pygame here.
"""

from __future__ import annotations

from pathlib import Path

from game.core.engine import Choose, GameState, IllegalMoveError, MoveSyntaxError, parse_move, replay
from game.paths import saves_dir
from game.present.branches import branch_name
from game.present.dates import event_date
from game.saves import BranchOrigin
from game.ui.savefiles import SaveNameError, slot_file_name
from game.ui.session import Session, new_game_id

MOST_NAMES = 500
"""How many numbered names are tried before a branch gives up finding a free one."""


class BranchError(ValueError):
    """The branch cannot start here; the message says why."""


def answer_at(state: GameState, move: int) -> Choose:
    """The answer to an event that ``state``'s move ``move`` is. Raises :class:`BranchError`
    if it is none."""
    moves = state.moves
    if not 0 <= move < len(moves):
        raise BranchError(f"the game has no move {move}")
    try:
        found = parse_move(moves[move])
    except MoveSyntaxError as exc:
        raise BranchError(str(exc)) from None
    if not isinstance(found, Choose):
        raise BranchError(f"move {move} ('{moves[move]}') is not an answer to an event")
    return found


def free_name(session: Session, move: int, folder: Path) -> tuple[str, Path]:
    """A name for the branch (and its save file) that no save in ``folder`` has: the game's
    name (else the player's, else "Your game") and the date of the question."""
    state = session.state
    choose = answer_at(state, move)
    rules = state.rules
    at = replay(rules, state.seed, state.moves[:move])
    date = event_date(rules, rules.event_index[choose.event], at.turn)
    # A branch of a branch is named after the player, not after the branch's own name.
    base = session.player if session.branch is not None else (
        session.game_name or session.player)
    for n in range(1, MOST_NAMES + 1):
        name = branch_name(base, date, n)
        try:
            path = folder / slot_file_name(name)
        except SaveNameError:
            continue
        if not path.exists() and not path.is_symlink():
            return name, path
    raise BranchError(f"{folder}: no free name for the branch")


def start_branch(session: Session, move: int, folder: Path | None = None) -> tuple[Session, Path]:
    """Start the branch of ``session``'s game at its move ``move`` (an answer to an event): a
    new game (its own id and name) whose state is the game's just before that answer, with
    the question waiting; saved at once in ``folder`` (default: the saves folder). Returns the
    branch and its save. Raises :class:`BranchError`, or :class:`game.saves.SaveError` if the
    save cannot be written."""
    folder = folder or saves_dir()
    state = session.state
    answer_at(state, move)
    try:
        at = replay(state.rules, state.seed, state.moves[:move])
    except (IllegalMoveError, MoveSyntaxError) as exc:
        raise BranchError(str(exc)) from None
    name, path = free_name(session, move, folder)
    origin = BranchOrigin(game_id=session.game_id, game_name=session.game_name,
                          moves=list(state.moves), split=move)
    branch = Session.resume(at, session.scenario_file, session.player, game_id=new_game_id(),
                            game_name=name, branch=origin)
    folder.mkdir(parents=True, exist_ok=True)
    branch.save(path)
    return branch, path


def first_future(branch: Session) -> GameState:
    """The game the branch came from, replayed to where it stood when the branch began.
    Raises :class:`BranchError` if the session is no branch or the game no longer replays
    (the scenario changed)."""
    origin = branch.branch
    if origin is None:
        raise BranchError("this game is not a branch of another")
    try:
        return replay(branch.rules, branch.seed, origin.moves)
    except (IllegalMoveError, MoveSyntaxError) as exc:
        raise BranchError(str(exc)) from None
