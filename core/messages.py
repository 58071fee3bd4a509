"""The sentences the engine writes for people, as templates with named fields.

Core writes English (the CLI prints it, project files store it). A user interface in another
language looks the same templates up by id and formats its own translation with the same fields:

    text = render("fallback.not_fitted", model="Theta")   # "Theta could not be fitted"
    parse(text)  # [("fallback.not_fitted", {"model": "Theta"})]

A text is one or more clauses joined by "; " (a fallback reason, say, and what was used instead).
`parse` splits it into clauses and matches each against the templates, with patterns built from
the templates themselves, so there is no second copy of a sentence to keep in step. A clause no
template matches (an exception's message, text written by an older version) comes back with id
None and the clause as `text`, to be shown as it is. Field values are always strings, formatted
by the writer (numbers as "0.83" or "1,204").
"""
from __future__ import annotations

import functools
import re
import string

SEPARATOR = "; "

# id -> English template. Ids group by where the text appears; the order matters only where
# two templates could match the same clause (the first wins; tests check every id round-trips).
TEMPLATES: dict[str, str] = {
    # Why a product's model was chosen (core.selection.reason, core.pipeline._choices).
    "reason.no_backtest": "no backtest possible (history too short); seasonal naive used",
    "reason.settings": "chosen in the settings",
    # A product too young for one backtest window (core.models.statistical.new_product).
    "reason.too_little_history": "too little history: {length} of the {need} periods a "
                                 "backtest needs",
    "reason.new_product": "forecast as a new product (sales so far spread over its life and "
                          "the horizon)",
    "reason.new_product_capped": "held to {cap} a period, what the shop's top tenth of "
                                 "established products sell lately",
    # A young product forecast from the products with the most similar titles (core.text).
    "reason.cold_start": "forecast borrowed from the sales of the products with the most "
                         "similar titles: {neighbours}",
    "reason.pooled": "lowest MASE in backtest over {products} {pool} products "
                     "({best} vs {runner_up_score} for {runner_up})",
    "reason.pooled_alone": "lowest MASE in backtest over {products} {pool} products ({best})",
    "reason.single": "lowest MASE in backtest ({best} vs {runner_up_score} for {runner_up}, "
                     "{windows} windows)",
    "reason.single_one": "lowest MASE in backtest ({best} vs {runner_up_score} for "
                         "{runner_up}, 1 window)",
    "reason.single_alone": "lowest MASE in backtest ({best}, {windows} windows)",
    "reason.single_alone_one": "lowest MASE in backtest ({best}, 1 window)",
    "reason.own": "this product: {own} over {windows} windows",
    "reason.own_one": "this product: {own} over 1 window",
    # The bias guard refused the MASE winner (core.selection_guard).
    "reason.guard_refused": "{model_name} not chosen: it missed the pool's backtest total by "
                            "{missed} vs {reference_missed} for {reference}",
    # The chosen network forecast was anchored to recent sales (core.level_anchor).
    "reason.anchored": "{network}'s forecast scaled x{factor} so that, over the products "
                       "of its pool that sold about as much lately, it adds up to their sales of "
                       "the last {periods} periods",
    # Why a product's forecast fell back (core.evaluation.fitting, panel models).
    "fallback.short": "only {length} {unit} of history ({model} needs {need})",
    "fallback.not_fitted": "{model} could not be fitted",
    "fallback.seasonal_naive": "used the seasonal naive forecast",
    "fallback.needs": "needs {need} periods of history, has {length}",
    "fallback.no_numbers": "gave no usable numbers",
    "fallback.failed": "failed: {error}",
    "fallback.used": "used {model_name}",
    "fallback.member": "in {model_name}",
    "fallback.average_product": "no training window of its own ({length} of the {need} periods "
                                "one needs); forecast as the network's average product",
    # Settings a run cannot use (core.run_plan), shown beside their field and by the CLI.
    "plan.horizon_min": "the horizon must be at least 1 period (got {value})",
    "plan.windows_min": "the number of backtest windows must be 0 or more (got {value})",
    "plan.windows_backtest": "a backtest needs at least 1 window (got {value})",
    "plan.step_min": "the step between backtest windows must be at least 1 period (got {value})",
    "plan.season_min": "the season length must be at least 1 period (got {value}); leave it out "
                       "for the usual one",
    "plan.freq_unknown": "unknown frequency {value}; use D, W or M",
    "plan.levels_range": "interval levels must be between 1 and 99 (got {value})",
    "plan.jobs_min": "the number of worker processes must be at least 1 (got {value})",
    "plan.no_models": "pick at least one model, or auto",
    "plan.model_unknown": "unknown model {model}; available: {available}",
    "plan.param_unknown": "{model} has no setting {param}",
    "plan.param_range": "{model}'s {param} must be between {minimum} and {maximum} (got {value})",
    "plan.no_data": "the data has no products to forecast",
    "plan.horizon_long": "a horizon of {horizon} periods leaves no history to test a model on: "
                         "that needs {need} periods, the longest product has {history}; "
                         "shorten the horizon to at most {most}",
    "plan.windows_long": "{windows} backtest window(s) of {horizon} periods need {need} periods "
                         "of history, the longest product has {history}; use at most {most} "
                         "window(s) or a shorter horizon",
    "plan.season_long": "a season of {season} periods needs {need} periods of history to be seen "
                        "twice, the longest product has {history}; use a shorter season or the "
                        "usual one",
    "plan.lookback_long": "{model} reads {lookback} past periods, more than the longest "
                          "product's {history}; lower its lookback, or 0 for the usual one",
    # Notes on a whole run (core.pipeline._notes).
    "note.window_skipped": "backtest window {window}: {products} products too short, left out",
    "note.pooled": "each product's model is chosen by MASE pooled over products of the same "
                   "demand class, on earlier backtest windows only ({warmup} extra window(s) "
                   "before the reported ones)",
    "note.fallbacks": "{products} products needed a fallback for at least one candidate",
    "note.cold_start": "{products} products too young to backtest are forecast from the "
                       "products with the most similar titles ({encoder})",
    "note.cold_start_untitled": "{products} products too young to backtest have no title and "
                                "keep the new-product rate",
    "note.cold_start_no_titles": "the data have no product titles, so {products} products too "
                                 "young to backtest keep the new-product rate",
    "note.cold_start_off": "cold start from titles is off: {products} products too young to "
                           "backtest keep the new-product rate",
    "note.intervals_calibrated": "prediction intervals calibrated on {residuals} backtest "
                                 "errors per model, demand class and horizon step (each "
                                 "backtest window only on earlier ones)",
    "note.intervals_own": "prediction intervals of {models} are the model's own: fewer than "
                          "{need} backtest errors to calibrate them",
    # The import summary (core.data.types.Summary).
    "summary.shape": "{products} products, {span}, frequency {freq}, {periods} periods",
    "summary.rows": "{rows} rows read, total quantity {total}, {zero_share} of periods without "
                    "sales",
    "summary.gaps": "{gaps} missing product-periods filled with 0 sales",
    "summary.dropped": "rows removed by rule '{rule}': {amount}",
    # Where each product's series ends (core.data.series_end; --series-end overrides it).
    "summary.end_own": "each product ends at its own last row ({products} end before {end}); "
                       "periods after it are not recorded, not sales of 0",
    "summary.end_shared": "every product runs to the last period ({end}); periods without a row "
                          "count as 0 sales",
    "summary.end_why_orders": "rule for order lines: a period without an order line sold nothing",
    "summary.end_why_zeros": "rule for tables that record 0 sales: a product without rows was "
                             "no longer recorded",
    "summary.end_why_dense": "rule for tables with a row for nearly every period: a product "
                             "whose rows stop was no longer recorded",
    "summary.end_why_sparse": "rule for tables that list only periods with sales: a missing "
                              "period sold nothing",
    "summary.end_why_chosen": "series end chosen in the import settings",
    # The shop total when products' forecasts start on different dates (core.run_views).
    "total.starts_differ": "forecasts start between {first} and {last} (the products' series "
                           "end on different dates), so each date adds up only the products "
                           "forecast at it",
    "summary.units_removed": "units of sales removed by rule '{rule}': {amount}",
    "summary.ids_cleaned": "{ids} product code spellings had invisible characters or "
                           "surrounding spaces removed",
    "summary.ids_merged": "product codes that became one after that: {codes}",
    # The shop's country for the models' holidays (core.data.country).
    "summary.country": "holidays of {code} by default: {country} bought {share} of the units "
                       "(column '{column}')",
    "summary.country_mixed": "no default for holidays: the largest country, {country}, bought "
                             "only {share} of the units (column '{column}'; a default needs "
                             "over {needed})",
    "summary.country_no_holidays": "no default for holidays: {country} bought {share} of the "
                                   "units (column '{column}'), but has no public holidays known",
    # Progress messages (training log and import progress).
    "progress.window": "window {window} of {windows}",
    "progress.part": "fitted part {part} of {parts}",
    "progress.fitted": "{model} fitted",
    "progress.decomposing": "Decomposing",
    "progress.epoch": "Epoch {epoch}: loss {loss}",
    "progress.epoch_validation": "Epoch {epoch}: loss {loss}, validation {validation}",
    "progress.choosing": "choosing models",
    "progress.done": "done",
    "progress.reading": "Reading the file",
    "progress.reading_values": "Reading dates and quantities",
    "progress.building": "Building the series",
    "progress.imported": "Imported",
    "progress.chunk": "chunk {part} of {parts}",
    "progress.arima": "ARIMA {order}",
    "progress.ets": "ETS {trend},{seasonal}",
    "progress.calibrating": "calibrating",
    "progress.whatif": "what-if by {method}",
    "progress.whatif_done": "what-if done",
    # Notes on a what-if (core.scenario.whatif).
    "whatif.estimated": "elasticities from short-run moves of list price and sales: {products} "
                        "products from their own history, {pooled} from all products', median "
                        "{median}",
    "whatif.assumed": "no product's price moved enough to learn how sales respond, so an "
                      "elasticity of -1 is assumed for every product (set your own in the plan)",
    "whatif.no_effect": "the history shows no measurable effect of price on sales for "
                        "{products} products, so an elasticity of {elasticity} is assumed for "
                        "them: an assumption, not learned from the data (set your own in the "
                        "plan; 0 plans with no effect)",
    "whatif.fixed": "elasticity {elasticity} for every product, as set",
    "whatif.promo_ignored": "promotions are not modelled by elasticities (only by networks "
                            "trained on data with a promo column), so they were left out",
    "whatif.networks": "moved by the change of the median forecast of {models}",
    "whatif.wrong_sign": "in {share} of the changed periods the networks' answer goes against "
                         "the price change (cheaper selling less or dearer selling more): treat "
                         "it with caution",
    # What a hand-made override does (core.overrides.journal, the journal table).
    "override.absolute": "set to {change}",
    "override.percent": "{change} %",
    "override.units": "{change} units per period",
    # "Why this number" per product of the reorder plan (core.reorder.explain).
    "reorder.expected": "about {forecast} units are expected to sell in the {days} days until an "
                        "order placed at the next review arrives (lead time {lead} + review "
                        "{review} days)",
    "reorder.point_fill": "a reorder point of {reorder_point} is expected to meet {level} of the "
                          "units demanded (fill rate; safety stock {safety})",
    "reorder.basis_pool": "how far off forecasts were over the same span is learned from "
                          "{windows} backtest windows of {products} similar products ({group})",
    "reorder.basis_own": "too few backtests to learn from, so the spread comes from this "
                         "product's own sales over {spans} past spans of the same length",
    "reorder.basis_poisson": "too little history to learn from, so units are assumed to sell "
                             "one by one at random around the forecast",
    "reorder.borrowed": "a new product: its forecast is borrowed from the products with the "
                        "most similar titles: {neighbours}",
    "reorder.point_cycle": "a reorder point of {reorder_point} covers that in {level} of cases "
                           "(cycle service; safety stock {safety})",
    "reorder.basis_near_zero": "the forecast is under one unit, so the spread is the units sold "
                               "after {windows} such forecasts of {products} similar products "
                               "({group}), at most this product's own best of {cap}",
    "reorder.order": "with {position} on hand and on order, {need} more are needed",
    "reorder.rounded": "order {order} for the minimum order of {moq} and packs of {pack}",
    "reorder.no_order": "with {position} on hand and on order, nothing needs ordering now",
    "reorder.no_stock": "no stock figure for this product: add it to the stock file or type it "
                        "in",
}

_NUMBER = r"-?[\d,]*\.?\d+(?:e[-+]?\d+)?%?|nan|-?inf"
_NAME = r"[\w.-]+"
_DATE = r"\d{4}-\d{2}-\d{2}"
# Fields that hold a number or a registered model's name match only that: keeps templates that
# differ by an optional part ("(0.83)" and "(0.83 vs 0.91 for ets)") from matching each other.
FIELD_PATTERNS = {
    "best": _NUMBER, "runner_up_score": _NUMBER, "own": _NUMBER, "products": _NUMBER,
    "windows": _NUMBER, "window": _NUMBER, "need": _NUMBER, "length": _NUMBER,
    "warmup": _NUMBER, "periods": _NUMBER, "rows": _NUMBER, "gaps": _NUMBER,
    "amount": _NUMBER, "part": _NUMBER, "parts": _NUMBER, "epoch": _NUMBER, "loss": _NUMBER,
    "validation": _NUMBER, "runner_up": _NAME, "model_name": _NAME, "pool": _NAME,
    "unit": r"[a-z]+", "pooled": _NUMBER, "median": _NUMBER, "elasticity": _NUMBER,
    "share": _NUMBER, "ids": _NUMBER, "cap": _NUMBER, "horizon": _NUMBER, "history": _NUMBER,
    "most": _NUMBER, "season": _NUMBER, "lookback": _NUMBER, "end": _DATE, "first": _DATE,
    "last": _DATE, "change": r"[-+]?(?:" + _NUMBER + ")",
    "residuals": _NUMBER,
}


def render(template_id: str, **fields: object) -> str:
    """The English text of `template_id` with `fields` filled in."""
    return TEMPLATES[template_id].format(**fields)


def join(*clauses: str) -> str:
    return SEPARATOR.join(c for c in clauses if c)


def fields_of(template_id: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(TEMPLATES[template_id]) if name]


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>{FIELD_PATTERNS.get(name, '.+?')})")
    return re.compile("".join(parts), re.DOTALL)


_PATTERNS = {key: _pattern(template) for key, template in TEMPLATES.items()}
Clause = tuple[str | None, dict[str, str]]


def match(clause: str) -> Clause | None:
    """`(id, fields)` of the first template that matches all of `clause`, or None."""
    for key, pattern in _PATTERNS.items():
        found = pattern.fullmatch(clause)
        if found:
            return key, found.groupdict()
    return None


def parse(text: str) -> list[Clause]:
    """`text` as clauses `(id, fields)`; a clause no template matches is `(None, {"text": …})`.

    Of the ways to split `text` at "; ", the one with the fewest unknown clauses wins, then the
    one with the most clauses: a template that contains "; " itself still matches as a whole,
    and an exception message after "failed: " keeps its own "; " but not the clause after it.
    """
    pieces = text.split(SEPARATOR)

    @functools.cache
    def best(i: int) -> tuple[int, int, tuple[Clause, ...]]:
        """(unknown clauses, -clauses, clauses) for pieces[i:]."""
        if i == len(pieces):
            return 0, 0, ()
        unknown, count, rest = best(i + 1)
        choice = (unknown + 1, count - 1, ((None, {"text": pieces[i]}), *rest))
        for j in range(i + 1, len(pieces) + 1):
            found = match(SEPARATOR.join(pieces[i:j]))
            if found:
                unknown, count, rest = best(j)
                choice = min(choice, (unknown, count - 1, (found, *rest)), key=lambda c: c[:2])
        return choice

    return list(best(0)[2])
