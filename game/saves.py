"""Save files: a scenario's id and hash, the seed and the moves, written so a crash loses nothing.

A save holds no game state, only what replays to it: the engine is
deterministic, so ``replay(rules, seed, moves)`` gives the same state bit for
bit. Writing goes to a temporary file in the same folder, is flushed to disk,
then atomically replaces the old file: a crash or kill mid-save leaves the old
save whole.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from game.atomic import clean_stale_temporaries, write_atomic
from game.core.engine import (
    Choose,
    GameState,
    IllegalMoveError,
    MoveSyntaxError,
    apply_action,
    is_over,
    new_game,
    parse_move,
    why_illegal,
)
from game.core.rules import Rules
from game.files import read_limited
from game.i18n import _
from game.safetext import clean_text, text_problem

SAVE_FORMAT = "statecraft-save"
SAVE_VERSION = 1
MAX_SAVE_BYTES = 5 * 1024 * 1024
MAX_MOVES = 1_000_000
"""More moves than any scenario allows (600 turns of at most 800 actions and events)."""
MAX_INT_DIGITS = 40
"""A number in a save with more digits than this is damage (a seed has at most 20)."""
SEED_MIN, SEED_MAX = -(2**63), 2**64 - 1
"""A seed is a 64-bit number, signed or not."""
MAX_TURN = 100_000
PLAYER_CHARS = 100
TITLE_CHARS = 300
SHORT_CHARS = 200
PATH_CHARS = 4096
MOVE_CHARS = 300


class SaveError(Exception):
    """A save could not be read or written; the message names the file and the problem."""


def _plain(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(_("holds {problem}").format(problem=problem))
    return value


def _one_line(value: str) -> str:
    # Titles and dates come from a scenario, where a line break is allowed: fold it.
    return _plain(" ".join(value.split()) if any(c in value for c in "\t\n\r") else value)


def _moves(value: list[str]) -> list[str]:
    # One pass over all the moves' text (a long game has hundreds of thousands).
    if value and max(map(len, value)) > MOVE_CHARS:
        raise ValueError(_("holds a move longer than {count} characters").format(
            count=MOVE_CHARS))
    _plain("".join(value))
    return value


Short = Annotated[str, StringConstraints(max_length=SHORT_CHARS), AfterValidator(_plain)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=SHORT_CHARS),
               AfterValidator(_plain)]
Player = Annotated[str, StringConstraints(max_length=PLAYER_CHARS), AfterValidator(_plain)]
PathText = Annotated[str, StringConstraints(max_length=PATH_CHARS), AfterValidator(_plain)]
Title = Annotated[str, StringConstraints(max_length=TITLE_CHARS), AfterValidator(_one_line)]
DateText = Annotated[str, StringConstraints(max_length=SHORT_CHARS), AfterValidator(_one_line)]
Moves = Annotated[list[str], Field(max_length=MAX_MOVES), AfterValidator(_moves)]


class SaveData(BaseModel):
    """What a save file holds, every field within sane bounds."""

    model_config = ConfigDict(extra="ignore", strict=True)

    format: Short
    version: int = Field(ge=1, le=SAVE_VERSION)
    scenario_id: Id
    scenario_hash: Short
    scenario_title: Title = ""
    scenario_file: PathText = ""
    seed: int = Field(ge=SEED_MIN, le=SEED_MAX)
    moves: Moves
    player: Player = ""
    saved_at: float = Field(default=0.0, ge=0, le=4e9, allow_inf_nan=False)
    turn: int = Field(default=0, ge=0, le=MAX_TURN)
    date: DateText = ""
    ending: Short | None = None
    game_id: Short = ""
    """Which game this is: every save and autosave of one game carries the same id (empty in
    saves made before there were ids)."""
    game_name: Player = ""
    """The game's name as the player gave it (the name it was saved under), if any."""
    branch: BranchOrigin | None = None
    """Set in a branch: the game it split from, and where."""


class BranchOrigin(BaseModel):
    """Where a branch ("try again from here") split from the game it came from. The branch's
    moves are the first ``split`` moves of that game, then its own; that game's moves are
    kept whole, so the two futures can be compared even once its own saves are gone."""

    model_config = ConfigDict(extra="ignore", strict=True)

    game_id: Short = ""
    game_name: Player = ""
    moves: Moves
    split: int = Field(ge=0, le=MAX_MOVES)


@dataclass
class LoadedSave:
    """A save replayed: the state it reaches, and any warning (e.g. the scenario changed)."""

    path: str
    data: SaveData
    state: GameState
    warnings: list[str] = field(default_factory=list)
    dropped: int = 0
    """How many of the save's moves no longer applied (only when the scenario changed)."""


def save_data(state: GameState, player: str = "", scenario_file: str = "", game_id: str = "",
              game_name: str = "", branch: BranchOrigin | None = None) -> SaveData:
    """Return the save record of a game. Raises :class:`SaveError` if it is out of bounds."""
    from game.core.engine import ending

    # What is written is what the reader accepts: text made plain and cut to its bounds (a
    # player name or a scenario title with a control character must not make a save that
    # cannot be opened again).
    end = ending(state)
    values: dict[str, Any] = dict(
        format=SAVE_FORMAT, version=SAVE_VERSION, scenario_id=state.scenario_id,
        scenario_hash=state.rules.digest,
        scenario_title=clean_text(state.rules.scenario.title, TITLE_CHARS),
        scenario_file=scenario_file if len(scenario_file) <= PATH_CHARS
        and not text_problem(scenario_file) else "",
        seed=state.seed, moves=list(state.moves), player=clean_text(player, PLAYER_CHARS),
        saved_at=time.time(), turn=state.turn, date=clean_text(state.date_text, SHORT_CHARS),
        ending=None if end is None else clean_text(end, SHORT_CHARS),
        game_id=clean_text(game_id, SHORT_CHARS), game_name=clean_text(game_name, PLAYER_CHARS))
    if branch is not None:
        values["branch"] = branch
    try:
        return SaveData.model_validate(values)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(_("this game cannot be saved: its '{field}' {problem}").format(
            field=where, problem=str(first["msg"]).lower())) from None


def write_save(path: str | os.PathLike[str], state: GameState, player: str = "",
               scenario_file: str = "", game_id: str = "", game_name: str = "",
               branch: BranchOrigin | None = None) -> None:
    """Save a game to ``path`` atomically (``branch``: where a branch split from its game).
    Raises :class:`SaveError` if it cannot be written."""
    data = save_data(state, player, scenario_file, game_id, game_name, branch)
    target = os.fspath(path)
    try:
        # A game that is no branch writes no "branch" key: its save reads as before.
        dumped = data.model_dump(exclude={"branch"} if data.branch is None else None)
        write_atomic(target, json.dumps(dumped, indent=1))
    except OSError as exc:
        raise SaveError(_("{file}: cannot write the save: {reason}").format(
            file=path, reason=exc.strerror or exc)) from None
    clean_stale_temporaries(os.path.dirname(target) or ".")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(_("a number of {count} digits").format(count=len(text)))
    return int(text)


def _no_constant(name: str) -> Any:
    raise ValueError(_("the value {name}, which is not a number").format(name=name))


def parse_save_json(raw: bytes) -> Any:
    """The JSON value of a save's bytes. Raises ValueError (with a short reason),
    RecursionError or MemoryError; never reads a number of thousands of digits."""
    return json.loads(raw.decode("utf-8-sig"), parse_int=_bounded_int,
                      parse_constant=_no_constant)


def read_save_data(path: str | os.PathLike[str]) -> SaveData:
    """Read and check a save file's record, without replaying it. Raises :class:`SaveError`.

    Only a regular file of at most :data:`MAX_SAVE_BYTES` is read (a FIFO or a device is
    refused without blocking), and every field must be within its bounds."""
    try:
        raw = read_limited(path, MAX_SAVE_BYTES)
    except OSError as exc:
        raise SaveError(_("{file}: cannot read the file: {reason}").format(
            file=path, reason=exc.strerror or exc)) from None
    try:
        obj: Any = parse_save_json(raw)
    except UnicodeDecodeError:
        raise SaveError(_("{file}: not a save, or a damaged one (it is not UTF-8 text)").format(
            file=path)) \
            from None
    except json.JSONDecodeError as exc:
        raise SaveError(_("{file}: not a save, or a damaged one (JSON: {problem} at line "
                          "{line}, column {column})").format(
            file=path, problem=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except ValueError as exc:
        raise SaveError(_("{file}: not a save, or a damaged one (it holds {problem})").format(
            file=path, problem=exc)) from None
    except RecursionError:
        raise SaveError(_("{file}: not a save, or a damaged one (nested too deeply)").format(
            file=path)) from None
    except MemoryError:
        raise SaveError(_("{file}: not a save, or a damaged one (too large to read)").format(
            file=path)) from None
    if not isinstance(obj, dict) or obj.get("format") != SAVE_FORMAT:
        raise SaveError(_("{file}: not a Statecraft save").format(file=path))
    version = obj.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SAVE_VERSION:
        raise SaveError(_("{file}: made by a newer version of Statecraft (save version "
                          "{version}); update the game to open it").format(file=path,
                                                                         version=version))
    try:
        return SaveData.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        msg = str(first["msg"]).lower().removeprefix("value error, ")
        raise SaveError(_("{file}: damaged save: '{field}' {problem}").format(
            file=path, field=where, problem=msg)) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise SaveError(_("{file}: damaged save ({problem})").format(
            file=path, problem=exc.__class__.__name__)) from None


def same_game(a: SaveData, b: SaveData) -> bool:
    """True if ``a`` and ``b`` are one game at two moments: the same scenario and seed, and the
    moves of one begin with all the moves of the other. Saving one over the other loses
    nothing the player would miss."""
    if a.scenario_id != b.scenario_id or a.seed != b.seed:
        return False
    short, long = (a.moves, b.moves) if len(a.moves) <= len(b.moves) else (b.moves, a.moves)
    return long[:len(short)] == short


def replay_save(data: SaveData, rules: Rules, path: str = "") -> LoadedSave:
    """Replay a save's moves on ``rules``.

    If the scenario changed since the save was made, every decision that still
    applies is kept: an event the new version added is answered as history
    did, and a move that no longer fits is left out (counted in ``dropped``,
    with a warning). Raises :class:`SaveError` if the save is for another
    scenario, or if an unchanged scenario refuses a move (a damaged save).
    """
    if data.scenario_id != rules.scenario.id:
        raise SaveError(_("{file}: this save is for scenario '{scenario}', not "
                          "'{other}'").format(file=path, scenario=data.scenario_id,
                                              other=rules.scenario.id))
    warnings = []
    changed = data.scenario_hash != rules.digest
    if changed:
        warnings.append(_("{file}: the scenario '{scenario}' has changed since this game was "
                          "saved; its decisions are replayed where they still apply").format(
                              file=path, scenario=data.scenario_id))
    state = new_game(rules, data.seed)
    dropped = 0
    if not changed:
        i = 0
        try:
            for i, text in enumerate(data.moves):  # noqa: B007 (i names the failing move)
                state = apply_action(state, parse_move(text))
        except MoveSyntaxError as exc:
            raise SaveError(_("{file}: damaged save: move {number}: {problem}").format(
                file=path, number=i + 1, problem=exc)) from None
        except IllegalMoveError as exc:
            raise SaveError(_("{file}: damaged save: move {number} ('{move}') is not possible: "
                              "{reason}").format(file=path, number=i + 1, move=data.moves[i],
                                                 reason=exc.reason)) from None
        return LoadedSave(path, data, state, warnings, 0)
    for i, text in enumerate(data.moves):
        try:
            move = parse_move(text)
        except MoveSyntaxError as exc:
            raise SaveError(_("{file}: damaged save: move {number}: {problem}").format(
                file=path, number=i + 1, problem=exc)) from None
        # The scenario changed: keep every decision that still applies. An event the
        # new version added is answered as history did; a move that no longer fits is dropped.
        if is_over(state):
            dropped += len(data.moves) - i
            break
        if state.pending_event is not None and not (isinstance(move, Choose)
                                                    and move.event == state.pending_event):
            state = _answer_historically(state)
        if why_illegal(state, move) is None:
            state = apply_action(state, move)
        else:
            dropped += 1
    if dropped:
        warnings.append(_("{file}: {count} of {total} decisions no longer apply to the changed "
                          "scenario and were left out").format(file=path, count=dropped,
                                                               total=len(data.moves)))
    return LoadedSave(path, data, state, warnings, dropped)


def _answer_historically(state: GameState) -> GameState:
    from game.core.policies import historical_answer_now

    answer = historical_answer_now(state)
    while answer is not None:
        state = apply_action(state, answer)
        answer = historical_answer_now(state)
    return state
