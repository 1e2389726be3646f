"""The reports as printed: headless Chromium prints them to PDF, poppler reads the PDF back.

A student's debrief is at most two pages on A4 and on US Letter; the class's debriefs start
each student on a new page; every column of the class's tables is in the printed text and on
the page; on a 1280 px screen the class page does not scroll sideways. Skipped (saying why)
when Chromium or poppler-utils is not installed: ``apt-get install chromium poppler-utils``.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.cli import main
from game.core.policies import POLICIES, play_game
from game.saves import write_save
from game.scenario.loader import load_scenario
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                       "(apt-get install chromium); the print checks need it"),
    pytest.mark.skipif(not POPPLER, reason="pdftotext and pdfinfo are not installed "
                       "(apt-get install poppler-utils); the print checks read the PDF with them"),
]

PAPERS = {"A4": (595, 842), "letter": (612, 792)}
"""Page sizes in points (pdfinfo rounds them)."""


def _chromium(tmp: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp / 'chromium-profile'}", *args, url],
        capture_output=True, text=True, timeout=120, check=False)


def print_pdf(html_file: Path, paper: str) -> Path:
    """``html_file`` printed on ``paper`` (its @page size set so), as a PDF beside it."""
    text = html_file.read_text(encoding="utf-8")
    copy = html_file.with_name(f"{html_file.stem}-{paper}.html")
    copy.write_text(text.replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>",
                                 1), encoding="utf-8")
    pdf = copy.with_suffix(".pdf")
    done = _chromium(html_file.parent, copy.as_uri(), f"--print-to-pdf={pdf}",
                     "--no-pdf-header-footer")
    assert pdf.is_file(), f"Chromium printed nothing: {done.stderr[-2000:]}"
    return pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]


def page_size(pdf: Path) -> tuple[int, int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info.stdout, re.M)
    assert m is not None
    return round(float(m[1])), round(float(m[2]))


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:pages(pdf)]


Word = tuple[float, float, float, float, str]
"""A printed word: x min, y min, x max, y max, text."""


def printed_words(pdf: Path) -> list[list[Word]]:
    """Each page's words with their boxes, in points."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    out = []
    for page in boxes.split("<page ")[1:]:
        out.append([(float(m[1]), float(m[2]), float(m[3]), float(m[4]), html.unescape(m[5]))
                    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                         r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                                         page)])
    return out


def words_beyond_the_page(pdf: Path) -> list[str]:
    """Words whose box runs past the page's right edge (cut off on paper)."""
    width = page_size(pdf)[0]
    return [w[4] for page in printed_words(pdf) for w in page if w[2] > width + 0.5]


def in_a_cell(words: list[Word], phrase: str) -> bool:
    """The phrase is printed as one table cell would print it: its words left to right on a
    line, wrapping onto the next lines under its first words (left, right or centred), not
    mixed with other cells' words."""
    wanted = phrase.split()
    for first in (w for w in words if w[4] == wanted[0]):
        prev, ok = first, True
        for text in wanted[1:]:
            height = prev[3] - prev[1]
            nxt = next((w for w in words if w[4] == text and (
                (abs(w[1] - prev[1]) < 1 and 0 <= w[0] - prev[2] < height) or
                (0 < w[1] - prev[1] < 2 * height and w[0] <= prev[2]
                 and w[2] >= first[0] - 4 * height))),
                None)
            if nxt is None:
                ok = False
                break
            prev = nxt
        if ok:
            return True
    return False


@pytest.fixture(scope="module")
def long_class(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Games of the bundled scenarios, the long ones a class really plays."""
    folder = tmp_path_factory.mktemp("print") / "saves"
    names = iter(["Zoë Ødegård-Ñúñez", "Jan Kowalski", "Chloé", "Dmitri", "Eve", "Farid"])
    for scenario in ("ussr_1928_1941.yaml", "road_to_war_1938_1941.yaml"):
        path = ROOT / "scenarios" / scenario
        rules = load_scenario(path).rules
        for k, policy in enumerate(("random", "greedy", "passive")):
            state = play_game(rules, POLICIES[policy], seed=k + 3)
            write_save(folder / f"{path.stem}-{policy}.json", state, next(names, policy),
                       str(path))
    return folder


@pytest.mark.parametrize("paper", PAPERS)
def test_a_students_debrief_prints_on_at_most_two_pages(
        long_class: Path, tmp_path: Path, paper: str, capsys: pytest.CaptureFixture[str]) -> None:
    for save in sorted(long_class.glob("*.json")):
        out = tmp_path / f"{save.stem}-debrief.html"
        assert main(["report", str(save), "--format", "debrief", "-o", str(out)]) == 0
        pdf = print_pdf(out, paper)
        assert page_size(pdf) == PAPERS[paper]
        assert pages(pdf) <= 2, f"{save.name}: {pages(pdf)} pages on {paper}"
        text = " ".join(" ".join(page_texts(pdf)).split())
        for heading in ("How it ended", "Your aims against history",
                        "The decisions that mattered", "Your policy between the historians"):
            assert heading in text, (save.name, heading)
        assert not words_beyond_the_page(pdf)
    capsys.readouterr()


def test_the_class_debriefs_start_each_student_on_a_new_page(
        long_class: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class-debrief.html"
    assert main(["compare", str(long_class), "--format", "debrief", "-o", str(out)]) == 0
    pdf = print_pdf(out, "A4")
    texts = page_texts(pdf)
    starts = [k for k, t in enumerate(texts) if "Debrief" in t.split("How it ended")[0]]
    assert len(starts) == 6, starts
    assert starts[0] == 0
    gaps = [b - a for a, b in zip(starts, [*starts[1:], len(texts)], strict=True)]
    assert all(1 <= g <= 2 for g in gaps), gaps
    capsys.readouterr()


@pytest.mark.parametrize("paper", PAPERS)
def test_every_column_of_the_class_table_is_printed(
        long_class: Path, tmp_path: Path, paper: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class.html"
    saves = [str(p) for p in sorted(long_class.glob("ussr_*.json"))]
    assert main(["compare", *saves, "--format", "html", "-o", str(out)]) == 0
    pdf = print_pdf(out, paper)
    words = [w for page in printed_words(pdf) for w in page]
    for header in ("Date", "Decision", "What the class did", "What the USSR did", "Student",
                   "Ending", "Score", "Distance from history", "Decisions as the USSR",
                   "Policy", "File", "Aim", "Lowest", "Median", "Highest", "History",
                   "Games above history"):
        assert in_a_cell(words, header), f"{header!r} is not in the printed class table on " \
            f"{paper}"
    assert not words_beyond_the_page(pdf)
    capsys.readouterr()


def test_the_class_table_fits_a_1280_px_screen(long_class: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "class.html"
    assert main(["compare", str(long_class), "--format", "html", "-o", str(out)]) == 0
    probe = out.with_name("probe.html")
    probe.write_text(out.read_text(encoding="utf-8").replace(
        "</body>", "<script>document.title = 'width:' + document.documentElement.scrollWidth"
        " + ':' + window.innerWidth;</script></body>"), encoding="utf-8")
    done = _chromium(tmp_path, probe.as_uri(), "--window-size=1280,900", "--dump-dom")
    m = re.search(r"<title>width:(\d+):(\d+)</title>", done.stdout)
    assert m is not None, done.stderr[-2000:]
    assert int(m[1]) <= int(m[2]), f"the page is {m[1]} px wide in a {m[2]} px window"
    capsys.readouterr()
