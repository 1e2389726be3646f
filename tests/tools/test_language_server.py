"""The schema in a real editor: yaml-language-server (the engine of the common YAML editor
plugins) driven over its protocol, LSP over stdio, as an editor drives it.

Skipped unless the server is installed: ``npm install -g yaml-language-server`` (or the
command in $YAML_LANGUAGE_SERVER, which .ci/run sets when it could install a pinned one).
Every wait has a timeout and the server is killed at the end, so a server that hangs or dies
fails the test instead of blocking it.
"""

from __future__ import annotations

import json
import os
import queue
import shlex
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.conftest import MINI, ROOT

SCHEMA_FILE = ROOT / "scenarios" / "schema.json"
TIMEOUT = 30.0
"""Seconds to wait for any one answer (the first one loads the schema)."""


def server_command() -> list[str] | None:
    given = os.environ.get("YAML_LANGUAGE_SERVER")
    if given:
        return shlex.split(given)
    found = shutil.which("yaml-language-server")
    return [found] if found else None


Message = dict[str, Any]


class LanguageServer:
    """A yaml-language-server process and the JSON-RPC messages to and from it."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen([*command, "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.next_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, out: IO[bytes]) -> None:
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length is None:
                    return
                self.inbox.put(json.loads(out.read(length)))
        except (OSError, ValueError):
            return
        finally:
            self.inbox.put(None)  # the server has gone: waiting fails at once

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        answer = self.wait(lambda m: m.get("id") == ident and "method" not in m,
                           f"the answer to {method}")
        assert "error" not in answer, answer["error"]
        return answer.get("result")

    def wait(self, wanted: Callable[[Message], bool], what: str) -> Message:
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            try:
                message = self.inbox.get(timeout=max(left, 0.01))
            except queue.Empty:
                pytest.fail(f"yaml-language-server sent no {what} in {TIMEOUT:.0f} s")
            if message is None:
                pytest.fail(f"yaml-language-server stopped before sending {what}")
            if "method" in message and "id" in message:  # a request to the editor: say nothing
                self.send({"id": message["id"], "result": None})
            if wanted(message):
                return message

    def open(self, path: Path, text: str) -> list[Message]:
        """Open a document as an editor does; return the problems the server publishes."""
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        published = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri, f"problems for {path.name}")
        diagnostics: list[Message] = published["params"]["diagnostics"]
        return diagnostics

    def at(self, method: str, path: Path, line: int, character: int) -> Any:
        return self.request(f"textDocument/{method}", {
            "textDocument": {"uri": path.resolve().as_uri()},
            "position": {"line": line, "character": character}})

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired, pytest.fail.Exception):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=5)


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    command = server_command()
    if command is None:
        pytest.skip("yaml-language-server is not installed: npm install -g yaml-language-server")
    ls = LanguageServer(command)
    try:
        ls.request("initialize", {
            "processId": os.getpid(), "rootUri": ROOT.as_uri(),
            "capabilities": {"textDocument": {
                "completion": {"completionItem": {"snippetSupport": True,
                                                  "documentationFormat": ["markdown"]}},
                "hover": {"contentFormat": ["markdown", "plaintext"]}}}})
        ls.notify("initialized", {})
        ls.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
            "validate": True, "hover": True, "completion": True}}})
        yield ls
    finally:
        ls.close()


def line_of(text: str, start: str) -> int:
    """The number (from 0) of the first line that begins, after its indentation, with start."""
    return next(i for i, line in enumerate(text.splitlines()) if line.strip().startswith(start))


def broken(tmp_path: Path) -> tuple[Path, str]:
    """The mini scenario with a teacher's mistakes, tied to the schema by its first line."""
    text = MINI.read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[0] = f"# yaml-language-server: $schema={SCHEMA_FILE.resolve().as_uri()}"
    text = "\n".join(lines) + "\n"
    for old, new in [('start: "1930-01"', 'start: "1930-1"'),  # a wrong date
                     ("actions_per_turn: 2", "actions_per_turn: two\ncolour: red"),  # type, field
                     ("    region: finland", "    region: ")]:  # a region still to write
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_broken_file_gets_its_problems_in_plain_words(server: LanguageServer,
                                                        tmp_path: Path) -> None:
    path, text = broken(tmp_path)
    found = {(d["range"]["start"]["line"], d["message"]) for d in server.open(path, text)}
    by_line: dict[int, list[str]] = {}
    for line, message in found:
        by_line.setdefault(line, []).append(message)
    assert 'Write a month as "1938-09" (year-month, in quotes).' in by_line.get(
        line_of(text, "start:"), []), found
    assert not any("[0-9]" in m for _, m in found), "a raw regular expression is shown"
    assert any("colour" in m for m in by_line.get(line_of(text, "colour:"), [])), found
    assert any("integer" in m for m in by_line.get(line_of(text, "actions_per_turn:"), [])), found


def test_a_region_completes_from_the_map(server: LanguageServer, tmp_path: Path) -> None:
    path, text = broken(tmp_path)
    server.open(path, text)
    line = line_of(text, "region:")
    result = server.at("completion", path, line, len(text.splitlines()[line]))
    items = result["items"] if isinstance(result, dict) else result
    labels = [item["label"] for item in items]
    assert "poland" in labels and "bessarabia" in labels, labels


def hover_text(server: LanguageServer, path: Path, text: str, key: str) -> str:
    line = line_of(text, f"{key}:")
    column = text.splitlines()[line].index(key) + 1
    result = server.at("hover", path, line, column)
    assert result, f"no hover on {key}"
    contents = result["contents"]
    return str(contents["value"] if isinstance(contents, dict) else contents)


def test_hover_shows_a_fields_description_once(server: LanguageServer, tmp_path: Path) -> None:
    path, text = broken(tmp_path)
    server.open(path, text)
    assert "great power" in hover_text(server, path, text, "great_power")
    per_turn = hover_text(server, path, text, "per_turn")
    assert "Formula added to the aim" in per_turn
    assert "||" not in per_turn and "####" not in per_turn, per_turn  # no "Per Turn || Per Turn"
    assert "player's nation" in hover_text(server, path, text, "relation")


def scenario_files() -> list[Path]:
    """The bundled scenarios (not their translations, NAME.LANG.yaml)."""
    return [p for p in sorted((ROOT / "scenarios").glob("*.yaml")) if "." not in p.stem]


@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: p.stem)
def test_bundled_scenarios_show_no_problems(server: LanguageServer, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./schema.json"), "the editor's line"
    assert server.open(path, text) == []
    assert hover_text(server, path, text, "actions_per_turn"), "the schema was not used"
