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
from game.core.effects.status import Status
from game.core.fields import ID_PATTERN as ID_PATTERN
from game.core.fields import YEAR_MONTH_PATTERN as YEAR_MONTH_PATTERN
from game.core.fields import DayDate as DayDate
from game.core.fields import Expr as Expr
from game.core.fields import Id as Id
from game.core.fields import Model as _Model
from game.core.fields import ShortText as ShortText
from game.core.fields import Text as Text
from game.core.fields import YearMonth as YearMonth
from game.i18n import _


def month_index(year_month: str) -> int:
    """Return a month as a count of months since year 0 (``"1928-01"`` -> 1928*12); a day
    (``"1941-06-22"``) counts as its month."""
    year, month = year_month.split("-")[:2]
    return int(year) * 12 + int(month) - 1


def day_of(date: str) -> int:
    """Return the day of a ``"YYYY-MM-DD"`` date, 0 for a plain month."""
    parts = date.split("-")
    return int(parts[2]) if len(parts) > 2 else 0


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
            raise ValueError(_("the calendar ends ({end}) before it starts ({start})").format(
                end=self.end, start=self.start))
        return self

    @model_validator(mode="after")
    def _not_too_long(self) -> Calendar:
        if self.turns > MAX_TURNS:
            raise ValueError(_("the calendar has {turns} turns; at most {most} are allowed "
                               "(use longer turns)").format(turns=self.turns, most=MAX_TURNS))
        return self

    @property
    def turns(self) -> int:
        """Number of turns in the game."""
        span = month_index(self.end) - month_index(self.start)
        return span // self.months_per_turn + 1


class Aim(_Model):
    """Something the player tries to raise, shown on screen with its historical value."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`Security`).")
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
            raise ValueError(_("min ({min}) must be below max ({max})").format(
                min=self.min, max=self.max))
        if not self.min <= self.start <= self.max:
            raise ValueError(_("start ({start}) is outside {min}..{max}").format(
                start=self.start, min=self.min, max=self.max))
        return self


class TreatyKind(_Model):
    """A kind of agreement the player's nation can have with a nation (relations,
    non-aggression, ...)."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`Non-aggression pact`).")
    description: str = Field(default="", description="A sentence saying what it means.")
    binding: bool = Field(default=False, description="`true` for a promise to fight for each "
                          "other (an alliance, mutual assistance): the screens show it as one.")
    war: bool = Field(default=False, description="`true` for the kind that means being at war "
                      "with the nation that holds it (at most one kind).")


class View(_Model):
    """What a nation's capital thinks of the player's state, told when its condition holds."""

    when: Expr | None = Field(default=None, description="Condition; leave out on the last one.")
    text: Text = Field(description="What that capital thinks of you, and why, in a sentence "
                       "or two.")


class Want(_Model):
    """What a nation wants now, and why, when its condition holds."""

    when: Expr | None = Field(default=None, description="Condition; leave out on the last one.")
    text: Text = Field(description="What it wants now.")
    why: str = Field(default="", description="Why it wants it.")


class Nation(_Model):
    """A state the player's nation deals with."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`France`).")
    region: Id = Field(description="Where the map draws it: one of the map's regions.")
    relation: int = Field(ge=-100, le=100, description="Its relation with the player's nation on "
                          "the first turn, a whole number from -100 to 100.")
    treaties: list[Id] = Field(default_factory=list, max_length=64,
                               description="The treaties it holds with the player's nation on the "
                               "first turn: ids under `treaty_kinds:`.")
    great_power: bool = Field(default=False, description="`true` for a great power; the screen "
                              "says so.")
    description: str = Field(default="", description="A sentence shown in the nation's panel.")
    status: Status = Field(default="independent", description="Its status on the first turn: "
                           "`independent`, `at_war`, `occupied`, `annexed` or `partitioned`.")
    held_by: list[Id] = Field(default_factory=list, max_length=2,
                              description="Who holds it on the first turn when it is occupied, "
                              "annexed (one holder) or partitioned (two): nation ids or "
                              "`player`.")
    relation_per_turn: Expr | None = Field(
        default=None, description="Formula added to its relation with the player at the end of "
        "every turn: how its view moves with the world, e.g. "
        "'(20 * flag.pact - relation.germany) / 8'.")
    relation_reason: str = Field(default="", description="Why its view moves: shown on hover.")
    views: list[View] = Field(default_factory=list, max_length=30,
                              description="What its capital thinks of the player: the first "
                              "whose `when` holds is shown in its panel.")
    wants: list[Want] = Field(default_factory=list, max_length=30,
                              description="What it wants now and why: the first whose `when` "
                              "holds is shown in its panel.")

    # Whether ``held_by`` fits ``status`` is checked with the references
    # (game.core.checks.holder_problems), so the message can point at the field.


Verdict = Literal["success", "failure", "mixed", "not_in_essay"]


class HistoryNote(_Model):
    """What really happened, what the essay said of it, and where to read more."""

    date: ShortText = Field(description="When it happened, as a reader writes it: '21 Jan 1932'.")
    text: Text = Field(description="What happened and what the player's nation did, in your "
                       "own words.")
    verdict: Verdict = Field(default="not_in_essay", description="The essay's verdict.")
    reason: str = Field(default="", description="The essay's reason for its verdict.")
    correction: str = Field(default="", description="Where the essay is wrong, and what is right.")
    source: Text = Field(description="Where the facts come from.")


class Stance(_Model):
    """A kind of policy a decision expresses; ``lean`` places it between the two readings."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`Security-seeking`).")
    description: str = Field(default="", description="A sentence saying what it means.")
    lean: float = Field(ge=-1, le=1, description="-1 = pure security-seeking, +1 = expansionist.")


class Historian(_Model):
    """A historian who holds a reading."""

    name: ShortText = Field(description="The historian's name.")
    work: str = Field(default="", description="The work that argues the reading.")


class Reading(_Model):
    """One historians' reading of the policy, at one end of the stance axis."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`Defensive realism`).")
    summary: Text = Field(description="The reading in a few sentences, for the student.")
    lean: float = Field(ge=-1, le=1, description="Where it stands, on the stances' scale: "
                        "-1 = security-seeking, +1 = expansionist.")
    historians: list[Historian] = Field(min_length=1, max_length=50,
                                        description="The historians who hold it (at least one).")


class Action(_Model):
    """Something the player may do in a turn, paying ``cost`` from the turn's budget."""

    id: Id
    name: ShortText = Field(description="Its name on the action's button.")
    description: Text = Field(description="What the action is, shown to the student.")
    target: Id | None = Field(default=None, description="The nation it concerns, if any: one of "
                              "the ids under `nations:`.")
    cost: int = Field(default=1, ge=0, le=10, description="Action points it costs, 0 to 10.")
    earliest: YearMonth | None = Field(default=None, description="The first month it may be "
                                       'taken, as "YYYY-MM".')
    latest: YearMonth | None = Field(default=None, description='The last month it may be taken, '
                                     'as "YYYY-MM".')
    available: Expr | None = Field(default=None, description="Condition for it to be offered.")
    unavailable_reason: str = Field(default="", description="Shown when 'available' is false.")
    once: bool = Field(default=True, description="False: may be taken again on later turns.")
    stance: Id = Field(description="The stance it expresses: one of the ids under `stances:`.")
    effects: list[Effect] = Field(min_length=1, max_length=50, description="What it changes: "
                                  "one effect or more.")
    history: HistoryNote | None = Field(default=None, description="What really happened, for "
                                        "the debrief.")


class Outcome(_Model):
    """One way a gamble can come out: drawn at the end of the turn, with odds from the state."""

    id: Id
    text: Text = Field(description="What happens when it comes out this way, told to the "
                       "student.")
    chance: Annotated[float, Field(ge=0, le=1)] | Expr | None = Field(
        default=None, description="Its chance, a number or a formula (clamped to 0..1); leave "
        "out on the last outcome, which takes what the others leave.")
    effects: list[Effect] = Field(default_factory=list, max_length=50,
                                  description="What it changes.")
    historical: bool = Field(default=False, description="`true` on the outcome that really "
                             "happened (one on the historical choice): the historical game "
                             "takes it.")


class Variant(_Model):
    """A text told instead of an event's main text when its condition holds as it fires."""

    when: Expr = Field(description="Condition, checked as the event fires.")
    text: Text = Field(description="What happens, told to the student in this case.")


class Cause(_Model):
    """A cause an ending names when it happened in this game."""

    when: Expr = Field(description="Condition on the final state: did this happen?")
    text: Text = Field(description="The cause, in a sentence.")


class Choice(_Model):
    """One answer to an event."""

    id: Id
    label: ShortText = Field(description="The answer, on its button.")
    description: str = Field(default="", description="More about the answer, shown beside it.")
    stance: Id = Field(description="The stance it expresses: one of the ids under `stances:`.")
    effects: list[Effect] = Field(default_factory=list, max_length=50,
                                  description="What it changes when chosen.")
    outcomes: list[Outcome] = Field(default_factory=list, max_length=8,
                                    description="A gamble: the ways it can come out, drawn at the "
                                    "end of the turn (two or more).")

    # Whether the gamble can be drawn (a chance on every outcome but the last, one outcome
    # that happened) is checked with the references (game.core.checks.gamble_problems), so
    # the message can point at the outcome.


class Event(_Model):
    """Something that happens: on a date, or when a condition holds, maybe asking for a choice."""

    id: Id
    title: ShortText = Field(description="Its title on the event's card.")
    text: Text = Field(description="What happens, told to the student.")
    date: DayDate | None = Field(default=None, description='Fires on the turn of this month '
                                 '("YYYY-MM") or day ("YYYY-MM-DD"); the events of one turn '
                                 "come in the order of their dates.")
    by: Id | None = Field(default=None, description="The nation whose move this is: one of the "
                          "ids under `nations:`; shown on its panel.")
    kind: Literal["offer", "demand", "threat", "guarantee", "pact", "war", "annexation",
                  "other"] | None = Field(default=None, description="What kind of move it is, "
                                          "for a nation's move (`by`).")
    earliest: YearMonth | None = Field(default=None, description="The first month it may fire, "
                                       'as "YYYY-MM".')
    latest: YearMonth | None = Field(default=None, description='The last month it may fire, as '
                                     '"YYYY-MM".')
    when: Expr | None = Field(
        default=None,
        description="Condition. With 'date', checked on that turn only; with 'earliest'/'latest', "
        "the event fires on the first turn of the window when it holds.")
    chance: Annotated[float, Field(gt=0, le=1)] | Expr = Field(
        default=1.0, description="Chance per turn once eligible: a number, or a formula of the "
        "state (clamped to 0..1).")
    happened: bool = Field(default=True, description="For a chance event: whether it happened "
                           "in history. The historical game fires it when eligible if `true`, "
                           "never if `false`, so it needs no dice.")
    variants: list[Variant] = Field(default_factory=list, max_length=20,
                                    description="Texts told instead of `text` when their "
                                    "condition holds as the event fires (the first that holds).")
    effects: list[Effect] = Field(default_factory=list, max_length=50,
                                  description="What it changes when it fires.")
    choices: list[Choice] = Field(default_factory=list, max_length=8,
                                  description="The answers the student picks from (at most 8).")
    historical_choice: Id | None = Field(default=None, description="What the player's nation "
                                         "really chose: one of the ids under this event's "
                                         "`choices:`.")
    ends_game: bool = Field(default=False, description="The game ends after this turn.")
    history: HistoryNote | None = Field(default=None, description="What really happened, for "
                                        "the debrief.")

    @model_validator(mode="after")
    def _timing(self) -> Event:
        if self.date is not None and (self.earliest is not None or self.latest is not None):
            raise ValueError(_("give either 'date' or 'earliest'/'latest', not both"))
        if self.choices and self.historical_choice is None:
            raise ValueError(_("an event with choices needs 'historical_choice' "
                               "(what the USSR did)"))
        if not self.choices and self.historical_choice is not None:
            raise ValueError(_("'historical_choice' is only for events with choices"))
        return self


class Ending(_Model):
    """A way the game can end; the first whose condition holds is the ending."""

    id: Id
    title: ShortText = Field(description="Its title on the last screen.")
    text: Text = Field(description="What happens and why, told to the student.")
    when: Expr | None = Field(default=None, description="Condition; leave out on the last one.")
    causes: list[Cause] = Field(default_factory=list, max_length=30,
                                description="The causes it names when they happened in this "
                                "game.")


class PolicyOption(_Model):
    """One option of a standing policy, with what it does every turn while chosen."""

    id: Id
    name: ShortText = Field(description="Its name on screen.")
    description: str = Field(default="", description="What it means, in a sentence.")
    stance: Id = Field(description="The stance it expresses: one of the ids under `stances:`.")
    per_turn: list[Effect] = Field(default_factory=list, max_length=50,
                                   description="Effects applied at the end of every turn while "
                                   "it is chosen.")


class Policy(_Model):
    """A standing policy the player sets and changes when they want (no button every turn)."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`Where the effort goes`).")
    description: str = Field(default="", description="What it decides, in a sentence.")
    start: Id = Field(description="The option chosen on the first turn: one of its `options`.")
    options: list[PolicyOption] = Field(min_length=2, max_length=8,
                                        description="The options (two to eight).")


class PathStep(_Model):
    """What the player's nation really did in one turn: the actions it took and the policies it
    set."""

    date: YearMonth = Field(description='The turn, as the month it starts: "YYYY-MM".')
    actions: list[Id] = Field(default_factory=list, max_length=300,
                              description="The actions taken that turn: ids under `actions:`.")
    policies: dict[Id, Id] = Field(default_factory=dict, max_length=20,
                                   description="The policies set that turn: policy id -> "
                                   "option id.")

    @model_validator(mode="after")
    def _something(self) -> PathStep:
        if not self.actions and not self.policies:
            raise ValueError(_("a step of the historical path needs 'actions' or 'policies'"))
        return self


class FigureValue(_Model):
    """One recorded value of a figure."""

    year: int = Field(ge=1000, le=2100, description="The year it was recorded.")
    value: float = Field(description="The value, in the figure's unit.")


class Figure(_Model):
    """A real recorded series (steel output, army size...) the model's aim should follow."""

    id: Id
    name: ShortText = Field(description="Its name on screen (`Steel output`).")
    unit: str = Field(default="", description="The unit of its values (`million tonnes`).")
    aim: Id = Field(description="The aim whose historical trajectory this figure checks: one of "
                    "the ids under `aims:`.")
    source: Text = Field(description="Where the values come from.")
    values: list[FigureValue] = Field(min_length=2, max_length=300,
                                      description="The recorded values, year by year (two or "
                                      "more).")


class Source(_Model):
    """A work the scenario cites."""

    id: Id
    citation: Text = Field(description="The full reference, as in a bibliography.")
    url: str = Field(default="", description="Its web address, if it has one.")


class Scenario(_Model):
    """A whole scenario: metadata, calendar, aims, nations, actions, events, endings, history."""

    format: Literal[1] = Field(description="Version of the scenario format; write 1.")
    id: Id
    title: ShortText = Field(description="Its title in the list of scenarios.")
    author: ShortText = Field(description="Who wrote it.")
    description: Text = Field(description="What it is about, shown before a game starts.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")] = Field(
        default="en", description="The language it is written in: a code such as `en`, `de` or "
        "`pt-BR`.")
    player: ShortText = Field(description="The state the player leads.")
    calendar: Calendar = Field(description="The first and last turn (`start`, `end`) and the "
                               "months in one turn (`months_per_turn`).")
    actions_per_turn: int = Field(ge=1, le=10, description="Budget of action points per turn.")
    aims: list[Aim] = Field(min_length=1, max_length=20, description="What the player tries to "
                            "raise (1 to 20 aims).")
    treaty_kinds: list[TreatyKind] = Field(default_factory=list, max_length=64,
                                           description="The kinds of agreement nations can hold.")
    stances: list[Stance] = Field(min_length=1, max_length=50, description="The kinds of policy "
                                  "the decisions express.")
    readings: list[Reading] = Field(default_factory=list, max_length=10,
                                    description="The historians' readings of the policy.")
    nations: list[Nation] = Field(default_factory=list, max_length=100,
                                  description="The states the player's nation deals with.")
    actions: list[Action] = Field(default_factory=list, max_length=300,
                                  description="What the player may do in a turn.")
    policies: list[Policy] = Field(default_factory=list, max_length=20,
                                   description="Standing policies the player sets and changes "
                                   "when they want.")
    events: list[Event] = Field(default_factory=list, max_length=500,
                                description="What happens, on a date or when a condition holds.")
    endings: list[Ending] = Field(min_length=1, max_length=30, description="How the game can end; "
                                  "the first whose condition holds is the ending.")
    historical_path: list[PathStep] = Field(default_factory=list, max_length=2000,
                                            description="What the player's nation really did, "
                                            "turn by turn.")
    figures: list[Figure] = Field(default_factory=list, max_length=50,
                                  description="Real recorded series the aims should follow.")
    sources: list[Source] = Field(default_factory=list, max_length=300,
                                  description="The works the scenario cites.")



def expression_places(s: Scenario) -> list[tuple[tuple[str | int, ...], str]]:
    """Every expression of a scenario with the path of its field, in file order."""
    places: list[tuple[tuple[str | int, ...], str | None]] = []
    places += [(("aims", i, "per_turn"), a.per_turn) for i, a in enumerate(s.aims)]
    places += [(("actions", i, "available"), a.available) for i, a in enumerate(s.actions)]
    places += [(("events", i, "when"), e.when) for i, e in enumerate(s.events)]
    places += [(("endings", i, "when"), e.when) for i, e in enumerate(s.endings)]
    for i, n in enumerate(s.nations):
        places.append((("nations", i, "relation_per_turn"), n.relation_per_turn))
        places += [(("nations", i, "views", k, "when"), v.when) for k, v in enumerate(n.views)]
        places += [(("nations", i, "wants", k, "when"), w.when) for k, w in enumerate(n.wants)]
    for i, ev in enumerate(s.events):
        if isinstance(ev.chance, str):
            places.append((("events", i, "chance"), ev.chance))
        places += [(("events", i, "variants", k, "when"), v.when)
                   for k, v in enumerate(ev.variants)]
        for k, c in enumerate(ev.choices):
            places += [(("events", i, "choices", k, "outcomes", m, "chance"), o.chance)
                       for m, o in enumerate(c.outcomes) if isinstance(o.chance, str)]
    for i, e in enumerate(s.endings):
        places += [(("endings", i, "causes", k, "when"), c.when) for k, c in enumerate(e.causes)]
    return [(path, text) for path, text in places if text is not None]
