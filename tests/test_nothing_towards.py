"""With a nation chosen and no action listed, the actions panel says why (play-test: it said
only "No action towards this nation now."): no action of the scenario is aimed at the nation
or affects it; or none is aimed at it alone, and then which open actions (in the list of all
actions) affect it, or why they are closed and when the next opens; or every action aimed at
it is closed, why, and when the next opens."""

from __future__ import annotations

from game import i18n
from game.core.engine import EndTurn, TakeAction, apply_action, new_game
from game.core.refusals import Reason, Refusal
from game.present.refusals import actions_towards, nothing_towards
from game.scenario.loader import load_scenario
from tests.conftest import MINI, ROOT, played_to

ROAD = ROOT / "scenarios" / "road_to_war_1938_1941.yaml"


def test_a_nation_no_action_concerns() -> None:
    st = played_to(ROAD, "1938-09")
    mongolia = st.rules.nation_index["mongolia"]
    assert actions_towards(st, mongolia) == ([], False)
    assert nothing_towards(st, mongolia) == [
        "No action in this scenario is aimed at Mongolia or affects it."]


def test_actions_that_affect_a_nation_are_named_or_their_refusal_told() -> None:
    st = played_to(ROAD, "1938-09")
    poland = st.rules.nation_index["poland"]
    indices, aimed = actions_towards(st, poland)
    assert not aimed and [st.rules.actions[i].id for i in indices] == [
        "rearm", "invade_eastern_poland"]
    assert nothing_towards(st, poland) == [
        "No action is aimed at Poland alone, so none is listed here.",
        "None of the 2 actions that affect it is open now (\u201cPass the law on universal "
        "military service\u201d: not yet possible at this date).",
        "The next of them opens in Jan 1939."]
    st = played_to(ROAD, "1939-09")
    assert nothing_towards(st, poland)[1] == (
        "Open now in the list of all actions, and affecting it: \u201cPass the law on "
        "universal military service\u201d, \u201cEnter eastern Poland\u201d.")


def test_actions_closed_for_good_are_told_so() -> None:
    st = played_to(ROAD, "1939-11")
    assert nothing_towards(st, st.rules.nation_index["poland"])[1:] == [
        "None of the 2 actions that affect it can be taken any more: each is done or its time "
        "has passed."]


def test_a_refusal_that_may_pass_is_told_before_one_that_stays() -> None:
    # Germany, October 1939: the triple alliance was proposed long ago (already done); the
    # first action that may still open is told.
    st = played_to(ROAD, "1939-10")
    germany = st.rules.nation_index["germany"]
    lines = nothing_towards(st, germany)
    assert "already done" not in lines[1], lines
    assert lines[2] == "The next 2 of them open in Jun 1940."


def test_actions_aimed_at_a_nation_say_why_they_are_closed() -> None:
    rules = load_scenario(MINI).rules
    finland = rules.nation_index["finland"]
    st = new_game(rules, 0)
    assert actions_towards(st, finland) == ([0], True)
    assert nothing_towards(st, finland) == [
        "The only action towards it, \u201cPact with Finland\u201d, is not open now: not yet "
        "possible at this date.", "The next of them opens in Apr 1930."]
    st = apply_action(st, EndTurn())
    assert nothing_towards(st, finland) == []  # open: the screen lists it
    st = apply_action(st, TakeAction("pact_finland"))
    assert nothing_towards(st, finland) == [
        "The only action towards it, \u201cPact with Finland\u201d, is not open now: already "
        "done."]


def test_a_scenarios_own_reason_is_one_sentence() -> None:
    rules = load_scenario(MINI).rules
    st = new_game(rules, 0)
    germany = rules.nation_index["germany"]
    told = nothing_towards(st, germany, lambda i: None)
    assert told[1].startswith("Open now in the list of all actions, and affecting it: "
                              "\u201cWoo Germany\u201d")
    refusal = Refusal(Reason.CONDITIONS_NOT_MET, scenario_text="Germany is cold.")
    assert nothing_towards(st, germany, lambda i: refusal)[1] == (
        "The only action that affects it, \u201cWoo Germany\u201d, is not open now: Germany "
        "is cold.")


def test_the_sentences_are_german() -> None:
    try:
        i18n.set_language("de")
        st = played_to(ROAD, "1938-09")
        at = st.rules.nation_index
        poland, mongolia = nothing_towards(st, at["poland"]), nothing_towards(st, at["mongolia"])
    finally:
        i18n.set_language("en")
    assert mongolia == ["Mongolei: Keine Aktion dieses Szenarios richtet sich an diesen Staat "
                        "oder wirkt sich auf ihn aus."]
    assert poland[0] == ("Polen: Keine Aktion richtet sich an diesen Staat allein, darum steht "
                         "hier keine.")
    assert poland[1].startswith("Keine der 2 Aktionen, die diesen Staat betreffen, ist jetzt "
                                "möglich („")
    assert poland[2] == "Die nächste davon ist ab Jan. 1939 möglich."
