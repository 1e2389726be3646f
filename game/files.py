"""Reading a file that anyone may have put in the game's way: a save, a settings file, a
scenario, a policy file, a report's input.

Only a regular file is read, never a FIFO, a device (``/dev/zero``) or a folder, and never
more than a stated size: opening does not block (``O_NONBLOCK``), the file's kind is checked
on the open descriptor (so a link swapped in between is caught too), and reading stops one
byte past the cap. Every refusal is an :class:`OSError` whose ``strerror`` is a sentence, so
callers that already report ``OSError`` need nothing new.
"""

from __future__ import annotations

import errno
import os
import stat

from game.i18n import _

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _kib(n: int) -> str:
    if n < 1024 * 1024:
        return _("{size} KiB").format(size=f"{n / 1024:,.0f}")
    return _("{size} MiB").format(size=f"{n / (1024 * 1024):,.1f}")


def read_limited(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """Return the bytes of the regular file at ``path``, which must hold at most ``max_bytes``.

    Raises :class:`OSError` (``strerror`` says why in words) if the file cannot be opened, is
    not a regular file, or is larger than ``max_bytes``."""
    fd = os.open(os.fspath(path), _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, _("not a regular file (a folder, a device or a pipe)"),
                          os.fspath(path))
        if info.st_size > max_bytes:
            raise OSError(errno.EFBIG, _("the file is {size}, more than the {most} allowed").format(
                size=_kib(info.st_size), most=_kib(max_bytes)), os.fspath(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:  # it grew while we read it
            raise OSError(errno.EFBIG, _("the file is more than the {most} allowed").format(
                most=_kib(max_bytes)),
                          os.fspath(path))
        return data
    finally:
        os.close(fd)


def read_text_limited(path: str | os.PathLike[str], max_bytes: int) -> str:
    """:func:`read_limited`, decoded as UTF-8 (a byte-order mark is dropped).

    Raises :class:`OSError` as :func:`read_limited` does, and :class:`UnicodeDecodeError` for
    bytes that are not UTF-8."""
    return read_limited(path, max_bytes).decode("utf-8-sig")
