"""The base of every screen: its pygame_gui buttons, keyboard focus, tooltips and hooks.

A scene builds its elements for the current layout in :meth:`Scene.build`,
turns clicks and keys into engine moves or scene changes, and draws the state
in :meth:`Scene.draw`, which never changes anything. Only the top scene has
live elements: a scene covered by another is cleared, and built again when it
is uncovered or the window changes size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from game.ui.text import one_line
from game.ui.widgets import focus_ring, tooltip

if TYPE_CHECKING:
    from pygame_gui.core.interfaces import IUIElementInterface

    from game.ui.app import App


class Scene:
    """One screen on the stack."""

    modal = False
    """A modal scene is drawn over the scene below it, which stays visible (dimmed)."""

    title = ""

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: dict[str, UIButton] = {}
        self.tips: dict[str, list[str]] = {}
        self.focus_order: list[str] = []
        self.focus_key: str | None = None
        self._elements: list[IUIElementInterface] = []
        self._keys: dict[int, str] = {}

    # -- layout helpers ------------------------------------------------------------------
    def px(self, value: float) -> int:
        """A length at scale 1, in pixels at the current UI scale."""
        return round(value * self.app.scale)

    @property
    def area(self) -> pygame.Rect:
        return self.app.layout_rect

    def button(self, key: str, rect: pygame.Rect, text: str, style: str | None = None,
               tip: list[str] | None = None, enabled: bool = True,
               focusable: bool = True) -> UIButton:
        """Add a button; ``key`` is what :meth:`on_button` receives when it is pressed."""
        self.app.gui_changed = True
        b = UIButton(pygame.Rect(rect), one_line(text, 120), manager=self.app.manager,
                     object_id=ObjectID(class_id=style, object_id=None) if style else None)
        if not enabled:
            b.disable()  # type: ignore[no-untyped-call]
        self.buttons[key] = b
        self._keys[id(b)] = key
        self._elements.append(b)
        if tip:
            self.tips[key] = tip
        if focusable and enabled:
            self.focus_order.append(key)
        return b

    def add(self, element: IUIElementInterface) -> None:
        self.app.gui_changed = True
        self._elements.append(element)

    # -- lifecycle -----------------------------------------------------------------------
    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Create the scene's elements for ``self.area`` and the UI scale."""

    def clear(self) -> None:
        if self._elements:
            self.app.gui_changed = True
        for e in self._elements:
            e.kill()  # type: ignore[no-untyped-call]
        self._elements.clear()
        self.buttons.clear()
        self.tips.clear()
        self._keys.clear()
        self.focus_order.clear()

    def rebuild(self) -> None:
        key = self.focus_key
        self.clear()
        self.build()
        self.focus_key = key if key in self.focus_order else None

    def pause(self) -> None:
        self.clear()

    def resume(self) -> None:
        self.rebuild()

    def exit(self) -> None:
        self.clear()

    # -- input ---------------------------------------------------------------------------
    def key_of(self, element: object) -> str | None:
        return self._keys.get(id(element))

    def on_button(self, key: str) -> None:
        """A button was pressed (by mouse, or by Enter on the focused one)."""

    def on_escape(self) -> None:
        self.app.pop()

    def on_enter(self) -> None:
        """Enter with no focused button."""

    def handle(self, event: pygame.event.Event) -> bool:
        """Handle an event pygame_gui did not use; return True if used."""
        if event.type == pygame.KEYDOWN:
            return self.handle_key(event)
        return False

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if k == pygame.K_TAB:
            self.move_focus(-1 if shift else 1)
            return True
        if k in (pygame.K_DOWN, pygame.K_RIGHT):
            self.move_focus(1)
            return True
        if k in (pygame.K_UP, pygame.K_LEFT):
            self.move_focus(-1)
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.focus_key in self.buttons and self.buttons[self.focus_key].is_enabled:
                self.on_button(self.focus_key)
            elif k != pygame.K_SPACE:
                self.on_enter()
            return True
        if k == pygame.K_ESCAPE:
            self.on_escape()
            return True
        return False

    def move_focus(self, step: int) -> None:
        order = [k for k in self.focus_order if k in self.buttons
                 and self.buttons[k].is_enabled and self.buttons[k].visible]
        if not order:
            self.focus_key = None
            return
        if self.focus_key in order:
            i = (order.index(self.focus_key) + step) % len(order)
        else:
            i = 0 if step > 0 else len(order) - 1
        self.focus_key = order[i]

    def update(self, dt: float) -> None:
        """Advance timers; never called to draw."""

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the scene below the pygame_gui elements. Must not change any state."""

    def hover_tip(self, pos: tuple[int, int]) -> list[str] | None:
        """The tooltip for a custom-drawn thing under the mouse, if any."""
        return None

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Draw above the pygame_gui elements: the focus ring and the tooltip."""
        app = self.app
        if self.focus_key in self.buttons:
            focus_ring(surface, self.buttons[self.focus_key].rect, app.colours)
        pos = app.mouse_pos
        lines: list[str] | None = None
        for key, b in self.buttons.items():
            if key in self.tips and b.visible and b.rect.collidepoint(pos):
                lines = self.tips[key]
                break
        if lines is None:
            lines = self.hover_tip(pos)
        if lines is None and app.keyboard_mode and self.focus_key in self.tips:
            b = self.buttons[self.focus_key]
            lines, pos = self.tips[self.focus_key], (b.rect.right - 40, b.rect.bottom - 16)
        if lines:
            tooltip(surface, lines, pos, app.fonts, app.colours)


def is_button_event(event: pygame.event.Event) -> bool:
    return bool(event.type == pygame_gui.UI_BUTTON_PRESSED)
