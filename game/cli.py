"""The command line: `python main.py [COMMAND]`. Each command is a module in game.tools."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from game.reports.guard import guarded
from game.reports.terminal import safe_output

# name -> (module, one-line help). A module defines add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.tools.play", "play the game (the default command)"),
    "validate": ("game.tools.validate", "check scenario files; every problem as file:line:col"),
    "simulate": ("game.tools.simulate", "play many games headless with a policy"),
    "bench": ("game.tools.bench", "measure load and play speed against bare baselines"),
    "schema": ("game.tools.schema", "write the JSON Schema of the scenario format for editors"),
    "report": ("game.tools.report", "the end report of one saved game: html, md, csv or json"),
    "compare": ("game.tools.compare", "the class at a glance: many saves against history"),
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
        description="Statecraft: lead a nation through the 1930s and compare your game "
        "with history. With no command, the game opens.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
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


def _main(argv: list[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    if not words or (words[0].startswith("-") and words[0] not in ("-h", "--help")):
        words = ["play", *words]  # `python main.py --scenario FILE` plays it
    only = words[0] if words[0] in COMMANDS else None
    args = build_parser(only).parse_args(words)
    try:
        # Whatever happens, the user gets a sentence, never a traceback.
        return guarded(args.command, args._module.run, args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
