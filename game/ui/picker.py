"""The scenario picker: the bundled scenarios and the teacher's folder, each with its title,
author, years and description; a scenario that does not load shows its first error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _, ngettext
from game.paths import teacher_scenarios_dir
from game.safetext import printable
from game.scenario.errors import ScenarioError
from game.scenario.loader import DEFAULT_SCENARIO
from game.ui.loading import describe_error, known_scenarios, load_cached
from game.ui.scene import Scene
from game.ui.text import one_line
from game.ui.widgets import ScrollText, draw_text, panel

if TYPE_CHECKING:
    from game.ui.nav import Stage


@dataclass
class Entry:
    path: Path
    title: str
    lines: list[tuple[str, str]]
    ok: bool


def describe(app: Stage, path: Path) -> Entry:
    """Load a scenario for the picker; never raises."""
    try:
        loaded = load_cached(app, path)
    except ScenarioError as exc:
        first = exc.problems[0].format() if exc.problems else str(exc)
        name = printable(path.name, 200)
        count = len(exc.problems)
        return Entry(path, _("{file} (does not load)").format(file=name), [
            (name, "heading"),
            (ngettext("{count} problem; the first:", "{count} problems; the first:",
                      count).format(count=count), "bad"),
            (printable(first, 1000), "body"),
            (_("Check it with: {command}").format(
                command="python main.py validate " + printable(str(path))), "dim")], False)
    except Exception as exc:  # noqa: BLE001 - the picker must list whatever is in the folder
        name = printable(path.name, 200)
        return Entry(path, _("{file} (does not load)").format(file=name), [
            (name, "heading"),
            (_("It does not load: {why}.").format(why=describe_error(exc)), "bad")], False)
    s = loaded.scenario
    years = f"{s.calendar.start[:4]}-{s.calendar.end[:4]}"
    turns = ngettext("{count} turn", "{count} turns", loaded.rules.turns).format(
        count=loaded.rules.turns)
    months = s.calendar.months_per_turn
    lines = [(s.title, "title"),
             (ngettext("by {author}  ·  {years}  ·  {turns} of {months} month",
                       "by {author}  ·  {years}  ·  {turns} of {months} months", months).format(
                 author=s.author, years=years, turns=turns, months=months), "dim"),
             (s.description, "body"), (_("File: {path}").format(path=path), "dim")]
    if loaded.warnings:
        count = len(loaded.warnings)
        lines.append((ngettext("{count} warning; the first: {warning}",
                               "{count} warnings; the first: {warning}", count).format(
            count=count, warning=loaded.warnings[0].format()), "dim"))
    label = one_line(s.title, 50)
    if years not in label:
        label += f" ({years})"
    return Entry(path, label, lines, True)


class PickerScene(Scene):
    title = N_("Scenarios")

    def __init__(self, app: Stage) -> None:
        super().__init__(app)
        self.entries = [describe(app, p) for p in known_scenarios(self.app)]
        self.selected = 0
        wanted = self.app.chosen_scenario or str(DEFAULT_SCENARIO)
        for i, e in enumerate(self.entries):
            if str(e.path) == wanted:
                self.selected = i
        self.view: ScrollText | None = None
        self.detail = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        a = self.area.inflate(-self.px(40), -self.px(40))
        top = a.y + self.px(50)
        list_w = min(self.px(420), a.width // 2)
        h = self.px(40)
        y = top
        for i, e in enumerate(self.entries[:40]):
            style = None if e.ok else "@unavailable"
            mark = "» " if i == self.selected else "   "
            self.button(f"pick{i}", pygame.Rect(a.x, y, list_w, h), mark + e.title, style)
            y += h + self.px(6)
            if y > a.bottom - self.px(60):
                break
        bh = self.px(44)
        self.button("play", pygame.Rect(a.right - self.px(220), a.bottom - bh, self.px(220), bh),
                    _("Play this scenario"), "@primary",
                    enabled=bool(self.entries) and self.entries[self.selected].ok)
        self.button("back", pygame.Rect(a.right - self.px(450), a.bottom - bh, self.px(200), bh),
                    _("Back  [Esc]"), "@small")
        self.detail = pygame.Rect(a.x + list_w + self.px(20), top, a.width - list_w - self.px(20),
                                  a.bottom - bh - top - self.px(16))
        self._make_view()

    def _make_view(self) -> None:
        inner = self.detail.inflate(-self.px(24), -self.px(24))
        lines = self.entries[self.selected].lines if self.entries else [
            (_("No scenario found."), "bad")]
        self.view = ScrollText(inner, lines, self.app.fonts, self.app.colours)

    def on_button(self, key: str) -> None:
        if key.startswith("pick"):
            self.selected = int(key[4:])
            self.rebuild()
            self.focus_key = key
        elif key == "play" and self.entries:
            entry = self.entries[self.selected]
            self.app.chosen_scenario = str(entry.path)
            self.app.new_game(entry.path)
        elif key == "back":
            self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if self.view and self.view.handle(event):
            return True
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        a = self.area.inflate(-self.px(40), -self.px(40))
        draw_text(surface, _("Scenarios"), a.topleft, f.title(), c.accent)
        draw_text(surface, _("Teachers: put your own .yaml files in {folder}").format(
                  folder=teacher_scenarios_dir()),
                  (a.x + self.px(180), a.y + self.px(8)), f.small(), c.dim,
                  a.width - self.px(180))
        panel(surface, self.detail, c)
        if self.view:
            self.view.draw(surface)
