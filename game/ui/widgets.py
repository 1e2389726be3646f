"""Custom-drawn pieces shared by the screens: wrapped plain text, a scrolling text view,
tooltips, panels and the keyboard focus ring. Text drawn here is never parsed as markup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pygame

from game.i18n import ngettext
from game.ui.text import cut
from game.ui.theme import Colour, Colours, Fonts

Style = str
"""A paragraph style: body, small, bold, heading, subheading, title, dim, good, bad, history,
accent, small-accent."""

cut_log: list[tuple[str, str]] | None = None
"""When a list (tests set one), every text shortened to fit is recorded as (full, shown)."""


def fit(text: str, font: pygame.font.Font, width: int, log: bool = True) -> str:
    """``text`` as drawn in ``width`` pixels: whole, or cut with an ellipsis (and logged)."""
    if font.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if font.size(_cut_end(text[:mid]) + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    shown = _cut_end(text[:lo]) + "…"
    if cut_log is not None and log:
        cut_log.append((text, shown))
    return shown


def _cut_end(text: str) -> str:
    """A cut text's end without blanks or a separator ("Towards Poland ·" -> "Towards
    Poland"), so that its ellipsis follows a word."""
    return text.rstrip().rstrip(SEPARATOR).rstrip()


def wrap_to(text: str, font: pygame.font.Font, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped into at most ``max_lines`` lines; the last is cut with an ellipsis if
    the text goes on."""
    pieces = _wrap(text, font, width)
    lines = [line for line, _joint in pieces]
    if len(lines) <= max_lines:
        return lines
    rest = "".join(line + joint for line, joint in pieces[max_lines - 1:]).strip()
    lines = lines[:max_lines - 1] + [fit(rest, font, width, False)]
    if cut_log is not None:
        cut_log.append((text, " ".join(lines)))
    return lines


SEPARATOR = "·"
"""The dot between the parts of a line ("Towards Poland · 2 points left")."""
_PARTS = re.compile(r"( +" + SEPARATOR + " +)")
"""A separator between two parts, with its blanks (not one tied to its neighbour by a
no-break space, as in an action's cost, nor a dot opening a line)."""


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` pixels (words longer than a line are
    broken). A line of parts joined by " · " that does not fit breaks at a separator and
    drops it, so no line ends or starts with one ("Towards Poland" / "2 points left", not
    "Towards Poland ·" / "2 points left"); a part too long for a line wraps by its words."""
    return [line for line, _joint in _wrap(text, font, width)]


def _wrap(text: str, font: pygame.font.Font, width: int) -> list[tuple[str, str]]:
    """The lines of :func:`wrap`, each with what stood between it and the next line in the
    text (a blank, a separator, nothing inside a broken word), to join them again."""
    width = max(20, width)
    out: list[tuple[str, str]] = []
    for para in text.split("\n"):
        pieces = _PARTS.split(para)
        if len(pieces) == 1 or font.size(para)[0] <= width:
            out += _wrap_words(para, font, width)
            continue
        line = ""
        for k in range(0, len(pieces), 2):
            part, sep = pieces[k], pieces[k - 1] if k else ""
            if line and font.size(line + sep + part)[0] <= width:
                line += sep + part
                continue
            if line:
                out.append((line, sep))
            words = _wrap_words(part, font, width)
            out += words[:-1]
            line = words[-1][0]
        out.append((line, " "))
    return out


def _wrap_words(para: str, font: pygame.font.Font, width: int) -> list[tuple[str, str]]:
    """One paragraph wrapped at its blanks (each line with the blank after it; "" inside a
    word broken for being longer than a line)."""
    out: list[tuple[str, str]] = []
    words = para.split(" ")
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if font.size(candidate)[0] <= width:
            line = candidate
            continue
        if line:
            out.append((line, " "))
        while font.size(word)[0] > width and len(word) > 1:
            # Break an over-long word at the widest prefix that fits.
            lo, hi = 1, len(word)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if font.size(word[:mid])[0] <= width:
                    lo = mid
                else:
                    hi = mid - 1
            out.append((word[:lo], ""))
            word = word[lo:]
        line = word
    out.append((line, " "))
    return out


def style_font(fonts: Fonts, style: Style) -> pygame.font.Font:
    if style == "title":
        return fonts.title()
    if style == "heading":
        return fonts.heading()
    if style in ("small", "dim", "small-accent"):
        return fonts.small()
    if style in ("bold", "subheading"):
        return fonts.get(15, bold=True)
    return fonts.body()


def style_colour(colours: Colours, style: Style) -> Colour:
    return {"dim": colours.dim, "good": colours.good, "bad": colours.bad,
            "history": colours.history, "subheading": colours.history,
            "accent": colours.accent, "small-accent": colours.accent, "heading": colours.accent,
            "title": colours.text}.get(style, colours.text)


def draw_text(surface: pygame.Surface, text: str, pos: tuple[int, int], font: pygame.font.Font,
              colour: Colour, max_width: int | None = None, align: str = "left") -> pygame.Rect:
    """Draw one line of text (cut with an ellipsis to ``max_width``); return its rect."""
    if max_width is not None:
        text = fit(text, font, max_width)
    img = font.render(text, True, colour)
    r = img.get_rect()
    if align == "center":
        r.midtop = pos
    elif align == "right":
        r.topright = pos
    else:
        r.topleft = pos
    surface.blit(img, r)
    return r


def draw_lines(surface: pygame.Surface, lines: list[tuple[str, Style]], rect: pygame.Rect,
               fonts: Fonts, colours: Colours) -> int:
    """Draw wrapped paragraphs into ``rect`` (clipped); return the height used."""
    y = rect.y
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for text, style in lines:
        font = style_font(fonts, style)
        for line in wrap(cut(text), font, rect.width):
            if y > rect.bottom:
                break
            surface.blit(font.render(line, True, style_colour(colours, style)), (rect.x, y))
            y += font.get_linesize()
        y += font.get_linesize() // 4
    surface.set_clip(clip)
    return y - rect.y


@dataclass
class ScrollText:
    """Paragraphs of plain text in a rect, wrapped once and scrolled by wheel or keys."""

    rect: pygame.Rect
    paragraphs: list[tuple[str, Style]]
    fonts: Fonts
    colours: Colours
    offset: int = 0
    pictures: dict[str, pygame.Surface] = field(default_factory=dict)
    """Drawings in the text: a paragraph of style ``"picture"`` is the picture of its key."""
    _lines: list[tuple[pygame.Surface, int]] = field(default_factory=list)
    _height: int = 0

    def __post_init__(self) -> None:
        self.relayout()

    def relayout(self) -> None:
        self._lines = []
        y = 0
        width = max(40, self.rect.width - 14)
        for text, style in self.paragraphs:
            if style == "picture":
                picture = self.pictures.get(text)
                if picture is not None:
                    self._lines.append((picture, y))
                    y += picture.get_height() + self.fonts.body().get_linesize() // 3
                continue
            font = style_font(self.fonts, style)
            colour = style_colour(self.colours, style)
            if style in ("heading", "title") and y:
                y += font.get_linesize() // 2
            for line in wrap(cut(text), font, width):
                self._lines.append((font.render(line, True, colour) if line else
                                    pygame.Surface((1, 1), pygame.SRCALPHA), y))
                y += font.get_linesize()
            y += font.get_linesize() // 3
        self._height = y
        self.offset = max(0, min(self.offset, self.max_offset))

    @property
    def content_height(self) -> int:
        """Height of the whole text, wrapped."""
        return self._height

    @property
    def max_offset(self) -> int:
        return max(0, self._height - self.rect.height)

    def scroll(self, dy: int) -> None:
        self.offset = max(0, min(self.max_offset, self.offset + dy))

    def handle(self, event: pygame.event.Event) -> bool:
        """Scroll on the mouse wheel over the view; return True if the event was used."""
        if event.type == pygame.MOUSEWHEEL:
            if self.rect.collidepoint(pygame.mouse.get_pos()):
                self.scroll(-event.y * 40)
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip))
        for img, y in self._lines:
            yy = self.rect.y + y - self.offset
            if yy + img.get_height() < self.rect.y:
                continue
            if yy > self.rect.bottom:
                break
            surface.blit(img, (self.rect.x, yy))
        surface.set_clip(clip)
        if self.max_offset:
            track = pygame.Rect(self.rect.right - 6, self.rect.y, 5, self.rect.height)
            pygame.draw.rect(surface, self.colours.panel_edge, track, border_radius=2)
            h = max(20, self.rect.height * self.rect.height // max(1, self._height))
            y = self.rect.y + (self.rect.height - h) * self.offset // max(1, self.max_offset)
            pygame.draw.rect(surface, self.colours.accent, (track.x, y, 5, h), border_radius=2)


def panel(surface: pygame.Surface, rect: pygame.Rect, colours: Colours,
          title: str | None = None, fonts: Fonts | None = None) -> pygame.Rect:
    """Draw a panel; return the inner rect below its title."""
    pygame.draw.rect(surface, colours.panel, rect, border_radius=6)
    pygame.draw.rect(surface, colours.panel_edge, rect, 1, border_radius=6)
    inner = rect.inflate(-16, -12)
    if title and fonts:
        r = draw_text(surface, title, inner.topleft, fonts.heading(), colours.accent, inner.width)
        inner = pygame.Rect(inner.x, r.bottom + 4, inner.width, max(0, inner.bottom - r.bottom - 4))
    return inner


def dim(surface: pygame.Surface, alpha: int = 170) -> None:
    """Darken everything drawn so far (behind a dialog)."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((8, 10, 14, alpha))
    surface.blit(shade, (0, 0))


def tooltip(surface: pygame.Surface, lines: list[str], pos: tuple[int, int], fonts: Fonts,
            colours: Colours, max_width: int = 420, beside: pygame.Rect | None = None) -> None:
    """Draw a tooltip box near ``pos``, kept inside the window, with its whole text: wrapped
    to ``max_width`` (scaled), and wider, up to the window's width, where that is too tall
    for the window. With ``beside`` (the map under the mouse), the box goes to the side of
    that rectangle with the more room, if it fits there whole, so that it hides none of it
    (play-test: at 800x500 a nation's tooltip covered most of the map)."""
    if not lines:
        return
    font = fonts.small()
    lh = font.get_linesize()
    room_w = surface.get_width() - 8 - 20  # the box's margins (4) and its text's (10)
    room_h = surface.get_height() - 8 - 14
    width = max(20, int(min(max_width * fonts.scale, room_w)))
    if beside is not None:
        right = surface.get_width() - beside.right - 8
        left = beside.x - 8
        side = max(right, left) - 20
        if side >= 160 * fonts.scale:
            narrow = min(width, side)
            wrapped = [(part, i == 0) for i, line in enumerate(lines)
                       for part in wrap(cut(line), font, narrow)]
            if lh * len(wrapped) <= room_h:
                w = max(font.size(t)[0] for t, _ in wrapped) + 20
                h = lh * len(wrapped) + 14
                x = beside.right + 4 if right >= left else beside.x - w - 4
                y = max(4, min(pos[1] - h // 3, surface.get_height() - h - 4))
                _draw_tip(surface, pygame.Rect(x, y, w, h), wrapped, font, colours)
                return
    while True:
        wrapped = [(part, i == 0) for i, line in enumerate(lines)
                   for part in wrap(cut(line), font, width)]
        if lh * len(wrapped) <= room_h or width >= room_w:
            break
        width = min(room_w, width + max(40, width // 4))
    most = max(1, room_h // lh)
    if len(wrapped) > most:  # taller than the window even at its width: say what is left out
        more = len(wrapped) - most + 1
        wrapped = wrapped[:most - 1] + [(ngettext("[... {count} more line]",
                                                  "[... {count} more lines]", more).format(
            count=more), False)]
    w = min(width, max(font.size(t)[0] for t, _ in wrapped)) + 20
    h = lh * len(wrapped) + 14
    x = min(pos[0] + 16, surface.get_width() - w - 4)
    y = pos[1] + 20
    if y + h > surface.get_height() - 4:
        y = pos[1] - h - 8
    y = max(4, min(y, surface.get_height() - h - 4))
    _draw_tip(surface, pygame.Rect(max(4, x), y, w, h), wrapped, font, colours)


def _draw_tip(surface: pygame.Surface, box: pygame.Rect, wrapped: list[tuple[str, bool]],
              font: pygame.font.Font, colours: Colours) -> None:
    """A tooltip's box and its lines (the first, its heading, in the accent colour)."""
    lh = font.get_linesize()
    pygame.draw.rect(surface, (14, 17, 22), box, border_radius=5)
    pygame.draw.rect(surface, colours.accent, box, 1, border_radius=5)
    yy = box.y + 7
    for text, first in wrapped:
        surface.blit(font.render(text, True, colours.accent if first else colours.text),
                     (box.x + 10, yy))
        yy += lh


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, colours: Colours) -> None:
    pygame.draw.rect(surface, colours.focus, rect.inflate(6, 6), 3, border_radius=6)


Cell = str | list[tuple[str, Style]]
"""A table cell: plain text in the row's style, or paragraphs each in its own style."""


@dataclass
class ScrollTable(ScrollText):
    """Rows of cells in columns (fractions of the width), wrapped once, scrolled like text.

    ``paragraphs`` is unused; ``rows`` holds (cells, style) with the first row the header; a
    cell is a text or a list of (text, style) paragraphs."""

    rows: list[tuple[list[Cell], Style]] = field(default_factory=list)
    columns: tuple[float, ...] = (1.0,)
    _items: list[tuple[pygame.Surface, int, int]] = field(default_factory=list)
    _rules: list[int] = field(default_factory=list)

    def relayout(self) -> None:
        self._items = []
        self._rules = []
        width = max(60, self.rect.width - 14)
        xs = [0]
        for frac in self.columns:
            xs.append(xs[-1] + int(width * frac))
        y = 0
        for n, (cells, style) in enumerate(self.rows):
            font = style_font(self.fonts, "bold" if n == 0 else style)
            colour = style_colour(self.colours, "accent" if n == 0 else style)
            height = 0
            for i, cell in enumerate(cells[: len(self.columns)]):
                cw = xs[i + 1] - xs[i] - 10
                yy = 0
                parts = [(cell, "")] if isinstance(cell, str) else cell
                for text, own in parts:
                    f = style_font(self.fonts, own) if own else font
                    c = style_colour(self.colours, own) if own else colour
                    for line in wrap(cut(text, 1200), f, cw)[:12]:
                        if line:
                            self._items.append((f.render(line, True, c), xs[i], y + yy))
                        yy += f.get_linesize()
                height = max(height, yy)
            y += height + 6
            self._rules.append(y - 3)
        self._height = y
        self.offset = max(0, min(self.offset, self.max_offset))

    def draw(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip))
        top, bottom = self.rect.y - self.offset, self.rect.bottom
        for y in self._rules:
            yy = top + y
            if self.rect.y <= yy <= bottom:
                pygame.draw.line(surface, self.colours.panel_edge, (self.rect.x, yy),
                                 (self.rect.right - 10, yy))
        for img, x, y in self._items:
            yy = top + y
            if yy + img.get_height() < self.rect.y or yy > bottom:
                continue
            surface.blit(img, (self.rect.x + x, yy))
        surface.set_clip(clip)
        if self.max_offset:
            track = pygame.Rect(self.rect.right - 6, self.rect.y, 5, self.rect.height)
            pygame.draw.rect(surface, self.colours.panel_edge, track, border_radius=2)
            h = max(20, self.rect.height * self.rect.height // max(1, self._height))
            y = self.rect.y + (self.rect.height - h) * self.offset // max(1, self.max_offset)
            pygame.draw.rect(surface, self.colours.accent, (track.x, y, 5, h), border_radius=2)


@dataclass
class ItemList(ScrollText):
    """Paragraphs of which some are items (``keys[i]`` not None): an item is highlighted under
    the mouse, selected by a click or the arrow keys, and opened by the scene that owns the
    list (a click, or Enter on the selected item)."""

    keys: list[str | None] = field(default_factory=list)
    selected: int = -1
    hovered: int = -1
    _spans: list[tuple[int, int]] = field(default_factory=list)

    def relayout(self) -> None:
        self._lines, self._spans = [], []
        y = 0
        width = max(40, self.rect.width - 24)
        for n, (text, style) in enumerate(self.paragraphs):
            font = style_font(self.fonts, style)
            colour = style_colour(self.colours, style)
            item = n < len(self.keys) and self.keys[n] is not None
            if style in ("heading", "title") and y:
                y += font.get_linesize() // 2
            top = y
            for line in wrap(cut(text), font, width):
                if line:
                    self._lines.append((font.render(line, True, colour), y))
                y += font.get_linesize()
            self._spans.append((top, y))
            y += 2 if item else font.get_linesize() // 3
        self._height = y
        self.offset = max(0, min(self.offset, self.max_offset))

    def draw(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip))
        for n, colour in ((self.hovered, self.colours.panel_edge), (self.selected, self.colours.focus)):
            if 0 <= n < len(self._spans):
                top, bottom = self._spans[n]
                box = pygame.Rect(self.rect.x, self.rect.y + top - self.offset - 1,
                                  self.rect.width - 10, bottom - top + 2)
                pygame.draw.rect(surface, colour, box, 1 if n == self.hovered else 2,
                                 border_radius=4)
        surface.set_clip(clip)
        # The text sits a little right of the highlight frame.
        self.rect.x += 8
        try:
            super().draw(surface)
        finally:
            self.rect.x -= 8

    def item_at(self, pos: tuple[int, int]) -> int:
        """The paragraph index of the item under ``pos``, or -1."""
        if not self.rect.collidepoint(pos):
            return -1
        y = pos[1] - self.rect.y + self.offset
        for n, (top, bottom) in enumerate(self._spans):
            if top <= y < bottom + 2 and n < len(self.keys) and self.keys[n] is not None:
                return n
        return -1

    def key(self, n: int) -> str | None:
        return self.keys[n] if 0 <= n < len(self.keys) else None

    def move(self, step: int) -> None:
        """Select the next (step > 0) or previous item and scroll it into view."""
        items = [n for n, k in enumerate(self.keys) if k is not None]
        if not items:
            return
        if self.selected in items:
            i = max(0, min(len(items) - 1, items.index(self.selected) + step))
        else:
            i = 0 if step > 0 else len(items) - 1
        self.selected = items[i]
        top, bottom = self._spans[self.selected]
        if top - self.offset < 0:
            self.offset = max(0, top - 30)
        elif bottom - self.offset > self.rect.height:
            self.offset = min(self.max_offset, bottom - self.rect.height + 30)
