"""The standing policies' panel on the map screen: each policy, its options as buttons (the
one chosen now in green) and under each what it does at the end of every turn. It sits where
the map is while open (P, or the Policies button); a click or Enter on an option sets it.

The panel lays itself out in a rect and adds its buttons to the scene; the scene turns a
press of ``pol:POLICY:OPTION`` into the move ``policy POLICY OPTION``. The tooltip of the
option under the mouse (or with the keyboard focus) stands beside the panel, never over the
other options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.present.standing_policies import PolicyView, per_turn_words, policy_views
from game.present.text import cut, one_line
from game.ui.widgets import draw_text, fit, panel, style_colour, style_font, tooltip, wrap, wrap_to

if TYPE_CHECKING:
    from game.core.engine import GameState
    from game.ui.scene import Scene

PREFIX = "pol:"
"""The start of an option button's key: ``pol:POLICY:OPTION``."""


def option_key(policy: str, option: str) -> str:
    return f"{PREFIX}{policy}:{option}"


def parse_key(key: str) -> tuple[str, str] | None:
    """(policy, option) of an option button's key, or None for another key."""
    if not key.startswith(PREFIX):
        return None
    policy, _sep, option = key[len(PREFIX):].partition(":")
    return (policy, option) if option else None


@dataclass
class PolicyPanel:
    """The panel as laid out: the text to draw and where; its buttons live in the scene."""

    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    texts: list[tuple[int, int, int, str, str]] = field(default_factory=list)
    """(x, y, width, text, style) of every line drawn."""
    page: int = 0
    pages: int = 1
    views: list[PolicyView] = field(default_factory=list)
    centred: tuple[int, int, str] | None = None
    """The page line between the page buttons: (centre x, y, text)."""
    tips: dict[str, list[str]] = field(default_factory=dict)
    """Each option's tooltip, by its button's key: drawn by :meth:`draw_tip` beside the
    panel, not by the scene over the next options."""

    def build(self, scene: Scene, state: GameState, rect: pygame.Rect) -> None:
        """Lay the panel out in ``rect`` and add its buttons (options, close, pages)."""
        self.rect = pygame.Rect(rect)
        self.texts = []
        self.centred = None
        self.tips = {}
        self.views = policy_views(state)
        f = scene.app.fonts
        px = scene.px
        inner = rect.inflate(-px(16), -px(12))
        heading = f.heading()
        small = f.small()
        bold = f.get(15, True)
        lh = small.get_linesize()
        close = _("Close [Esc]")
        cw = scene.button_font("@small").size(close)[0] + px(24)
        scene.button("close_policies", pygame.Rect(inner.right - cw, inner.y, cw, px(30)), close,
                     "@small")
        title_w = inner.width - cw - px(8)
        self.texts.append((inner.x, inner.y, title_w, fit(_("Standing policies"), heading,
                                                           title_w), "heading"))
        y = inner.y + max(heading.get_linesize(), px(30)) + px(4)
        for line in wrap(_("Each option acts at the end of every turn until you change it; "
                           "a change is free. Tab or the arrows pick an option, Enter sets "
                           "it."), small, inner.width):
            self.texts.append((inner.x, y, inner.width, line, "dim"))
            y += lh
        y += px(6)
        button_font = scene.button_font()
        one_h = max(px(30), button_font.get_linesize() + px(8))
        gap = px(8)
        top = y
        bottom = inner.bottom - px(40)

        Button = tuple[str, pygame.Rect, str, str, list[str], list[str]]
        Line = tuple[int, int, int, str, str]
        Piece = tuple[int, list[Line], list[Button]]

        def pieces(view: PolicyView) -> list[Piece]:
            """One policy laid out in the pieces a page may end between, each from y = 0 (its
            height, its lines, its buttons: key, rect, label, style, tooltip, label lines):
            its name and description with its first row of options, then each further row
            (the options side by side, or one option each)."""
            lines: list[Line] = []
            out: list[Piece] = []
            h = 0
            lines.append((inner.x, h, inner.width, fit(view.name, bold, inner.width), "bold"))
            h += bold.get_linesize()
            if view.description:
                for line in wrap_to(view.description, small, inner.width, 2):
                    lines.append((inner.x, h, inner.width, line, "dim"))
                    h += lh
            h += px(4)
            n = len(view.options)
            col = (inner.width - gap * (n - 1)) // max(1, n)
            side_by_side = col >= px(150)
            w = col if side_by_side else inner.width
            # A name too long for its button goes on two lines (all the row's buttons as
            # tall), painted by the scene over the button.
            faces = [wrap_to(o.name, button_font, w - px(22), 2) for o in view.options]
            face_h = one_h + (max(len(f) for f in faces) - 1) * button_font.get_linesize() \
                if faces else one_h
            x = inner.x
            row_h = 0
            buttons: list[Button] = []
            for option, face in zip(view.options, faces, strict=True):
                bh = face_h if side_by_side else \
                    one_h + (len(face) - 1) * button_font.get_linesize()
                effect = wrap(per_turn_words(option), small, w - px(6))
                label = option.name
                if option.chosen:  # said in words too, not by the button's colour alone
                    effect = wrap_to(_("Chosen now"), small, w - px(6), 1) + effect
                tip = [option.name] + ([cut(option.description, 500)] if option.description
                                       else [])
                tip.append(per_turn_words(option))
                tip.append(_("Chosen now") if option.chosen else
                           _("Click or press Enter to choose it: free, and it counts from the "
                             "end of this turn."))
                # Neutral ink: a standing policy trades one aim against another, and no
                # colour says which is best.
                style = "small" if option.effects else "dim"
                buttons.append((option_key(view.id, option.id),
                                pygame.Rect(x, h, w, bh), label,
                                "@taken" if option.chosen else "", tip, face))
                for k, line in enumerate(effect):
                    lines.append((x + px(4), h + bh + px(2) + k * lh, w - px(6), line,
                                  "small-accent" if option.chosen and k == 0 else style))
                used = bh + px(2) + len(effect) * lh
                if side_by_side:
                    x += col + gap
                    row_h = max(row_h, used)
                else:
                    out.append((h + used + px(4), lines, buttons))
                    lines, buttons, h = [], [], 0
            if side_by_side or not out:
                out.append((h + row_h, lines, buttons))
            last_h, last_lines, last_buttons = out[-1]
            out[-1] = (last_h + px(10), last_lines, last_buttons)
            return out

        def continued(view: PolicyView) -> Piece:
            """The heading of a policy whose options go on from the page before."""
            name = _("{policy} (continued)").format(policy=view.name)
            return (bold.get_linesize() + px(4),
                    [(inner.x, 0, inner.width, fit(name, bold, inner.width), "bold")], [])

        pages: list[list[Piece]] = [[]]
        used = 0
        for view in self.views:
            for k, piece in enumerate(pieces(view)):
                if pages[-1] and top + used + piece[0] > bottom:
                    pages.append([])
                    used = 0
                    if k:
                        pages[-1].append(continued(view))
                        used += pages[-1][-1][0]
                pages[-1].append(piece)
                used += piece[0]
        self.pages = len(pages)
        self.page = max(0, min(self.page, self.pages - 1))
        y = top
        for h, lines, buttons in pages[self.page]:
            for x, yy, w, text, style in lines:
                self.texts.append((x, y + yy, w, text, style))
            for key, r, label, style, tip, face in buttons:
                scene.button(key, r.move(0, y), label, style or None,
                             lines=face if len(face) > 1 else None)
                self.tips[key] = tip
            y += h
        if not self.views:
            self.texts.append((inner.x, top, inner.width,
                               _("This scenario has no standing policies."), "dim"))
        if self.pages > 1:
            yb = inner.bottom - px(32)
            scene.button("pol_prev", pygame.Rect(inner.x, yb, px(110), px(32)), _("« Back"),
                         "@small", enabled=self.page > 0)
            scene.button("pol_next", pygame.Rect(inner.right - px(110), yb, px(110), px(32)),
                         _("More »"), "@small", enabled=self.page < self.pages - 1)
            self.centred = (inner.centerx, yb + px(6), _("page {page} of {pages}").format(
                page=self.page + 1, pages=self.pages))

    def first_key(self) -> str | None:
        """The chosen option of the first policy on the page (the focus when the panel opens),
        else the first option on it."""
        for view in self.views:
            for option in view.options:
                if option.chosen and option_key(view.id, option.id) in self.tips:
                    return option_key(view.id, option.id)
        return next(iter(self.tips), None)

    def draw(self, surface: pygame.Surface, scene: Scene) -> None:
        c, f = scene.app.colours, scene.app.fonts
        panel(surface, self.rect, c)
        for x, y, _w, text, style in self.texts:
            # Lines wrapped to their width when laid out: drawn as they are.
            surface.blit(style_font(f, style).render(text, True, style_colour(c, style)),
                         (x, y))
        if self.centred is not None:
            x, y, text = self.centred
            draw_text(surface, text, (x, y), f.small(), c.dim, align="center")


    def tip_target(self, scene: Scene) -> str | None:
        """The option whose tooltip shows: the one under the mouse, else (playing by keyboard,
        the mouse on nothing else that has a tooltip) the one with the focus."""
        pos = scene.app.mouse_pos
        for key in self.tips:
            b = scene.buttons.get(key)
            if b is not None and b.visible and b.rect.collidepoint(pos):
                return key
        if not scene.app.keyboard_mode or scene.focus_key not in self.tips:
            return None
        if any(key in scene.tips and b.visible and b.rect.collidepoint(pos)
               for key, b in scene.buttons.items()) or scene.hover_tip(pos):
            return None  # the scene shows that one
        return scene.focus_key

    def tip_place(self, scene: Scene, key: str, screen: pygame.Rect,
                  ) -> tuple[tuple[int, int], int] | None:
        """Where an option's tooltip goes on ``screen``: beside the panel, level with the
        option, on the side with more room (the actions' column, else the aims'). Returns the
        point :func:`game.ui.widgets.tooltip` is drawn from and the width of its text, or
        None if neither side has room."""
        b = scene.buttons.get(key)
        if b is None:
            return None
        gap = scene.px(8)
        right = screen.right - self.rect.right - 2 * gap
        left = self.rect.left - screen.left - 2 * gap
        room = max(right, left) - 2 * TIP_MARGIN
        if room < scene.px(100):
            return None
        if right >= left:
            x = self.rect.right + gap
        else:  # as wide as its text, its right edge by the panel
            font = scene.app.fonts.small()
            text = min(room, max(font.size(t)[0] for t in self.tips[key]))
            x = self.rect.left - gap - text - 2 * TIP_MARGIN
        # tooltip() draws its box 16 px right of and 20 px below the point (above it where
        # there is no room below).
        return (x - 16, b.rect.top - 20), room

    def draw_tip(self, surface: pygame.Surface, scene: Scene) -> None:
        """Draw the tooltip of the option under the mouse or with the focus, beside the panel
        (over the actions' or the aims' column), so that it hides none of the options."""
        key = self.tip_target(scene)
        place = self.tip_place(scene, key, surface.get_rect()) if key else None
        if key is None or place is None:
            return
        pos, width = place
        f = scene.app.fonts
        tooltip(surface, self.tips[key], pos, f, scene.app.colours,
                max_width=int(width / f.scale))


TIP_MARGIN = 10
"""The tooltip's margin each side of its text (see :func:`game.ui.widgets.tooltip`)."""


def option_names(state: GameState) -> list[str]:
    """Each policy and the option chosen now, one line each (the button's tooltip)."""
    return [_("{policy}: {option}").format(policy=v.name, option=one_line(v.chosen_name, 60))
            for v in policy_views(state)]

