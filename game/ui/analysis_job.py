"""The analysis of the game on screen, played in the background while the window stays live.

A thread runs the analyser the App was given (the teacher tools' runner, which spreads the
games over every core: :func:`game.reports.analysis.run_analysis`; the screens do not import
the report writers) or, without one, plays it in this process
(:func:`game.core.analysis.analyse_game`). The thread only counts the games played; the screen
reads :attr:`AnalysisJob.done` each frame and draws the bar. Cancelling makes the next
progress report raise, which ends the run (and the runner's processes) at once.

Finished analyses are kept for the session (the same game, seed and number of games give the
same analysis, so it is never played twice). No pygame here.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from game.core.analysis import (
    CONTINUATIONS,
    DEFAULT_GAMES,
    Analysis,
    PlayedGame,
    analyse_game,
    branches,
)

Progress = Callable[[int], None]
Analyser = Callable[[PlayedGame, str, int, Progress], Analysis]
"""Plays the analysis of a game: (the game, its scenario file, games per choice, a progress
callback called with the games played so far) -> the analysis, both continuations, seed 0."""

KEPT = 4
"""Finished analyses kept (the games on screen lately)."""

_DONE: dict[tuple[str, int, tuple[str, ...], int], Analysis] = {}


_FORK_HOOK = [False]


def _plain_signals() -> None:
    """In a process forked from the window (the runner's workers): the default handlers of
    SIGTERM and SIGINT again. SDL's handlers, inherited from the window, turn them into quit
    events that no one reads, and a worker the runner terminates would never end."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def plain_signals_in_forks() -> None:
    """Give every process forked from now on the default signal handlers (once)."""
    if not _FORK_HOOK[0] and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_plain_signals)
        _FORK_HOOK[0] = True


class Cancelled(Exception):
    """Raised from the progress callback to stop a run the player no longer waits for."""


def in_this_process(game: PlayedGame, scenario_file: str, games: int,
                    progress: Progress) -> Analysis:
    """The analyser without the teacher tools: every game played in this process."""
    return analyse_game(game, games, 0, CONTINUATIONS, progress)


def _key(game: PlayedGame, games: int) -> tuple[str, int, tuple[str, ...], int]:
    return (game.rules.digest, game.seed, game.moves, games)


@dataclass
class AnalysisJob:
    """One analysis being played in the background (or found among the finished ones)."""

    game: PlayedGame
    games: int = DEFAULT_GAMES
    total: int = 0
    """How many games the whole analysis plays."""
    done: int = 0
    result: Analysis | None = None
    problem: str | None = None
    """Why the analysis failed, if it did."""
    seconds: float = 0.0
    """How long it took (0 when it was found among the finished ones)."""
    cancelled: bool = False
    _thread: threading.Thread | None = field(default=None, repr=False)
    _started: float = 0.0

    def __post_init__(self) -> None:
        self.total = len(branches(self.game, CONTINUATIONS)) * self.games
        found = _DONE.get(_key(self.game, self.games))
        if found is not None:
            self.result, self.done = found, self.total

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def finished(self) -> bool:
        return self.result is not None or self.problem is not None

    @property
    def elapsed(self) -> float:
        """Seconds since the run began (its whole time once it ended)."""
        if self.finished or not self._started:
            return self.seconds
        return time.monotonic() - self._started

    def start(self, analyser: Analyser | None, scenario_file: str,
              wake: Callable[[], None] | None = None) -> None:
        """Play the analysis in a thread (nothing if it is done already). ``wake`` is called
        (from the thread, at most about ten times a second, and at the end) so that the window
        draws the progress."""
        if self.finished or self.running:
            return
        run = analyser or in_this_process
        last = [0.0]

        def progress(done: int) -> None:
            if self.cancelled:
                raise Cancelled
            self.done = done
            now = time.monotonic()
            if wake is not None and now - last[0] >= 0.1:
                last[0] = now
                wake()

        def work() -> None:
            try:
                result = run(self.game, scenario_file, self.games, progress)
            except Cancelled:
                return
            except Exception as exc:  # noqa: BLE001 - shown on the screen, never a crash
                if not self.cancelled:
                    self.problem = str(exc) or exc.__class__.__name__
            else:
                if not self.cancelled:
                    self.seconds = time.monotonic() - self._started
                    self.done = self.total
                    _remember(_key(self.game, self.games), result)
                    self.result = result
            finally:
                if wake is not None:
                    wake()

        plain_signals_in_forks()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=work, name="statecraft-analysis", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop the run at its next progress report (the screen no longer waits for it)."""
        self.cancelled = True

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the run to end (tests); True if it has."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running


def _remember(key: tuple[str, int, tuple[str, ...], int], analysis: Analysis) -> None:
    _DONE[key] = analysis
    while len(_DONE) > KEPT:
        del _DONE[next(iter(_DONE))]


def forget_all() -> None:
    """Forget the finished analyses (tests)."""
    _DONE.clear()
