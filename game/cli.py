"""The command line: `python main.py [COMMAND]`. Each command is a module in game.tools."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from game import i18n
from game.i18n import N_, _
from game.reports.guard import guarded
from game.reports.terminal import safe_output

# name -> (module, one-line help). A module defines add_arguments(parser) and run(args) -> int.
# The help is marked here and translated when the parser is built (after the language is set).
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.tools.play", N_("play the game (the default command)")),
    "validate": ("game.tools.validate",
                 N_("check scenario files; every problem as file:line:col")),
    "simulate": ("game.tools.simulate", N_("play many games headless with a policy")),
    "bench": ("game.tools.bench", N_("measure load and play speed against bare baselines")),
    "schema": ("game.tools.schema",
               N_("write the JSON Schema of the scenario format for editors")),
    "report": ("game.tools.report",
               N_("the end report of one saved game: html, md, csv or json")),
    "compare": ("game.tools.compare", N_("the class at a glance: many saves against history")),
    "analyse": ("game.tools.analyse",
                N_("which decisions of a saved game changed its fate: each choice played on "
                   "many times")),
    "balance": ("game.tools.balance",
                N_("is the scenario a game? whether its answers matter, over many seeds")),
}


def program_name() -> str:
    """How the game was started, for --help: `statecraft`, `python -m game` or `python main.py`."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if name == "__main__.py":
        return "python -m game"
    if name.endswith(".py"):
        return f"python {name}"
    name = name.removesuffix(".exe")
    return name if name and not name.startswith("-") else "statecraft"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``only``, just that command's module is imported
    (so `python main.py` opens the game without loading the teacher tools)."""
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description=_("Statecraft: lead a nation through the 1930s and compare your game "
                      "with history. With no command, the game opens."),
    )
    parser.add_argument("--lang", metavar="CODE",
                        help=_("the language of the game and its reports ({languages}; default: "
                               "the settings, then LANGUAGE or LANG); may stand anywhere on the "
                               "line").format(languages=", ".join(i18n.available_languages())))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=_(help_text), description=_(help_text))
        if only is None or name == only:
            module = importlib.import_module(module_name)
            module.add_arguments(p)
            p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command. Everything it prints, usage lines and error messages included, goes
    through :func:`game.reports.terminal.safe_output`: no control character from a save or a
    scenario reaches the terminal raw."""
    with safe_output():
        return _main(argv)


def take_language(words: list[str]) -> tuple[list[str], str | None]:
    """``--lang CODE`` (or ``--lang=CODE``) taken out of the command line, wherever it stands;
    return the other words and the code."""
    out: list[str] = []
    code: str | None = None
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            out.extend(words[i:])
            break
        if word == "--lang" and i + 1 < len(words):
            code, i = words[i + 1], i + 2
            continue
        if word.startswith("--lang="):
            code = word.split("=", 1)[1]
        else:
            out.append(word)
        i += 1
    return out, code


def _main(argv: list[str] | None) -> int:
    words, lang = take_language(sys.argv[1:] if argv is None else list(argv))
    if lang is not None:
        used = i18n.set_command_line_language(lang)
        if i18n.normalise(lang) != used:
            print(_("--lang {code}: no translation for this language; using {used} (available: "
                    "{languages})").format(code=lang, used=used,
                                           languages=", ".join(i18n.available_languages())),
                  file=sys.stderr)
    else:
        i18n.set_language(None)  # the environment's, until the settings say otherwise
    if not words or (words[0].startswith("-") and words[0] not in ("-h", "--help")):
        words = ["play", *words]  # `python main.py --scenario FILE` plays it
    only = words[0] if words[0] in COMMANDS else None
    args = build_parser(only).parse_args(words)
    try:
        # Whatever happens, the user gets a sentence, never a traceback.
        return guarded(args.command, args._module.run, args)
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
