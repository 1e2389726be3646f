"""What a screen may ask of the window it is shown in: its looks, the game on screen, short
messages, and the way to other screens.

A scene holds a :class:`Stage` (the :class:`game.ui.app.App` implements it) and asks it for
navigation by name (``open_menu()``, ``show_message(...)``, ``pop()``) instead of importing
the app or the other screens: so no screen imports one above it, and :mod:`game.ui.flow` is
the one module that builds the screens (an import-linter contract in pyproject.toml keeps
game.ui free of import cycles).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    import pygame
    import pygame_gui

    from game.ui.news_items import CardItem
    from game.ui.session import Session
    from game.ui.settings import Settings
    from game.ui.theme import Colours, Fonts

S = TypeVar("S")


class Screens(Protocol):
    """Going from screen to screen: what a scene asks for instead of building another one."""

    def pop(self) -> None:
        """Close the top screen and go back to the one below (never the title itself)."""

    def pop_to_title(self) -> None:
        """Close every screen above the title."""

    def quit(self) -> None:
        """Close the game (the settings are saved on the way out)."""

    def new_game(self, path: Path | None = None) -> bool:
        """Start a game of ``path`` (default: the default scenario); False if it did not."""
        ...

    def continue_game(self) -> bool:
        """Open the latest autosave; False (with a message) if there is none or it fails."""
        ...

    def load_game(self, path: Path) -> bool:
        """Open a save; False (with a message naming the file) if it fails."""
        ...

    def after_move(self) -> None:
        """Show what the game needs now: a new turn's news, an event, or the end report."""

    def end_turn(self) -> None:
        """End the turn, autosave, then show what comes next."""

    def open_help(self) -> None:
        """Show the help (or close it, if it is on top: F1 toggles)."""

    def open_menu(self) -> None:
        """The in-game menu over the current screen."""

    def open_saves(self, saving: bool) -> None:
        """The save slots: to save the game on screen (``saving``) or to load one."""

    def open_settings(self) -> None: ...

    def open_scenarios(self) -> None:
        """The scenario picker."""

    def open_news(self) -> None:
        """The news and the timeline of the game on screen."""

    def open_news_card(self, items: list[CardItem], heading: str) -> None:
        """A news card of ``items`` that goes back to the screen below when closed."""

    def open_guide(self) -> None:
        """The guided first turn, over the map (nothing if the map is not on top)."""

    def open_analysis(self) -> None:
        """The turning points of the game on screen (its analysis, played in the background)."""

    def try_again(self, move: int) -> bool:
        """Start the other future of the game on screen from its move ``move`` (an answer to an
        event), in a new save; False (with a message) if it does not start."""
        ...

    def compare_futures(self) -> None:
        """The game on screen (a branch) and the one it was tried again from, side by side."""

    def show_message(self, title: str, lines: list[str],
                     choices: list[tuple[str, str]] | None = None,
                     then: Callable[[str], None] | None = None, compact: bool = False) -> None:
        """A message box with ``choices`` (key, label; default OK); ``then`` gets the key
        chosen, after the box has closed."""

    def export_report(self, session: Session) -> list[Path]:
        """Write the save and the report of ``session``; return the files written. Raises
        OSError or SaveError."""
        ...


class Stage(Screens, Protocol):
    """The window as a scene sees it: looks, settings, the game on screen, toasts, and
    :class:`Screens` for going elsewhere."""

    settings: Settings
    session: Session | None
    """The game on screen, if any."""
    chosen_scenario: str | None
    """The scenario the title's New game starts (None: the default)."""
    scenario_cache: dict[str, object]
    fonts: Fonts
    theme: dict[str, Any]
    manager: pygame_gui.UIManager
    scale: float
    mouse_pos: tuple[int, int]
    keyboard_mode: bool
    """The last input was a key: tooltips follow the focus, not the mouse."""
    gui_changed: bool
    """Set when pygame_gui elements are made or killed: they show after one update."""

    @property
    def colours(self) -> Colours: ...

    @property
    def layout_rect(self) -> pygame.Rect:
        """The area scenes lay out in."""
        ...

    @property
    def top(self) -> object:
        """The screen on top (to ask whether it is this one)."""
        ...

    def find(self, kind: type[S]) -> S | None:
        """The highest screen on the stack of class ``kind``, if any."""
        ...

    def toast(self, text: str, kind: str = "info", seconds: float = 5.0) -> None: ...

    def resize(self, size: tuple[int, int]) -> None: ...

    def set_fullscreen(self, on: bool) -> None: ...

    def change_language(self, code: str) -> None:
        """Speak ``code`` ("" for the computer's language) and lay the screens out again."""
        ...

    def relayout(self) -> None:
        """Apply a new scale or palette and lay the screens out again."""

    def store_settings(self) -> str | None:
        """Write the settings file; a message if they are not saved."""
        ...
