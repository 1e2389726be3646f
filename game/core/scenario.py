"""The scenario format as typed models: what a scenario file may say, checked once at load.

These models are strict: a string is never silently turned into a number or a
boolean, unknown fields are errors, and every id is a lower-case name. The
references between parts (an action's target nation, an event's historical
choice, the names inside a condition) are checked afterwards by
:func:`game.core.checks.reference_problems`, which knows the whole scenario.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from game.core.effects import Effect as Effect  # one kind of change; its kinds are in game.core.effects
from game.core.fields import ID_PATTERN as ID_PATTERN
from game.core.fields import YEAR_MONTH_PATTERN as YEAR_MONTH_PATTERN
from game.core.fields import Expr as Expr
from game.core.fields import Id as Id
from game.core.fields import Model as _Model
from game.core.fields import ShortText as ShortText
from game.core.fields import Text as Text
from game.core.fields import YearMonth as YearMonth


def month_index(year_month: str) -> int:
    """Return a month as a count of months since year 0 (``"1928-01"`` -> 1928*12)."""
    year, month = year_month.split("-")
    return int(year) * 12 + int(month) - 1


def month_text(index: int) -> str:
    """Return the ``"YYYY-MM"`` form of a month count made by :func:`month_index`."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


MAX_TURNS = 600
"""Limits that keep a hostile or runaway file from costing minutes or gigabytes to check."""


class Calendar(_Model):
    """When the game starts and ends, and how long one turn is."""

    start: YearMonth = Field(description='First turn, as "YYYY-MM".')
    end: YearMonth = Field(description='Last turn, as "YYYY-MM" (the game ends after it).')
    months_per_turn: int = Field(ge=1, le=12, description="Months in one turn: 3 for quarters.")

    @model_validator(mode="after")
    def _end_after_start(self) -> Calendar:
        if month_index(self.end) < month_index(self.start):
            raise ValueError(f"the calendar ends ({self.end}) before it starts ({self.start})")
        return self

    @model_validator(mode="after")
    def _not_too_long(self) -> Calendar:
        if self.turns > MAX_TURNS:
            raise ValueError(f"the calendar has {self.turns} turns; at most {MAX_TURNS} are allowed "
                             "(use longer turns)")
        return self

    @property
    def turns(self) -> int:
        """Number of turns in the game."""
        span = month_index(self.end) - month_index(self.start)
        return span // self.months_per_turn + 1


class Aim(_Model):
    """Something the player tries to raise, shown on screen with its historical value."""

    id: Id
    name: ShortText
    description: Text = Field(description="What the aim means, in a sentence a student understands.")
    min: float = Field(default=0, description="Lowest possible value.")
    max: float = Field(default=100, description="Highest possible value.")
    start: float = Field(description="Value on the first turn.")
    per_turn: Expr | None = Field(
        default=None,
        description="Formula added to the aim at the end of every turn, e.g. '(strength - 50) / 25'.",
    )
    per_turn_reason: str = Field(default="", description="Why it drifts: shown on hover.")
    weight: float = Field(default=1, ge=0, description="Weight of the aim in the overall score.")

    @model_validator(mode="after")
    def _start_in_range(self) -> Aim:
        if self.min >= self.max:
            raise ValueError(f"min ({self.min}) must be below max ({self.max})")
        if not self.min <= self.start <= self.max:
            raise ValueError(f"start ({self.start}) is outside {self.min}..{self.max}")
        return self


class TreatyKind(_Model):
    """A kind of agreement the USSR can have with a nation (relations, non-aggression, ...)."""

    id: Id
    name: ShortText
    description: str = ""


class Nation(_Model):
    """A state the USSR deals with."""

    id: Id
    name: ShortText
    region: Id = Field(description="Where the map draws it: a region id of the map asset.")
    relation: int = Field(ge=-100, le=100, description="Relation with the USSR at the start.")
    treaties: list[Id] = Field(default_factory=list, max_length=64,
                               description="Treaty kinds held at the start.")
    great_power: bool = False
    description: str = ""


Verdict = Literal["success", "failure", "mixed", "not_in_essay"]


class HistoryNote(_Model):
    """What really happened, what the essay said of it, and where to read more."""

    date: ShortText = Field(description="When it happened, as a reader writes it: '21 Jan 1932'.")
    text: Text = Field(description="What happened and what the USSR did, in your own words.")
    verdict: Verdict = Field(default="not_in_essay", description="The essay's verdict.")
    reason: str = Field(default="", description="The essay's reason for its verdict.")
    correction: str = Field(default="", description="Where the essay is wrong, and what is right.")
    source: Text = Field(description="Where the facts come from.")


class Stance(_Model):
    """A kind of policy a decision expresses; ``lean`` places it between the two readings."""

    id: Id
    name: ShortText
    description: str = ""
    lean: float = Field(ge=-1, le=1, description="-1 = pure security-seeking, +1 = expansionist.")


class Historian(_Model):
    name: ShortText
    work: str = ""


class Reading(_Model):
    """One historians' reading of the policy, at one end of the stance axis."""

    id: Id
    name: ShortText
    summary: Text
    lean: float = Field(ge=-1, le=1)
    historians: list[Historian] = Field(min_length=1, max_length=50)


class Action(_Model):
    """Something the player may do in a turn, paying ``cost`` from the turn's budget."""

    id: Id
    name: ShortText
    description: Text
    target: Id | None = Field(default=None, description="The nation it concerns, if any.")
    cost: int = Field(default=1, ge=0, le=10)
    earliest: YearMonth | None = None
    latest: YearMonth | None = None
    available: Expr | None = Field(default=None, description="Condition for it to be offered.")
    unavailable_reason: str = Field(default="", description="Shown when 'available' is false.")
    once: bool = Field(default=True, description="False: may be taken again on later turns.")
    stance: Id
    effects: list[Effect] = Field(min_length=1, max_length=50)
    history: HistoryNote | None = None


class Choice(_Model):
    """One answer to an event."""

    id: Id
    label: ShortText
    description: str = ""
    stance: Id
    effects: list[Effect] = Field(default_factory=list, max_length=50)


class Event(_Model):
    """Something that happens: on a date, or when a condition holds, maybe asking for a choice."""

    id: Id
    title: ShortText
    text: Text
    date: YearMonth | None = Field(default=None, description="Fires on the turn of this month.")
    earliest: YearMonth | None = None
    latest: YearMonth | None = None
    when: Expr | None = Field(
        default=None,
        description="Condition. With 'date', checked on that turn only; with 'earliest'/'latest', "
        "the event fires on the first turn of the window when it holds.")
    chance: float = Field(default=1, gt=0, le=1, description="Chance per turn once eligible.")
    effects: list[Effect] = Field(default_factory=list, max_length=50)
    choices: list[Choice] = Field(default_factory=list, max_length=8)
    historical_choice: Id | None = None
    ends_game: bool = Field(default=False, description="The game ends after this turn.")
    history: HistoryNote | None = None

    @model_validator(mode="after")
    def _timing(self) -> Event:
        if self.date is not None and (self.earliest is not None or self.latest is not None):
            raise ValueError("give either 'date' or 'earliest'/'latest', not both")
        if self.choices and self.historical_choice is None:
            raise ValueError("an event with choices needs 'historical_choice' (what the USSR did)")
        if not self.choices and self.historical_choice is not None:
            raise ValueError("'historical_choice' is only for events with choices")
        return self


class Ending(_Model):
    """A way the game can end; the first whose condition holds is the ending."""

    id: Id
    title: ShortText
    text: Text = Field(description="What happens and why, told to the student.")
    when: Expr | None = Field(default=None, description="Condition; leave out on the last one.")


class PathStep(_Model):
    """What the USSR really did in one turn: the actions it took."""

    date: YearMonth
    actions: list[Id] = Field(min_length=1, max_length=300)


class FigureValue(_Model):
    year: int = Field(ge=1000, le=2100)
    value: float


class Figure(_Model):
    """A real recorded series (steel output, army size...) the model's aim should follow."""

    id: Id
    name: ShortText
    unit: str = ""
    aim: Id = Field(description="The aim whose historical trajectory this figure checks.")
    source: Text
    values: list[FigureValue] = Field(min_length=2, max_length=300)


class Source(_Model):
    id: Id
    citation: Text
    url: str = ""


class Scenario(_Model):
    """A whole scenario: metadata, calendar, aims, nations, actions, events, endings, history."""

    format: Literal[1] = Field(description="Version of the scenario format; write 1.")
    id: Id
    title: ShortText
    author: ShortText
    description: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")] = "en"
    player: ShortText = Field(description="The state the player leads.")
    calendar: Calendar
    actions_per_turn: int = Field(ge=1, le=10, description="Budget of action points per turn.")
    aims: list[Aim] = Field(min_length=1, max_length=20)
    treaty_kinds: list[TreatyKind] = Field(default_factory=list, max_length=64)
    stances: list[Stance] = Field(min_length=1, max_length=50)
    readings: list[Reading] = Field(default_factory=list, max_length=10)
    nations: list[Nation] = Field(default_factory=list, max_length=100)
    actions: list[Action] = Field(default_factory=list, max_length=300)
    events: list[Event] = Field(default_factory=list, max_length=500)
    endings: list[Ending] = Field(min_length=1, max_length=30)
    historical_path: list[PathStep] = Field(default_factory=list, max_length=2000)
    figures: list[Figure] = Field(default_factory=list, max_length=50)
    sources: list[Source] = Field(default_factory=list, max_length=300)



def expression_places(s: Scenario) -> list[tuple[tuple[str | int, ...], str]]:
    """Every expression of a scenario with the path of its field, in file order."""
    places: list[tuple[tuple[str | int, ...], str | None]] = []
    places += [(("aims", i, "per_turn"), a.per_turn) for i, a in enumerate(s.aims)]
    places += [(("actions", i, "available"), a.available) for i, a in enumerate(s.actions)]
    places += [(("events", i, "when"), e.when) for i, e in enumerate(s.events)]
    places += [(("endings", i, "when"), e.when) for i, e in enumerate(s.endings)]
    return [(path, text) for path, text in places if text is not None]
