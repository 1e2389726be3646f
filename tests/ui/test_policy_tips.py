"""The standing policies' panel (P): an option's tooltip stands beside the panel and hides
none of the options (the play-test found the focused option's tooltip over its neighbours),
by mouse and by keyboard, at 1280x800 and at the smallest window; and no option's words run
under the page buttons. Screenshots ``policy_tip_<size>_<how>.png``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest

from tests.ui.conftest import ROOT, Driver

DEFAULT = ROOT / "scenarios" / "ussr_1928_1941.yaml"
Tip = tuple[pygame.Rect, list[str]]


def recording(real: Callable[..., None], drawn: list[Tip]) -> Callable[..., None]:
    """``real`` (a tooltip function), recording the box of each tooltip it draws."""

    def draw(surface: pygame.Surface, lines: list[str], *args: Any, **kwargs: Any) -> None:
        layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        real(layer, lines, *args, **kwargs)
        drawn.append((layer.get_bounding_rect(), list(lines)))
        real(surface, lines, *args, **kwargs)

    return draw


@pytest.mark.parametrize("size", [(1280, 800), (800, 500)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_an_options_tooltip_hides_no_option(make_app: Any, monkeypatch: pytest.MonkeyPatch,
                                            size: tuple[int, int]) -> None:
    from game.ui import app as app_module
    from game.ui import policy_panel, scene
    from game.ui.settings import Settings

    drawn: list[Tip] = []
    for module in (policy_panel, scene, app_module):  # whoever draws it
        if hasattr(module, "tooltip"):
            monkeypatch.setattr(module, "tooltip", recording(module.tooltip, drawn))
    d: Driver = make_app(size=size, settings=Settings(tutorial_done=True))
    assert d.app.new_game(DEFAULT)
    d.settle()
    d.key(pygame.K_p)
    game: Any = d.top
    assert game.policies_open
    panel = game.policy_panel
    window = d.app.screen.get_rect()
    names = {o.id: o.name for v in panel.views for o in v.options}
    seen = 0
    for page in range(panel.pages):
        if page:
            d.click("pol_next")
        options = {key: b.rect for key, b in game.buttons.items()
                   if policy_panel.parse_key(key) is not None}
        assert options
        if "pol_next" in game.buttons:  # nothing runs under the page buttons
            limit = game.buttons["pol_next"].rect.top
            line_h = d.app.fonts.small().get_linesize()
            assert [t for _x, y, _w, t, _s in panel.texts if y + line_h > limit] == []
            assert all(r.bottom <= limit for r in options.values())
        for key, rect in options.items():
            for how in ("mouse", "keyboard"):
                d.app.messages.clear()
                if how == "mouse":
                    d.app.keyboard_mode = False
                    d.app.mouse_pos = rect.center
                else:
                    game.focus_key = key
                    d.app.keyboard_mode = True
                    d.app.mouse_pos = (window.right - 1, window.bottom - 1)
                drawn.clear()
                d.app.draw()
                assert len(drawn) == 1, (how, key, drawn)
                box, lines = drawn[0]
                assert lines[0] == names[key.rsplit(":", 1)[1]]
                assert window.contains(box), (how, key, box)
                assert not box.colliderect(panel.rect), (how, key, box, panel.rect)
                assert box.collidelist(list(options.values())) < 0
                seen += 1
                if seen <= 2 or key == next(reversed(options)):
                    d.shot(f"policy_tip_{size[0]}x{size[1]}_{how}", keep_messages=True)
    assert seen == 2 * sum(len(v.options) for v in panel.views)
