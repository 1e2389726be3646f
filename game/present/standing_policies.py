"""The standing policies in words: each policy, the option chosen now, and what each option
does at the end of every turn while it is chosen. Setting one is the move
``policy POLICY OPTION`` (free; its effects apply from the end of the turn)."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.effects import describe_ops
from game.core.engine import GameState
from game.i18n import _
from game.present.effects import effect_of
from game.present.text import one_line


@dataclass(frozen=True)
class OptionView:
    """One option of a policy as the panel shows it."""

    id: str
    name: str
    description: str
    effects: str
    """What it does at the end of every turn, in words ("Strength +0.6, Security -0.2"); ""
    for nothing."""
    good: int
    """+1 mostly good for the aims, -1 mostly bad, 0 mixed or none."""
    chosen: bool


@dataclass(frozen=True)
class PolicyView:
    """A standing policy as the panel shows it: its options, the chosen one marked."""

    id: str
    name: str
    description: str
    chosen: str
    """The id of the option chosen now."""
    options: tuple[OptionView, ...]

    @property
    def chosen_name(self) -> str:
        return next((o.name for o in self.options if o.chosen), self.chosen)


def policy_views(state: GameState) -> list[PolicyView]:
    """Every standing policy of the scenario, in its order, with the option chosen now."""
    rules = state.rules
    out = []
    for k, policy in enumerate(rules.scenario.policies):
        chosen = state.policy(policy.id)
        compiled = rules.policies[k]
        options = []
        for m, option in enumerate(policy.options):
            eff = effect_of(state, describe_ops(rules, compiled.per_turn[m]), exact=True)
            options.append(OptionView(option.id, one_line(option.name, 60), option.description,
                                      eff.text() if eff.parts else "", eff.good,
                                      option.id == chosen))
        out.append(PolicyView(policy.id, one_line(policy.name, 60), policy.description, chosen,
                              tuple(options)))
    return out


def per_turn_words(option: OptionView) -> str:
    """An option's effects as the panel says them: "each turn: Strength +0.6"."""
    if not option.effects:
        return _("each turn: no change of its own")
    return _("each turn: {effects}").format(effects=option.effects)


def policies_summary(views: list[PolicyView]) -> str:
    """The options chosen now, in a line ("Heavy industry first; Collective security")."""
    # TRANSLATORS: between the standing policies' options chosen now, in one line.
    return _("; ").join(v.chosen_name for v in views)


def set_policy_words(view: PolicyView, option: OptionView) -> str:
    """What the toast says when an option is set."""
    return _("{policy}: {option} from the end of this turn ({effects})").format(
        policy=view.name, option=option.name, effects=per_turn_words(option))
