"""The small expression language of scenario conditions and formulas.

A scenario writes conditions such as ``relation.germany < -20 and not
flag.pact_with_germany`` and formulas such as ``(strength - 50) / 25``. They
are parsed once, at load, into a tree of :class:`Node` values; names are
checked against what the scenario defines; the tree is then turned into
Python closures. Nothing is ever passed to ``eval``: a scenario cannot run
code.

Grammar (lowest precedence first)::

    expr    := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | "true" | "false" | NAME | NAME "(" expr ("," expr)* ")" | "(" expr ")"
    NAME    := word ("." word)*
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from game.i18n import _, ngettext

Value = float | bool
Evaluator = Callable[[Any], Any]
"""A compiled expression: called with a game state, returns a number or a boolean."""

FUNCTIONS: dict[str, tuple[int, Callable[..., Any]]] = {
    "min": (2, min),
    "max": (2, max),
    "abs": (1, abs),
    "clamp": (3, lambda x, lo, hi: lo if x < lo else hi if x > hi else x),
}


class ExprError(ValueError):
    """An expression could not be parsed or names something unknown.

    ``offset`` is the 0-based character position in the expression text;
    ``hint`` suggests a fix when one is known.
    """

    def __init__(self, message: str, offset: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    offset: int


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Node, ...]
    offset: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: Node
    offset: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node
    offset: int


Node = Number | Name | Call | Unary | Binary

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
    r"|(?P<op><=|>=|==|!=|[-+*/<>(),])|(?P<bad>\S))"
)
_KEYWORDS = {"and", "or", "not", "true", "false"}
_COMPARE = {"<", "<=", ">", ">=", "==", "!="}


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # only trailing whitespace is left
            break
        pos = m.end()
        kind = m.lastgroup
        if kind is None:
            break
        value = m.group(kind)
        start = m.start(kind)
        if kind == "bad":
            hint = _("write 'and', 'or', 'not' instead of '&', '|', '!'") \
                if value in "&|!" else ""
            if value == "=":
                hint = _("compare with '==', not '='")
            raise ExprError(_("unexpected character '{character}'").format(character=value),
                            start, hint)
        if kind == "name" and value in _KEYWORDS:
            kind = "kw"
        tokens.append((kind, value, start))
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    def deeper(self, offset: int) -> None:
        # Each level of parentheses, function calls or prefix operators costs Python stack
        # frames: a
        # hostile or runaway expression must get an error, not a RecursionError.
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ExprError(_("the expression is nested too deeply (at most {levels} levels)")
                            .format(levels=MAX_NESTING),
                            offset, _("split it, or remove extra parentheses"))

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value: str) -> None:
        kind, got, offset = self.take()
        if got != value:
            message = (_("expected '{expected}' but found {found}").format(expected=value,
                                                                             found=repr(got))
                       if got else
                       _("expected '{expected}' but found 'the end'").format(expected=value))
            raise ExprError(message, offset)

    def parse(self) -> Node:
        node = self.or_()
        kind, value, offset = self.peek()
        if kind != "end":
            raise ExprError(_("unexpected '{token}'").format(token=value), offset,
                            _("join conditions with 'and' or 'or'")
                            if kind in ("name", "num") else "")
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.peek()[1] == "or" and self.peek()[0] == "kw":
            offset = self.take()[2]
            node = Binary("or", node, self.and_(), offset)
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.peek()[1] == "and" and self.peek()[0] == "kw":
            offset = self.take()[2]
            node = Binary("and", node, self.not_(), offset)
        return node

    def not_(self) -> Node:
        if self.peek()[1] == "not" and self.peek()[0] == "kw":
            offset = self.take()[2]
            self.deeper(offset)
            node = Unary("not", self.not_(), offset)
            self.depth -= 1
            return node
        return self.compare()

    def compare(self) -> Node:
        node = self.sum_()
        kind, value, offset = self.peek()
        if kind == "op" and value in _COMPARE:
            self.take()
            node = Binary(value, node, self.sum_(), offset)
            nxt = self.peek()
            if nxt[0] == "op" and nxt[1] in _COMPARE:
                raise ExprError(_("comparisons cannot be chained"), nxt[2],
                                _("write 'a < b and b < c'"))
        return node

    def sum_(self) -> Node:
        node = self.product()
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            __, op, offset = self.take()
            node = Binary(op, node, self.product(), offset)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/"):
            __, op, offset = self.take()
            node = Binary(op, node, self.unary(), offset)
        return node

    def unary(self) -> Node:
        if self.peek()[1] == "-" and self.peek()[0] == "op":
            offset = self.take()[2]
            self.deeper(offset)
            node = Unary("-", self.unary(), offset)
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        kind, value, offset = self.take()
        if kind == "num":
            number = float(value)
            if number > MAX_NUMBER:  # also a literal of hundreds of digits, which is infinite
                shown = value[:20] + ("..." if len(value) > 20 else "")
                raise ExprError(_("the number {number} is too large (at most {largest})")
                                .format(number=shown, largest=f"{MAX_NUMBER:,.0f}"), offset,
                                _("use a smaller number; scale the formula instead"))
            return Number(number, offset)
        if kind == "kw" and value in ("true", "false"):
            return Number(1.0 if value == "true" else 0.0, offset)
        if kind == "name":
            if self.peek()[1] == "(":
                self.take()
                self.deeper(offset)
                args = [self.or_()]
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.or_())
                self.expect(")")
                self.depth -= 1
                return Call(value, tuple(args), offset)
            return Name(value, offset)
        if value == "(":
            self.deeper(offset)
            node = self.or_()
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "end":
            raise ExprError(_("the expression ends too soon"), offset,
                            _("something is missing at the end"))
        raise ExprError(_("unexpected '{token}'").format(token=value), offset)


MAX_NESTING = 40

MAX_NUMBER = 1e9
"""Largest number written in an expression (the same bound as every number of a scenario)."""


MAX_TOKENS = 400

MAX_FACTORS = 30
"""Most values one product may multiply together. Every value of a game is within a billion,
so a product of 30 stays far below the largest float: no formula overflows to infinity, and
whole numbers multiplied together never grow too large to turn into a float."""


def parse(text: str) -> Node:
    """Parse an expression into a tree. Raises :class:`ExprError` with the offset of the fault."""
    parser = _Parser(text)
    if len(parser.tokens) > MAX_TOKENS:
        raise ExprError(_("the expression is too long (at most {count} names, numbers and "
                          "signs)").format(count=MAX_TOKENS), parser.tokens[MAX_TOKENS][2],
                        _("split it into simpler parts"))
    node = parser.parse()
    factors, offset = _factors(node)
    if factors > MAX_FACTORS:
        raise ExprError(_("the formula multiplies or divides {count} values together (at most "
                          "{most})").format(count=factors, most=MAX_FACTORS), offset,
                        _("split it into simpler parts, or use fewer factors"))
    return node


def _factors(node: Node) -> tuple[int, int]:
    """Return how many values the largest product in ``node`` multiplies (or divides) together,
    and where that product starts."""
    if isinstance(node, (Number, Name)):
        return 1, node.offset
    if isinstance(node, Unary):
        return _factors(node.operand)
    if isinstance(node, Call):
        return max((_factors(a) for a in node.args), key=lambda f: f[0])
    left, right = _factors(node.left), _factors(node.right)
    if node.op in ("*", "/"):
        return left[0] + right[0], min(left[1], right[1])
    return max(left, right, key=lambda f: f[0])


def names(node: Node) -> list[Name]:
    """Return every name used in an expression tree, in order."""
    out: list[Name] = []
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Name):
            out.append(n)
        elif isinstance(n, Call):
            stack.extend(reversed(n.args))
        elif isinstance(n, Unary):
            stack.append(n.operand)
        elif isinstance(n, Binary):
            stack.extend((n.right, n.left))
    return sorted(out, key=lambda x: x.offset)


Resolver = Callable[[Name], Evaluator]
"""Turns a name into a function of the state, or raises :class:`ExprError`."""


def compile_node(node: Node, resolve: Resolver) -> Evaluator:
    """Turn a parsed tree into a closure of the game state, resolving names with ``resolve``.

    Constant parts are folded and sums of terms are flattened into one closure,
    so a formula such as ``12 + 0.35 * strength - 2 * flag.purge`` costs one
    call per name rather than one per operator. Raises :class:`ExprError`.
    """
    compiled = _compile(node, resolve)
    if isinstance(compiled, float):
        value = compiled
        return lambda s: value
    return compiled


Compiled = float | Evaluator
"""A compiled part: a float when it is a constant, else a closure."""


def _compile(node: Node, resolve: Resolver) -> Compiled:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Name):
        return resolve(node)
    if isinstance(node, Call):
        return _compile_call(node, resolve)
    if isinstance(node, Unary) and node.op == "not":
        inner = _compile(node.operand, resolve)
        if isinstance(inner, float):
            return 0.0 if inner else 1.0
        return lambda s: not inner(s)
    if isinstance(node, Binary) and node.op in ("and", "or", *_COMPARE):
        left, right = _compile(node.left, resolve), _compile(node.right, resolve)
        return _compile_logic(node.op, left, right)
    return _compile_sum(node, resolve)


def _compile_call(node: Call, resolve: Resolver) -> Compiled:
    if node.function not in FUNCTIONS:
        raise ExprError(_("unknown function '{function}'").format(function=node.function),
                        node.offset,
                        _("the functions are {functions}").format(
                            functions=", ".join(sorted(FUNCTIONS))))
    arity, fn = FUNCTIONS[node.function]
    if len(node.args) != arity:
        raise ExprError(ngettext("'{function}' takes {arity} argument(s), not {count}",
                                 "'{function}' takes {arity} argument(s), not {count}", arity)
                        .format(function=node.function, arity=arity, count=len(node.args)),
                        node.offset)
    parts = [_compile(a, resolve) for a in node.args]
    if all(isinstance(p, float) for p in parts):
        return float(fn(*parts))
    args = [_as_closure(p) for p in parts]
    if arity == 1:
        a0 = args[0]
        return lambda s: fn(a0(s))
    if arity == 2:
        a0, a1 = args
        return lambda s: fn(a0(s), a1(s))
    a0, a1, a2 = args
    return lambda s: fn(a0(s), a1(s), a2(s))


def _as_closure(part: Compiled) -> Evaluator:
    if isinstance(part, float):
        value = part
        return lambda s: value
    return part


def _compile_logic(op: str, left: Compiled, right: Compiled) -> Compiled:
    if isinstance(left, float) and isinstance(right, float):
        return float(_CONSTANT_LOGIC[op](left, right))
    if isinstance(right, float) and op in _COMPARE:
        c = right
        a = _as_closure(left)
        return {"<": lambda s: a(s) < c, "<=": lambda s: a(s) <= c, ">": lambda s: a(s) > c,
                ">=": lambda s: a(s) >= c, "==": lambda s: a(s) == c,
                "!=": lambda s: a(s) != c}[op]
    return _BINARY[op](_as_closure(left), _as_closure(right))


_CONSTANT_LOGIC: dict[str, Callable[[float, float], bool]] = {
    "and": lambda a, b: bool(a and b), "or": lambda a, b: bool(a or b),
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}


def _collect(node: Node, coef: float, resolve: Resolver,
             terms: list[tuple[float, Evaluator]]) -> float:
    """Add ``coef * node`` to a flat sum: closures go to ``terms``; the constant is returned."""
    if isinstance(node, Number):
        return coef * node.value
    if isinstance(node, Unary) and node.op == "-":
        return _collect(node.operand, -coef, resolve, terms)
    if isinstance(node, Binary) and node.op in ("+", "-"):
        const = _collect(node.left, coef, resolve, terms)
        return const + _collect(node.right, coef if node.op == "+" else -coef, resolve, terms)
    if isinstance(node, Binary) and node.op in ("*", "/"):
        right = _compile(node.right, resolve)
        if isinstance(right, float):
            if node.op == "/":
                if right == 0:
                    return 0.0  # x / 0 counts as 0
                return _collect(node.left, coef / right, resolve, terms)
            return _collect(node.left, coef * right, resolve, terms)
        if node.op == "*":
            left = _compile(node.left, resolve)
            if isinstance(left, float):
                return _collect(node.right, coef * left, resolve, terms)
            terms.append((coef, _flag_pure(_BINARY["*"](left, right), left, right)))
        else:
            left = _compile(node.left, resolve)
            terms.append((coef, _flag_pure(_BINARY["/"](_as_closure(left), right), left, right)))
        return 0.0
    part = _compile(node, resolve)
    if isinstance(part, float):
        return coef * part
    terms.append((coef, part))
    return 0.0


def tag(fn: Evaluator, **facts: int | tuple[int | str, ...]) -> Evaluator:
    """Mark a name's reader with what it reads, so a long sum of such names reads them inline
    (see :func:`_compile_long_sum`): ``flag_bit`` (a flag's bit), ``treaty_kind`` (the count
    of a treaty kind), ``aim_index``, ``relation_index``; ``int_atom`` (field name, bit):
    true when that bit of an integer field (``took``, ``fired``) is set; ``tuple_atom`` (field
    name, index, mask, value): true when ``state.field[index] & mask == value``."""
    for key, value in facts.items():
        setattr(fn, key, value)
    return fn


def _flags_read(part: Compiled) -> int | None:
    """The flag bits a compiled part reads if it reads nothing but flags (0 for a constant),
    else None: such a part is a pure function of those flags."""
    if isinstance(part, float):
        return 0
    bit = getattr(part, "flag_bit", None)
    return bit if bit is not None else getattr(part, "flag_mask", None)


def _flag_pure(fn: Evaluator, *parts: Compiled) -> Evaluator:
    """Mark ``fn`` (made of ``parts`` and constants) as reading only flags when its parts
    do (``flag_mask``: the bits read), so a long sum can remember its value per flag set."""
    mask = 0
    for part in parts:
        bits = _flags_read(part)
        if bits is None:
            return fn
        mask |= bits
    return tag(fn, flag_mask=mask)


_CACHE_LIMIT = 1 << 14


def _compile_sum(node: Node, resolve: Resolver) -> Compiled:
    terms: list[tuple[float, Evaluator]] = []
    k = _collect(node, 1.0, resolve, terms)
    if not terms:
        return k
    if len(terms) == 1:
        (c, g), = terms
        if c == 1.0 and k == 0.0:
            return g
        return _flag_pure(lambda s: k + c * g(s), g)
    if len(terms) == 2:
        (c1, g1), (c2, g2) = terms
        return _flag_pure(lambda s: k + c1 * g1(s) + c2 * g2(s), g1, g2)
    if len(terms) == 3:
        (c1, g1), (c2, g2), (c3, g3) = terms
        return _flag_pure(lambda s: k + c1 * g1(s) + c2 * g2(s) + c3 * g3(s), g1, g2, g3)
    return _compile_long_sum(k, terms)


def _compile_long_sum(k: float, terms: list[tuple[float, Evaluator]]) -> Evaluator:
    """A long formula, split by what each term reads (see :func:`tag`), each kind summed its
    cheapest way. Flags read alone are summed over the flags set, once per distinct
    combination (remembered); the terms that read nothing but flags (``flag.a * (1 -
    flag.b)``) once per combination of theirs; treaty counts once per distinct set of
    treaties; aims, relations, treaties held, actions taken, events fired, choices, statuses
    and policy options read inline; anything else is called.
    The parts are added in that order, each always in the same order, so the value is the
    same on every run and in every process."""
    linear: dict[int, float] = {}
    products: list[tuple[float, Evaluator]] = []
    counts: list[tuple[int, float]] = []
    aims: list[tuple[int, float]] = []
    relations: list[tuple[int, float]] = []
    int_atoms: list[tuple[str, int, float]] = []
    tuple_atoms: list[tuple[str, int, int, int, float]] = []
    calls: list[tuple[float, Evaluator]] = []
    product_mask = 0
    for c, g in terms:
        facts = getattr(g, "__dict__", {})
        if "flag_bit" in facts:
            linear[facts["flag_bit"]] = linear.get(facts["flag_bit"], 0.0) + c
        elif "flag_mask" in facts:
            products.append((c, g))
            product_mask |= facts["flag_mask"]
        elif "treaty_kind" in facts:
            counts.append((facts["treaty_kind"], c))
        elif "aim_index" in facts:
            aims.append((facts["aim_index"], c))
        elif "relation_index" in facts:
            relations.append((facts["relation_index"], c))
        elif "int_atom" in facts:
            field, bit = facts["int_atom"]
            int_atoms.append((field, bit, c))
        elif "tuple_atom" in facts:
            field, index, mask, want = facts["tuple_atom"]
            tuple_atoms.append((field, index, mask, want, c))
        else:
            calls.append((c, g))
    linear_mask = 0
    for bit in linear:
        linear_mask |= bit
    linear_memo: dict[int, float] = {}
    product_memo: dict[int, float] = {}
    treaty_memo: dict[tuple[int, ...], float] = {}
    # The treaties change a few times a game: the last tuple seen (held, so its identity
    # cannot be reused) and its part, one pair replaced at once, spare hashing it every turn.
    last_treaties: list[tuple[Any, float]] = [(None, 0.0)]
    product_terms, count_terms = tuple(products), tuple(counts)
    aim_terms, relation_terms = tuple(aims), tuple(relations)
    int_terms, tuple_terms, call_terms = tuple(int_atoms), tuple(tuple_atoms), tuple(calls)

    def evaluate(s: Any) -> float:
        total = k
        if linear_mask:
            key = s.flags & linear_mask
            part = linear_memo.get(key)
            if part is None:
                part = 0.0
                rest = key
                while rest:  # the flags set, lowest first
                    low = rest & -rest
                    part += linear[low]
                    rest ^= low
                if len(linear_memo) < _CACHE_LIMIT:
                    linear_memo[key] = part
            total += part
        if product_terms:
            key = s.flags & product_mask
            part = product_memo.get(key)
            if part is None:
                part = 0.0
                for c, g in product_terms:
                    part += c * g(s)
                if len(product_memo) < _CACHE_LIMIT:
                    product_memo[key] = part
            total += part
        if count_terms:
            held = s.treaties
            last = last_treaties[0]
            if last[0] is held:
                part = last[1]
            else:
                part = treaty_memo.get(held)
                if part is None:
                    part = 0.0
                    for kind, c in count_terms:
                        part += c * sum(map((1 << kind).__and__, held)) / (1 << kind)
                    if len(treaty_memo) < _CACHE_LIMIT:
                        treaty_memo[held] = part
                last_treaties[0] = (held, part)
            total += part
        if aim_terms:
            values = s.aims
            for i, c in aim_terms:
                total += c * values[i]
        if relation_terms:
            values = s.relations
            for i, c in relation_terms:
                total += c * values[i]
        if int_terms:
            for field, bit, c in int_terms:
                if getattr(s, field) & bit:
                    total += c
        if tuple_terms:
            for field, index, mask, want, c in tuple_terms:
                if getattr(s, field)[index] & mask == want:
                    total += c
        if call_terms:
            for c, g in call_terms:
                total += c * g(s)
        return total

    return evaluate


def _div(a: float, b: float) -> float:
    # A formula a teacher writes must never crash a game: x / 0 counts as 0.
    return a / b if b else 0.0


_BINARY: dict[str, Callable[[Evaluator, Evaluator], Evaluator]] = {
    "or": lambda a, b: lambda s: bool(a(s) or b(s)),
    "and": lambda a, b: lambda s: bool(a(s) and b(s)),
    "<": lambda a, b: lambda s: a(s) < b(s),
    "<=": lambda a, b: lambda s: a(s) <= b(s),
    ">": lambda a, b: lambda s: a(s) > b(s),
    ">=": lambda a, b: lambda s: a(s) >= b(s),
    "==": lambda a, b: lambda s: a(s) == b(s),
    "!=": lambda a, b: lambda s: a(s) != b(s),
    "+": lambda a, b: lambda s: a(s) + b(s),
    "-": lambda a, b: lambda s: a(s) - b(s),
    "*": lambda a, b: lambda s: a(s) * b(s),
    "/": lambda a, b: lambda s: _div(a(s), b(s)),
}


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The closest of ``choices`` to ``word`` (a likely misspelling of it), or None."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        # A prefix is a strong hint too: 'fra' -> 'france'.
        close = [c for c in choices if c.startswith(word) or word.startswith(c)][:1]
    return close[0] if close else None


def suggest(word: str, choices: Sequence[str]) -> str:
    """Return ``"did you mean 'x'?"`` for the closest of ``choices``, or ``""``."""
    close = closest(word, choices)
    return _("did you mean '{name}'?").format(name=close) if close is not None else ""


# -- analysis: conditions that can never hold, seen from their syntax ---------------------------

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


def _bound(node: Node, negate: bool) -> tuple[str, str, float] | None:
    """``(name, op, constant)`` for a comparison of a name with a number, else None."""
    if isinstance(node, Unary) and node.op == "not":
        return _bound(node.operand, not negate)
    if not isinstance(node, Binary) or node.op not in _FLIP:
        return None
    left, right, op = node.left, node.right, node.op
    if _constant(left) is not None and isinstance(right, Name):
        left, right, op = right, left, _FLIP[op]
    value = _constant(right)
    if not isinstance(left, Name) or value is None:
        return None
    return left.name, _NEGATE[op] if negate else op, value


def _constant(node: Node) -> float | None:
    """The value of a number, or of a minus before one."""
    if isinstance(node, Number):
        return float(node.value)
    if isinstance(node, Unary) and node.op == "-" and isinstance(node.operand, Number):
        return -float(node.operand.value)
    return None


def _fits(op: str, value: float, low: float, high: float) -> bool:
    """Whether some number in ``low..high`` satisfies ``x op value``."""
    return {"<": low < value, "<=": low <= value, ">": high > value, ">=": high >= value,
            "==": low <= value <= high, "!=": low < high or low != value}[op]


def never_holds(node: Node, ranges: dict[str, tuple[float, float]]) -> str:
    """Why a condition can never be true, from comparisons of the names of ``ranges`` (an
    aim's id, ``relation.NATION``: their lowest and highest values) with constants, combined by
    ``and``, ``or`` and ``not``; ``""`` if that cannot be seen without playing.

    ``strength > 100`` with strength in 0..100 gives "strength is never above 100 (it lies
    from 0 to 100)"; ``strength >= 78 and strength < 50`` gives "strength cannot be >= 78
    and < 50 at once"."""

    def word(op: str, value: float) -> str:
        return f"{op} {value:g}"

    def both(bounds: list[tuple[str, float]]) -> str:
        said = word(*bounds[0])
        for bound in bounds[1:]:
            said = _("{first} and {second}").format(first=said, second=word(*bound))
        return said

    def walk(n: Node, negate: bool) -> tuple[str, dict[str, list[tuple[str, float]]]] | None:
        """None if unknown; else (why it never holds or "", the bounds it puts on names)."""
        if isinstance(n, Unary) and n.op == "not" and not isinstance(n.operand, Binary | Unary):
            return None
        if isinstance(n, Unary) and n.op == "not":
            return walk(n.operand, not negate)
        bound = _bound(n, negate)
        if bound is not None:
            name, op, value = bound
            if name not in ranges:
                return "", {}
            low, high = ranges[name]
            if not _fits(op, value, low, high):
                return (_("{name} is never {bound} (it lies from {low} to {high})").format(
                    name=name, bound=word(op, value), low=f"{low:g}", high=f"{high:g}"), {})
            return "", {name: [(op, value)]}
        if isinstance(n, Binary) and n.op in ("and", "or"):
            op = n.op if not negate else ("or" if n.op == "and" else "and")
            a, b = walk(n.left, negate), walk(n.right, negate)
            if op == "or":
                if a is not None and b is not None and a[0] and b[0]:
                    return _("{first}, and {second}").format(first=a[0], second=b[0]), {}
                return "", {}
            if a is not None and a[0]:
                return a
            if b is not None and b[0]:
                return b
            merged: dict[str, list[tuple[str, float]]] = {}
            for part in (a, b):
                for name, bounds in (part[1] if part else {}).items():
                    merged.setdefault(name, []).extend(bounds)
            for name, bounds in merged.items():
                low, high = ranges[name]
                low_open = high_open = False
                for bop, value in bounds:
                    if bop in (">", ">=") and (value > low or (value == low and bop == ">")):
                        low, low_open = value, bop == ">"
                    if bop in ("<", "<=") and (value < high or (value == high and bop == "<")):
                        high, high_open = value, bop == "<"
                    if bop == "==":
                        if value > low or value == low:
                            low, low_open = value, low_open and value == low
                        if value < high or value == high:
                            high, high_open = value, high_open and value == high
                if low > high or (low == high and (low_open or high_open)):
                    return _("{name} cannot be {bounds} at once").format(
                        name=name, bounds=both(bounds)), {}
            return "", merged
        return "", {}

    found = walk(node, False)
    return found[0] if found else ""
