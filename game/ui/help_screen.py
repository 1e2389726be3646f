"""Help: how to play, what each number means, and every keyboard shortcut."""

from __future__ import annotations

import pygame

from game.core.scenario import Scenario
from game.i18n import N_, _
from game.present.history_note import essay_intro
from game.present.player import possessive, the_name
from game.ui.scene import Scene
from game.ui.widgets import ScrollText, draw_text

SHORTCUTS = (
    (N_("Everywhere"), [
        ("F1", N_("this help")), ("Esc", N_("back / the menu")),
        (N_("Tab, arrows"), N_("move between buttons")),
        (N_("Enter or Space"), N_("press the button with the yellow frame")),
        ("F5 / F9", N_("quick save / quick load")), ("F11", N_("fullscreen on or off")),
        (N_("mouse wheel, PgUp/PgDn"), N_("scroll long texts and lists"))]),
    (N_("Title screen"), [("N C L S O H Q", N_("new game, continue, load, scenarios, settings, "
                                              "help, quit"))]),
    (N_("Map screen"), [
        ("1 ... 9", N_("take the action with that number")),
        ("Enter", N_("end the turn (when no button has the yellow frame); with action points "
                     "left you are asked first: Enter = yes, Esc = no; a quiet turn, with "
                     "nothing to decide, passes at once")),
        (N_("Ctrl+Z, Backspace or U"), N_("undo the last action of this turn")),
        (N_("[ and ]"), N_("select the previous / next nation (its panel and actions)")),
        ("N", N_("the news and the timeline")), ("PgUp / PgDn", N_("more actions")),
        ("P", N_("the standing policies (where the effort goes...): set one with its button "
                 "or Enter; Esc closes them"))]),
    (N_("News card (start of a turn)"), [(N_("Enter, Esc or Continue"), N_("close it")),
                                         (N_("arrows, PgUp/PgDn"), N_("scroll"))]),
    (N_("Event dialog"), [("1 ... 9", N_("choose")), ("H", N_("read the history note first")),
                          ("Enter", N_("continue after choosing"))]),
    (N_("News & timeline"), [(N_("Up / Down, then Enter"),
                              N_("open a news line with its history note")),
                             ("T", N_("switch between the news and the timeline"))]),
    (N_("Saving"), [("Tab", N_("reach the name box and the buttons")),
                    ("Enter", N_("save under the name typed"))]),
    (N_("End report"), [("E", N_("export the report")),
                        ("Tab", N_("charts, decisions, readings")),
                        ("A", N_("the turning points of your game")),
                        ("C", N_("after another try: compare the two futures"))]),
    (N_("Turning points"), [("1 ... 5", N_("pick a turning point")),
                            ("T", N_("the turning points or every decision")),
                            ("R", N_("try again from here, in a new save (yours is kept)"))]),
)
"""(group, [(keys, what they do)]): the words are marked for translation, key names are not."""

KEY_NAMES = frozenset(("F1", "Esc", "F5 / F9", "F11", "N C L S O H Q", "1 ... 9", "Enter", "N",
                       "PgUp / PgDn", "H", "T", "Tab", "E", "P", "A", "C", "R", "1 ... 5"))
"""The keys column entries that are only key names (shown as they are)."""

HISTORY_WHERE = N_(
    "Where to read it: the news card at the start of a turn (the events that ask nothing of "
    "you), the event dialog (before or after you choose: a setting), and the news (N: click a "
    "line to read it again). The end report sets your decisions beside {whose}, and says which "
    "historians' reading your policy supports.")
HISTORY_WHERE_ESSAY = N_(
    "Where to read it: the news card at the start of a turn (the events that ask nothing of "
    "you), the event dialog (before or after you choose: a setting), and the news (N: click a "
    "line to read it again). The end report sets your decisions beside {whose}, with the "
    "essay's verdicts, and says which historians' reading your policy supports.")

GUIDE = [
    (N_("How to play"), "heading"),
    (N_("You lead {who}. Each turn is a few months. You have a few action points a turn: spend "
        "them on actions (the list on the right), then end the turn. When something happens as "
        "the new turn begins, a news card tells you; some events ask you to choose."), "body"),
    (N_("The aims (left): security is what matters most; recognition by other powers and "
        "industrial and military strength feed it. Each aim is a value from 0 (worst) to 100 "
        "(best) and shows its value now, its change this turn (your actions and answers, and "
        "the events of this date; the drift of the months passing is in its tooltip), and on "
        "the line under its bar the value it had in real history at the start of this turn, "
        "and whether you are ahead or behind. Hover an aim to see what moved it."), "body"),
    (N_("The map: each nation is coloured by its relation with {who} and marked with a pattern "
        "and a symbol. A gold diamond marks a treaty partner (an alliance or a "
        "mutual-assistance treaty): the colour follows the relation, so a partner can still "
        "look neutral. Hover a nation for its relation, treaties and latest news; click it for "
        "its panel and the actions towards it."), "body"),
    (N_("An action's lines say what it is expected to do (green: good for your aims) and which "
        "other actions it would rule out for now by lowering a relation too far. A grey action "
        "is not possible now; its line says why. Undo takes back anything done this turn, "
        "except an answer whose history note was shown only after you chose it."), "body"),
    (N_("History"), "heading"),
    (HISTORY_WHERE, "body"),
]
"""The guide's paragraphs (marked, translated where shown); {who} and {whose} are filled from
the scenario; the last one has a wording for a scenario built on an essay."""


def guide(scenario: Scenario | None) -> list[tuple[str, str]]:
    """The guide for the game being played (``None``: from the title screen, no scenario yet):
    the player's state as the scenario names it, and the essay only if it has one."""
    if scenario is None:
        # TRANSLATORS: fills {who} in the help's guide when no game is being played.
        who = _("the state your scenario names")
        # TRANSLATORS: fills {whose} in the help's guide when no game is being played.
        whose = _("what it really did")
        essay = ""
    else:
        who, whose = the_name(scenario.player), possessive(scenario.player)
        essay = essay_intro(scenario)
    out = []
    for text, style in GUIDE:
        if text == HISTORY_WHERE and essay:
            text = HISTORY_WHERE_ESSAY
        out.append((_(text).format(who=who, whose=whose), style))
        if text == "History" and essay:
            out.append((essay, "body"))
    return out


class HelpScene(Scene):
    title = N_("Help")

    def build(self) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        session = self.app.session
        paras = guide(session.state.rules.scenario if session is not None else None)
        paras.append((_("Keyboard shortcuts"), "heading"))
        for group, keys in SHORTCUTS:
            paras.append((_(group), "bold"))
            paras += [(f"   {k if k in KEY_NAMES else _(k)}  —  {_(what)}", "body")
                      for k, what in keys]
        bh = self.px(44)
        self.view = ScrollText(pygame.Rect(a.x, a.y + self.px(50), a.width,
                                           a.height - self.px(60) - bh), paras, self.app.fonts,
                               self.app.colours)
        self.button("back", pygame.Rect(a.right - self.px(200), a.bottom - bh, self.px(200), bh),
                    _("Back  [Esc]"), "@small")
        if self.app.session is not None:
            self.button("guide", pygame.Rect(a.right - self.px(480), a.bottom - bh,
                                             self.px(260), bh), _("Replay the guided turn"),
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
        draw_text(surface, _("Help"), a.topleft, self.app.fonts.title(), self.app.colours.accent)
        self.view.draw(surface)
