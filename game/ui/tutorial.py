"""The guided first turn: a few steps over the map screen pointing at the aims, the map, the
actions, the end of the turn and where history is shown. Skippable; replayable from help."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.present.history_note import essay_intro
from game.present.player import possessive, the_name
from game.ui.game_screen import GameScene
from game.ui.scene import Scene
from game.ui.settings import save_settings
from game.ui.widgets import draw_lines, panel, wrap

if TYPE_CHECKING:
    from game.ui.nav import Stage

STEPS = (
    ("aims", N_("Your aims"), N_(
        "These numbers are what you play for. Security matters most: not to be invaded, or to "
        "survive the invasion. Recognition by other powers and industrial and military "
        "strength feed it. Each runs from 0 (worst) to 100 (best); beside its value is its "
        "change this turn (your actions and answers, and this date's events); the thin mark "
        "on the bar and the line under it show where real history stood. Hover an aim to "
        "see what moved it.")),
    ("map", N_("The map"), N_(
        "Every nation is coloured by its relation with {who}, and marked with a pattern and a "
        "symbol so the map reads without colour. A gold diamond marks an alliance or "
        "mutual-assistance treaty. Hover a nation for its relation, treaties and latest news; "
        "click it to see the actions towards it.")),
    ("actions", N_("Acting"), N_(
        "Each turn you have a few action points. Each action shows its cost and, below it, its "
        "expected effect. Click one, or press its number key. Changed your mind? Undo (Ctrl+Z) "
        "takes it back, as long as the turn goes on.")),
    ("end", N_("Ending the turn"), N_(
        "When you are done, end the turn (Enter; with points left you are asked first). The "
        "months pass, the aims drift, and events happen: a news card tells you what happened, "
        "and some events ask you to choose.")),
    ("news", N_("History beside you"), N_(
        "{essay}The news (N) lists everything that happened (click a line to read it again) "
        "and the timeline puts your path beside {whose}. At the end, a report compares your "
        "whole game with history. Good luck!")),
)


class TutorialScene(Scene):
    modal = True
    title = N_("Guide")

    def __init__(self, app: Stage) -> None:
        super().__init__(app)
        self.step = 0

    def text(self) -> str:
        """The text of this step, with the player's state and the essay of the scenario."""
        session = self.app.session
        if session is None:
            # TRANSLATORS: fills {who} in the guided first turn when no game is being played.
            who = _("the state you lead")
            # TRANSLATORS: fills {whose} in the guided first turn when no game is played.
            whose, essay = _("history's"), ""
        else:
            scn = session.state.rules.scenario
            who, whose = the_name(scn.player), possessive(scn.player)
            essay = essay_intro(scn)
        return _(STEPS[self.step][2]).format(who=who, whose=whose,
                                          essay=f"{essay} " if essay else "")

    def target(self) -> pygame.Rect:
        game = self.app.find(GameScene)
        if game is None:
            return pygame.Rect(0, 0, 0, 0)
        key = STEPS[self.step][0]
        if key == "aims":
            return game.aims_panel
        if key == "map":
            return game.map_rect
        if key == "actions":
            return game.right_rect
        if key == "end":
            return pygame.Rect(game.end_button_left, 0, self.area.width - game.end_button_left,
                               game.top_rect.height)
        return game.news_rect

    def box_rect(self) -> pygame.Rect:
        a = self.area
        w = min(a.width - self.px(40), self.px(540))
        f = self.app.fonts
        text_lines = len(wrap(self.text(), f.body(), w - 16))
        h = min(a.height - self.px(80), f.heading().get_linesize() + self.px(24) +
                text_lines * f.body().get_linesize() + self.px(70))
        t = self.target()
        box = pygame.Rect(0, 0, w, h)
        box.center = a.center
        if t.width:
            # Beside the highlighted part, on the side with more room.
            if t.centerx < a.centerx:
                box.left = min(t.right + self.px(20), a.right - w - self.px(10))
            else:
                box.right = max(t.left - self.px(20), w + self.px(10))
            box.top = max(self.px(70), min(t.top + self.px(20), a.bottom - h - self.px(10)))
        return box

    def build(self) -> None:
        box = self.box_rect()
        bh = self.px(38)
        last = self.step == len(STEPS) - 1
        self.button("next", pygame.Rect(box.right - self.px(170), box.bottom - bh - self.px(12),
                                        self.px(155), bh), _("Start playing") if last else
                    _("Next  [Enter]"), "@primary")
        skip = _("Skip guide [Esc]")
        # As wide as its label needs (German's is longer), up to the "next" button.
        sw = min(max(self.px(150), self.button_font("@small").size(skip)[0] + self.px(24)),
                 box.width - self.px(200))
        self.button("skip", pygame.Rect(box.x + self.px(15), box.bottom - bh - self.px(12),
                                        sw, bh), skip, "@small")
        self.focus_key = "next"

    def on_button(self, key: str) -> None:
        if key == "next" and self.step < len(STEPS) - 1:
            self.step += 1
            self.rebuild()
            self.focus_key = "next"
            return
        self.finish()

    def finish(self) -> None:
        self.app.settings.tutorial_done = True
        save_settings(self.app.settings)
        self.app.pop()
        self.app.after_move()  # the first turn's news, or an event waiting

    def on_escape(self) -> None:
        self.finish()

    def draw(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        t = self.target()
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((8, 10, 14, 150))
        if t.width:
            shade.fill((0, 0, 0, 0), t.inflate(8, 8))
        surface.blit(shade, (0, 0))
        if t.width:
            pygame.draw.rect(surface, c.focus, t.inflate(8, 8), 3, border_radius=8)
        box = self.box_rect()
        inner = panel(surface, box, c)
        title = STEPS[self.step][1]
        text = self.text()
        heading = _("{title}  ({step} of {steps})").format(title=_(title), step=self.step + 1,
                                                           steps=len(STEPS))
        draw_lines(surface, [(heading, "heading"),
                             (text, "body")],
                   pygame.Rect(inner.x, inner.y, inner.width, inner.height - self.px(50)), f, c)
