"""What a student playtester found, fixed: the news card of each turn, choices that say what
they mean, Enter that cannot end a turn by accident, saving by keyboard, a final answer once
its history is read, the timeline, the numbers, and small laptop screens."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pygame
import pytest
import yaml

from game.paths import is_playable
from tests.ui.conftest import MINI, Driver

NOTE = {"date": "Jan 1930", "text": "The scare was real enough in Moscow.",
        "verdict": "failure", "reason": "The essay says the fear was wrong.",
        "correction": "The essay dates it to 1929; it was 1927.", "source": "A history book"}


def student_scenario(folder: Path) -> Path:
    """The mini scenario with a first-turn event that asks nothing (with a full history note),
    a lasting consequence on each choice, and an action that would spoil a relation another
    action needs."""
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["events"].insert(0, {"id": "scare", "title": "A war scare",
                              "text": "Moscow fears an attack from the west.",
                              "date": "1930-01", "history": NOTE})
    crisis = next(e for e in data["events"] if e["id"] == "crisis")
    crisis["choices"][0]["description"] = "Germany stays friendly for years to come."
    crisis["choices"][1]["description"] = "Germany will not forget this snub."
    crisis["history"] = dict(NOTE, text="The USSR yielded.")
    data["actions"].append({"id": "insult_germany", "name": "Insult Germany",
                            "description": "Words that are not forgotten.", "once": False,
                            "stance": "expansion",
                            "effects": [{"relation": "germany", "add": -15}]})
    data["treaty_kinds"].append({"id": "mutual_assistance", "name": "Mutual assistance",
                                 "binding": True})
    data["actions"].append({"id": "assist_germany", "name": "Assist Germany",
                            "description": "A treaty of mutual help.", "target": "germany",
                            "stance": "security",
                            "effects": [{"sign": "mutual_assistance", "with": "germany"}]})
    path = folder / "student.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def start(make_app, home: Path, **settings: object) -> Driver:
    d: Driver = make_app()
    d.app.settings.tutorial_done = True
    for k, v in settings.items():
        setattr(d.app.settings, k, v)
    assert d.app.new_game(student_scenario(home / "scenarios"))
    return d


def card_text(d: Driver) -> str:
    return "\n".join(t for t, _ in d.top.view.paragraphs)


def test_news_card_shows_the_events_text_and_its_history_note(make_app, home: Path) -> None:
    d = start(make_app, home)
    assert d.scene() == "NewsCardScene"
    text = card_text(d)
    for part in ("A war scare", "Moscow fears an attack", "What really happened", NOTE["text"],
                 "The essay's verdict: a failure", NOTE["reason"],
                 f"What the essay got wrong: {NOTE['correction']}", NOTE["source"]):
        assert part in text, part
    d.shot("student_news_card")
    d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"


@pytest.mark.parametrize("how", ["escape", "click"])
def test_news_card_closes_by_escape_or_click(make_app, home: Path, how: str) -> None:
    d = start(make_app, home)
    assert d.scene() == "NewsCardScene"
    if how == "escape":
        d.key(pygame.K_ESCAPE)
    else:
        d.click("continue")
    assert d.scene() == "GameScene"


def test_news_lines_open_the_card_by_keyboard_and_by_click(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    d.key(pygame.K_n)
    assert d.scene() == "NewsScene"
    for _ in range(5):  # down the lines to the war scare's
        d.key(pygame.K_DOWN)
        view = d.top.view
        if "A war scare" in view.paragraphs[view.selected][0]:
            break
    d.shot("student_news_selected")
    d.key(pygame.K_RETURN)
    assert d.scene() == "NewsCardScene"
    assert NOTE["correction"] in card_text(d)
    d.key(pygame.K_ESCAPE)
    assert d.scene() == "NewsScene"
    view = d.top.view
    line = next(n for n, (text, _) in enumerate(view.paragraphs) if "A war scare" in text)
    top, _ = view._spans[line]
    d.click_at((view.rect.x + 30, view.rect.y + top - view.offset + 4))
    assert d.scene() == "NewsCardScene"
    assert "A war scare" in card_text(d)


def test_choices_print_their_lasting_consequence_and_whole_effect(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    for _ in range(8):
        if d.scene() == "EventScene":
            break
        d.end_turn()
    assert d.scene() == "EventScene"
    shown = [text for _, _, text, _ in d.top.lines]
    assert "Germany stays friendly for years to come." in shown
    assert "Germany will not forget this snub." in shown
    assert any(t.startswith("» Now: ") and "Germany -40" in t for t in shown)
    assert not any(t.endswith("…") for t in shown)
    d.shot("student_event_choices")


def test_ending_a_turn_with_points_left_asks_first(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    turn = d.app.session.state.turn
    assert d.app.session.state.budget == 2
    d.key(pygame.K_RETURN)
    assert d.scene() == "MessageScene" and d.top.title == "End the turn?"
    assert any("2 action points" in line for line in d.top.lines)
    d.shot("student_end_turn_question")
    d.key(pygame.K_ESCAPE)
    assert d.scene() == "GameScene"
    assert d.app.session.state.turn == turn
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    assert d.app.session.state.turn == turn + 1


def test_no_question_when_nothing_is_left_to_spend(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    d.app.session.take("propaganda")  # costs both points
    d.top.rebuild()
    turn = d.app.session.state.turn
    d.key(pygame.K_RETURN)
    assert d.app.session.state.turn == turn + 1


def test_a_held_enter_does_not_repeat_into_the_next_screen(make_app, home: Path,
                                                           monkeypatch) -> None:
    from game.ui.app import App

    d = start(make_app, home)
    assert d.scene() == "NewsCardScene"
    down = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r",
                              scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
    monkeypatch.setattr(App, "_really_held", staticmethod(lambda key: True))
    d.step([down])  # closes the card; the key stays down
    assert d.scene() == "GameScene"
    d.step([down, down, down])  # the keyboard's auto-repeat
    assert d.scene() == "GameScene", "a repeat of the key that closed the card was taken"
    d.step([up, down])  # released and pressed again: a real press
    assert d.scene() == "MessageScene"


def test_save_name_is_focused_and_reached_by_tab(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    d.key(pygame.K_ESCAPE)
    d.focus_and_press("save")
    assert d.scene() == "SavesScene"
    entry = d.top.entry
    assert entry.is_focused and d.top.focus_key == "entry"
    for _ in range(40):
        d.key(pygame.K_BACKSPACE)
    for ch in "Anna homework":
        d.step([pygame.event.Event(pygame.TEXTINPUT, text=ch)])
    assert entry.get_text() == "Anna homework"
    d.key(pygame.K_TAB)
    assert not entry.is_focused and d.top.focus_key == "save"
    for _ in range(20):
        d.key(pygame.K_TAB)
        if d.top.focus_key == "entry":
            break
    assert entry.is_focused, "Tab never came back to the name box"
    d.shot("student_save_name")
    d.key(pygame.K_RETURN)
    assert (home / "saves" / "Anna_homework.json").exists()


def answer_crisis(d: Driver, read_first: bool) -> None:
    d.settle()
    for _ in range(8):
        if d.scene() == "EventScene":
            break
        d.end_turn()
    assert d.scene() == "EventScene"
    if read_first:
        d.key(pygame.K_h)
    d.key(pygame.K_2)
    assert d.top.answered == 1


def test_an_answer_read_after_choosing_is_final(make_app, home: Path) -> None:
    d = start(make_app, home)
    answer_crisis(d, read_first=False)
    assert "undo" not in d.top.buttons
    moves = d.app.session.state.moves
    d.key(pygame.K_RETURN)
    assert d.scene() == "GameScene"
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    assert d.app.session.state.moves == moves
    assert d.scene() == "GameScene"


def test_an_answer_given_after_reading_history_can_be_changed(make_app, home: Path) -> None:
    d = start(make_app, home)
    answer_crisis(d, read_first=True)
    assert "undo" in d.top.buttons
    d.click("undo")
    assert d.top.answered is None


def test_the_map_behind_a_dialog_shows_the_new_turn(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    for _ in range(8):
        if d.scene() == "EventScene":
            break
        d.end_turn()
    assert d.scene() == "EventScene"
    from game.ui.game_screen import GameScene

    game = d.app.find(GameScene)
    assert game._layer is None or game.built_turn == d.app.session.state.turn
    assert game.built_turn == d.app.session.state.turn
    assert game.ghosts, "the map's buttons are not drawn under the dialog"


def test_the_guide_keeps_the_actions_visible(make_app, home: Path) -> None:
    d: Driver = make_app()
    d.app.new_game(student_scenario(home / "scenarios"))
    assert d.scene() == "TutorialScene"
    while d.top.step < 2:
        d.key(pygame.K_RETURN)
    from game.ui.game_screen import GameScene

    game = d.app.find(GameScene)
    labels = [label for rect, label, _, _ in game.ghosts if d.top.target().contains(rect)]
    assert any(label.startswith("1. ") for label in labels), labels
    d.shot("student_guide_actions")


def test_actions_warn_what_they_rule_out(make_app, home: Path) -> None:
    d = start(make_app, home)
    d.settle()
    st = d.app.session.state
    index = st.rules.action_index["insult_germany"]
    assert index in d.top.shown
    row = d.top.rows[d.top.shown.index(index)][1]
    assert any(t.startswith("Afterwards not possible") and "Woo Germany" in t for t, _ in row)
    assert any("Woo Germany" in t for t in d.top.tips[f"act:{index}"])
    woo = d.top.rows[d.top.shown.index(st.rules.action_index["woo_germany"])][1]
    assert not any(t.startswith("Afterwards") for t, _ in woo)


def test_aims_show_the_change_of_this_turn(make_app, home: Path) -> None:
    # Issue 12: the column counted from the start of the previous turn, so an action of +0.5
    # could show -0.4 in red. It counts this turn now; the last turn's drift is in the tooltip.
    from game.present.aims import (
        aim_at_start,
        aim_change,
        aim_last_drift,
        aim_last_turn_change,
        aim_why,
    )

    d = start(make_app, home)
    d.settle()
    d.app.session.take("propaganda")
    d.top.rebuild()
    st = d.app.session.state
    assert aim_change(st, 0) == pytest.approx(3.0)  # propaganda: security +3
    d.end_turn()
    st = d.app.session.state
    assert st.turn == 1
    for i in range(len(st.aims)):
        assert aim_change(st, i) == pytest.approx(st.aims[i] - aim_at_start(st, i, 1))
        assert aim_at_start(st, i, 0) == st.rules.aim_start[i]
    why = aim_why(st, 0)
    assert "this turn" in why[0]
    assert any(line.startswith("Last turn in all:") for line in why)
    assert any("drift" in line for line in why)
    drift = sum(delta for e in st.log() if e.kind == "drift" and e.turn == 0
                for what, i, delta in e.changes if what == "aim" and i == 0)
    assert aim_last_drift(st, 0) == pytest.approx(drift)
    assert aim_last_turn_change(st, 0) == pytest.approx(aim_at_start(st, 0, 1)
                                                        - st.rules.aim_start[0])


def test_history_line_reads_ahead_or_behind() -> None:
    from game.present.aims import versus_history

    assert versus_history(35.0, 34.1) == "you are 0.9 ahead"
    assert versus_history(33.0, 34.1) == "you are 1.1 behind"
    assert versus_history(34.1, 34.1) == "you are level"


def test_timeline_leaves_routine_actions_out_of_the_differences() -> None:
    from game.present.timeline import Decisions, TimelineRow

    def row(mine: Decisions, theirs: Decisions, **kw: dict[str, str]) -> TimelineRow:
        return TimelineRow(0, "Jan 1930", mine, theirs, **kw)

    routine = row(Decisions([], [], ["Push industry"]), Decisions([], [], ["Expand army"]))
    assert not routine.differs
    answer = row(Decisions(["Crisis: Defy"], [], []), Decisions(["Crisis: Yield"], [], []))
    assert answer.differs and answer.choice_differs
    shifted = row(Decisions([], ["Pact"], []), Decisions([], [], []),
                  mine_shifted={"Pact": "Apr 1930"})
    assert not shifted.differs
    skipped = row(Decisions([], [], []), Decisions([], ["Pact"], []))
    assert skipped.differs


def test_timeline_marks_a_different_answer(make_app, home: Path) -> None:
    d = start(make_app, home)
    answer_crisis(d, read_first=False)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_n)
    d.key(pygame.K_t)
    table = d.top.view
    texts = [cell if isinstance(cell, str) else " ".join(t for t, _ in cell)
             for cells, _ in table.rows for cell in cells]
    assert any("Defy" in t and "(a different answer)" in t for t in texts)
    d.shot("student_timeline")


def test_nation_shows_its_band_treaty_partner_and_latest_news(make_app, home: Path) -> None:
    from game.present.nations import nation_lines

    d = start(make_app, home)
    d.settle()
    d.app.session.take("assist_germany")
    d.top.rebuild()
    st = d.app.session.state
    germany = st.rules.nation_index["germany"]
    lines = nation_lines(st, germany)
    assert "friendly on the map" in lines[1]
    assert any(t.startswith("Bound to fight beside you: Mutual assistance") for t in lines)
    assert any(t.startswith("Latest news:") and "Assist Germany" in t for t in lines)
    styles = d.top.map.styles(st, "standard")
    assert getattr(styles["germany"], "marked", False)
    assert not getattr(styles["finland"], "marked", True)
    d.key(pygame.K_RIGHTBRACKET)
    d.key(pygame.K_RIGHTBRACKET)
    assert d.top.selected == germany
    d.shot("student_nation_panel")


def test_end_report_explains_score_and_stance_and_writes_dates_in_words(make_app,
                                                                       home: Path) -> None:
    import re

    d = start(make_app, home)
    for _ in range(80):
        if d.scene() == "ReportScene":
            break
        if d.go_on():
            continue
        if d.scene() == "EventScene":
            d.key(pygame.K_2 if d.top.answered is None else pygame.K_RETURN)
            continue
        if d.app.session.state.budget >= 2:
            d.app.session.take("propaganda")
            d.top.rebuild()
        d.end_turn()
    assert d.scene() == "ReportScene"
    report = d.top
    text = "\n".join(t for t, _ in report.summary_paragraphs())
    assert "How the score is made (0-100)" in text
    assert "Security counts 2 times" in text  # recognition weighs 0.5 in the mini scenario
    stance = report.summary.stance
    assert stance.verdict and stance.verdict in text
    for label, _ in stance.moved_by:
        assert label in text
    d.click("tab:decisions")
    cells = [c for cells, _ in report.view.rows for c in cells if isinstance(c, str)]
    assert not any(re.search(r"\b\d{4}-\d\d\b", c) for c in cells), cells
    assert any(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", c) for c in cells)
    for key, b in report.buttons.items():
        if key.startswith("tab:"):
            assert report.button_font("@primary").size(b.text)[0] <= b.rect.width, b.text


BUNDLED = sorted(p for p in (MINI.parents[2] / "scenarios").glob("*.yaml")
                 if is_playable(p))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
@pytest.mark.parametrize("size", [(800, 500), (1024, 600)], ids=["800x500", "1024x600"])
def test_small_windows_cut_no_text_and_keep_fonts_readable(make_app, home: Path, path: Path,
                                                           size: tuple[int, int]) -> None:
    """At the smallest window and a 1024x600 laptop, through some turns with their news
    cards and events, a nation's panel, the news, the timeline and the report: no text below
    12 px, and no text cut by more than a few characters (an action's effect and why it is
    not possible may be cut on their last line: the tooltip holds them whole)."""
    from game.ui import widgets
    from game.ui.end_report import ReportScene
    from game.ui.theme import MIN_FONT_PX, scaled_theme

    d: Driver = make_app(size=size)
    d.app.settings.tutorial_done = True
    assert d.app.new_game(path)
    cuts: list[tuple[str, str]] = []
    widgets.cut_log = cuts
    try:
        for _ in range(60):
            d.app.draw()
            if d.go_on():
                continue
            if d.scene() == "EventScene":
                d.key(pygame.K_1 if d.top.answered is None else pygame.K_RETURN)
                continue
            assert d.scene() == "GameScene"
            st = d.app.session.state
            if st.turn >= 6:
                break
            if st.turn == 2:
                for key in (pygame.K_RIGHTBRACKET, pygame.K_ESCAPE, pygame.K_n, pygame.K_t,
                            pygame.K_ESCAPE):
                    d.key(key)
                    d.app.draw()
            d.key(pygame.K_1)
            d.end_turn()
        d.shot(f"small_{path.stem}_{size[0]}x{size[1]}")
        d.app.push(ReportScene(d.app))
        for tab in ("summary", "charts", "decisions"):
            d.top.on_button(f"tab:{tab}")
            d.app.draw()
            for key, b in d.top.buttons.items():
                assert d.top.button_font("@primary").size(b.text)[0] <= b.rect.width, key
        d.shot(f"small_{path.stem}_{size[0]}x{size[1]}_report")
    finally:
        widgets.cut_log = None
    worst = [(len(full) - len(shown) + 1, full) for full, shown in cuts
             if not full.startswith(("» ", "× "))]
    assert max(worst, default=(0, ""))[0] <= 5, sorted(worst)[-3:]
    assert min(px for px, _ in d.app.fonts._cache) >= MIN_FONT_PX
    theme = scaled_theme(d.app.theme, d.app.scale)
    assert all(int(b["font"]["size"]) >= MIN_FONT_PX for b in theme.values()
               if isinstance(b, dict) and isinstance(b.get("font"), dict))
