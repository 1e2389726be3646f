"""UI figures for `python main.py bench`, each beside a bare pygame baseline from the same run:
start-up to the first drawn title screen, one frame of the map screen, CPU while idle on the
map screen, and peak memory. Start-up, idle and memory run in child processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game.paths import CHECKOUT

Row = tuple[str, str, str, str]
SIZE = (1280, 720)

_BARE = """
import os, time
os.environ['PYGAME_HIDE_SUPPORT_PROMPT'] = '1'
import pygame
pygame.display.init()
screen = pygame.display.set_mode(({w}, {h}), pygame.RESIZABLE)
screen.fill((22, 27, 34))
pygame.display.flip()
print('drawn', flush=True)
"""

_TITLE = """
import game.cli  # what `python main.py` runs: the command line, then the window
game.cli.build_parser("play").parse_args(["play"])
from game.ui.app import App
app = App(size=({w}, {h}))
app.draw()
print('drawn', flush=True)
"""

_PEAK = """
def peak_mib():
    # VmHWM is this process's own peak (ru_maxrss may carry the parent's across fork + exec).
    try:
        for line in open('/proc/self/status'):
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource, sys
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024 if sys.platform == 'darwin' else 1024)
"""

_IDLE = _PEAK + """
import time
import pygame
from game.ui.app import App
from game.ui.settings import Settings
app = App(scenario={scenario!r}, size=({w}, {h}), settings=Settings(tutorial_done=True))
app.step([])
pygame.time.set_timer(pygame.QUIT, {ms}, loops=1)
wall, cpu = time.perf_counter(), time.process_time()
app.run()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print('idle', cpu / wall, peak_mib(), app.frames, flush=True)
"""

_BARE_MEM = _PEAK + _BARE + """
print('mem', peak_mib(), flush=True)
"""


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and sys.platform.startswith(
            "linux"):
        env["SDL_VIDEODRIVER"] = "dummy"
    env["STATECRAFT_HOME"] = home
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    if CHECKOUT is not None:  # run from a checkout without installing: the children import it
        env["PYTHONPATH"] = str(CHECKOUT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _time_to_drawn(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env,
                            text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("drawn"):
            break
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    return elapsed


def bench_startup(repeats: int = 7) -> list[Row]:
    """Start-up to the first drawn title screen vs a bare window drawing one frame."""
    w, h = SIZE
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        ours, bare = [], []
        for _ in range(repeats):  # interleaved, so both see the same machine noise
            bare.append(_time_to_drawn(_BARE.format(w=w, h=h), env))
            ours.append(_time_to_drawn(_TITLE.format(w=w, h=h), env))
    o, b = statistics.median(ours), statistics.median(bare)
    return [("UI start-up to the first drawn title screen", f"{o * 1000:.0f} ms",
             f"{b * 1000:.0f} ms bare pygame window + one frame",
             f"{o / b:.2f}x (goal <= 2.5x)")]


def bench_frame(scenario: Path, repeats: int = 101) -> list[Row]:
    """One frame of the map screen vs a bare blit + flip of a full-window image."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory() as home:
        old = os.environ.get("STATECRAFT_HOME")
        os.environ["STATECRAFT_HOME"] = home
        try:
            import pygame

            from game.ui.app import App
            from game.ui.settings import Settings

            app = App(scenario=str(scenario), size=SIZE, settings=Settings(tutorial_done=True))
            while len(app.stack) > 2:  # leave any event dialog: the map screen alone
                app.pop()
            app.draw()
            image = app.screen.copy()
            ours, bare = [], []
            for _ in range(repeats):
                t = time.perf_counter()
                app.screen.blit(image, (0, 0))
                pygame.display.flip()
                bare.append(time.perf_counter() - t)
                t = time.perf_counter()
                app.draw()
                ours.append(time.perf_counter() - t)
            pygame.quit()
        finally:
            if old is None:
                os.environ.pop("STATECRAFT_HOME", None)
            else:
                os.environ["STATECRAFT_HOME"] = old
    o, b = statistics.median(ours), statistics.median(bare)
    return [("one frame of the map screen", f"{o * 1000:.2f} ms",
             f"{b * 1000:.2f} ms bare blit + flip of a full-window image",
             f"{o / b:.1f}x (goal <= 10x)")]


def bench_idle_and_memory(scenario: Path, seconds: float = 5.0) -> list[Row]:
    """CPU share while idle on the map screen, and peak memory, vs a bare pygame window."""
    w, h = SIZE
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        out = subprocess.run([sys.executable, "-c", _IDLE.format(
            scenario=str(scenario), w=w, h=h, ms=int(seconds * 1000))], env=env,
            capture_output=True, text=True, timeout=120)
        bare = subprocess.run([sys.executable, "-c", _BARE_MEM.format(w=w, h=h)], env=env,
                              capture_output=True, text=True, timeout=60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("idle")), None)
    if line is None:
        return [("idle CPU on the map screen", "failed", out.stderr.strip()[-200:], "")]
    _, share, mem, *_ = line.split()
    bare_mem = next((float(x.split()[1]) for x in bare.stdout.splitlines()
                     if x.startswith("mem")), 0.0)
    return [(f"CPU while idle on the map screen ({seconds:.0f} s)", f"{float(share) * 100:.1f}%"
             " of a core", "process CPU time / wall time", "goal < 5%"),
            ("peak memory (VmHWM / ru_maxrss), map screen", f"{float(mem):.0f} MiB",
             f"{bare_mem:.0f} MiB bare pygame window", "goal < 200 MiB")]
