"""Problems found in a scenario file, each with its place, and the one error type the loader raises."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

from game.i18n import N_, _, ngettext, number

Severity = Literal["error", "warning"]

_SEVERITY_WORDS: Final[dict[str, str]] = {
    # TRANSLATORS: the kind of a problem in "file:line:col: error: message"
    "error": N_("error"),
    # TRANSLATORS: the kind of a problem in "file:line:col: warning: message"
    "warning": N_("warning"),
}

MAX_PROBLEMS: Final = 200
"""Most problems a :class:`ScenarioError` keeps (and a tool prints): a hostile file could
otherwise produce millions of them, hundreds of megabytes of text."""


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
    excerpt: str = field(default="", compare=False)
    """The line of the file the problem is on, as written, shown with a caret under ``col``
    (syntax errors have it); ``""`` if not shown."""

    def format(self) -> str:
        """Return ``file:line:col: severity: message (hint)``, the form editors understand."""
        word = _SEVERITY_WORDS.get(self.severity)
        severity = _(word) if word else self.severity
        text = f"{self.file}:{self.line}:{self.col}: {severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


    def source_lines(self) -> list[str]:
        """The excerpt and a caret under the column, as rustc and Elm show them (none without
        an excerpt)::

             12 | actions_per_turn 2
                |                 ^
        """
        if not self.excerpt or self.line <= 0:
            return []
        shown = self.excerpt[:200].replace("\t", " ")
        before = shown[: max(self.col - 1, 0)]
        pad = "".join("  " if unicodedata.east_asian_width(c) in "WF" else " " for c in before)
        number = str(self.line)
        gutter = " " * len(number)
        return [f" {number} | {shown}", f" {gutter} | {pad}^"]


def more_problems_line(more: int, unknown: bool = False) -> str:
    """Return the line that stands for the problems left out, or ``""`` if none were."""
    if more > 0:
        return ngettext("… and {count} more problem", "… and {count} more problems",
                        more).format(count=number(more, 0))
    if unknown:
        return _("… and more problems not shown (reading stopped there)")
    return ""


class ScenarioError(Exception):
    """A scenario could not be loaded.

    ``problems`` lists the errors found, in file order, at most :data:`MAX_PROBLEMS` of them;
    ``more`` counts the ones left out, and ``stopped`` says that reading stopped early, so
    there may be more that nobody counted. :meth:`lines` gives what a tool prints.
    """

    def __init__(self, problems: Iterable[Problem], more: int = 0, stopped: bool = False) -> None:
        ordered = sorted(problems, key=lambda p: (p.file, p.line, p.col))
        self.problems = ordered[:MAX_PROBLEMS]
        self.more = more + len(ordered) - len(self.problems)
        self.stopped = stopped
        super().__init__("\n".join(self.lines()))

    @property
    def count(self) -> int:
        """Every problem found, shown or not."""
        return len(self.problems) + self.more

    def lines(self) -> list[str]:
        """Each problem as ``file:line:col: ...``, then a line for those left out, if any."""
        out = []
        for p in self.problems:
            out.append(p.format())
            out += p.source_lines()
        rest = more_problems_line(self.more, self.stopped)
        if rest:
            out.append(rest)
        return out
