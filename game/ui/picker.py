"""The scenario picker: the bundled scenarios and the teacher's folder, each with its title,
author, years and description; a scenario that does not load shows its first error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

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
        return Entry(path, f"{name} (does not load)", [
            (name, "heading"), (f"{len(exc.problems)} problem(s); the first:", "bad"),
            (printable(first, 1000), "body"),
            ("Check it with: python main.py validate " + printable(str(path)), "dim")], False)
    except Exception as exc:  # noqa: BLE001 - the picker must list whatever is in the folder
        name = printable(path.name, 200)
        return Entry(path, f"{name} (does not load)", [
            (name, "heading"), (f"It does not load: {describe_error(exc)}.", "bad")], False)
    s = loaded.scenario
    years = f"{s.calendar.start[:4]}-{s.calendar.end[:4]}"
    lines = [(s.title, "title"), (f"by {s.author}  ·  {years}  ·  {loaded.rules.turns} turns "
                                  f"of {s.calendar.months_per_turn} month(s)", "dim"),
             (s.description, "body"), (f"File: {path}", "dim")]
    if loaded.warnings:
        lines.append((f"{len(loaded.warnings)} warning(s); the first: "
                      f"{loaded.warnings[0].format()}", "dim"))
    label = one_line(s.title, 50)
    if years not in label:
        label += f" ({years})"
    return Entry(path, label, lines, True)


class PickerScene(Scene):
    title = "Scenarios"

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
                    "Play this scenario", "@primary",
                    enabled=bool(self.entries) and self.entries[self.selected].ok)
        self.button("back", pygame.Rect(a.right - self.px(450), a.bottom - bh, self.px(200), bh),
                    "Back  [Esc]", "@small")
        self.detail = pygame.Rect(a.x + list_w + self.px(20), top, a.width - list_w - self.px(20),
                                  a.bottom - bh - top - self.px(16))
        self._make_view()

    def _make_view(self) -> None:
        inner = self.detail.inflate(-self.px(24), -self.px(24))
        lines = self.entries[self.selected].lines if self.entries else [
            ("No scenario found.", "bad")]
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
        draw_text(surface, "Scenarios", a.topleft, f.title(), c.accent)
        draw_text(surface, f"Teachers: put your own .yaml files in {teacher_scenarios_dir()}",
                  (a.x + self.px(180), a.y + self.px(8)), f.small(), c.dim,
                  a.width - self.px(180))
        panel(surface, self.detail, c)
        if self.view:
            self.view.draw(surface)
