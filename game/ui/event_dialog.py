"""An event dialog: its text, the choices with what each means in the long run and its
expected effect, and the history note (before or after choosing, as the settings say).

When the note is shown only after choosing, the choice is final once the note is on screen:
neither "Change my choice" nor undo can take it back (else a student could copy history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.present.dates import event_date
from game.present.effects import choice_effect, diff
from game.present.gambles import gamble, gamble_lines, odds_line
from game.present.history_note import note_paragraphs
from game.present.player import the_name
from game.present.told import event_text
from game.ui.scene import Scene
from game.ui.text import cut, one_line
from game.ui.widgets import ScrollText, dim, draw_text, panel, wrap, wrap_to

if TYPE_CHECKING:
    from game.core.scenario import Choice, Event
    from game.ui.nav import Stage


class EventScene(Scene):
    modal = True
    title = N_("Event")

    def __init__(self, app: Stage) -> None:
        super().__init__(app)
        assert app.session is not None
        state = app.session.state
        pending = state.pending_event
        self.event_index = state.rules.event_index[pending] if pending is not None else -1
        self.turn = state.turn
        self.answered: int | None = None
        self.answer_effect = ""
        self.show_history = app.settings.history_notes == "before"
        self.read_first = self.show_history
        """True when the note was on screen before the player chose."""
        self.text_view: ScrollText | None = None
        self.hist_view: ScrollText | None = None
        self.lines: list[tuple[int, int, str, str]] = []
        """Text under the choice buttons: (x, y, text, style)."""
        self.box = pygame.Rect(0, 0, 0, 0)
        self.need = 0
        self.left = self.right = pygame.Rect(0, 0, 0, 0)
        self.viewport = pygame.Rect(0, 0, 0, 0)
        """Where the event's text and the choices are shown (below the title)."""
        self.told = ""
        """The event's text as shown (the variant this game told; cut if very long)."""
        self.doc_scroll = 0
        self.doc_max = 0
        """How far the text and the choices are scrolled, and can be (0: they fit)."""

    def build(self) -> None:
        """Lay the dialog out at the largest size the window allows, then again at the height
        its content needs (the event's text, the choices, the note), so that no large part of
        it stays empty; what is longer than the window scrolls."""
        app = self.app
        if app.session is None or self.event_index < 0:
            return
        a = self.area
        full = pygame.Rect(0, 0, min(a.width - self.px(30), self.px(1160)),
                           min(a.height - self.px(30), self.px(680)))
        self._lay_out(full)
        if self.need < full.height:
            self.clear(keep_ghosts=True)
            self._lay_out(pygame.Rect(0, 0, full.width, self.need))

    def _lay_out(self, box: pygame.Rect) -> None:
        app = self.app
        assert app.session is not None
        rules = app.session.state.rules
        ev = rules.scenario.events[self.event_index]
        f = app.fonts
        a = self.area
        self.box = pygame.Rect(box)
        self.box.center = a.center
        inner = self.box.inflate(-self.px(32), -self.px(28))
        note_open = self.show_history or self.answered is not None
        share = 58 if note_open else 66  # the note's column is narrow until it has a note
        gap = self.px(18)
        left = pygame.Rect(inner.x, inner.y, inner.width * share // 100, inner.height)
        right = pygame.Rect(left.right + gap, inner.y, inner.right - left.right - gap,
                            inner.height)
        self.left, self.right = left, right
        head = f.small().get_linesize() + f.title().get_linesize() + self.px(10)
        bh = max(self.px(34), self.button_font().get_linesize() + self.px(8))
        small = f.small()
        lh = small.get_linesize()
        self.lines = []
        y0 = left.y + head
        if self.answered is None:
            state = app.session.state
            told = self.told = cut(event_text(state, self.event_index))
            view_h = left.bottom - y0
            blocks = self._choice_blocks(ev, left.width - self.px(14))
            heights = [bh + self.px(4) + (len(d) + len(e)) * lh + self.px(10)
                       for _, d, e, _ in blocks]
            probe = ScrollText(pygame.Rect(left.x, y0, left.width, 10), [(told, "body")], f,
                               app.colours)
            text_need = max(probe.content_height, self.px(40))
            total = text_need + self.px(6) + sum(heights)
            left_need = head + total
            self.viewport = pygame.Rect(left.x, y0, left.width, view_h)
            if total <= view_h or sum(heights) + self.px(90) <= view_h:
                # The choices fit whole: the event's text has the rest (and scrolls if it
                # needs more), the choices under it.
                self.doc_scroll = self.doc_max = 0
                text_rect = pygame.Rect(left.x, y0, left.width,
                                        view_h - sum(heights) - self.px(6))
                self.text_view = ScrollText(text_rect, [(told, "body")], f, app.colours)
                y = text_rect.bottom + self.px(6)
            else:
                # The choices alone are too long for the window: the text and the choices
                # scroll together (wheel,
                # PgUp/PgDn); a choice's button shows while it is in view, and its number key
                # works always. Nothing is cut: its delayed consequences stay readable.
                self.text_view = None
                width = left.width - self.px(12)  # room for the scroll bar
                blocks = self._choice_blocks(ev, width - self.px(14))
                heights = [bh + self.px(4) + (len(d) + len(e)) * lh + self.px(10)
                           for _, d, e, _ in blocks]
                body = f.body()
                text_lines = wrap(told, body, width)
                text_need = len(text_lines) * body.get_linesize()
                total = text_need + self.px(6) + sum(heights)
                self.doc_max = max(0, total - view_h)
                self.doc_scroll = max(0, min(self.doc_scroll, self.doc_max))
                for k, line in enumerate(text_lines):
                    self._doc_line(left.x, y0 - self.doc_scroll + k * body.get_linesize(),
                                   line, "text", body.get_linesize())
                y = y0 - self.doc_scroll + text_need + self.px(6)
            for k, (c, desc, eff_lines, style) in enumerate(blocks):
                tip = [one_line(c.label, 100)] + ([cut(c.description, 500)] if c.description
                                                  else [])
                eff = choice_effect(state, c.id)
                odds = gamble(state, ev.id, c.id)
                if odds is not None:
                    tip.append(_("Sure now: {effect}").format(
                        effect=eff.text() if eff else "?"))
                    tip += [line.removeprefix("» ").strip() for line in gamble_lines(odds)]
                    tip.append(_("The odds follow the state: what you do before the turn "
                                 "ends can change them."))
                else:
                    tip.append(_("Expected effect: {effect}").format(effect=eff.text()) if eff
                               else _("Expected effect: unknown"))
                button = pygame.Rect(left.x, y, left.width - (self.px(12) if self.doc_max
                                                              else 0), bh)
                if self.viewport.contains(button):
                    self.button(f"choice:{k}", button,
                                _("{number}. {choice}").format(number=k + 1,
                                                               choice=one_line(c.label, 80)),
                                tip=tip)
                y += bh + self.px(4)
                for line in desc:
                    self._doc_line(left.x + self.px(14), y, line, "body", lh)
                    y += lh
                for line in eff_lines:
                    self._doc_line(left.x + self.px(14), y, line, style, lh)
                    y += lh
                y += self.px(10)
            if not self.show_history:
                label = _("Read the history first [H]")
                self.button("history", pygame.Rect(right.x, right.bottom - self.px(44),
                                                   right.width, self.px(40)), label, "@small",
                            tip=[_("Read the history first"),
                                 _("Shows what really happened before you choose. Your choice "
                                   "is then made knowing history.")])
        else:
            paras = [(cut(event_text(app.session.state, self.event_index)), "body"),
                     (_("You chose: {choice}").format(choice=ev.choices[self.answered].label),
                      "accent")]
            lasting = ev.choices[self.answered].description
            if lasting:
                paras.append((lasting, "body"))
            if self.answer_effect:
                paras.append((_("Effect now: {effect}").format(effect=self.answer_effect),
                              "dim"))
            odds = gamble(app.session.state, ev.id, ev.choices[self.answered].id)
            if odds is not None:
                paras.append((_("At the end of the turn chance decides, with the odds as they "
                                "stand then (now: {odds}).").format(odds=odds_line(odds)),
                              "accent"))
            text_rect = pygame.Rect(left.x, y0, left.width, left.bottom - y0 - self.px(54))
            self.text_view = ScrollText(text_rect, paras, f, app.colours)
            left_need = head + self.text_view.content_height + self.px(54)
            label = _("Continue  [Enter]")
            w = self.button_font("@primary").size(label)[0] + self.px(40)
            self.button("continue", pygame.Rect(left.right - w, left.bottom - self.px(42), w,
                                                self.px(42)), label, "@primary")
            if self.read_first:
                self.button("undo", pygame.Rect(left.x, left.bottom - self.px(42), self.px(200),
                                                self.px(42)), _("Change my choice"), "@small",
                            tip=[_("Change my choice"), _("You read the history note before "
                                 "choosing, so you may still change your answer.")])
            self.focus_key = "continue"
        hist_rect = pygame.Rect(right.x + self.px(12), right.y + self.px(12),
                                right.width - self.px(24),
                                right.height - self.px(24) - (self.px(48) if "history" in
                                                              self.buttons else 0))
        if note_open:
            hc = ev.choices[rules.events[self.event_index].historical_choice].label \
                if ev.choices and rules.events[self.event_index].historical_choice >= 0 else None
            mine = ev.choices[self.answered].label if self.answered is not None else None
            paras = note_paragraphs(ev.history, hc, mine, player=rules.scenario.player)
        else:
            paras = [(_("What really happened"), "heading"),
                     (_("The history note is shown after you choose, so that your choice is "
                        "your own. You can also read it first (H): then you choose knowing what "
                        "{state} did. (Settings: history notes before or after choosing.)"
                        ).format(state=the_name(rules.scenario.player)), "dim")]
        self.hist_view = ScrollText(hist_rect, paras, f, app.colours)
        right_need = self.hist_view.content_height + self.px(24) + (
            self.px(48) if "history" in self.buttons else 0)
        self.need = max(left_need, right_need, self.px(240)) + self.px(28) + self.px(8)
        """The dialog's height that shows all its content (margins included)."""

    def heading(self) -> str:
        """The line above the event's title: the event's own date, as the news cards and the
        timeline write it ("29 Sep 1938"; the turn's month only for an event that has no date
        of its own), and what the dialog asks."""
        assert self.app.session is not None
        date = event_date(self.app.session.state.rules, self.event_index, self.turn)
        return (_("{date}  ·  event: choose your answer").format(date=date)
                if self.answered is None else _("{date}  ·  event").format(date=date))

    def _doc_line(self, x: int, y: int, text: str, style: str, height: int) -> None:
        """A line of the choices' column, kept only if it is whole in view."""
        if self.viewport.top <= y and y + height <= self.viewport.bottom:
            self.lines.append((x, y, text, style))

    def scroll_choices(self, dy: int) -> bool:
        """Scroll the text and the choices when they are longer than the window."""
        if not self.doc_max:
            return False
        before = self.doc_scroll
        self.doc_scroll = max(0, min(self.doc_max, self.doc_scroll + dy))
        if self.doc_scroll != before:
            self.rebuild()
        return True

    def _choice_blocks(self, ev: Event, width: int) -> list[tuple[Choice, list[str], list[str],
                                                                  str]]:
        """Per choice: the choice, its lasting consequence and its expected effect, wrapped."""
        app = self.app
        assert app.session is not None
        state = app.session.state
        small = app.fonts.small()
        out = []
        for c in ev.choices:
            eff = choice_effect(state, c.id)
            # Neutral ink: every answer trades one thing for another, and no colour says
            # which is best (the aims' own colours on the map screen say how they moved).
            style = "dim"
            desc = wrap(one_line(c.description, 1500), small, width) if c.description else []
            odds = gamble(state, ev.id, c.id)
            if odds is None:
                eff_lines = wrap_to(_("» Now: {effect}").format(
                    effect=eff.text() if eff else "?"), small, width, 3)
            else:
                # A gamble: the sure part, the odds as things stand and the range; never one
                # green or red figure.
                style = "accent"
                eff_lines = wrap(_("» Sure now: {effect}").format(
                    effect=eff.text() if eff else "?"), small, width)
                for line in gamble_lines(odds):
                    eff_lines += wrap(line, small, width)
            out.append((c, desc, eff_lines, style))
        return out

    def on_button(self, key: str) -> None:
        if key.startswith("choice:"):
            self.choose(int(key[7:]))
        elif key == "history":
            self.show_history = self.read_first = True
            self.rebuild()
        elif key == "continue":
            self.done()
        elif key == "undo" and self.read_first:
            assert self.app.session is not None
            self.app.session.undo()
            self.answered = None
            self.rebuild()

    def choose(self, k: int) -> None:
        session = self.app.session
        if session is None or self.answered is not None:
            return
        ev = session.state.rules.scenario.events[self.event_index]
        if not 0 <= k < len(ev.choices):
            return
        before = session.state
        problem = session.choose(ev.id, ev.choices[k].id)
        if problem:
            self.app.toast(problem, "bad")
            return
        if self.app.settings.history_notes == "before":
            self.done()
            return
        self.answered = k
        self.answer_effect = diff(before, session.state).text()
        if not self.read_first:
            session.lock_undo()  # the note is about to be read: the answer is final
            self.app.after_move()  # ... and autosaved at once (the dialog stays open)
        self.rebuild()

    def done(self) -> None:
        self.app.pop()
        self.app.after_move()

    def on_escape(self) -> None:
        self.app.open_menu()

    def on_enter(self) -> None:
        if self.answered is not None:
            self.done()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.doc_max and self.answered is None \
                and self.viewport.collidepoint(self.app.mouse_pos):
            self.scroll_choices(-event.y * self.px(40))
            return True
        for view in (self.text_view, self.hist_view):
            if view and view.handle(event):
                return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if pygame.K_1 <= k <= pygame.K_9 and self.answered is None:
            self.choose(k - pygame.K_1)
            return True
        if k == pygame.K_h and "history" in self.buttons:
            self.on_button("history")
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.answered is None and \
                self.scroll_choices((1 if k == pygame.K_PAGEDOWN else -1)
                                    * max(self.px(40), self.viewport.height - self.px(40))):
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.hist_view:
            self.hist_view.scroll(200 if k == pygame.K_PAGEDOWN else -200)
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        if app.session is None or self.event_index < 0:
            return
        rules = app.session.state.rules
        ev = rules.scenario.events[self.event_index]
        c, f = app.colours, app.fonts
        dim(surface)
        inner = panel(surface, self.box, c)
        r = draw_text(surface, self.heading(), inner.topleft, f.small(), c.dim,
                      self.left.width)
        draw_text(surface, one_line(ev.title, 90), (inner.x, r.bottom + self.px(4)), f.title(),
                  c.accent, self.left.width)
        if self.text_view:
            self.text_view.draw(surface)
        small = f.small()
        for x, y, text, style in self.lines:
            colour = {"good": c.good, "bad": c.bad, "body": c.text, "text": c.text,
                      "accent": c.accent}.get(style, c.dim)
            font = f.body() if style == "text" else small
            surface.blit(font.render(text, True, colour), (x, y))  # wrapped to fit when laid out
        if self.doc_max and self.answered is None:
            track = pygame.Rect(self.viewport.right - 6, self.viewport.y, 5,
                                self.viewport.height)
            pygame.draw.rect(surface, c.panel_edge, track, border_radius=2)
            h = max(20, track.height * track.height // (track.height + self.doc_max))
            y = track.y + (track.height - h) * self.doc_scroll // self.doc_max
            pygame.draw.rect(surface, c.accent, (track.x, y, 5, h), border_radius=2)
        pygame.draw.rect(surface, (26, 34, 48), self.right, border_radius=6)
        pygame.draw.rect(surface, c.history, self.right, 1, border_radius=6)
        if self.hist_view:
            self.hist_view.draw(surface)
