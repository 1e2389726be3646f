"""The reports in German: German headings, and no English sentence left.

The scenario is marked «…» (its own texts stay in the teacher's language); after taking those
out, no word may be one that only the English sentences of the catalogue use."""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from tests.tools.test_pseudo_locale import html_text, md_text, run
from tests.tools.test_pseudo_locale import world as world

MO = Path(__file__).resolve().parents[2] / "game/locale/de/LC_MESSAGES/statecraft.mo"
_WORD = re.compile(r"[^\W\d_]{3,}")


def english_only_words() -> set[str]:
    """Words of the catalogue's English sentences that none of its German ones uses."""
    with MO.open("rb") as fp:
        catalog: dict[Any, str] = gettext.GNUTranslations(fp)._catalog  # type: ignore[attr-defined]
    english, german = set(), set()
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid:
            continue
        english |= {w.lower() for w in _WORD.findall(re.sub(r"\{[^{}]*\}", " ", msgid))}
        german |= {w.lower() for w in _WORD.findall(text)}
    return english - german


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "_from_command_line", False)
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_german_report_has_german_headings_and_no_english(
        capsys: pytest.CaptureFixture[str], world: dict[str, Any], fmt: str) -> None:
    save = str(world["saves"] / "4-defiant.json")
    doc = run(capsys, "de", "report", save, "--format", fmt, "-o", "-")
    text = (md_text if fmt == "md" else html_text)(doc)
    headings = (re.findall(r"^#+\s*(.+)$", doc, re.M) if fmt == "md" else
                [html_text(h) for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", doc, re.S)])
    assert headings
    assert any("Ziele" in h for h in headings), headings
    assert any("Entscheidungen" in h for h in headings), headings
    if fmt == "html":
        assert 'lang="de"' in doc
    plain = re.sub(r"«[^«»]*»", " ", text)
    plain = re.sub(r"\S*[/\\]\S*", " ", plain)  # file paths
    english = english_only_words()
    found = sorted({w for w in _WORD.findall(plain) if w.lower() in english})
    assert not found, f"English words in the German {fmt} report: {found}"
    # ... and in English, the same check sees them.
    doc_en = run(capsys, "en", "report", save, "--format", fmt, "-o", "-")
    plain_en = re.sub(r"«[^«»]*»", " ", (md_text if fmt == "md" else html_text)(doc_en))
    assert len({w for w in _WORD.findall(plain_en) if w.lower() in english}) > 20
