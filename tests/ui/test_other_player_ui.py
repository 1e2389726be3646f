"""The Poland scenario on screen: the game screen's nation tooltips, the news card, help and
the guided turn name Poland, and the game adds no USSR, essay line or "none"."""

from __future__ import annotations

from pathlib import Path

import pygame

from tests.test_other_player import FORBIDDEN, masked_poland
from tests.ui.conftest import Driver


def texts(d: Driver) -> str:
    top = d.top
    view = getattr(top, "view", None)
    paras = getattr(view, "paragraphs", None) or []
    return "\n".join(str(p[0]) for p in paras)


def test_poland_on_screen(make_app, tmp_path: Path) -> None:
    scenario = masked_poland(tmp_path)
    d: Driver = make_app()
    d.app.settings.tutorial_done = True
    assert d.app.new_game(scenario)
    seen: list[str] = []
    if d.scene() == "NewsCardScene":
        seen.append(texts(d))
        d.shot("poland_news_card")
    d.settle()
    assert d.scene() == "GameScene"
    game = d.top
    tips = []
    for i in range(len(game.session.state.rules.scenario.nations)):
        from game.present.nations import nation_lines
        tips += nation_lines(game.session.state, i)
    seen.append("\n".join(tips))
    assert any("Relation with Poland" in t for t in tips)
    d.shot("poland_game_screen")
    d.key(pygame.K_F1)
    assert d.scene() == "HelpScene"
    help_text = texts(d)
    assert "You lead Poland" in help_text
    seen.append(help_text)
    d.shot("poland_help")
    for text in seen:
        found = FORBIDDEN.search(text)
        assert found is None, text[max(0, found.start() - 100):][:200]
