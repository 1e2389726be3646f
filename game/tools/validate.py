"""`python main.py validate FILE...`: every problem of every file, as file:line:col."""

from __future__ import annotations

import argparse

from game.i18n import _, ngettext
from game.scenario.errors import MAX_PROBLEMS, Problem, ScenarioError, more_problems_line
from game.scenario.lint import SimulationPlan, locator, simulated_warnings
from game.scenario.loader import LoadedScenario, load_scenario


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


def run(args: argparse.Namespace) -> int:
    errors = warnings = 0
    for name in args.files:
        try:
            loaded = load_scenario(name)
        except ScenarioError as exc:
            for line in exc.lines():
                print(line)
            errors += exc.count
            continue
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
