"""The player's settings, kept as JSON in the user's settings folder between runs."""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game.atomic import write_atomic
from game.files import read_limited
from game.i18n import PSEUDO, _, available_languages
from game.paths import config_dir
from game.safetext import clean_text, printable

SCALES = (0.0, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
"""UI scales offered; 0 means automatic (from the window height)."""

WINDOW_SIZES = ((1024, 600), (1280, 720), (1366, 768), (1440, 900), (1600, 900), (1920, 1080),
                (2560, 1440), (3840, 2160))
"""The window sizes the settings offer (those of school laptops and screens), where they fit."""
SCREEN_MARGIN = (16, 96)
"""Room a window leaves on the display for the title bar and a taskbar or dock."""
MIN_WINDOW = (640, 400)
MAX_WINDOW = (7680, 4320)
"""The window sizes the game accepts, from the settings file or ``play --size``."""
MAX_SETTINGS_BYTES = 64 * 1024
"""A settings file is a few hundred bytes; anything far larger is not ours."""
PALETTES = ("standard", "colourblind")
HISTORY_TIMING = ("after", "before")


@dataclass
class Settings:
    """What the player can change on the settings screen."""

    window_width: int = 1280
    window_height: int = 720
    fullscreen: bool = False
    ui_scale: float = 0.0
    palette: str = "standard"
    history_notes: str = "after"
    tutorial_done: bool = False
    player_name: str = ""
    language: str = ""
    """A language code (``de``), or "" for the computer's language (LANGUAGE, LANG)."""

    def clean(self) -> Settings:
        """Return these settings with every value brought into its allowed range."""
        self.window_width, self.window_height = clamp_window(
            (int(self.window_width), int(self.window_height)))
        self.ui_scale = float(self.ui_scale) if self.ui_scale in SCALES else 0.0
        if self.palette not in PALETTES:
            self.palette = PALETTES[0]
        if self.history_notes not in HISTORY_TIMING:
            self.history_notes = HISTORY_TIMING[0]
        self.player_name = clean_text(str(self.player_name), 40)
        if self.language not in ("", *available_languages(), PSEUDO):
            self.language = ""
        return self


def clamp_window(size: tuple[int, int],
                 screen: tuple[int, int] | None = None) -> tuple[int, int]:
    """``size`` brought within the sizes the game accepts and, if ``screen`` (the display's
    size) is known, no larger than the screen."""
    top_w, top_h = MAX_WINDOW
    if screen is not None and screen[0] > 0 and screen[1] > 0:
        top_w, top_h = max(MIN_WINDOW[0], min(top_w, screen[0])), \
            max(MIN_WINDOW[1], min(top_h, screen[1]))
    return (max(MIN_WINDOW[0], min(top_w, size[0])), max(MIN_WINDOW[1], min(top_h, size[1])))


def usable_area(screen: tuple[int, int] | None) -> tuple[int, int] | None:
    """The largest window that fits on a display of ``screen`` pixels with its title bar and
    the taskbar; None if the display's size is not known."""
    if screen is None or screen[0] <= 0 or screen[1] <= 0:
        return None
    return (max(MIN_WINDOW[0], screen[0] - SCREEN_MARGIN[0]),
            max(MIN_WINDOW[1], screen[1] - SCREEN_MARGIN[1]))


def first_window(wanted: tuple[int, int], screen: tuple[int, int] | None) -> tuple[int, int]:
    """The size to open the window at: ``wanted`` if it fits the display (with room for the
    title bar and a taskbar), else the largest offered size that fits, else the room there is."""
    room = usable_area(screen)
    wanted = clamp_window(wanted)
    if room is None or (wanted[0] <= room[0] and wanted[1] <= room[1]):
        return wanted
    fitting = [s for s in WINDOW_SIZES if s[0] <= room[0] and s[1] <= room[1]]
    return max(fitting, key=lambda s: s[0] * s[1]) if fitting else clamp_window(room)


def offered_sizes(current: tuple[int, int],
                  screen: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    """The window sizes the settings cycle through, smallest first: the usual ones that fit
    the display, the largest window that fits it, and the current size."""
    room = usable_area(screen)
    sizes = {s for s in WINDOW_SIZES if room is None or (s[0] <= room[0] and s[1] <= room[1])}
    if room is not None:
        sizes.add(clamp_window(room))
    sizes.add(current)
    return tuple(sorted(sizes, key=lambda s: (s[0] * s[1], s)))


def settings_path() -> Path:
    return config_dir() / "settings.json"


_NOT_WRITTEN: set[Path] = set()
"""Settings files that could not be read nor set aside: this run never writes over them."""


@dataclass
class SettingsRead:
    """What reading the settings file gave: the settings, a message for the player if the
    file could not be read, and whether the game may write the file when it closes."""

    settings: Settings
    problem: str | None = None
    writable: bool = True


def _parse(data: bytes) -> Settings:
    raw: Any = json.loads(data.decode("utf-8-sig"), parse_int=_small_int,
                          parse_constant=_no_constant)
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in raw.items() if k in known}
    defaults = Settings()
    for k, v in list(values.items()):
        if type(v) is not type(getattr(defaults, k)) and not (
                type(v) is int and isinstance(getattr(defaults, k), float)):
            del values[k]
    return Settings(**values).clean()


def _small_int(text: str) -> int:
    if len(text) > 20:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def read_settings(path: Path | None = None) -> SettingsRead:
    """Read the settings. A missing file gives the defaults. A file that cannot be read (not
    JSON, not a regular file, too large) gives the defaults and a message, and is set aside as
    ``settings.json.unreadable-<time>`` so the player keeps it; if it cannot be set aside,
    the game does not write the settings at all (``writable`` is False)."""
    target = path or settings_path()
    try:
        return SettingsRead(_parse(read_limited(target, MAX_SETTINGS_BYTES)))
    except FileNotFoundError:
        return SettingsRead(Settings())
    except NotADirectoryError:
        _NOT_WRITTEN.add(target)
        return SettingsRead(Settings(), _("{file}: the settings folder is not a folder; the "
                                          "default settings are used and not saved.").format(
            file=target), writable=False)
    except OSError as exc:
        why = exc.strerror or str(exc)
    except UnicodeDecodeError:
        why = _("it is not UTF-8 text")
    except (ValueError, TypeError) as exc:
        why = _("it is not valid settings: {error}").format(error=exc)
    except RecursionError:
        why = _("it is nested too deeply")
    except MemoryError:
        why = _("it is too large")
    why = printable(why, 200)
    aside = target.with_name(f"{target.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        if aside.exists():
            aside = aside.with_name(f"{aside.name}-{os.getpid()}")
        os.rename(target, aside)
    except OSError as exc:
        _NOT_WRITTEN.add(target)
        return SettingsRead(Settings(), _(
            "{file}: the settings could not be read ({why}); the defaults are used, and the "
            "file is left as it is (the game will not write over it: {error}).").format(
            file=target, why=why, error=exc.strerror or exc), writable=False)
    return SettingsRead(Settings(), _(
        "{file}: the settings could not be read ({why}). The file was kept as {kept}; the "
        "default settings are used.").format(file=target, why=why, kept=aside.name))


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Read the settings (see :func:`read_settings`): the settings, and a message if the file
    could not be read."""
    result = read_settings(path)
    return result.settings, result.problem


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings atomically; return an error message or None. A settings file this
    run could not read nor set aside is never written over."""
    target = path or settings_path()
    if target in _NOT_WRITTEN:
        return _("{file}: settings changes are kept only until the game closes: the file "
                 "could not be read, and it is left as it was.").format(file=target)
    try:
        write_atomic(target, json.dumps(asdict(settings), indent=1))
    except OSError as exc:
        return _("{file}: settings not saved ({error})").format(file=target,
                                                                 error=exc.strerror or exc)
    return None
