"""Read an untrusted scenario YAML file into plain Python data, with the place of every value.

Scenario files are shared between teachers, so they are treated as hostile. This module never
lets PyYAML build Python objects: it walks the parser's *event* stream itself, with an explicit
stack (no recursion, so deep nesting cannot exhaust the C stack), and produces only ``dict``,
``list``, ``str``, ``int``, ``float``, ``bool`` and ``None``.

The accepted language is a strict subset of YAML:

* one document, UTF-8 (a BOM is allowed), at most :data:`MAX_BYTES` bytes, read only from a
  regular file (never a FIFO or a device) and without blocking;
* no anchors, aliases, merge keys (``<<``) or tags (``!!str``, ``!foo``, ...);
* at most :data:`MAX_DEPTH` levels of nested mappings and lists;
* mapping keys are scalars, taken as the text written (``1928: x`` has the key ``"1928"``),
  and are unique within their mapping;
* a *plain* (unquoted) scalar is ``true``/``false`` -> bool, ``null``/``~``/nothing -> None,
  ``-?(0|[1-9][0-9]*)`` -> int, the same followed by ``.digits`` and optionally
  ``e[+-]digits`` -> float, and anything else is the string as written (``yes``, ``0777``,
  ``1_000``, ``12:30``, ``1914-07-28``, ``.5``, ``True`` stay strings). Quoted and block
  scalars are always strings;
* every number lies within ``±``:data:`MAX_NUMBER` (so nothing computed from a scenario
  overflows to infinity or NaN);
* no text (value or key) holds a control character other than tab and line break, a lone
  surrogate, a line or paragraph separator, or a bidirectional override (:data:`_BAD_TEXT`),
  however it is written (``"\\0"``, ``"\\x1b"``, ``"\\u202e"``).

The parser's own limits do not decide anything: if libyaml stops at its nesting limit (1,000
in PyYAML 6.0.4's bundled copy, none in others), the file is read again with the pure-Python
parser, so the project's :data:`MAX_DEPTH` gives the same message at the same place with any
libyaml.

Every problem is reported as a :class:`~game.scenario.errors.Problem` inside one
:class:`~game.scenario.errors.ScenarioError`; nothing else escapes, whatever the bytes.
"""

from __future__ import annotations

import bisect
import errno
import os
import re
import unicodedata
from typing import Any, Final, NoReturn

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from game.files import read_limited
from game.i18n import N_, _, ngettext
from game.i18n import number as _shown_number
from game.scenario.errors import MAX_PROBLEMS as _SHOWN_PROBLEMS
from game.scenario.errors import Problem, ScenarioError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NUMBER",
    "MAX_PROBLEMS",
    "Marks",
    "YamlPath",
    "read_file_bytes",
    "read_yaml",
    "read_yaml_file",
    "read_yaml_partly",
]

YamlPath = tuple[str | int, ...]
"""Where a value sits in the document: mapping keys and list indices from the root."""

Marks = dict[YamlPath, tuple[int, int]]
"""``path -> (line, col)``, both 1-based."""

MAX_BYTES: Final = 2 * 1024 * 1024
"""Largest accepted file, in bytes."""

MAX_DEPTH: Final = 64
"""Deepest accepted nesting of mappings and lists (the root collection is level 1)."""

MAX_PROBLEMS: Final = _SHOWN_PROBLEMS
"""Reading stops after this many problems (a hostile file could otherwise produce millions)."""

MAX_NUMBER: Final = 1_000_000_000
"""Largest size of a number in a scenario: far beyond any aim, relation or recorded figure, and
small enough that sums and products of a few of them stay finite."""

MAX_NUMBER_CHARS: Final = 100
"""Longest plain scalar accepted as a number (longer digit strings are an error)."""

# The parser class: libyaml's when PyYAML was built with it (iterative C parser, fast), else
# the pure-Python one (also iterative). Tests swap this to exercise both.
_LOADER: type[Any] = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
# The parser that reads a file again when _LOADER stops at a limit of its own (libyaml's
# nesting limit): the pure-Python one, which has none, so only the project's limits apply.
_FALLBACK_LOADER: type[Any] = yaml.SafeLoader
# Words of a parser's message that say it stopped at a limit of its own, not at bad syntax.
_PARSER_LIMIT_WORDS: Final = ("depth", "nest", "limit", "too long", "too large", "too big")

_UTF8_BOM: Final = b"\xef\xbb\xbf"
_MIB: Final = 1024 * 1024

# Characters YAML 1.1 (and libyaml) allow in a stream.
_NOT_PRINTABLE: Final = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Bytes that are fine as they are: printable ASCII, tab, line breaks, and all of UTF-8's
# multi-byte sequences (those are checked by the regex above, only when present).
_FINE_BYTES: Final = bytes([9, 10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])
# Line breaks as YAML counts them (the control characters that str.splitlines() also
# counts are rejected before parsing).
_LINE_BREAK: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Plain scalars that are numbers; group 1 is set for floats.
_NUMBER: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+(?:e[+-]?[0-9]+)?)?")
_NUMBER_START: Final = frozenset("-0123456789")
_PLAIN_CONSTANTS: Final[dict[str, bool | None]] = {
    "": None,
    "~": None,
    "null": None,
    "true": True,
    "false": False,
}
_YAML_TAG_PREFIX: Final = "tag:yaml.org,2002:"
# Characters no text of a scenario may hold, however written: control characters other than
# tab and line feed (NUL, ESC and the C1 controls break the screens and the teacher's
# terminal), line and paragraph separators, bidirectional embeddings, overrides and isolates
# (they reorder how the text around them is shown), lone surrogates, and the non-characters.
_BAD_TEXT: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
# The names of control characters, as Unicode spells them (marked: a translation may add its
# own words after the name); translated where shown.
_CONTROL_NAMES: Final = {
    0x00: N_("NUL"), 0x07: N_("BELL"), 0x08: N_("BACKSPACE"), 0x0B: N_("VERTICAL TAB"),
    0x0C: N_("FORM FEED"), 0x0D: N_("CARRIAGE RETURN"),
    0x1B: N_("ESCAPE, which starts terminal control sequences"),
    0x7F: N_("DELETE"), 0x85: N_("NEXT LINE"),
}


class _Marker:
    """A unique sentinel with a readable repr."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY: Final = _Marker("<no key yet>")  # a mapping waits for its next key
_BAD_KEY: Final = _Marker("<bad key>")  # the key was rejected: drop the value that follows
_KEY_NODE: Final = _Marker("<collection used as a key>")  # saved while a key collection is read
_NOT_CONSTANT: Final = _Marker("<not a constant>")

# Hints for the parser's problem texts (checked in order; first match wins). The needles are
# PyYAML's English; the hints are translated where they are used.
_SYNTAX_HINTS: Final[tuple[tuple[str, str], ...]] = (
    (
        "mapping values are not allowed",
        N_(
            "check the indentation, or put the text in quotes if it contains ': '"
        ),
    ),
    ("tab", N_("indent with spaces, not tabs")),
    ("'\\t'", N_("indent with spaces, not tabs")),
    ("'@'", N_("'@' and '`' cannot start plain text in YAML; put the text in quotes")),
    ("'`'", N_("'@' and '`' cannot start plain text in YAML; put the text in quotes")),
    ("cannot start any token", N_("put the text in quotes")),
    (
        "invalid Unicode character escape",
        N_(
            "\\ud800 to \\udfff are halves of a pair, not characters: write the character "
            "itself, or its full code as an escape such as \\U0001F600"
        ),
    ),
    (
        "escape",
        N_(
            "inside double quotes a backslash starts an escape such as \\n; use single "
            "quotes, or write \\\\ for a backslash"
        ),
    ),
    (
        "hexdecimal",
        N_(
            "inside double quotes a backslash starts an escape such as \\n; use single "
            "quotes, or write \\\\ for a backslash"
        ),
    ),
    (
        "end of stream (while scanning a quoted scalar",
        N_(
            "a quoted text is not closed: add the closing quote"
        ),
    ),
    ("',' or ']'", N_("a '[' list is not closed with ']', or a ',' is missing between items")),
    ("',' or '}'", N_("a '{' mapping is not closed with '}', or a ',' is missing between entries")),
    (
        "while scanning an anchor",
        N_(
            "'&' starts an anchor, which scenario files don't use; put the text in quotes"
        ),
    ),
    (
        "while scanning an alias",
        N_(
            "'*' starts an alias, which scenario files don't use; put the text in quotes"
        ),
    ),
    (
        "while scanning a tag",
        N_(
            "'!' starts a tag, which scenario files don't use; put the text in quotes"
        ),
    ),
    ("tag handle", N_("'!' starts a tag, which scenario files don't use; put the text in quotes")),
    (
        "could not find expected ':'",
        N_(
            "a key must be followed by ':' on the same line; or put the text in quotes"
        ),
    ),
    ("block scalar", N_("check the indentation of the text after '|' or '>'")),
    ("incompatible YAML document", N_("remove the %YAML line; scenario files are YAML 1.1")),
    ("directive", N_("remove the line starting with '%'")),
    (
        "end of stream",
        N_(
            "the file ends in the middle of something: look for a missing closing quote or "
            "bracket"
        ),
    ),
    (
        "did not find expected key",
        N_(
            "check the indentation: the entries of one mapping start in the same column, "
            "and a mapping cannot go on with a '- ' item"
        ),
    ),
    (
        "expected <block end>",
        N_(
            "check the indentation: entries of one mapping or list must line up"
        ),
    ),
    (
        "while parsing a block",
        N_(
            "check the indentation: entries of one mapping or list must start in the same "
            "column"
        ),
    ),
    (
        "block sequence entries are not allowed",
        N_(
            "check the indentation: a '- ' list item cannot follow a value on the same "
            "line"
        ),
    ),
    ("document", N_("a scenario file is a single YAML document")),
)


class _Stop(Exception):
    """Raised internally to stop reading after a problem that ends the parse.

    ``too_many`` says reading stopped because :data:`MAX_PROBLEMS` were found."""

    def __init__(self, too_many: bool = False) -> None:
        super().__init__()
        self.too_many = too_many


class _Locator:
    """Converts between ``(line, col)`` (1-based) and offsets in the decoded text."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self._text)]
        return self._starts

    def offset(self, line: int, col: int) -> int:
        """Return the text offset of ``(line, col)``, clamped to the text."""
        starts = self._line_starts()
        if line < 1:
            return 0
        if line > len(starts):
            return len(self._text)
        return min(starts[line - 1] + max(col - 1, 0), len(self._text))

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based ``(line, col)`` of a text offset."""
        starts = self._line_starts()
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    @property
    def text(self) -> str:
        return self._text

    def line_text(self, line: int) -> str:
        """Return line ``line`` (1-based) without its line break, or ``""``."""
        starts = self._line_starts()
        if not 1 <= line <= len(starts):
            return ""
        end = starts[line] if line < len(starts) else len(self._text)
        return self._text[starts[line - 1] : end].rstrip("\r\n\x85\u2028\u2029")

    def char_at(self, line: int, col: int) -> str:
        """Return the character at ``(line, col)``, or ``""`` past the end."""
        offset = self.offset(line, col)
        return self._text[offset : offset + 1]

    def find(self, needle: str, line: int, col: int) -> tuple[int, int] | None:
        """Return the position of ``needle`` at or after ``(line, col)``, if it is near."""
        start = self.offset(line, col)
        found = self._text.find(needle, start, start + 4096)
        return None if found < 0 else self.position(found)


def _position_in(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based ``(line, col)`` of ``offset`` in ``text``."""
    line = 1
    line_start = 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line += 1
        line_start = match.end()
    return line, offset - line_start + 1


def _show_tag(tag: str) -> str:
    """Return a tag as it is usually written (``!!str`` rather than ``tag:yaml.org,2002:str``)."""
    if tag.startswith(_YAML_TAG_PREFIX):
        return "!!" + tag[len(_YAML_TAG_PREFIX) :]
    return tag


def _short(text: str, limit: int = 40) -> str:
    """Return ``text`` cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _decode(data: bytes, filename: str) -> str:
    """Return ``data`` decoded as UTF-8 (without a BOM).

    Raises :class:`ScenarioError` if it is not UTF-8 or holds characters YAML forbids (NUL and
    other control characters), at the first bad byte.
    """
    body = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    try:
        text = body.decode("utf-8")
        bad_utf8 = -1
    except UnicodeDecodeError as error:
        bad_utf8 = error.start
        text = body[:bad_utf8].decode("utf-8")
    # Fast path: an ASCII file without control characters needs no regex scan.
    clean = text.isascii() and not body.translate(None, _FINE_BYTES)
    bad_char = None if clean else _NOT_PRINTABLE.search(text)
    if bad_char is not None:
        line, col = _position_in(text, bad_char.start())
        char = bad_char.group()
        if char == "\0":
            message = _("the file contains a NUL byte: it looks like a binary file, not YAML text")
            hint = _("check that this is the right file")
        else:
            message = _(
                "the file contains the control character U+{code}, which YAML forbids"
            ).format(code=f"{ord(char):04X}")
            hint = _("delete it; most editors do not show it")
        raise ScenarioError([Problem(filename, line, col, message, hint)])
    if bad_utf8 >= 0:
        line, col = _position_in(text, len(text))
        if body.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = _("the file seems to be UTF-16; save it as UTF-8")
        else:
            hint = _("save the file as UTF-8: choose 'UTF-8' in the editor's Save As dialog")
        message = _("the file is not UTF-8 text: byte 0x{byte} is not valid here").format(
            byte=f"{body[bad_utf8]:02X}")
        raise ScenarioError([Problem(filename, line, col, message, hint)])
    return text


# PyYAML's words, said plainly (applied to what is left after the cases below). PyYAML's
# messages are English and come through as they are, so these words stay English too:
# translating them would glue translated fragments into an untranslated sentence.
_PLAIN_WORDS: Final = (
    ("while scanning a simple key", "in a key"),
    ("while scanning a plain scalar", "in a text without quotes"),
    ("while scanning a double-quoted scalar", "in a text in double quotes"),
    ("while scanning a single-quoted scalar", "in a text in single quotes"),
    ("while scanning a quoted scalar", "in a quoted text"),
    ("while scanning a block scalar", "in a '|' or '>' text"),
    ("while parsing a block mapping", "in the block of 'key: value' lines"),
    ("while parsing a block collection", "in the indented block"),
    ("while parsing a block node", "in the indented block"),
    ("while parsing a flow sequence", "in the '[' list"),
    ("while parsing a flow mapping", "in the '{' mapping"),
    ("while parsing a flow node", "in the '[' list or '{' mapping"),
    ("while scanning", "in"),
    ("while parsing", "in"),
    ("block collection", "indented block"),
    ("block mapping", "block of 'key: value' lines"),
    ("block sequence", "list of '- ' items"),
    ("flow sequence", "'[' list"),
    ("flow mapping", "'{' mapping"),
    ("plain scalar", "text without quotes"),
    ("quoted scalar", "quoted text"),
    ("block scalar", "'|' or '>' text"),
    ("<block end>", "the end of the block"),
    ("<block mapping start>", "a new block of 'key: value' lines"),
    ("'<scalar>'", "a text"),
    ("end of stream", "the end of the file"),
    ("simple key", "key"),
)
_DIAGNOSE_CHARS: Final = 256 * 1024
"""Syntax errors further into a file than this get the parser's diagnosis only (finding the
real place reads the tokens again with the pure-Python scanner)."""


def _plain(text: str) -> str:
    for word, plain in _PLAIN_WORDS:
        text = text.replace(word, plain)
    return text


def _tokens_up_to(text: str, offset: int) -> list[Any]:
    """The last tokens the scanner makes of ``text`` before it stops at a syntax error, with
    the ones it had queued (the scalar before a misplaced ':' is among them)."""
    end = text.find("\n", offset)
    loader: Any = yaml.SafeLoader(text if end < 0 else text[: end + 1])
    seen: list[Any] = []
    try:
        while loader.check_token():
            seen.append(loader.get_token())
            if len(seen) > 64:
                del seen[:32]
    except yaml.YAMLError:
        seen.extend(loader.tokens)
    except Exception:  # noqa: BLE001 - a diagnosis only: never worse than the parser's message
        pass
    finally:
        loader.dispose()
    return seen


def _first_word(line: str, col: int) -> str:
    rest = line[col - 1 :].strip()
    return rest.split(None, 1)[0] if rest else ""


_NO_PROBLEM: Final = N_("the YAML syntax is wrong")
"""The message for a parser error that gives no problem text (translated where shown)."""


def _syntax_problem(error: yaml.MarkedYAMLError, locator: _Locator, filename: str) -> Problem:
    """Return the problem for a parser error, in words a teacher can act on, at the line where
    the mistake is (which may be before the place the parser stopped at)."""
    mark = error.problem_mark if error.problem_mark is not None else error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    raw = error.problem or _NO_PROBLEM
    context = error.context or ""
    context_mark = error.context_mark
    found = _diagnose(raw, context, context_mark, line, col, locator)
    if found is not None:
        line, col, message, hint = found
    else:
        message, hint = _described(raw, context, context_mark, line, col, locator)
    return Problem(filename, line, col, message, hint, excerpt=locator.line_text(line))


_TAB_MESSAGE: Final = N_("this line is indented with a tab ('\\t'); YAML indents with spaces only")
_TAB_HINT: Final = N_("indent with spaces, not tabs")
# What _diagnose says of a '[' list and of a '{' mapping not closed (translated where shown).
_LIST_TEXTS: Final = (
    N_("the list opened with '{opener}' at column {column} is not closed with '{closer}'"),
    N_("add '{closer}' at the end of the list, or a ',' between its items"),
    N_("a ',' is missing between the items of this '{opener}' list, or its '{closer}'"),
    N_("separate the items with ', ' and close the list with '{closer}'"),
)
_MAPPING_TEXTS: Final = (
    N_("the mapping opened with '{opener}' at column {column} is not closed with '{closer}'"),
    N_("add '{closer}' at the end of the mapping, or a ',' between its items"),
    N_("a ',' is missing between the items of this '{opener}' mapping, or its '{closer}'"),
    N_("separate the items with ', ' and close the mapping with '{closer}'"),
)


def _diagnose(
    raw: str, context: str, context_mark: Any, line: int, col: int, locator: _Locator
) -> tuple[int, int, str, str] | None:
    """The common mistakes, found where they are: a quotation mark never closed, a key without
    ':', a line indented too far, ': ' inside a text, a '[' never closed. None if none fits."""
    text = locator.text
    offset = locator.offset(line, col)
    tokens = _tokens_up_to(text, offset) if line > 0 and offset <= _DIAGNOSE_CHARS else []
    scalars = [t for t in tokens if isinstance(t, yaml.ScalarToken)]
    # A quotation mark opened and closed only lines later (or never): the text swallowed the
    # lines after it, and the parser stops where the quote happens to close.
    if "quoted scalar" in context and context_mark is not None and "end of stream" in raw:
        qline, qcol = context_mark.line + 1, context_mark.column + 1
        quote = locator.char_at(qline, qcol)
        return (qline, qcol, _("this quotation mark ({quote}) is never closed").format(
                    quote=quote),
                _("close the quotation mark at the end of the text"))
    for token in reversed(scalars):
        if token.style in ("'", '"') and token.start_mark.line < token.end_mark.line \
                and token.end_mark.line + 1 >= line - 1:
            qline, qcol = token.start_mark.line + 1, token.start_mark.column + 1
            return (qline, qcol,
                    _("the text that starts with a quotation mark ({quote}) here is not "
                      "closed on its line; it runs on to line {line}").format(
                        quote=token.style, line=token.end_mark.line + 1),
                    _("close the quotation mark at the end of the text"))
    last = scalars[-1] if scalars else None
    closed = next((t for t in reversed(scalars) if t.style in ("'", '"')
                   and t.end_mark.line + 1 == line and t.end_mark.column < col), None)
    if closed is not None and "expected" in raw:
        if closed.style == "'":
            hint = _("inside single quotes an apostrophe is written twice (Stalin''s), or put "
                     "the text in double quotes")
        else:
            hint = _('inside double quotes a quotation mark is written \\" ; or use single quotes')
        return (line, col, _("the text goes on after its closing quotation mark"), hint)
    if raw.startswith("could not find expected ':'") and context_mark is not None:
        kline, kcol = context_mark.line + 1, context_mark.column + 1
        words = locator.line_text(kline)[kcol - 1 :].split(" #", 1)[0].split(None, 1)
        if words and ":" in words[0].rstrip(":"):
            key = words[0].split(":", 1)[0]
            return (kline, kcol + len(key) + 1,
                    _("the ':' after '{key}' has no space after it").format(key=_short(key)),
                    _("write a space after the colon, as in '{key}: {value}'").format(
                        key=_short(key), value=_short(' '.join(words)[len(key) + 1:])))
        if words:
            where = kcol + len(words[0])
            example = f"{words[0]}: {words[1].strip()}" if len(words) > 1 else f"{words[0]}: ..."
            return (kline, where, _("'{key}' has no ':' after it").format(key=_short(words[0])),
                    _("a key is followed by ':' and a space, as in '{example}'").format(
                        example=_short(example, 60)))
    if raw.startswith("mapping values are not allowed"):
        if last is not None and last.style is None and last.start_mark.line + 1 < line:
            sline, scol = last.start_mark.line + 1, last.start_mark.column + 1
            start_text = locator.line_text(sline)
            indent = len(start_text) - len(start_text.lstrip(" -"))
            key = _first_word(locator.line_text(line), 1).rstrip(":")
            if scol > indent + 1:  # the text is a value after 'key:' on its line
                return (line, len(locator.line_text(line)) - len(
                    locator.line_text(line).lstrip()) + 1,
                    _("'{key}' is indented more than the key above it (line {line}), "
                      "so it is read as more of that key's text").format(
                        key=_short(key), line=sline),
                    _("check the indentation: line up '{key}' with the keys above it").format(
                        key=_short(key)))
            word = _first_word(start_text, scol)
            return (sline, scol + len(word),
                    _("'{key}' has no ':' after it, so the lines after it are read as "
                      "one text").format(key=_short(word)),
                    _("a key is followed by ':' and a space, as in '{key}: ...'").format(
                        key=_short(word)))
        return (line, col, _("this text holds ': ' (a colon and a space), which starts a new "
                             "key here"),
                _("put the whole text in quotes, as in title: \"Stalin: the red tsar\"; if a "
                  "new key was meant, check the indentation"))
    if "tab character" in raw:
        tline = locator.line_text(line)
        tab = tline.find("\t")
        return (line, tab + 1 if tab >= 0 else col, _(_TAB_MESSAGE), _(_TAB_HINT))
    if "cannot start any token" in raw:
        char = locator.char_at(line, col)
        if char == "\t":
            return (line, col, _(_TAB_MESSAGE), _(_TAB_HINT))
        if char:
            return (line, col,
                    _("a text cannot start with {char} unless it is in quotes").format(
                        char=repr(char)),
                    _("put the text in quotes"))
    for opener, closer, texts in (("[", "]", _LIST_TEXTS), ("{", "}", _MAPPING_TEXTS)):
        if f"',' or '{closer}'" in raw and context_mark is not None:
            oline, ocol = context_mark.line + 1, context_mark.column + 1
            not_closed, add_closer, missing, separate = texts
            if oline < line:
                opened = locator.line_text(oline).split(" #", 1)[0].rstrip()
                return (oline, len(opened) + 1,
                        _(not_closed).format(opener=opener, column=ocol, closer=closer),
                        _(add_closer).format(closer=closer))
            return (line, col, _(missing).format(opener=opener, closer=closer),
                    _(separate).format(closer=closer))
    return None


def _described(
    raw: str, context: str, context_mark: Any, line: int, col: int, locator: _Locator
) -> tuple[str, str]:
    """The parser's message in plain words, with the hint of :data:`_SYNTAX_HINTS`."""
    problem = raw.replace(" in this context", " here")
    if "block end" in problem or "expected key" in problem:
        message = _("this line does not fit the indentation of the lines above it")
    elif raw is _NO_PROBLEM:
        message = _(_NO_PROBLEM)
    else:
        message = _plain(problem)  # PyYAML's English, in plainer words
    if context and context != "while scanning for the next token":
        if context_mark is not None and (context_mark.line, context_mark.column) != (
            line - 1,
            col - 1,
        ):
            message = _("{problem} ({context} that starts at line {line}, column {column})").format(
                problem=message, context=_plain(context), line=context_mark.line + 1,
                column=context_mark.column + 1)
    hint = _("check the YAML syntax here")
    described = f"{raw} ({context})"
    for needle, text in _SYNTAX_HINTS:
        if needle in described:
            hint = _(text)
            break
    return message, hint


def _bad_character(value: str, index: int) -> tuple[str, str]:
    """Return ``(message, hint)`` for the character at ``index`` of a text, one no text may hold."""
    char = value[index]
    code = ord(char)
    before = value[max(index - 20, 0) : index].rsplit("\n", 1)[-1]
    after = bool(before.strip())  # say what the character follows
    shown = f"{code:04X}"
    if 0xD800 <= code <= 0xDFFF:
        if after:
            message = _("the text holds U+{code} after '{before}', half of a UTF-16 surrogate "
                        "pair, which is not a character")
        else:
            message = _("the text holds U+{code}, half of a UTF-16 surrogate pair, which is "
                        "not a character")
        return (
            message.format(code=shown, before=before),
            _("write the character itself, or its full code as an escape such as \\U0001F600"),
        )
    if code in (0x2028, 0x2029, 0x85):
        known = _CONTROL_NAMES.get(code)
        name = _(known) if known else unicodedata.name(char)
        if after:
            message = _("the text holds the line break U+{code} ({name}) after '{before}'")
        else:
            message = _("the text holds the line break U+{code} ({name})")
        return (
            message.format(code=shown, name=name, before=before),
            _("write an ordinary line break (in a '|' block, or \\n inside double quotes)"),
        )
    if code >= 0x202A:
        if after:
            message = _("the text holds the invisible character U+{code} ({name}) after "
                        "'{before}', which reorders how the text around it is shown")
        else:
            message = _("the text holds the invisible character U+{code} ({name}), which "
                        "reorders how the text around it is shown")
        return (
            message.format(code=shown, name=unicodedata.name(char, ""), before=before),
            _("delete it: right-to-left text shows correctly without it; inside double quotes "
              "it is an escape such as \\0, \\x1b or \\u202e"),
        )
    known = _CONTROL_NAMES.get(code)
    name = _(known) if known else _("a control character")
    if after:
        message = _("the text holds the control character U+{code} ({name}) after '{before}'")
    else:
        message = _("the text holds the control character U+{code} ({name})")
    return (
        message.format(code=shown, name=name, before=before),
        _("delete it: inside double quotes it is an escape such as \\0, \\x1b or \\u202e; a "
          "text may hold printable characters, line breaks and tabs"),
    )


def _build(
    source: bytes | str,
    text: str,
    filename: str,
    problems: list[Problem],
    parser: type[Any],
) -> tuple[Any, Marks, Marks]:
    """Parse ``source`` with ``parser`` and return ``(document, value_marks, key_marks)``.

    Problems that do not stop the parse are appended to ``problems``. Raises :class:`_Stop`
    (after appending) for ones that do, and lets parser errors through.
    """
    locator = _Locator(text)

    def report(line: int, col: int, message: str, hint: str = "") -> None:
        problems.append(Problem(filename, line, col, message, hint))
        if len(problems) >= MAX_PROBLEMS:
            raise _Stop(too_many=True)

    def stop(line: int, col: int, message: str, hint: str) -> NoReturn:
        problems.append(Problem(filename, line, col, message, hint))
        raise _Stop

    def properties(anchor: str | None, tag: str | None, line: int, col: int) -> None:
        # The node starts at its first property; find where the other one is.
        first = locator.char_at(line, col)
        if anchor is not None:
            where: tuple[int, int] | None = (line, col)
            if first != "&":
                where = locator.find("&" + anchor, line, col)
            aline, acol = where or (line, col)
            report(
                aline,
                acol,
                _("anchor '&{name}' is not allowed").format(name=_short(anchor)),
                _("scenario files don't use anchors/aliases; write the value out again"),
            )
        if tag is not None:
            where = (line, col)
            if first != "!":
                where = locator.find("!", line, col)
            tline, tcol = where or (line, col)
            report(
                tline,
                tcol,
                _("tag '{tag}' is not allowed").format(tag=_short(_show_tag(tag))),
                _("scenario files don't use YAML tags; remove it, and put the value in quotes "
                  "if it is text"),
            )

    def number(value: str, line: int, col: int) -> Any:
        match = _NUMBER.fullmatch(value)
        if match is None:
            return value
        if len(value) > MAX_NUMBER_CHARS:
            report(
                line,
                col,
                ngettext("the number {value} is too long ({count} character)",
                         "the number {value} is too long ({count} characters)",
                         len(value)).format(value=_short(value), count=len(value)),
                _("numbers in a scenario lie between -{limit} and {limit}; put it in quotes if "
                  "it is meant as text").format(limit=_shown_number(MAX_NUMBER, 0)),
            )
            return value
        result: int | float = int(value) if match.group(1) is None else float(value)
        if not -MAX_NUMBER <= result <= MAX_NUMBER:  # also catches an overflow to infinity
            report(
                line,
                col,
                _("the number {value} is out of range: numbers in a scenario lie between "
                  "-{limit} and {limit}").format(
                    value=_short(value), limit=_shown_number(MAX_NUMBER, 0)),
                _("use a smaller number or a larger unit, such as million tonnes instead of "
                  "tonnes; put it in quotes if it is meant as text"),
            )
            return value
        return result

    def check_text(value: str, line: int, col: int) -> bool:
        """Report a character no text may hold; return whether the text is fine."""
        bad = _BAD_TEXT.search(value)
        if bad is None:
            return True
        message, hint = _bad_character(value, bad.start())
        report(line, col, message, hint)
        return False

    # Hot loop: everything it touches is a local.
    scalar_event = ScalarEvent
    mapping_start = MappingStartEvent
    mapping_end = MappingEndEvent
    sequence_start = SequenceStartEvent
    sequence_end = SequenceEndEvent
    alias_event = AliasEvent
    document_start = DocumentStartEvent
    stream_end = StreamEndEvent
    constants = _PLAIN_CONSTANTS
    not_constant = _NOT_CONSTANT
    number_start = _NUMBER_START
    no_key = _NO_KEY
    bad_key = _BAD_KEY
    key_node = _KEY_NODE
    max_depth = MAX_DEPTH
    # Only an escape or a character outside ASCII can put a bad character into a text: raw
    # control characters are rejected before parsing.
    texts_need_checks = "\\" in text or not text.isascii()

    values: Marks = {}
    keys: Marks = {}
    # Saved (container, in_map, path, key, key_path) of each open collection's parent.
    stack: list[tuple[Any, bool, YamlPath, Any, YamlPath]] = []
    push = stack.append
    pop = stack.pop
    # The collection being filled: a dict (in_map), a list, or None at the top level.
    container: Any = None
    in_map = False
    path: YamlPath = ()
    key: Any = no_key  # mapping: the pending key (str), no_key or bad_key
    key_path: YamlPath = ()  # path of the pending key's value
    root: Any = None
    root_is_blank = False
    depth = 0
    documents = 0

    loader = parser(source)
    try:
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = event.__class__
            if kind is scalar_event:
                mark = event.start_mark
                line = mark.line + 1
                col = mark.column + 1
                if event.anchor is not None or event.tag is not None:
                    properties(event.anchor, event.tag, line, col)
                value = event.value
                plain = event.implicit[0]
                if texts_need_checks and value and not check_text(value, line, col):
                    if in_map and key is no_key:
                        key = bad_key  # reported: drop the entry
                        continue
                    value = ""  # reported: keep the place, drop the text
                if in_map and key is no_key:
                    if plain and (value == "" or value == "<<"):
                        if value:
                            report(
                                line,
                                col,
                                _("merge keys ('<<') are not allowed"),
                                _("scenario files don't use anchors/aliases; write the entries "
                                  "out again"),
                            )
                        else:
                            report(line, col, _("an entry has no key"),
                                   _("write a key before ':'"))
                        key = bad_key
                    elif value in container:
                        first_line = keys[path + (value,)][0]
                        report(
                            line,
                            col,
                            _("duplicate key {key}; it was first given at line {line}").format(
                                key=repr(_short(value)), line=first_line),
                            _("each key may appear once in a mapping; remove or rename one"),
                        )
                        key = bad_key
                    else:
                        key = value
                        key_path = path + (value,)
                        keys[key_path] = (line, col)
                    continue
                if plain:
                    typed = constants.get(value, not_constant)
                    if typed is not_constant:
                        if value[0] in number_start:
                            value = number(value, line, col)
                    else:
                        value = typed
                if in_map:
                    if key is not bad_key:
                        container[key] = value
                        values[key_path] = (line, col)
                    key = no_key
                elif container is not None:
                    values[path + (len(container),)] = (line, col)
                    container.append(value)
                else:
                    root = value
                    root_is_blank = plain and value is None and event.value == ""
                    values[()] = (line, col)
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                line = mark.line + 1
                col = mark.column + 1
                depth += 1
                if depth > max_depth:
                    stop(
                        line,
                        col,
                        _("the data is nested too deeply (more than {limit} levels)").format(
                            limit=max_depth),
                        _("scenario files need only a few levels; look for an unclosed '[' or "
                          "'{', or for indentation that keeps growing"),
                    )
                if event.anchor is not None or event.tag is not None:
                    properties(event.anchor, event.tag, line, col)
                new: Any = {} if kind is mapping_start else []
                if in_map:
                    if key is no_key:
                        report(
                            line,
                            col,
                            _("a key must be text, not a mapping") if kind is mapping_start
                            else _("a key must be text, not a list"),
                            _("write a plain name before ':'; put it in quotes if it contains "
                              "'[', '{', '?' or ': '"),
                        )
                        push((container, True, path, key_node, key_path))
                        new_path: YamlPath = path + ("?",)
                    else:
                        if key is not bad_key:
                            container[key] = new
                            values[key_path] = (line, col)
                        push((container, True, path, no_key, key_path))
                        new_path = key_path
                elif container is not None:
                    new_path = path + (len(container),)
                    values[new_path] = (line, col)
                    container.append(new)
                    push((container, False, path, no_key, key_path))
                else:
                    root = new
                    values[()] = (line, col)
                    new_path = ()
                    push((None, False, (), no_key, ()))
                container = new
                in_map = kind is mapping_start
                path = new_path
                key = no_key
            elif kind is mapping_end or kind is sequence_end:
                container, in_map, path, key, key_path = pop()
                depth -= 1
                if key is key_node:
                    key = bad_key
            elif kind is alias_event:
                mark = event.start_mark
                line = mark.line + 1
                col = mark.column + 1
                report(
                    line,
                    col,
                    _("alias '*{name}' is not allowed").format(name=_short(event.anchor or "")),
                    _("scenario files don't use anchors/aliases; write the value out again"),
                )
                if in_map:
                    if key is not no_key and key is not bad_key:
                        # Keep the entry (as nothing) and its place, so that the checks after
                        # reading find it here and say nothing more about it.
                        container[key] = None
                        values[key_path] = (line, col)
                    key = bad_key if key is no_key else no_key
                elif container is not None:
                    values[path + (len(container),)] = (line, col)
                    container.append(None)
            elif kind is document_start:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    stop(
                        mark.line + 1,
                        mark.column + 1,
                        _("the file holds more than one YAML document; a second one starts "
                          "here"),
                        _("a scenario file is a single document: remove the '---' or '...' "
                          "line, or split the file"),
                    )
            elif kind is stream_end:
                break
    finally:
        loader.dispose()

    if documents == 0 or root_is_blank:
        report(1, 1, _("the file is empty"),
               _("check that this is the right file and that it was saved"))
    return root, values, keys


def read_yaml(data: bytes, filename: str) -> tuple[Any, Marks, Marks]:
    """Read one scenario YAML document from ``data`` (the file's bytes).

    Returns ``(document, value_marks, key_marks)``:

    * ``document``: plain data (dict with str keys, list, str, int, float, bool, None);
    * ``value_marks[path]``: the 1-based ``(line, col)`` where the value at ``path`` starts
      (``path`` is a tuple of mapping keys and list indices; ``()`` is the root);
    * ``key_marks[path]``: the ``(line, col)`` of the key whose value is at ``path`` (mapping
      entries only).

    Raises :class:`ScenarioError` listing every problem found (``filename`` is used in them):
    too large, not UTF-8 text, syntax errors, anchors/aliases/merge keys/tags, too deep,
    duplicate or non-text keys, several documents, an empty file. Parsing goes on past the
    problems it can (so they are reported together) and stops at a syntax error. No other
    exception escapes, whatever the bytes.
    """
    document, problems, too_many, _ = _read(data, filename)
    if problems:
        raise ScenarioError(problems, stopped=too_many)
    assert document is not None
    return document


Partial = tuple[tuple[Any, Marks, Marks] | None, list[Problem], bool, Problem | None]
"""What :func:`_read` and :func:`read_yaml_partly` return: ``(document or None, problems,
stopped early, the syntax error if reading stopped at one)``."""

RECOVERY_TRIES: Final = 3
"""Syntax errors :func:`read_yaml_partly` reads past, each by blanking the line of the last."""


def read_yaml_partly(data: bytes, filename: str) -> Partial:
    """Read as much of ``data`` as can be read, without raising.

    Like :func:`read_yaml`, but it returns the problems with the document instead of raising,
    so that the model's problems can be reported beside them. After a syntax error the file
    is read again with the line of the mistake blanked (at most :data:`RECOVERY_TRIES` times,
    each new syntax error reported too): the document then lacks what those lines held, and
    the fourth item is the first syntax error. The document is None if nothing usable was read
    (a file too large, not UTF-8 text, or stopped after too many problems).
    """
    document, problems, too_many, syntax = _read(data, filename)
    first = syntax
    tries = 0
    blanked: set[int] = set()
    raw = data
    while syntax is not None and not too_many and tries < RECOVERY_TRIES:
        tries += 1
        if syntax.line <= 0 or syntax.line in blanked:
            break
        blanked.add(syntax.line)
        raw = _blank_line(raw, syntax.line)
        if not raw:
            break
        document, again, too_many, syntax = _read(raw, filename)
        known = {(p.line, p.col, p.message) for p in problems}
        problems += [p for p in again if (p.line, p.col, p.message) not in known]
    if syntax is not None:
        document = None
    return document, problems, too_many, first


def _blank_line(data: bytes, line: int) -> bytes:
    """``data`` with line ``line`` (1-based) made empty; b"" if it has no such line."""
    lines = data.split(b"\n")
    if not 1 <= line <= len(lines):
        return b""
    lines[line - 1] = b"\r" if lines[line - 1].endswith(b"\r") else b""
    return b"\n".join(lines)


def _read(data: bytes, filename: str) -> Partial:
    """Read ``data``: see :data:`Partial`."""
    if len(data) > MAX_BYTES:
        return None, [_too_large(filename, len(data))], False, None
    problems: list[Problem] = []
    text = ""
    too_many = False
    try:
        if not isinstance(data, bytes):
            data = bytes(data)
        text = _decode(data, filename)
        result = _parse(data, text, filename, problems)
    except ScenarioError as error:
        return None, list(error.problems), error.stopped, None
    except _Stop as stop:
        too_many = stop.too_many
    except yaml.MarkedYAMLError as error:
        try:
            found = _syntax_problem(error, _Locator(text), filename)
        except Exception:  # noqa: BLE001 - a message that cannot be placed is still reported
            found = Problem(filename, 0, 0, _("YAML syntax error: {error}").format(error=error))
        problems.append(found)
        return None, problems, False, found
    except yaml.YAMLError as error:
        problems.append(
            Problem(filename, 0, 0, _("the YAML reader failed: {error}").format(error=error))
        )
    except (RecursionError, MemoryError, OverflowError):
        problems.append(
            Problem(
                filename,
                0,
                0,
                _("the file is too large or too complex to read"),
                _("check that this is the right file"),
            )
        )
    except Exception as error:  # noqa: BLE001 - a bug or a PyYAML surprise: only ScenarioError escapes
        problems.append(
            Problem(filename, 0, 0, _("could not read the file: {kind}: {error}").format(
                kind=type(error).__name__, error=error))
        )
    else:
        return result, problems, False, None
    return None, problems, too_many, None


def _parse(data: bytes, text: str, filename: str, problems: list[Problem]) -> tuple[Any, Marks, Marks]:
    """Build the document with :data:`_LOADER`, or with :data:`_FALLBACK_LOADER` if that stops
    at a limit of its own; see :func:`_build` for what is returned and raised."""
    try:
        return _build(_source_for(_LOADER, data, text), text, filename, problems, _LOADER)
    except yaml.MarkedYAMLError as error:
        if _LOADER is _FALLBACK_LOADER or not _is_parser_limit(error):
            raise
    # libyaml stops at 1,000 levels of nesting before the events reach the depth check (it
    # reads far ahead), and another build may stop sooner or later: read the text again with
    # the parser that has no limit, so MAX_DEPTH decides, at its own place.
    del problems[:]
    return _build(text, text, filename, problems, _FALLBACK_LOADER)


def _source_for(parser: type[Any], data: bytes, text: str) -> bytes | str:
    """Return what ``parser`` reads: libyaml takes UTF-8 bytes, the pure-Python one text."""
    c_parser = getattr(yaml, "CParser", None)
    return data if c_parser is not None and issubclass(parser, c_parser) else text


def _is_parser_limit(error: yaml.MarkedYAMLError) -> bool:
    """Whether the parser stopped at a limit of its own (nesting, size), not at bad syntax."""
    said = f"{error.problem or ''} {error.context or ''}".lower()
    return any(word in said for word in _PARSER_LIMIT_WORDS)


def read_yaml_file(path: str | os.PathLike[str]) -> tuple[Any, Marks, Marks]:
    """Read the scenario YAML file at ``path``; see :func:`read_yaml` for what is returned.

    Raises :class:`ScenarioError` for every problem :func:`read_file_bytes` and
    :func:`read_yaml` report.
    """
    return read_yaml(read_file_bytes(path), os.fsdecode(path))


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """Return the bytes of the scenario file at ``path``.

    The file is read with :func:`game.files.read_limited`: only a regular file, at most
    :data:`MAX_BYTES`, opened without blocking (a FIFO or a link to ``/dev/zero`` is refused
    at once). Raises :class:`ScenarioError` (at line 0, col 0) for a missing file, a folder,
    something that is not a regular file, a file over the size cap, or one that cannot be read.
    """
    filename = os.fsdecode(path)

    def fail(message: str, hint: str = "") -> NoReturn:
        raise ScenarioError([Problem(filename, 0, 0, message, hint)])

    try:
        data = read_limited(path, MAX_BYTES)
    except FileNotFoundError:
        fail(_("the file does not exist"), _("check the file name and folder"))
    except IsADirectoryError:
        fail(_("this is a folder, not a file"), _("choose the scenario's .yaml file"))
    except OSError as error:
        if error.errno == errno.EFBIG:
            try:
                size = os.stat(path).st_size
            except OSError:
                size = MAX_BYTES + 1
            raise ScenarioError([_too_large(filename, max(size, MAX_BYTES + 1))]) from None
        if error.errno == errno.EINVAL and os.path.isdir(path):
            fail(_("this is a folder, not a file"), _("choose the scenario's .yaml file"))
        if error.errno == errno.EINVAL:
            fail(_("this is not a regular file"),
                 _("a pipe or a device cannot be a scenario; choose the scenario's .yaml file"))
        fail(_("the file cannot be read: {reason}").format(reason=_os_reason(error)))
    except (ValueError, TypeError) as error:  # a NUL in the name, a bad path object
        fail(_("the file cannot be read: {reason}").format(reason=_os_reason(error)))
    return data


def _os_reason(error: Exception) -> str:
    """Return the human part of an OS error."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _too_large(filename: str, size: int) -> Problem:
    """Return the problem for a file of ``size`` bytes, over :data:`MAX_BYTES`."""
    return Problem(
        filename,
        0,
        0,
        _("the file is too large: {size} bytes, over the limit of {limit} MiB").format(
            size=_shown_number(size, 0), limit=MAX_BYTES // _MIB),
        _("scenario files are far smaller; check that this is the right file"),
    )
