"""A file of choices as a policy: "what if the USSR had done this instead?"

The file is YAML or JSON::

    choices:              # event id: choice id (events not named get the historical choice)
      talks_1939: ally_west
    actions:              # optional: "YYYY-MM": [action ids], tried first on that month's turn
      "1933-01": [join_league]
    policies:             # optional: "YYYY-MM": {policy: option}, standing policies set then
      "1933-01": {effort: army_first}
    skip: [replace_litvinov]   # optional: historical actions not to take
    follow_history: true       # optional (default true): also take the historical path's
                               # actions and policies (history never changes a policy
                               # the file sets); false takes only what is listed here

A mapping with none of these sections is read as choices alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from game.core import expr
from game.core.policies import Policy, choices_policy
from game.core.rules import Rules
from game.files import read_limited
from game.i18n import _
from game.scenario.errors import Problem, ScenarioError
from game.scenario.yamlsafe import MAX_BYTES, read_yaml

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
SECTIONS = ("choices", "actions", "policies", "skip", "follow_history")
MAX_PROBLEMS = 30
"""Problems kept (and given a "did you mean") before the rest are only counted."""
_LONGEST_SHOWN = 60
"""A name longer than this is cut in messages, and gets no "did you mean"."""

Hint = str | Callable[[], str]
"""A hint, or what makes it: made only for the problems that are kept."""


class _At(Protocol):
    def __call__(self, where: tuple[str | int, ...], message: str, hint: Hint = "",
                 key: bool = False) -> None: ...


class PolicyFileError(Exception):
    """A file of choices that does not fit the scenario; ``problems`` says where and why (the
    first :data:`MAX_PROBLEMS` of them), ``total`` how many were found."""

    def __init__(self, problems: list[Problem], total: int | None = None) -> None:
        self.problems = problems
        self.total = len(problems) if total is None else total
        super().__init__("\n".join(p.format() for p in problems))


def _show(word: object) -> str:
    """A name from the file as it appears in a message: cut if it is long."""
    text = str(word)
    return text if len(text) <= _LONGEST_SHOWN else text[:_LONGEST_SHOWN] + "..."


@dataclass(frozen=True)
class PolicyPlan:
    """The choices and dated actions of a file, checked against a scenario (picklable)."""

    name: str
    choices: dict[str, str] = field(default_factory=dict)
    actions: dict[int, list[str]] = field(default_factory=dict)
    skip: frozenset[str] = frozenset()
    follow_history: bool = True
    policies: dict[int, dict[str, str]] = field(default_factory=dict)

    def policy(self) -> Policy:
        """The policy that plays the plan: its own choices, actions and standing policies,
        else history's."""
        return choices_policy(self.choices, self.actions, self.skip, self.follow_history,
                              self.policies)


def _suggestion(word: object, known: list[str], sentence: str) -> str:
    """A "did you mean" for ``word``, else ``sentence`` (translated, with ``{known}``) listing
    the names the file may use."""
    hint = expr.suggest(word, known) \
        if isinstance(word, str) and len(word) <= _LONGEST_SHOWN else ""
    if hint:
        return hint
    shown = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    return sentence.format(known=shown)


def load_policy_file(path: str | Path, rules: Rules) -> PolicyPlan:
    """Read and check a file of choices. Raises :class:`PolicyFileError` listing every problem."""
    filename = str(path)
    try:
        # Only a regular file, never more than a scenario's size, never blocking on a pipe.
        raw = read_limited(path, MAX_BYTES)
    except OSError as exc:
        raise PolicyFileError([Problem(filename, 0, 0, _("cannot read the file: {reason}").format(
            reason=exc.strerror or exc))]) from None
    try:
        data, values, keys = read_yaml(raw, filename)
    except ScenarioError as exc:
        raise PolicyFileError(exc.problems) from None
    found: list[tuple[int, int, str, Hint]] = []

    def at(where: tuple[str | int, ...], message: str, hint: Hint = "",
           key: bool = False) -> None:
        line, col = (keys if key else values).get(where, values.get((), (1, 1)))
        found.append((line, col, message, hint))

    def problems() -> list[Problem]:
        """The first :data:`MAX_PROBLEMS` in the file, with their hints (a fuzzy match is
        made only for these: the rest are counted)."""
        first = sorted(found, key=lambda p: (p[0], p[1]))[:MAX_PROBLEMS]
        return [Problem(filename, line, col, message, hint if isinstance(hint, str) else hint())
                for line, col, message, hint in first]

    if not isinstance(data, dict):
        at((), _("a file of choices must be a mapping: 'choices:' with 'event: choice' lines"),
           _("see python main.py simulate --help"))
        raise PolicyFileError(problems())
    follow = True
    skip: frozenset[str] = frozenset()
    policies: dict[int, dict[str, str]] = {}
    if set(data) & set(SECTIONS):
        for k in data:
            if k not in SECTIONS:
                at((k,), _("unknown section '{name}'").format(name=_show(k)),
               partial(_suggestion, k, list(SECTIONS), _("the sections are: {known}")), key=True)
        raw_choices: Any = data.get("choices") or {}
        raw_actions: Any = data.get("actions") or {}
        base: tuple[str | int, ...] = ("choices",)
        follow_value = data.get("follow_history", True)
        if isinstance(follow_value, bool):
            follow = follow_value
        else:
            at(("follow_history",), _("'follow_history' must be true or false"))
        skip = _skip(data.get("skip") or [], rules, at)
        policies = _policies(data.get("policies") or {}, rules, at)
    else:
        raw_choices, raw_actions, base = data, {}, ()
    choices = _choices(raw_choices, base, rules, at)
    actions = _actions(raw_actions, rules, at)
    if found:
        raise PolicyFileError(problems(), len(found))
    return PolicyPlan(Path(filename).stem, choices, actions, skip, follow, policies)


def _choices(raw: Any, base: tuple[str | int, ...], rules: Rules,
             at: _At) -> dict[str, str]:
    if not isinstance(raw, dict):
        at(base, _("'choices' must be 'event: choice' lines"))
        return {}
    events = {e.id: e for e in rules.scenario.events if e.choices}
    event_ids = list(events)
    out: dict[str, str] = {}
    for event_id, choice_id in raw.items():
        where = base + (event_id,)
        if event_id not in events:
            at(where, _("no event with choices called '{name}' in this scenario").format(
                name=_show(event_id)), partial(_suggestion, event_id, event_ids,
                                               _("the events with choices are: {known}")),
               key=True)
            continue
        ids = [c.id for c in events[event_id].choices]
        if not isinstance(choice_id, str) or choice_id not in ids:
            at(where, _("'{name}' is not a choice of '{event}'").format(name=_show(choice_id),
                                                                        event=event_id),
               partial(_suggestion, choice_id, ids,
                       # TRANSLATORS: {{known}} stays as it is: the list is put there later.
                       _("the choices of '{event}' are: {{known}}").format(event=event_id)))
            continue
        out[event_id] = choice_id
    return out


def _skip(raw: Any, rules: Rules, at: _At) -> frozenset[str]:
    if not isinstance(raw, list):
        at(("skip",), _("'skip' must be a list of action ids, e.g. [replace_litvinov]"))
        return frozenset()
    known = list(rules.action_index)
    out = set()
    for k, action_id in enumerate(raw):
        if not isinstance(action_id, str) or action_id not in rules.action_index:
            at(("skip", k), _("no action called '{name}' in this scenario").format(
                name=_show(action_id)),
               partial(_suggestion, action_id, known, _("the actions are: {known}")))
            continue
        out.add(action_id)
    return frozenset(out)


def _turn(month: object, where: tuple[str | int, ...], rules: Rules, at: _At) -> int | None:
    """The turn of a month key of the file, or None after reporting why it is not one."""
    cal = rules.scenario.calendar
    if not _MONTH.match(str(month)):
        at(where, _("'{name}' is not a month").format(name=_show(month)),
           _('write it "YYYY-MM", e.g. "1933-01"'), key=True)
        return None
    turn = rules.turn_of_month(str(month))
    if not 0 <= turn < rules.turns:
        at(where, _("{month} is outside the calendar ({start} to {end})").format(
            month=month, start=cal.start, end=cal.end), key=True)
        return None
    return turn


def _policies(raw: Any, rules: Rules, at: _At) -> dict[int, dict[str, str]]:
    if not isinstance(raw, dict):
        at(("policies",), _("'policies' must be '\"YYYY-MM\": {policy: option}' lines"))
        return {}
    known = [p.id for p in rules.policies]
    out: dict[int, dict[str, str]] = {}
    for month, settings in raw.items():
        where: tuple[str | int, ...] = ("policies", month)
        turn = _turn(month, where, rules, at)
        if turn is None:
            continue
        if not isinstance(settings, dict):
            at(where, _("write the policies of a month as '{policy: option}'"))
            continue
        for policy_id, option in settings.items():
            spot = where + (policy_id,)
            if policy_id not in rules.policy_index:
                at(spot, _("no standing policy called '{name}' in this scenario").format(
                    name=_show(policy_id)),
                   partial(_suggestion, policy_id, known, _("the policies are: {known}")),
                   key=True)
                continue
            options = list(rules.policies[rules.policy_index[policy_id]].option_ids)
            if not isinstance(option, str) or option not in options:
                at(spot, _("'{name}' is not an option of '{policy}'").format(
                    name=_show(option), policy=policy_id),
                   partial(_suggestion, option, options,
                           # TRANSLATORS: {{known}} stays as it is: the list is put there later.
                           _("the options of '{policy}' are: {{known}}").format(
                               policy=policy_id)))
                continue
            out.setdefault(turn, {})[policy_id] = option
    return out


def _actions(raw: Any, rules: Rules, at: _At) -> dict[int, list[str]]:
    if not isinstance(raw, dict):
        at(("actions",), _("'actions' must be '\"YYYY-MM\": [action, ...]' lines"))
        return {}
    known = list(rules.action_index)
    out: dict[int, list[str]] = {}
    for month, ids in raw.items():
        where: tuple[str | int, ...] = ("actions", month)
        turn = _turn(month, where, rules, at)
        if turn is None:
            continue
        items = ids if isinstance(ids, list) else [ids]
        for k, action_id in enumerate(items):
            spot = where + (k,) if isinstance(ids, list) else where
            if not isinstance(action_id, str) or action_id not in rules.action_index:
                at(spot, _("no action called '{name}' in this scenario").format(
                    name=_show(action_id)),
                   partial(_suggestion, action_id, known, _("the actions are: {known}")))
                continue
            out.setdefault(turn, []).append(action_id)
    return out
