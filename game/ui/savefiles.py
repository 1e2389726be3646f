"""Where saves live on disk, without reading them: save names and their file names, autosave
numbering and the quick save.

A save's name maps to one file name and back (:func:`slot_file_name`, :func:`slot_name`):
letters of every alphabet stay readable, the name is NFC-normalised, a space becomes ``_``,
and whatever a file system cannot hold or would read differently is percent-encoded: ``%``,
``_``, ``.``, slashes, control characters, the characters Windows forbids, and the first
letter of a name Windows reserves (``CON``, ``LPT1``...). Two different names never share a
file name, except names that differ only in capitals on a system that ignores case; the
save screen asks before a save replaces a file that holds another game, which covers that.

Kept free of the engine and pydantic so the title screen opens fast."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from game.paths import saves_dir

AUTOSAVE = re.compile(r"^autosave-(\d+)\.json$")
QUICKSAVE = "quicksave.json"
SAVE_SUFFIX = ".json"

MAX_NAME_CHARS = 40
"""The longest save name the player may type."""
MAX_FILE_NAME_BYTES = 200
"""The longest file name a save gets (file systems allow 255 bytes; some less in a path)."""

_KEPT = re.compile(r"^autosave-\d+(?:-kept)*$", re.IGNORECASE)
"""A name the autosave rotation could take for its own: a save the player named so gets
``-kept`` (once more than it has), so it is never rotated away."""

_UNSAFE_ASCII = set('%_./\\:*?"<>|') | {chr(c) for c in range(0x20)} | {"\x7f"}
_RESERVED = re.compile(r"^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)(?:$|[ .])",
                       re.IGNORECASE)
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


class SaveNameError(ValueError):
    """A save name that cannot be a file name (empty, or too long once encoded)."""


def _encode_char(ch: str) -> str:
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))


def _needs_encoding(ch: str) -> bool:
    if ch in _UNSAFE_ASCII:
        return True
    if ch.isascii():
        return False
    # Letters, marks, digits, punctuation and symbols of every script stay readable; control
    # and format characters, surrogates, private-use and unassigned ones, and every space
    # but the plain one are encoded.
    return unicodedata.category(ch)[0] in "CZ"


def slot_file_name(name: str) -> str:
    """The file name (``<encoded>.json``) of a save named ``name``. Raises
    :class:`SaveNameError` for an empty name or one too long for a file name."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise SaveNameError("Type a name for the save first.")
    out = []
    for ch in name:
        if ch == " ":
            out.append("_")
        elif _needs_encoding(ch):
            out.append(_encode_char(ch))
        else:
            out.append(ch)
    stem = "".join(out)
    if _RESERVED.match(stem):
        stem = _encode_char(stem[0]) + stem[1:]  # "CON" is a device on Windows, "%43ON" is not
    if _KEPT.match(stem):
        stem += "-kept"
    if len(stem.encode("utf-8")) + len(SAVE_SUFFIX) > MAX_FILE_NAME_BYTES:
        raise SaveNameError("This name is too long for a file name: make it shorter.")
    return stem + SAVE_SUFFIX


def _decode_percent(m: re.Match[str]) -> str:
    data = bytes(int(m.group()[i + 1:i + 3], 16) for i in range(0, len(m.group()), 3))
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return m.group()  # not ours: shown as it is


def slot_name(file_name: str) -> str:
    """The save name a file name stands for: the inverse of :func:`slot_file_name` for every
    name it makes; any other file (an autosave, one copied in by hand) gets a readable name
    too. May hold control characters a file name encoded: show it with ``printable``."""
    stem = file_name.removesuffix(SAVE_SUFFIX)
    stem = unicodedata.normalize("NFC", stem)  # macOS hands back names decomposed (NFD)
    if _KEPT.match(stem) and stem.lower().endswith("-kept"):
        stem = stem[:-len("-kept")]
    stem = stem.replace("_", " ")
    return _PERCENT.sub(_decode_percent, stem)


def regular_files(folder: Path, suffix: str = SAVE_SUFFIX) -> list[tuple[Path, float | None]]:
    """The visible files in ``folder`` whose name ends with ``suffix``, each with its time of
    change, or None where it is not a regular file (a FIFO, a device, a folder, a broken
    link): those are never opened. Nothing if the folder cannot be read."""
    out: list[tuple[Path, float | None]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not entry.name.endswith(suffix):
                    continue
                try:
                    info = entry.stat()  # follows a link: where it leads is what is read
                except OSError:
                    out.append((Path(entry.path), None))
                    continue
                out.append((Path(entry.path),
                            info.st_mtime if stat.S_ISREG(info.st_mode) else None))
    except OSError:
        return []
    return out


def autosave_numbers(folder: Path) -> list[int]:
    """The numbers of the autosaves in ``folder`` (none if it cannot be read)."""
    out = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                m = AUTOSAVE.match(entry.name)
                if m and len(m.group(1)) < 12:
                    out.append(int(m.group(1)))
    except OSError:
        return []
    return out


def latest_autosave(folder: Path | None = None) -> Path | None:
    """The newest autosave, or None (also when the folder cannot be read)."""
    try:
        folder = folder or saves_dir()
    except OSError:
        return None
    numbers = autosave_numbers(folder)
    return folder / f"autosave-{max(numbers):06d}.json" if numbers else None


def any_save(folder: Path | None = None) -> bool:
    """True if the saves folder holds a save file of any kind (or something named like one)."""
    try:
        folder = folder or saves_dir()
    except OSError:
        return False
    return bool(regular_files(folder))
