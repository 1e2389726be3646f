"""The value types every part of the scenario format shares: ids, months, texts, and the
strict base model. ``game.core.scenario`` and the effect kinds (``game.core.effects``) both
build on them."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from game.i18n import _

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
YEAR_MONTH_PATTERN = r"^(1[0-9]{3}|20[0-9]{2})-(0[1-9]|1[0-2])$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
"""A name for a thing in the scenario: lower case letters, digits and ``_``, starting with a letter."""

YearMonth = Annotated[str, StringConstraints(pattern=YEAR_MONTH_PATTERN)]
"""A month as ``"YYYY-MM"``, for example ``"1933-01"``. Write it in quotes."""

DAY_DATE_PATTERN = (r"^(1[0-9]{3}|20[0-9]{2})-(0[1-9]|1[0-2])"
                    r"(-(0[1-9]|[12][0-9]|3[01]))?$")
DayDate = Annotated[str, StringConstraints(pattern=DAY_DATE_PATTERN)]
"""A month ``"YYYY-MM"`` or a day ``"YYYY-MM-DD"``, for example ``"1941-06-22"``: events of one
turn come in the order of these dates. Write it in quotes."""


def _one_line(text: str) -> str:
    if "\n" in text or "\t" in text:
        if "\n" in text:
            raise ValueError(_("a name, title or label is one line, but this one holds a "
                               "line break"))
        raise ValueError(_("a name, title or label is one line, but this one holds a tab"))
    return text


Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_one_line)]
"""A name, title or label: one line (texts with line breaks are :data:`Text`)."""
Expr = Annotated[str, StringConstraints(min_length=1, max_length=2_000)]
"""A condition or formula in the scenario's small expression language (see ``game.core.expr``)."""


class Model(BaseModel):
    """A part of the scenario: strict (no text read as a number), unknown fields are errors,
    frozen once read."""

    # allow_inf_nan: the YAML reader never makes infinity or NaN, and nothing else may either.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)
