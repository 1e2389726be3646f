"""The expression language: parsing, errors with their offset, and the optimised compiler.

The compiler folds constants and flattens sums; a hypothesis test checks it
against a plain tree walk on random expressions and random states.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import expr
from game.core.expr import Binary, Call, ExprError, Name, Number, Unary

NAMES = ["a", "b", "flag.x", "flag.y", "treaties.t"]


def resolve(node: Name) -> Any:
    if node.name in ("a", "b"):
        i = ("a", "b").index(node.name)
        return expr.tag(lambda s: s.aims[i], aim_index=i)
    if node.name.startswith("flag."):
        bit = 1 << ("x", "y").index(node.name[5:])
        return expr.tag(lambda s: bool(s.flags & bit), flag_bit=bit)
    if node.name == "treaties.t":
        return expr.tag(lambda s: sum(map((1).__and__, s.treaties)), treaty_kind=0)
    raise ExprError(f"unknown name '{node.name}'", node.offset)


def naive(node: expr.Node, s: Any) -> Any:
    """The meaning of an expression, read straight off the tree."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Name):
        return resolve(node)(s)
    if isinstance(node, Call):
        return expr.FUNCTIONS[node.function][1](*(naive(a, s) for a in node.args))
    if isinstance(node, Unary):
        v = naive(node.operand, s)
        return (not v) if node.op == "not" else -v
    assert isinstance(node, Binary)
    left = naive(node.left, s)
    if node.op == "and":
        return bool(left and naive(node.right, s))
    if node.op == "or":
        return bool(left or naive(node.right, s))
    right = naive(node.right, s)
    ops = {"+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
           "/": lambda: left / right if right else 0.0, "<": lambda: left < right,
           "<=": lambda: left <= right, ">": lambda: left > right, ">=": lambda: left >= right,
           "==": lambda: left == right, "!=": lambda: left != right}
    return ops[node.op]()


def arithmetic(depth: int = 3) -> st.SearchStrategy[str]:
    leaf = st.one_of(st.sampled_from(NAMES), st.integers(0, 20).map(str),
                     st.sampled_from(["0", "2.5", "0.35"]))
    return st.recursive(leaf, lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda x: f"-{x}"),
        st.tuples(inner, inner).map(lambda t: f"max({t[0]}, {t[1]})"),
    ), max_leaves=12)


def condition() -> st.SearchStrategy[str]:
    compare = st.tuples(arithmetic(), st.sampled_from(["<", "<=", ">", ">=", "==", "!="]),
                        arithmetic()).map(lambda t: f"{t[0]} {t[1]} {t[2]}")
    return st.recursive(compare, lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda x: f"not {x}")), max_leaves=4)


states = st.builds(lambda a, b, flags, treaties: SimpleNamespace(
    aims=(a, b), flags=flags, treaties=tuple(treaties)),
    st.floats(-100, 100), st.floats(-100, 100), st.integers(0, 3),
    st.lists(st.integers(0, 3), max_size=6))


@settings(max_examples=400, deadline=None)
@given(st.one_of(arithmetic(), condition()), states)
def test_the_compiled_expression_means_what_the_tree_says(text: str, state: Any) -> None:
    tree = expr.parse(text)
    want = naive(tree, state)
    got = expr.compile_node(tree, resolve)(state)
    if isinstance(want, bool):
        assert bool(got) == want or abs(float(got) - float(want)) < 1e-6
    else:
        assert got == pytest.approx(want, rel=1e-9, abs=1e-6)


def test_precedence_is_the_usual_one() -> None:
    s = SimpleNamespace(aims=(2.0, 3.0), flags=0, treaties=())
    assert expr.compile_node(expr.parse("a + b * 2"), resolve)(s) == 8
    assert expr.compile_node(expr.parse("-a - -b"), resolve)(s) == 1
    assert expr.compile_node(expr.parse("not a > 1 or b == 3"), resolve)(s) is True


def test_dividing_by_zero_counts_as_zero() -> None:
    s = SimpleNamespace(aims=(2.0, 0.0), flags=0, treaties=())
    assert expr.compile_node(expr.parse("a / b"), resolve)(s) == 0
    assert expr.compile_node(expr.parse("a / 0 + 1"), resolve)(s) == 1


@pytest.mark.parametrize("text, offset, hint", [
    ("a = 1", 2, "'=='"),
    ("a && b", 2, "'and'"),
    ("a +", 3, "missing"),
    ("(a + b", 6, ""),
    ("a < b < 3", 6, "a < b and b < c"),
    ("a b", 2, "'and' or 'or'"),
])
def test_parse_errors_point_at_the_fault(text: str, offset: int, hint: str) -> None:
    with pytest.raises(ExprError) as info:
        expr.parse(text)
    assert info.value.offset == offset
    assert hint in info.value.hint


def test_unknown_functions_and_wrong_arity_are_errors() -> None:
    with pytest.raises(ExprError, match="unknown function 'sqrt'"):
        expr.compile_node(expr.parse("sqrt(a)"), resolve)
    with pytest.raises(ExprError, match="takes 2 argument"):
        expr.compile_node(expr.parse("max(a)"), resolve)


def test_hostile_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(ExprError):
        expr.parse("(" * 5000 + "a" + ")" * 5000)
    with pytest.raises(ExprError):
        expr.parse("-" * 5000 + "a")
    with pytest.raises(ExprError, match="nested too deeply"):
        expr.parse("abs(" * 126 + "a" + ")" * 126)  # calls count as nesting too
    with pytest.raises(ExprError, match="too long"):
        expr.parse(" + ".join(["a"] * 1000))
    long_chain = " + ".join(["a"] * 150) + " > 1 and " + " and ".join(["b > 0"] * 20)
    compiled = expr.compile_node(expr.parse(long_chain), resolve)
    assert compiled(SimpleNamespace(aims=(1.0, 1.0), flags=0, treaties=())) is True


def test_suggestions_name_the_closest_word() -> None:
    assert expr.suggest("fra", ["france", "finland"]) == "did you mean 'france'?"
    assert expr.suggest("zzz", ["france"]) == ""
