"""What the commands print reaches the terminal with nothing hidden in it.

:func:`safe_output` wraps ``sys.stdout`` and ``sys.stderr`` for the length of a command (the
command line does it once for every command): every unsafe character written through them
(an escape sequence from a player's name, a bidi override in a scenario's title, a lone
surrogate from a file name) is shown as its escape, ``\\x1b`` or ``\\u202e``, and text the
stream's encoding cannot hold is written with backslash escapes instead of failing.
Newlines and tabs pass; a progress bar returns to the start of its line with
:func:`write_control`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from game.reports.escape import visible


class SafeStream(io.TextIOBase):
    """A text stream that shows unsafe characters escaped before passing text on."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:
        self._put(visible(text))
        return len(text)

    def write_control(self, text: str) -> None:
        """Write trusted control characters (a progress bar's ``\\r``) as they are."""
        self._put(text)

    def _put(self, text: str) -> None:
        try:
            self.inner.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self.inner, "encoding", None) or "ascii"
            self.inner.write(text.encode(encoding, "backslashreplace").decode(encoding))

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.inner, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self.inner.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return "backslashreplace"


def write_control(stream: TextIO, text: str) -> None:
    """Write trusted control characters to ``stream``, past its escaping if it has any."""
    if isinstance(stream, SafeStream):
        stream.write_control(text)
    else:
        stream.write(text)


@contextmanager
def safe_output() -> Iterator[None]:
    """Wrap stdout and stderr in :class:`SafeStream` until the block ends."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream) and sys.stdout is not None:
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream) and sys.stderr is not None:
        sys.stderr = SafeStream(sys.stderr)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = saved
