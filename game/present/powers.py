"""The other powers in words: a nation's place on the living map (independent, at war,
occupied, annexed, partitioned, and by whom), what a great power's capital thinks of the
player and what it wants now (chosen by the engine from the scenario's ``views`` and
``wants``), and the moves it made in this game (the events it is ``by``)."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.engine import GameState
from game.core.rules import Rules
from game.i18n import N_, _
from game.present.dates import turn_date
from game.present.player import capital, possessive, the_name
from game.present.text import one_line

PLAYER = "player"
"""The holder that means the player's own state (a status effect's ``by: player``)."""

MOVE_KINDS = {"offer": N_("offer"), "demand": N_("demand"), "threat": N_("threat"),
              "guarantee": N_("guarantee"), "pact": N_("pact"), "war": N_("war"),
              "annexation": N_("annexation"), "other": N_("move")}
"""A power's move, by the ``kind`` of its event, in a word."""


def holder_name(rules: Rules, holder: str) -> str:
    """Who holds a nation, as a sentence names them: a nation's name, or the player's state
    ("the USSR")."""
    if holder == PLAYER:
        return the_name(rules.scenario.player)
    i = rules.nation_index.get(holder)
    return one_line(rules.scenario.nations[i].name) if i is not None else holder


def status_words(state: GameState, nation_id: str) -> str | None:
    """A nation's place on the living map in a few words ("annexed by Germany"), or None while
    it is independent."""
    status = state.status(nation_id)
    if status == "independent":
        return None
    return status_phrase(state.rules, status, state.holders(nation_id))


def status_phrase(rules: Rules, status: str, holders: tuple[str, ...]) -> str:
    """A status and its holders in words ("partitioned between Germany and the USSR")."""
    names = [holder_name(rules, h) for h in holders]
    if status == "at_war":
        return _("at war with {enemy}").format(enemy=names[0]) if names else _("at war")
    if status == "occupied" and names:
        return _("occupied by {holder}").format(holder=names[0])
    if status == "annexed" and names:
        return _("annexed by {holder}").format(holder=names[0])
    if status == "partitioned" and len(names) >= 2:
        return _("partitioned between {first} and {second}").format(first=names[0],
                                                                  second=names[1])
    return {"occupied": _("occupied"), "annexed": _("annexed"),
            "partitioned": _("partitioned")}.get(status, _("independent"))


HELD = ("occupied", "annexed", "partitioned")
"""The statuses of a nation held by others: it has no policy of its own, cannot fight beside
anyone (the map drops its treaty partner's mark), and is drawn in its holders' colours when
annexed or partitioned."""


def status_meaning(state: GameState, nation_id: str) -> str | None:
    """What a nation's place on the living map means for the player's dealings with it, in a
    sentence that follows :func:`status_words` ("It is part of Germany now, ..."), or None
    while it acts for itself (independent, or at war with another nation)."""
    status = state.status(nation_id)
    holders = state.holders(nation_id)
    if status not in HELD or not holders:
        return None
    holder = holder_name(state.rules, holders[0])
    # capital(): a translation may begin with a name that takes an article ("die UdSSR ...").
    if status == "occupied":
        return _("It cannot act for itself, and no treaty makes it fight beside you while the "
                 "occupation lasts.")
    if status == "annexed" and holders[0] == PLAYER:
        return capital(_("It is part of {state} now, with no government or foreign policy of "
                         "its own.").format(state=holder))
    if status == "annexed":
        return capital(_("It is part of {holder} now, with no foreign policy of its own: you "
                         "deal with {holder} instead.").format(holder=holder))
    return _("It has no government at home to act for it, and no treaty makes it fight beside "
             "you.")


def held_relation(state: GameState, nation_id: str) -> str | None:
    """What a held nation's relation with the player stands for now, in a sentence that takes
    the place of the scenario's ``relation_reason`` (written for the state while it acted for
    itself, as "Warsaw fears Moscow as much as Berlin"); None while it acts for itself."""
    status = state.status(nation_id)
    if status not in HELD:
        return None
    holders = state.holders(nation_id)
    holder = holders[0] if holders else None
    if status == "annexed" and holder == PLAYER:
        return _("What the relation means now: only its people's mood under your rule.")
    if status == "annexed" and holder is not None:
        # TRANSLATORS: {holder} is the state that annexed it, as a sentence names it.
        return _("What the relation means now: only its people's mood; what counts is how "
                 "{holder} sees you.").format(holder=holder_name(state.rules, holder))
    if status == "occupied" and holder == PLAYER:
        return _("What the relation means now: only its people's mood under your troops, no "
                 "longer the policy of a free state.")
    # Occupied or shared out by others: those who speak for it do so from abroad, if at all.
    return _("What the relation means now: the view of its people and of any leaders who "
             "fight on in exile, no longer the policy of a free state.")


def status_legend_words(player: str) -> dict[str, str]:
    """The map legend's words for the living map, by status ("gains": the player's)."""
    # The legend has little room: a word or two each; its tooltip says the rest. capital() on
    # the whole: a translation may put the name after its word ("Gewinne der UdSSR").
    # TRANSLATORS: the legend's swatch of what the player's state took ("The USSR's gains").
    return {"gains": capital(_("{whose} gains").format(whose=possessive(player))),
            "annexed": _("annexed"), "occupied": _("occupied"),
            "partitioned": _("partitioned"), "at_war": _("at war with others")}


def status_legend_explained(player: str) -> str:
    """The legend's tooltip sentence about the living map."""
    return _("The map changes with the world: a nation annexed is drawn in its holder's "
             "colour and pattern; one occupied has wide bands of the occupier's colour over "
             "its own; one partitioned has stripes of its two holders' colours; a red burst "
             "marks a nation at war with another. What {state} takes is drawn in its own "
             "colour.").format(state=the_name(player))


def power_view(state: GameState, nation_index: int) -> str | None:
    """What this power's capital thinks of the player now (the scenario's words), if the
    scenario says."""
    nation = state.rules.scenario.nations[nation_index]
    k = state.power_view(nation.id)
    return nation.views[k].text if k is not None and 0 <= k < len(nation.views) else None


def power_want(state: GameState, nation_index: int) -> tuple[str, str] | None:
    """What this power wants now and why (the scenario's words), if the scenario says."""
    nation = state.rules.scenario.nations[nation_index]
    k = state.power_want(nation.id)
    if k is None or not 0 <= k < len(nation.wants):
        return None
    want = nation.wants[k]
    return want.text, want.why


@dataclass(frozen=True)
class PowerMove:
    """A move a nation made in this game: one of the events it is ``by``."""

    turn: int
    date: str
    kind: str
    """Its kind in a word ("demand"), translated."""
    title: str
    event: int


def power_moves(state: GameState, nation_index: int, limit: int = 6) -> list[PowerMove]:
    """The moves this nation made so far in this game, newest first (at most ``limit``)."""
    rules = state.rules
    scn = rules.scenario
    nation_id = scn.nations[nation_index].id
    out: list[PowerMove] = []
    for entry in state.iter_log_reversed():
        if entry.kind != "event":
            continue
        ev = scn.events[entry.index]
        if ev.by != nation_id:
            continue
        out.append(PowerMove(entry.turn, turn_date(rules, entry.turn),
                             _(MOVE_KINDS.get(ev.kind or "other", MOVE_KINDS["other"])),
                             one_line(ev.title), entry.index))
        if len(out) >= limit:
            break
    return out


def move_line(move: PowerMove) -> str:
    """A move in a line of the nation's panel: "Mar 1938 · annexation: The Anschluss"."""
    # TRANSLATORS: a power's move in its panel: the date, the kind of move, its title.
    return _("{date} · {kind}: {title}").format(date=move.date, kind=move.kind,
                                               title=move.title)


def power_paragraphs(state: GameState, nation_index: int) -> list[tuple[str, str]]:
    """The panel's words about a power, as (text, style) paragraphs: how it sees the player,
    what it wants now and why, and its moves in this game. Empty for a nation the scenario
    says none of this about."""
    rules = state.rules
    nation = rules.scenario.nations[nation_index]
    name = one_line(nation.name)
    who = the_name(rules.scenario.player)
    out: list[tuple[str, str]] = []
    view = power_view(state, nation_index)
    if view:
        out.append((capital(_("How {nation} sees {state}").format(nation=name, state=who)),
                    "subheading"))
        out.append((view, "small"))
    want = power_want(state, nation_index)
    if want:
        text, why = want
        out.append((_("What {nation} wants now").format(nation=name), "subheading"))
        out.append((text, "small"))
        if why:
            out.append((_("Why: {reason}").format(reason=why), "dim"))
    moves = power_moves(state, nation_index)
    if moves:
        out.append((_("Its moves in this game"), "subheading"))
        out += [(move_line(m), "small-accent") for m in moves]
    elif view or want:
        out.append((_("Its moves in this game: none yet."), "dim"))
    return out
