"""The map screen: date and aims always on screen, the map of Europe, the actions, the news.

Clicks and keys become engine moves through the session; drawing reads the
state only. Number keys take the actions shown, Enter ends the turn (asking
first when points are left), Ctrl+Z / Backspace undo, [ and ] pick a nation,
N opens the news, Esc the menu. The layout follows the window: at small sizes
headings and labels get shorter, never smaller than the minimum font.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.engine import GameState, Reason, Refusal, SetPolicy, available_action_indices
from game.core.scoring import historical_value
from game.i18n import N_, _, ngettext
from game.present.aims import aim_change, aim_why, aims_explained, versus_history
from game.present.dates import turn_date, turn_months
from game.present.effects import action_effect, diff, locked_by
from game.present.nations import nation_lines, relation_reason
from game.present.news import nation_news, news
from game.present.numbers import number
from game.present.player import the_name
from game.present.powers import power_paragraphs, status_legend_explained
from game.present.quiet_turn import is_quiet, one_off_actions, quiet_line
from game.present.refusals import nothing_open, nothing_towards, refusal_text, told_problems
from game.present.standing_policies import set_policy_words
from game.ui.mapsupport import GameMap
from game.ui.mapview import RegionStyle, draw_mark, draw_swatch, draw_war_mark
from game.ui.news_items import not_yet_told
from game.ui.policy_panel import PolicyPanel, option_names, parse_key
from game.ui.scene import Scene
from game.ui.text import cut, one_line, signed
from game.ui.widgets import (
    ScrollText,
    draw_lines,
    draw_text,
    fit,
    panel,
    style_font,
    wrap,
    wrap_to,
)

if TYPE_CHECKING:
    from game.ui.nav import Stage
    from game.ui.session import Session

HIDDEN = frozenset({Reason.ALREADY_DONE, Reason.TOO_LATE, Reason.NOT_YET, Reason.GAME_OVER})
"""Refusals that leave an action off the list (unless a nation is selected)."""
COLUMN_LEAST = 200
"""A column of a nation's panel is at least this wide (at scale 1), else the panel has one."""

@dataclass
class ActionRow:
    """What is shown of one action: its effect (or why it is not possible) and the actions it
    would rule out, whole and as the lines under its button."""

    index: int
    problem: str | None
    effect: str
    style: str
    locks: list[str]
    lines: list[str]
    warn: list[str]


class GameScene(Scene):
    title = N_("Map")

    def __init__(self, app: Stage) -> None:
        super().__init__(app)
        assert app.session is not None
        self.map = GameMap(app.session.state)
        if self.map.problem:
            app.toast(self.map.problem, "bad", 8)
        self.selected: int | None = None
        self.page = 0
        self.shown: list[int] = []
        self.aim_rects: list[pygame.Rect] = []
        self.top_rect = self.left_rect = self.map_rect = self.right_rect = pygame.Rect(0, 0, 0, 0)
        self.news_rect = self.nation_rect = self.actions_rect = pygame.Rect(0, 0, 0, 0)
        self.effect_lines: list[tuple[pygame.Rect, str, str]] = []
        self.row_tips: list[tuple[pygame.Rect, list[str]]] = []
        """Per action shown: the rect of its lines under the button, its effect (or why it is
        not possible) and the style."""
        self.rows: list[tuple[pygame.Rect, list[tuple[str, str]]]] = []
        self._layer: pygame.Surface | None = None
        self.pages = 1
        self.map_draw_rect = pygame.Rect(0, 0, 0, 0)
        self.aims_panel = pygame.Rect(0, 0, 0, 0)
        self.aim_names: list[list[str]] = []
        """Each aim's name as laid out: wrapped whole, or one line cut when the room is short."""
        self.end_button_left = 0
        self.sub_lines: list[str] = []
        self.sub_rect = pygame.Rect(0, 0, 0, 0)
        """The line under the actions' title, wrapped, and where it is drawn (beside the
        buttons, or under them when it needs the panel's width)."""
        self.list_top = 0
        """Where the actions' list begins, under that line."""
        self.legend_rect = pygame.Rect(0, 0, 0, 0)
        self._nation_tips: dict[int, list[str]] = {}
        self.built_turn = -1
        """The turn the layout was last built for (the header shows its date)."""
        self.news_more = 0
        """How many news lines the news panel had no room for ("… N more: press N")."""
        self._orders: dict[tuple[int, int | None], list[int]] = {}
        """The actions' order as the turn began, per nation selected (None: all): an action
        keeps its place, and its number key, for the whole turn (a used one stays, greyed)."""
        self._paging: dict[tuple[object, ...], list[list[int]]] = {}
        """The actions on each page as the turn began, per selection and layout."""
        self.policies_open = False
        """The standing policies' panel is where the map is (P or the Policies button)."""
        self.policy_panel = PolicyPanel()
        self.nation_views: tuple[ScrollText, ...] | None = None
        """The selected nation's panel: its facts (left) and its words (right), scrolling."""
        self._offered: dict[int, frozenset[str]] = {}
        """Per turn seen: the one-off actions on offer as it began (a quiet turn offers no
        new one)."""
        self.quiet = False
        """This turn asks for no real decision: Enter passes it at once."""
        self._quiet_turns: dict[int, bool] = {}
        self.quiet_lines: list[str] = []
        self.quiet_rect = pygame.Rect(0, 0, 0, 0)
        self._problems: tuple[GameState | None, dict[int, Refusal | None]] = (None, {})
        """The state last asked and why each action cannot be taken in it (as told)."""

    @property
    def session(self) -> Session:
        s = self.app.session
        assert s is not None
        return s

    @property
    def narrow(self) -> bool:
        """A small window (a school laptop at 800 or 1024 pixels): shorter labels."""
        return self.area.width < self.px(1180)

    # -- layout --------------------------------------------------------------------------
    def build(self) -> None:
        self._layer = None  # the state or the layout changed: draw the still parts again
        self._nation_tips = {}
        a = self.area
        st = self.session.state
        self.built_turn = st.turn
        f = self.app.fonts
        pad = self.px(10)
        bar_h = max(self.px(54), f.get(24, True).get_linesize() + f.get(11).get_linesize() + 4)
        self.top_rect = pygame.Rect(0, 0, a.width, bar_h)
        left_w = max(self.px(270), a.width * 23 // 100)
        right_w = max(self.px(330), a.width * 28 // 100)
        body_y = bar_h + pad
        body_h = a.height - body_y - pad
        self.left_rect = pygame.Rect(pad, body_y, left_w, body_h)
        self.right_rect = pygame.Rect(a.width - right_w - pad, body_y, right_w, body_h)
        self.map_rect = pygame.Rect(self.left_rect.right + pad, body_y,
                                    self.right_rect.x - self.left_rect.right - 2 * pad, body_h)
        self._lay_out_aims(body_y, body_h)
        news_y = self.aims_panel.bottom + pad
        if st.rules.scenario.policies:
            # The standing policies' button between the aims and the news.
            ph = self.px(30)
            self.button("policies", pygame.Rect(self.left_rect.x, news_y, left_w, ph),
                        _("Close the policies [P]") if self.policies_open else
                        _("Standing policies [P]"), "@small",
                        tip=[_("Standing policies"), *option_names(st),
                             _("Set once, kept until you change them; each applies its effects "
                               "at the end of every turn. P opens and closes them.")])
            news_y += ph + pad
        self.news_rect = pygame.Rect(self.left_rect.x, news_y, left_w, body_y + body_h - news_y)
        self._build_top_bar(bar_h)
        self._note_turn()
        # Map; the nation panel sits over the map's bottom when a nation is selected; the
        # policies' panel takes the map's place while open.
        map_area = self.map_rect.copy()
        self.legend_rect = pygame.Rect(0, 0, 0, 0)
        self.quiet_rect = pygame.Rect(0, 0, 0, 0)
        self.nation_views = None
        if self.policies_open:
            self.policy_panel.build(self, st, self.map_rect)
            self.map_draw_rect = pygame.Rect(self.map_rect.topleft, (0, 0))
            self._build_actions()
            return
        if self.quiet and self.selected is None:
            # The quiet turn's line across the map's top, wrapped whole (a long aim name, a
            # German sentence) in up to a third of the map's height; only when even that is
            # too little, the short form without the last turn's changes.
            small = f.small()
            width = self.map_rect.width - self.px(20)
            room = max(2, (self.map_rect.height // 3 - self.px(10)) // small.get_linesize())
            text = quiet_line(st)
            if len(wrap(text, small, width)) > room:
                text = quiet_line(st, short=True)
            self.quiet_lines = [text]
            qh = len(wrap(text, small, width)) * small.get_linesize() + self.px(10)
            self.quiet_rect = pygame.Rect(self.map_rect.x, self.map_rect.y, self.map_rect.width,
                                          qh)
            map_area.y += qh
            map_area.height -= qh
        if self.selected is not None:
            self._build_nation_panel()
            map_area.height = self.nation_rect.y - map_area.y - pad
        else:
            rows = self._legend_rows(self.map_rect.width - self.px(16))
            legend_h = len(rows) * (f.small().get_linesize() + self.px(4)) + self.px(6)
            map_area.height -= legend_h
            self.legend_rect = pygame.Rect(self.map_rect.x, self.map_rect.bottom - legend_h,
                                           self.map_rect.width, legend_h)
        try:
            if hasattr(self.map.view, "scale"):  # the off-map panels grow with the UI
                self.map.view.scale = self.app.scale
            # The off-map nations' place follows the map's usual room, whatever the banner
            # or the living map's legend leave of it; a nation's panel, open for a moment,
            # leaves the map so little room that they go where it keeps the map largest.
            self.map.view.layout(map_area, self._map_shape() if self.selected is None
                                 else None)
        except Exception as exc:  # noqa: BLE001
            self.app.toast(_("map layout failed: {error}").format(error=exc), "bad")
        self.map_draw_rect = map_area
        self._build_actions()

    def _map_shape(self) -> tuple[int, int]:
        """The map's usual room: its column less the legend of the relation bands, as on a turn
        without the quiet turn's banner or the living map's legend. It decides where the
        off-map nations go, so that they keep their place from turn to turn (a play-test saw
        them move from under the map to its right on turn 2)."""
        f = self.app.fonts
        rows = self._legend_rows(self.map_rect.width - self.px(16), living=False)
        legend_h = len(rows) * (f.small().get_linesize() + self.px(4)) + self.px(6)
        return self.map_rect.width, self.map_rect.height - legend_h

    def _lay_out_aims(self, body_y: int, body_h: int) -> None:
        """A block per aim at the top of the left column (the rest is the news): its name,
        wrapped whole (a long name, a German one, in a narrow window), its bar and its line
        against history. Only when even the names' first lines leave the news too little room
        are the blocks squeezed and the long names cut."""
        f = self.app.fonts
        aims = self.session.state.rules.scenario.aims
        left_w = self.left_rect.width
        width = left_w - self.px(20)
        name_font = f.get(14, True)
        head = f.heading().get_linesize() + self.px(6)
        rest = f.get(15, True).get_linesize() + f.get(12).get_linesize() + self.px(6)
        cap = body_h * 3 // 5
        names = [wrap_to(one_line(aim.name, 60), name_font, width, 3) for aim in aims]
        heights = [len(lines) * name_font.get_linesize() + rest for lines in names]
        if head + sum(heights) + self.px(4) > cap:
            # Too many aims for the room: a line per name, the blocks squeezed as they must.
            names = [[fit(one_line(aim.name, 60), name_font, width)] for aim in aims]
            aim_h = min(name_font.get_linesize() + rest,
                        (cap - head - self.px(4)) // max(1, len(aims)))
            heights = [aim_h] * len(aims)
        self.aim_names = names
        self.aim_rects = []
        y = body_y + head
        for h in heights:
            self.aim_rects.append(pygame.Rect(self.left_rect.x + self.px(10), y, width, h))
            y += h
        self.aims_panel = pygame.Rect(self.left_rect.x, body_y, left_w,
                                      y + self.px(4) - body_y)

    def _note_turn(self) -> None:
        """Remember the one-off actions on offer as this turn began, and say whether it is a
        quiet turn (no event asks, no one-off action newly on offer)."""
        st = self.session.state
        if st.turn not in self._offered:
            # Decided as the turn begins (an event waiting, a one-off action newly on offer),
            # and kept for the turn: answering or acting does not make it a quiet one.
            self._offered[st.turn] = one_off_actions(st)
            earlier = [v for t, v in self._offered.items() if t < st.turn]
            before: frozenset[str] | None = frozenset().union(*earlier) if earlier else None
            self._quiet_turns[st.turn] = is_quiet(st, before)
        self.quiet = self._quiet_turns.get(st.turn, False) and not self.session.over

    def _build_nation_panel(self) -> None:
        """The selected nation's panel over the map's bottom: its facts on the left (status,
        relation, treaties); on the right, for a power, how it sees the player, what it wants
        and why, and its moves in this game, else its latest news; then its description. A
        power's panel is taller; what does not fit scrolls."""
        st = self.session.state
        f = self.app.fonts
        assert self.selected is not None
        nation = st.rules.scenario.nations[self.selected]
        latest = _("Latest news: {date}, {text}").split("{", 1)[0]
        facts = [x for x in nation_lines(st, self.selected, reason=False)
                 if not x.startswith(latest)]
        left_paras = [(facts[0], "heading")] + [(x, "small") for x in facts[1:]]
        why = relation_reason(st, self.selected, 1000)
        if why:
            left_paras.append((why, "dim"))
        words = power_paragraphs(st, self.selected)
        if not words:
            words = [(f"{item.date}: {item.text}", "small-accent")
                     for item in nation_news(st, self.selected, 2)]
        words.append((cut(nation.description or _("Its actions are listed on the right."),
                          600), "small"))
        width = self.map_rect.width - 16
        half = width // 2 - self.px(8)
        top = self.px(36)  # room for the close button above the right column
        # Too narrow for two columns (800x500: some fifteen letters a line, play-test): one
        # column across the panel, the facts then the words, scrolled, and a taller panel.
        single = half < self.px(COLUMN_LEAST)
        left = ScrollText(pygame.Rect(0, 0, width if single else half, 10),
                          left_paras + words if single else left_paras, f, self.app.colours)
        right = ScrollText(pygame.Rect(0, 0, half, 10), words, f, self.app.colours)
        need = (left.content_height + top if single else
                max(left.content_height, right.content_height + top)) + 12 + self.px(4)
        cap = self.map_rect.height * 3 // 5 if nation.great_power or single else \
            self.map_rect.height // 2
        least = f.heading().get_linesize() + 6 * f.small().get_linesize() + self.px(24)
        h = max(min(need, cap), min(least, self.map_rect.height // 2))
        self.nation_rect = pygame.Rect(self.map_rect.x, self.map_rect.bottom - h,
                                       self.map_rect.width, h)
        inner = self.nation_rect.inflate(-16, -12)
        if single:
            left.rect = pygame.Rect(inner.x, inner.y + top, inner.width, inner.height - top)
            left.relayout()
            self.nation_views = (left,)
        else:
            left.rect = pygame.Rect(inner.x, inner.y, half, inner.height)
            right.rect = pygame.Rect(inner.centerx + self.px(8), inner.y + top, half,
                                     inner.height - top)
            left.relayout()
            right.relayout()
            self.nation_views = (left, right)
        label = _("Close [Esc]")
        w = self.button_font("@small").size(label)[0] + self.px(24)
        self.button("close_nation", pygame.Rect(self.nation_rect.right - w - self.px(8),
                                                self.nation_rect.y + self.px(8), w,
                                                self.px(30)), label, "@small")

    def _build_top_bar(self, bar_h: int) -> None:
        """The buttons along the top, right to left, each as wide as its label."""
        a = self.area
        st = self.session.state
        bh = self.px(38)
        x = a.width - self.px(10)
        ytop = (bar_h - bh) // 2
        news_label = _("News [N]") if self.narrow else _("News & timeline [N]")
        for key, label, style in (("end", _("End turn  [Enter]"), "@primary"),
                                  ("menu", _("Menu [Esc]"), "@small"),
                                  ("help", _("Help [F1]"), "@small"),
                                  ("news", news_label, "@small")):
            w = self.button_font(style).size(label)[0] + self.px(28)
            x -= w + self.px(6)
            tip = None
            if key == "end" and self.session.over:
                tip = [_("The game is over"), _("No turn is left to end: Enter opens the end "
                                                "report again.")]
            elif key == "end":
                tip = [_("End the turn"), _("The months pass, the aims drift and events "
                                            "happen. With action points left you are asked "
                                            "first.")]
            # No turn to end while an event waits for its answer, or once the game is over.
            self.button(key, pygame.Rect(x, ytop, w, bh), label, style, tip=tip,
                        enabled=not (key == "end" and (st.pending_event is not None
                                                       or self.session.over)))
        self.end_button_left = x

    def _visible_actions(self) -> list[int]:
        """The actions listed: those possible first, then the others not hidden. Within a turn
        each keeps the place it had when the turn began (a used one stays there, greyed), so
        the number keys keep their meaning; one that became possible since goes at the end."""
        st = self.session.state
        rules = st.rules
        out_ok, out_no = [], []
        target = rules.nation_ids[self.selected] if self.selected is not None else None
        for a in rules.actions:
            scn_a = rules.scenario.actions[a.index]
            if target is not None and scn_a.target != target:
                continue
            problem = self.problem(a.index)
            if problem is None:
                out_ok.append(a.index)
            elif problem.reason not in HIDDEN or target is not None:
                out_no.append(a.index)
        if any(turn != st.turn for turn, _sel in self._orders):
            self._orders = {k: v for k, v in self._orders.items() if k[0] == st.turn}
            self._paging = {k: v for k, v in self._paging.items() if k[0] == st.turn}
        if st.pending_event is not None:
            # While an event waits no action can be taken, and the answer decides which ones
            # open: the order is kept from after it.
            return out_ok + out_no
        key = (st.turn, self.selected)
        before = self._orders.get(key)
        if before is None:
            order = out_ok + out_no
        else:
            seen = set(before)
            order = before + [i for i in out_ok + out_no if i not in seen]
        self._orders[key] = order
        return order

    def problem(self, index: int) -> Refusal | None:
        """Why action ``index`` cannot be taken now, as the student is told it (None if it
        can): while a question waits, "answer the event first" only if an answer opens it,
        else what will still stand in its way (:func:`told_problems`, once per state)."""
        st = self.session.state
        if self._problems[0] is not st:
            self._problems = (st, told_problems(st))
        return self._problems[1].get(index)

    def _sub_line(self) -> str:
        """The line under the actions' title: the points left, and the keys or the nation the
        list is narrowed to."""
        st = self.session.state
        if self.selected is not None:
            return ngettext("Towards {nation} · {count} point left",
                            "Towards {nation} · {count} points left", st.budget).format(
                nation=self._nation_name(st.rules.nation_ids[self.selected]), count=st.budget)
        return ngettext("{count} point left · keys 1-9 · hover for details",
                        "{count} points left · keys 1-9 · hover for details",
                        st.budget).format(count=st.budget)

    def _nothing_lines(self) -> list[str]:
        """What the actions' panel says when it lists no action: why, and what can still be
        done."""
        st = self.session.state
        if self.selected is not None:
            return nothing_towards(st, self.selected, self.problem)
        lines = nothing_open(st)
        if st.rules.scenario.policies and st.pending_event is None \
                and not self.session.over:
            lines.append(_("The standing policies can still be changed (P); they cost no "
                           "points."))
        return lines

    def _action_row(self, index: int, width: int) -> ActionRow:
        """The lines under an action's button: its effect (two lines at most) or why it is not
        possible, and a warning when it would rule out another action."""
        st = self.session.state
        small = self.app.fonts.small()
        refusal = self.problem(index)
        problem = None if refusal is None else refusal_text(refusal)
        eff = action_effect(st, index)
        if st.rules.actions[index].id in st.actions_this_turn():
            done = _("done this turn")
            return ActionRow(index, done, eff.text(), "dim", [],
                             wrap_to(_("· {done}").format(done=done), small, width, 2), [])
        if problem:
            return ActionRow(index, problem, eff.text(), "bad", [],
                             wrap_to(_("× {why}").format(why=problem), small, width, 3), [])
        style = "good" if eff.good > 0 else "bad" if eff.good < 0 else "dim"
        locks = locked_by(st, index)
        warn = wrap_to(_("Afterwards not possible for now: {actions}").format(
            actions=", ".join(locks)), small, width, 2) \
            if locks else []
        return ActionRow(index, None, eff.text(), style, locks,
                         wrap_to(_("» {effect}").format(effect=eff.text()), small, width, 2),
                         warn)

    def _build_actions(self) -> None:
        st = self.session.state
        rules = st.rules
        r = self.right_rect
        f = self.app.fonts
        self.actions_rect = r
        undo_label = _("Undo [^Z]")
        bw = self.button_font("@small").size(_("All actions"))[0] + self.px(24)
        uw = self.button_font("@small").size(undo_label)[0] + self.px(24)
        # With a nation chosen, both buttons sit beside the title if they leave it and the line
        # under it room; else (a narrow panel, longer words) on a row of their own under it.
        title_w = f.heading().size(_("Actions"))[0]
        own_row = self.selected is not None and \
            r.width - uw - bw - self.px(38) - title_w < self.px(60)
        by = r.y + self.px(8)
        sub_drop = 0
        if own_row:
            by = r.y + 6 + f.heading().get_linesize() + self.px(2)
            sub_drop = self.px(34)
        self.button("undo", pygame.Rect(r.right - uw - self.px(10), by, uw,
                                        self.px(30)), undo_label, "@small",
                    tip=[_("Undo"), _("Take back the last action or choice of this turn "
                                       "(Ctrl+Z or Backspace). A choice whose history note you "
                                       "have read cannot be taken back.")],
                    enabled=self.session.can_undo)
        sub_limit = r.right - uw - self.px(16)
        if self.selected is not None:
            self.button("all", pygame.Rect(r.right - uw - bw - self.px(16), by,
                                           bw, self.px(30)), _("All actions"), "@small")
            sub_limit = r.right - 8 if own_row else r.right - uw - bw - self.px(22)
        # Under the panel's title: a line or two saying what the points and keys are, beside
        # the buttons; when that is too narrow for it (a long nation's name, German), under
        # them across the panel, in as many lines as it takes.
        small = f.small()
        sub = self._sub_line()
        sub_y = r.y + 10 + f.heading().get_height() + self.px(2) + sub_drop
        lines = wrap(sub, small, sub_limit - r.x - 8)
        if len(lines) > 2 and sub_limit < r.right - 8:
            sub_y = max(sub_y, by + self.px(34))
            sub_limit = r.right - 8
            lines = wrap(sub, small, sub_limit - r.x - 8)
        self.sub_lines = lines
        self.sub_rect = pygame.Rect(r.x + 8, sub_y, sub_limit - r.x - 8,
                                    len(lines) * small.get_linesize())
        head_h = sub_y - r.y + max(2, len(lines)) * small.get_linesize() + self.px(6)
        label_font = self.button_font()
        label_w = r.width - self.px(16) - 24
        one_h = max(self.px(30), label_font.get_linesize() + self.px(8))
        line_h = f.small().get_linesize()
        text_w = r.width - self.px(34)
        top = self.list_top = r.y + head_h
        bottom = r.bottom - self.px(48)
        # Rows have their own heights (one or two effect lines, perhaps a warning): fill the
        # pages in turn.
        rows = [self._action_row(i, text_w) for i in self._visible_actions()]
        pages: list[list[ActionRow]] = [[]]
        y = top
        labels: dict[int, list[str]] = {}
        heights: dict[int, int] = {}
        for row in rows:
            a = rules.scenario.actions[row.index]
            # TRANSLATORS: an action's cost in points, kept on one line (no-break spaces).
            cost = _("·\u00a0{cost}\u00a0pt").format(cost=a.cost)
            # The name whole, in up to three lines (a German name in a narrow window).
            labels[row.index] = wrap_to(f"{one_line(a.name, 80)}  {cost}", label_font,
                                        label_w - label_font.size("9. ")[0], 3)
            button_h = one_h + (len(labels[row.index]) - 1) * label_font.get_linesize()
            h = button_h + self.px(3) + (len(row.lines) + len(row.warn)) * line_h + self.px(8)
            heights[row.index] = h
            if pages[-1] and y + h > bottom:
                pages.append([])
                y = top
            pages[-1].append(row)
            y += h
        # The pages as the turn began, while they still fit: a row that grew (a warning, a
        # "done") must not move the actions after it to another page and number key.
        paging_key = (st.turn, self.selected, r.size, self.app.scale)
        by_index = {row.index: row for row in rows}
        before = self._paging.get(paging_key)
        if (before is not None and [i for p in before for i in p] == list(by_index)
                and all(len(p) == 1 or sum(heights[i] for i in p) <= bottom - top
                        for p in before)):
            pages = [[by_index[i] for i in p] for p in before]
        else:
            self._paging[paging_key] = [[row.index for row in p] for p in pages]
        self.pages = len(pages)
        self.page = max(0, min(self.page, self.pages - 1))
        self.shown = [row.index for row in pages[self.page]]
        self.effect_lines, self.rows, self.row_tips = [], [], []
        y = top
        for n, row in enumerate(pages[self.page]):
            a = rules.scenario.actions[row.index]
            key_hint = f"{n + 1}. " if n < 9 else ""
            face = labels[row.index]
            face = [key_hint + face[0]] + ["    " + x for x in face[1:]]
            button_h = one_h + (len(face) - 1) * label_font.get_linesize()
            label = _("{number}{action}  ·  {cost} pt").format(number=key_hint,
                                                               action=one_line(a.name, 80),
                                                               cost=a.cost)
            tip = [one_line(a.name, 100), cut(a.description, 2000),
                   ngettext("Cost: {cost} action point; {left} left this turn.",
                            "Cost: {cost} action points; {left} left this turn.",
                            a.cost).format(cost=a.cost, left=st.budget),
                   _("Expected effect: {effect}").format(effect=row.effect)]
            if row.locks:
                tip.append(_("Afterwards not possible for now (a relation would fall too low): "
                             "{actions}").format(actions=", ".join(row.locks)))
            if a.target:
                tip.append(_("Concerns: {nation}").format(nation=self._nation_name(a.target)))
            if row.problem:
                tip.append(_("Not possible now: {why}").format(why=row.problem))
            if a.history:
                tip.append(_("Its history note: once taken, click its line in the news (N); "
                             "also in the end report."))
            self.button(f"act:{row.index}", pygame.Rect(r.x + self.px(8), y,
                                                        r.width - self.px(16), button_h), label,
                        "@unavailable" if row.problem else None, tip=tip, lines=face)
            text_y = y + button_h + self.px(3)
            count = len(row.lines) + len(row.warn)
            box = pygame.Rect(r.x + self.px(20), text_y, text_w, count * line_h)
            self.effect_lines.append((box, " ".join(row.lines), row.style))
            # The lines under the button may be cut ("× You hold no Polish land…" at
            # 800x500): over them, the button's tip tells them whole.
            self.row_tips.append((box, tip))
            self.rows.append((box, [(t, row.style) for t in row.lines]
                              + [(t, "warn") for t in row.warn]))
            y = text_y + count * line_h + self.px(8)
        if self.pages > 1:
            yb = r.bottom - self.px(40)
            self.button("prev", pygame.Rect(r.x + self.px(8), yb, self.px(110), self.px(32)),
                        _("« PgUp"), "@small", enabled=self.page > 0)
            self.button("next", pygame.Rect(r.right - self.px(118), yb, self.px(110),
                                            self.px(32)), _("PgDn »"), "@small",
                        enabled=self.page < self.pages - 1)

    def _legend_rows(self, width: int, living: bool = True) -> list[list[tuple[str, object]]]:
        """The legend's items (band name and style; "" for the treaty mark) in rows that fit;
        ``living``: with the living map's (annexed, occupied...) that are on the map now."""
        f = self.app.fonts
        palette = self.app.settings.palette
        items: list[tuple[str, object]] = list(self.map.legend(palette))
        items.append((_("treaty partner"), None))
        if living:
            items += self.map.status_legend(self.session.state, palette)
        rows: list[list[tuple[str, object]]] = [[]]
        x = 0
        for label, style in items:
            w = self.px(22) + f.small().size(label)[0] + self.px(12)
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0
            rows[-1].append((label, style))
            x += w
        return rows

    def _nation_name(self, nation_id: str) -> str:
        rules = self.session.state.rules
        i = rules.nation_index.get(nation_id)
        return rules.scenario.nations[i].name if i is not None else nation_id

    # -- input ---------------------------------------------------------------------------
    def on_button(self, key: str) -> None:
        app = self.app
        if key.startswith("act:"):
            self.take(int(key[4:]))
        elif key == "end":
            self.end_turn()
        elif key == "undo":
            self.undo()
        elif key == "news":
            app.open_news()
        elif key == "menu":
            self.open_menu()
        elif key == "help":
            app.open_help()
        elif key in ("close_nation", "all"):
            self.select(None)
        elif key in ("policies", "close_policies"):
            self.toggle_policies(key == "policies" and not self.policies_open)
        elif key in ("pol_prev", "pol_next"):
            self.policy_panel.page += 1 if key == "pol_next" else -1
            self.rebuild()
        elif parse_key(key) is not None:
            policy, option = parse_key(key) or ("", "")
            self.set_policy(policy, option)
        elif key == "prev":
            self.page -= 1
            self.rebuild()
        elif key == "next":
            self.page += 1
            self.rebuild()

    def open_menu(self) -> None:
        self.app.open_menu()

    def toggle_policies(self, show: bool) -> None:
        """Open (or close) the standing policies' panel in the map's place; the keyboard focus
        goes to the option chosen for the first policy."""
        if not self.session.state.rules.scenario.policies:
            return
        self.policies_open = show
        self.selected = None
        self.policy_panel.page = 0
        self.rebuild()
        self.focus_key = self.policy_panel.first_key() if show else None

    def set_policy(self, policy: str, option: str) -> None:
        """Set a standing policy (the move ``policy POLICY OPTION``; free)."""
        views = {v.id: v for v in self.policy_panel.views}
        view = views.get(policy)
        chosen = next((o for o in view.options if o.id == option), None) if view else None
        if view is None or chosen is None or chosen.chosen:
            return
        problem = self.session.play(SetPolicy(policy, option))
        if problem:
            self.app.toast(problem, "bad")
            return
        key = self.focus_key
        self.app.toast(set_policy_words(view, chosen), "good", 3)
        self.rebuild()
        if key in self.buttons:
            self.focus_key = key
        self.app.after_move()

    def take(self, index: int) -> None:
        st = self.session.state
        refusal = self.problem(index)
        name = one_line(st.rules.scenario.actions[index].name, 60)
        if refusal is not None:
            self.app.toast(f"{name}: {refusal_text(refusal)}", "bad")
            return
        self.session.take(st.rules.actions[index].id)
        eff = diff(st, self.session.state)
        self.app.toast(f"{name}: {eff.text()}", "good", 2.5)
        self.rebuild()
        self.app.after_move()

    def end_turn(self) -> None:
        """End the turn; with action points left that could still be spent, ask first."""
        st = self.session.state
        if st.pending_event is not None or self.session.over:
            self.app.after_move()
            return
        if st.budget and available_action_indices(st) and not self.quiet:
            n = st.budget
            self.app.show_message(
                _("End the turn?"),
                [ngettext("You still have {count} action point this turn. Unused points are "
                          "lost when the turn ends.", "You still have {count} action points "
                          "this turn. Unused points are lost when the turn ends.", n).format(
                    count=n),
                 _("Enter = yes, end the turn.   Esc = no, keep playing.")],
                choices=[("yes", _("End the turn [Enter]")), ("no", _("Keep playing [Esc]"))],
                then=lambda key: self.app.end_turn() if key == "yes" else None,
                compact=True)
            return
        self.app.end_turn()

    def new_turn(self) -> None:
        """A turn has begun: back to the first page of actions, everything drawn anew."""
        self.page = 0
        self.rebuild()

    def undo(self) -> None:
        if self.session.undo():
            self.app.toast(_("Undone."), "info", 2)
            self.rebuild()
            self.app.after_move()
        elif len(self.session.turn_states) > 1:
            self.app.toast(_("A choice whose history note you have read cannot be taken back."),
                           "bad", 4)
        else:
            self.app.toast(_("Nothing to undo this turn."), "bad", 2)

    def select(self, nation: int | None) -> None:
        self.selected = nation
        self.policies_open = False if nation is not None else self.policies_open
        self.page = 0
        self.rebuild()

    def on_escape(self) -> None:
        if self.policies_open:
            self.toggle_policies(False)
        elif self.selected is not None:
            self.select(None)
        else:
            self.open_menu()

    def on_enter(self) -> None:
        self.end_turn()

    def resume(self) -> None:
        """Back from a screen above (help, news, the menu, a dialog): the keyboard focus goes
        back to the default, where Enter ends the turn."""
        self.focus_key = None
        super().resume()

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE and self.policies_open:
            self.toggle_policies(False)  # Esc closes the policies at once, focus or none
            return True
        if event.key == pygame.K_ESCAPE and self.focus_key is not None:
            self.focus_key = None  # Esc first gives Enter back to "End turn"
            return True
        return self._handle_key(event)

    def move_focus(self, step: int) -> None:
        """Tab and the arrows; while the policies are open, among the policies' buttons only
        (the options in reading order, then their page buttons and Close)."""
        if not self.policies_open:
            super().move_focus(step)
            return
        saved = self.focus_order
        self.focus_order = [k for k in saved if parse_key(k) is not None
                            or k in ("close_policies", "pol_prev", "pol_next")]
        try:
            super().move_focus(step)
        finally:
            self.focus_order = saved

    def draw_overlay(self, surface: pygame.Surface) -> None:
        self._draw_focus_tag(surface)
        super().draw_overlay(surface)  # the ring and any tooltip over the tag
        if self.policies_open:
            self.policy_panel.draw_tip(surface, self)  # beside the panel, over no option

    def _draw_focus_tag(self, surface: pygame.Surface) -> None:
        b = self.buttons.get(self.focus_key or "")
        if b is None or self.focus_key == "end" or not b.visible or self.policies_open:
            return  # (the policies' panel says under its title what Enter does there)
        # The focus ring says what Enter does now: this button, not "End turn".
        c, small = self.app.colours, self.app.fonts.small()
        text = _("Enter presses this · Esc: back to End turn")
        w = min(small.size(text)[0] + self.px(12), self.area.width - self.px(8))
        h = small.get_linesize() + self.px(4)
        tag = pygame.Rect(0, 0, w, h)
        tag.top = b.rect.bottom + self.px(6)
        if tag.bottom > self.area.bottom:
            tag.bottom = b.rect.top - self.px(6)
        tag.x = max(self.px(4), min(b.rect.x, self.area.width - w - self.px(4)))
        pygame.draw.rect(surface, c.focus, tag, border_radius=4)
        draw_text(surface, text, (tag.x + self.px(6), tag.y + self.px(2)), small, c.bg,
                  tag.width - self.px(12))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.map_draw_rect.collidepoint(event.pos):
                n = self.map.nation_at(event.pos)
                if n is not None:
                    self.select(None if n == self.selected else n)
                    return True
        if event.type == pygame.MOUSEWHEEL and self.nation_views is not None \
                and self.nation_rect.collidepoint(self.app.mouse_pos):
            for view in self.nation_views:
                if view.rect.collidepoint(self.app.mouse_pos) and view.max_offset:
                    view.scroll(-event.y * self.px(40))
                    self._layer = None  # the panel is drawn in the still layer
            return True
        if event.type == pygame.MOUSEWHEEL and self.right_rect.collidepoint(self.app.mouse_pos):
            if event.y < 0 and self.page < self.pages - 1:
                self.on_button("next")
            elif event.y > 0 and self.page > 0:
                self.on_button("prev")
            return True
        return super().handle(event)

    def _handle_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ctrl = bool(event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
        if pygame.K_1 <= k <= pygame.K_9 or pygame.K_KP1 <= k <= pygame.K_KP9:
            n = (k - pygame.K_1) if k <= pygame.K_9 else (k - pygame.K_KP1)
            if n < len(self.shown):
                self.take(self.shown[n])
            return True
        if (k == pygame.K_z and ctrl) or k == pygame.K_BACKSPACE or k == pygame.K_u:
            self.undo()
            return True
        if k == pygame.K_n:
            self.on_button("news")
            return True
        if k == pygame.K_p and self.session.state.rules.scenario.policies:
            self.toggle_policies(not self.policies_open)
            return True
        if k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            nxt = "next" if k == pygame.K_PAGEDOWN else "prev"
            if nxt in self.buttons and self.buttons[nxt].is_enabled:
                self.on_button(nxt)
            return True
        if k in (pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET):
            count = len(self.session.state.rules.nation_ids)
            if count:
                step = 1 if k == pygame.K_RIGHTBRACKET else -1
                cur = self.selected if self.selected is not None else (-1 if step > 0 else count)
                self.select((cur + step) % count)
            return True
        return super().handle_key(event)

    # -- drawing -------------------------------------------------------------------------
    def hover_tip(self, pos: tuple[int, int]) -> list[str] | None:
        st = self.session.state
        for i, r in enumerate(self.aim_rects):
            if r.collidepoint(pos):
                return aim_why(st, i)
        head = self.aims_panel.copy()
        head.height = (self.aim_rects[0].y if self.aim_rects else head.bottom) - head.y
        if head.collidepoint(pos):
            return aims_explained(st)
        for box, tip in self.row_tips:
            if box.collidepoint(pos):
                return tip
        if self.map_draw_rect.collidepoint(pos):
            n = self.map.nation_at(pos)
            if n is not None:
                if n not in self._nation_tips:  # asked every frame while hovered: made once
                    # In a small window without why the relation moves (its panel tells
                    # it whole): the tooltip stays small beside the map.
                    self._nation_tips[n] = [*nation_lines(st, n, reason=not self.narrow),
                                            _("Click for its panel and the actions towards "
                                              "it.")]
                return self._nation_tips[n]
            outsider = self.map.outsider_at(pos)  # grey: a country outside the scenario
            if outsider is not None:
                return outsider
        if self.legend_rect.collidepoint(pos):
            return [_("The map's colours"), _(
                "A nation's colour, pattern and symbol come from its relation with {state} (-100 "
                "to +100): allied from +60, friendly from +20, neutral from -20, wary from -60, "
                "hostile below. A gold diamond marks a treaty partner: an alliance or a "
                "mutual-assistance treaty, whatever the relation.").format(
                state=the_name(st.rules.scenario.player)),
                status_legend_explained(st.rules.scenario.player)]
        if self.quiet_rect.collidepoint(pos):
            return [_("A quiet turn"), _(
                "No event asks for an answer and no new one-off action is on offer, so Enter "
                "ends the turn without asking. Repeatable actions and the standing policies "
                "can still be used first.")]
        if self.top_rect.collidepoint(pos) and pos[0] < self.end_button_left:
            months, budget = st.rules.months_per_turn, st.rules.budget
            return [_("The date and your budget"),
                    ngettext("Each turn is {count} month.", "Each turn is {count} months.",
                             months).format(count=months) + " " +
                    ngettext("You have {count} action point a turn; unused points are lost.",
                             "You have {count} action points a turn; unused points are lost.",
                             budget).format(count=budget)]
        return None

    def tip_beside(self, pos: tuple[int, int]) -> pygame.Rect | None:
        """A nation's tooltip goes beside the map, where it hides none of it."""
        return self.map_rect if self.map_draw_rect.collidepoint(pos) else None

    def draw(self, surface: pygame.Surface) -> None:
        # What changes only with the state or the layout is drawn once into a layer (rebuilt
        # on every move and resize); a frame is that blit, the map's blit and the hover.
        if self._layer is None or self._layer.get_size() != surface.get_size():
            layer = pygame.Surface(surface.get_size())
            layer.fill(self.app.colours.bg)
            self._draw_still(layer)
            self._layer = layer
        surface.blit(self._layer, (0, 0))
        if not self.policies_open:
            self._draw_map_view(surface)

    def _draw_still(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        rules = st.rules
        # Top bar: date, turn, budget.
        pygame.draw.rect(surface, (30, 22, 24), self.top_rect)
        pygame.draw.line(surface, c.accent, self.top_rect.bottomleft, self.top_rect.bottomright)
        x = self.px(16)
        room = self.end_button_left - self.px(12)
        turn = min(st.turn + 1, rules.turns)
        turn_text = (_("turn {turn}/{turns}") if self.narrow else
                     _("turn {turn} of {turns}")).format(turn=turn, turns=rules.turns)
        points = (_("Points: {left}/{budget}") if self.narrow else
                  _("Action points: {left} of {budget}")).format(left=st.budget,
                                                                 budget=rules.budget)
        # The turn's months ("Jul–Sep 1931"), as large as the bar leaves room for beside the
        # turn, the points and their dots (a play-test read "Jul 1931" as a single month).
        months = turn_months(rules, st.turn)
        rest = (f.body().size(turn_text)[0] + f.body().size(points)[0] + self.px(30)
                + rules.budget * self.px(16) + self.px(8))
        date_font = next((font for font in (f.get(size, True) for size in (24, 21, 18, 16))
                          if x + font.size(months)[0] + rest <= room), f.get(16, True))
        r = draw_text(surface, months, (x, self.px(4)), date_font, c.accent)
        r.height = max(r.height, f.get(24, True).get_height())
        r2 = draw_text(surface, turn_text, (r.right + self.px(12), r.centery - f.body().get_height()
                                            // 2), f.body(), c.text)
        r3 = draw_text(surface, points, (r2.right + self.px(18), r2.y), f.body(), c.text,
                       max(10, room - r2.right - self.px(18)))
        for i in range(rules.budget):
            centre = (r3.right + self.px(14) + i * self.px(16), r3.centery)
            if centre[0] < self.end_button_left - self.px(10):
                pygame.draw.circle(surface, c.accent, centre, self.px(6), 0 if i < st.budget
                                   else max(1, self.px(2)))
        draw_text(surface, one_line(rules.scenario.title, 80), (x, r.bottom - self.px(2)),
                  f.get(11), c.dim, max(10, room - x))
        self._draw_aims(surface)
        self._draw_news(surface)
        self._draw_map(surface)
        inner = panel(surface, self.right_rect, c, _("Actions"), f)
        small = f.small()
        for k, line in enumerate(self.sub_lines):  # wrapped to fit when laid out
            surface.blit(small.render(line, True, c.text),
                         (self.sub_rect.x, self.sub_rect.y + k * small.get_linesize()))
        if not self.shown:
            draw_lines(surface, [(text, "dim") for text in self._nothing_lines()],
                       pygame.Rect(inner.x, self.list_top, inner.width,
                                   self.right_rect.bottom - self.list_top - self.px(8)), f, c)
        for rect, lines in self.rows:
            y = rect.y
            for text, style in lines:
                colour = {"good": c.good, "bad": c.bad, "warn": c.accent}.get(style, c.dim)
                draw_text(surface, text, (rect.x, y), small, colour, rect.width)
                y += small.get_linesize()
        if self.pages > 1:
            draw_text(surface, _("page {page} of {pages}").format(page=self.page + 1,
                                                                  pages=self.pages),
                      (self.right_rect.centerx, self.right_rect.bottom - self.px(34)), small,
                      c.dim, align="center")

    def _draw_aims(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        rules = st.rules
        inner = self.aims_panel.inflate(-16, -12)
        heading = next((h for h in (_("Aims  (now · change this turn · history)"),
                                    _("Aims  (now · this turn · history)"))
                        if f.heading().size(h)[0] <= inner.width), _("Aims"))
        panel(surface, self.aims_panel, c, heading, f)
        small = f.get(12)
        hists = [historical_value(rules, aim.id, st.turn) for aim in rules.scenario.aims]
        # One wording for every aim: the long one if it fits all of them.
        long = all(small.size(_("history {value} · {versus}").format(
            value=number(h), versus=versus_history(v, h)))[0] <= r.width
                   for h, v, r in zip(hists, st.aims, self.aim_rects, strict=False))
        for i, r in enumerate(self.aim_rects):
            value = st.aims[i]
            change = aim_change(st, i)
            hist = hists[i]
            lo, hi = rules.aim_min[i], rules.aim_max[i]
            colour = c.good if change > 0.05 else c.bad if change < -0.05 else c.dim
            name_font = f.get(14, True)
            name_r = pygame.Rect(r.x, r.y, 0, 0)
            for k, line in enumerate(self.aim_names[i]):
                name_r = draw_text(surface, line, (r.x, r.y + k * name_font.get_linesize()),
                                   name_font, c.text, r.width)
            # The bar, then the value and its change on the same line at the right.
            value_font = f.get(15, True)
            mid = name_r.bottom + value_font.get_linesize() // 2
            ch = draw_text(surface, signed(change), (r.right, mid - f.small().get_height() // 2),
                           f.small(), colour, align="right")
            val = draw_text(surface, number(value), (ch.x - self.px(8),
                                                     mid - value_font.get_height() // 2),
                            value_font, c.text, align="right")
            bar = pygame.Rect(r.x, mid - self.px(5), max(10, val.x - r.x - self.px(10)),
                              self.px(10))
            pygame.draw.rect(surface, (50, 58, 70), bar, border_radius=4)
            frac = (value - lo) / (hi - lo) if hi > lo else 0
            pygame.draw.rect(surface, c.accent, (bar.x, bar.y, int(bar.width * frac), bar.height),
                             border_radius=4)
            hx = bar.x + int(bar.width * max(0.0, min(1.0, (hist - lo) / (hi - lo)))) \
                if hi > lo else bar.x
            pygame.draw.line(surface, c.history, (hx, bar.y - self.px(3)),
                             (hx, bar.bottom + self.px(3)), max(2, self.px(3)))
            versus = versus_history(value, hist)
            # The short form drops English's "you are " (a no-op in other languages).
            text = (_("history {value} · {versus}") if long else
                    _("hist. {value} · {versus}")).format(
                value=number(hist), versus=versus if long else versus.removeprefix("you are "))
            draw_text(surface, text, (r.x, val.bottom), small, c.history, r.width)

    def _draw_news(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        inner0 = self.news_rect.inflate(-16, -12)
        heading = next((h for h in (_("News  [N: all, and the timeline]"), _("News  [N: all]"))
                        if f.heading().size(h)[0] <= inner0.width), _("News"))
        inner = panel(surface, self.news_rect, c, heading, f)
        lines = self.news_lines()
        if not lines:
            lines = [(_("Nothing has happened yet. Take an action, then end the turn."), "dim")]
        # Whole items only; when some do not fit, the last line says how many more there are.
        shown, used = self._news_fit(lines, inner)
        if shown < len(lines):
            more = ngettext("… {count} more: press N", "… {count} more: press N",
                            len(lines) - shown).format(count=len(lines) - shown)
            lines = [*lines[:shown], (more, "dim")]
        self.news_more = len(lines) - shown if shown < len(lines) else 0
        draw_lines(surface, lines, inner, f, c)

    def news_lines(self) -> list[tuple[str, str]]:
        """The news panel's lines (text, style), the newest turn first: the events dated after
        a question still waiting are left out until it is answered (the news card tells them
        then)."""
        st = self.session.state
        lines: list[tuple[str, str]] = []
        later = not_yet_told(st)
        for item in news(st, 16 + len(later)):
            if item.kind in ("drift", "policy"):
                continue  # the aims' drift is in the full news and in each aim's tooltip
            if item.kind == "event" and item.turn == st.turn and item.index in later:
                continue
            style = {"action": "good", "choice": "accent", "event": "body",
                     "drift": "dim"}.get(item.kind, "body")
            lines.append((f"{item.date}  {item.text}", "small" if style == "body" else style))
        return lines

    def _news_fit(self, lines: list[tuple[str, str]], rect: pygame.Rect) -> tuple[int, int]:
        """How many of the news lines fit whole in ``rect`` with a line to spare for "… more",
        and the height they take."""
        f = self.app.fonts
        spare = f.small().get_linesize()
        y = 0
        for n, (text, style) in enumerate(lines):
            font = style_font(f, style)
            h = len(wrap(text, font, rect.width)) * font.get_linesize() + font.get_linesize() // 4
            last = n == len(lines) - 1
            if y + h > rect.height - (0 if last else spare):
                return n, y
            y += h
        return len(lines), y

    def _draw_map_view(self, surface: pygame.Surface) -> None:
        st = self.session.state
        c, f = self.app.colours, self.app.fonts
        hover = None
        if self.map_draw_rect.collidepoint(self.app.mouse_pos):
            n = self.map.nation_at(self.app.mouse_pos)
            hover = st.rules.scenario.nations[n].region if n is not None else None
        selected = (st.rules.scenario.nations[self.selected].region
                    if self.selected is not None else None)
        clip = surface.get_clip()
        surface.set_clip(self.map_rect)
        try:
            self.map.view.draw(surface, self.map.styles(st, self.app.settings.palette), hover,
                               selected, f.small())
        except Exception as exc:  # noqa: BLE001 - a map bug must not end the game
            draw_text(surface, _("map could not be drawn: {error}").format(error=exc),
                      self.map_rect.topleft,
                      f.small(), c.bad)
        surface.set_clip(clip)

    def _draw_map(self, surface: pygame.Surface) -> None:
        c, f = self.app.colours, self.app.fonts
        if self.policies_open:
            self.policy_panel.draw(surface, self)
            return
        pygame.draw.rect(surface, c.sea, self.map_rect, border_radius=6)
        pygame.draw.rect(surface, c.panel_edge, self.map_rect, 1, border_radius=6)
        if self.quiet_rect.height:
            q = self.quiet_rect
            pygame.draw.rect(surface, (52, 44, 28), q, border_radius=6)
            pygame.draw.rect(surface, c.accent, q, 1, border_radius=6)
            draw_lines(surface, [(line, "small-accent") for line in self.quiet_lines],
                       q.inflate(-self.px(20), -self.px(10)), f, c)
        if self.selected is not None:
            self._draw_nation(surface)
            return
        # The legend along the map's bottom edge: each band's colour and pattern (and the map's
        # symbol for it), then the treaty mark.
        small = f.small()
        y = self.legend_rect.y + self.px(3)
        for row in self._legend_rows(self.map_rect.width - self.px(16)):
            x = self.map_rect.x + self.px(8)
            for label, style in row:
                sw = pygame.Rect(x, y + (small.get_height() - self.px(14)) // 2, self.px(18),
                                 self.px(14))
                if style is None:
                    draw_mark(surface, sw.center, sw.height)
                elif style == "war":
                    draw_war_mark(surface, sw.center, sw.height)
                elif isinstance(style, RegionStyle):
                    draw_swatch(surface, sw, style)
                else:  # the plain map's styles
                    pygame.draw.rect(surface, getattr(style, "colour", (90, 90, 90)), sw)
                    pygame.draw.rect(surface, (10, 10, 10), sw, 1)
                r = draw_text(surface, label, (sw.right + self.px(4), y), small, c.text)
                x = r.right + self.px(12)
            y += small.get_linesize() + self.px(4)

    def _draw_nation(self, surface: pygame.Surface) -> None:
        panel(surface, self.nation_rect, self.app.colours)
        if self.nation_views is not None:
            for view in self.nation_views:
                view.draw(surface)

def date_of(session: Session, turn: int) -> str:
    return turn_date(session.state.rules, turn)
