"""`python main.py schema`: write the JSON Schema of the scenario format for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.i18n import _
from game.paths import BUNDLED_SCENARIOS, CHECKOUT
from game.scenario.schema import SCHEMA_FILE_NAME, schema_text

# In a checkout the command rewrites the repository's scenarios/schema.json; an installed game
# never writes into its own package (site-packages): it prints the schema unless given -o.
BUNDLED_SCHEMA = BUNDLED_SCENARIOS / SCHEMA_FILE_NAME
DEFAULT_OUTPUT = str(BUNDLED_SCHEMA) if CHECKOUT is not None else "-"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="PATH", default=DEFAULT_OUTPUT,
                   help=_("where to write it ('-' for the screen; default scenarios/schema.json "
                          "in a checkout, the screen when installed)"))
    p.add_argument("--check", action="store_true",
                   help=_("write nothing; exit 1 if the file differs from the models (for CI)"))


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output == "-" and not args.check:
        sys.stdout.write(text)
        return 0
    target = BUNDLED_SCHEMA if args.output == "-" else Path(args.output)
    if args.check:
        try:
            current = target.read_text(encoding="utf-8")
        except OSError as exc:
            print(_("{file}: cannot read it: {reason}").format(file=target,
                                                              reason=exc.strerror or exc),
                  file=sys.stderr)
            return 1
        if current != text:
            print(_("{file}: out of date; run: python main.py schema -o {file}").format(
                file=target), file=sys.stderr)
            return 1
        print(_("{file}: up to date").format(file=target))
        return 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(_("{file}: cannot write the schema: {reason}").format(
            file=target, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(_("wrote {file}").format(file=target))
    print(_("editors pick it up from the first line of a scenario:"))
    print(f"  # yaml-language-server: $schema=./{SCHEMA_FILE_NAME}")
    return 0
