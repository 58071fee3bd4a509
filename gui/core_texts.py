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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.messages import TEMPLATES, parse
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
    "fallback.short": QT_TRANSLATE_NOOP(
        "CoreTexts", "only {length} {unit} of history ({model} needs {need})"),
    "fallback.not_fitted": QT_TRANSLATE_NOOP("CoreTexts", "{model} could not be fitted"),
    "fallback.seasonal_naive": QT_TRANSLATE_NOOP("CoreTexts", "used the seasonal naive forecast"),
    "fallback.needs": QT_TRANSLATE_NOOP("CoreTexts",
                                        "needs {need} periods of history, has {length}"),
    "fallback.no_numbers": QT_TRANSLATE_NOOP("CoreTexts", "gave no usable numbers"),
    "fallback.failed": QT_TRANSLATE_NOOP("CoreTexts", "failed: {error}"),
    "fallback.used": QT_TRANSLATE_NOOP("CoreTexts", "used {model_name}"),
    "fallback.average_product": QT_TRANSLATE_NOOP(
        "CoreTexts", "no training window of its own ({length} of the {need} periods one "
                     "needs); forecast as the network's average product"),
    "note.window_skipped": QT_TRANSLATE_NOOP(
        "CoreTexts", "backtest window {window}: {products} products too short, left out"),
    "note.pooled": QT_TRANSLATE_NOOP(
        "CoreTexts", "each product's model is chosen by MASE pooled over products of the same "
                     "demand class, on earlier backtest windows only ({warmup} extra window(s) "
                     "before the reported ones)"),
    "note.fallbacks": QT_TRANSLATE_NOOP(
        "CoreTexts", "{products} products needed a fallback for at least one candidate"),
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
    "whatif.estimated": QT_TRANSLATE_NOOP(
        "CoreTexts", "elasticities from short-run moves of list price and sales: {products} "
                     "products from their own history, {pooled} from all products', median "
                     "{median}"),
    "whatif.assumed": QT_TRANSLATE_NOOP(
        "CoreTexts", "no product's price moved enough to learn how sales respond, so an "
                     "elasticity of -1 is assumed for every product (set your own in the plan)"),
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
}

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
    "models": lambda v: ", ".join(model_label(m.strip()) for m in v.split(",")),
    "pool": lambda v: _named(DEMAND_CLASSES, v), "unit": lambda v: _named(UNITS, v),
    "freq": lambda v: _named(FREQUENCIES, v), "rule": lambda v: _named(RULES, v),
}


def format_clause(key: str | None, fields: dict[str, str]) -> str:
    """One clause (`core.messages`) in the user's language; unknown ones as written."""
    if key is None or key not in TEXTS:
        return fields.get("text", "") if key is None else TEMPLATES[key].format(**fields)
    shown = {name: FIELDS[name](value) if name in FIELDS else value
             for name, value in fields.items()}
    try:
        return _tr(TEXTS[key]).format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped field
        return TEXTS[key].format(**shown)


def core_text(text: str) -> str:
    """An engine text (reason, fallback, note, progress message) in the user's language."""
    if not text:
        return text
    clauses = [format_clause(key, fields) for key, fields in parse(text)]
    return _tr("; ").join(clauses)


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
