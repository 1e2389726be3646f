"""`report`: the end report of one game in every format, every section, escaped text, bad input."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from game.cli import main
from game.core.policies import historical_game
from game.core.scoring import summarize
from game.present.report_text import verdict_phrase
from game.saves import read_save_data, replay_save
from game.scenario.loader import load_scenario
from game.tools.report import ReportError, write_report
from tests.conftest import MINI

SECTIONS = ("ending", "aims", "decisions", "events", "stance", "sources")


class Tags(HTMLParser):
    """Collects tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html_text: str) -> Tags:
    t = Tags()
    t.feed(html_text)
    return t


def report(capsys: pytest.CaptureFixture[str], save: Path, *args: str) -> str:
    assert main(["report", str(save), *args, "-o", "-"]) == 0
    return capsys.readouterr().out


def test_every_game_of_the_class_gets_an_html_report(class_dir: Path, tmp_path: Path) -> None:
    saves = sorted(class_dir.glob("*.json"))
    assert len(saves) >= 30
    for save in saves[::4]:
        out = tmp_path / f"{save.stem}.html"
        assert write_report(save, out, "html") == [out]
        text = out.read_text(encoding="utf-8")
        for section in SECTIONS:
            assert f'<section id="{section}">' in text


def test_the_html_report_has_every_section(class_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    save = class_dir / "00-random.json"
    text = report(capsys, save, "--format", "html")
    rules = load_scenario(MINI).rules
    state = replay_save(read_save_data(save), rules).state
    tags = parse(text)
    words = "".join(tags.text)
    # The ending, title and text, and history's ending.
    ending = rules.scenario.endings[state.ending_index]
    assert ending.title in words and ending.text in words
    assert "the USSR's historical path ends in" in words
    # Aims against history, with a chart per aim, embedded.
    for aim in rules.scenario.aims:
        assert aim.name in words
    charts = [a for t, a in tags.tags if t == "svg"]
    assert len(charts) == len(rules.scenario.aims)
    assert {c["aria-label"] for c in charts} == {a.name for a in rules.scenario.aims}
    assert text.count("<polyline") >= 3 * len(rules.scenario.aims)  # axes, player, history
    # The decision table: a row per decision, with the player's and history's choices.
    decision_table = text.split('<section id="decisions">')[1].split("</section>")[0]
    assert decision_table.count("<tr") == 1 + decision_table.count("<td class=date>")
    assert "The essay's verdict" in decision_table
    assert "What the essay got wrong" in decision_table and "Correction" not in decision_table
    assert "built on a student essay about Stalin" in decision_table
    assert "Pact with Finland" in decision_table and "success" in decision_table
    # Dates as a reader writes them, never "1930-04".
    assert "taken Apr&nbsp;1930" in decision_table
    assert not re.search(r"\b19\d\d-\d\d\b", decision_table)
    # The stance and the historians.
    assert "Geoffrey Roberts" in words and "Robert C. Tucker" in words
    assert re.search(r"decision\(s\) lean [+-]\d\.\d\d", words)
    stance_html = text.split('<section id="stance">')[1].split("</section>")[0]
    st = summarize(state).stance
    assert st.verdict and f"Your policy {verdict_phrase(st.verdict)}." in "".join(
        parse(stance_html).text)
    assert st.moved_by and all(html.escape(label) in stance_html for label, _ in st.moved_by)
    assert "counts 3 times" in stance_html
    # The score, explained.
    assert "half is their average over every turn played" in words
    assert "weighted (Security \u00d71, Recognition \u00d70.5)" in words
    # The sources.
    assert "The historian's brief, shared/history.md." in words
    # Offline: nothing is fetched.
    assert not any(t in ("script", "link", "iframe") for t, _ in tags.tags)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)


def test_scenario_and_player_text_is_escaped_in_html(hostile_save: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, hostile_save, "--format", "html")
    tags = parse(text)
    names = {t for t, _ in tags.tags}
    assert "script" not in names and "em" not in names and "u" not in names and "a" in names
    assert "<script>" not in text and "&lt;script&gt;alert(&#x27;title&#x27;)" in text
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    links = [a.get("href") for t, a in tags.tags if t == "a"]
    assert links == ["https://example.org/b"], "a javascript: link is shown, never linked"
    assert "javascript:alert(1)" in text
    assert not any(k.startswith("on") for _, a in tags.tags for k in a)


def test_scenario_text_is_escaped_in_markdown(hostile_save: Path, tmp_path: Path) -> None:
    out = tmp_path / "hostile.md"
    write_report(hostile_save, out, "md")
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    tables = [line for line in text.splitlines() if line.startswith("|")]
    assert tables
    for line in tables:
        cells = re.split(r"(?<!\\)\|", line)
        assert len(cells) in (7, 9), line  # 5 or 7 columns between the outer bars
    decision_rows = [line for line in tables if "A crisis" in line]
    assert len(decision_rows) == 1, "a newline in a note must not break the row"
    assert "Yield \\| give in &lt;img" in text
    assert "javascript:alert(1)" in text and "<javascript:" not in text


def test_markdown_has_its_charts_beside_it(class_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "ada.md"
    written = write_report(class_dir / "01-random.json", out, "md")
    assert written[0] == out
    text = out.read_text(encoding="utf-8")
    for section in ("## How it ended", "## Your aims against history",
                    "## Your decisions beside the USSR's",
                    "## Your policy between the historians' readings", "## Sources"):
        assert section in text
    svgs = sorted(p.name for p in written[1:])
    assert svgs == ["ada-recognition.svg", "ada-security.svg"]
    for name in svgs:
        assert f"]({name})" in text
        root = ElementTree.fromstring((out.parent / name).read_text(encoding="utf-8"))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_csv_has_the_aims_turn_by_turn_with_history(class_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    save = class_dir / "03-random.json"
    rows = list(csv.reader(io.StringIO(report(capsys, save, "--format", "csv"))))
    assert rows[0] == ["Turn", "Date", "Security", "Security (history)", "Recognition",
                       "Recognition (history)"]
    rules = load_scenario(MINI).rules
    state = replay_save(read_save_data(save), rules).state
    hist = historical_game(rules)
    assert len(rows) == 1 + len(state.trajectory)
    assert rows[1][:2] == ["1", "1930-01"]
    for row, mine, theirs in zip(rows[1:], state.trajectory, hist.trajectory, strict=False):
        assert float(row[2]) == pytest.approx(mine[0], abs=1e-3)
        assert float(row[3]) == pytest.approx(theirs[0], abs=1e-3)


def test_json_has_everything(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(report(capsys, next(class_dir.glob("*-history.json")), "--format", "json"))
    assert data["format"] == "statecraft-report"
    assert set(data) >= {"save", "scenario", "summary", "turns", "decisions", "readings",
                         "sources", "aims"}
    s = data["summary"]
    assert s["ending_id"] == s["historical_ending_id"]
    assert all(a["difference"] == 0 for a in s["aims"])
    assert all(d["same"] for d in data["decisions"])
    assert data["decisions"][0]["note"] is None or "text" in data["decisions"][0]["note"]


def test_an_unfinished_game_is_reported_as_such(class_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    save = next(class_dir.glob("*-unfinished.json"))
    text = report(capsys, save)
    assert "The game is not finished" in text


def test_the_default_output_is_named_after_the_save(class_dir: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(class_dir / "02-random.json")]) == 0
    assert (tmp_path / "02-random-report.html").is_file()
    assert "wrote 02-random-report.html" in capsys.readouterr().out
    assert main(["report", str(class_dir / "02-random.json"), "-o", "x.csv"]) == 0
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("\ufeffTurn,Date,")


def test_bad_input_gets_a_message_and_status_1(class_dir: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from tests.tools.scenarios import clean_data, write

    cases: list[tuple[list[str], str]] = []
    cases.append(([str(tmp_path / "nope.json")], "cannot read the file"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "statecraft-save", "version": 1, "scen', encoding="utf-8")
    cases.append(([str(broken)], "not a save, or a damaged one"))
    cases.append(([str(class_dir)], "is a folder"))
    other_data = clean_data()
    other_data["id"] = "other"
    other = write(tmp_path, other_data, "other.yaml")
    cases.append(([str(class_dir / "00-random.json"), "--scenario", str(other)],
                  "this save is for scenario 'mini' (Mini test scenario), not 'other'"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cases.append(([str(class_dir / "00-random.json"), "-o", str(blocker / "r.html")],
                  "cannot write the report"))
    for args, message in cases:
        assert main(["report", *args]) == 1, args
        captured = capsys.readouterr()
        assert message in captured.err, (args, captured.err)
        assert "Traceback" not in captured.err


def test_a_save_whose_scenario_is_nowhere(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from game.core.policies import POLICIES, play_game
    from game.saves import write_save
    from tests.tools.scenarios import clean_data, write

    data = clean_data()
    data["id"] = "lost"
    path = write(tmp_path, data, "lost.yaml")
    state = play_game(load_scenario(path).rules, POLICIES["random"], seed=0)
    write_save(tmp_path / "lost.json", state, "Lost", str(path))
    path.unlink()
    assert main(["report", str(tmp_path / "lost.json"), "-o", "-"]) == 1
    assert "its scenario 'lost' is not installed" in capsys.readouterr().err
    with pytest.raises(ReportError, match="give it with --scenario FILE"):
        write_report(tmp_path / "lost.json", "-")


def test_output_into_a_folder(class_dir: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(class_dir / "04-random.json"), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "04-random-report.html").is_file()
    assert main(["compare", str(class_dir), "-o", str(tmp_path), "--format", "csv"]) == 0
    assert (tmp_path / "class.csv").read_text(encoding="utf-8").startswith(
        "\ufeffScenario,Student,")
    capsys.readouterr()


# -- What happened in your game --------------------------------------------------------------


def _events_scenario(folder: Path) -> Path:
    """The clean mini scenario with a history note of its own on each event, one with
    text that tries to break the HTML."""
    from tests.tools.scenarios import find, note, variant

    def change(data: dict[str, object]) -> None:
        for ident in ("crisis", "thaw", "rumour", "finale"):
            find(data, "events", ident)["history"] = note(f"Note of {ident}: what happened.")
        crisis = find(data, "events", "crisis")
        crisis["text"] = "Germany asks <b>now</b> & loudly."
        crisis["history"]["correction"] = "Not <script>so</script> at all."
        crisis["history"]["reason"] = "The essay's own reason."
        find(data, "events", "finale")["history"]["date"] = "Never"

    return variant(folder, change, "events.yaml")


@pytest.fixture(scope="module")
def defiant_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A game that defies at the crisis and takes no action: the finale fires (it did not in
    history) and the thaw does not (it did in history, after the pact with Finland)."""
    from game.core.policies import choices_policy, play_game
    from game.saves import write_save

    folder = tmp_path_factory.mktemp("events")
    path = _events_scenario(folder)
    state = play_game(load_scenario(path).rules, choices_policy({"crisis": "defy"}, {}), seed=3)
    save = folder / "defiant.json"
    write_save(save, state, "Defiant", str(path))
    return save


def _section(text: str, name: str) -> str:
    return text.split(f'<section id="{name}">')[1].split("</section>")[0]


def test_the_events_section_lists_every_event_of_the_game_with_its_note(
        defiant_save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, defiant_save, "--format", "html")
    events = _section(text, "events")
    assert "<h2>What happened in your game</h2>" in events
    rules = load_scenario(defiant_save.with_name("events.yaml")).rules
    state = replay_save(read_save_data(defiant_save), rules).state
    mine = [e.index for e in state.log() if e.kind == "event"]
    theirs = {e.index for e in historical_game(rules).log() if e.kind == "event"}
    assert mine, "the game had events"
    for index in mine:
        ev = rules.scenario.events[index]
        assert f'id="event-{ev.id}"' in events
        assert f"Note of {ev.id}: what happened." in events
    # By date, in the game's order.
    positions = [events.index(f'id="event-{rules.scenario.events[i].id}"') for i in mine]
    assert positions == sorted(positions)
    # Marks: the finale did not happen in history; the thaw happened only in history.
    finale = events.split('id="event-finale"')[1].split('<div class="event')[0]
    assert "did not happen in history" in finale and "In history, Never" in finale
    assert rules.event_index["thaw"] in theirs and rules.event_index["thaw"] not in mine
    thaw = events.split('id="event-thaw"')[1].split('<div class="event')[0]
    assert "happened in history, not in your game" in thaw and "Note of thaw" in thaw
    # The choice, the verdict and its reason, the correction, the source.
    crisis = events.split('id="event-crisis"')[1].split('<div class="event')[0]
    assert "You chose <strong>Defy</strong>; the USSR chose <strong>Yield</strong>." in crisis
    assert "The essay's verdict:" in crisis and "The essay&#x27;s own reason." in crisis
    assert "What the essay got wrong:" in crisis and "Source: history.md" in crisis
    # Everything escaped.
    assert "Germany asks &lt;b&gt;now&lt;/b&gt; &amp; loudly." in crisis
    assert "Not &lt;script&gt;so&lt;/script&gt; at all." in crisis
    assert "<b>" not in events and "<script" not in events


def test_the_events_section_in_markdown_and_json(defiant_save: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "defiant.md"
    write_report(defiant_save, out, "md")
    md = out.read_text(encoding="utf-8")
    part = md.split("## What happened in your game")[1].split("\n## ")[0]
    assert "### Jul 1930: A crisis" in part
    assert "Germany asks &lt;b&gt;now&lt;/b&gt; &amp; loudly." in part
    assert "- **In history, 1930:** Note of crisis: what happened." in part
    assert "- **What the essay got wrong:** Not &lt;script&gt;so&lt;/script&gt; at all." in part
    assert "_(did not happen in history)_" in part
    assert "_(happened in history, not in your game)_" in part
    data = json.loads(report(capsys, defiant_save, "--format", "json"))
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["finale"]["status"] == "game_only"
    assert by_id["thaw"]["status"] == "history_only"
    assert by_id["crisis"]["status"] == "both"
    assert by_id["crisis"]["choice"] == "Defy" and by_id["crisis"]["history_choice"] == "Yield"
    assert by_id["crisis"]["note"]["text"] == "Note of crisis: what happened."


def test_an_unfinished_game_leaves_out_the_events_still_to_come(
        class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = next(class_dir.glob("*-unfinished.json"))
    data = json.loads(report(capsys, save, "--format", "json"))
    state = replay_save(read_save_data(save), load_scenario(MINI).rules).state
    assert data["events"]
    assert all(e["turn"] <= state.turn for e in data["events"])
    assert not any(e["after_end"] for e in data["events"])


def test_json_has_the_stance_in_words_and_the_score_explained(
        class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(report(capsys, class_dir / "00-random.json", "--format", "json"))
    st = data["summary"]["stance"]
    assert st["verdict"] and st["moved_by"]
    assert set(st["moved_by"][0]) == {"decision", "lean"}
    assert "counts 3 times" in data["summary"]["stance_explained"]
    assert data["score_explained"].startswith("The score runs from 0 to 100.")


def test_markdown_stance_and_dates(class_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    write_report(class_dir / "00-random.json", out, "md")
    md = out.read_text(encoding="utf-8")
    stance_part = md.split("## Your policy between the historians' readings")[1]
    assert re.search(r"Your policy \*\*(leans towards|clearly supports|is between)", stance_part)
    assert "The decisions that pulled yours hardest" in stance_part
    decisions = md.split("## Your decisions beside the USSR's")[1].split("\n## ")[0]
    assert "built on a student essay" in decisions and "What the essay got wrong" in decisions
    assert "| taken Apr 1930 |" in decisions
    assert not re.search(r"\b19\d\d-\d\d\b", decisions)


def test_md_block_keeps_a_paragraph_a_paragraph() -> None:
    from game.reports.escape import md_block

    text = md_block("# heading\n| a | b |\n> quote\n- item\n1. first\n\n---\n<script>x</script>")
    lines = text.splitlines()
    assert len(lines) == 7, "no blank line: one paragraph"
    assert lines[:6] == ["\\# heading", "\\| a \\| b \\|", "&gt; quote", "\\- item",
                         "1\\. first", "\\---"]
    assert "<script>" not in text


def test_csv_files_have_a_byte_order_mark_unless_no_bom(class_dir: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    save = str(class_dir / "02-random.json")
    assert main(["report", save, "-o", str(tmp_path / "a.csv")]) == 0
    assert main(["report", save, "-o", str(tmp_path / "b.csv"), "--no-bom"]) == 0
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbfTurn,")
    assert (tmp_path / "b.csv").read_bytes().startswith(b"Turn,")
    assert main(["compare", str(class_dir), "-o", str(tmp_path / "c.csv"), "--no-bom"]) == 0
    assert (tmp_path / "c.csv").read_bytes().startswith(b"Scenario,")
    capsys.readouterr()


def test_the_debrief_is_made_to_print(class_dir: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(class_dir / "02-random.json"), "--format", "debrief"]) == 0
    text = (tmp_path / "02-random-debrief.html").read_text(encoding="utf-8")
    assert "@page" in text and "break-before: page" in text and "<nav" not in text
    for heading in ("How it ended", "Your aims against history", "The decisions that mattered",
                    "Your decisions beside the USSR's",
                    "Your policy between the historians' readings"):
        assert f">{html.escape(heading, quote=False)}</h2>" in text.replace("&#x27;", "'"), \
            heading
    assert text.count("<svg") == 2  # the two aims' charts
    assert "Every event" not in text and "id=\"event-" not in text  # not the full report
    assert main(["compare", str(class_dir), "--format", "debrief", "--anonymise", "-o",
                 str(tmp_path)]) == 0
    group = (tmp_path / "class-debrief.html").read_text(encoding="utf-8")
    assert group.count('<article class="debrief">') == 32
    assert "Student 32" in group and "Ada" not in group and ".json" not in group
    capsys.readouterr()
