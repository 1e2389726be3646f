"""The news card: what happened at the start of a turn (how the last turn's gambles came out,
then the events that ask nothing of the player, up to the first question), each with its text
and its "what really happened" note; after a question is answered, a card of the turn's news
dated after it. Also opened from the news log for any one event, answer or action."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.present.dates import event_date, turn_date, turn_months
from game.present.gambles import outcome_told
from game.present.history_note import note_paragraphs
from game.present.told import event_text
from game.ui.news_items import CardItem
from game.ui.scene import Scene
from game.ui.text import one_line
from game.ui.widgets import ScrollText, dim, draw_text, panel

if TYPE_CHECKING:
    from game.core.engine import GameState
    from game.ui.nav import Stage


def item_paragraphs(state: GameState, item: CardItem) -> list[tuple[str, str]]:
    """The card's text of one item: title, date, text, then its history note."""
    rules = state.rules
    scn = rules.scenario
    date = turn_date(rules, item.turn)
    if item.kind == "action":
        action = scn.actions[item.index]
        return [(action.name, "heading"), (_("{date} · your action").format(date=date), "dim"),
                (action.description, "body"),
                *note_paragraphs(action.history, heading_style="subheading",
                                 player=scn.player)]
    if item.kind == "outcome":
        return outcome_paragraphs(state, item)
    ev = scn.events[item.index]
    out: list[tuple[str, str]] = [(ev.title, "heading"),
                                  (event_date(rules, item.index, item.turn), "dim"),
                                  (event_text(state, item.index), "body")]
    mine = hist = None
    if ev.choices:
        answered = state.answer(ev.id)
        if answered is None:  # not answered yet: the note is not shown, so the choice stays free
            return out + [(_("Its history note is shown once you have answered it."), "dim")]
        mine = next(c.label for c in ev.choices if c.id == answered)
        h = rules.events[item.index].historical_choice
        hist = ev.choices[h].label if h >= 0 else None
    return out + note_paragraphs(ev.history, hist, mine, heading_style="subheading",
                               player=scn.player)


def outcome_paragraphs(state: GameState, item: CardItem) -> list[tuple[str, str]]:
    """The card's text of a gamble's result: how it came out, what the scenario tells of it
    and what it changed."""
    entry = next((e for e in state.iter_log_reversed() if e.kind == "outcome"
                  and e.index == item.index and e.turn == item.turn), None)
    if entry is None:
        return []
    heading, text, changes = outcome_told(state, entry)
    out = [(heading, "heading"),
           (_("{date} · decided by chance at the end of the turn").format(
               date=turn_date(state.rules, item.turn)), "dim")]
    if text:
        out.append((text, "body"))
    if changes:
        out.append((_("What it changed: {changes}").format(changes=changes), "accent"))
    return out


class NewsCardScene(Scene):
    """A dialog of news items; Enter, Esc or the Continue button close it."""

    modal = True
    title = N_("News")

    def __init__(self, app: Stage, items: list[CardItem], heading: str, then_flow: bool = True,
                 later: bool = False) -> None:
        super().__init__(app)
        self.items = items
        self.heading = heading
        self.then_flow = then_flow
        self.later = later
        """The turn's news that came after a question (not as the turn began)."""
        self.view: ScrollText | None = None
        self.box = pygame.Rect(0, 0, 0, 0)

    @classmethod
    def for_turn(cls, app: Stage) -> NewsCardScene | None:
        """The card of the current turn's news not told yet and due now (dated up to the
        question waiting, if any), or None if there is none (see
        :meth:`game.ui.session.Session.news_to_tell`)."""
        session = app.session
        assert session is not None
        state = session.state
        later = session.news_shown_turn == state.turn
        items = session.news_to_tell()
        if not items:
            return None
        rules = state.rules
        # A card after a question is dated by its first event: the turn went on since. A
        # turn's card names its months, as the top bar does ("Jul–Sep 1931").
        date = (event_date(rules, items[0].index, items[0].turn)
                if later and items[0].kind == "event" else turn_months(rules, state.turn))
        return cls(app, items, _("News: {date}").format(date=date), later=later)

    def build(self) -> None:
        app = self.app
        if app.session is None:
            return
        a = self.area
        self.box = pygame.Rect(0, 0, min(a.width - self.px(40), self.px(900)),
                               min(a.height - self.px(30), self.px(680)))
        self.box.center = a.center
        inner = self.box.inflate(-self.px(36), -self.px(28))
        bh = self.px(42)
        head = app.fonts.title().get_linesize() + app.fonts.small().get_linesize() + self.px(10)
        text_rect = pygame.Rect(inner.x, inner.y + head, inner.width,
                                inner.height - head - bh - self.px(12))
        paras: list[tuple[str, str]] = []
        state = app.session.state
        for n, item in enumerate(self.items):
            if n:
                paras.append(("", "body"))
            paras += item_paragraphs(state, item)
        offset = self.view.offset if self.view else 0
        self.view = ScrollText(text_rect, paras, app.fonts, app.colours, offset)
        # A short card is only as tall as its text.
        spare = text_rect.height - self.view.content_height - self.px(8)
        if spare > 0:
            self.box.height -= spare
            self.box.center = a.center
            inner = self.box.inflate(-self.px(36), -self.px(28))
            self.view.rect = pygame.Rect(inner.x, inner.y + head, inner.width,
                                         text_rect.height - spare)
        label = _("Continue  [Enter]")
        w = max(self.px(200), self.button_font("@primary").size(label)[0] + self.px(40))
        self.button("continue", pygame.Rect(inner.right - w, inner.bottom - bh, w, bh), label,
                    "@primary")
        self.focus_key = "continue"

    def on_button(self, key: str) -> None:
        if key == "continue":
            self.close()

    def close(self) -> None:
        self.app.pop()
        if self.then_flow:
            self.app.after_move()

    def on_escape(self) -> None:
        self.close()

    def on_enter(self) -> None:
        self.close()

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view and self.view.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if self.view and k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_DOWN, pygame.K_UP):
            step = self.view.rect.height - 40 if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) else 40
            self.view.scroll(step if k in (pygame.K_PAGEDOWN, pygame.K_DOWN) else -step)
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        dim(surface)
        inner = panel(surface, self.box, c)
        r = draw_text(surface, one_line(self.heading, 90), inner.topleft, f.title(), c.accent,
                      inner.width)
        if not self.then_flow:
            sub = _("What really happened, and the essay's verdict")
        elif self.later:
            sub = _("What happened next this turn, and what really happened (history notes)")
        else:
            sub = _("What happened as this turn began, and what really happened (history notes)")
        if self.view and self.view.max_offset:
            sub = _("{caption} · scroll: wheel, arrows, PgUp/PgDn").format(caption=sub)
        draw_text(surface, sub, (inner.x, r.bottom + self.px(2)), f.small(), c.dim, inner.width)
        if self.view:
            self.view.draw(surface)
