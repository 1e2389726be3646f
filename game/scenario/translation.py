"""Scenarios in other languages: a translation file beside a scenario gives its texts by id.

``road_to_war_1938_1941.de.yaml`` beside ``road_to_war_1938_1941.yaml`` holds, flat by id, the
German text of every item (see "Translating a scenario" in scenarios/README.md)::

    language: de
    translates: road_to_war_1938_1941
    title: Der Weg in den Krieg, 1938-1941
    actions:
      pact_germany:
        name: Nichtangriffspakt mit Deutschland
        history: {text: ...}
    events:
      munich:
        title: ...
        choices:
          protest: {label: ...}

It is read with the scenario's safe reader (:func:`game.scenario.yamlsafe.read_yaml`) and
checked against the scenario: unknown ids and fields and wrong values are errors, each at
``file:line:col``; a text it leaves out is a warning, and the original is shown instead.

:func:`in_language` returns the loaded scenario with its texts replaced. Only texts change:
the ids, the rules and their digest stay those of the original, so a save made in one language
loads and replays in any other.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Annotated, Any, Protocol, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from game.core.expr import suggest
from game.core.rules import Rules
from game.core.scenario import (
    Action,
    Aim,
    Cause,
    Choice,
    Ending,
    Event,
    Figure,
    HistoryNote,
    Nation,
    Outcome,
    Policy,
    PolicyOption,
    Reading,
    Scenario,
    Stance,
    TreatyKind,
    Variant,
    View,
    Want,
)
from game.i18n import N_, _
from game.paths import translation_name
from game.scenario.errors import Problem, ScenarioError
from game.scenario.yamlsafe import read_file_bytes, read_yaml


class _Loaded(Protocol):
    """What this module needs of :class:`game.scenario.loader.LoadedScenario` (which it may not
    import: the loader imports this module)."""

    path: str
    scenario: Scenario
    rules: Rules
    warnings: list[Problem]
    translation: str


LoadedScenario = TypeVar("LoadedScenario", bound=_Loaded)
M = TypeVar("M", bound=BaseModel)
Path_ = tuple[str | int, ...]
Texts = dict[Path_, str]
"""The texts of a translation by place: ``("actions", "pact", "history", "text") -> "..."``;
an entry of a list by its position: ``("nations", "germany", "views", 0) -> "..."``."""

HEADER = ("language", "translates")
TOP_TEXTS = ("title", "description", "player")
HISTORY_FIELDS = ("date", "text", "reason", "correction")
CHOICE_TEXTS = ("label", "description")
CHOICE_FIELDS = (*CHOICE_TEXTS, "outcomes")
WANT_FIELDS = ("text", "why")
OPTION_FIELDS = ("name", "description")
SECTIONS: dict[str, tuple[type[BaseModel], tuple[str, ...]]] = {
    "aims": (Aim, ("name", "description", "per_turn_reason")),
    "treaty_kinds": (TreatyKind, ("name", "description")),
    "stances": (Stance, ("name", "description")),
    "readings": (Reading, ("name", "summary")),
    "nations": (Nation, ("name", "description", "relation_reason", "views", "wants")),
    "actions": (Action, ("name", "description", "unavailable_reason", "history")),
    "policies": (Policy, ("name", "description", "options")),
    "events": (Event, ("title", "text", "variants", "history", "choices")),
    "endings": (Ending, ("title", "text", "causes")),
    "figures": (Figure, ("name", "unit")),
}
"""Each section of a translation: the scenario's model of its items and the fields it may
translate (the fields of :data:`PARTS` hold texts of their own)."""

TEXT_LISTS: dict[str, type[BaseModel]] = {"views": View, "variants": Variant, "causes": Cause}
"""Parts translated by a list of texts, one for each entry, in the scenario's order."""
PARTS = ("history", "choices", "options", "wants", *TEXT_LISTS)
"""Fields of an item that hold texts of their own rather than being one."""

# TRANSLATORS: the kind of an item, put into the translation checker's sentences as {kind}.
ITEM_NAMES = {"aims": N_("aim"), "treaty_kinds": N_("treaty kind"), "stances": N_("stance"),
              "readings": N_("reading"), "nations": N_("nation"), "actions": N_("action"),
              "policies": N_("policy"), "events": N_("event"), "endings": N_("ending"),
              "figures": N_("figure")}


def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    form: Any = info.annotation
    if info.metadata:
        form = Annotated.__class_getitem__((form, *info.metadata))  # type: ignore[attr-defined]
    return TypeAdapter(form)


LANGUAGE = _adapter(Scenario, "language")
_TEXT_FIELDS: list[tuple[type[BaseModel], tuple[str, ...]]] = [
    (Scenario, TOP_TEXTS), (HistoryNote, HISTORY_FIELDS), (Choice, CHOICE_TEXTS),
    (Want, WANT_FIELDS), (Outcome, ("text",)), (PolicyOption, OPTION_FIELDS),
    *((m, ("text",)) for m in TEXT_LISTS.values()),
    *((m, tuple(n for n in f if n not in PARTS)) for m, f in SECTIONS.values())]
_CHECKS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {
    (model, name): _adapter(model, name) for model, names in _TEXT_FIELDS for name in names}
"""The scenario's own check of each text field (one line for a name, a length...)."""


@dataclasses.dataclass
class Translation:
    """A checked translation file: its language, its texts by place, its warnings."""

    path: str
    language: str
    texts: Texts
    warnings: list[Problem]


def translation_file(scenario_path: str | os.PathLike[str], language: str) -> Path | None:
    """The translation of a scenario into ``language`` beside it, if there is one."""
    path = Path(scenario_path)
    for suffix in (".yaml", ".yml"):
        found = path.with_name(f"{path.stem}.{language}{suffix}")
        if found.is_file():
            return found
    return None


def translation_files(scenario_path: str | os.PathLike[str]) -> list[Path]:
    """Every translation file beside a scenario (``NAME.LANG.yaml``)."""
    path = Path(scenario_path)
    try:
        beside = sorted(path.parent.glob(f"{path.stem}.*.y*ml"))
    except OSError:
        return []
    return [p for p in beside if p.is_file() and (translation_name(p) or ("", ""))[0]
            in (path.stem + ".yaml", path.stem + ".yml")]


def scenario_of(translation_path: str | os.PathLike[str]) -> Path | None:
    """The scenario file a translation file's name belongs to (None if the name is not one of
    a translation); ``.yaml`` or ``.yml``, whichever exists."""
    found = translation_name(translation_path)
    if found is None:
        return None
    path = Path(translation_path).with_name(found[0])
    if not path.is_file():
        other = path.with_suffix(".yml" if path.suffix == ".yaml" else ".yaml")
        if other.is_file():
            return other
    return path


class _Checker:
    """Checks a parsed translation against a scenario; collects problems and texts."""

    def __init__(self, filename: str, values: dict[Any, tuple[int, int]],
                 keys: dict[Any, tuple[int, int]], scenario: Scenario) -> None:
        self.filename, self.values, self.keys, self.scenario = filename, values, keys, scenario
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.texts: Texts = {}

    def place(self, path: tuple[Any, ...], at_key: bool = False) -> tuple[int, int]:
        while path:
            if at_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return (1, 1)

    def error(self, path: tuple[Any, ...], message: str, hint: str = "",
              at_key: bool = False) -> None:
        line, col = self.place(path, at_key)
        self.errors.append(Problem(self.filename, line, col, message, hint))

    def warn(self, path: tuple[Any, ...], message: str, hint: str = "") -> None:
        line, col = self.place(path, at_key=True)
        self.warnings.append(Problem(self.filename, line, col, message, hint, "warning"))

    def mapping(self, value: Any, path: tuple[Any, ...], what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        # TRANSLATORS: {what} says what the lines hold; {value} is what the file has instead.
        self.error(path, _("'{key}' must be a mapping of 'key: value' lines ({what}), "
                           "not {value}").format(key=path[-1], what=what, value=_describe(value)),
                   _("check the indentation"))
        return None

    def unknown_keys(self, data: dict[str, Any], path: tuple[Any, ...], allowed: tuple[str, ...],
                     message: str, **names: str) -> None:
        """An error for each key not ``allowed``: ``message`` (a translated sentence with
        ``{key}`` and the placeholders of ``names``)."""
        for key in data:
            if key not in allowed:
                hint = suggest(key, list(allowed)) or _("the fields here are: {fields}").format(
                    fields=", ".join(allowed))
                self.error(path + (key,), message.format(key=key, **names), hint, at_key=True)

    def text(self, value: Any, path: Path_, model: type[BaseModel], name: str,
             label: str = "") -> None:
        """Check one text against the scenario's own check of ``model.name``; ``label`` names
        it in the messages (``name`` if not given)."""
        check, name = (model, name), label or name
        if not isinstance(value, str):
            hint = _("put the text in quotes") if isinstance(value, (int, float, bool)) else ""
            self.error(path, _("'{name}' must be text, not {value}").format(
                name=name, value=_describe(value)), hint)
            return
        try:
            _CHECKS[check].validate_python(value)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            kind = err["type"]
            if kind == "string_too_short":
                self.error(path, _("'{name}' must not be empty").format(name=name),
                           _("write the text, or leave the line out to show the original"))
            elif kind == "string_too_long":
                self.error(path, _("'{name}' is too long").format(name=name),
                           _("at most {count} characters").format(
                               count=(err.get("ctx") or {}).get("max_length")))
            else:
                self.error(path, str(err["msg"]).removeprefix("Value error, "))
            return
        self.texts[path] = value

    def check(self, data: Any, file_language: str | None) -> str:
        if not isinstance(data, dict):
            self.error((), _("a translation must be a mapping of 'key: value' lines at the top"),
                       _("start with 'language: de' and 'translates: SCENARIO_ID'"))
            return ""
        allowed = (*HEADER, *TOP_TEXTS, *SECTIONS)
        self.unknown_keys(data, (), allowed, _("unknown field '{key}' in a translation"))
        language = self.header(data, file_language)
        for name in TOP_TEXTS:
            if name in data:
                self.text(data[name], (name,), Scenario, name)
            elif getattr(self.scenario, name):
                self.warn((), _("no translation for the scenario's '{name}'; the original is "
                                "shown").format(name=name))
        for section, (model, fields) in SECTIONS.items():
            self.section(data.get(section), section, model, fields)
        return language

    def header(self, data: dict[str, Any], file_language: str | None) -> str:
        language = data.get("language")
        if "language" not in data:
            self.error((), _("'language' is missing"), _("add a line 'language: de' at the top"))
        elif not isinstance(language, str) or not _is_language(language):
            self.error(("language",), _("'language' must be a language code, not {value}").format(
                value=_describe(language)), _("for example de, fr, de-CH"))
            language = None
        elif file_language is not None and language != file_language:
            self.error(("language",), _("the file's name says '{named}' but its 'language' is "
                                        "'{language}'").format(named=file_language,
                                                               language=language),
                       _("name the file {scenario}.{language}.yaml, or write "
                         "'language: {named}'").format(scenario=self.scenario.id,
                                                       language=language, named=file_language))
        translates = data.get("translates")
        if "translates" not in data:
            self.error((), _("'translates' is missing"),
                       _("add a line 'translates: {scenario}' at the top").format(
                           scenario=self.scenario.id))
        elif translates != self.scenario.id:
            self.error(("translates",), _("this translation is of '{translates}', but the "
                                          "scenario beside it is '{scenario}'").format(
                                              translates=translates, scenario=self.scenario.id),
                       _("write 'translates: {scenario}', or put the file beside its "
                         "scenario").format(scenario=self.scenario.id))
        return language if isinstance(language, str) else ""

    def section(self, value: Any, section: str, model: type[BaseModel],
                fields: tuple[str, ...]) -> None:
        items = {item.id: item for item in getattr(self.scenario, section)}
        what = _(ITEM_NAMES[section])
        given: dict[str, Any] = {}
        if value is not None or section in self.values:
            # TRANSLATORS: {kind} is an item's kind (aim, action, event...).
            given = self.mapping(value, (section,),
                                 _("each {kind}'s id, then its texts").format(kind=what)) or {}
        for item_id, texts in given.items():
            path = (section, item_id)
            item = items.get(item_id)
            if item is None:
                hint = suggest(item_id, list(items)) or (
                    _("the {section} of '{scenario}' are: {ids}").format(
                        section=section, scenario=self.scenario.id,
                        ids=", ".join(list(items)[:30]))
                    if items else _("'{scenario}' has no {section}").format(
                        scenario=self.scenario.id, section=section))
                self.error(path, _("unknown {kind} '{id}'").format(kind=what, id=item_id), hint,
                           at_key=True)
                continue
            found = self.mapping(texts, path, _("the texts of {kind} '{id}'").format(
                kind=what, id=item_id))
            if found is None:
                continue
            self.unknown_keys(found, path, fields, _("unknown field '{key}' for {kind} '{id}'"),
                              kind=what, id=item_id)
            for name in fields:
                if name not in found:
                    if name not in PARTS and getattr(item, name):
                        self.warn(path, _("no translation for '{name}' of {kind} '{id}'; the "
                                          "original is shown").format(name=name, kind=what,
                                                                      id=item_id))
                    elif name in TEXT_LISTS or name in ("wants", "options"):
                        if getattr(item, name):
                            self.warn(path, _("no translation for the '{name}' of {kind} "
                                              "'{id}'; the original is shown").format(
                                                  name=name, kind=what, id=item_id))
                    continue
                if name == "history":
                    self.history(found[name], path + (name,), item, what)
                elif name == "choices":
                    self.choices(found[name], path + (name,), item)
                elif name == "options":
                    self.options(found[name], path + (name,), item)
                elif name == "wants":
                    self.wants(found[name], path + (name,), item, what)
                elif name in TEXT_LISTS:
                    self.text_list(found[name], path + (name,), item, what, TEXT_LISTS[name])
                else:
                    self.text(found[name], path + (name,), model, name)
            if "history" not in found and getattr(item, "history", None) is not None:
                self.warn(path, _("no translation for the history note of {kind} '{id}'; the "
                                  "original is shown").format(kind=what, id=item_id))
            if "choices" not in found and getattr(item, "choices", None):
                self.warn(path, _("no translation for the choices of {kind} '{id}'; the "
                                  "original is shown").format(kind=what, id=item_id))
        left = [i for i in items if i not in given]
        if left:
            at = (section,) if (section,) in self.keys else ()
            shown = ", ".join(left[:5])
            if len(left) > 5:
                self.warn(at, _("no translation for {count} of the {section}: {ids} and {more} "
                                "more; their original texts are shown").format(
                                    count=len(left), section=section, ids=shown,
                                    more=len(left) - 5))
            else:
                self.warn(at, _("no translation for {count} of the {section}: {ids}; their "
                                "original texts are shown").format(
                                    count=len(left), section=section, ids=shown))

    def history(self, value: Any, path: tuple[str, ...], item: Any, what: str) -> None:
        note: HistoryNote | None = item.history
        found = self.mapping(value, path, _("the history note's texts"))
        if found is None:
            return
        if note is None:
            self.error(path, _("{kind} '{id}' has no history note to translate").format(
                kind=what, id=item.id), _("remove 'history' here"), at_key=True)
            return
        self.unknown_keys(found, path, HISTORY_FIELDS,
                          _("unknown field '{key}' in a history note's translation"))
        for name in HISTORY_FIELDS:
            if name in found:
                self.text(found[name], path + (name,), HistoryNote, name)
            elif getattr(note, name):
                self.warn(path, _("no translation for the history note's '{name}' of {kind} "
                                  "'{id}'; the original is shown").format(name=name, kind=what,
                                                                          id=item.id))

    def choices(self, value: Any, path: tuple[str, ...], event: Event) -> None:
        found = self.mapping(value, path, _("each choice's id, then its texts"))
        if found is None:
            return
        ids = {c.id: c for c in event.choices}
        for choice_id, texts in found.items():
            at = path + (choice_id,)
            choice = ids.get(choice_id)
            if choice is None:
                hint = suggest(choice_id, list(ids)) or (
                    _("its choices are: {ids}").format(ids=", ".join(ids)) if ids
                    else _("it has no choices"))
                self.error(at, _("unknown choice '{choice}' of event '{event}'").format(
                    choice=choice_id, event=event.id), hint, at_key=True)
                continue
            mapping = self.mapping(texts, at, _("the texts of choice '{choice}'").format(
                choice=choice_id))
            if mapping is None:
                continue
            self.unknown_keys(mapping, at, CHOICE_FIELDS,
                              _("unknown field '{key}' for choice '{choice}'"),
                              choice=choice_id)
            for name in CHOICE_TEXTS:
                if name in mapping:
                    self.text(mapping[name], at + (name,), Choice, name)
                elif getattr(choice, name):
                    self.warn(at, _("no translation for '{name}' of choice '{choice}' of "
                                    "event '{event}'; the original is shown").format(
                                        name=name, choice=choice_id, event=event.id))
            if "outcomes" in mapping:
                self.outcomes(mapping["outcomes"], at + ("outcomes",), event, choice)
            elif choice.outcomes:
                self.warn(at, _("no translation for the outcomes of choice '{choice}' of "
                                "event '{event}'; the original is shown").format(
                                    choice=choice_id, event=event.id))
        for choice_id in ids:
            if choice_id not in found:
                self.warn(path, _("no translation for choice '{choice}' of event "
                                  "'{event}'; the original is shown").format(
                                      choice=choice_id, event=event.id))

    def outcomes(self, value: Any, path: Path_, event: Event, choice: Choice) -> None:
        """A gamble's outcomes: each outcome's id, then its text."""
        found = self.mapping(value, path, _("each outcome's id, then its text"))
        if found is None:
            return
        if not choice.outcomes:
            self.error(path, _("choice '{choice}' of event '{event}' has no outcomes to "
                               "translate").format(choice=choice.id, event=event.id),
                       _("remove '{name}' here").format(name="outcomes"), at_key=True)
            return
        ids = [o.id for o in choice.outcomes]
        for outcome_id, text in found.items():
            at = path + (outcome_id,)
            if outcome_id not in ids:
                hint = suggest(outcome_id, ids) or _("its outcomes are: {ids}").format(
                    ids=", ".join(ids))
                self.error(at, _("unknown outcome '{outcome}' of choice '{choice}' of event "
                                 "'{event}'").format(outcome=outcome_id, choice=choice.id,
                                                     event=event.id), hint, at_key=True)
            elif isinstance(text, dict):
                self.error(at, _("the text of outcome '{outcome}' comes right after its id, "
                                 "not as 'key: value' lines").format(outcome=outcome_id),
                           _("write '{outcome}: ' and the text; for a long one, '{outcome}: >' "
                             "with the text on the lines below").format(outcome=outcome_id),
                           at_key=True)
            else:
                self.text(text, at, Outcome, "text", label=outcome_id)
        for outcome_id in ids:
            if outcome_id not in found:
                self.warn(path, _("no translation for outcome '{outcome}' of choice '{choice}' "
                                  "of event '{event}'; the original is shown").format(
                                      outcome=outcome_id, choice=choice.id, event=event.id))

    def options(self, value: Any, path: Path_, policy: Policy) -> None:
        """A standing policy's options: each option's id, then its texts."""
        found = self.mapping(value, path, _("each option's id, then its texts"))
        if found is None:
            return
        ids = {o.id: o for o in policy.options}
        for option_id, texts in found.items():
            at = path + (option_id,)
            option = ids.get(option_id)
            if option is None:
                hint = suggest(option_id, list(ids)) or _("its options are: {ids}").format(
                    ids=", ".join(ids))
                self.error(at, _("unknown option '{option}' of policy '{policy}'").format(
                    option=option_id, policy=policy.id), hint, at_key=True)
                continue
            mapping = self.mapping(texts, at, _("the texts of option '{option}'").format(
                option=option_id))
            if mapping is None:
                continue
            self.unknown_keys(mapping, at, OPTION_FIELDS,
                              _("unknown field '{key}' for option '{option}'"), option=option_id)
            for name in OPTION_FIELDS:
                if name in mapping:
                    self.text(mapping[name], at + (name,), PolicyOption, name)
                elif getattr(option, name):
                    self.warn(at, _("no translation for '{name}' of option '{option}' of "
                                    "policy '{policy}'; the original is shown").format(
                                        name=name, option=option_id, policy=policy.id))
        for option_id in ids:
            if option_id not in found:
                self.warn(path, _("no translation for option '{option}' of policy '{policy}'; "
                                  "the original is shown").format(option=option_id,
                                                                  policy=policy.id))

    def entries(self, value: Any, path: Path_, item: Any, what: str) -> list[Any]:
        """The entries of a list that translates an item's list (``views``, ``wants``...) in
        the scenario's order: errors if it is not a list, if the item has no such list or if
        it gives more entries than the item has; a warning if it gives fewer."""
        name = str(path[-1])
        originals: list[Any] = getattr(item, name)
        if not isinstance(value, list):
            self.error(path, _("'{name}' must be a list with one entry for each of the "
                               "scenario's '{name}', in the same order, not {value}").format(
                                   name=name, value=_describe(value)),
                       _("start each entry on a line of its own with '- '"))
            return []
        if not originals:
            self.error(path, _("{kind} '{id}' has no '{name}' to translate").format(
                kind=what, id=item.id, name=name),
                _("remove '{name}' here").format(name=name), at_key=True)
            return []
        if len(value) > len(originals):
            self.error(path + (len(originals),),
                       _("'{name}' of {kind} '{id}': the scenario has {count}, this list gives "
                         "{given}").format(name=name, kind=what, id=item.id,
                                           count=len(originals), given=len(value)),
                       _("give one entry for each, in the scenario's order, and no more"))
            return []
        if len(value) == len(originals) - 1:
            self.warn(path, _("no translation for entry {number} of the '{name}' of {kind} "
                              "'{id}'; the original is shown").format(
                                  number=len(originals), name=name, kind=what, id=item.id))
        elif len(value) < len(originals):
            self.warn(path, _("no translation for entries {first} to {last} of the '{name}' of "
                              "{kind} '{id}'; the originals are shown").format(
                                  first=len(value) + 1, last=len(originals), name=name,
                                  kind=what, id=item.id))
        return value

    def text_list(self, value: Any, path: Path_, item: Any, what: str,
                  model: type[BaseModel]) -> None:
        """``views``, ``variants``, ``causes``: one text for each, in the scenario's order."""
        name = str(path[-1])
        for index, entry in enumerate(self.entries(value, path, item, what)):
            if isinstance(entry, dict):
                self.error(path + (index,), _("each entry of '{name}' is the text itself, not "
                                              "'key: value' lines").format(name=name),
                           _("write '- ' and the text, without 'text:' or 'when:'"))
            else:
                self.text(entry, path + (index,), model, "text", label=name)

    def wants(self, value: Any, path: Path_, nation: Nation, what: str) -> None:
        """A nation's ``wants``: for each, in the scenario's order, its ``text`` and ``why``."""
        for index, entry in enumerate(self.entries(value, path, nation, what)):
            at = path + (index,)
            if not isinstance(entry, dict):
                self.error(at, _("each entry of 'wants' holds 'text' and 'why' as 'key: value' "
                                 "lines, not {value}").format(value=_describe(entry)),
                           _("write '- text: ...' and below it, indented, 'why: ...'"))
                continue
            self.unknown_keys(entry, at, WANT_FIELDS,
                              _("unknown field '{key}' in an entry of 'wants'"))
            want = nation.wants[index]
            for name in WANT_FIELDS:
                if name in entry:
                    self.text(entry[name], at + (name,), Want, name)
                elif getattr(want, name):
                    self.warn(at, _("no translation for '{name}' of entry {number} of the "
                                    "'wants' of nation '{id}'; the original is shown").format(
                                        name=name, number=index + 1, id=nation.id))


def _is_language(code: str) -> bool:
    try:
        LANGUAGE.validate_python(code)
    except ValidationError:
        return False
    return True


def _describe(value: Any) -> str:
    """What a value is, for "... must be text, not {value}"."""
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        return _("the text '{value}'").format(
            value=value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return _("nothing")


def read_translation(data: bytes, filename: str, scenario: Scenario) -> Translation:
    """Check a translation file's bytes against its scenario. Raises :class:`ScenarioError`
    listing every error, each at ``file:line:col``; returns the texts and the warnings (texts
    left out)."""
    parsed, values, keys = read_yaml(data, filename)
    named = translation_name(filename)
    checker = _Checker(filename, values, keys, scenario)
    language = checker.check(parsed, named[1] if named else None)
    if checker.errors:
        raise ScenarioError(checker.errors)
    ordered = sorted(checker.warnings, key=lambda p: (p.line, p.col))
    return Translation(filename, language, checker.texts, ordered)


def load_translation(path: str | os.PathLike[str], scenario: Scenario) -> Translation:
    """:func:`read_translation` of a file (read with the scenario reader's size cap)."""
    return read_translation(read_file_bytes(path), os.fsdecode(path), scenario)


def translated(scenario: Scenario, translation: Translation) -> Scenario:
    """The scenario with the translation's texts: each text it gives replaces the original,
    the others stay; ``language`` becomes the translation's. Ids and rules are untouched."""
    texts = translation.texts

    def update(base: Path_, names: tuple[str, ...]) -> dict[str, Any]:
        return {n: texts[base + (n,)] for n in names if base + (n,) in texts}

    def copied(model: M, change: dict[str, Any]) -> M:
        return model.model_copy(update=change) if change else model

    def listed(base: Path_, entries: list[M], keys: list[str] | None = None) -> list[M]:
        """Entries whose ``text`` the translation gives by position (or under ``keys``)."""
        places = [base + (k,) for k in (keys or range(len(entries)))]
        return [copied(e, {"text": texts[at]} if at in texts else {})
                for at, e in zip(places, entries, strict=True)]

    changes: dict[str, Any] = update((), TOP_TEXTS)
    for section, (_model, fields) in SECTIONS.items():
        plain = tuple(f for f in fields if f not in PARTS)
        items = []
        for item in getattr(scenario, section):
            base: Path_ = (section, item.id)
            change = update(base, plain)
            note = getattr(item, "history", None)
            if note is not None:
                change["history"] = copied(note, update(base + ("history",), HISTORY_FIELDS))
            for name in TEXT_LISTS:
                if name in fields and getattr(item, name):
                    change[name] = listed(base + (name,), getattr(item, name))
            if isinstance(item, Nation) and item.wants:
                change["wants"] = [copied(w, update(base + ("wants", i), WANT_FIELDS))
                                   for i, w in enumerate(item.wants)]
            if isinstance(item, Event) and item.choices:
                choices = []
                for choice in item.choices:
                    at = base + ("choices", choice.id)
                    choice_change = update(at, CHOICE_TEXTS)
                    if choice.outcomes:
                        choice_change["outcomes"] = listed(at + ("outcomes",), choice.outcomes,
                                                           [o.id for o in choice.outcomes])
                    choices.append(copied(choice, choice_change))
                change["choices"] = choices
            if isinstance(item, Policy):
                change["options"] = [copied(o, update(base + ("options", o.id), OPTION_FIELDS))
                                     for o in item.options]
            items.append(copied(item, change))
        changes[section] = items
    changes["language"] = translation.language
    return scenario.model_copy(update=changes)


def with_translation(loaded: LoadedScenario, translation: Translation) -> LoadedScenario:
    """The loaded scenario showing the translation's texts, with the original's digest (saves
    and their replays do not depend on the language)."""
    scenario = translated(loaded.scenario, translation)
    rules = dataclasses.replace(loaded.rules, scenario=scenario, _memo={})
    out: LoadedScenario = dataclasses.replace(cast(Any, loaded), scenario=scenario, rules=rules,
                                              translation=translation.language)
    return out


def in_language(loaded: LoadedScenario, language: str) -> LoadedScenario:
    """The scenario in ``language`` if a translation file for it lies beside the scenario, else
    as it is. A translation with errors is not used: the scenario keeps its texts and gains a
    warning that says so (``validate`` lists the errors)."""
    path = translation_file(loaded.path, language) if language else None
    if path is None:
        return loaded
    try:
        return with_translation(loaded, load_translation(path, loaded.scenario))
    except ScenarioError as exc:
        first = exc.problems[0].format() if exc.problems else ""
        warning = Problem(str(path), 0, 0,
                          _("the translation is not used: it has {count} error(s); the first: "
                            "{first}").format(count=exc.count, first=first),
                          _("check it with: python main.py validate {file}").format(file=path),
                          "warning")
        out: LoadedScenario = dataclasses.replace(
            cast(Any, loaded), warnings=[*loaded.warnings, warning], translation=language)
        return out


def wanted_translation(scenario_path: str | os.PathLike[str], language: str) -> str:
    """The language whose translation a scenario loaded now would show ("" for none)."""
    return language if language and translation_file(scenario_path, language) else ""
