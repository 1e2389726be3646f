"""`simulate`: the spread of outcomes, determinism, processes, files of choices, saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.core.engine import replay
from game.reports.outcomes import (
    RunSpec,
    percentile_of,
    quantile,
    run_games,
    summarize_outcomes,
)
from game.saves import read_save_data, replay_save
from game.scenario.loader import load_scenario
from tests.conftest import MINI


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return load_scenario(MINI).rules


def simulate_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["simulate", "--scenario", str(MINI), "--json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def test_same_seed_same_numbers_twice(capsys: pytest.CaptureFixture[str]) -> None:
    first = simulate_json(capsys, "--runs", "60", "--seed", "7")
    second = simulate_json(capsys, "--runs", "60", "--seed", "7")
    assert first == second
    other = simulate_json(capsys, "--runs", "60", "--seed", "8")
    assert other["games"] != first["games"]


def test_the_json_keeps_each_games_fields_and_adds_the_summary(
        capsys: pytest.CaptureFixture[str]) -> None:
    data = simulate_json(capsys, "--runs", "5", "--policy", "history")
    games = data["games"]
    assert isinstance(games, list) and len(games) == 5
    for g in games:
        assert set(g) >= {"seed", "ending", "final", "vs_history", "score"}
        assert all(v == 0 for v in g["vs_history"].values())
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert {a["id"]: a["history_percentile"] for a in summary["aims"]} == \
        {"security": 50.0, "recognition": 50.0}
    assert [e["games"] for e in summary["endings"] if e["historical"]] == [5]


def test_more_processes_give_the_same_games(rules) -> None:  # type: ignore[no-untyped-def]
    spec = RunSpec(str(MINI), "random")
    one = run_games(rules, spec, 90, seed=3, jobs=1)
    two = run_games(rules, spec, 90, seed=3, jobs=2)
    assert one == two
    assert [r.seed for r in one] == list(range(3, 93))
    assert summarize_outcomes(rules, one) == summarize_outcomes(rules, two)


def test_the_spread_and_the_decisions_that_moved_the_score(rules) -> None:  # type: ignore[no-untyped-def]
    records = run_games(rules, RunSpec(str(MINI), "random"), 400)
    out = summarize_outcomes(rules, records)
    assert out.games == 400
    assert sum(e.games for e in out.endings) == 400
    assert [e.id for e in out.endings if e.historical] == ["safe"]
    for s in (*out.aims, out.score):
        assert s.min <= s.p10 <= s.median <= s.p90 <= s.max
        assert 0 <= s.history_percentile <= 100
    assert out.influences, "random games differ in their decisions"
    top = out.influences[0]
    assert top.made + top.not_made == 400
    assert abs(top.difference) == max(abs(i.difference) for i in out.influences)
    # Two choices that split the games say the same thing: only one is listed.
    assert len([i for i in out.influences if i.id.startswith("crisis.")]) <= 1


def test_quantiles_and_percentiles() -> None:
    values = [1.0, 2.0, 3.0, 4.0]
    assert quantile(values, 0) == 1 and quantile(values, 1) == 4 and quantile(values, 0.5) == 2.5
    assert percentile_of(values, 2.0) == 37.5
    assert percentile_of(values, 9.0) == 100.0


def test_text_output_shows_the_spread_and_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(MINI), "--runs", "200"]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "Mini test scenario: 200 games, policy 'random', seeds 0-199" in out
    assert "<- history" in out and "percentile" in out and "Decisions that moved" in out
    assert "seed 0:" not in out, "no per-game lines for many games"
    assert captured.err == "", "no progress bar when stderr is not a terminal"


def test_progress_bar_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(MINI), "--runs", "30", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "30/30 games" in err and "[" + "#" * 30 + "]" in err


def test_a_file_of_choices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "defiant.yaml"
    plan.write_text('choices:\n  crisis: defy\nactions:\n  "1930-01": [propaganda]\n',
                    encoding="utf-8")
    data = simulate_json(capsys, "--policy", str(plan), "--runs", "3")
    assert data["policy"] == "defiant"
    as_json = tmp_path / "defiant.json"
    as_json.write_text('{"crisis": "defy"}', encoding="utf-8")
    assert simulate_json(capsys, "--policy", str(as_json), "--runs", "3")["games"] != \
        simulate_json(capsys, "--policy", "history", "--runs", "3")["games"]


def test_a_file_of_choices_changes_history_and_keeps_the_rest(
        tmp_path: Path, rules) -> None:  # type: ignore[no-untyped-def]
    from game.core.policies import historical_game, play_game
    from game.reports.policy_file import load_policy_file

    def plan_game(text: str):  # type: ignore[no-untyped-def]
        path = tmp_path / "plan.yaml"
        path.write_text(text, encoding="utf-8")
        return play_game(rules, load_policy_file(path, rules).policy(), seed=0)

    hist = historical_game(rules)
    same = plan_game("choices: {}\n")
    assert same.moves == hist.moves, "an empty plan is the historical path"
    defiant = plan_game("choices:\n  crisis: defy\n")
    assert defiant.took == hist.took and defiant.choices != hist.choices
    skipped = plan_game("skip: [late_move]\n")
    assert "take late_move" not in skipped.moves and "take pact_finland" in skipped.moves
    alone = plan_game('follow_history: false\nactions:\n  "1930-04": [pact_finland]\n')
    assert [m for m in alone.moves if m.startswith("take")] == ["take pact_finland"]


def test_a_file_of_choices_with_mistakes(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text('choices:\n  crises: defy\n  crisis: defie\nactions:\n  "1950-01": [x]\n'
                    '  "1930-04": [pact_finlande]\nextra: 1\nskip: [late_mov]\n'
                    'follow_history: yes\n', encoding="utf-8")
    assert main(["simulate", "--scenario", str(MINI), "--policy", str(plan)]) == 1
    err = capsys.readouterr().err
    assert f"{plan}:2:3: error: no event with choices called 'crises' in this scenario " \
           "(did you mean 'crisis'?)" in err
    assert f"{plan}:3:11: error: 'defie' is not a choice of 'crisis' (did you mean 'defy'?)" \
        in err
    assert "1950-01 is outside the calendar (1930-01 to 1931-10)" in err
    assert "no action called 'pact_finlande' in this scenario (did you mean 'pact_finland'?)" \
        in err
    assert f"{plan}:7:1: error: unknown section 'extra'" in err
    assert f"{plan}:8:8: error: no action called 'late_mov' in this scenario (did you mean " \
           "'late_move'?)" in err
    assert f"{plan}:9:17: error: 'follow_history' must be true or false" in err
    assert "the file of choices has 7 problem(s)" in err


def test_an_unknown_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--scenario", str(MINI), "--policy", "grredy"]) == 1
    assert "'grredy' is neither a policy (greedy, history, passive, random) nor a file" in \
        capsys.readouterr().err


def test_saves_that_replay_to_the_same_games(tmp_path: Path, rules,  # type: ignore[no-untyped-def]
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "class"
    data = simulate_json(capsys, "--runs", "4", "--jobs", "2", "--saves", str(folder))
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == [f"game-0000{i}-random.json" for i in range(4)]
    for f, game in zip(files, data["games"], strict=True):  # type: ignore[arg-type]
        save = read_save_data(f)
        assert save.player == f"random #{game['seed']}"
        assert Path(save.scenario_file) == MINI.resolve()
        state = replay_save(save, rules, str(f)).state
        assert state == replay(rules, save.seed, save.moves)
        assert rules.endings[state.ending_index].id == game["ending"]


def test_saves_to_a_folder_that_cannot_be_made(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["simulate", "--scenario", str(MINI), "--saves", str(blocker / "d")]) == 1
    assert "cannot make the folder for saves" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--runs", "0"], "argument --runs: 0 is out of range: use 1 to"),
    (["--runs", "abc"], "argument --runs: 'abc' is not a whole number"),
    (["--runs", "9" * 5000], "argument --runs: '999"),
    (["--jobs", "0"], "argument --jobs: 0 is out of range: use 1 to"),
    (["--jobs", "100000"], "argument --jobs: 100,000 is out of range"),
    (["--seed", "-1"], "argument --seed: -1 is out of range"),
    (["--seed", "1" * 5000], "argument --seed: '111"),
    (["--seed", "\x1b[2J"], "argument --seed: '\\x1b[2J' is not a whole number"),
])
def test_bad_numbers(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["simulate", "--scenario", str(MINI), *args])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage:") and message in err and "Traceback" not in err
    assert "\x1b[" not in err.replace("\\x1b", "")


LIVING = Path(__file__).parent.parent / "data" / "living.yaml"


def test_a_file_of_choices_sets_standing_policies_and_history_leaves_them(
        tmp_path: Path) -> None:
    from game.core.policies import play_game
    from game.reports.policy_file import PolicyFileError, load_policy_file

    rules = load_scenario(LIVING).rules
    path = tmp_path / "plan.yaml"
    path.write_text('policies:\n  "1938-07": {effort: army_first}\n', encoding="utf-8")
    state = play_game(rules, load_policy_file(path, rules).policy(), seed=0)
    # History sets the army first in January 1938; a file that sets the policy itself is
    # followed, and history never changes a policy the file names.
    assert state.moves.count("policy effort army_first") == 1
    assert state.moves.index("policy effort army_first") > state.moves.index("end")
    path.write_text("choices: {alliance_offer: wait}\n", encoding="utf-8")
    plain = play_game(rules, load_policy_file(path, rules).policy(), seed=0)
    assert plain.moves[0] == "policy effort army_first"  # history's, on the first turn
    path.write_text('policies:\n  "1938-04": {efort: balanced, effort: navy}\n  "1950-01": {}\n',
                    encoding="utf-8")
    with pytest.raises(PolicyFileError) as caught:
        load_policy_file(path, rules)
    words = [p.message for p in caught.value.problems]
    assert any("'efort'" in w for w in words)
    assert any("'navy' is not an option of 'effort'" in w for w in words)
    assert any("outside the calendar" in w for w in words)
