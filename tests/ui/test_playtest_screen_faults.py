"""Faults a student play-test found on the game screen, each checked where the student saw it
(the default scenario, at 1280x800 and 800x500, in English and German):

- a wrapped "·"-joined line ended in a dangling separator ("Towards Poland ·" / "0 points
  left"): it breaks at the separator and drops it;
- the off-map nations moved from under the map to its right when the quiet turn's banner
  appeared on turn 2: they keep one place;
- the Security aim's tooltip was cut off at "Many earli…": a tooltip shows its whole text.

Screenshots ``playtest_faults_<what>_<lang>_<size>.png``."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game import i18n
from tests.ui.conftest import ROOT, Driver, mouse_away, open_game_screen

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
SIZES = [(1280, 800), (800, 500)]
LANGS = ["en", "de"]


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def next_turn(d: Driver) -> None:
    """End the turn with Enter (confirming it, points left), read its news, answer its
    questions."""
    turn = d.app.session.state.turn
    d.key(pygame.K_RETURN)
    if d.scene() == "MessageScene":
        d.key(pygame.K_RETURN)
    for _ in range(20):  # the news, and a question's first answer
        if d.scene() == "GameScene":
            break
        if d.scene() == "EventScene" and d.top.answered is None:
            d.key(pygame.K_1)
        else:
            d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene" and d.app.session.state.turn == turn + 1
    mouse_away(d)


def tag(lang: str, size: tuple[int, int]) -> str:
    return f"{lang}_{size[0]}x{size[1]}"


# -- a separator never dangles ----------------------------------------------------------------

PARTED = ["Towards Poland · 0 points left", "Towards Czechoslovakia · 2 points left",
          "2 points left · keys 1-9 · hover for details",
          "Turns played: 54  ·  score 61.2 of 100 (history's path 58.0)  ·  policy: security",
          "Gegenüber Polen · noch 0 Punkte · Tasten 1-9 · Details per Mauszeiger"]


def dangling(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip().startswith("·") or
            line.strip().endswith("·")]


@pytest.mark.parametrize("text", PARTED)
def test_a_parted_line_breaks_at_its_separators(make_app: Any, text: str) -> None:
    from game.ui.widgets import wrap, wrap_to

    d: Driver = make_app(size=(800, 500))
    font = d.app.fonts.small()
    letters = "".join(text.replace("·", " ").split())
    parts = [p.strip() for p in text.split("·")]
    for width in range(30, font.size(text)[0] + 20, 3):
        lines = wrap(text, font, width)
        assert not dangling(lines), (width, lines)
        assert "".join(" ".join(lines).replace("·", " ").split()) == letters, (width, lines)
        if all(font.size(p)[0] <= width for p in parts):
            # Every part fits a line: the lines break at separators only.
            assert all(p.strip() in parts for line in lines for p in line.split("·")), \
                (width, lines)
        short = wrap_to(text, font, width, 2)
        assert not dangling(short[:-1]), (width, short)
        assert not short[-1].rstrip("…").rstrip().endswith("·"), (width, short)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_line_under_the_actions_title_never_dangles(make_app: Any, lang: str,
                                                         size: tuple[int, int]) -> None:
    """The points line, with no nation chosen and with each nation chosen in turn (the
    student saw "Towards Poland ·" / "0 points left")."""
    d = open_game_screen(make_app, size, lang)
    scene: Any = d.top
    seen = {"all": scene.sub_lines}
    d.shot(f"playtest_faults_points_line_{tag(lang, size)}")
    nations = d.app.session.state.rules.scenario.nations
    for n, nation in enumerate(nations):
        scene.select(n)
        d.step()
        seen[nation.id] = scene.sub_lines
        if nation.id == "poland":
            d.shot(f"playtest_faults_points_line_poland_{tag(lang, size)}")
    bad = {k: v for k, v in seen.items() if dangling(v)}
    assert not bad, bad


# -- a tooltip shows its whole text ----------------------------------------------------------

def hover(d: Driver, pos: tuple[int, int]) -> None:
    d.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_security_aims_tooltip_is_whole(make_app: Any, monkeypatch: pytest.MonkeyPatch,
                                            lang: str, size: tuple[int, int]) -> None:
    """On turn 2 (the tooltip then says why the aim drifted, the scenario's longest text on
    it) the Security aim's tooltip holds every word of its lines, inside the window (the
    student saw it stop at "Many earli…")."""
    from game.present.aims import aim_why
    from tests.ui.test_layout_sizes import capture, install

    install(monkeypatch)
    d = open_game_screen(make_app, size, lang)
    next_turn(d)
    scene: Any = d.top
    state = d.app.session.state
    aim = state.rules.scenario.aims[0]
    assert aim.id == "security" and state.turn == 1
    hover(d, scene.aim_rects[0].center)
    drawn = [x for x in capture(d.app) if x.layer == "tip"]
    d.shot(f"playtest_faults_security_tip_{tag(lang, size)}", keep_messages=True)
    window = d.app.screen.get_rect()
    assert drawn and all(window.contains(x.rect) for x in drawn)
    text = " ".join(x.text for x in sorted(drawn, key=lambda x: x.rect.y)).split()
    want = " ".join(aim_why(state, 0)).split()
    assert text == want, (len(text), len(want), text[-12:])
    assert " ".join(aim.per_turn_reason.split()) in " ".join(text)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_tooltip_grows_wider_to_stay_whole(make_app: Any,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  size: tuple[int, int]) -> None:
    """A tooltip too tall for the window at its usual width is drawn wider, whole and inside
    the window, wherever the mouse is."""
    from game.ui import widgets
    from tests.ui.test_layout_sizes import REC, RecordingScreen, install

    install(monkeypatch)
    d: Driver = make_app(size=size)
    words = [f"w{k}" for k in range(420)]
    lines = ["A long tip", " ".join(words[:300]), *(" ".join(words[k:k + 12])
                                                    for k in range(300, 420, 12))]
    for pos in [(5, 5), (size[0] // 2, size[1] // 2), (size[0] - 5, size[1] - 5)]:
        REC.drawn = []
        screen = RecordingScreen(size)
        widgets.tooltip(screen, lines, pos, d.app.fonts, d.app.colours)
        assert all(screen.get_rect().contains(x.rect) for x in REC.drawn), pos
        shown = " ".join(x.text for x in sorted(REC.drawn, key=lambda x: x.rect.y)).split()
        assert shown == " ".join(lines).split(), (pos, shown[-5:])


# -- the off-map nations keep their place ----------------------------------------------------

def off_map_side(scene: Any) -> str:
    """Where the off-map nations' panels are: "under" the map or "beside" it."""
    view = scene.map.view
    mrect = view.map_rect()
    panels = [r for r in view.off_map_rects().values() if r.width and r.height]
    assert panels, "no off-map panel drawn"
    if all(r.top >= mrect.bottom for r in panels):
        return "under"
    assert all(r.left >= mrect.right for r in panels), (mrect, panels)
    return "beside"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_off_map_nations_keep_their_place(make_app: Any, lang: str,
                                              size: tuple[int, int]) -> None:
    """Turn 1 (no banner), turn 2 (the quiet turn's banner over the map), later turns, and
    after a nation's panel was opened and closed: the off-map nations stay where they were
    (the student saw them go from under the map to its right on turn 2 at 800x500)."""
    d = open_game_screen(make_app, size, lang)
    scene: Any = d.top
    sides = {"turn 1": off_map_side(scene)}
    d.shot(f"playtest_faults_off_map_turn1_{tag(lang, size)}")
    scene.select(d.app.session.state.rules.nation_index["latvia"])
    d.step()
    scene.select(None)
    d.step()
    sides["turn 1, after Latvia's panel"] = off_map_side(scene)
    quiet = []
    for turn in (2, 3, 4):
        next_turn(d)
        scene = d.top
        quiet.append(scene.quiet)
        sides[f"turn {turn}"] = off_map_side(scene)
        if turn == 2:
            d.shot(f"playtest_faults_off_map_turn2_{tag(lang, size)}")
    assert any(quiet), "no quiet turn's banner seen"
    assert len(set(sides.values())) == 1, sides
