"""Save slots and loading: every save in the saves folder (autosaves and quick save too),
newest first; a broken save is listed with its problem and the others still load."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.i18n import N_, _, ngettext
from game.paths import saves_dir
from game.present.dates import MONTHS, clock_words, month_count_words
from game.safetext import printable
from game.saves import SaveData, SaveError
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario
from game.ui.loading import known_scenarios, load_cached
from game.ui.savefiles import (
    AUTOSAVE,
    MAX_NAME_CHARS,
    QUICKSAVE,
    SaveNameError,
    slot_file_name,
)
from game.ui.savefiles import slot_name as slot_name_of
from game.ui.scene import Scene
from game.ui.session import SaveEntry, find_scenario, list_saves
from game.ui.widgets import draw_lines, draw_text, focus_ring, wrap_to

if TYPE_CHECKING:
    from game.ui.nav import Stage

__all__ = ["SavesScene", "slot_file_name"]


def save_date(text: str) -> str:
    """A save's date (the engine's English ``"Mar 1933"``) in the reader's language."""
    month, _sep, year = text.partition(" ")
    if month in MONTHS and year.isdigit():
        return month_count_words(int(year) * 12 + MONTHS.index(month))
    return text


class SavesScene(Scene):
    title = N_("Saves")
    _extra_focus = ("entry",)

    def __init__(self, app: Stage, saving: bool) -> None:
        super().__init__(app)
        self.saving = saving and app.session is not None
        self.entries: list[SaveEntry] = list_saves()
        self.page = 0
        self.entry: UITextEntryLine | None = None
        # TRANSLATORS: the name a new save is offered under.
        self.name = _("game {date}").format(date=time.strftime("%Y-%m-%d %H%M"))
        self.per_page = 1
        self._endings: dict[str, dict[str, str]] = {}
        """Per scenario id: its endings' titles by id, in the game's language."""
        self.problem_lines: list[tuple[pygame.Rect, str]] = []
        self.renaming: int | None = None
        """The save being renamed (its row is a text box)."""
        self.rename_entry: UITextEntryLine | None = None

    def ending_title(self, data: SaveData) -> str:
        """The title of a finished save's ending in the game's language ("Invaded, survived
        at a terrible cost"), not its id (play-test: "ended: survived_at_terrible_cost"); the
        id in words if its scenario cannot be read."""
        if not data.ending:
            return ""
        titles = self._endings.get(data.scenario_id)
        if titles is None:
            titles = {}
            loaded: LoadedScenario | None = None
            try:
                path = find_scenario(data, known_scenarios(self.app))
                if path is not None:
                    loaded = load_cached(self.app, path)
            except (ScenarioError, OSError):
                loaded = None
            if loaded is not None and loaded.scenario.id == data.scenario_id:
                titles = {e.id: e.title for e in loaded.scenario.endings}
            self._endings[data.scenario_id] = titles
        return titles.get(data.ending) or data.ending.replace("_", " ")

    def build(self) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        y = a.y + self.px(56)
        bh = self.px(42)
        if self.saving:
            self.entry = UITextEntryLine(pygame.Rect(a.x, y, a.width - self.px(220), bh),
                                         manager=self.app.manager)
            self.entry.set_text_length_limit(MAX_NAME_CHARS)
            self.entry.set_text(self.name)
            self.add(self.entry)
            if self.focus_key in (None, "entry"):
                self.focus_entry()  # type a name at once; Tab goes on to the buttons
            self.button("save", pygame.Rect(a.right - self.px(200), y, self.px(200), bh),
                        _("Save  [Enter]"), "@primary")
            y += bh + self.px(16)
        # A finished game's row names its ending: on a second line where one is too short.
        ended = any(e.data is not None and e.data.ending for e in self.entries)
        row = self.px(62 if ended else 46)
        self.per_page = max(1, (a.bottom - y - bh - self.px(20)) // row)
        pages = max(1, (len(self.entries) + self.per_page - 1) // self.per_page)
        self.page = max(0, min(self.page, pages - 1))
        self.problem_lines = []
        rename_label, delete_label = _("Rename"), _("Delete")
        small_w = max(self.button_font("@small").size(t)[0] for t in (rename_label, delete_label)
                      ) + self.px(24)
        start = self.page * self.per_page
        for i, e in enumerate(self.entries[start:start + self.per_page], start):
            rect = pygame.Rect(a.x, y, a.width, row - self.px(6))
            if e.data is None:
                why = printable((e.problem or "").removeprefix(f"{e.path}: "), 300)
                self.button(f"slot:{i}", rect,
                            _("× {name}: cannot be opened: {why}").format(name=e.name, why=why),
                            "@unavailable", tip=[_("This save cannot be opened"),
                                                 printable(e.problem or "", 600)])
            else:
                d = e.data
                values = {"game": e.game,
                          "scenario": printable(d.scenario_title or d.scenario_id, 80),
                          "date": save_date(printable(d.date, 40)), "turn": d.turn + 1,
                          "when": clock_words(d.saved_at or e.mtime),
                          "ending": printable(self.ending_title(d), 80)}
                name = (_("Autosave · {game}") if e.kind == "auto" else
                        _("Quick save · {game}") if e.kind == "quick" else "{game}").format(
                    **values)
                if d.ending:
                    label = _("{name}  ·  {date}, turn {turn}  ·  saved {when}  ·  ended: "
                              "{ending}  ·  {scenario}").format(name=name, **values)
                else:
                    label = _("{name}  ·  {date}, turn {turn}  ·  saved {when}  ·  {scenario}"
                              ).format(name=name, **values)
                verb = _("Overwrite {name}") if self.saving else _("Load {name}")
                tip = [verb.format(name=name),
                       _("File: {file}").format(file=printable(e.path.name)),
                       _("Scenario: {title}").format(title=values["scenario"]),
                       ngettext("{count} decision", "{count} decisions",
                                len(d.moves)).format(count=len(d.moves)),
                       _("Player: {player}").format(player=printable(d.player) or "-"),
                       *([_("Ended: {ending}").format(ending=values["ending"])]
                         if d.ending else []),
                       _("Rename [F2] · Delete [Del]")]
                slot = rect.copy()
                slot.width -= 2 * small_w + self.px(12)
                if self.renaming == i:
                    self.rename_entry = UITextEntryLine(slot, manager=self.app.manager)
                    self.rename_entry.set_text_length_limit(MAX_NAME_CHARS)
                    self.rename_entry.set_text(e.name if e.kind == "named" else e.game)
                    self.add(self.rename_entry)
                    self.app.manager.set_focus_set(self.rename_entry)
                    self.rename_entry.focus()  # type: ignore[no-untyped-call]
                else:
                    font = self.button_font()
                    face = wrap_to(label, font, slot.width - self.px(24), 2) \
                        if d.ending and font.size(label)[0] > slot.width - self.px(24) else None
                    self.button(f"slot:{i}", slot, label, tip=tip, lines=face)
                self.button(f"rename:{i}", pygame.Rect(slot.right + self.px(6), rect.y, small_w,
                                                       rect.height), rename_label, "@small",
                            tip=[_("Rename this save [F2]"),
                                 _("Type the new name, Enter to keep it, Esc to cancel. An "
                                   "autosave renamed is kept: it is no longer rotated away.")])
                self.button(f"delete:{i}", pygame.Rect(slot.right + small_w + self.px(12),
                                                       rect.y, small_w, rect.height),
                            delete_label, "@small",
                            tip=[_("Delete this save [Del]"), _("You are asked first.")])
            y += row
        yb = a.bottom - bh
        self.button("back", pygame.Rect(a.right - self.px(200), yb, self.px(200), bh),
                    _("Back  [Esc]"), "@small")
        if pages > 1:
            self.button("prev", pygame.Rect(a.x, yb, self.px(140), bh), _("« PgUp"), "@small",
                        enabled=self.page > 0)
            self.button("next", pygame.Rect(a.x + self.px(150), yb, self.px(140), bh), _("PgDn »"),
                        "@small", enabled=self.page < pages - 1)

    def focus_entry(self) -> None:
        """Put the keyboard focus in the name box (its text selected, ready to be typed over)."""
        if self.entry is None:
            return
        self.focus_key = "entry"
        self.app.manager.set_focus_set(self.entry)
        self.entry.focus()  # type: ignore[no-untyped-call]
        try:
            self.entry.select_range = [0, len(self.entry.get_text())]
        except (AttributeError, TypeError):
            pass

    def move_focus(self, step: int) -> None:
        """Tab and the arrows go round the name box (when saving) and the buttons."""
        if self.entry is None:
            super().move_focus(step)
            return
        order = ["entry"] + [k for k in self.focus_order if k in self.buttons
                             and self.buttons[k].is_enabled and self.buttons[k].visible]
        current = "entry" if self.entry.is_focused else self.focus_key
        i = (order.index(current) + step) % len(order) if current in order else 0
        if order[i] == "entry":
            self.focus_entry()
        else:
            self.entry.unfocus()  # type: ignore[no-untyped-call]
            self.app.manager.set_focus_set(None)
            self.focus_key = order[i]

    def draw_overlay(self, surface: pygame.Surface) -> None:
        super().draw_overlay(surface)
        if self.entry is not None and self.entry.is_focused:
            focus_ring(surface, self.entry.rect, self.app.colours)

    def on_button(self, key: str) -> None:
        if key == "back":
            self.app.pop()
        elif key == "prev":
            self.page -= 1
            self.rebuild()
        elif key == "next":
            self.page += 1
            self.rebuild()
        elif key == "save":
            self.save_as(self.entry.get_text() if self.entry else self.name)
        elif key.startswith("rename:"):
            self.start_rename(int(key[7:]))
        elif key.startswith("delete:"):
            self.ask_delete(int(key[7:]))
        elif key.startswith("slot:"):
            e = self.entries[int(key[5:])]
            if self.saving:
                if AUTOSAVE.match(e.path.name):
                    # Autosaves are rotated away: a save over one is kept beside it instead.
                    self.save_as(e.path.stem)
                else:
                    self.save_to(e.path)  # the very file clicked, whatever its name
            elif e.data is None:
                self.app.toast(e.problem or _("{file}: cannot be opened").format(file=e.path),
                               "bad", 10)
            else:
                self.app.load_game(e.path)

    def start_rename(self, index: int) -> None:
        self.renaming = index
        self.focus_key = None
        self.rebuild()

    def finish_rename(self, keep: bool) -> None:
        """Rename the save to the name typed (Enter), or leave it (Esc)."""
        index, entry = self.renaming, self.rename_entry
        text = entry.get_text() if entry is not None else ""
        self.renaming = None
        if keep and index is not None:
            self.rename(self.entries[index].path, text)
        self.focus_key = f"slot:{index}"
        self.rebuild()

    def rename(self, path: Path, name: str) -> None:
        try:
            target = path.with_name(slot_file_name(name))
        except SaveNameError as exc:
            self.app.toast(str(exc), "bad")
            return
        if target.name == path.name:
            return
        if os.path.lexists(target):
            self.app.toast(_("There is a save named {name} already: choose another name."
                             ).format(name=printable(name, 80)), "bad", 6)
            return
        try:
            os.rename(path, target)
        except OSError as exc:
            self.app.toast(_("{file}: cannot rename it: {reason}").format(
                file=printable(path.name), reason=exc.strerror or exc), "bad", 8)
            return
        self.entries = list_saves()
        self.app.toast(_("Renamed to {name}").format(name=printable(slot_name_of(target.name),
                                                                   80)), "good")

    def ask_delete(self, index: int) -> None:
        e = self.entries[index]
        label = e.game if e.data is not None else e.name
        self.app.show_message(
            _("Delete this save?"),
            [_("{name} ({file}) is deleted for good.").format(name=label,
                                                             file=printable(e.path.name))],
            choices=[("delete", _("Delete it  [Enter]")), ("keep", _("Keep it  [Esc]"))],
            then=lambda key: self.delete(e.path) if key == "delete" else None, compact=True)

    def delete(self, path: Path) -> None:
        try:
            path.unlink()
        except OSError as exc:
            self.app.toast(_("{file}: cannot delete it: {reason}").format(
                file=printable(path.name), reason=exc.strerror or exc), "bad", 8)
            return
        self.entries = list_saves()
        self.app.toast(_("Deleted {file}").format(file=printable(path.name)), "good")
        self.focus_key = None
        if self.app.top is self:
            self.rebuild()

    def resume(self) -> None:
        self.entries = list_saves()
        super().resume()

    def save_as(self, name: str) -> None:
        """Save under the name typed (or of an autosave slot): its own file, see
        :func:`slot_file_name`."""
        try:
            file_name = slot_file_name(name)
        except SaveNameError as exc:
            self.app.toast(str(exc), "bad")
            return
        self.save_to(saves_dir() / file_name)

    def save_to(self, path: Path) -> None:
        """Save to ``path``; first ask if that file holds another game (or cannot be read)."""
        session = self.app.session
        if session is None:
            return
        try:
            other = session.other_game_in(path)
        except SaveError as exc:
            self.app.toast(str(exc), "bad", 10)
            return
        if other is None:
            self.write(path)
            return
        self.app.show_message(
            _("Replace another game?"),
            [other, _("Saving here replaces that game, and it is lost. To keep both, choose "
                      "Cancel and type another name.")],
            choices=[("replace", _("Replace it  [Enter]")), ("cancel", _("Cancel  [Esc]"))],
            then=lambda key: self.write(path) if key == "replace" else None, compact=True)

    def write(self, path: Path) -> None:
        session = self.app.session
        if session is None:
            return
        before = session.game_name
        if not AUTOSAVE.match(path.name) and path.name != QUICKSAVE:
            session.game_name = slot_name_of(path.name)  # the game is now known by this name
        try:
            session.save(path)
        except SaveError as exc:
            session.game_name = before
            self.app.toast(str(exc), "bad", 10)
            return
        self.app.toast(_("Saved as {name} ({file})").format(
            name=printable(slot_name_of(path.name), 80), file=printable(path.name)), "good")
        if self.app.top is self:
            self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.rename_entry is not None \
                and event.ui_element is self.rename_entry:
            self.finish_rename(True)
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.entry is not None:
            self.save_as(self.entry.get_text())
            return True
        return super().handle(event)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if self.rename_entry is not None:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE):
                self.finish_rename(event.key != pygame.K_ESCAPE)
            return True  # the other keys are typing, handled by the box
        focused = self.focus_key or ""
        if focused.startswith("slot:") and event.key in (pygame.K_F2, pygame.K_DELETE):
            index = int(focused[5:])
            if event.key == pygame.K_F2:
                self.start_rename(index)
            else:
                self.ask_delete(index)
            return True
        if self.entry is not None and self.entry.is_focused:
            self.focus_key = "entry"
            if event.key == pygame.K_TAB:
                self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            if event.key == pygame.K_ESCAPE:
                self.on_escape()
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.save_as(self.entry.get_text())
                return True
            return True  # the other keys are typing, handled by the box
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            key = "next" if event.key == pygame.K_PAGEDOWN else "prev"
            if key in self.buttons and self.buttons[key].is_enabled:
                self.on_button(key)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.saving and \
                self.focus_key in (None, "entry"):
            self.save_as(self.entry.get_text() if self.entry else self.name)
            return True
        return super().handle_key(event)

    def clear(self, keep_ghosts: bool = False) -> None:
        self.rename_entry = None
        if self.entry is not None:
            self.name = self.entry.get_text()
            self.entry = None
        super().clear(keep_ghosts)

    def draw(self, surface: pygame.Surface) -> None:
        a = self.area.inflate(-self.px(60), -self.px(40))
        c, f = self.app.colours, self.app.fonts
        heading = _("Save the game")
        draw_text(surface, heading if self.saving else _("Load a game"), a.topleft,
                  f.title(), c.accent)
        x = a.x + f.title().size(heading)[0] + self.px(30)
        draw_lines(surface, [(_("Folder: {folder}  ·  autosaves: the last 5 turns of each game  ·  "
                                "F5 quick save, F9 quick load").format(folder=saves_dir()),
                              "dim")],
                   pygame.Rect(x, a.y, a.right - x, 2 * f.small().get_linesize() + 2), f, c)
        if not self.entries:
            draw_text(surface, _("No saves yet."), (a.x, a.y + self.px(150)), f.body(), c.dim)
