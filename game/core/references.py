"""What a teacher reads when a scenario names an id it does not define: in a field (an
effect's nation, an action's stance) or in a condition (``policy.effort.army_frist``).

The scenario's checks (:mod:`game.core.checks`) and the names of conditions
(:func:`game.core.rules.make_resolver`) both say it in these words, so a misspelt nation reads
the same wherever it is written.
"""

from __future__ import annotations

from game.core import expr
from game.i18n import N_, _

UNKNOWN = {
    "aim": N_("unknown aim '{word}'"),
    "nation": N_("unknown nation '{word}'"),
    "treaty kind": N_("unknown treaty kind '{word}'"),
    "stance": N_("unknown stance '{word}'"),
    "action": N_("unknown action '{word}'"),
    "event": N_("unknown event '{word}'"),
    "choice": N_("unknown choice '{word}'"),
    "flag": N_("unknown flag '{word}'"),
    "holder": N_("unknown holder '{word}'"),
    "policy": N_("unknown policy '{word}'"),
    "option": N_("unknown option '{word}'"),
    "status": N_("unknown status '{word}'"),
    "outcome": N_("unknown outcome '{word}'"),
}
"""The message for a reference to an id the scenario does not define, by kind."""

KNOWN = {
    "aim": N_("the aims are: {known}"),
    "nation": N_("the nations are: {known}"),
    "treaty kind": N_("the treaty kinds are: {known}"),
    "stance": N_("the stances are: {known}"),
    "action": N_("the actions are: {known}"),
    "event": N_("the events are: {known}"),
    "choice": N_("the choices are: {known}"),
    "flag": N_("the flags are: {known}"),
    "holder": N_("a holder is a nation or player: {known}"),
    "policy": N_("the policies are: {known}"),
    "option": N_("the options are: {known}"),
    "status": N_("the statuses are: {known}"),
    "outcome": N_("the outcomes are: {known}"),
}
"""The hint listing the ids of a kind, by kind."""

NONE_KNOWN = {
    "aim": N_("the scenario defines no aims"),
    "nation": N_("the scenario defines no nations"),
    "treaty kind": N_("the scenario defines no treaty kinds"),
    "stance": N_("the scenario defines no stances"),
    "action": N_("the scenario defines no actions"),
    "event": N_("the scenario defines no events"),
    "choice": N_("the scenario defines no choices"),
    "holder": N_("the scenario defines no nations"),
    "policy": N_("the scenario defines no policies"),
    "option": N_("the policy has no options"),
    "outcome": N_("the event has no gamble: none of its choices has 'outcomes'"),
}
"""The hint when the scenario defines no ids of a kind, by kind (a flag read in a condition
always exists, and the statuses are always the same five: those kinds need none)."""

SHOWN = 12
"""Ids listed at most in a hint."""


def unknown(kind: str, word: str, known: list[str], suggest: bool = True) -> tuple[str, str]:
    """(message, hint) for ``word``, which is not one of the ``known`` ids of ``kind``: the
    closest id if one is close (``suggest``), else the ids there are."""
    hint = expr.suggest(word, known) if suggest else ""
    if not hint:
        shown = ", ".join(known[:SHOWN]) + (" ..." if len(known) > SHOWN else "")
        if known:
            hint = _(KNOWN[kind]).format(known=shown)
        else:
            hint = _(NONE_KNOWN[kind]) if kind in NONE_KNOWN else ""
    return _(UNKNOWN[kind]).format(word=word), hint
