"""Load a scenario file: hardened YAML, typed models, reference checks, compiled rules.

:func:`load_scenario` is the one way in. Whatever the bytes, it either
returns a :class:`LoadedScenario` or raises :class:`ScenarioError` listing
every problem found, each with ``file:line:col``, what is wrong and a hint.
"""

from __future__ import annotations

import heapq
import os
import re
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.core import expr
from game.core.checks import PathProblem, reference_problems
from game.core.fields import DAY_DATE_PATTERN
from game.core.rules import Rules, compile_rules
from game.core.scenario import Scenario
from game.i18n import N_, SOURCE_LANGUAGE, _, current_language, speaking
from game.paths import BUNDLED_SCENARIOS
from game.scenario.errors import MAX_PROBLEMS, Problem, ScenarioError
from game.scenario.lint import effect_range_problems, lint
from game.scenario.yamlsafe import read_file_bytes, read_yaml_partly

Marks = dict[tuple[str | int, ...], tuple[int, int]]


@dataclass
class LoadedScenario:
    """A scenario that passed every check, compiled for play."""

    path: str
    scenario: Scenario
    rules: Rules
    warnings: list[Problem] = field(default_factory=list)
    value_marks: Marks = field(default_factory=dict, repr=False)
    """Where each value of the file starts (see :func:`game.scenario.yamlsafe.read_yaml`)."""
    key_marks: Marks = field(default_factory=dict, repr=False)
    translation: str = ""
    """The language of the translation file beside it that was looked at ("" if none): see
    :mod:`game.scenario.translation`."""


@dataclass
class _Located:
    """The parsed YAML with the position of every value and key."""

    filename: str
    data: Any
    values: Marks
    keys: Marks
    lines: list[str]

    def place(self, path: tuple[str | int, ...], at_key: bool = False) -> tuple[int, int]:
        """Return (line, col) for ``path``: the longest prefix of it that the file has."""
        p = tuple(path)
        while p:
            if at_key and p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def problem(self, pp: PathProblem) -> Problem:
        line, col = self.place(pp.path, pp.at_key)
        if pp.offset and pp.path in self.values:
            col += self._offset_in_scalar(pp.path, pp.offset)
        if pp.severity == "warning":
            return Problem(self.filename, line, col, pp.message, pp.hint, "warning")
        return Problem(self.filename, line, col, pp.message, pp.hint, "error")

    def _offset_in_scalar(self, path: tuple[str | int, ...], offset: int) -> int:
        # The column of a character inside an expression is exact only for a plain or
        # quoted one-line scalar; for a block scalar, point at the value's start.
        value = self.get(path)
        if not isinstance(value, str) or "\n" in value:
            return 0
        line, col = self.values[path]
        quoted = 0 < line <= len(self.lines) and self.lines[line - 1][col - 1:col] in ("'", '"')
        return offset + (1 if quoted else 0)

    def quoted(self, path: tuple[str | int, ...]) -> bool:
        """Whether the value at ``path`` was written in quotes."""
        if path not in self.values:
            return False
        line, col = self.values[path]
        return 0 < line <= len(self.lines) and self.lines[line - 1][col - 1:col] in ("'", '"')

    def get(self, path: tuple[str | int, ...]) -> Any:
        node = self.data
        for k in path:
            try:
                node = node[k]
            except (KeyError, IndexError, TypeError):
                return None
        return node


_KIND_NAMES = {
    bool: N_("true/false"), int: N_("a number"), float: N_("a number"), str: N_("text"),
    list: N_("a list"), dict: N_("a mapping (key: value lines)"), type(None): N_("nothing"),
}


def _describe(value: Any) -> str:
    """What a value is, as a teacher reads it in a message ("the text 'abc'")."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("the text '{text}'").format(text=shown)
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    kind = _KIND_NAMES.get(type(value))
    return _(kind) if kind is not None else type(value).__name__


def _field_names(model: Any) -> list[str]:
    names = []
    for name, info in model.model_fields.items():
        names.append(info.alias or name)
    return names


def _model_at(loc: tuple[str | int, ...]) -> Any:
    """Return the pydantic model class that holds the field at ``loc``, for 'did you mean'.

    Where a field holds one of several models (an effect is one of the kinds of
    ``game.core.effects``), the model with every one's fields (``AnyEffect``) answers."""
    from typing import get_args

    model: Any = Scenario
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        found: list[Any] = []
        stack = [info.annotation]
        while stack:
            t = stack.pop()
            if isinstance(t, type) and hasattr(t, "model_fields"):
                found.append(t)
            else:
                stack.extend(get_args(t))
        if not found:
            return None
        model = max(found, key=lambda m: len(m.model_fields))
        names = set(_field_names(model))
        if any(not set(_field_names(m)) <= names for m in found):
            return None
    return model


_NUMBER_TEXT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.?[0-9]+(?:[eE][-+]?[0-9]+)?")


def _number_hint(value: Any, quoted: bool) -> str:
    """The hint for text where a number is needed: 'without quotes' only if it was quoted and
    is a number once they are gone."""
    text = value.strip() if isinstance(value, str) else ""
    if quoted and _NUMBER_TEXT.fullmatch(text):
        return _("write the number without quotes")
    if text.startswith("0") and text[1:2].isdigit():
        return _("numbers are written without leading zeros")
    if text.endswith("%") and _NUMBER_TEXT.fullmatch(text[:-1].strip()):
        return _("write a number such as 50, without the '%': {number}").format(
            number=text[:-1].strip())
    if _NUMBER_TEXT.fullmatch(text) and "e" in text.lower():
        return _("write a number such as 50; numbers in a scenario are written out in full, "
                 "such as 1.5 or 2000")
    return _("write a number such as 50")


_BOUNDS = {
    "greater_than_equal": ("Input should be greater than or equal to ",
                           N_("{label} must be greater than or equal to {bound}, not {value}")),
    "less_than_equal": ("Input should be less than or equal to ",
                        N_("{label} must be less than or equal to {bound}, not {value}")),
    "greater_than": ("Input should be greater than ",
                     N_("{label} must be greater than {bound}, not {value}")),
    "less_than": ("Input should be less than ",
                  N_("{label} must be less than {bound}, not {value}")),
}
"""The message for a number out of its bounds, by pydantic's error type: (the start of
pydantic's message, before the bound as pydantic writes it; our message)."""


def _translate(err: ErrorDetails, loc: tuple[str | int, ...],
               quoted: bool = False) -> tuple[str, str, bool]:
    """Turn one pydantic error into (message, hint, at_key) a teacher can act on."""
    kind = err["type"]
    value = err.get("input")
    name = str(loc[-1]) if loc else _("the file")
    # How the value is named in a message: 'title', or item 3 of 'actions'.
    label = f"'{name}'"
    if loc and isinstance(loc[-1], int):
        label = (_("item {number} of '{list}'").format(number=loc[-1] + 1, list=loc[-2])
                 if len(loc) > 1 else _("item {number}").format(number=loc[-1] + 1))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return (_("{label} is missing").format(label=label),
                _("add a line '{name}: ...' here").format(name=name), False)
    if kind == "extra_forbidden":
        model = _model_at(loc)
        hint = expr.suggest(name, _field_names(model)) if model else ""
        if not hint and model is not None:
            hint = _("the fields here are: {fields}").format(
                fields=", ".join(_field_names(model)))
        return _("unknown field '{name}'").format(name=name), hint, True
    if kind in ("string_type",):
        hint = _("put the text in quotes") if isinstance(value, (int, float, bool)) else ""
        return (_("{label} must be text, not {value}").format(label=label, value=_describe(value)),
                hint, False)
    if kind in ("int_type", "float_type", "int_from_float"):
        hint = _number_hint(value, quoted)
        if kind == "int_from_float":
            hint = _("write it without a decimal point")
        if kind == "float_type":
            message = _("{label} must be a number, not {value}")
        else:
            message = _("{label} must be a whole number, not {value}")
        return message.format(label=label, value=_describe(value)), hint, False
    if kind == "bool_type":
        return (_("{label} must be true or false, not {value}").format(
                    label=label, value=_describe(value)),
                _("write true or false (yes/no/on/off are not accepted)"), False)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern == DAY_DATE_PATTERN:
            return (_("{label} must be a month written \"YYYY-MM\" or a day written "
                      "\"YYYY-MM-DD\", not {value}").format(label=label, value=_describe(value)),
                    _('for example "1941-06" or "1941-06-22", in quotes; a month runs from 01 '
                      "to 12, a day from 01 to 31"), False)
        if "1[0-9]{3}" in pattern:
            return (_("{label} must be a month written \"YYYY-MM\", not {value}").format(
                        label=label, value=_describe(value)),
                    _('for example "1933-01", in quotes'), False)
        if "[a-z0-9_]" in pattern:
            return (_("{value} is not a valid id for {label}").format(
                        label=label, value=_describe(value)),
                    _("ids use lower-case letters, digits and _, and start with a letter "
                      "(e.g. 'pact_finland')"), False)
        if "[a-z]{2,3}" in pattern:
            return (_("{label} must be a language code, not {value}").format(
                        label=label, value=_describe(value)),
                    _("for example en, fr, de-CH"), False)
        return _("{label} has the wrong form").format(label=label), str(err.get("msg", "")), False
    if kind == "string_too_short":
        return (_("{label} must not be empty").format(label=label),
                _("write some text, or leave the field out"), False)
    if kind == "string_too_long":
        return (_("{label} is too long").format(label=label),
                _("at most {most} characters").format(most=ctx.get("max_length")), False)
    if kind == "too_long":
        return (_("{label} has {count} items; at most {most} are allowed").format(
                    label=label, count=ctx.get("actual_length"), most=ctx.get("max_length")),
                _("remove some, or split the scenario"), False)
    if kind == "finite_number":
        return (_("{label} must be a finite number").format(label=label),
                _("write an ordinary number"), False)
    if kind == "too_short":
        return (_("{label} needs at least {least} item(s)").format(
                    label=label, least=ctx.get("min_length")),
                _("add an item starting with '- '"), False)
    if kind == "list_type":
        return (_("{label} must be a list (lines starting with '- '), not {value}").format(
                    label=label, value=_describe(value)), "", False)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (_("{label} must be a mapping of 'key: value' lines, not {value}").format(
                    label=label, value=_describe(value)),
                _("check the indentation"), False)
    if kind == "literal_error":
        words = _QUOTED.findall(str(ctx.get("expected", "")))
        hint = expr.suggest(value, words) if isinstance(value, str) else ""
        return (_("{label} must be {expected}, not {value}").format(
                    label=label, expected=ctx.get("expected"), value=_describe(value)), hint,
                False)
    if kind in _BOUNDS:
        msg = str(err.get("msg", ""))
        start, message = _BOUNDS[kind]
        if msg.startswith(start):
            return (_(message).format(label=label, bound=msg[len(start):], value=value),
                    "", False)
        return f"{label} {msg.replace('Input should be', 'must be')}, not {value}", "", False
    if kind == "value_error":
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        return msg, "", False
    return (_("{label}: {message}").format(label=label,
                                           message=err["msg"] if "msg" in err else _("invalid value")),
            "", False)


def _clean_loc(loc: tuple[str | int, ...], data: Any) -> tuple[str | int, ...]:
    """Drop pydantic's type tags (e.g. 'constrained-str') from an error location."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not out[-1:] == [part]:
            # A missing or unknown key: keep it once, it names the field.
            if "[" in part or "-" in part:
                continue
            out.append(part)
            node = None
        else:
            continue
    return tuple(out)


_MISSPELT_TRIES = 20
"""Unknown keys of one mapping compared with its missing fields, to spot a misspelling."""


def _validation_problems(located: _Located, errors: list[ErrorDetails]) -> tuple[list[Problem], int]:
    """Return the first :data:`MAX_PROBLEMS` problems of a failed validation, in the models'
    order (which is the file's), and how many more there are.

    Linear in the number of errors: a file with thousands of wrong items costs one pass, and
    only the problems shown get a message and a 'did you mean'."""
    locs = [_clean_loc(tuple(e["loc"]), located.data) for e in errors]
    # A misspelt field shows as "unknown field 'stanse'" and "'stance' is missing":
    # the first says it all, with its hint.
    missing_by_parent: dict[tuple[str | int, ...], list[str]] = {}
    for e, loc in zip(errors, locs, strict=True):
        if e["type"] == "missing" and loc:
            missing_by_parent.setdefault(loc[:-1], []).append(str(loc[-1]))
    misspelt: set[tuple[str | int, ...]] = set()
    tried: dict[tuple[str | int, ...], int] = {}
    for e, loc in zip(errors, locs, strict=True):
        if e["type"] != "extra_forbidden" or not loc or loc[:-1] not in missing_by_parent:
            continue
        parent = loc[:-1]
        # A fuzzy match each: the first few unknown keys of a mapping are enough to find
        # the misspelt ones (a mapping of thousands of unknown keys is not a typo).
        tried[parent] = tried.get(parent, 0) + 1
        if tried[parent] > _MISSPELT_TRIES:
            continue
        for name in missing_by_parent[parent]:
            if expr.suggest(str(loc[-1]), [name]):
                misspelt.add(parent + (name,))
    problems: list[Problem] = []
    seen: set[tuple[int, int, str]] = set()
    more = 0
    for err, loc in zip(errors, locs, strict=True):
        if err["type"] == "missing" and loc in misspelt:
            continue
        if len(problems) >= MAX_PROBLEMS:
            more += 1
            continue
        message, hint, at_key = _translate(err, loc, located.quoted(loc))
        line, col = located.place(loc, at_key=at_key or err["type"] == "extra_forbidden")
        if err["type"] == "missing":
            line, col = located.place(loc[:-1], at_key=True)
        place = (line, col, message)
        if place in seen:
            continue
        seen.add(place)
        problems.append(Problem(located.filename, line, col, message, hint))
    return problems, more


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for p in problems:
        if (p.line, p.col, p.message) not in seen:
            seen.add((p.line, p.col, p.message))
            out.append(p)
    return out


_QUOTED = re.compile(r"'([^']*)'")

MAX_ERRORS_AT_ONCE = 2_000
"""Validation errors taken from pydantic at once; a file with more is checked item by item."""


def _item_lists() -> dict[str, tuple[type[BaseModel], int]]:
    """The scenario's lists of models: field name -> (item model, most items allowed)."""
    out: dict[str, tuple[type[BaseModel], int]] = {}
    for name, info in Scenario.model_fields.items():
        args = get_args(info.annotation)
        if get_origin(info.annotation) is list and args and isinstance(args[0], type) \
                and issubclass(args[0], BaseModel):
            most = min((m.max_length for m in info.metadata
                        if isinstance(getattr(m, "max_length", None), int)), default=1 << 30)
            out[info.alias or name] = (args[0], most)
    return out


_ITEM_LISTS = _item_lists()


def _many_item_errors(data: dict[str, Any]) -> tuple[list[ErrorDetails], int]:
    """Validate the scenario's lists item by item; if they hold more than
    :data:`MAX_ERRORS_AT_ONCE` errors, return the first ones and how many more there are,
    else ``([], 0)`` (the whole scenario is then validated at once, as usual).

    A 2 MiB file can hold hundreds of thousands of wrong values; validated at once, each
    becomes an error record (half a gigabyte in all). Item by item, memory stays at one item's
    errors and the count of the rest.
    """
    found: list[ErrorDetails] = []
    more = 0
    for name, (model, most) in _ITEM_LISTS.items():
        items = data.get(name)
        if not isinstance(items, list) or len(items) > most:
            continue  # not a list, or too long: one error each, from the whole validation
        for index, item in enumerate(items):
            try:
                model.model_validate(item)
            except ValidationError as exc:
                if len(found) < MAX_ERRORS_AT_ONCE:
                    found += [{**e, "loc": (name, index, *e["loc"])}
                              for e in exc.errors(include_url=False)]
                else:
                    more += exc.error_count()
    if not more and len(found) <= MAX_ERRORS_AT_ONCE:
        return [], 0
    more += max(len(found) - MAX_ERRORS_AT_ONCE, 0)
    return found[:MAX_ERRORS_AT_ONCE], more


def _first(problems: list[Problem]) -> list[Problem]:
    """The :data:`MAX_PROBLEMS` first problems in file order (a ScenarioError keeps no more)."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return heapq.nsmallest(MAX_PROBLEMS, problems, key=lambda p: (p.line, p.col))


_FALLBACK: dict[str, Any] = {
    "format": 1, "id": "scenario", "title": "x", "author": "x", "description": "x",
    "language": "en", "player": "x", "actions_per_turn": 1,
    "calendar": {"start": "1000-01", "end": "2099-12", "months_per_turn": 1},
}


def _references_of_the_rest(data: dict[str, Any], errors: list[ErrorDetails]) -> list[PathProblem]:
    """Check the references of the parts that did validate, so every error shows at once.

    The list items that failed (an action, an event, a nation...) are left out
    and the rest validated again. References to the ids of left-out items are
    not reported: those items have their own errors. Paths are mapped back to
    the file's own list positions.
    """
    import copy

    rest = copy.deepcopy(data)
    cuts: set[tuple[str | int, ...]] = set()
    for err in errors:
        loc = _clean_loc(tuple(err["loc"]), rest)
        item = next((loc[:i + 1] for i in range(len(loc) - 1, 0, -1)
                     if isinstance(loc[i], int)), None)
        if item is not None:
            cuts.add(item)
        elif loc and loc[0] in _FALLBACK:
            # A broken single field (the calendar, the title...) changes no reference:
            # check the rest with a stand-in value.
            rest[loc[0]] = copy.deepcopy(_FALLBACK[loc[0]])
        else:
            return []  # a whole section is broken: its references would all look wrong
    removed_ids: set[str] = set()
    survivors: dict[tuple[str | int, ...], list[int]] = {}
    # The cut positions of each list, then each list rebuilt once without them: deepest lists
    # first, so the positions of the lists around them still hold. Linear in the cuts.
    by_list: dict[tuple[str | int, ...], set[int]] = {}
    for path in cuts:
        if any(path[:k] in cuts for k in range(1, len(path))):
            continue  # its parent goes anyway
        index = path[-1]
        if not isinstance(index, int):
            return []
        by_list.setdefault(path[:-1], set()).add(index)
    for list_path in sorted(by_list, key=len, reverse=True):
        parent: Any = rest
        for key in list_path:
            parent = parent[key]
        gone = by_list[list_path]
        if not isinstance(parent, list) or max(gone) >= len(parent):
            return []
        for index in gone:
            item = parent[index]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                removed_ids.add(item["id"])
        survivors[list_path] = [i for i in range(len(parent)) if i not in gone]
        parent[:] = [item for i, item in enumerate(parent) if i not in gone]
    try:
        scenario = Scenario.model_validate(rest)
    except ValidationError:
        return []
    out = []
    for pp in reference_problems(scenario):
        if pp.severity != "error" or not removed_ids.isdisjoint(_QUOTED.findall(pp.message)):
            continue
        original: list[str | int] = []
        for part in pp.path:
            if isinstance(part, int) and tuple(original) in survivors:
                part = survivors[tuple(original)][part]
            original.append(part)
        out.append(PathProblem(tuple(original), pp.message, pp.hint, pp.offset, pp.severity,
                               pp.at_key))
    return out


def _history_problems(located: _Located, rules: Rules) -> list[Problem]:
    """Play the historical path; every historical action the rules refuse is an error."""
    from game.core.policies import historical_refusals

    out = []
    for step_index, action_index, reason in historical_refusals(rules):
        pp = PathProblem(("historical_path", step_index, "actions", action_index),
                         _("the historical path cannot take '{action}' on {date}: "
                           "{reason}").format(
                             action=rules.scenario.historical_path[step_index].actions[action_index],
                             date=rules.scenario.historical_path[step_index].date, reason=reason),
                         _("move it to a date when it is possible, or change the action's "
                           "conditions"))
        out.append(located.problem(pp))
    return out


def load_from_bytes(data: bytes, filename: str) -> LoadedScenario:
    """Load a scenario from bytes. Raises :class:`ScenarioError` with every problem found,
    and nothing else, whatever the bytes."""
    return _guarded(data, filename)


def load_scenario(path: str | os.PathLike[str], translate: bool = True) -> LoadedScenario:
    """Load a scenario file. Raises :class:`ScenarioError` with every problem found, and
    nothing else, whatever the file (a FIFO, a device or a huge file is refused at once).

    With ``translate``, its texts are those of the translation file beside it for the
    interface's language, if there is one (the rules and their digest stay the original's)."""
    loaded = _guarded(read_file_bytes(path), str(path))
    if not translate:
        return loaded
    from game.i18n import current_language
    from game.scenario.translation import in_language

    return in_language(loaded, current_language())


def _guarded(data: bytes, filename: str) -> LoadedScenario:
    """:func:`_load`, with every other failure turned into a :class:`ScenarioError`."""
    try:
        document, reading, stopped, syntax = read_yaml_partly(data, filename)
        if not reading and document is not None:
            return _load(document, filename, data)
        if document is None or stopped:
            raise ScenarioError(reading, stopped=stopped)
        raise ScenarioError(reading + _after_reading(document, filename, data, reading, syntax))
    except ScenarioError:
        raise
    except (MemoryError, RecursionError):
        problem = Problem(filename, 0, 0, _("the scenario is too large or too complex to check"),
                          _("check that this is the right file; scenario files are far smaller"))
    except (ArithmeticError, ValueError) as exc:
        problem = Problem(filename, 0, 0, _("a number or value of the scenario could not be "
                                            "used: {error}").format(error=exc),
                          _("look for very large or very small numbers"))
    except Exception as exc:  # noqa: BLE001 - last line of defence: a bug must not close the game
        problem = Problem(filename, 0, 0, _("the scenario could not be checked "
                                            "({kind}: {error})").format(
                                                kind=type(exc).__name__, error=exc),
                          _("this is a bug in the game; please report it with the file"))
    raise ScenarioError([problem])


# After a syntax error the document lacks the blanked lines: these messages may be about
# what those lines held, so they are left out rather than reported as nonsense.
_RECOVERY_NONSENSE = ("is missing", "unknown ", "needs at least", "must be a mapping",
                      "must be a list", "duplicate", "no 'when'", "must have no 'when'")


def _after_reading(parsed: tuple[Any, Marks, Marks], filename: str, raw: bytes,
                   reading: list[Problem], syntax: Problem | None) -> list[Problem]:
    """The model's problems of a document read with problems: they are reported with the
    reading's problems. One at a line the reading already reported is left out (the same
    value, said twice); after a syntax error, ones that the blanked line may cause are left
    out, and those after it say that they may be its consequences."""
    def problems() -> list[Problem]:
        try:
            _load(parsed, filename, raw)
        except ScenarioError as exc:
            return list(exc.problems)
        return []

    found = problems()
    if not found:
        return []
    # Which problems the blanked lines cause is told by their English words: read them in
    # English too (the same problems, in the same order) when the reader reads another language.
    english = found if current_language() == SOURCE_LANGUAGE or syntax is None else \
        speaking(SOURCE_LANGUAGE, problems)
    if len(english) != len(found):
        english = found
    lines = {p.line for p in reading}
    out = []
    for p, in_english in zip(found, english, strict=True):
        if p.line in lines or p.line <= 0:
            continue
        if syntax is not None:
            if any(word in in_english.message for word in _RECOVERY_NONSENSE):
                continue
            if (p.line, p.col) > (syntax.line, syntax.col):
                if p.hint:
                    hint = _("{hint}; this comes after the syntax error at line {line} and may "
                             "be a consequence of it").format(hint=p.hint, line=syntax.line)
                else:
                    hint = _("this comes after the syntax error at line {line} and may be a "
                             "consequence of it").format(line=syntax.line)
                p = Problem(p.file, p.line, p.col, p.message, hint, p.severity)
        out.append(p)
    return out


def _load(parsed: tuple[Any, Marks, Marks], filename: str, raw: bytes) -> LoadedScenario:
    data, values, keys = parsed
    lines = raw.decode("utf-8", errors="replace").splitlines()
    located = _Located(filename, data, values, keys, lines)
    if not isinstance(data, dict):
        raise ScenarioError([Problem(filename, 1, 1,
                                     _("a scenario must be a mapping of 'key: value' lines at "
                                       "the top"),
                                     _("start from scenarios/template.yaml"))])
    many, uncounted = _many_item_errors(data)
    if many:
        problems, more = _validation_problems(located, many)
        raise ScenarioError(_dedupe(problems), more=more + uncounted)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        details = exc.errors(include_url=False)
        problems, more = _validation_problems(located, details)
        problems += _first([located.problem(p) for p in _references_of_the_rest(data, details)])
        raise ScenarioError(_dedupe(problems), more=more) from None
    found = reference_problems(scenario) + effect_range_problems(scenario)
    errors = [located.problem(p) for p in found if p.severity == "error"]
    warnings = [located.problem(p) for p in found if p.severity == "warning"]
    if errors:
        raise ScenarioError(errors)
    try:
        rules = compile_rules(scenario)
    except (ValueError, KeyError) as exc:  # only if a check above missed something
        raise ScenarioError([Problem(filename, 1, 1,
                                     _("the scenario could not be compiled: {error}").format(
                                         error=exc),
                                     _("this is a bug in the game; please report it with the "
                                       "file"))]) from None
    history = _history_problems(located, rules)
    if history:
        raise ScenarioError(history)
    warnings += lint(rules, located.problem)
    return LoadedScenario(filename, scenario, rules, warnings, values, keys)


SCENARIO_DIR = BUNDLED_SCENARIOS  # game.paths finds them in a checkout and when installed
DEFAULT_SCENARIO = SCENARIO_DIR / "ussr_1928_1941.yaml"
