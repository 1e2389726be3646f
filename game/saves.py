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
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.atomic import write_atomic
from game.core.engine import (
    Choose,
    GameState,
    IllegalMoveError,
    MoveSyntaxError,
    apply_action,
    new_game,
    parse_move,
    why_illegal,
)
from game.core.rules import Rules

SAVE_FORMAT = "statecraft-save"
SAVE_VERSION = 1
MAX_SAVE_BYTES = 5 * 1024 * 1024


class SaveError(Exception):
    """A save could not be read or written; the message names the file and the problem."""


class SaveData(BaseModel):
    """What a save file holds."""

    model_config = ConfigDict(extra="ignore", strict=True)

    format: str
    version: int = Field(ge=1)
    scenario_id: str
    scenario_hash: str
    scenario_title: str = ""
    scenario_file: str = ""
    seed: int
    moves: list[str]
    player: str = ""
    saved_at: float = Field(default=0.0, ge=0, le=4e9, allow_inf_nan=False)
    turn: int = 0
    date: str = ""
    ending: str | None = None


@dataclass
class LoadedSave:
    """A save replayed: the state it reaches, and any warning (e.g. the scenario changed)."""

    path: str
    data: SaveData
    state: GameState
    warnings: list[str] = field(default_factory=list)
    dropped: int = 0
    """How many of the save's moves no longer applied (only when the scenario changed)."""


def save_data(state: GameState, player: str = "", scenario_file: str = "") -> SaveData:
    """Return the save record of a game."""
    from game.core.engine import ending

    return SaveData(format=SAVE_FORMAT, version=SAVE_VERSION, scenario_id=state.scenario_id,
                    scenario_hash=state.rules.digest, scenario_title=state.rules.scenario.title,
                    scenario_file=scenario_file, seed=state.seed, moves=list(state.moves),
                    player=player, saved_at=time.time(), turn=state.turn, date=state.date_text,
                    ending=ending(state))


def write_save(path: str | os.PathLike[str], state: GameState, player: str = "",
               scenario_file: str = "") -> None:
    """Save a game to ``path`` atomically. Raises :class:`SaveError` if it cannot be written."""
    data = save_data(state, player, scenario_file)
    try:
        write_atomic(path, json.dumps(data.model_dump(), indent=1))
    except OSError as exc:
        raise SaveError(f"{path}: cannot write the save: {exc.strerror or exc}") from None


def read_save_data(path: str | os.PathLike[str]) -> SaveData:
    """Read and check a save file's record, without replaying it. Raises :class:`SaveError`."""
    try:
        size = os.stat(path).st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: not a save (the file is {size // 1024} KiB, too large)")
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SaveError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    try:
        obj: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise SaveError(f"{path}: not a save, or a damaged one ({exc.__class__.__name__})") \
            from None
    if not isinstance(obj, dict) or obj.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path}: not a Statecraft save")
    if isinstance(obj.get("version"), int) and obj["version"] > SAVE_VERSION:
        raise SaveError(f"{path}: made by a newer version of Statecraft (save version "
                        f"{obj['version']}); update the game to open it")
    try:
        return SaveData.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(f"{path}: damaged save: '{where}' {first['msg'].lower()}") from None


def replay_save(data: SaveData, rules: Rules, path: str = "") -> LoadedSave:
    """Replay a save's moves on ``rules``.

    If the scenario changed since the save was made, every decision that still
    applies is kept: an event the new version added is answered as history
    did, and a move that no longer fits is left out (counted in ``dropped``,
    with a warning). Raises :class:`SaveError` if the save is for another
    scenario, or if an unchanged scenario refuses a move (a damaged save).
    """
    if data.scenario_id != rules.scenario.id:
        raise SaveError(f"{path}: this save is for scenario '{data.scenario_id}', "
                        f"not '{rules.scenario.id}'")
    warnings = []
    changed = data.scenario_hash != rules.digest
    if changed:
        warnings.append(f"{path}: the scenario '{data.scenario_id}' has changed since this game "
                        "was saved; its decisions are replayed where they still apply")
    state = new_game(rules, data.seed)
    dropped = 0
    if not changed:
        i = 0
        try:
            for i, text in enumerate(data.moves):  # noqa: B007 (i names the failing move)
                state = apply_action(state, parse_move(text))
        except MoveSyntaxError as exc:
            raise SaveError(f"{path}: damaged save: move {i + 1}: {exc}") from None
        except IllegalMoveError as exc:
            raise SaveError(f"{path}: damaged save: move {i + 1} ('{data.moves[i]}') is not "
                            f"possible: {exc.reason}") from None
        return LoadedSave(path, data, state, warnings, 0)
    for i, text in enumerate(data.moves):
        try:
            move = parse_move(text)
        except MoveSyntaxError as exc:
            raise SaveError(f"{path}: damaged save: move {i + 1}: {exc}") from None
        # The scenario changed: keep every decision that still applies. An event the
        # new version added is answered as history did; a move that no longer fits is dropped.
        if state.ending_index >= 0:
            dropped += len(data.moves) - i
            break
        if state.pending and not (isinstance(move, Choose) and move.event == state.pending_event):
            state = _answer_historically(state)
        if why_illegal(state, move) is None:
            state = apply_action(state, move)
        else:
            dropped += 1
    if dropped:
        warnings.append(f"{path}: {dropped} of {len(data.moves)} decisions no longer apply to "
                        "the changed scenario and were left out")
    return LoadedSave(path, data, state, warnings, dropped)


def _answer_historically(state: GameState) -> GameState:
    from game.core.policies import historical_answer

    while state.pending:
        state = apply_action(state, historical_answer(state.rules, state.pending[0]))
    return state
