"""Help: how to play, what each number means, and every keyboard shortcut."""

from __future__ import annotations

import pygame

from game.ui.scene import Scene
from game.ui.widgets import ScrollText, draw_text

SHORTCUTS = (
    ("Everywhere", [
        ("F1", "this help"), ("Esc", "back / the menu"), ("Tab, arrows", "move between buttons"),
        ("Enter or Space", "press the button with the yellow frame"),
        ("F5 / F9", "quick save / quick load"), ("F11", "fullscreen on or off"),
        ("mouse wheel, PgUp/PgDn", "scroll long texts and lists")]),
    ("Title screen", [("N C L S O H Q", "new game, continue, load, scenarios, settings, help, "
                                        "quit")]),
    ("Map screen", [
        ("1 ... 9", "take the action with that number"),
        ("Enter", "end the turn (when no button has the yellow frame)"),
        ("Ctrl+Z, Backspace or U", "undo the last action of this turn"),
        ("[ and ]", "select the previous / next nation (its panel and actions)"),
        ("N", "the news and the timeline"), ("PgUp / PgDn", "more actions")]),
    ("Event dialog", [("1 ... 9", "choose"), ("H", "read the history note first"),
                      ("Enter", "continue after choosing")]),
    ("End report", [("E", "export the report"), ("Tab", "charts, decisions, readings")]),
)

GUIDE = [
    ("How to play", "heading"),
    ("You lead the USSR. Each turn is a few months. You have a few action points a turn: spend "
     "them on actions (the list on the right), then end the turn. Events follow; some ask you to "
     "choose.", "body"),
    ("The aims (left): security is what matters most; recognition by other powers and "
     "industrial and military strength feed it. Each aim shows its value now, its change this "
     "turn, and in blue the value it had in real history at the same date. Hover an aim to see "
     "what moved it.", "body"),
    ("The map: each nation is coloured by its relation with the USSR and marked with a pattern. "
     "Hover a nation for its relation, treaties and stance; click it for its panel and the "
     "actions towards it.", "body"),
    ("An action's line says what it is expected to do (green: good for your aims). A grey "
     "action is not possible now; its line says why. Undo takes back anything done this turn.",
     "body"),
    ("History: every event has a 'what really happened' note, and the end report sets your "
     "decisions beside the USSR's and says which historians' reading your policy supports.",
     "body"),
]


class HelpScene(Scene):
    title = "Help"

    def build(self) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        paras: list[tuple[str, str]] = list(GUIDE)
        paras.append(("Keyboard shortcuts", "heading"))
        for group, keys in SHORTCUTS:
            paras.append((group, "bold"))
            paras += [(f"   {k}  —  {what}", "body") for k, what in keys]
        bh = self.px(44)
        self.view = ScrollText(pygame.Rect(a.x, a.y + self.px(50), a.width,
                                           a.height - self.px(60) - bh), paras, self.app.fonts,
                               self.app.colours)
        self.button("back", pygame.Rect(a.right - self.px(200), a.bottom - bh, self.px(200), bh),
                    "Back  [Esc]", "@small")
        if self.app.session is not None:
            self.button("guide", pygame.Rect(a.right - self.px(480), a.bottom - bh,
                                             self.px(260), bh), "Replay the guided turn",
                        "@small")

    def on_button(self, key: str) -> None:
        if key == "back":
            self.app.pop()
        elif key == "guide":
            from game.ui.game_screen import GameScene
            from game.ui.tutorial import TutorialScene

            self.app.pop()
            if isinstance(self.app.top, GameScene):
                self.app.push(TutorialScene(self.app))

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view.handle(event):
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.view.scroll(300 if event.key == pygame.K_PAGEDOWN else -300)
            return True
        if event.key == pygame.K_F1:
            self.app.pop()
            return True
        return super().handle_key(event)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        draw_text(surface, "Help", a.topleft, self.app.fonts.title(), self.app.colours.accent)
        self.view.draw(surface)
