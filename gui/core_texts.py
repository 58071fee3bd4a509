"""Texts the engine writes, in the user's language.

Core writes English from the templates in `core.messages` (choice reasons, fallbacks, run notes,
the import summary, progress). Here each template id has its translatable twin with the same
`{fields}`; `core_text()` parses an engine text into clauses and formats each clause's
translation, `summary_lines()` formats an import summary from its items directly. Field values
that are names (models, demand classes, units, rules, layouts) are translated on the way. A clause
no template knows (an exception's message, a text from an older project) stays as written.

    label.setText(core_text(run.choices.reason[0]))
"""
from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.message_parts import decode
from core.messages import TEMPLATES, parse
from gui.import_warning_texts import PROBLEM_TEXTS  # the import's warnings
from gui.model_names import model_label, registry_text

CONTEXT = "CoreTexts"

# Same ids and fields as core.messages.TEMPLATES (a test checks both lists agree).
TEXTS = {
    "reason.no_backtest": QT_TRANSLATE_NOOP(
        "CoreTexts", "no backtest possible (history too short); seasonal naive used"),
    "reason.settings": QT_TRANSLATE_NOOP("CoreTexts", "chosen in the settings"),
    "reason.too_little_history": QT_TRANSLATE_NOOP(
        "CoreTexts", "too little history: {length} of the {need} periods a backtest needs"),
    "reason.new_product": QT_TRANSLATE_NOOP(
        "CoreTexts", "forecast as a new product (sales so far spread over its life and the "
                     "horizon)"),
    "reason.new_product_capped": QT_TRANSLATE_NOOP(
        "CoreTexts", "held to {cap} a period, what the shop's top tenth of established products "
                     "sell lately"),
    "reason.cold_start": QT_TRANSLATE_NOOP(
        "CoreTexts", "forecast borrowed from the sales of the products with the most similar "
                     "titles: {neighbours}"),
    "reason.pooled": QT_TRANSLATE_NOOP(
        "CoreTexts", "lowest MASE in backtest over {products} {pool} products ({best} vs "
                     "{runner_up_score} for {runner_up})"),
    "reason.pooled_alone": QT_TRANSLATE_NOOP(
        "CoreTexts", "lowest MASE in backtest over {products} {pool} products ({best})"),
    "reason.single": QT_TRANSLATE_NOOP(
        "CoreTexts", "lowest MASE in backtest ({best} vs {runner_up_score} for {runner_up}, "
                     "{windows} windows)"),
    "reason.single_one": QT_TRANSLATE_NOOP(
        "CoreTexts", "lowest MASE in backtest ({best} vs {runner_up_score} for {runner_up}, "
                     "1 window)"),
    "reason.single_alone": QT_TRANSLATE_NOOP(
        "CoreTexts", "lowest MASE in backtest ({best}, {windows} windows)"),
    "reason.single_alone_one": QT_TRANSLATE_NOOP(
        "CoreTexts", "lowest MASE in backtest ({best}, 1 window)"),
    "reason.own": QT_TRANSLATE_NOOP("CoreTexts", "this product: {own} over {windows} windows"),
    "reason.own_one": QT_TRANSLATE_NOOP("CoreTexts", "this product: {own} over 1 window"),
    "reason.guard_refused": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model_name} not chosen: it missed the pool's backtest total by "
                     "{missed} vs {reference_missed} for {reference}"),
    "reason.anchored": QT_TRANSLATE_NOOP(
        "CoreTexts", "{network}'s forecast scaled x{factor} so that, over the products of its "
                     "pool that sold about as much lately, it adds up to their sales of the last "
                     "{periods} periods"),
    "fallback.short": QT_TRANSLATE_NOOP(
        "CoreTexts", "only {length} {unit} of history ({model} needs {need})"),
    "fallback.not_fitted": QT_TRANSLATE_NOOP("CoreTexts", "{model} could not be fitted"),
    "fallback.seasonal_naive": QT_TRANSLATE_NOOP("CoreTexts", "used the seasonal naive forecast"),
    "fallback.needs": QT_TRANSLATE_NOOP("CoreTexts",
                                        "needs {need} periods of history, has {length}"),
    "fallback.no_numbers": QT_TRANSLATE_NOOP("CoreTexts", "gave no usable numbers"),
    "fallback.failed": QT_TRANSLATE_NOOP("CoreTexts", "failed: {error}"),
    "fallback.used": QT_TRANSLATE_NOOP("CoreTexts", "used {model_name}"),
    "fallback.member": QT_TRANSLATE_NOOP("CoreTexts", "in {model_name}"),
    "fallback.average_product": QT_TRANSLATE_NOOP(
        "CoreTexts", "no training window of its own ({length} of the {need} periods one "
                     "needs); forecast as the network's average product"),
    "plan.horizon_min": QT_TRANSLATE_NOOP(
        "CoreTexts", "the horizon must be at least 1 period (got {value})"),
    "plan.windows_min": QT_TRANSLATE_NOOP(
        "CoreTexts", "the number of backtest windows must be 0 or more (got {value})"),
    "plan.windows_backtest": QT_TRANSLATE_NOOP(
        "CoreTexts", "a backtest needs at least 1 window (got {value})"),
    "plan.step_min": QT_TRANSLATE_NOOP(
        "CoreTexts", "the step between backtest windows must be at least 1 period (got {value})"),
    "plan.season_min": QT_TRANSLATE_NOOP(
        "CoreTexts", "the season length must be at least 1 period (got {value}); leave it out "
                     "for the usual one"),
    "plan.freq_unknown": QT_TRANSLATE_NOOP("CoreTexts", "unknown frequency {value}; use D, W or M"),
    "plan.levels_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "interval levels must be between 1 and 99 (got {value})"),
    "plan.jobs_min": QT_TRANSLATE_NOOP(
        "CoreTexts", "the number of worker processes must be at least 1 (got {value})"),
    "plan.no_models": QT_TRANSLATE_NOOP("CoreTexts", "pick at least one model, or auto"),
    "plan.model_unknown": QT_TRANSLATE_NOOP(
        "CoreTexts", "unknown model {model}; available: {available}"),
    "plan.param_unknown": QT_TRANSLATE_NOOP("CoreTexts", "{model} has no setting {param}"),
    "plan.param_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}'s {param} must be between {minimum} and {maximum} (got {value})"),
    "plan.no_data": QT_TRANSLATE_NOOP("CoreTexts", "the data has no products to forecast"),
    "plan.horizon_long": QT_TRANSLATE_NOOP(
        "CoreTexts", "a horizon of {horizon} periods leaves no history to test a model on: that "
                     "needs {need} periods, the longest product has {history}; shorten the "
                     "horizon to at most {most}"),
    "plan.windows_long": QT_TRANSLATE_NOOP(
        "CoreTexts", "{windows} backtest window(s) of {horizon} periods need {need} periods of "
                     "history, the longest product has {history}; use at most {most} window(s) "
                     "or a shorter horizon"),
    "plan.season_long": QT_TRANSLATE_NOOP(
        "CoreTexts", "a season of {season} periods needs {need} periods of history to be seen "
                     "twice, the longest product has {history}; use a shorter season or the "
                     "usual one"),
    "plan.lookback_long": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model} reads {lookback} past periods, more than the longest "
                     "product's {history}; lower its lookback, or 0 for the usual one"),
    "note.window_skipped": QT_TRANSLATE_NOOP(
        "CoreTexts", "backtest window {window}: {products} products too short, left out"),
    "note.pooled": QT_TRANSLATE_NOOP(
        "CoreTexts", "each product's model is chosen by MASE pooled over products of the same "
                     "demand class, on earlier backtest windows only ({warmup} extra window(s) "
                     "before the reported ones)"),
    "note.fallbacks": QT_TRANSLATE_NOOP(
        "CoreTexts", "{products} products needed a fallback for at least one candidate"),
    "note.cold_start": QT_TRANSLATE_NOOP(
        "CoreTexts", "{products} products too young to backtest are forecast from the products "
                     "with the most similar titles ({encoder})"),
    "note.cold_start_untitled": QT_TRANSLATE_NOOP(
        "CoreTexts", "{products} products too young to backtest have no title and keep the "
                     "new-product rate"),
    "note.cold_start_no_titles": QT_TRANSLATE_NOOP(
        "CoreTexts", "the data have no product titles, so {products} products too young to "
                     "backtest keep the new-product rate"),
    "note.cold_start_off": QT_TRANSLATE_NOOP(
        "CoreTexts", "cold start from titles is off: {products} products too young to backtest "
                     "keep the new-product rate"),
    "note.intervals_calibrated": QT_TRANSLATE_NOOP(
        "CoreTexts", "prediction intervals calibrated on {residuals} backtest errors per model, "
                     "demand class and horizon step (each backtest window only on earlier ones)"),
    "note.intervals_own": QT_TRANSLATE_NOOP(
        "CoreTexts", "prediction intervals of {models} are the model's own: fewer than {need} "
                     "backtest errors to calibrate them"),
    "summary.shape": QT_TRANSLATE_NOOP(
        "CoreTexts", "{products} products, {span}, frequency {freq}, {periods} periods"),
    "summary.rows": QT_TRANSLATE_NOOP(
        "CoreTexts", "{rows} rows read, total quantity {total}, {zero_share} of periods "
                     "without sales"),
    "summary.gaps": QT_TRANSLATE_NOOP("CoreTexts",
                                      "{gaps} missing product-periods filled with 0 sales"),
    "summary.dropped": QT_TRANSLATE_NOOP("CoreTexts", "rows removed by rule '{rule}': {amount}"),
    "summary.end_own": QT_TRANSLATE_NOOP(
        "CoreTexts", "each product ends at its own last row ({products} end before {end}); "
                     "periods after it are not recorded, not sales of 0"),
    "summary.end_shared": QT_TRANSLATE_NOOP(
        "CoreTexts", "every product runs to the last period ({end}); periods without a row "
                     "count as 0 sales"),
    "summary.end_why_orders": QT_TRANSLATE_NOOP(
        "CoreTexts", "rule for order lines: a period without an order line sold nothing"),
    "summary.end_why_zeros": QT_TRANSLATE_NOOP(
        "CoreTexts", "rule for tables that record 0 sales: a product without rows was no "
                     "longer recorded"),
    "summary.end_why_dense": QT_TRANSLATE_NOOP(
        "CoreTexts", "rule for tables with a row for nearly every period: a product whose rows "
                     "stop was no longer recorded"),
    "summary.end_why_sparse": QT_TRANSLATE_NOOP(
        "CoreTexts", "rule for tables that list only periods with sales: a missing period sold "
                     "nothing"),
    "summary.end_why_chosen": QT_TRANSLATE_NOOP(
        "CoreTexts", "series end chosen in the import settings"),
    "total.starts_differ": QT_TRANSLATE_NOOP(
        "CoreTexts", "forecasts start between {first} and {last} (the products' series end on "
                     "different dates), so each date adds up only the products forecast at it"),
    "summary.units_removed": QT_TRANSLATE_NOOP(
        "CoreTexts", "units of sales removed by rule '{rule}': {amount}"),
    "summary.ids_cleaned": QT_TRANSLATE_NOOP(
        "CoreTexts", "{ids} product code spellings had invisible characters or surrounding "
                     "spaces removed"),
    "summary.ids_merged": QT_TRANSLATE_NOOP(
        "CoreTexts", "product codes that became one after that: {codes}"),
    "summary.country": QT_TRANSLATE_NOOP(
        "CoreTexts", "holidays of {code} by default: {country} bought {share} of the units "
                     "(column '{column}')"),
    "summary.country_mixed": QT_TRANSLATE_NOOP(
        "CoreTexts", "no default for holidays: the largest country, {country}, bought only "
                     "{share} of the units (column '{column}'; a default needs over {needed})"),
    "summary.country_no_holidays": QT_TRANSLATE_NOOP(
        "CoreTexts", "no default for holidays: {country} bought {share} of the units (column "
                     "'{column}'), but has no public holidays known"),
    "progress.window": QT_TRANSLATE_NOOP("CoreTexts", "window {window} of {windows}"),
    "progress.part": QT_TRANSLATE_NOOP("CoreTexts", "fitted part {part} of {parts}"),
    "progress.fitted": QT_TRANSLATE_NOOP("CoreTexts", "{model} fitted"),
    "progress.decomposing": QT_TRANSLATE_NOOP("CoreTexts", "Decomposing"),
    "progress.epoch": QT_TRANSLATE_NOOP("CoreTexts", "Epoch {epoch}: loss {loss}"),
    "progress.epoch_validation": QT_TRANSLATE_NOOP(
        "CoreTexts", "Epoch {epoch}: loss {loss}, validation {validation}"),
    "progress.choosing": QT_TRANSLATE_NOOP("CoreTexts", "choosing models"),
    "progress.done": QT_TRANSLATE_NOOP("CoreTexts", "done"),
    "progress.reading": QT_TRANSLATE_NOOP("CoreTexts", "Reading the file"),
    "progress.reading_values": QT_TRANSLATE_NOOP("CoreTexts", "Reading dates and quantities"),
    "progress.building": QT_TRANSLATE_NOOP("CoreTexts", "Building the series"),
    "progress.imported": QT_TRANSLATE_NOOP("CoreTexts", "Imported"),
    "progress.chunk": QT_TRANSLATE_NOOP("CoreTexts", "chunk {part} of {parts}"),
    "progress.arima": QT_TRANSLATE_NOOP("CoreTexts", "ARIMA {order}"),
    "progress.ets": QT_TRANSLATE_NOOP("CoreTexts", "ETS {trend},{seasonal}"),
    "progress.calibrating": QT_TRANSLATE_NOOP("CoreTexts", "calibrating"),
    "progress.whatif": QT_TRANSLATE_NOOP("CoreTexts", "what-if by {method}"),
    "progress.whatif_done": QT_TRANSLATE_NOOP("CoreTexts", "what-if done"),
    "whatif.estimated": QT_TRANSLATE_NOOP(
        "CoreTexts", "elasticities from short-run moves of list price and sales: {products} "
                     "products from their own history, {pooled} from all products', median "
                     "{median}"),
    "whatif.assumed": QT_TRANSLATE_NOOP(
        "CoreTexts", "no product's price moved enough to learn how sales respond, so an "
                     "elasticity of -1 is assumed for every product (set your own in the plan)"),
    "whatif.no_effect": QT_TRANSLATE_NOOP(
        "CoreTexts", "the history shows no measurable effect of price on sales for "
                     "{products} products, so an elasticity of {elasticity} is assumed for "
                     "them: an assumption, not learned from the data (set your own in the "
                     "plan; 0 plans with no effect)"),
    "whatif.fixed": QT_TRANSLATE_NOOP("CoreTexts",
                                      "elasticity {elasticity} for every product, as set"),
    "whatif.promo_ignored": QT_TRANSLATE_NOOP(
        "CoreTexts", "promotions are not modelled by elasticities (only by networks trained on "
                     "data with a promo column), so they were left out"),
    "whatif.networks": QT_TRANSLATE_NOOP("CoreTexts",
                                         "moved by the change of the median forecast of {models}"),
    "whatif.wrong_sign": QT_TRANSLATE_NOOP(
        "CoreTexts", "in {share} of the changed periods the networks' answer goes against the "
                     "price change (cheaper selling less or dearer selling more): treat it with "
                     "caution"),
    "override.absolute": QT_TRANSLATE_NOOP("CoreTexts", "set to {change}"),
    "override.percent": QT_TRANSLATE_NOOP("CoreTexts", "{change} %"),
    "override.units": QT_TRANSLATE_NOOP("CoreTexts", "{change} units per period"),
    # The reorder plan's "why this number" (core.reorder.explain).
    "reorder.expected": QT_TRANSLATE_NOOP(
        "CoreTexts", "about {forecast} units are expected to sell in the {days} days until "
                     "an order placed at the next review arrives (lead time {lead} + review "
                     "{review} days)"),
    "reorder.borrowed": QT_TRANSLATE_NOOP(
        "CoreTexts", "a new product: its forecast is borrowed from the products with the most "
                     "similar titles: {neighbours}"),
    "reorder.point_fill": QT_TRANSLATE_NOOP(
        "CoreTexts", "a reorder point of {reorder_point} is expected to meet {level} of the "
                     "units demanded (fill rate; safety stock {safety})"),
    "reorder.basis_pool": QT_TRANSLATE_NOOP(
        "CoreTexts", "how far off forecasts were over the same span is learned from "
                     "{windows} backtest windows of {products} similar products ({group})"),
    "reorder.basis_own": QT_TRANSLATE_NOOP(
        "CoreTexts", "too few backtests to learn from, so the spread comes from this "
                     "product's own sales over {spans} past spans of the same length"),
    "reorder.basis_poisson": QT_TRANSLATE_NOOP(
        "CoreTexts", "too little history to learn from, so units are assumed to sell one by "
                     "one at random around the forecast"),
    "reorder.point_cycle": QT_TRANSLATE_NOOP(
        "CoreTexts", "a reorder point of {reorder_point} covers that in {level} of cases "
                     "(cycle service; safety stock {safety})"),
    "reorder.basis_near_zero": QT_TRANSLATE_NOOP(
        "CoreTexts", "the forecast is under one unit, so the spread is the units sold "
                     "after {windows} such forecasts of {products} similar products "
                     "({group}), at most this product's own best of {cap}"),
    "reorder.order": QT_TRANSLATE_NOOP(
        "CoreTexts", "with {position} on hand and on order, {need} more are needed"),
    "reorder.rounded": QT_TRANSLATE_NOOP(
        "CoreTexts", "order {order} for the minimum order of {moq} and packs of {pack}"),
    "reorder.no_order": QT_TRANSLATE_NOOP(
        "CoreTexts", "with {position} on hand and on order, nothing needs ordering now"),
    "reorder.no_stock": QT_TRANSLATE_NOOP(
        "CoreTexts", "no stock figure for this product: add it to the stock file or type it "
                     "in"),
}

# Column roles inside the import's warnings.
ROLES = {"price": QT_TRANSLATE_NOOP("CoreTexts", "price"),
         "stock": QT_TRANSLATE_NOOP("CoreTexts", "stock"),
         "promo": QT_TRANSLATE_NOOP("CoreTexts", "promo")}

# The model-choice reasons as a shop owner reads them (the product's "why"); the same ids and
# fields as TEXTS, whose wording (MASE and its numbers) stays beside the accuracy table.
PLAIN = {
    "reason.pooled": QT_TRANSLATE_NOOP(
        "CoreTexts", "its forecasts came closest to what really sold when every model was tried "
                     "on the past of the {products} {pool} products (next best: {runner_up})"),
    "reason.pooled_alone": QT_TRANSLATE_NOOP(
        "CoreTexts", "the only model that could be tried on the past of the {products} {pool} "
                     "products"),
    "reason.single": QT_TRANSLATE_NOOP(
        "CoreTexts", "its forecasts came closest to what really sold when every model was tried "
                     "on this product's past ({windows} tests; next best: {runner_up})"),
    "reason.single_one": QT_TRANSLATE_NOOP(
        "CoreTexts", "its forecast came closest to what really sold when every model was tried "
                     "on this product's past (1 test; next best: {runner_up})"),
    "reason.single_alone": QT_TRANSLATE_NOOP(
        "CoreTexts", "the only model that could be tried on this product's past ({windows} "
                     "tests)"),
    "reason.single_alone_one": QT_TRANSLATE_NOOP(
        "CoreTexts", "the only model that could be tried on this product's past (1 test)"),
}
# The product's own score beside the pool's: a number for the accuracy table, not a reason.
NOT_PLAIN = {"reason.own", "reason.own_one"}

# Names inside the texts: core's words on the left, the words shown on the right.
LAYOUTS = {"long": QT_TRANSLATE_NOOP("CoreTexts", "long"),
           "wide": QT_TRANSLATE_NOOP("CoreTexts", "wide"),
           "orders": QT_TRANSLATE_NOOP("CoreTexts", "orders"),
           "wide_orders": QT_TRANSLATE_NOOP("CoreTexts", "wide orders")}
DEMAND_CLASSES = {"smooth": QT_TRANSLATE_NOOP("CoreTexts", "smooth"),
                  "erratic": QT_TRANSLATE_NOOP("CoreTexts", "erratic"),
                  "intermittent": QT_TRANSLATE_NOOP("CoreTexts", "intermittent"),
                  "lumpy": QT_TRANSLATE_NOOP("CoreTexts", "lumpy"),
                  "all": QT_TRANSLATE_NOOP("CoreTexts", "all")}
UNITS = {"day": QT_TRANSLATE_NOOP("CoreTexts", "day"),
         "days": QT_TRANSLATE_NOOP("CoreTexts", "days"),
         "week": QT_TRANSLATE_NOOP("CoreTexts", "week"),
         "weeks": QT_TRANSLATE_NOOP("CoreTexts", "weeks"),
         "month": QT_TRANSLATE_NOOP("CoreTexts", "month"),
         "months": QT_TRANSLATE_NOOP("CoreTexts", "months"),
         "period": QT_TRANSLATE_NOOP("CoreTexts", "period"),
         "periods": QT_TRANSLATE_NOOP("CoreTexts", "periods")}
FREQUENCIES = {"D": QT_TRANSLATE_NOOP("CoreTexts", "daily"),
               "W": QT_TRANSLATE_NOOP("CoreTexts", "weekly"),
               "M": QT_TRANSLATE_NOOP("CoreTexts", "monthly")}
# The import's rules (core.data.cleaning, layouts, importer) as `Summary.dropped` names them.
RULES = {"cancelled": QT_TRANSLATE_NOOP("CoreTexts", "cancelled"),
         "returns": QT_TRANSLATE_NOOP("CoreTexts", "returns"),
         "cancellation": QT_TRANSLATE_NOOP("CoreTexts", "cancellation"),
         "cancelled order line": QT_TRANSLATE_NOOP("CoreTexts", "cancelled order line"),
         "mostly-text column": QT_TRANSLATE_NOOP("CoreTexts", "mostly-text column"),
         "non-positive price": QT_TRANSLATE_NOOP("CoreTexts", "non-positive price"),
         "non-product code": QT_TRANSLATE_NOOP("CoreTexts", "non-product code"),
         "partial period": QT_TRANSLATE_NOOP("CoreTexts", "partial period"),
         "total row": QT_TRANSLATE_NOOP("CoreTexts", "total row"),
         "no date": QT_TRANSLATE_NOOP("CoreTexts", "no date"),
         "no quantity": QT_TRANSLATE_NOOP("CoreTexts", "no quantity"),
         "no product": QT_TRANSLATE_NOOP("CoreTexts", "no product"),
         "date far from the rest": QT_TRANSLATE_NOOP("CoreTexts", "date far from the rest")}
# How serious a problem of the import's validation report is (core.errors.Problem.severity).
SEVERITIES = {"error": QT_TRANSLATE_NOOP("CoreTexts", "error"),
              "warning": QT_TRANSLATE_NOOP("CoreTexts", "warning")}
# The products a reorder plan learned its forecast errors from (core.reorder.explain).
REORDER_GROUPS = {"all": QT_TRANSLATE_NOOP("CoreTexts", "all demand classes"),
                  "unknown": QT_TRANSLATE_NOOP("CoreTexts", "demand class unknown")}
# How a what-if moved sales (core.scenario.whatif's methods).
WHATIF_METHODS = {"elasticity": QT_TRANSLATE_NOOP("CoreTexts", "price elasticities"),
                  "network": QT_TRANSLATE_NOOP("CoreTexts", "the trained networks")}
# Progress stages that are not a model's name.
STAGES = {"selection": QT_TRANSLATE_NOOP("CoreTexts", "Model choice"),
          "import": QT_TRANSLATE_NOOP("CoreTexts", "Import")}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _named(table: dict[str, str], value: str) -> str:
    return _tr(table[value]) if value in table else value


# How each field's value is shown: names are translated, numbers and dates stay as written.
FIELDS = {
    "runner_up": model_label, "model_name": model_label, "model": registry_text,
    "reference": model_label,
    "models": lambda v: ", ".join(model_label(m.strip()) for m in v.split(",")),
    "pool": lambda v: _named(DEMAND_CLASSES, v), "unit": lambda v: _named(UNITS, v),
    "freq": lambda v: _named(FREQUENCIES, v), "rule": lambda v: _named(RULES, v),
    "chosen_unit": lambda v: _named(UNITS, v), "role": lambda v: _named(ROLES, v),
    "group": lambda v: _named({**DEMAND_CLASSES, **REORDER_GROUPS}, v),
    "method": lambda v: _named(WHATIF_METHODS, v),
}


def format_clause(key: str | None, fields: dict[str, str]) -> str:
    """One clause (`core.messages`) in the user's language; unknown ones as written."""
    if key is None or key not in TEXTS:
        return fields.get("text", "") if key is None else TEMPLATES[key].format(**fields)
    shown = {name: FIELDS[name](value) if name in FIELDS else value
             for name, value in fields.items()}
    if "error_key" in fields:  # a model's fit failed with an engine error: word it too
        shown["error"] = _error_text(fields)
    try:
        return _tr(TEXTS[key]).format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped field
        return TEXTS[key].format(**shown)


def _error_text(fields: dict[str, str]) -> str:
    from gui.error_texts import message_text  # it builds on this module

    try:
        inner = json.loads(fields.get("error_fields", "{}"))
    except ValueError:
        inner = None
    english = fields.get("error", "")
    if not isinstance(inner, dict):
        return english
    text = message_text(fields["error_key"], {k: str(v) for k, v in inner.items()}, english)
    return english if english.endswith(text) else text  # untranslated: as the CLI wrote it


def _clauses(text: str, ids: str) -> list:
    """The clauses of an engine text: from its ids (`core.message_parts`) when it has them;
    read back from the English only for texts without ids (projects of older versions)."""
    found = decode(ids)
    return found if found is not None else parse(text)


def core_text(text: str, ids: str = "") -> str:
    """An engine text (reason, fallback, note, progress message) in the user's language."""
    if not text and not ids:
        return text
    clauses = [format_clause(key, fields) for key, fields in _clauses(text, ids)]
    return _tr("; ").join(clauses)


def event_text(event) -> str:
    """A progress event's message in the user's language: from its template id when it has
    one (`core.progress.said`), as written otherwise."""
    if event.message_id in TEXTS:
        return format_clause(event.message_id, dict(event.fields))
    return event.message


def note_texts(notes: list[str], ids: list[str]) -> list[str]:
    """A run's or a what-if's notes in the user's language: from their ids (one per note), or
    read back from the English when there are none (projects of older versions)."""
    if len(ids) != len(notes):
        ids = [""] * len(notes)
    return [core_text(note, said) for note, said in zip(notes, ids, strict=True)]


def plain_text(text: str, ids: str = "") -> str:
    """A model-choice reason in a shop owner's words (PLAIN), other clauses as `core_text`."""
    if not text and not ids:
        return text
    clauses = []
    for key, fields in _clauses(text, ids):
        if key in NOT_PLAIN:
            continue
        if key in PLAIN:
            shown = {name: FIELDS[name](value) if name in FIELDS else value
                     for name, value in fields.items()}
            try:
                clauses.append(_tr(PLAIN[key]).format(**shown))
            except (KeyError, IndexError, ValueError):  # a translation with a mistyped field
                clauses.append(PLAIN[key].format(**shown))
        else:
            clauses.append(format_clause(key, fields))
    return _tr("; ").join(clauses)


def problem_texts(problem) -> tuple[str, str]:
    """An import Problem's (message, hint) in the user's language; as written when it has no
    template (errors, and warnings from older versions)."""
    fields = dict(problem.fields)
    shown = {name: FIELDS[name](value) if name in FIELDS else value
             for name, value in fields.items()}

    def text(key: str | None, english: str) -> str:
        if key not in PROBLEM_TEXTS:
            return english
        try:
            return _tr(PROBLEM_TEXTS[key]).format(**shown)
        except (KeyError, IndexError, ValueError):  # a translation with a mistyped field
            return PROBLEM_TEXTS[key].format(**shown)

    return text(problem.key, problem.message), text(problem.hint_key, problem.hint)


def summary_lines(summary) -> list[str]:
    """An import `Summary`'s lines in the user's language."""
    return [format_clause(key, fields) for key, fields in summary.items()]


def layout_label(name: str) -> str:
    return _named(LAYOUTS, name)


def severity_label(name: str) -> str:
    return _named(SEVERITIES, name)


def demand_label(name: str) -> str:
    return _named(DEMAND_CLASSES, name)


def stage_label(stage: str) -> str:
    """A progress stage: a model's name, or one of the run's other steps."""
    return _tr(STAGES[stage]) if stage in STAGES else model_label(stage)


# lupdate: the clause separator, translated as a whole-width semicolon in Chinese.
_SEPARATOR = QT_TRANSLATE_NOOP("CoreTexts", "; ")
