"""The headless commands and the presentation layer start without pygame."""

from __future__ import annotations

import subprocess
import sys

CHECK = ("import game.tools.report, game.tools.compare, game.tools.simulate, "
         "game.tools.validate, game.tools.schema, game.present.report_text, "
         "game.present.chart, game.present.effects, game.present.timeline, sys; "
         "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
         "('pygame', 'pygame_gui', 'yaml') and 'present' not in m); "
         "assert 'pygame' not in sys.modules and 'pygame_gui' not in sys.modules, bad")


def test_headless_commands_do_not_import_pygame() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
