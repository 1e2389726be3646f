"""The player's state and the scenario's essay, as the sentences name them.

The scenario says whom the player leads (``player:``) and whether it is built on
an essay (history notes with a verdict, a reason or a correction). Nothing here
assumes either: a scenario without an essay gets no essay sentence at all.
"""

from __future__ import annotations

from game.core.scenario import HistoryNote, Scenario
from game.i18n import _

_THE_WORDS = ("united ", "soviet ", "kingdom ", "republic ", "federal ", "commonwealth ",
              "netherlands", "ottoman ", "holy ", "empire ", "people's ", "democratic ",
              "grand duchy ", "papal ", "vatican")
"""First words of a state's name that take "the" in English (the United Kingdom)."""


def abbreviation(name: str) -> bool:
    """True for a name in capitals ("USSR", "USA") or written as an abbreviation: one word,
    mostly capitals (the German "UdSSR", whose small d ``str.isupper`` refuses)."""
    letters = [c for c in name if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return name.isupper() or (not any(c.isspace() for c in name) and capitals >= 2
                              and capitals > len(letters) - capitals)


def the_name(name: str) -> str:
    """The name as a sentence uses it: ``"the USSR"``, ``"the United Kingdom"``, ``"Poland"``.

    The scenario format has no field for the article (a note for the engine's
    owners); an abbreviation ("USSR", "UdSSR") or a name such as "United ..." takes one.
    """
    low = name.lower()
    if abbreviation(name) or low.startswith(_THE_WORDS) or low.startswith("the "):
        # TRANSLATORS: a state's name that takes an article in English ("the USSR"); a
        # language without one writes just "{state}".
        return name if low.startswith("the ") else _("the {state}").format(state=name)
    return name


def capital(text: str) -> str:
    """The text with its first letter capitalised (``"the USSR"`` -> ``"The USSR"``)."""
    return text[:1].upper() + text[1:]


def possessive(name: str) -> str:
    """``"the USSR's"``, ``"Poland's"``."""
    low = name.lower()
    if abbreviation(name) or low.startswith(_THE_WORDS):
        if name.endswith("s") and not abbreviation(name):
            # TRANSLATORS: the possessive of a name with an article that ends in s ("the
            # United States'"); kept apart from "the {state}" so an article can be declined.
            return _("the {state}'").format(state=name)
        # TRANSLATORS: the possessive of a state's name that takes an article ("the USSR's");
        # kept apart from "the {state}" so a language with cases can decline the article.
        return _("the {state}'s").format(state=name)
    phrase = the_name(name)
    if phrase.endswith("s") and not abbreviation(phrase):
        # TRANSLATORS: the possessive of a name ending in s ("Wales'").
        return _("{name}'").format(name=phrase)
    # TRANSLATORS: the possessive of a name ("Poland's").
    return _("{name}'s").format(name=phrase)


def player_of(scenario: Scenario) -> str:
    """The state the player leads, as the scenario names it."""
    return scenario.player


def notes_of(scenario: Scenario) -> list[HistoryNote]:
    """Every history note of the scenario, actions first, then events."""
    notes = [a.history for a in scenario.actions] + [e.history for e in scenario.events]
    return [n for n in notes if n is not None]


def note_judged(note: HistoryNote | None) -> bool:
    """True if the note carries anything from an essay (a verdict, its reason, a correction)."""
    return note is not None and (note.verdict != "not_in_essay" or bool(note.reason)
                                 or bool(note.correction))


def has_essay(scenario: Scenario) -> bool:
    """True if the scenario is built on an essay: some note judges or corrects."""
    return any(note_judged(n) for n in notes_of(scenario))
