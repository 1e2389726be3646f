"""Writing a file so that a crash or a kill leaves either the old file or the new one, whole.

Kept free of the engine and of pydantic: the settings screen uses it too, and
the title screen must open fast.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 15 * 60
"""A temporary file of ours this old is left over from a write that was killed: a write in
progress takes seconds at most, so removing it never disturbs another writer."""

TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""The names :func:`write_atomic` gives its temporary files: ``.<name>.<8 random>.tmp``."""


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder, flushed to disk,
    then renamed over the target. Raises OSError; the target is untouched on failure."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would, so a
        # report or save can be shared like any other file.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def clean_stale_temporaries(folder: str | os.PathLike[str],
                            max_age: float = STALE_SECONDS) -> int:
    """Delete the temporary files :func:`write_atomic` left in ``folder`` when it was killed
    mid-write: only regular files named like ours and untouched for ``max_age`` seconds.
    Never raises; returns how many were deleted."""
    removed = 0
    cutoff = time.time() - max_age
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not TEMPORARY.match(entry.name):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue
    except OSError:
        pass
    return removed
