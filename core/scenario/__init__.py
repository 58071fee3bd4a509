"""What-if scenarios: plan price changes and promotions, see what they do to sales and revenue.

`Scenario`/`PriceChange` describe the plan (`core.scenario.plan`), `what_if` applies it to a
finished run (`core.scenario.whatif`).
"""
from core.scenario.plan import METHODS, PriceChange, Scenario
from core.scenario.whatif import PlanningFacts, WhatIf, planning_facts, what_if

__all__ = ["METHODS", "PlanningFacts", "PriceChange", "Scenario", "WhatIf", "planning_facts",
           "what_if"]
