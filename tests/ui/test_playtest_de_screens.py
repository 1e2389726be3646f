"""Faults a German student play-test of the default scenario found on the screens, each
checked in English and German, at 1280x800 and 800x500: a map name shortened mid-syllable
("Öste." for Österreich), the turn named by its first month only ("Juli 1931" for a turn
of three months, with an event of 18 Sept 1931 in it), an ending shown by its id in the saves
list, the lines under an action cut with nothing to read them whole, a gamble's heading cut,
the nation panel in two columns of fifteen letters at 800x500 and the map's tooltip over most
of the map. Screenshots ``playtest_de_*.png``."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import random
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from game import i18n
from game.ui.settings import Settings
from tests.ui.conftest import ROOT, Driver

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
SIZES = [(1280, 800), (800, 500)]
LANGS = ["en", "de"]
VOWELS = set("aeiouyäöü")


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


def open_game(make_app: Any, size: tuple[int, int], lang: str, turn: int = 0) -> Driver:
    """The map of the default scenario at ``turn``, played as history went."""
    from game.core.engine import apply_action
    from game.core.policies import history_policy
    from game.ui.game_screen import GameScene

    d: Driver = make_app(size=size, settings=Settings(tutorial_done=True, language=lang))
    assert d.app.new_game(DEFAULT)
    s = d.app.session
    rng = random.Random(0)
    while s.state.turn < turn or s.state.pending:
        s.turn_states = [apply_action(s.state, history_policy(s.state, rng))]
    s.news_shown_turn = s.state.turn
    d.app.pop_to_title()
    d.app.push(GameScene(d.app))
    hover(d, (size[0] - 1, size[1] - 1))
    return d


def hover(d: Driver, pos: tuple[int, int]) -> None:
    d.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    d.app.messages.clear()
    d.app.draw()


@pytest.mark.parametrize("lang", LANGS)
def test_short_names_end_after_a_consonant(lang: str) -> None:
    """A shortened name is cut as abbreviations are, after a consonant: "Öst.", not "Öste."
    (Österreich), "Rum." not "Rumä.", "Lit." not "Lita."."""
    from game.scenario.loader import load_scenario
    from game.ui.mapview import short_name

    assert short_name("Österreich") == "Öst."
    assert short_name("Rumänien") == "Rum."
    assert short_name("Lithuania") == "Lith."
    i18n.set_language(lang)
    names = [n.name for n in load_scenario(DEFAULT).rules.scenario.nations]
    bad = [(name, short) for name in names for short in [short_name(name)]
           if short.endswith(".") and short[-2].lower() in VOWELS]
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_top_bar_names_the_turns_months(make_app: Any, size: tuple[int, int], lang: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The top bar names the turn by its months ("Jul–Sep 1931"), whole, left of the buttons;
    the quiet turn's banner names the next turn so too."""
    import game.ui.game_screen as screen
    from game.present.dates import turn_months
    from game.present.quiet_turn import quiet_line

    d = open_game(make_app, size, lang, turn=14)  # Jul 1931
    st = d.app.session.state
    months = turn_months(st.rules, st.turn)
    assert "–" in months
    drawn: list[tuple[str, pygame.Rect]] = []
    real = screen.draw_text

    def record(surface: pygame.Surface, text: str, *args: Any, **kwargs: Any) -> pygame.Rect:
        r = real(surface, text, *args, **kwargs)
        drawn.append((text, r))
        return r

    monkeypatch.setattr(screen, "draw_text", record)
    d.top._layer = None  # type: ignore[attr-defined]
    d.app.draw()
    found = [r for text, r in drawn if text == months]
    assert found, (months, [t for t, _r in drawn][:5])
    assert found[0].right < d.top.end_button_left  # type: ignore[attr-defined]
    assert turn_months(st.rules, st.turn + 1) in quiet_line(st)
    d.shot(f"playtest_de_top_bar_{lang}_{size[0]}")
    # The turn's news card names it so too ("News: Jul–Sep 1931").
    from game.ui.news_card import NewsCardScene

    assert d.app.new_game(DEFAULT)
    card = d.top
    assert isinstance(card, NewsCardScene), d.scene()
    first = turn_months(d.app.session.state.rules, 0)
    assert card.heading.endswith(first) and "–" in first, card.heading


@pytest.mark.parametrize("size", SIZES)
def test_saves_list_names_the_ending(make_app: Any, size: tuple[int, int]) -> None:
    """A finished game's save shows its ending's title in the game's language, not its id
    ("ended: survived_at_terrible_cost"): whole, on a second line of its row if need be,
    and in the row's tooltip."""
    from game.core.engine import apply_action, ending
    from game.core.policies import history_policy
    from game.paths import saves_dir
    from game.saves import write_save
    from game.scenario.loader import load_scenario
    from game.ui.saves_screen import SavesScene

    d: Driver = make_app(size=size, settings=Settings(tutorial_done=True, language="de"))
    i18n.set_language("de")
    assert d.app.new_game(DEFAULT)
    s = d.app.session
    rng = random.Random(0)
    while not s.over:
        s.turn_states = [apply_action(s.state, history_policy(s.state, rng))]
    end = ending(s.state)
    assert end is not None
    folder = saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write_save(folder / "fertig.json", s.state, scenario_file=str(DEFAULT))
    title = next(e.title for e in load_scenario(DEFAULT).scenario.endings if e.id == end)
    d.app.push(SavesScene(d.app, saving=False))
    d.step()
    scene: Any = d.top
    labels = [b.text for k, b in scene.buttons.items() if k.startswith("slot:")]
    faces = [" ".join(lines) for k, (lines, _style) in scene.faces.items()
             if k.startswith("slot:")]
    assert any(title in label for label in faces or labels), (title, faces or labels)
    assert not any(end in label for label in labels), labels
    tips = [line for k, tip in scene.tips.items() if k.startswith("slot:") for line in tip]
    assert any(title in line for line in tips), tips  # whole where the row cuts it
    d.shot(f"playtest_de_saves_ending_{size[0]}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_lines_under_an_action_are_told_whole_on_hover(make_app: Any, size: tuple[int, int],
                                                      lang: str) -> None:
    """The lines under an action (its effect, why it is closed) may be cut at 800x500
    ("… erst nach dem geheimen Zusatzprotokoll und dem…"): over them, the tooltip tells them
    whole."""
    d = open_game(make_app, size, lang, turn=46)  # Jul 1939, the play-test's turn
    scene: Any = d.top
    assert scene.rows
    for (box, _lines), (_b, text, _style) in zip(scene.rows, scene.effect_lines, strict=True):
        tip = scene.hover_tip(box.center)
        assert tip is not None, text
        row = next(r for r in (scene._action_row(i, box.width) for i in scene.shown)
                   if r.lines and " ".join(r.lines) == text)
        whole = row.problem or row.effect
        assert any(whole in line for line in tip), (whole, tip)
    hover(d, scene.rows[-1][0].center)
    d.shot(f"playtest_de_action_lines_{lang}_{size[0]}", keep_messages=True)


@pytest.mark.parametrize("lang", LANGS)
def test_a_gambles_heading_is_whole(lang: str) -> None:
    """How a gamble came out is headed with the event and the choice whole, never cut ("(Sich
    zu ihren Bedingungen mit Großbritannien und Frankreich…)"): every gamble of the default
    scenario, each of its choices."""
    from dataclasses import dataclass

    from game.core.engine import LogEntry, Rules
    from game.present.gambles import outcome_told
    from game.scenario.loader import load_scenario

    i18n.set_language(lang)
    rules = load_scenario(DEFAULT).rules

    @dataclass
    class Answered:  # a game in which this choice was made: what outcome_told reads
        rules: Rules
        chosen: str

        def answer(self, _event: str) -> str:
            return self.chosen

    seen = 0
    for index, ev in enumerate(rules.scenario.events):
        for choice in ev.choices:
            if not choice.outcomes:
                continue
            entry = LogEntry(0, "outcome", index, 0, ())
            heading, _text, _changes = outcome_told(
                Answered(rules, choice.id), entry)  # type: ignore[arg-type]
            assert "…" not in heading, heading
            assert " ".join(choice.label.split()) in heading, heading
            seen += 1
    assert seen
    # A teacher's long label (the play-test's German one was 70 letters) is whole too.
    from types import SimpleNamespace

    label = "Sich zu ihren Bedingungen mit Großbritannien und Frankreich verbünden"
    title = "Verhandlungen mit Großbritannien und Frankreich über ein Bündnis gegen Hitler"
    choice = SimpleNamespace(id="ally", label=label, outcomes=[SimpleNamespace(text="-")])
    ev = SimpleNamespace(id="talks", title=title, choices=[choice])
    fake = SimpleNamespace(rules=SimpleNamespace(scenario=SimpleNamespace(events=[ev])),
                           answer=lambda _event: "ally")
    heading, _text, _changes = outcome_told(fake, LogEntry(0, "outcome", 0, 0, ()))  # type: ignore[arg-type]
    assert label in heading and title in heading, heading


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_nation_panel_is_readable(make_app: Any, size: tuple[int, int], lang: str) -> None:
    """A nation's panel has columns wide enough to read (at 800x500 one column across it,
    not two of fifteen letters a line)."""
    from game.ui.game_screen import COLUMN_LEAST

    d = open_game(make_app, size, lang, turn=40)  # Jan 1938, the play-test's turn
    scene: Any = d.top
    scene.select(list(d.app.session.state.rules.nation_ids).index("britain"))
    d.step()
    assert scene.nation_views
    for view in scene.nation_views:
        assert view.rect.width >= scene.px(COLUMN_LEAST), view.rect
    d.shot(f"playtest_de_panel_{lang}_{size[0]}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_map_tooltip_beside_the_map(make_app: Any, size: tuple[int, int], lang: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A nation's tooltip goes beside the map, hiding none of it, no larger than its text."""
    import game.ui.widgets as widgets

    d = open_game(make_app, size, lang, turn=41)  # Apr 1938, the play-test's turn
    scene: Any = d.top
    view = scene.map.view
    spot = view.label_rects.get("germany") or view.badge_rects["germany"]
    boxes: list[pygame.Rect] = []
    real = widgets._draw_tip

    def record(surface: pygame.Surface, box: pygame.Rect, *args: Any) -> None:
        boxes.append(box.copy())
        real(surface, box, *args)

    monkeypatch.setattr(widgets, "_draw_tip", record)
    hover(d, spot.center)
    assert boxes, "no tooltip"
    box = boxes[-1]
    assert not box.colliderect(scene.map_draw_rect), (box, scene.map_draw_rect)
    assert box.height <= size[1] * 3 // 4
    d.shot(f"playtest_de_map_tip_{lang}_{size[0]}", keep_messages=True)
