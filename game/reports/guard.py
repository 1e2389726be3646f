"""The last line of defence of the teacher commands: a message, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from game.i18n import _

INTERNAL_ERROR = 70
"""Exit status for a bug (EX_SOFTWARE): the input was fine, the program was not."""


def guarded(command: str, body: Callable[[argparse.Namespace], int],
            args: argparse.Namespace) -> int:
    """Run ``body(args)``; turn an unexpected exception into one line on stderr."""
    try:
        return body(args)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except MemoryError:
        print(_("{command}: out of memory; try fewer files at once").format(command=command),
              file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the user gets a sentence, not a traceback
        print(_("{command}: unexpected problem ({kind}: {problem}). This is a bug in "
                "Statecraft; please report it with the command you ran.").format(
                    command=command, kind=exc.__class__.__name__, problem=exc), file=sys.stderr)
        return INTERNAL_ERROR
