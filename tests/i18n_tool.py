"""The message catalogues: `python -m tests.i18n_tool` extracts every marked sentence of game/
into game/locale/statecraft.pot, merges it into each language's statecraft.po (new sentences
empty, gone ones dropped) and compiles each .po to the .mo the game reads. All with Babel.

Run it after adding or changing a sentence; tests/test_i18n.py fails while the catalogues are
out of date or a translation is missing. `python -m tests.i18n_tool --check` only says which.
"""

from __future__ import annotations

import datetime
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"
LOCALE = GAME / "locale"
TEMPLATE = LOCALE / "statecraft.pot"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
FIXED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
"""The date written in the headers: a real one would change the files on every run."""
HEADER = "# The sentences of Statecraft. Made by `python -m tests.i18n_tool`; translate msgstr."


def new_catalog(lang: str | None = None) -> Catalog:
    catalog = Catalog(locale=lang, project="Statecraft", version="1", charset="utf-8",
                      msgid_bugs_address="", copyright_holder="", header_comment=HEADER,
                      creation_date=FIXED, revision_date=FIXED, fuzzy=False)
    catalog.last_translator = "Statecraft"
    catalog.language_team = lang or ""
    return catalog


def extract() -> Catalog:
    """Every sentence marked with _, ngettext, pgettext or N_ in game/."""
    catalog = new_catalog()
    found = extract_from_dir(str(GAME), method_map=[("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=("TRANSLATORS:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"game/{filename}", lineno)], auto_comments=comments,
                    context=context)
    return catalog


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, sort_output=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "statecraft.po"


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def updated(lang: str, template: Catalog) -> Catalog:
    """The language's catalogue with the template's sentences (translations kept)."""
    path = po_path(lang)
    catalog = read(path, lang) if path.exists() else new_catalog(lang)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = FIXED
    return catalog


def ids(catalog: Iterable[object]) -> set[tuple[object, object]]:
    return {(m.id, m.context) for m in catalog if m.id}  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    template = extract()
    stale = []
    if not TEMPLATE.exists() or ids(read(TEMPLATE)) != ids(template):
        stale.append(str(TEMPLATE.relative_to(ROOT)))
    for lang in languages():
        catalog = updated(lang, template)
        path, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        if not path.exists() or path.read_bytes() != po_text(catalog):
            stale.append(str(path.relative_to(ROOT)))
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            stale.append(str(mo.relative_to(ROOT)))
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(po_text(catalog))
            mo.write_bytes(mo_bytes(catalog))
        missing = sum(1 for m in catalog if m.id and (m.fuzzy or not all(
            m.string if isinstance(m.string, tuple) else (m.string,))))
        print(f"{lang}: {len(ids(catalog))} sentences, {missing} without a translation")
    if not check:
        TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        TEMPLATE.write_bytes(po_text(template))
        print(f"wrote {TEMPLATE.relative_to(ROOT)} ({len(ids(template))} sentences)")
        return 0
    for name in stale:
        print(f"out of date: {name} (run python -m tests.i18n_tool)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
