"""One game being played: the scenario, the states since the turn began (for undo), the saves.

No pygame here: the screens call these methods and draw ``session.state``.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from game.atomic import clean_stale_temporaries
from game.core.engine import (
    Choose,
    EndTurn,
    GameState,
    IllegalMoveError,
    Move,
    TakeAction,
    apply_action,
    is_over,
    new_game,
)
from game.core.rules import Rules
from game.files import read_limited
from game.i18n import _, ngettext
from game.paths import saves_dir
from game.present.refusals import refusal_text
from game.safetext import printable
from game.saves import (
    BranchOrigin,
    SaveData,
    SaveError,
    read_save_data,
    replay_save,
    same_game,
    save_data,
    write_save,
)
from game.scenario.errors import ScenarioError
from game.scenario.loader import DEFAULT_SCENARIO, LoadedScenario, load_scenario
from game.ui.news_items import CardItem, last_outcomes, news_due, turn_news
from game.ui.savefiles import (
    AUTOSAVE,
    QUICKSAVE,
    autosave_numbers,
    latest_autosave,
    regular_files,
    slot_name,
)

__all__ = ["QUICKSAVE", "Session", "latest_autosave", "list_saves", "load_game", "newest_save"]

AUTOSAVES_KEPT = 5


@dataclass
class Session:
    """A game in progress and the way back to the start of its turn."""

    rules: Rules
    scenario_file: str
    seed: int = 0
    player: str = ""
    turn_states: list[GameState] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    undo_floor: int = 1
    """Undo never goes back below this many states of the turn (see :meth:`lock_undo`)."""
    news_shown_turn: int = -1
    """The last turn whose news card was shown."""
    news_later: tuple[CardItem, ...] = ()
    """The news of that turn held back, dated after a question still waiting: told on a card
    once the question is answered (see :meth:`news_to_tell`)."""
    game_id: str = ""
    """Which game this is, written in each of its saves: its autosaves are its own."""
    game_name: str = ""
    """The name the player saved the game under (its autosaves are listed with it)."""
    autosaved_moves: int = -1
    """How many moves the game had at its last autosave."""
    branch: BranchOrigin | None = None
    """Set in a branch ("try again from here"): the game it split from, and where."""

    @classmethod
    def start(cls, loaded: LoadedScenario, seed: int = 0, player: str = "") -> Session:
        """Begin a new game of a loaded scenario."""
        s = cls(loaded.rules, loaded.path, seed, player)
        s.turn_states = [new_game(loaded.rules, seed)]
        s.game_id = new_game_id()
        return s

    @classmethod
    def resume(cls, state: GameState, scenario_file: str, player: str = "",
               warnings: list[str] | None = None, game_id: str = "",
               game_name: str = "", branch: BranchOrigin | None = None) -> Session:
        """Continue a game from ``state`` (a loaded save); undo reaches back to this state. A
        save made before games had ids starts a game id of its own."""
        s = cls(state.rules, scenario_file, state.seed, player, [state], list(warnings or []))
        s.game_id = game_id or new_game_id()
        s.game_name = game_name
        s.branch = branch
        if state.actions_this_turn():
            s.news_shown_turn = state.turn  # the player has acted: the turn's news was seen
        return s

    @property
    def state(self) -> GameState:
        return self.turn_states[-1]

    @property
    def over(self) -> bool:
        return is_over(self.state)

    def news_to_tell(self) -> list[CardItem]:
        """The news a card tells now, in the order of its dates, marked as told: as a turn
        begins, how the last turn's gambles came out and its events that ask nothing, up to
        the first question waiting; once that is answered, the events held back that are due
        (up to the next question). Empty when there is nothing new, or the game is over."""
        state = self.state
        if self.over:
            return []
        if self.news_shown_turn < state.turn:
            self.news_shown_turn = state.turn
            self.news_later = tuple(turn_news(state))
            items = last_outcomes(state)
        elif self.news_shown_turn == state.turn:
            items = []
        else:
            return []
        later = [item for item in self.news_later if item.turn == state.turn]
        due = set(news_due(state))
        items += [item for item in later if item in due]
        self.news_later = tuple(item for item in later if item not in due)
        return items

    def play(self, move: Move) -> str | None:
        """Make a move; return why it is not allowed, or None once it is made."""
        try:
            new = apply_action(self.state, move)
        except IllegalMoveError as exc:
            return refusal_text(exc.refusal)
        if isinstance(move, EndTurn):
            self.turn_states = [new]
            self.undo_floor = 1
        else:
            self.turn_states.append(new)
        return None

    def take(self, action_id: str) -> str | None:
        return self.play(TakeAction(action_id))

    def choose(self, event_id: str, choice_id: str) -> str | None:
        return self.play(Choose(event_id, choice_id))

    def end_turn(self) -> str | None:
        return self.play(EndTurn())

    @property
    def can_undo(self) -> bool:
        return len(self.turn_states) > max(1, self.undo_floor) and not self.over

    def lock_undo(self) -> None:
        """Make what was done so far this turn final (a choice whose history note has been
        read: taking it back would let the player copy history's answer)."""
        self.undo_floor = len(self.turn_states)

    def undo(self) -> bool:
        """Take back the last action or choice of this turn; return False if there is none."""
        if not self.can_undo:
            return False
        self.turn_states.pop()
        return True

    # -- saves -------------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the game to ``path``. Raises SaveError."""
        write_save(path, self.state, self.player, self.scenario_file, self.game_id,
                   self.game_name, self.branch)

    def data(self) -> SaveData:
        """The save record of the game as it stands."""
        return save_data(self.state, self.player, self.scenario_file, self.game_id,
                         self.game_name, self.branch)

    def other_game_in(self, path: str | os.PathLike[str]) -> str | None:
        """What saving to ``path`` would replace, if that is not this game at another moment
        (see :func:`game.saves.same_game`): a sentence for the player, or None when the file
        is missing or holds this game."""
        target = Path(path)
        try:
            os.lstat(target)
        except OSError:
            # Nothing there, or a folder that cannot be searched: then nothing can be written
            # there either, and writing says so.
            return None
        try:
            theirs = read_save_data(target)
        except SaveError as exc:
            why = printable(str(exc).removeprefix(f"{target}: "), 300)
            return _("The save '{name}' ({file}) is there already and cannot be read as a save "
                     "({why}).").format(name=printable(slot_name(target.name), 80),
                                        file=printable(target.name), why=why)
        if same_game(save_data(self.state, self.player, self.scenario_file), theirs):
            return None
        count = len(theirs.moves)
        values = {"name": printable(slot_name(target.name), 80),
                  "player": printable(theirs.player, 40),
                  "scenario": printable(theirs.scenario_title or theirs.scenario_id, 80),
                  "date": printable(theirs.date, 40), "turn": theirs.turn + 1, "count": count}
        if theirs.player:
            text = ngettext("The save '{name}' holds another game of {player}: {scenario}, "
                            "{date}, turn {turn}, {count} decision.",
                            "The save '{name}' holds another game of {player}: {scenario}, "
                            "{date}, turn {turn}, {count} decisions.", count)
        else:
            text = ngettext("The save '{name}' holds another game: {scenario}, {date}, turn "
                            "{turn}, {count} decision.",
                            "The save '{name}' holds another game: {scenario}, {date}, turn "
                            "{turn}, {count} decisions.", count)
        return text.format(**values)

    def autosave(self, folder: Path | None = None, keep: int = AUTOSAVES_KEPT) -> Path:
        """Write this game's autosave and delete all but its newest ``keep``; another game's
        autosaves are never touched. Within a turn the turn's autosave is written again (after
        an answer), so it is one autosave a turn. Raises SaveError."""
        folder = folder or saves_dir()
        numbers = sorted(autosave_numbers(folder))
        mine: list[tuple[int, SaveData]] = []
        for n in numbers:
            try:
                data = read_save_data(folder / f"autosave-{n:06d}.json")
            except SaveError:
                continue  # not readable: not known to be this game's, so left alone
            if data.game_id == self.game_id:
                mine.append((n, data))
        now = self.data()
        if mine and mine[-1][1].turn == now.turn and same_game(mine[-1][1], now):
            number = mine[-1][0]
            mine.pop()
        else:
            number = (numbers[-1] + 1) if numbers else 1
        path = folder / f"autosave-{number:06d}.json"
        self.save(path)
        for n, _data in mine[:max(0, len(mine) + 1 - keep)]:
            try:
                (folder / f"autosave-{n:06d}.json").unlink()
            except OSError:
                pass
        return path


def new_game_id() -> str:
    """A new game's id: random, so two games never share one."""
    return uuid.uuid4().hex


@dataclass
class SaveEntry:
    """A save file as the load screen lists it: its record, or what is wrong with it."""

    path: Path
    data: SaveData | None
    problem: str | None
    mtime: float

    @property
    def name(self) -> str:
        """The save's name as the player typed it, safe to show."""
        return printable(slot_name(self.path.name), 80)

    @property
    def kind(self) -> str:
        """``"auto"``, ``"quick"`` or ``"named"``."""
        if AUTOSAVE.match(self.path.name):
            return "auto"
        return "quick" if self.path.name == QUICKSAVE else "named"

    @property
    def game(self) -> str:
        """The game's name, safe to show: the name it was saved under (a named save's own name),
        else the player's name, else the scenario's title."""
        d = self.data
        if self.kind == "named":
            return self.name
        if d is None:
            return self.name
        return printable(d.game_name or d.player or d.scenario_title or d.scenario_id, 80)

    @property
    def label(self) -> str:
        if self.data is None:
            return self.name
        return (f"{self.game}: {printable(self.data.scenario_title or self.data.scenario_id)}, "
                f"{printable(self.data.date)}")


MAX_LISTED = 2000
"""The most saves the load screen reads; a folder with more lists the newest files."""


def list_saves(folder: Path | None = None) -> list[SaveEntry]:
    """Every save in the folder, newest first; a broken one carries its problem. Something
    that is not a regular file (a FIFO, a device) is listed as such and never opened, and a
    folder that cannot be read lists nothing. Stale temporaries of killed saves are removed."""
    folder = folder or saves_dir()
    clean_stale_temporaries(folder)
    found = regular_files(folder)
    found.sort(key=lambda f: f[1] if f[1] is not None else 0.0, reverse=True)
    out = []
    for p, mtime in found[:MAX_LISTED]:
        if mtime is None:
            out.append(SaveEntry(p, None, _("{file}: not a regular file (a folder, a device, a "
                                            "pipe or a broken link), so it is not opened").format(
                file=p), 0.0))
            continue
        try:
            out.append(SaveEntry(p, read_save_data(p), None, mtime))
        except SaveError as exc:
            out.append(SaveEntry(p, None, str(exc), mtime))
    out.sort(key=lambda e: (e.data.saved_at if e.data else e.mtime), reverse=True)
    return out


SCENARIO_ID_BYTES = 20000
"""How much of a scenario file :func:`find_scenario` reads looking for its id line."""
SCENARIO_MAX_BYTES = 2 * 1024 * 1024
"""No scenario is larger (the loader's own limit)."""


def find_scenario(data: SaveData, known: list[Path]) -> Path | None:
    """The scenario file a save was made with: its own path if it still exists, else a known
    scenario with the same id (read cheaply: the id line of each file)."""
    try:
        if data.scenario_file and Path(data.scenario_file).is_file():
            return Path(data.scenario_file)
    except (OSError, ValueError):
        pass  # a path this system cannot even look at: search by id
    pattern = re.compile(rf"^id:\s*['\"]?{re.escape(data.scenario_id)}['\"]?\s*$", re.M)
    for p in known:
        try:
            head = read_limited(p, SCENARIO_MAX_BYTES)[:SCENARIO_ID_BYTES]
        except OSError:
            continue
        if pattern.search(head.decode("utf-8", errors="replace")):
            return p
    return None


def load_game(path: str | os.PathLike[str], known: list[Path],
              cache: dict[str, object] | None = None) -> Session:
    """Open a save: find its scenario, load it, replay the moves. Raises SaveError with a
    message naming the file and the problem."""
    data = read_save_data(path)
    scenario = find_scenario(data, known)
    if scenario is None:
        raise SaveError(f"{path}: its scenario '{data.scenario_id}' is not installed "
                        f"(looked for {data.scenario_file or 'a file with that id'})")
    found = (cache or {}).get(str(scenario))
    loaded = found if isinstance(found, LoadedScenario) else None
    if loaded is None:
        try:
            loaded = load_scenario(scenario)
        except ScenarioError as exc:
            first = exc.problems[0].format() if exc.problems else str(exc)
            raise SaveError(f"{path}: its scenario does not load: {first}") from None
        if cache is not None:
            cache[str(scenario)] = loaded
    result = replay_save(data, loaded.rules, str(path))
    name = Path(path).name
    named = not AUTOSAVE.match(name) and name != QUICKSAVE
    return Session.resume(result.state, str(scenario), data.player, result.warnings,
                          data.game_id, data.game_name or (slot_name(name) if named else ""),
                          data.branch)


def newest_save(folder: Path | None = None) -> tuple[Path | None, str | None]:
    """The save Continue opens: the newest of any kind (autosave, quick or named save) by the
    time it was saved, that can be read; else None and the newest one's problem, if any."""
    entries = list_saves(folder)
    good = [e for e in entries if e.data is not None]
    if good:
        return good[0].path, None
    return None, (entries[0].problem if entries else None)


def default_scenario_path(files: list[Path]) -> Path:
    """The scenario a new game starts on: the default one if it is there, else the first."""
    if DEFAULT_SCENARIO.is_file() or not files:
        return DEFAULT_SCENARIO
    return files[0]


def stamp() -> str:
    return time.strftime("%Y-%m-%d %H:%M")
