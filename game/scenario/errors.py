"""Problems found in a scenario file, each with its place, and the one error type the loader raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or likely wrong) in a scenario file.

    ``line`` and ``col`` are 1-based; 0 means the place is not known (for
    example a file that cannot be read at all).
    """

    file: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def format(self) -> str:
        """Return ``file:line:col: severity: message (hint)``, the form editors understand."""
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ScenarioError(Exception):
    """A scenario could not be loaded. ``problems`` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.col))
        super().__init__("\n".join(p.format() for p in self.problems))
