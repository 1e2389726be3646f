"""The rules in game/core are pure Python: no pygame, pygame_gui or yaml, directly or not."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

FORBIDDEN = ("pygame", "pygame_gui", "yaml")


def test_no_core_module_imports_pygame_pygame_gui_or_yaml() -> None:
    offenders = []
    for path in sorted((ROOT / "game" / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert not offenders, "\n".join(offenders)


def test_importing_the_core_loads_none_of_them() -> None:
    code = (
        "import sys, pkgutil, importlib, game.core\n"
        "for m in pkgutil.iter_modules(game.core.__path__):\n"
        "    importlib.import_module('game.core.' + m.name)\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_no_code_in_game_evaluates_text() -> None:
    pattern = ("eval(", "exec(", "yaml.load(", "yaml.unsafe_load", "pickle.load")
    hits = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            if any(p in code for p in pattern) and "SafeLoader" not in code:
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not hits, "\n".join(hits)
