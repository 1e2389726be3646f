"""The layers of the code hold: the contracts of pyproject.toml's [tool.importlinter] (core,
then scenario and the I/O modules, then the presentation layer, then the screens beside the
report writers, then the commands; no pygame in the headless modules; no import cycles)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    # import-linter's own command, as CI runs it; its report is the failure message.
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
         "sys.exit(lint_imports_command())", "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
