"""The teacher commands with hostile and unlucky input: nothing raw reaches a terminal or a
report, every format stays inert and valid, bad arguments get a usage line, and no file
makes a command crash or hang."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.core.policies import POLICIES, play_game
from game.reports import saveset
from game.reports.escape import (
    NotFiniteError,
    csv_cell,
    h,
    json_text,
    md_block,
    md_cell,
    md_text,
    one_line,
    visible,
)
from game.reports.guard import guarded
from game.reports.progress import ProgressBar
from game.reports.terminal import SafeStream, safe_output
from game.saves import SaveData, read_save_data, write_save
from game.scenario.loader import load_scenario
from tests.conftest import MINI
from tests.tools.scenarios import Data, variant

ESC = "\x1b[2J\x1b[8m"
BIDI = "\u202e"
SURROGATE = "\ud800"
IMAGE = "![x](https://example.invalid/p.png)"
HOSTILE = f"{ESC}hidden {BIDI}evil {SURROGATE} {IMAGE} <b>bold</b> *em* `code` [l](javascript:x)"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u200b", "\ufeff", "\ud800", "\udcff")


def assert_nothing_raw(text: str) -> None:
    for ch in RAW:
        assert ch not in text, f"{ch!r} reached the output raw"


# -- the escapes ---------------------------------------------------------------------------------


def test_visible_escapes_every_control_format_and_surrogate_character() -> None:
    import unicodedata

    for code in list(range(0x20)) + list(range(0x7F, 0xA0)) + [
            0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF, 0xE0001] + \
            list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)) + \
            list(range(0xD800, 0xE000, 0x7F)):
        ch = chr(code)
        if ch in "\n\t":
            continue
        shown = visible(f"a{ch}b")
        assert ch not in shown and shown.startswith("a\\") and shown.endswith("b"), hex(code)
    for code in range(0x110000):  # every format character but the joiners that scripts need
        ch = chr(code)
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in "\n\t\u200c\u200d":
            assert visible(ch) != ch, f"U+{code:04X} passes"
    assert visible("\x1b[2J") == "\\x1b[2J" and visible(BIDI) == "\\u202e"
    assert visible(SURROGATE) == "\\ud800" and visible("\U000e0041") == "\\U000e0041"
    assert visible("Zoë, Иван, 李, 👨\u200d👩\u200d👧\nline\ttab") == \
        "Zoë, Иван, 李, 👨\u200d👩\u200d👧\nline\ttab"
    assert one_line("a\nb\tc") == "a\\x0ab\\x09c"


def _render_markdown(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    rendered: str = markdown_it.MarkdownIt("commonmark").enable("table").enable(
        "strikethrough").render(text)
    return rendered


@pytest.mark.parametrize("escape", [md_text, md_cell, md_block])
def test_markdown_escapes_leave_text_inert(escape: Callable[[object], str]) -> None:
    hostile = (f"{IMAGE} [link](https://example.invalid) <https://example.invalid/a> "
               "<img src=x onerror=alert(1)> &lt;b&gt; &#60;i&#62; *em* _em_ **b** `code` "
               "~~s~~ | pipe \\ back {attr} www.example.invalid https://example.invalid "
               "mail@example.invalid\n# heading\n- item\n1. first\n> quote\n---\n```")
    out = escape(hostile)
    assert_nothing_raw(out)
    rendered = _render_markdown(out if escape is not md_cell else f"| a |\n|---|\n| {out} |")
    for tag in ("<img", "<a ", "<em>", "<strong>", "<code>", "<s>", "<del>", "<h1>", "<ul>",
                "<ol>", "<blockquote>", "<hr", "<pre>", "<i>"):
        assert tag not in rendered, (tag, out, rendered)
    assert "https\\://example.invalid" in out and "www\\.example" in out
    assert "&amp;lt;b&amp;gt;" in out, "an entity is shown as written, not decoded"
    if escape is md_cell:
        assert "\n" not in out and out.count("\\|") == 1


def test_markdown_stays_readable() -> None:
    assert md_text("Munich (1938): a pact, 12.5 points - yes!") == \
        "Munich (1938): a pact, 12.5 points - yes!"
    assert md_cell("-0.38, leans (towards) the defensive reading") == \
        "-0.38, leans (towards) the defensive reading"


def test_html_csv_and_json_escapes() -> None:
    assert_nothing_raw(h(HOSTILE))
    assert "<b>" not in h(HOSTILE) and "\\x1b[2J" in h(HOSTILE)
    cell = csv_cell(f"=HYPERLINK(1){ESC}")
    assert isinstance(cell, str) and cell.startswith("'=") and "\\x1b" in cell
    assert csv_cell(f"{ESC}=1") == "\\x1b[2J\\x1b[8m=1"
    text = json_text({"player": HOSTILE, "name": "Zoë \U000e0041"})
    assert_nothing_raw(text)
    text.encode("utf-8")  # valid UTF-8
    assert json.loads(text) == {"player": HOSTILE, "name": "Zoë \U000e0041"}, "same data back"
    assert "Zoë" in text, "readable text stays readable"
    with pytest.raises(NotFiniteError, match=r"'games\[1\]\.score' is not a finite"):
        json_text({"games": [{"score": 1.0}, {"score": float("nan")}]})
    with pytest.raises(NotFiniteError):
        json_text([float("inf")])


# -- the terminal --------------------------------------------------------------------------------


def test_everything_printed_goes_through_the_escape(capsys: pytest.CaptureFixture[str]) -> None:
    with safe_output():
        print(f"name: {HOSTILE}")
        print(f"error: {HOSTILE}", file=os.sys.stderr)  # type: ignore[attr-defined]
    out, err = capsys.readouterr()
    assert_nothing_raw(out + err)
    assert "\\x1b[2J" in out and "\\u202e" in err and "\\ud800" in err


def test_the_guards_error_line_is_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    def boom(_: object) -> int:
        raise RuntimeError(f"bad {ESC} {SURROGATE}")

    with safe_output():
        assert guarded("report", boom, None) == 70  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert_nothing_raw(err)
    assert "bad \\x1b[2J" in err


def test_the_progress_bar_keeps_its_return_and_escapes_the_rest() -> None:
    buf = io.StringIO()
    bar = ProgressBar(2, what=f"games{ESC}", stream=SafeStream(buf))  # type: ignore[arg-type]
    bar.update(2)
    bar.close()
    text = buf.getvalue()
    assert text.startswith("\r[") and "\x1b" not in text and "games\\x1b[2J" in text


def test_a_stream_that_cannot_encode_gets_escapes() -> None:
    raw = io.BytesIO()
    inner = io.TextIOWrapper(raw, encoding="ascii")
    stream = SafeStream(inner)
    stream.write(f"Zoë {SURROGATE}\n")
    stream.flush()
    assert raw.getvalue() == b"Zo\\xeb \\ud800\n"


def test_file_names_and_arguments_are_escaped_in_messages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / f"{ESC}x{BIDI}.json"
    bad.write_text("{}", encoding="utf-8")
    undecodable = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff\xfe.json"))
    Path(undecodable).write_text("not json", encoding="utf-8")
    assert main(["compare", str(tmp_path)]) == 1
    assert main(["report", str(bad), "-o", "-"]) == 1
    assert main(["report", undecodable, "-o", "-"]) == 1
    assert main(["validate", str(tmp_path / f"{ESC}.yaml")]) == 1
    assert main(["simulate", "--policy", f"{ESC}nothing"]) == 1
    out, err = capsys.readouterr()
    assert_nothing_raw(out + err)
    assert "\\x1b[2J" in err and "\\udcff\\udcfe.json" in err and "Traceback" not in err


# -- saves with hostile text (read_save_data made permissive, so the reports are robust on
# their own, whatever the save reader lets through) ---------------------------------------------


@pytest.fixture()
def permissive(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Player names by file name, given to the saves as they are read."""
    names: dict[str, str] = {}

    def read(path: str | os.PathLike[str]) -> SaveData:
        data = read_save_data(path)
        name = Path(path).name
        return data.model_copy(update={"player": names[name]}) if name in names else data

    monkeypatch.setattr(saveset, "read_save_data", read)
    return names


@pytest.fixture()
def hostile_class(tmp_path: Path, permissive: dict[str, str]) -> Path:
    rules = load_scenario(MINI).rules
    folder = tmp_path / "class"
    players = {"esc": f"{ESC}Eve", "bidi": f"Ann{BIDI}evil", "surrogate": f"Bo{SURROGATE}b",
               "image": IMAGE, "plain": "Zoë"}
    for seed, (stem, name) in enumerate(players.items()):
        write_save(folder / f"{stem}.json", play_game(rules, POLICIES["random"], seed=seed),
                   "placeholder", str(MINI))
        permissive[f"{stem}.json"] = name
    return folder


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_compare_with_hostile_names(hostile_class: Path, tmp_path: Path, fmt: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(hostile_class), "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert_nothing_raw(out + err)
    assert "Zoë" in out and "x1b" in out
    target = tmp_path / f"class.{fmt}"
    assert main(["compare", str(hostile_class), "-o", str(target)]) == 0
    text = target.read_bytes().decode("utf-8")  # valid UTF-8
    if fmt == "csv":
        assert text.startswith("\ufeff")  # the byte-order mark, for Excel: the only one
        text = text.removeprefix("\ufeff")
    assert_nothing_raw(text)
    if fmt == "md":
        rendered = _render_markdown(text)
        assert "<img" not in rendered and "example.invalid/p.png\"" not in rendered
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 5 and any(r["Student"].startswith("\\x1b[2J") for r in rows)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_report_with_hostile_names(hostile_class: Path, tmp_path: Path, fmt: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    for stem in ("esc", "bidi", "surrogate", "image"):
        assert main(["report", str(hostile_class / f"{stem}.json"), "--format", fmt,
                     "-o", "-"]) == 0
        target = tmp_path / f"{stem}.{fmt}"
        assert main(["report", str(hostile_class / f"{stem}.json"), "-o", str(target)]) == 0
        text = target.read_bytes().decode("utf-8")
        if fmt == "csv":
            assert text.startswith("\ufeff")  # the byte-order mark, for Excel: the only one
            text = text.removeprefix("\ufeff")
        assert_nothing_raw(text)
        if fmt == "md":
            rendered = _render_markdown(text)
            assert 'src="https://example.invalid' not in rendered
            assert 'href="https://example.invalid' not in rendered
        if fmt == "json":
            json.loads(text)
    out, err = capsys.readouterr()
    assert_nothing_raw(out + err)


# -- two versions of one scenario ----------------------------------------------------------------


def _v2(data: Data) -> None:
    data["endings"].insert(0, {"id": "fortress", "title": "Fortress (v2)",
                               "text": "Only in the second version.", "when": "security >= 50"})
    for e in data["endings"][1:]:
        e["title"] = f"{e['title']} (v2)"


def test_compare_keeps_two_versions_of_a_scenario_apart(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    v1 = variant(tmp_path, lambda d: None, "v1.yaml")
    v2 = variant(tmp_path, _v2, "v2.yaml")
    folder = tmp_path / "saves"
    expected: dict[str, tuple[str, str]] = {}
    for version, path in (("v1", v1), ("v2", v2)):
        loaded = load_scenario(path)
        for seed in range(6):
            state = play_game(loaded.rules, POLICIES["random"], seed=seed)
            name = f"{version}-{seed}"
            write_save(folder / f"{name}.json", state, name, str(path))
            ending = loaded.scenario.endings[state.ending_index]
            expected[name] = (ending.id, ending.title)
    assert main(["compare", str(folder), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 12
    for r in rows:
        assert r["Ending"] == expected[r["Student"]][1]
    assert len({r["Scenario version"] for r in rows}) == 2
    assert "2 different versions" in err
    assert main(["compare", str(folder)]) == 0
    md = capsys.readouterr().out
    assert md.count("# The class at a glance") == 2 and "Version 1 of 2" in md
    first, second = md.split("\n---\n")
    for part, version in ((first, "v1"), (second, "v2")):
        for name, (_, title) in expected.items():
            if name.startswith(version):
                assert f"| {name} | {md_cell(title)} |" in part
    assert "(v2)" not in first


# -- JSON never holds NaN ------------------------------------------------------------------------


def test_json_outputs_refuse_nan_with_a_message(
        class_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from game.reports import text_report
    from game.tools import simulate

    real_report = text_report.report_data

    def nan_report(report: Any) -> dict[str, object]:
        data = real_report(report)
        data["score"] = float("nan")
        return data

    monkeypatch.setattr(text_report, "report_data", nan_report)
    assert main(["report", str(class_dir / "01-random.json"), "--format", "json", "-o", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "'score' is not a finite number" in err and "01-random.json" in err

    real_record = simulate.record_data

    def nan_record(rules: Any, record: Any) -> dict[str, object]:
        data = real_record(rules, record)
        data["score"] = float("inf")
        return data

    monkeypatch.setattr(simulate, "record_data", nan_record)
    assert main(["simulate", "--scenario", str(MINI), "--runs", "2", "--json"]) == 1
    out, err = capsys.readouterr()
    assert "Infinity" not in out and "NaN" not in out and "is not a finite number" in err


def test_simulate_json_is_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(MINI), "--runs", "3", "--json"]) == 0
    json.loads(capsys.readouterr().out, parse_constant=lambda c: pytest.fail(c))


# -- arguments -----------------------------------------------------------------------------------


@pytest.mark.parametrize("args, message", [
    (["bench", "--repeats", "0"], "argument --repeats: 0 is out of range"),
    (["bench", "--games", "-1"], "argument --games: -1 is out of range"),
    (["bench", "--repeats", "abc"], "argument --repeats: 'abc' is not a whole number"),
    (["bench", "--scenario", "/nonexistent"], "argument --scenario: /nonexistent: no such file"),
    (["bench", "--scenario", "/dev/zero"], "argument --scenario: /dev/zero: not a regular file"),
    (["bench", "--scenario", "/"], "argument --scenario: /: is a folder"),
    (["simulate", "--scenario", "/dev/zero"], "argument --scenario: /dev/zero: not a regular"),
    (["report", "x.json", "--scenario", "/dev/zero"], "argument --scenario: /dev/zero: not a"),
    (["compare", "x", "--scenario", "/nonexistent"], "argument --scenario: /nonexistent: no"),
])
def test_bad_arguments_get_a_usage_line(args: list[str], message: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage:") and message in err and "Traceback" not in err


def test_bench_with_a_scenario_that_does_not_load(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [", encoding="utf-8")
    assert main(["bench", "--scenario", str(bad), "--only", "load"]) == 1
    assert "bad.yaml" in capsys.readouterr().err


# -- policy files --------------------------------------------------------------------------------


def test_a_policy_file_with_many_unknown_events_is_capped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "many.yaml"
    lines = ["choices:"] + [f"  unknown_event_{i}_{'x' * (i % 50)}: yield" for i in range(20_000)]
    lines += ["skip: [" + ", ".join(f"nope{i}" for i in range(5_000)) + "]"]
    policy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    assert main(["simulate", "--scenario", str(MINI), "--policy", str(policy)]) == 1
    elapsed = time.perf_counter() - start
    err = capsys.readouterr().err
    assert len(err.splitlines()) < 60 and "and 24,9" in err and "25,000 problem(s)" in err
    assert "did you mean" in err or "the events with choices are" in err
    assert elapsed < 60, "a hang guard only; speed is measured in bench"


def _finishes(fn: Callable[[], object], timeout: float = 30) -> object:
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(fn()), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "hangs"
    return result[0]


@pytest.fixture()
def unreadable(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """A FIFO (where mkfifo exists) and a link to /dev/zero, both named like inputs."""
    found = {}
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        found["fifo"] = fifo
    if os.path.exists("/dev/zero"):
        zero = tmp_path / "zero.json"
        zero.symlink_to("/dev/zero")
        found["zero"] = zero
    if not found:
        pytest.skip("no mkfifo and no /dev/zero here")
    yield found


def test_pipes_and_devices_as_input_give_a_message(
        unreadable: dict[str, Path], class_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    for path in unreadable.values():
        assert _finishes(lambda p=path: main(["simulate", "--scenario", str(MINI),  # type: ignore[misc]
                                              "--policy", str(p)])) == 1
        assert "not a regular file" in capsys.readouterr().err
        assert _finishes(lambda p=path: main(["report", str(p), "-o", "-"])) == 1  # type: ignore[misc]
        assert "not a regular file" in capsys.readouterr().err
    folder = next(iter(unreadable.values())).parent
    for save in sorted(class_dir.glob("0[0-2]-*.json")):
        (folder / save.name).write_bytes(save.read_bytes())
    assert _finishes(lambda: main(["compare", str(folder)])) == 1
    out, err = capsys.readouterr()
    assert "3 games of scenario 'mini'" in out
    for path in unreadable.values():
        assert f"{path}: not a regular file" in err


def test_a_folder_of_thousands_of_files(tmp_path: Path, class_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(3000):
        (tmp_path / f"junk{i:04d}.json").write_text("{}", encoding="utf-8")
    (tmp_path / "good.json").write_bytes((class_dir / "00-random.json").read_bytes())
    assert main(["compare", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "1 game of scenario 'mini'" in out
    assert len(err.splitlines()) < 50 and "and 2,960 more files left out" in err


# -- whatever a save or a scenario raises --------------------------------------------------------


@pytest.mark.parametrize("error", [ValueError("Exceeds the limit (4300 digits)"),
                                   OverflowError("int too large"), UnicodeEncodeError(
                                       "utf-8", SURROGATE, 0, 1, "surrogates not allowed"),
                                   RecursionError(), KeyError("x"), TypeError("bad")])
def test_any_problem_of_a_save_is_a_sentence_and_the_rest_go_on(
        error: Exception, class_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for save in sorted(class_dir.glob("0[0-3]-*.json")):
        (tmp_path / save.name).write_bytes(save.read_bytes())

    def read(path: str | os.PathLike[str]) -> SaveData:
        if Path(path).name.startswith("01"):
            raise error
        return read_save_data(path)

    monkeypatch.setattr(saveset, "read_save_data", read)
    assert main(["report", str(tmp_path / "01-random.json"), "-o", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "01-random.json: not a usable save" in err
    assert "bug" not in err and "Traceback" not in err
    assert main(["compare", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "3 games of scenario 'mini'" in out and "01-random.json: not a usable save" in err
    assert_nothing_raw(err)


def test_any_problem_of_a_scenario_is_a_sentence(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from game.tools import common

    def load(path: Path) -> None:
        raise OverflowError("(34, 'Numerical result out of range')")

    monkeypatch.setattr(common, "load_scenario", load)
    assert main(["simulate", "--scenario", str(MINI)]) == 1
    err = capsys.readouterr().err
    assert "mini.yaml: not a usable scenario (OverflowError" in err and "bug" not in err


def test_a_report_from_a_huge_seed_or_lone_surrogate_file(
        class_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (class_dir / "02-random.json").read_text(encoding="utf-8")
    data = json.loads(text)
    huge = tmp_path / "huge.json"
    huge.write_text(text.replace(f'"seed": {data["seed"]}', '"seed": ' + "9" * 5000),
                    encoding="utf-8")
    lone = tmp_path / "lone.json"
    lone.write_text(text.replace(f'"player": "{data["player"]}"', '"player": "\\ud800\\u001b"'),
                    encoding="utf-8")
    for path in (huge, lone):
        status = main(["report", str(path), "-o", str(tmp_path / "out.md")])
        out, err = capsys.readouterr()
        assert status in (0, 1) and "Traceback" not in err and "bug" not in err
        assert_nothing_raw(out + err)
        if status == 1:
            assert path.name in err
    assert main(["compare", str(tmp_path)]) in (0, 1)
    out, err = capsys.readouterr()
    assert "bug" not in err and "Traceback" not in err
    assert_nothing_raw(out + err)
