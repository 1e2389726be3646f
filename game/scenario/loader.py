"""Load a scenario file: hardened YAML, typed models, reference checks, compiled rules.

:func:`load_scenario` is the one way in. Whatever the bytes, it either
returns a :class:`LoadedScenario` or raises :class:`ScenarioError` listing
every problem found, each with ``file:line:col``, what is wrong and a hint.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from game.core import expr
from game.core.checks import PathProblem, reference_problems
from game.core.rules import Rules, compile_rules
from game.core.scenario import Scenario
from game.paths import BUNDLED_SCENARIOS
from game.scenario.errors import Problem, ScenarioError
from game.scenario.lint import lint
from game.scenario.yamlsafe import read_yaml, read_yaml_file

Marks = dict[tuple[str | int, ...], tuple[int, int]]


@dataclass
class LoadedScenario:
    """A scenario that passed every check, compiled for play."""

    path: str
    scenario: Scenario
    rules: Rules
    warnings: list[Problem] = field(default_factory=list)


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

    def get(self, path: tuple[str | int, ...]) -> Any:
        node = self.data
        for k in path:
            try:
                node = node[k]
            except (KeyError, IndexError, TypeError):
                return None
        return node


_KIND_NAMES = {
    bool: "true/false", int: "a number", float: "a number", str: "text",
    list: "a list", dict: "a mapping (key: value lines)", type(None): "nothing",
}


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return _KIND_NAMES.get(type(value), type(value).__name__)


def _field_names(model: Any) -> list[str]:
    names = []
    for name, info in model.model_fields.items():
        names.append(info.alias or name)
    return names


def _model_at(loc: tuple[str | int, ...]) -> Any:
    """Return the pydantic model class that holds the field at ``loc``, for 'did you mean'."""
    from typing import get_args

    model: Any = Scenario
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        ann = info.annotation
        found = None
        stack = [ann]
        while stack:
            t = stack.pop()
            if isinstance(t, type) and hasattr(t, "model_fields"):
                found = t
                break
            stack.extend(get_args(t))
        if found is None:
            return None
        model = found
    return model


def _translate(err: ErrorDetails, loc: tuple[str | int, ...]) -> tuple[str, str, bool]:
    """Turn one pydantic error into (message, hint, at_key) a teacher can act on."""
    kind = err["type"]
    value = err.get("input")
    name = str(loc[-1]) if loc else "the file"
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"'{name}' is missing", f"add a line '{name}: ...' here", False
    if kind == "extra_forbidden":
        model = _model_at(loc)
        hint = expr.suggest(name, _field_names(model)) if model else ""
        if not hint and model is not None:
            hint = "the fields here are: " + ", ".join(_field_names(model))
        return f"unknown field '{name}'", hint, True
    if kind in ("string_type",):
        hint = "put the text in quotes" if isinstance(value, (int, float, bool)) else ""
        return f"'{name}' must be text, not {_describe(value)}", hint, False
    if kind in ("int_type", "float_type", "int_from_float"):
        want = "a whole number" if kind != "float_type" else "a number"
        hint = "write the number without quotes"
        if isinstance(value, str) and value.startswith("0") and value[1:2].isdigit():
            hint = "numbers are written without leading zeros"
        if kind == "int_from_float":
            hint = "write it without a decimal point"
        return f"'{name}' must be {want}, not {_describe(value)}", hint, False
    if kind == "bool_type":
        return (f"'{name}' must be true or false, not {_describe(value)}",
                "write true or false (yes/no/on/off are not accepted)", False)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "1[0-9]{3}" in pattern:
            return (f"'{name}' must be a month written \"YYYY-MM\", not {_describe(value)}",
                    'for example "1933-01", in quotes', False)
        if "[a-z0-9_]" in pattern:
            return (f"{_describe(value)} is not a valid id for '{name}'",
                    "ids use lower-case letters, digits and _, and start with a letter "
                    "(e.g. 'pact_finland')", False)
        if "[a-z]{2,3}" in pattern:
            return (f"'{name}' must be a language code, not {_describe(value)}",
                    "for example en, fr, de-CH", False)
        return f"'{name}' has the wrong form", str(err.get("msg", "")), False
    if kind == "string_too_short":
        return f"'{name}' must not be empty", "write some text, or leave the field out", False
    if kind == "string_too_long":
        return f"'{name}' is too long", f"at most {ctx.get('max_length')} characters", False
    if kind == "too_short":
        return (f"'{name}' needs at least {ctx.get('min_length')} item(s)",
                "add an item starting with '- '", False)
    if kind == "list_type":
        return (f"'{name}' must be a list (lines starting with '- '), not {_describe(value)}",
                "", False)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (f"'{name}' must be a mapping of 'key: value' lines, not {_describe(value)}",
                "check the indentation", False)
    if kind == "literal_error":
        return f"'{name}' must be {ctx.get('expected')}, not {_describe(value)}", "", False
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        msg = str(err.get("msg", "")).replace("Input should be", "must be")
        return f"'{name}' {msg}, not {value}", "", False
    if kind == "value_error":
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        return msg, "", False
    return f"'{name}': {err.get('msg', 'invalid value')}", "", False


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


def _validation_problems(located: _Located, exc: ValidationError) -> list[Problem]:
    problems = []
    seen = set()
    errors = exc.errors(include_url=False)
    # A misspelt field shows as "unknown field 'stanse'" and "'stance' is missing":
    # the first says it all, with its hint.
    extras = set()
    for e in errors:
        loc = _clean_loc(tuple(e["loc"]), located.data)
        if e["type"] == "extra_forbidden" and loc:
            extras.add((loc[:-1], str(loc[-1])))
    misspelt = set()
    for parent, key in extras:
        for e in errors:
            loc = _clean_loc(tuple(e["loc"]), located.data)
            if e["type"] == "missing" and loc[:-1] == parent and \
                    expr.suggest(key, [str(loc[-1])]):
                misspelt.add(loc)
    for err in errors:
        if err["type"] == "missing" and _clean_loc(tuple(err["loc"]), located.data) in misspelt:
            continue
        loc = _clean_loc(tuple(err["loc"]), located.data)
        message, hint, at_key = _translate(err, loc)
        line, col = located.place(loc, at_key=at_key or err["type"] == "extra_forbidden")
        if err["type"] == "missing":
            line, col = located.place(loc[:-1], at_key=True)
        place = (line, col, message)
        if place in seen:
            continue
        seen.add(place)
        problems.append(Problem(located.filename, line, col, message, hint))
    return problems


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for p in problems:
        if (p.line, p.col, p.message) not in seen:
            seen.add((p.line, p.col, p.message))
            out.append(p)
    return out


_FALLBACK: dict[str, Any] = {
    "format": 1, "id": "scenario", "title": "x", "author": "x", "description": "x",
    "language": "en", "player": "x", "actions_per_turn": 1,
    "calendar": {"start": "1000-01", "end": "2099-12", "months_per_turn": 1},
}


def _references_of_the_rest(data: dict[str, Any], exc: ValidationError) -> list[PathProblem]:
    """Check the references of the parts that did validate, so every error shows at once.

    The list items that failed (an action, an event, a nation...) are left out
    and the rest validated again. References to the ids of left-out items are
    not reported: those items have their own errors. Paths are mapped back to
    the file's own list positions.
    """
    import copy

    rest = copy.deepcopy(data)
    cuts: set[tuple[str | int, ...]] = set()
    for err in exc.errors(include_url=False):
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
    # Deepest first, then from the end of each list, so earlier positions stay valid.
    for path in sorted(cuts, key=lambda p: (len(p), p[-1]), reverse=True):
        if any(path[:k] in cuts for k in range(1, len(path))):
            continue  # its parent goes anyway
        parent: Any = rest
        for key in path[:-1]:
            parent = parent[key]
        index = path[-1]
        if not (isinstance(parent, list) and isinstance(index, int) and index < len(parent)):
            return []
        alive = survivors.setdefault(path[:-1], list(range(len(parent))))
        gone = parent.pop(index)
        alive.remove(index)
        if isinstance(gone, dict) and isinstance(gone.get("id"), str):
            removed_ids.add(gone["id"])
    try:
        scenario = Scenario.model_validate(rest)
    except ValidationError:
        return []
    out = []
    for pp in reference_problems(scenario):
        if pp.severity != "error" or any(f"'{i}'" in pp.message for i in removed_ids):
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
                         f"the historical path cannot take "
                         f"'{rules.scenario.historical_path[step_index].actions[action_index]}' "
                         f"on {rules.scenario.historical_path[step_index].date}: {reason}",
                         "move it to a date when it is possible, or change the action's "
                         "conditions")
        out.append(located.problem(pp))
    return out


def load_from_bytes(data: bytes, filename: str) -> LoadedScenario:
    """Load a scenario from bytes. Raises :class:`ScenarioError` with every problem found."""
    return _load(read_yaml(data, filename), filename, data)


def load_scenario(path: str | os.PathLike[str]) -> LoadedScenario:
    """Load a scenario file. Raises :class:`ScenarioError` with every problem found."""
    filename = str(path)
    parsed = read_yaml_file(path)  # checks size and readability before anything else
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ScenarioError([Problem(filename, 0, 0, f"cannot read the file: {exc.strerror}")]) \
            from None
    return _load(parsed, filename, raw)


def _load(parsed: tuple[Any, Marks, Marks], filename: str, raw: bytes) -> LoadedScenario:
    data, values, keys = parsed
    lines = raw.decode("utf-8", errors="replace").splitlines()
    located = _Located(filename, data, values, keys, lines)
    if not isinstance(data, dict):
        raise ScenarioError([Problem(filename, 1, 1,
                                     "a scenario must be a mapping of 'key: value' lines at the top",
                                     "start from scenarios/template.yaml")])
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems = _validation_problems(located, exc)
        problems += [located.problem(p) for p in _references_of_the_rest(data, exc)]
        raise ScenarioError(_dedupe(problems)) from None
    found = reference_problems(scenario)
    errors = [located.problem(p) for p in found if p.severity == "error"]
    warnings = [located.problem(p) for p in found if p.severity == "warning"]
    if errors:
        raise ScenarioError(errors)
    try:
        rules = compile_rules(scenario)
    except (ValueError, KeyError) as exc:  # only if a check above missed something
        raise ScenarioError([Problem(filename, 1, 1, f"the scenario could not be compiled: {exc}")]) \
            from None
    history = _history_problems(located, rules)
    if history:
        raise ScenarioError(history)
    warnings += lint(rules, located.problem)
    return LoadedScenario(filename, scenario, rules, warnings)


SCENARIO_DIR = BUNDLED_SCENARIOS  # game.paths finds them in a checkout and when installed
DEFAULT_SCENARIO = SCENARIO_DIR / "ussr_1928_1941.yaml"
