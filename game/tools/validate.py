"""`python main.py validate FILE...`: every problem of every file, as file:line:col."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.i18n import _, ngettext
from game.paths import translation_name
from game.scenario.errors import MAX_PROBLEMS, Problem, ScenarioError, more_problems_line
from game.scenario.lint import SimulationPlan, locator, simulated_warnings
from game.scenario.loader import LoadedScenario, load_scenario
from game.scenario.translation import load_translation, scenario_of, translation_files


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help=_("scenario files to check"))
    p.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    p.add_argument("--games", type=int, default=50, metavar="N",
                   help=_("random games to simulate (besides a few greedy, passive and "
                          "historical ones, and history with its choices changed, all within a "
                          "fixed amount of work) when looking for events that never fire and "
                          "endings never reached; 0 skips them (default 50)"))


def simulated_problems(loaded: LoadedScenario, games: int) -> list[Problem]:
    """The warnings found by playing games: events never fired, endings never reached."""
    if games <= 0:
        return []
    plan = SimulationPlan(random=games)
    locate = locator(loaded.path, loaded.value_marks, loaded.key_marks)
    return [locate(p) for p in simulated_warnings(loaded.rules, plan)]


def check_translation(name: str | Path, loaded: LoadedScenario | None = None) -> tuple[int, int]:
    """Print the problems of a translation file (``NAME.de.yaml``), checked against the
    scenario beside it; return (errors, warnings)."""
    if loaded is None:
        scenario = scenario_of(name)
        try:
            if scenario is None:
                raise ScenarioError([Problem(str(name), 0, 0, _("not a translation file's name"),
                                             _("name it SCENARIO.LANG.yaml"))])
            loaded = load_scenario(scenario, translate=False)
        except ScenarioError as exc:
            print(Problem(str(name), 1, 1, _("the scenario it translates ({file}) does not "
                                             "load: {count} problem(s)").format(
                                                 file=scenario, count=exc.count),
                          _("check it with: python main.py validate {file}").format(
                              file=scenario)).format())
            return 1, 0
    try:
        translation = load_translation(name, loaded.scenario)
    except ScenarioError as exc:
        for line in exc.lines():
            print(line)
        return exc.count, 0
    for w in translation.warnings[:MAX_PROBLEMS]:
        print(w.format())
    if len(translation.warnings) > MAX_PROBLEMS:
        print(more_problems_line(len(translation.warnings) - MAX_PROBLEMS))
    if not translation.warnings:
        print(_("{file}: ok (translation into {language} of {title})").format(
            file=name, language=translation.language, title=loaded.scenario.title))
    return 0, len(translation.warnings)


def run(args: argparse.Namespace) -> int:
    errors = warnings = 0
    for name in args.files:
        if translation_name(name) is not None:
            found_errors, found_warnings = check_translation(name)
            errors, warnings = errors + found_errors, warnings + found_warnings
            continue
        try:
            loaded = load_scenario(name, translate=False)
        except ScenarioError as exc:
            for line in exc.lines():
                print(line)
            errors += exc.count
            continue
        for other in translation_files(name):
            found_errors, found_warnings = check_translation(other, loaded)
            errors, warnings = errors + found_errors, warnings + found_warnings
        found = sorted(loaded.warnings + simulated_problems(loaded, args.games),
                       key=lambda p: (p.line, p.col))
        for w in found[:MAX_PROBLEMS]:
            print(w.format())
        if len(found) > MAX_PROBLEMS:
            print(more_problems_line(len(found) - MAX_PROBLEMS))
        warnings += len(found)
        if not found:
            scn = loaded.scenario
            actions = ngettext("{count} action", "{count} actions", len(scn.actions)).format(
                count=len(scn.actions))
            events = ngettext("{count} event", "{count} events", len(scn.events)).format(
                count=len(scn.events))
            turns = ngettext("{count} turn", "{count} turns", loaded.rules.turns).format(
                count=loaded.rules.turns)
            print(_("{file}: ok ({title}: {actions}, {events}, {turns})").format(
                file=name, title=scn.title, actions=actions, events=events, turns=turns))
    files = len(args.files)
    # TRANSLATORS: the last line of validate; tests and scripts read its English form.
    print(_("{errors} error(s), {warnings} warning(s) in {files} file(s)").format(
        errors=errors, warnings=warnings, files=files))
    if errors or (args.strict and warnings):
        return 1
    return 0
