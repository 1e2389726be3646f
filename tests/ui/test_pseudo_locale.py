"""No sentence on a screen bypasses the catalogue.

In the pseudo-language ``qps`` every translated sentence comes out as ``⟦…⟧`` with accented
letters; the scenario played here has every text of its own marked ``«…»``. The real App is
driven headless through every screen while every text it draws is captured; each must then be
made only of those marked parts, numbers, dates, punctuation and key names. The same drive in
English checks that the capture sees the text at all.

Text is captured where the screens hand it over: the paragraphs given to
``game.ui.widgets.wrap`` and ``fit`` (draw_lines, the scrolling views, tooltips, toasts, one-line
labels), every button's label, lines and tooltip (``Scene.button``: pygame_gui draws the
label), the save name in the text box, and every string a ``game`` module renders with a
pygame font (a line of a wrapped paragraph is checked as part of its paragraph).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from game import i18n
from game.present.dates import MONTHS

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "mini.yaml"

SCENARIO_KEYS = ("name", "title", "text", "description", "summary", "label", "per_turn_reason",
                 "unavailable_reason", "author", "citation", "player")
"""The scenario's own texts: marked «…» in the copy the test plays."""

KEY_NAMES = {"F1", "F5", "F9", "F11", "Esc", "Enter", "PgUp", "PgDn", "Tab", "Ctrl",
             "Backspace", "Space", "N", "C", "L", "S", "O", "H", "Q", "T", "E", "U", "Z", "P", "A", "R"}
NAMES = {"STATECRAFT", "Statecraft"}
"""The game's own name is a name in every language."""

_PSEUDO_PART = re.compile(r"⟦[^⟦⟧]*⟧")
_SCENARIO_PART = re.compile(r"«[^«»]*»")
_CUT_PART = re.compile(r"[⟦«][^⟦⟧«»]*…\s*$")
_WORD = re.compile(r"[^\W_]+")


def marked_scenario(path: Path) -> Path:
    """A copy of the mini scenario with every text of its own wrapped in «…»."""
    out = []
    line_re = re.compile(r"^(\s*(?:- )?)(" + "|".join(SCENARIO_KEYS) + r"):\s*(.+?)\s*$")
    for line in MINI.read_text(encoding="utf-8").splitlines():
        m = line_re.match(line)
        if m and not m[3].startswith(("[", "{", "|", ">")):
            value = m[3]
            if value[:1] in "\"'" and value[-1:] == value[:1]:
                value = value[1:-1]
            value = value.replace("\\", "\\\\").replace('"', '\\"')
            line = f'{m[1]}{m[2]}: "«{value}»"'
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def unmarked_words(text: str, allowed: set[str], data: tuple[str, ...] = ()) -> list[str]:
    """The words of ``text`` that are neither in a marked part, nor in ``data`` (texts of
    other scenarios, unmarked), nor allowed as they are."""
    s, before = text, None
    for d in data:
        s = s.replace(d, " ")
    while s != before:  # innermost marks first: a sentence may hold another, or a name
        before = s
        s = _PSEUDO_PART.sub(" ", s)
        s = _SCENARIO_PART.sub(" ", s)
    s = _CUT_PART.sub(" ", s)  # a mark cut short with an ellipsis
    return [w for w in _WORD.findall(s) if w not in allowed and not w.isdigit()]


class Capture:
    """Every text the screens draw, as whole paragraphs where they are wrapped."""

    def __init__(self) -> None:
        self.paragraphs: set[str] = set()
        self.rendered: set[str] = set()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from game.ui import scene, widgets

        capture = self
        real_wrap, real_fit, real_button = widgets.wrap, widgets.fit, scene.Scene.button

        def wrap(text: str, *args: Any, **kwargs: Any) -> list[str]:
            capture.paragraphs.add(text)
            return real_wrap(text, *args, **kwargs)

        def fit(text: str, *args: Any, **kwargs: Any) -> str:
            capture.paragraphs.add(text)
            return real_fit(text, *args, **kwargs)

        def button(self: Any, key: str, rect: Any, text: str, style: str | None = None,
                   tip: list[str] | None = None, enabled: bool = True, focusable: bool = True,
                   lines: list[str] | None = None) -> Any:
            capture.paragraphs.update([text, *(tip or []), *(lines or [])])
            return real_button(self, key, rect, text, style, tip, enabled, focusable, lines)

        for name, module in list(sys.modules.items()):
            if name.startswith("game.ui"):
                for attr, real, fake in (("wrap", real_wrap, wrap), ("fit", real_fit, fit)):
                    if getattr(module, attr, None) is real:
                        monkeypatch.setattr(module, attr, fake)
        monkeypatch.setattr(scene.Scene, "button", button)

        class RecordingFont(pygame.font.Font):
            def render(self, text: Any, *args: Any, **kwargs: Any) -> pygame.Surface:
                caller = sys._getframe(1).f_globals.get("__name__", "")
                if isinstance(text, str) and caller.startswith("game."):
                    capture.rendered.add(text)
                return super().render(text, *args, **kwargs)

        monkeypatch.setattr(pygame.font, "Font", RecordingFont)

    def texts(self) -> set[str]:
        """The paragraphs, and each rendered string that is not a piece of one."""
        whole = "\n".join(self.paragraphs)
        alone = {t for t in self.rendered if t.strip() and t.rstrip("…").strip() not in whole}
        return {t for t in self.paragraphs if t.strip()} | alone


def drive(d: Any, capture: Capture) -> list[str]:
    """Every screen of a game of the marked scenario; return the scenes seen."""
    seen: list[str] = []
    app = d.app

    def look(hover: list[tuple[int, int]] | None = None) -> None:
        for pos in hover or []:
            d.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                       buttons=(0, 0, 0))])
            app.draw()
        app.draw()
        # pygame_gui's own text: the save name being typed
        entry = getattr(app.top, "entry", None)
        if entry is not None:
            capture.paragraphs.add(entry.get_text())
        seen.append(d.scene())

    def visit(open_it: Callable[[], None]) -> None:
        open_it()
        look()
        d.key(pygame.K_ESCAPE)

    look()
    visit(lambda: d.click("settings"))
    visit(lambda: d.key(pygame.K_F1))
    visit(lambda: d.click("scenarios"))
    visit(lambda: d.click("load"))
    d.click("new")
    while d.scene() == "TutorialScene":
        look()
        d.key(pygame.K_RETURN)
    explored = False
    for _step in range(80):
        if d.scene() == "NewsCardScene":
            look()
            d.key(pygame.K_RETURN)
            continue
        if d.scene() == "EventScene":
            look()
            d.key(pygame.K_1)
            look()
            if d.scene() == "EventScene":
                d.key(pygame.K_h) if "history" in app.top.buttons else None
                look()
                d.key(pygame.K_RETURN)
            continue
        if d.scene() == "ReportScene":
            break
        if d.scene() == "MessageScene":
            look()
            d.key(pygame.K_RETURN)
            continue
        assert d.scene() == "GameScene", d.scene()
        game = app.top
        points = [r.center for r in game.aim_rects] + [game.legend_rect.center,
                                                       (game.top_rect.x + 30, 20)]
        view = game.map.view
        rects = getattr(view, "rects", None) or {}
        points += [r.center for r in list(rects.values())[:3]]
        points += [game.map_draw_rect.center]
        look(points)
        if not explored:
            explored = True
            d.key(pygame.K_RIGHTBRACKET)  # a nation's panel
            look([game.map_draw_rect.center])
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_1)  # an action, and its toast
            look()
            d.key(pygame.K_u)  # undone
            look()
            d.key(pygame.K_u)  # nothing to undo
            look()
            visit(lambda: d.key(pygame.K_n))
            d.key(pygame.K_n)
            d.key(pygame.K_t)
            look()
            d.key(pygame.K_ESCAPE)
            d.key(pygame.K_ESCAPE)  # the menu
            look()
            d.click("save")
            look()
            d.key(pygame.K_RETURN)  # saved: a toast
            look()
            if d.scene() == "MenuScene":
                d.key(pygame.K_ESCAPE)
            d.key(pygame.K_F1)
            look()
            d.key(pygame.K_ESCAPE)
        d.key(pygame.K_RETURN)  # end the turn; with points left, the question comes first
    assert d.scene() == "ReportScene", d.scene()
    for tab in ("summary", "charts", "decisions"):
        d.click(f"tab:{tab}")
        look()
    d.key(pygame.K_e)  # export: a toast
    look()
    return seen


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def allowed_words(app: Any) -> set[str]:
    """Key names, month abbreviations, the game's name and the map asset's own place names
    (the countries around the scenario's nations: map data, not sentences)."""
    from game.ui import mapview
    from game.ui.game_screen import GameScene

    allowed = KEY_NAMES | NAMES | set(MONTHS)
    game = app.find(GameScene)
    view = game.map.view if game is not None else None
    names = [name for _rid, name, *_rest in getattr(view, "regions", [])]
    names += [name for _rid, name in getattr(view, "off_map", [])]
    names += list(mapview.DEFAULT_NATIONS.values())
    for name in names:
        allowed |= set(_WORD.findall(name + " " + mapview.short_name(name)))
    return allowed


def other_scenarios(app: Any, marked: Path) -> tuple[str, ...]:
    """The titles of the bundled scenarios (the picker lists them): their data, not marked."""
    from game.ui.loading import known_scenarios, load_cached

    titles = []
    for path in known_scenarios(app):
        if path != marked:
            titles.append(load_cached(app, path).scenario.title)
    return tuple(sorted(titles, key=len, reverse=True))


def run(make_app: Any, home: Path, lang: str, monkeypatch: pytest.MonkeyPatch,
        ) -> tuple[set[str], list[str], set[str], tuple[str, ...]]:
    i18n.set_language(lang)
    capture = Capture()
    capture.install(monkeypatch)
    (home / "scenarios" / "mini.yaml").unlink()  # only the marked copy in the teacher's folder
    scenario = marked_scenario(home / "scenarios" / "marked.yaml")
    from game.ui.settings import Settings

    d = make_app(scenario=str(scenario), start_game=False, settings=Settings(language=lang))
    assert i18n.current_language() == lang
    seen = drive(d, capture)
    return capture.texts(), seen, allowed_words(d.app), other_scenarios(d.app, scenario)


SCREENS = {"TitleScene", "SettingsScene", "HelpScene", "PickerScene", "SavesScene",
           "TutorialScene", "GameScene", "NewsScene", "MenuScene", "ReportScene",
           "MessageScene", "EventScene", "NewsCardScene"}


@pytest.mark.usefixtures("english_after")
def test_every_text_on_every_screen_comes_from_the_catalogue_or_the_scenario(
        make_app: Any, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts, seen, allowed, data = run(make_app, home, i18n.PSEUDO, monkeypatch)
    assert SCREENS <= set(seen), f"not visited: {SCREENS - set(seen)}"
    assert len(texts) > 150
    offenders = sorted((t, w) for t in texts if (w := unmarked_words(t, allowed, data)))
    for text, words in offenders:
        print(f"bypasses the catalogue: {text!r}  (words: {', '.join(words)})")
    assert not offenders, f"{len(offenders)} texts bypass the catalogue (printed above)"


@pytest.mark.usefixtures("english_after")
def test_the_same_drive_in_english_sees_the_text(make_app: Any, home: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    texts, seen, allowed, data = run(make_app, home, "en", monkeypatch)
    assert SCREENS <= set(seen), f"not visited: {SCREENS - set(seen)}"
    assert {"End turn  [Enter]", "Keyboard shortcuts", "Saved automatically for next time.",
            "Beyond the map"} <= texts
    assert any(t.startswith("Action points: ") for t in texts)
    # The check finds English that is not marked: it would find a bypass.
    assert sum(1 for t in texts if unmarked_words(t, allowed, data)) > 100
