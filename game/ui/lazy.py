"""A module imported on its first use, for the start-up path of the window.

The title screen must open fast (`python main.py bench --only ui-startup`), but the screens
of a game bring the engine and the scenario models with them (about 300 ms of imports). The
App names those modules through :class:`LazyModule`; type checkers see the real module (the
App imports it under ``TYPE_CHECKING``), and the first attribute read imports it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for the module ``name`` until an attribute is read, then imports it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)
