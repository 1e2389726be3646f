"""The map on the game screen: the shared MapView (``game.ui.mapview``) when it loads, else a
plain fallback that draws each nation as a labelled box, with a message saying why."""

from __future__ import annotations

import dataclasses
from typing import Any

import pygame

from game.core.engine import GameState
from game.i18n import _
from game.present.nations import at_war, binding_treaties
from game.present.powers import PLAYER, status_legend_words

PATTERNS = ("none", "dots", "hatch", "cross")


class PlainMap:
    """Nations as boxes in a grid: what the game shows when the map asset is missing."""

    def __init__(self, regions: list[str], names: dict[str, str]) -> None:
        self.regions = regions
        self.names = names
        self.rects: dict[str, pygame.Rect] = {}

    def layout(self, rect: pygame.Rect, shape: tuple[int, int] | None = None) -> None:
        """Boxes filling ``rect`` (``shape``, where the real map puts its off-map panels, is
        of no use here)."""
        n = max(1, len(self.regions))
        cols = max(1, round((n * rect.width / max(1, rect.height)) ** 0.5))
        rows = (n + cols - 1) // cols
        w, h = rect.width // cols, rect.height // max(1, rows)
        self.rects = {r: pygame.Rect(rect.x + (i % cols) * w + 4, rect.y + (i // cols) * h + 4,
                                     w - 8, h - 8) for i, r in enumerate(self.regions)}

    def region_at(self, pos: tuple[int, int]) -> str | None:
        return next((r for r, box in self.rects.items() if box.collidepoint(pos)), None)

    def off_map_rects(self) -> dict[str, pygame.Rect]:
        return {}

    def draw(self, surface: pygame.Surface, styles: dict[str, Any], hover: str | None,
             selected: str | None, font: pygame.font.Font) -> None:
        for r, box in self.rects.items():
            style = styles.get(r)
            colour = getattr(style, "colour", (90, 90, 90)) if style is not None else (60, 60, 60)
            pygame.draw.rect(surface, colour, box, border_radius=6)
            pattern = getattr(style, "pattern", "none")
            if pattern in ("hatch", "cross"):
                for x in range(box.x - box.height, box.right, 12):
                    pygame.draw.line(surface, (20, 20, 20), (x, box.bottom), (x + box.height,
                                                                               box.y))
            if pattern in ("dots", "cross"):
                for y in range(box.y + 6, box.bottom, 12):
                    for x in range(box.x + 6, box.right, 12):
                        pygame.draw.circle(surface, (20, 20, 20), (x, y), 2)
            edge = (255, 214, 102) if r == selected else (235, 235, 235) if r == hover else \
                (20, 20, 20)
            pygame.draw.rect(surface, edge, box, 3 if r in (selected, hover) else 1,
                             border_radius=6)
            img = font.render(self.names.get(r, r), True, (255, 255, 255), (0, 0, 0))
            surface.blit(img, img.get_rect(center=box.center))


class FallbackStyle:
    def __init__(self, colour: tuple[int, int, int], pattern: str) -> None:
        self.colour = colour
        self.pattern = pattern


def fallback_style(relation: float, war: bool, palette: str) -> FallbackStyle:
    if war:
        return FallbackStyle((120, 20, 20), "cross")
    if relation >= 20:
        return FallbackStyle((60, 140, 80) if palette == "standard" else (0, 114, 178), "dots")
    if relation <= -20:
        return FallbackStyle((170, 70, 50) if palette == "standard" else (213, 94, 0), "hatch")
    return FallbackStyle((120, 120, 110), "none")


PLAYER_COLOUR = (204, 121, 167)
"""The player's own colour on the plain map (the real map's PLAYER_STYLE)."""


def fallback_status_style(own: FallbackStyle, status: str,
                          holders: list[FallbackStyle]) -> FallbackStyle:
    """The plain map's living map: an annexed or partitioned nation in its (first) holder's
    colour, an occupied one hatched, one at war crossed."""
    if status in ("annexed", "partitioned") and holders:
        return FallbackStyle(holders[0].colour, "none")
    if status == "occupied":
        return FallbackStyle(own.colour, "hatch")
    if status == "at_war":
        return FallbackStyle(own.colour, "cross")
    return own


def fallback_legend(palette: str) -> list[tuple[str, Any]]:
    return [(_("friendly"), fallback_style(50, False, palette)),
            (_("neutral"), fallback_style(0, False, palette)),
            (_("unfriendly"), fallback_style(-50, False, palette)),
            (_("at war"), fallback_style(0, True, palette))]


class GameMap:
    """The map for one scenario: which view draws it, and each nation's style from the state."""

    def __init__(self, state: GameState) -> None:
        scn = state.rules.scenario
        self.problem: str | None = None
        self.region_nation = {n.region: i for i, n in enumerate(scn.nations)}
        self._style_fn: Any = fallback_style
        self._legend_fn: Any = fallback_legend
        self._status_style: Any = fallback_status_style
        self._player_style: Any = FallbackStyle(PLAYER_COLOUR, "none")
        self.view: Any
        try:
            from game.ui import mapview

            self.view = mapview.MapView()
            self.view.set_names({n.region: n.name for n in scn.nations})
            self.view.set_player(scn.player)
            if self.view.player_region and not self.view.fallback:
                # The player's land under the scenario's name for it, as every sentence says
                # it ("USSR" in an English scenario, "UdSSR" in its German translation).
                self.view.set_names({**self.view.names, self.view.player_region: scn.player})
            self._style_fn = mapview.relation_style
            self._legend_fn = mapview.legend_items
            self._status_style = mapview.status_style
            self._player_style = mapview.PLAYER_STYLE
            self.problem = self.view.problem
        except Exception as exc:  # noqa: BLE001 - a missing or broken map must not stop the game
            self.problem = _("map not loaded ({kind}: {error}); plain map shown").format(
                kind=exc.__class__.__name__, error=exc)
            self.view = PlainMap([n.region for n in scn.nations],
                                 {n.region: n.name for n in scn.nations})

    def styles(self, state: GameState, palette: str) -> dict[str, Any]:
        """Each nation's region style: its relation band (a treaty partner bound to fight for
        the player is marked), then the living map over it: annexed in its holder's look,
        occupied in bands of the occupier's colour, partitioned in stripes of its holders',
        at war with another nation marked (see :func:`game.ui.mapview.status_style`)."""
        nations = state.rules.scenario.nations
        own: dict[str, Any] = {}
        for i, n in enumerate(nations):
            try:
                style = self._style_fn(state.relations[i], at_war(state, n.id), palette)
                if binding_treaties(state, i) and dataclasses.is_dataclass(style):
                    style = dataclasses.replace(style, marked=True)  # type: ignore[type-var]
                own[n.id] = style
            except Exception:  # noqa: BLE001
                own[n.id] = fallback_style(state.relations[i], at_war(state, n.id), palette)
        out = {}
        for n in nations:
            style = own[n.id]
            status = state.status(n.id)
            if status != "independent":
                try:
                    style = self._status_style(style, status, [
                        self._player_style if h == PLAYER else own[h]
                        for h in state.holders(n.id) if h == PLAYER or h in own])
                except Exception:  # noqa: BLE001 - the map keeps the nation's own look
                    pass
            out[n.region] = style
        return out

    def status_legend(self, state: GameState, palette: str) -> list[tuple[str, Any]]:
        """The legend's items for the living map, only those on the map now: the player's
        gains, annexed, occupied, partitioned, at war with another nation. Each is (label,
        style), or (label, "war") for the war's mark."""
        present: dict[str, Any] = {}
        styles = self.styles(state, palette)
        player = state.rules.scenario.player
        for n in state.rules.scenario.nations:
            status = state.status(n.id)
            if status == "independent":
                continue
            holders = state.holders(n.id)
            if PLAYER in holders and status in ("annexed", "occupied", "partitioned"):
                present.setdefault("gains", self._player_style)
            present.setdefault(status, styles.get(n.region))
        out: list[tuple[str, Any]] = []
        words = status_legend_words(player)
        for key in ("gains", "annexed", "occupied", "partitioned", "at_war"):
            if key not in present:
                continue
            out.append((words[key], "war" if key == "at_war" else present[key]))
        return out

    def legend(self, palette: str) -> list[tuple[str, Any]]:
        """The relation bands, and on the real map the grey of the countries outside the
        scenario."""
        try:
            items = list(self._legend_fn(palette))
            if self._legend_fn is not fallback_legend:
                from game.ui import mapview

                items.append((_(mapview.OUTSIDER_LABEL), mapview.CONTEXT_STYLE))
            return items
        except Exception:  # noqa: BLE001
            return fallback_legend(palette)

    def nation_at(self, pos: tuple[int, int]) -> int | None:
        try:
            region = self.view.region_at(pos)
        except Exception:  # noqa: BLE001
            return None
        if not region:
            return None
        found = self.region_nation.get(region)
        if found is None and hasattr(self.view, "owner"):
            found = self.region_nation.get(self.view.owner(region))
        return found

    def outsider_at(self, pos: tuple[int, int]) -> list[str] | None:
        """The tooltip of a country on the map that takes no part in the scenario (drawn grey),
        if ``pos`` is over one."""
        if self.nation_at(pos) is not None:
            return None
        try:
            region = self.view.region_at(pos)
            owner = self.view.owner(region) if region and hasattr(self.view, "owner") else region
            names = {rid: name for rid, name, _part in getattr(self.view, "regions", [])}
        except Exception:  # noqa: BLE001 - a broken map shows no tooltip
            return None
        if not region or owner == getattr(self.view, "player_region", None):
            return None
        name = names.get(owner or region) or names.get(region) or region
        return [name, _("{country} takes no part in this scenario.").format(country=name)]
