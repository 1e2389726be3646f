"""The scenario writers' guide (scenarios/README.md) says what the code does.

Every YAML example in the guide is a fenced ```yaml block with a marker, an
HTML comment on the line just before it, which says how the block is checked:

``<!-- check: scenario -->``
    A whole scenario file. It loads (``load_from_bytes``) with no error.
``<!-- check: scenario base -->``
    The same, and it is the scenario that ``mistake`` blocks are put into
    (one block in the guide: the smallest scenario).
``<!-- check: messages -->``
    A whole scenario file. The next fenced block (```text) lists, one per
    line, exactly the problems loading it gives as ``example.yaml``: its
    errors if it does not load, else its warnings.
``<!-- check: mistake -->``
    A piece of a scenario: one or more top-level sections. It is put at the
    top of the base scenario, replacing the base's sections of the same
    names, so line numbers count from the block's own first line. The next
    fenced block lists exactly the problems, as for ``messages``; each must
    point inside the block.
``<!-- check: sections -->``
    Top-level ``key: value`` lines of a scenario (the header, the calendar):
    each is validated as the field of ``Scenario`` it names.
``<!-- check: MODEL -->``
    MODEL is one of the names in :data:`MODELS` (``aim``, ``action``,
    ``event``, ``effect``...). The block is one mapping or a list of them;
    each validates with ``Model.model_validate`` (as strict as the loader),
    and its conditions and formulas parse.
``<!-- check: expressions -->``
    A list of conditions and formulas; each compiles against the names of
    scenarios/template.yaml (its aims, nations, flags, actions, events...).
``<!-- check: choices -->``
    A file of choices for ``simulate --policy FILE``, checked against
    scenarios/road_to_war_1938_1941.yaml.
``<!-- check: translation -->``
    A translation file of scenarios/template.yaml (``example.de.yaml``): it has
    no error. ``<!-- check: translation messages -->``: the next fenced block
    lists exactly its problems, as for ``messages``.

Blocks are parsed with ``game.scenario.yamlsafe.read_yaml``, as the game
reads a scenario. ``python -m tests.test_guide`` prints what every checked
block really gives, to copy into the guide after a deliberate change.

The same file checks the two scenarios the guide points to: the template and
"The road to war, 1938-1941" load cleanly, use only what the guide
documents, and play as the guide says.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter, create_model

from game.core import expr
from game.core.effects import KINDS as EFFECT_KINDS
from game.core.engine import apply_action, new_game, parse_move
from game.core.policies import POLICIES, choices_policy, historical_game, play_game
from game.core.rules import collect_flags, make_resolver
from game.core.scenario import (
    Action,
    Aim,
    Calendar,
    Cause,
    Choice,
    Effect,
    Ending,
    Event,
    Figure,
    FigureValue,
    Historian,
    HistoryNote,
    Nation,
    Outcome,
    PathStep,
    Policy,
    PolicyOption,
    Reading,
    Scenario,
    Source,
    Stance,
    TreatyKind,
    Variant,
    View,
    Want,
)
from game.core.scoring import overall_score
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load_from_bytes, load_scenario
from game.scenario.yamlsafe import read_yaml

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "scenarios" / "README.md"
TEMPLATE = ROOT / "scenarios" / "template.yaml"
ROAD_TO_WAR = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=./schema.json"
EXAMPLE_FILE = "example.yaml"

class EffectModel:
    """The scenario's ``Effect`` (a union of the kinds' models) as the checks use a model:
    it validates any effect, and its fields are every kind's."""

    model_validate = staticmethod(TypeAdapter(Effect).validate_python)
    model_fields = {info.alias or name: info for kind in EFFECT_KINDS
                    for name, info in kind.model.model_fields.items()}


MODELS: dict[str, Any] = {
    "calendar": Calendar, "aim": Aim, "treaty_kind": TreatyKind, "stance": Stance,
    "reading": Reading, "historian": Historian, "nation": Nation, "action": Action,
    "effect": EffectModel, "event": Event, "choice": Choice, "history": HistoryNote,
    "ending": Ending, "path_step": PathStep, "figure": Figure, "figure_value": FigureValue,
    "source": Source, "outcome": Outcome, "variant": Variant, "cause": Cause, "view": View,
    "want": Want, "policy": Policy, "policy_option": PolicyOption,
}
EXPRESSION_FIELDS = ("per_turn", "available", "when", "relation_per_turn", "chance")
"""Fields that hold a condition or a formula (when their value is text), at any depth."""
WHOLE_FILE_KINDS = {"scenario", "messages"}
KINDS = WHOLE_FILE_KINDS | {"mistake", "sections", "expressions", "choices", "translation"} \
    | set(MODELS)
TRANSLATION_FILE = "example.de.yaml"


# -- reading the guide -----------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One fenced block of the guide."""

    lang: str
    text: str
    line: int  # 1-based line of the opening fence
    marker: str  # the check marker's words ("" if none)

    @property
    def kind(self) -> str:
        return self.marker.split()[0] if self.marker else ""

    @property
    def where(self) -> str:
        return f"README.md:{self.line}"


_MARKER = re.compile(r"^<!--\s*check:\s*(.+?)\s*-->\s*$")
_FENCE = re.compile(r"^```(\S*)\s*$")


def guide_blocks(text: str | None = None) -> list[Block]:
    """Every fenced block of the guide, with the marker on the line before it."""
    lines = (GUIDE.read_text(encoding="utf-8") if text is None else text).splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        marker = ""
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0:
            mm = _MARKER.match(lines[k].strip())
            if mm:
                marker = mm.group(1).replace(",", " ")
        body = "\n".join(lines[start + 1:j]) + "\n"
        blocks.append(Block(m.group(1), body, start + 1, marker))
        i = j + 1
    return blocks


def checked_blocks() -> list[tuple[Block, Block | None]]:
    """(yaml block, the fenced block after it) for every marked block."""
    blocks = guide_blocks()
    out = []
    for n, b in enumerate(blocks):
        if b.marker:
            out.append((b, blocks[n + 1] if n + 1 < len(blocks) else None))
    return out


def base_scenario() -> str:
    bases = [b for b, _ in checked_blocks() if b.kind == "scenario" and "base" in b.marker.split()]
    assert len(bases) == 1, "the guide needs exactly one block marked <!-- check: scenario base -->"
    return bases[0].text


# -- running the checks -------------------------------------------------------------------


def load_text(text: str) -> LoadedScenario:
    return load_from_bytes(text.encode("utf-8"), EXAMPLE_FILE)


def messages_of(text: str) -> list[str]:
    """The problems a scenario text gives: its errors if it fails, else its warnings."""
    try:
        loaded = load_text(text)
    except ScenarioError as exc:
        return [p.format() for p in exc.problems]
    # validate prints warnings in the order of the file
    return [w.format() for w in sorted(loaded.warnings, key=lambda p: (p.line, p.col))]


def translation_messages(text: str) -> list[str]:
    """The problems a translation of the template gives: its errors, else its warnings."""
    from game.scenario.translation import read_translation

    scenario = load_scenario(TEMPLATE, translate=False).scenario
    try:
        found = read_translation(text.encode("utf-8"), TRANSLATION_FILE, scenario)
    except ScenarioError as exc:
        return [p.format() for p in exc.problems]
    return [w.format() for w in found.warnings]


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


def splice(piece: str, base: str) -> str:
    """The base scenario with ``piece`` on top, in place of the base's sections it redefines."""
    replaced = {m.group(1) for line in piece.splitlines() if (m := _TOP_KEY.match(line))}
    kept: list[str] = []
    skipping = False
    for line in base.splitlines():
        m = _TOP_KEY.match(line)
        if m:
            skipping = m.group(1) in replaced
        elif line and not line[0].isspace() and not line.startswith("#"):
            skipping = False
        if not skipping:
            kept.append(line)
    return piece.rstrip("\n") + "\n" + "\n".join(kept) + "\n"


def expected_lines(after: Block | None, block: Block) -> list[str]:
    assert after is not None and after.lang == "text", (
        f"{block.where}: a '{block.kind}' block must be followed by a ```text block with the "
        "messages it gives")
    return [line for line in after.text.splitlines() if line.strip()]


def strict_validate(model: type[BaseModel] | type[EffectModel], data: Any) -> None:
    model.model_validate(data)
    stack = [data]
    while stack:  # the item's conditions and formulas, and those of its parts (views, outcomes)
        node = stack.pop()
        if isinstance(node, dict):
            for name, value in node.items():
                if name in EXPRESSION_FIELDS and isinstance(value, str):
                    expr.parse(value)
                elif name != "history":
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def template_resolver() -> Any:
    scenario = load_scenario(TEMPLATE).scenario
    return make_resolver(scenario, collect_flags(scenario))


def check_block(block: Block, after: Block | None) -> list[str]:
    """Run one block's check; return what it gives (for printing). Fails with assert."""
    assert block.lang == "yaml", f"{block.where}: a check marker must come before a ```yaml block"
    kind = block.kind
    assert kind in KINDS, f"{block.where}: unknown check '{kind}' (the kinds are {sorted(KINDS)})"
    if kind == "scenario":
        try:
            loaded = load_text(block.text)
        except ScenarioError as exc:
            raise AssertionError(f"{block.where}: the example does not load:\n{exc}") from None
        return [w.format() for w in loaded.warnings]
    if kind == "translation":
        got = translation_messages(block.text)
        if "messages" in block.marker.split():
            assert got == expected_lines(after, block), (block.where, got)
        else:
            assert not any(": error: " in line for line in got), (block.where, got)
        return got
    if kind == "messages":
        got = messages_of(block.text)
        assert got == expected_lines(after, block), (block.where, got)
        return got
    if kind == "mistake":
        got = messages_of(splice(block.text, base_scenario()))
        assert got == expected_lines(after, block), (block.where, got)
        size = len(block.text.splitlines())
        for line in got:
            number = int(line.split(":")[1])
            assert 1 <= number <= size, f"{block.where}: '{line}' points outside the example"
        return got
    data, _, _ = read_yaml(block.text.encode("utf-8"), EXAMPLE_FILE)
    if kind == "sections":
        assert isinstance(data, dict), block.where
        fields = {k: (Scenario.model_fields[k].annotation, Scenario.model_fields[k])
                  for k in data}
        part = create_model("Part", __config__=ConfigDict(strict=True, extra="forbid"),
                            **fields)  # type: ignore[call-overload]
        part.model_validate(data)
        return []
    if kind == "expressions":
        assert isinstance(data, list), f"{block.where}: an expressions block is a list"
        resolve = template_resolver()
        for text in data:
            assert isinstance(text, str), f"{block.where}: {text!r} must be text"
            expr.compile_node(expr.parse(text), resolve)
        return []
    if kind == "choices":
        from game.reports.policy_file import load_policy_file

        rules = load_scenario(ROAD_TO_WAR).rules
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "choices.yaml"
            path.write_text(block.text, encoding="utf-8")
            load_policy_file(path, rules)
        return []
    model = MODELS[kind]
    items = data if isinstance(data, list) else [data]
    assert items, block.where
    for item in items:
        strict_validate(model, item)
    return []


CHECKED = checked_blocks()


@pytest.mark.parametrize("block, after", CHECKED, ids=[f"line{b.line}-{b.kind}" for b, _ in CHECKED])
def test_each_example_of_the_guide_does_what_the_guide_says(block: Block,
                                                           after: Block | None) -> None:
    check_block(block, after)


def test_every_yaml_block_of_the_guide_is_checked() -> None:
    unmarked = [b.where for b in guide_blocks() if b.lang == "yaml" and not b.marker]
    assert not unmarked, f"yaml blocks without a <!-- check: ... --> marker: {unmarked}"
    assert len(CHECKED) >= 30
    kinds = {b.kind for b, _ in CHECKED}
    assert {"scenario", "messages", "mistake", "event", "action", "effect",
            "expressions"} <= kinds


def test_the_guide_names_every_field_of_every_section() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    missing = []
    for model in (Scenario, *MODELS.values()):
        for name, info in model.model_fields.items():
            key = info.alias or name
            if f"`{key}`" not in text:
                missing.append(f"{model.__name__}.{key}")
    assert not missing, f"fields the guide does not describe: {missing}"


def test_the_guide_names_every_kind_of_name_and_function() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for form in ("relation.NATION", "treaty.NATION.KIND", "treaties.KIND", "flag.NAME",
                 "took.ACTION", "fired.EVENT", "chose.EVENT.CHOICE", "policy.POLICY.OPTION",
                 "status.NATION.STATUS", "outcome.EVENT.OUTCOME", "`year`", "`month`",
                 "`turn`"):
        assert form in text, form
    for function in expr.FUNCTIONS:
        assert f"`{function}(" in text, function
    for op in ("==", "!=", "<=", ">=", "and", "or", "not"):
        assert f"`{op}`" in text, op


def test_the_splice_keeps_the_pieces_own_line_numbers() -> None:
    base = "format: 1\naims:\n  - id: a\nendings:\n  - id: e\n"
    out = splice("aims:\n  - id: b\n", base)
    assert out.splitlines()[:2] == ["aims:", "  - id: b"]
    assert "  - id: a" not in out and "endings:" in out


# -- the template and the road to war -----------------------------------------------------------


def keys_used(data: Any) -> set[str]:
    out: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            out.update(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out


@pytest.mark.parametrize("path", [TEMPLATE, ROAD_TO_WAR], ids=lambda p: p.stem)
def test_bundled_example_scenarios_load_cleanly_with_what_the_guide_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    loaded = load_scenario(path)
    assert not loaded.warnings, [w.format() for w in loaded.warnings]
    data, _, _ = read_yaml(text.encode("utf-8"), path.name)
    guide = GUIDE.read_text(encoding="utf-8")
    # A path step's policies are written policy id: option id; those keys are ids, not fields.
    ids = {p.id for p in loaded.scenario.policies}
    undocumented = sorted(k for k in keys_used(data) - ids if f"`{k}`" not in guide)
    assert not undocumented, f"{path.name} uses fields the guide does not document: {undocumented}"
    assert path.name in guide


def test_the_template_is_small_and_complete() -> None:
    s = load_scenario(TEMPLATE).scenario
    assert len(s.aims) == 3 and 3 <= len(s.nations) <= 4 and len(s.actions) == 4
    assert len(s.events) == 4 and any(e.choices for e in s.events)
    assert len(s.endings) == 3 and s.historical_path and s.figures and s.sources
    # It shows the living world briefly: each new part of the format once.
    assert len(s.policies) == 1 and any(st.policies for st in s.historical_path)
    assert any(t.war for t in s.treaty_kinds) and any(t.binding for t in s.treaty_kinds)
    power = next(n for n in s.nations if n.views)
    assert power.wants and power.relation_per_turn and power.relation_reason
    events = s.events
    assert any(e.by and e.kind for e in events) and any(e.variants for e in events)
    assert any(isinstance(e.chance, str) and not e.happened for e in events)
    assert any(e.date and e.date.count("-") == 2 for e in events)
    assert any(c.outcomes for e in events for c in e.choices)
    assert any(e.causes for e in s.endings)
    text = TEMPLATE.read_text(encoding="utf-8")
    assert "{status: " in text and "outcome." in text and "policy." in text
    comments = sum(1 for line in TEMPLATE.read_text(encoding="utf-8").splitlines()
                   if line.lstrip().startswith("#") or " # " in line)
    assert comments >= 40, "the template is meant to be heavily commented"


@pytest.fixture(scope="module")
def road() -> Any:
    return load_scenario(ROAD_TO_WAR).rules


def test_road_to_war_has_the_size_the_brief_asks_for(road: Any) -> None:
    s = road.scenario
    assert (s.calendar.start, s.calendar.end, s.calendar.months_per_turn) == ("1938-09", "1941-06", 1)
    assert len(s.nations) >= 10 and len(s.actions) >= 12 and len(s.events) >= 18
    assert len(s.endings) >= 3 and sum(1 for e in s.events if e.choices) >= 5
    assert len(s.readings) >= 2 and all(len(r.historians) >= 2 for r in s.readings)
    assert {f.aim for f in s.figures} >= {"strength", "recognition"} and s.sources
    for item in [*s.actions, *s.events]:
        assert item.history is not None, item.id
        assert "verdict" in item.history.model_fields_set, item.id
        assert item.history.source.strip(), item.id


def test_road_to_war_history_reaches_the_historical_ending(road: Any) -> None:
    hist = historical_game(road)
    assert road.endings[hist.ending_index].id == "survives_at_great_cost"
    assert [c for c in hist.choices if c >= 0], "the historical path answers its events"


def test_road_to_war_random_and_passive_play_score_below_history(road: Any) -> None:
    hist = overall_score(historical_game(road))
    passive = overall_score(play_game(road, POLICIES["passive"], seed=0))
    randoms = [overall_score(play_game(road, POLICIES["random"], seed=s)) for s in range(200)]
    assert passive < hist
    assert statistics.mean(randoms) < hist - 3


def _historical_actions(rules: Any) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for step in rules.scenario.historical_path:
        out.setdefault(rules.turn_of_month(step.date), []).extend(step.actions)
    return out


def test_road_to_war_choices_lead_to_different_endings(road: Any) -> None:
    actions = _historical_actions(road)
    # (plan, seed, ending): the alliance is a gamble now, so a plan names the seed it is
    # played with; history's own answers give history's ending on every seed.
    plans = [
        ({}, 0, "survives_at_great_cost"),
        ({"august_1939": "alliance_with_west"}, 8, "alliance_war"),
        ({"august_1939": "alliance_with_west", "hitler_weighs": "mobilise_on_the_border"}, 8,
         "hitler_deterred"),
        ({"khalkhin_gol": "seek_ceasefire", "matsuoka_in_moscow": "no_pact"}, 0, "two_fronts"),
        ({"molotov_in_berlin": "join_the_pact"}, 0, "no_invasion"),
        ({"purge_review": "keep_vigilance", "winter_war_lessons": "blame_commanders",
          "trade_delegation": "ship_little"}, 2, "collapse"),
    ]
    for plan, seed, ending in plans:
        state = play_game(road, choices_policy(plan, actions, follow_history=True), seed=seed)
        assert road.endings[state.ending_index].id == ending, plan
    alone = play_game(road, POLICIES["passive"], seed=0)
    assert road.endings[alone.ending_index].id == "alone"


def test_road_to_war_deliveries_and_finland_choices_change_the_aims(road: Any) -> None:
    actions = _historical_actions(road)
    hist = play_game(road, choices_policy({}, actions), seed=0)
    for plan in ({"trade_delegation": "ship_little"}, {"finnish_talks": "keep_talking"},
                 {"january_1941_agreement": "slow_deliveries"}):
        other = play_game(road, choices_policy(plan, actions), seed=0)
        assert other.aims != hist.aims, plan


def test_road_to_war_random_games_reach_every_ending(road: Any) -> None:
    endings = {play_game(road, POLICIES["random"], seed=s).ending_index for s in range(300)}
    assert endings == set(range(len(road.endings)))


def test_a_choice_is_seen_by_later_turns_events_and_this_turns_actions_only() -> None:
    # Section 7 of the guide: conditions of events are checked before the turn's choices.
    piece = """events:
  - id: offer
    title: An offer
    text: Choose.
    date: "1938-11"
    choices:
      - id: accept
        label: Accept
        stance: security_seeking
      - id: decline
        label: Decline
        stance: security_seeking
    historical_choice: accept
  - id: same_turn
    title: Same turn
    text: Too early to see the choice.
    date: "1938-11"
    when: chose.offer.accept
  - id: next_turn
    title: Next turn
    text: Sees the choice.
    date: "1938-12"
    when: chose.offer.accept
actions:
  - id: follow_up
    name: Follow up
    description: Possible as soon as the offer is accepted.
    stance: security_seeking
    available: chose.offer.accept
    effects:
      - {aim: security, add: 1}
"""
    rules = load_text(splice(piece, base_scenario())).rules
    state = apply_action(new_game(rules, 0), parse_move("end"))
    assert state.pending_event == "offer"
    state = apply_action(state, parse_move("choose offer accept"))
    state = apply_action(state, parse_move("take follow_up"))
    state = apply_action(state, parse_move("end"))
    fired = {e.id for e in rules.events if state.fired >> e.index & 1}
    assert fired == {"offer", "next_turn"}


# -- printing what the blocks give, to update the guide ---------------------------------------


def main() -> int:
    """Print, for every checked block, whether it passes and the messages it really gives."""
    for block, after in CHECKED:
        try:
            check_block(block, after)
            status = "ok"
        except Exception as exc:  # noqa: BLE001 - shown to the writer, not raised
            status = f"FAILS: {type(exc).__name__}: {exc}"
        print(f"{block.where} [{block.marker}] {status}")
        if block.kind in ("messages", "mistake"):
            text = block.text if block.kind == "messages" else splice(block.text, base_scenario())
            for line in messages_of(text):
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def test_the_guide_lists_every_effect_kind_of_the_registry_in_its_order() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("### 5.9 Effects"):text.index("### 5.10")]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`{" in line]
    keys = [re.search(r"`\{(\w+):", row).group(1) for row in rows]  # type: ignore[union-attr]
    assert list(dict.fromkeys(keys)) == [k.key for k in EFFECT_KINDS]
    for kind in EFFECT_KINDS:
        for name, info in kind.model.model_fields.items():
            assert any(f"{info.alias or name}:" in row for row in rows), (kind.key, name)
