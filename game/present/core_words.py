"""The few English words the engine writes into its results (core stands alone and speaks no
language but its own), in the reader's language: a decision's outcome (``taken 1930-04``,
``not taken``, ``did not happen``, ``not answered``) and a policy's verdict between the
readings (``leans towards the Grand Design``).

Each is recognised by its shape and rewritten through the catalogue; anything else (an
answer's label from the scenario) is returned as it is.
"""

from __future__ import annotations

import re

from game.i18n import N_, _

OUTCOMES = {"not taken": N_("not taken"), "did not happen": N_("did not happen"),
            "not answered": N_("not answered")}
"""A decision's outcome in the engine's decision table, as the reader sees it."""

_TAKEN = re.compile(r"taken (\d{4}-\d{2})")
_LEANS = "leans towards "
_SUPPORTS = "clearly supports "
_CLOSEST = "closest to "


def outcome_words(text: str) -> str:
    """``taken 1930-04`` / ``not taken`` / an answer's label, in the reader's language (the
    date stays ``YYYY-MM`` for the layouts to write as they do)."""
    m = _TAKEN.fullmatch(text)
    if m:
        # TRANSLATORS: an action and when it was taken; {date} is a month ("Apr 1930").
        return _("taken {date}").format(date=m[1])
    return _(OUTCOMES[text]) if text in OUTCOMES else text


def ending_words(ending_id: str | None, title: str) -> str:
    """The title of a game's ending from :func:`game.core.scoring.summarize`: the scenario's
    own, or "The game goes on" in the reader's language while it has none."""
    return _("The game goes on") if ending_id is None else title


def verdict_words(verdict: str) -> str:
    """A policy's verdict from :func:`game.core.scoring.stance`, in the reader's language."""
    if verdict == "between the two readings":
        return _("between the two readings")
    if verdict.startswith(_CLOSEST):
        # TRANSLATORS: the decisions of a game placed at a middle reading of the historians.
        return _("closest to {reading}").format(reading=verdict[len(_CLOSEST):])
    if verdict.startswith(_LEANS):
        return _("leans towards {reading}").format(reading=verdict[len(_LEANS):])
    if verdict.startswith(_SUPPORTS):
        return _("clearly supports {reading}").format(reading=verdict[len(_SUPPORTS):])
    return verdict
