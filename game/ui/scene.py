"""The base of every screen: its pygame_gui buttons, keyboard focus, tooltips and hooks.

A scene builds its elements for the current layout in :meth:`Scene.build`,
turns clicks and keys into engine moves or scene changes, and draws the state
in :meth:`Scene.draw`, which never changes anything. Only the top scene has
live elements: a scene covered by another is cleared, and built again when it
is uncovered or the window changes size.

A scene knows its window only as a :class:`game.ui.nav.Stage`, and asks it for
other screens; it never imports the app or another screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton

from game.ui.text import one_line
from game.ui.theme import MIN_FONT_PX, Colour
from game.ui.widgets import fit, focus_ring, tooltip

if TYPE_CHECKING:
    from pygame_gui.core.interfaces import IUIElementInterface

    from game.ui.nav import Stage


class Scene:
    """One screen on the stack."""

    modal = False
    """A modal scene is drawn over the scene below it, which stays visible (dimmed)."""

    title = ""

    _extra_focus: tuple[str, ...] = ()
    """Focus keys that are not buttons (a text box), kept across a rebuild."""

    def __init__(self, app: Stage) -> None:
        self.app = app
        self.buttons: dict[str, UIButton] = {}
        self.tips: dict[str, list[str]] = {}
        self.focus_order: list[str] = []
        self.focus_key: str | None = None
        self._elements: list[IUIElementInterface] = []
        self._keys: dict[int, str] = {}
        self._text_images: dict[tuple[str, tuple[int, int, int], int], pygame.Surface] = {}
        self.faces: dict[str, tuple[list[str], str | None]] = {}
        """Buttons whose label the scene paints itself, on several lines."""
        self.ghosts: list[tuple[pygame.Rect, str, str | None, bool]] = []
        """The buttons as pictures (rect, label, style, enabled), drawn while the scene is
        covered by a modal one and its real buttons are gone."""

    # -- layout helpers ------------------------------------------------------------------
    def px(self, value: float) -> int:
        """A length at scale 1, in pixels at the current UI scale."""
        return round(value * self.app.scale)

    @property
    def area(self) -> pygame.Rect:
        return self.app.layout_rect

    def button(self, key: str, rect: pygame.Rect, text: str, style: str | None = None,
               tip: list[str] | None = None, enabled: bool = True,
               focusable: bool = True, lines: list[str] | None = None) -> UIButton:
        """Add a button; ``key`` is what :meth:`on_button` receives when it is pressed. A label
        too long for the button is cut with an ellipsis (the tooltip should hold it whole).
        With ``lines``, the scene paints the label itself over the button, on as many lines
        (pygame_gui's buttons have one); the button keeps ``text`` whole."""
        self.app.gui_changed = True
        rect = pygame.Rect(rect)
        label = one_line(text, 120)
        if lines is None:
            size, _, centred = self._button_look(style)
            room = rect.width - (14 if centred else 24)
            # No glyph is wider than 1 em: a label that short surely fits, and needs no font
            # loaded to measure it (start-up time).
            if len(label) * max(MIN_FONT_PX, size * self.app.scale) > room:
                label = fit(label, self.button_font(style), room)
        b = UIButton(rect, label, manager=self.app.manager,
                     object_id=ObjectID(class_id=style, object_id=None) if style else None)
        if lines is not None:
            self.faces[key] = (lines, style)
        self.ghosts.append((rect, "\n".join(lines) if lines is not None else label, style,
                            enabled))
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

    def _button_look(self, style: str | None) -> tuple[int, bool, bool]:
        """(font size at scale 1, bold, centred) of a button style, from the theme."""
        size, bold, centred = 15, False, False
        for block in self._theme_blocks(style):
            font = block.get("font")
            if isinstance(font, dict):
                try:
                    size = int(float(font.get("size", size)))
                except (TypeError, ValueError):
                    pass
                bold = str(font.get("bold", "1" if bold else "0")) == "1"
            misc = block.get("misc")
            if isinstance(misc, dict) and "text_horiz_alignment" in misc:
                centred = misc["text_horiz_alignment"] == "center"
        return size, bold, centred

    def _theme_blocks(self, style: str | None) -> list[dict[str, object]]:
        """The theme's blocks that style a button, most general first."""
        blocks = (self.app.theme.get(name) for name in ("defaults", "button", style or ""))
        return [b for b in blocks if isinstance(b, dict)]

    def _button_colour(self, style: str | None, name: str, default: Colour) -> Colour:
        """A colour of a button style from the theme (``normal_bg``, ``hovered_border`` ...)."""
        colour = default
        for block in self._theme_blocks(style):
            colours = block.get("colours")
            value = colours.get(name) if isinstance(colours, dict) else None
            if isinstance(value, str) and len(value) == 7 and value.startswith("#"):
                try:
                    colour = (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
                except ValueError:
                    pass
        return colour

    def button_font(self, style: str | None = None) -> pygame.font.Font:
        """The font a button of ``style`` is labelled in (to measure labels)."""
        size, bold, _ = self._button_look(style)
        return self.app.fonts.get(size, bold)

    def add(self, element: IUIElementInterface) -> None:
        self.app.gui_changed = True
        self._elements.append(element)

    # -- lifecycle -----------------------------------------------------------------------
    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Create the scene's elements for ``self.area`` and the UI scale."""

    def clear(self, keep_ghosts: bool = False) -> None:
        if not keep_ghosts:
            self.ghosts = []
            self._text_images.clear()
        if self._elements:
            self.app.gui_changed = True
        for e in self._elements:
            e.kill()  # type: ignore[no-untyped-call]
        self._elements.clear()
        self.buttons.clear()
        self.faces.clear()
        self.tips.clear()
        self._keys.clear()
        self.focus_order.clear()

    def rebuild(self) -> None:
        key = self.focus_key
        self.clear()
        self.build()
        if key in self.focus_order:
            self.focus_key = key
        elif self.focus_key not in self.focus_order and self.focus_key not in self._extra_focus:
            self.focus_key = None  # else: the focus the scene gave while it was built

    def pause(self) -> None:
        self.clear(keep_ghosts=True)

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

    def reading_order(self, keys: list[str]) -> list[str]:
        """``keys`` (buttons) in reading order: rows from top to bottom, each left to right. A
        button belongs to the row of the first button above it whose height it overlaps."""
        rects = {k: self.buttons[k].rect for k in keys if k in self.buttons}
        rows: list[tuple[pygame.Rect, list[str]]] = []
        for k in sorted(rects, key=lambda k: (rects[k].top, rects[k].left)):
            r = rects[k]
            if rows and r.top < rows[-1][0].bottom and r.centery < rows[-1][0].bottom:
                rows[-1][1].append(k)
            else:
                rows.append((r, [k]))
        return [k for _r, row in rows for k in sorted(row, key=lambda k: rects[k].left)]

    def move_focus(self, step: int) -> None:
        """Tab and the arrows: the next (or previous) button in reading order."""
        order = self.reading_order([k for k in self.focus_order if k in self.buttons
                                    and self.buttons[k].is_enabled and self.buttons[k].visible])
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

    def _paint_button(self, surface: pygame.Surface, rect: pygame.Rect, label: str,
                      style: str | None, enabled: bool, hovered: bool = False) -> None:
        """A button's look drawn by the scene: its background, edge and label lines."""
        state = "hovered" if hovered else "normal" if enabled else "disabled"
        bg = self._button_colour(style, f"{state}_bg", (43, 52, 64))
        edge = self._button_colour(style, f"{state}_border", (86, 101, 122))
        ink = self._button_colour(style, f"{state}_text", (236, 230, 214))
        pygame.draw.rect(surface, bg, rect, border_radius=4)
        pygame.draw.rect(surface, edge, rect, 1, border_radius=4)
        font = self.button_font(style)
        lines = label.split("\n")
        lh = font.get_linesize()
        y = rect.centery - lh * len(lines) // 2
        for line in lines:
            img = self._text_images.get((line, ink, id(font)))
            if img is None:  # painted every frame while on top: rendered once
                img = self._text_images[(line, ink, id(font))] = font.render(line, True, ink)
            r = img.get_rect(centerx=rect.centerx, y=y)
            if not self._button_look(style)[2]:
                r.x = rect.x + 10
            surface.blit(img, r)
            y += lh

    def draw_ghosts(self, surface: pygame.Surface) -> None:
        """Draw the buttons as pictures (the scene is covered; its real buttons are gone)."""
        for rect, label, style, enabled in self.ghosts:
            self._paint_button(surface, rect, label, style, enabled)

    def draw_faces(self, surface: pygame.Surface) -> None:
        """Paint the labels of the buttons that have several lines, over the real buttons."""
        for key, (lines, style) in self.faces.items():
            b = self.buttons.get(key)
            if b is None or not b.visible:
                continue
            self._paint_button(surface, b.rect, "\n".join(lines), style, b.is_enabled,
                               bool(b.hovered))

    def hover_tip(self, pos: tuple[int, int]) -> list[str] | None:
        """The tooltip for a custom-drawn thing under the mouse, if any."""
        return None

    def tip_beside(self, pos: tuple[int, int]) -> pygame.Rect | None:
        """What the tooltip of :meth:`hover_tip` at ``pos`` should be put beside rather than
        over (a map), if anything."""
        return None

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Draw above the pygame_gui elements: the focus ring and the tooltip."""
        app = self.app
        if self.faces:
            self.draw_faces(surface)
        if self.focus_key in self.buttons:
            focus_ring(surface, self.buttons[self.focus_key].rect, app.colours)
        pos = app.mouse_pos
        lines: list[str] | None = None
        for key, b in self.buttons.items():
            if key in self.tips and b.visible and b.rect.collidepoint(pos):
                lines = self.tips[key]
                break
        beside = None
        if lines is None:
            lines = self.hover_tip(pos)
            beside = self.tip_beside(pos) if lines else None
        if lines is None and app.keyboard_mode and self.focus_key in self.tips:
            b = self.buttons[self.focus_key]
            lines, pos = self.tips[self.focus_key], (b.rect.right - 40, b.rect.bottom - 16)
        if lines:
            tooltip(surface, lines, pos, app.fonts, app.colours, beside=beside)


def is_button_event(event: pygame.event.Event) -> bool:
    return bool(event.type == pygame_gui.UI_BUTTON_PRESSED)
