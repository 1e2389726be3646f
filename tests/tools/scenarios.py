"""Scenario files made for the tool tests: the mini scenario, cleaned up or broken on purpose."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from game.scenario.yamlsafe import read_yaml_file
from tests.conftest import MINI

Data = dict[str, Any]


def note(text: str = "What happened.", verdict: str = "success") -> Data:
    return {"date": "1930", "text": text, "verdict": verdict, "source": "history.md"}


def mini_data() -> Data:
    data, _, _ = read_yaml_file(MINI)
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def clean_data() -> Data:
    """The mini scenario with every history note and a figure that follows its aim."""
    data = mini_data()
    for item in data["actions"] + data["events"]:
        item.setdefault("history", note(f"About {item['id']}."))
    data["figures"] = [{"id": "army", "name": "Army size", "unit": "men", "aim": "security",
                        "source": "test", "values": [{"year": 1930, "value": 1},
                                                     {"year": 1931, "value": 2}]}]
    return data


def write(tmp_path: Path, data: Data, name: str = "scenario.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def variant(tmp_path: Path, change: Callable[[Data], object], name: str = "scenario.yaml") -> Path:
    """Write the clean scenario with ``change`` applied to its data."""
    data = clean_data()
    change(data)
    return write(tmp_path, data, name)


def find(data: Data, section: str, ident: str) -> Data:
    item = next(x for x in data[section] if x["id"] == ident)
    assert isinstance(item, dict)
    return item
