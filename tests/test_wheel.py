"""The game as a student's machine or a school's image gets it: built as a wheel, installed into a
fresh virtual environment outside the checkout, and run from another folder through the
`statecraft` command (validate, simulate, report, schema) and headless up to the title screen.

The wheel test is marked ``wheel`` (about 10-20 s): ``pytest -m "not wheel"`` skips it. It builds
from a copy of the sources (no build/ or egg-info left in the checkout, no stale build/lib in the
wheel) and installs with ``--no-deps``; the new environment reaches the already installed
dependencies through a .pth line naming this environment's site-packages (a plain path entry:
that folder's own .pth files, among them the editable install of the checkout, are not run), so
it needs no network unless the build backend has to be fetched. Every command runs with a clean
environment from a temporary folder, and the test checks that ``game`` is imported from the new
environment."""

from __future__ import annotations

import fnmatch
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
SOURCES = ("game", "scenarios", "assets", "pyproject.toml", "README.md")
NETWORK_TROUBLE = ("Could not find a version", "No matching distribution", "Failed to establish",
                   "Network is unreachable", "Temporary failure in name resolution",
                   "Max retries exceeded", "ConnectionError", "NewConnectionError")


def _bundled(package: str) -> tuple[Path, list[str]]:
    """The folder a bundled data package maps onto, and its package-data patterns."""
    parts = package.split(".")
    for i in range(len(parts), 0, -1):
        mapped = SETUPTOOLS["package-dir"].get(".".join(parts[:i]))
        if mapped is not None:
            return ROOT.joinpath(mapped, *parts[i:]), SETUPTOOLS["package-data"][package]
    raise AssertionError(f"{package} is mapped onto no folder")


def _shipped_files() -> dict[str, Path]:
    """Every file the wheel must carry under game/bundled/, as relative path -> source file."""
    out: dict[str, Path] = {}
    for package in SETUPTOOLS["packages"]:
        if not package.startswith("game.bundled."):
            continue
        folder, patterns = _bundled(package)
        rel = Path(*package.split(".")[2:])
        for f in folder.iterdir():
            if f.is_file() and any(fnmatch.fnmatch(f.name, p) for p in patterns):
                out[(rel / f.name).as_posix()] = f
    return out


def test_package_list_matches_the_code_and_the_bundled_folders() -> None:
    """The package-dir mapping needs an explicit package list: a new subpackage of game/ or a
    new folder in assets/ must be added to pyproject.toml, or the wheel would miss it."""
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")
            if "__pycache__" not in p.parts}
    bundled = {"game.bundled." + ".".join(d.relative_to(ROOT).parts)
               for top in ("scenarios", "assets") for d in [ROOT / top, *(ROOT / top).rglob("*")]
               if d.is_dir() and d.name != "__pycache__"}
    assert set(SETUPTOOLS["packages"]) == code | bundled
    assert not (ROOT / "game" / "bundled").exists(), "game/bundled is made by the build only"
    shipped = _shipped_files()
    for name in ("scenarios/ussr_1928_1941.yaml", "scenarios/road_to_war_1938_1941.de.yaml",
                 "scenarios/schema.json", "assets/theme.json",
                 "assets/map/europe_1938.json"):
        assert name in shipped
    unshipped = [p for top in ("assets",) for p in (ROOT / top).rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p not in shipped.values()]
    assert not unshipped, f"in assets/ but not in the wheel: {unshipped}"
    assert PYPROJECT["project"]["scripts"]["statecraft"] == "game.cli:main"


@dataclass(frozen=True)
class Installed:
    venv: Path
    python: Path
    statecraft: Path
    work: Path  # an empty folder outside the checkout, the commands' working directory
    env: dict[str, str]

    def run(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(a) for a in args], cwd=self.work, env=self.env, text=True,
                              capture_output=True, timeout=300)
        if check and proc.returncode != 0:
            pytest.fail(f"{args} exited {proc.returncode}\n{proc.stdout[-3000:]}\n"
                        f"{proc.stderr[-3000:]}")
        return proc


def _can_build_without_isolation() -> bool:
    # The wheel is built in this environment if its setuptools is new enough (pyproject asks for
    # >= 68) and can make wheels (built in since 70.1, or the wheel package); else pip builds in
    # an isolated environment, fetching setuptools (from its cache after the first time).
    if importlib.util.find_spec("setuptools") is None:
        return False
    from importlib.metadata import version

    major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1) or (major >= 68 and importlib.util.find_spec("wheel") is not None)


def _build_wheel(tmp: Path) -> Path:
    src = tmp / "src"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, src / name)
    dist = tmp / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(src)]
    if _can_build_without_isolation():
        cmd.insert(4, "--no-build-isolation")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp)
    if proc.returncode != 0:
        out = proc.stdout + proc.stderr
        trouble = [line.strip() for line in out.splitlines() if any(s in line for s in NETWORK_TROUBLE)]
        if "--no-build-isolation" not in cmd and trouble:
            pytest.skip("cannot build the wheel: pip could not fetch the build backend and this "
                        f"environment's setuptools cannot build it (no network?): {trouble[0]}")
        pytest.fail(f"building the wheel failed:\n{out[-4000:]}")
    (wheel,) = dist.glob("statecraft-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(subprocess.run([str(python), "-I", "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_statecraft_test_deps.pth").write_text("\n".join(sorted(here)) + "\n")
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "--no-deps", "--no-index", "--quiet", str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    work = tmp / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "STATECRAFT_", "VIRTUAL_ENV"))}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONNOUSERSITE="1",
               PYGAME_HIDE_SUPPORT_PROMPT="1", STATECRAFT_HOME=str(tmp / "home"),
               PATH=str(bindir) + os.pathsep + env.get("PATH", ""))
    yield Installed(venv, python, bindir / ("statecraft.exe" if os.name == "nt" else "statecraft"),
                    work, env)


def _inside(path: str | Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


@pytest.mark.wheel
def test_the_installed_package_uses_its_own_files(installed: Installed) -> None:
    out = installed.run(installed.python, "-I", "-c", "import game, game.paths as p; "
                        "print(game.__file__); print(p.BUNDLED_SCENARIOS); print(p.ASSETS); "
                        "print(p.CHECKOUT)").stdout.splitlines()
    module, scenarios, assets, checkout = out
    for path in (module, scenarios, assets):
        assert _inside(path, installed.venv), path
        assert not _inside(path, ROOT), path
    assert checkout == "None"
    for rel, source in _shipped_files().items():
        copy = Path(scenarios).parent / rel
        assert copy.read_bytes() == source.read_bytes(), rel
    # pip's own check: the wheel's declared dependencies are all met by what is installed.
    check = subprocess.run([sys.executable, "-m", "pip", "--python", str(installed.python),
                            "check"], capture_output=True, text=True, env=installed.env)
    assert "statecraft" not in check.stdout, check.stdout


@pytest.mark.wheel
def test_statecraft_runs_the_teacher_tools_from_another_folder(installed: Installed) -> None:
    sc = installed.statecraft
    assert installed.run(sc, "--help").stdout.startswith("usage: statecraft")
    assert "usage: python -m game" in installed.run(installed.python, "-m", "game", "--help").stdout
    bundled = Path(installed.run(installed.python, "-I", "-c", "from game.paths import "
                                 "BUNDLED_SCENARIOS as b; print(b)").stdout.strip())
    out = installed.run(sc, "validate", "--games", "5", bundled / "ussr_1928_1941.yaml").stdout
    assert "0 error(s)" in out, out
    out = installed.run(sc, "simulate", "--runs", "3", "--saves", "saves").stdout
    saves = sorted((installed.work / "saves").glob("*.json"))
    assert len(saves) == 3, out
    installed.run(sc, "report", saves[0], "--format", "md", "-o", "report.md")
    assert "USSR" in (installed.work / "report.md").read_text(encoding="utf-8")
    installed.run(sc, "report", saves[0], "-o", "report.html")
    # schema: printed (never written into site-packages), and the bundled copy is current.
    assert '"$schema"' in installed.run(sc, "schema").stdout
    assert "up to date" in installed.run(sc, "schema", "--check").stdout
    assert not list(installed.work.glob("schema.json"))


@pytest.mark.wheel
def test_the_title_screen_opens_headless_with_the_bundled_theme_and_map(
        installed: Installed) -> None:
    code = (
        "import game.cli\n"
        "game.cli.build_parser('play').parse_args(['play'])\n"
        "from game.ui.app import App\n"
        "from game.ui.theme import load_theme\n"
        "from game.ui.mapview import MAP_FILE, load_map\n"
        "theme, problem = load_theme()\n"
        "assert problem is None, problem\n"
        "data, skipped = load_map(MAP_FILE)\n"
        "assert not skipped, skipped\n"
        "app = App(size=(800, 500))\n"
        "app.draw()\n"
        "from game.scenario.loader import DEFAULT_SCENARIO\n"
        "assert DEFAULT_SCENARIO.is_file(), DEFAULT_SCENARIO\n"
        "print('drawn', DEFAULT_SCENARIO)\n"
    )
    out = installed.run(installed.python, "-I", "-c", code).stdout
    assert out.startswith("drawn"), out
