"""The saves of a class, opened and grouped by the scenario version each was played on: what
``compare`` tallies, and what the bench times it on."""

from __future__ import annotations

import dataclasses

from game.core.rules import Rules
from game.i18n import _
from game.present.report import EndReport, build_report
from game.reports.classview import GameFacts, game_facts
from game.reports.saveset import ScenarioFinder, Skipped, collect_files, open_saves

Group = tuple[Rules, list[GameFacts]]


def gather(paths: list[str], finder: ScenarioFinder,
           ) -> tuple[dict[tuple[str, str], Group], list[Skipped], list[str]]:
    """The games boiled down and grouped by scenario id and version (the digest of the rules
    each was replayed on, in first-seen order), what was skipped, and warnings (a scenario
    changed since a game was saved...)."""
    files, skipped = collect_files(paths)
    groups: dict[tuple[str, str], Group] = {}
    warnings: list[str] = []
    for item in open_saves(files, finder):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        warnings += item.warnings
        rules = item.state.rules
        groups.setdefault((rules.scenario.id, rules.digest), (rules, []))[1].append(
            game_facts(item))
    return groups, skipped, warnings


def version_labels(groups: dict[tuple[str, str], Group], finder: ScenarioFinder,
                   ) -> dict[tuple[str, str], str]:
    """For each group whose scenario id has several versions among the saves, which version
    it is ("version 3f2a9c1e of 2, from scenarios/x.yaml"); others get ""."""
    versions: dict[str, list[tuple[str, str]]] = {}
    for key in groups:
        versions.setdefault(key[0], []).append(key)
    labels = {}
    for keys in versions.values():
        for n, key in enumerate(keys, 1):
            if len(keys) == 1:
                labels[key] = ""
                continue
            file = finder.file_of(key[1])
            if file:
                labels[key] = _("version {number} of {count} of scenario '{scenario}' (rules "
                                "{rules}, from {file})").format(
                    number=n, count=len(keys), scenario=key[0], rules=key[1][:8], file=file)
            else:
                labels[key] = _("version {number} of {count} of scenario '{scenario}' (rules "
                                "{rules})").format(number=n, count=len(keys), scenario=key[0],
                                                   rules=key[1][:8])
    return labels


def gather_reports(paths: list[str], finder: ScenarioFinder, anonymise: bool = False,
                   ) -> tuple[list[EndReport], list[Skipped], list[str]]:
    """The end report of every save (for the class's debriefs), in the order of the files,
    what was skipped, and warnings. Anonymised, the players are 'Student 1', 'Student 2'...
    and no file name is kept."""
    files, skipped = collect_files(paths)
    reports: list[EndReport] = []
    warnings: list[str] = []
    for item in open_saves(files, finder):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        warnings += item.warnings
        report = build_report(item, item.data.scenario_file)
        if anonymise:
            report = dataclasses.replace(
                report, player=_("Student {number}").format(number=len(reports) + 1),
                save_path="", scenario_file="", warnings=())
        reports.append(report)
    return reports, skipped, warnings
