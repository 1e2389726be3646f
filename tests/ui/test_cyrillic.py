"""A teacher's Russian scenario: its text is drawn with real glyphs (no boxes), on the map
screen and in the news card, and its report keeps the Cyrillic text."""

from __future__ import annotations

from pathlib import Path

import pygame

from tests.ui.conftest import Driver

MINI = Path(__file__).resolve().parents[1] / "data" / "mini.yaml"
RUSSIAN = {
    "title: Mini test scenario": "title: Малый тестовый сценарий",
    "name: Pact with Finland": "name: Пакт с Финляндией",
    "name: Propaganda": "name: Пропаганда",
    "name: Finland": "name: Финляндия",
    "name: Germany": "name: Германия",
    "title: A rumour": "title: Слух",
    "text: Sometimes it happens.": "text: Иногда так бывает — «слухи» ходят.",
    "language: en": "language: ru",
}


def russian_scenario(folder: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    for old, new in RUSSIAN.items():
        assert old in text, old
        text = text.replace(old, new)
    path = folder / "russian.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_game_fonts_have_every_cyrillic_glyph_the_scenario_uses(make_app) -> None:
    d: Driver = make_app()
    letters = set("".join(v.split(": ", 1)[1] for v in RUSSIAN.values())) - set(" :—«».,")
    for bold in (False, True):
        font = d.app.fonts.get(16, bold)
        missing = [c for c, m in zip(sorted(letters), font.metrics("".join(sorted(letters))),
                                     strict=True) if m is None]
        assert not missing, f"no glyph for {missing}"


def test_a_russian_scenario_plays_and_shows_its_text(make_app, tmp_path: Path) -> None:
    path = russian_scenario(tmp_path)
    d: Driver = make_app()
    d.app.settings.tutorial_done = True
    assert d.app.new_game(str(path))
    d.settle()
    assert d.scene() == "GameScene"
    labels = " ".join(b.text for b in d.top.buttons.values())
    assert "Пропаганда" in labels
    d.shot("russian_map")
    for _ in range(8):
        if d.scene() != "GameScene":
            break
        d.end_turn()
        d.settle()
    d.shot("russian_later")
    assert pygame.display.get_surface() is not None
