"""Save names and file names: one name, one file, and back; nothing a file system cannot hold."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.savefiles import (
    AUTOSAVE,
    MAX_NAME_CHARS,
    SaveNameError,
    slot_file_name,
    slot_name,
)

PLAYERS = ["Иван", "Мария", "Zoë", "Zoé", "Zoe\u0308", "game.v2", "game", "CON", "con.txt",
           "a/b", "a\\b", "my game", "my_game", "50%", "50%25", "..", ".hidden", "日本語",
           "lpt1", "COM¹", "autosave-000001", "autosave-000001-kept", "quicksave", "a:b*c?",
           'say "hi"', "<x>|y", "tab\there", "esc\x1b[2J", "ab ", "x\u00a0y", "\u202eevil"]
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                    *(f"{d}{n}" for d in ("COM", "LPT") for n in "0123456789¹²³")}


def canonical(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip()


def check_file_name(file_name: str) -> None:
    assert file_name.endswith(".json")
    stem = file_name[:-5]
    assert stem and not stem.startswith(".") and "." not in stem
    assert not WINDOWS_FORBIDDEN & set(file_name)
    assert stem.split(".")[0].upper() not in WINDOWS_RESERVED
    assert not AUTOSAVE.match(file_name.lower())  # never taken by the autosave rotation
    assert len(file_name.encode("utf-8")) <= 255


@pytest.mark.parametrize("name", PLAYERS)
def test_a_name_maps_to_a_safe_file_and_back(name: str) -> None:
    file_name = slot_file_name(name)
    check_file_name(file_name)
    assert slot_name(file_name) == canonical(name)


def test_different_names_never_share_a_file() -> None:
    names = {canonical(n) for n in PLAYERS}
    files = {slot_file_name(n) for n in names}
    assert len(files) == len(names)
    # The examples from the issue: each its own file.
    assert len({slot_file_name(n) for n in ("Иван", "Мария", "Zoë", "Zoé")}) == 4
    assert slot_file_name("game.v2") != slot_file_name("game")


def test_letters_of_every_alphabet_stay_readable() -> None:
    assert slot_file_name("Иван") == "Иван.json"
    assert slot_file_name("Zoë") == "Zoë.json"
    assert slot_file_name("Zoe\u0308") == "Zoë.json"  # NFC: the same name typed another way
    assert slot_file_name("game.v2") == "game%2Ev2.json"
    assert slot_file_name("CON") == "%43ON.json"


def test_a_name_macos_hands_back_decomposed_is_the_same_name() -> None:
    nfd = unicodedata.normalize("NFD", slot_file_name("Zoé"))
    assert slot_name(nfd) == "Zoé"


def test_empty_and_overlong_names_are_refused() -> None:
    with pytest.raises(SaveNameError):
        slot_file_name("   ")
    with pytest.raises(SaveNameError):
        slot_file_name("\x01" * 100)  # 300 characters once encoded


@settings(max_examples=400, deadline=None)
@given(st.text(min_size=1, max_size=MAX_NAME_CHARS))
def test_any_typed_name_round_trips(name: str) -> None:
    if not canonical(name):
        return
    try:
        file_name = slot_file_name(name)
    except SaveNameError:
        return
    check_file_name(file_name)
    assert slot_name(file_name) == canonical(name)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=12), st.text(min_size=1, max_size=12))
def test_two_names_share_a_file_only_if_they_are_one_name(a: str, b: str) -> None:
    try:
        fa, fb = slot_file_name(a), slot_file_name(b)
    except SaveNameError:
        return
    assert (fa == fb) == (canonical(a) == canonical(b))
