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


def test_every_screen_of_a_whole_poland_game_names_poland(make_app, home: Path,
                                                          monkeypatch) -> None:
    """The pseudo-locale drive (every screen: title, settings, help, picker, saves, guide, map
    with tooltips and a nation panel, news card, event dialog before and after choosing, news
    and timeline, menu, messages, and every tab of the end report) on the Poland scenario, in
    English: no text the game draws names the USSR or speaks of an essay."""
    from game.ui.settings import Settings
    from tests.ui.test_pseudo_locale import SCREENS, Capture, drive, other_scenarios

    capture = Capture()
    capture.install(monkeypatch)
    (home / "scenarios" / "mini.yaml").unlink()
    scenario = masked_poland(home / "scenarios")
    d: Driver = make_app(scenario=str(scenario), start_game=False, settings=Settings())
    seen = drive(d, capture)
    assert SCREENS <= set(seen), f"not visited: {SCREENS - set(seen)}"
    texts = capture.texts()
    assert any("Poland" in t for t in texts)
    for title in other_scenarios(d.app, scenario):  # the picker lists the bundled scenarios
        texts = {t.replace(title, "") for t in texts}
    bad = sorted(t for t in texts if FORBIDDEN.search(t))
    assert not bad, bad[:5]
