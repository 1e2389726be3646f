"""Hostile scenario files, and property tests: read_yaml returns or raises ScenarioError.

Each hostile file is read in a child process (with a memory limit), so a crash or a runaway
allocation fails the test instead of killing pytest.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import yamlsafe
from game.scenario.errors import ScenarioError
from game.scenario.yamlsafe import MAX_DEPTH, read_yaml

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import resource, sys
try:
    limit = 1 << 30  # 1 GiB of address space: a bomb must fail, not eat the machine
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
except (ValueError, OSError):
    pass
from game.scenario.errors import ScenarioError
from game.scenario.yamlsafe import read_yaml, read_yaml_file
{setup}
try:
    {call}
except ScenarioError as error:
    print("SCENARIO_ERROR")
    print(error)
else:
    print("RETURNED")
"""


def run_child(setup: str, call: str = "read_yaml(data, 'hostile.yaml')") -> str:
    """Run ``setup`` then ``call`` in a fresh interpreter; return its output.

    Asserts the child exited normally, quickly, and reported a ScenarioError.
    """
    code = CHILD.format(setup=textwrap.dedent(setup), call=call)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, f"child died ({done.returncode}): {done.stderr[-2000:]}"
    assert done.stdout.startswith("SCENARIO_ERROR"), done.stdout[:2000] + done.stderr[-2000:]
    assert elapsed < 30, f"took {elapsed:.1f} s"
    return done.stdout


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs() -> None:
    assert len(BILLION_LAUGHS) < 600
    out = run_child(f"data = {BILLION_LAUGHS.encode()!r}")
    assert "alias '*a' is not allowed" in out
    assert "anchor '&a' is not allowed" in out


def test_merge_key_bomb() -> None:
    setup = """
        lines = ["a0: &a0 {x: 1, y: 2}"]
        for i in range(1, 20):
            refs = ", ".join(f"*a{i - 1}" for _ in range(10))
            lines.append(f"a{i}: &a{i} {{<<: [{refs}], k{i}: {i}}}")
        data = "\\n".join(lines).encode()
    """
    out = run_child(setup)
    assert "merge keys ('<<') are not allowed" in out


def test_million_nested_flow_sequences() -> None:
    out = run_child("data = b'[' * 1_000_000")
    assert f"hostile.yaml:1:{MAX_DEPTH + 1}: error: the data is nested too deeply" in out


def test_million_nested_flow_mappings() -> None:
    out = run_child("data = b'{a: ' * 500_000")
    assert "nested too deeply" in out


def test_hundred_thousand_nested_block_sequences() -> None:
    out = run_child("data = b'- ' * 100_000 + b'x\\n'")
    assert f"hostile.yaml:1:{2 * MAX_DEPTH + 1}: error: the data is nested too deeply" in out


def test_hundred_thousand_nested_block_mappings() -> None:
    # '? ' opens a block mapping whose key is the next node: 100,000 nested mappings on one line.
    out = run_child("data = b'? ' * 100_000 + b'x\\n'")
    assert "nested too deeply" in out


def test_deeply_indented_block_mappings() -> None:
    # As deep as indentation can go within the size cap (about 2,000 levels).
    setup = """
        parts = []
        size = 0
        depth = 0
        while size + depth + 3 < 2 * 1024 * 1024:
            parts.append(" " * depth + "a:\\n")
            size += depth + 3
            depth += 1
        data = "".join(parts).encode()
        assert depth > 1900
    """
    out = run_child(setup)
    where = f"hostile.yaml:{MAX_DEPTH + 1}:{MAX_DEPTH + 1}"
    assert f"{where}: error: the data is nested too deeply" in out


def test_python_object_tags_execute_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    command = f"touch {marker}"
    text = (
        f"a: !!python/object/apply:os.system [{command!r}]\n"
        f"b: !!python/object/apply:subprocess.call [[touch, {marker}]]\n"
        f"c: !!python/object/new:os.system [{command!r}]\n"
        "d: !!python/name:os.system\n"
        f"e: !!python/object/apply:builtins.exec [\"open({str(marker)!r}, 'w')\"]\n"
    )
    out = run_child(f"data = {text.encode()!r}")
    assert not marker.exists()
    assert out.count("is not allowed") == 5
    assert "tag '!!python/object/apply:os.system' is not allowed" in out
    assert "tag '!!python/name:os.system' is not allowed" in out


def test_three_mib_file(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"key: value\n" * (3 * 1024 * 1024 // 11 + 1))
    out = run_child("", call=f"read_yaml_file({str(path)!r})")
    assert "too large" in out and "2 MiB" in out


def test_three_mib_bytes() -> None:
    out = run_child("data = b'a: 1\\n' * (3 * 1024 * 1024 // 5)")
    assert "too large" in out


def test_random_binary() -> None:
    out = run_child("import os; data = os.urandom(1024 * 1024)")
    assert any(phrase in out for phrase in ("not UTF-8 text", "NUL byte", "control character")), out


def test_nul_bytes() -> None:
    out = run_child("data = bytes(100_000)")
    assert "hostile.yaml:1:1: error: the file contains a NUL byte" in out


def test_invalid_utf8() -> None:
    out = run_child("data = b'title: caf\\xe9\\n' + b'\\xc3\\x28' * 1000")
    assert "hostile.yaml:1:11: error: the file is not UTF-8 text" in out


def test_many_aliases_are_capped() -> None:
    out = run_child("data = b'a: [' + b'*x, ' * 500_000 + b']\\n'")
    assert "… and more problems not shown" in out
    assert len(out) < 100_000


def test_half_a_million_flow_items_is_fast() -> None:
    # 1 MiB of one-character items: not an error by itself, so a duplicate key follows.
    out = run_child("data = b'a: [' + b'1,' * 500_000 + b']\\na: 2\\n'")
    assert "duplicate key 'a'" in out


# --- properties ---------------------------------------------------------------------------------

PARSERS = [pytest.param(yaml.SafeLoader, id="python")]
if yaml.__with_libyaml__:
    PARSERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))

YAMLISH_ALPHABET = "ab1 -:[]{},#&*!|>'\"?%@`~.\n\t\\"
YAMLISH_TOKENS = [
    "- ",
    ": ",
    ":",
    "\n",
    "  ",
    " ",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "<<: ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "? ",
    "'q'",
    '"d"',
    "'",
    '"',
    "|\n",
    ">\n",
    "# c",
    "---\n",
    "...\n",
    "key",
    "k2",
    "1",
    "-1.5",
    "1.0e999",
    "true",
    "null",
    "~",
    "yes",
    "0777",
    "\t",
    "\\",
    "%YAML 1.1\n",
    "é",
    "\ufeff",
]


@contextmanager
def parser(loader: Any) -> Iterator[None]:
    """Use ``loader`` for the duration (hypothesis tests cannot use function fixtures)."""
    saved = yamlsafe._LOADER
    yamlsafe._LOADER = loader
    try:
        yield
    finally:
        yamlsafe._LOADER = saved


def check_result(result: tuple[Any, Any, Any]) -> None:
    """Assert the invariants of a successful read."""
    doc, values, keys = result
    assert () in values
    assert set(keys) <= set(values)
    for path, (line, col) in values.items():
        assert line >= 1 and col >= 1
        node = doc
        for step in path:
            node = node[step]
    stack = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            assert depth <= MAX_DEPTH
            assert all(type(k) is str for k in node)
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            assert depth <= MAX_DEPTH
            stack.extend((v, depth + 1) for v in node)
        elif isinstance(node, float):
            assert math.isfinite(node)
        else:
            assert node is None or type(node) in (str, int, bool)


def read_or_error(data: bytes) -> tuple[Any, Any, Any] | None:
    """Read ``data``; return the result, or None for a ScenarioError (any other error fails)."""
    try:
        result = read_yaml(data, "fuzz.yaml")
    except ScenarioError as error:
        assert error.problems
        assert all(p.line >= 0 and p.col >= 0 and p.message for p in error.problems)
        return None
    check_result(result)
    return result


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("loader", PARSERS)
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(loader: Any, data: bytes) -> None:
    with parser(loader):
        read_or_error(data)


@pytest.mark.parametrize("loader", PARSERS)
@FUZZ
@given(text=st.text(alphabet=YAMLISH_ALPHABET, max_size=120))
def test_random_yamlish_characters(loader: Any, text: str) -> None:
    with parser(loader):
        read_or_error(text.encode())


@pytest.mark.parametrize("loader", PARSERS)
@FUZZ
@given(tokens=st.lists(st.sampled_from(YAMLISH_TOKENS), max_size=40))
def test_random_yamlish_tokens(loader: Any, tokens: list[str]) -> None:
    with parser(loader):
        read_or_error("".join(tokens).encode())


# Plain data that YAML can represent exactly under the rules of read_yaml. (PyYAML's emitter
# writes NEL/LS/PS raw inside quoted scalars, where YAML folds them: its bug, not ours.)
# Control characters, bidirectional overrides and non-characters are refused in any text.
CHARS = st.characters(
    exclude_categories=["Cs", "Cc"],
    exclude_characters="\x85\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\ufffe\uffff",
)
KEYS = st.text(CHARS, max_size=8)
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**9), max_value=10**9)
    | st.floats(min_value=-1e9, max_value=1e9)
    | st.text(CHARS, max_size=12)
)
DATA = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)


@pytest.mark.parametrize("loader", PARSERS)
@settings(max_examples=150, deadline=None)
@given(data=DATA, flow=st.booleans(), unicode=st.booleans())
def test_round_trip_of_safe_dump(loader: Any, data: Any, flow: bool, unicode: bool) -> None:
    """What yaml.safe_dump writes, read_yaml reads back unchanged (YAML 1.1 quoting is enough)."""
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode, sort_keys=False)
    with parser(loader):
        doc, values, _ = read_yaml(text.encode(), "dump.yaml")
    assert doc == data
    assert repr(doc) == repr(data)  # same types too: 1 vs 1.0 vs True, -0.0
    assert () in values
