"""A progress bar on the terminal: drawn on stderr, at most ten times a second."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from game.i18n import _, ngettext
from game.present.numbers import number
from game.reports.terminal import write_control


class ProgressBar:
    """``[#######.......]  4,512/10,000 games  3.2 s, about 4 s left`` on one line, redrawn."""

    def __init__(self, total: int, what: str | None = None, stream: TextIO | None = None,
                 width: int = 30) -> None:
        self.total = max(total, 1)
        self.what = what  # the things counted, "games" (in the reader's language) if None
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.start = time.monotonic()
        self.last_draw = 0.0
        self.drawn = False

    @staticmethod
    def wanted(forced: bool, stream: TextIO | None = None) -> bool:
        """Whether to draw one: when asked to, or when the stream is a terminal."""
        s = stream if stream is not None else sys.stderr
        return forced or (hasattr(s, "isatty") and s.isatty())

    def update(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self.last_draw < 0.1:
            return
        self.last_draw = now
        filled = self.width * done // self.total
        elapsed = now - self.start
        # TRANSLATORS: what the progress bar of simulate counts.
        what = self.what if self.what is not None else ngettext("games", "games", self.total)
        bar = f"[{'#' * filled}{'.' * (self.width - filled)}] "
        done_words, total_words = number(done, 0), number(self.total, 0)
        if 0 < done < self.total:
            left = elapsed * (self.total - done) / done
            line = bar + _("{done}/{total} {what}  {elapsed} s, about {left} s left").format(
                done=done_words, total=total_words, what=what, elapsed=number(elapsed),
                left=number(left, 0))
        else:
            line = bar + _("{done}/{total} {what}  {elapsed} s").format(
                done=done_words, total=total_words, what=what, elapsed=number(elapsed))
        write_control(self.stream, "\r")  # back to the start of the line; the rest is escaped
        self.stream.write(line.ljust(self.width + 60))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
