"""Reorder planning: what to order, how much and by when, from a forecast and the stock.

inputs (stock file, defaults, ABC classes) -> lead_time_demand (distribution of the sum over the
lead time, from backtest errors) -> policy (order-up-to arithmetic) -> exceptions, explain ->
plan.build_plan. The CLI is core.cli.reorder_cmd.
"""
from core.reorder.inputs import ReorderSettings, match_stock, read_stock_file, stock_from_sales
from core.reorder.plan import COLUMNS, ReorderPlan, build_plan, plan_for_run

__all__ = ["COLUMNS", "ReorderPlan", "ReorderSettings", "build_plan", "match_stock", "plan_for_run",
           "read_stock_file", "stock_from_sales"]
