"""Help: how to play, what each number means, and every keyboard shortcut."""

from __future__ import annotations

import pygame

from game.core.scenario import Scenario
from game.present.history_note import essay_intro
from game.present.player import possessive, the_name
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
        ("Enter", "end the turn (when no button has the yellow frame); with action points "
                  "left you are asked first: Enter = yes, Esc = no"),
        ("Ctrl+Z, Backspace or U", "undo the last action of this turn"),
        ("[ and ]", "select the previous / next nation (its panel and actions)"),
        ("N", "the news and the timeline"), ("PgUp / PgDn", "more actions")]),
    ("News card (start of a turn)", [("Enter, Esc or Continue", "close it"),
                                     ("arrows, PgUp/PgDn", "scroll")]),
    ("Event dialog", [("1 ... 9", "choose"), ("H", "read the history note first"),
                      ("Enter", "continue after choosing")]),
    ("News & timeline", [("Up / Down, then Enter", "open a news line with its history note"),
                         ("T", "switch between the news and the timeline")]),
    ("Saving", [("Tab", "reach the name box and the buttons"),
                ("Enter", "save under the name typed")]),
    ("End report", [("E", "export the report"), ("Tab", "charts, decisions, readings")]),
)

GUIDE = [
    ("How to play", "heading"),
    ("You lead {who}. Each turn is a few months. You have a few action points a turn: spend "
     "them on actions (the list on the right), then end the turn. When something happens as "
     "the new turn begins, a news card tells you; some events ask you to choose.", "body"),
    ("The aims (left): security is what matters most; recognition by other powers and "
     "industrial and military strength feed it. Each aim shows its value now, its change since "
     "the last turn began, and on the line under its bar the value it had in real history at "
     "the start of this turn, and whether you are ahead or behind. Hover an aim to see what "
     "moved it.", "body"),
    ("The map: each nation is coloured by its relation with {who} and marked with a pattern "
     "and a symbol. A gold diamond marks a treaty partner (an alliance or a mutual-assistance "
     "treaty): the colour follows the relation, so a partner can still look neutral. Hover a "
     "nation for its relation, treaties and latest news; click it for its panel and the "
     "actions towards it.", "body"),
    ("An action's lines say what it is expected to do (green: good for your aims) and which "
     "other actions it would rule out for now by lowering a relation too far. A grey action is "
     "not possible now; its line says why. "
     "Undo takes back anything done this turn, except an answer whose history note was shown "
     "only after you chose it.", "body"),
    ("History", "heading"),
    ("Where to read it: the news card at the start of a turn (the events that ask nothing of "
     "you), the event dialog (before or after you choose: a setting), and the news (N: click a "
     "line to read it again). The end report sets your decisions beside {whose}{essay}, "
     "and says which historians' reading your policy supports.", "body"),
]
"""The guide's paragraphs; {who}, {whose} and {essay} are filled from the scenario."""


def guide(scenario: Scenario | None) -> list[tuple[str, str]]:
    """The guide for the game being played (``None``: from the title screen, no scenario yet):
    the player's state as the scenario names it, and the essay only if it has one."""
    if scenario is None:
        who, whose, essay = "the state your scenario names", "what it really did", ""
    else:
        who, whose = the_name(scenario.player), possessive(scenario.player)
        essay = essay_intro(scenario)
    out = []
    for text, style in GUIDE:
        out.append((text.format(who=who, whose=whose,
                                essay=", with the essay's verdicts" if essay else ""), style))
        if text == "History" and essay:
            out.append((essay, "body"))
    return out
class HelpScene(Scene):
    title = "Help"

    def build(self) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        session = self.app.session
        paras = guide(session.state.rules.scenario if session is not None else None)
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
            self.app.pop()
            self.app.open_guide()

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
