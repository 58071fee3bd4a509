"""The engine's errors in the user's language.

Errors that stop an import are Problems with a template id (`core.data.error_texts`), other
engine errors are `TrendcastError`s with one (`core.error_messages`); here each id has its
translatable twin with the same `{fields}`, so nothing is parsed back from English. An error
without an id (from an older version, or a library's own) is shown as written.

    message, hint = problem_texts(problem)        # the Import step's validation report
    box.setText(error_text(exc))                  # any engine error
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.data.error_texts import mix_steps
from core.error_messages import decode_clauses
from core.errors import Problem
from gui import core_texts
from gui.import_error_texts import ERROR_TEXTS
from gui.model_names import model_label, registry_text

CONTEXT = "CoreTexts"

# Same ids and fields as core.error_messages.MESSAGES.
MESSAGE_TEXTS = {
    "project.save_failed": QT_TRANSLATE_NOOP(
        "CoreTexts", "Could not save the project to {path}: {error}."),
    "project.missing": QT_TRANSLATE_NOOP("CoreTexts", "The project {name} does not exist."),
    "project.foreign": QT_TRANSLATE_NOOP("CoreTexts", "{name} is not a Trendcast project."),
    "project.foreign_zip": QT_TRANSLATE_NOOP(
        "CoreTexts", "{name} is not a Trendcast project (it is a zip file without a Trendcast "
                     "manifest)."),
    "project.damaged": QT_TRANSLATE_NOOP(
        "CoreTexts", "The project {name} is damaged and cannot be opened ({error}). Open an "
                     "earlier copy, or import the sales file again."),
    "project.too_large": QT_TRANSLATE_NOOP(
        "CoreTexts", "{name} unpacks to {size} GB; refusing to open it."),
    "project.newer": QT_TRANSLATE_NOOP(
        "CoreTexts", "{name} was saved by a newer version of Trendcast (project format {version}; "
                     "this version reads up to {supported}). Please update Trendcast to open it."),
    "file.write_failed": QT_TRANSLATE_NOOP("CoreTexts", "Could not write {path}: {error}."),
    "export.no_whatif": QT_TRANSLATE_NOOP(
        "CoreTexts", "There is no what-if to export yet: apply a plan first."),
    "journal.missing": QT_TRANSLATE_NOOP("CoreTexts", "The overrides file {path} does not exist."),
    "journal.unreadable": QT_TRANSLATE_NOOP(
        "CoreTexts", "Could not read the overrides file {path}: {error}."),
    "journal.not_json": QT_TRANSLATE_NOOP(
        "CoreTexts", "{name} is not valid JSON (line {line}, column {column}: {error}); fix it or "
                     "export the journal again."),
    "stock.missing": QT_TRANSLATE_NOOP("CoreTexts", "Stock file not found: {path}"),
    "stock.unreadable": QT_TRANSLATE_NOOP("CoreTexts", "Could not read stock file {path}: {error}"),
    "stock.no_column": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}: no {role} column; the stock file needs a product id column "
                     "(unique_id, sku or product_id) and an on_hand column. Columns found: "
                     "{columns}"),
    "stock.twice": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}, row {row}: product {product} is listed twice; keep one row per "
                     "product"),
    "stock.not_number": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}, row {row}, column {role}: '{value}' is not a number; write a plain "
                     "number such as 12 or 2.5"),
    "stock.negative_on_hand": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}, row {row}, column {role}: {value} cannot be negative (count what is "
                     "on the shelf)"),
    "stock.negative": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}, row {row}, column {role}: {value} cannot be negative"),
    "stock.not_positive": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}, row {row}, column {role}: {value} must be more than 0"),
    "stock.service_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "{path}, row {row}, column {role}: {value} must be between 0 and 1, "
                     "e.g. 0.95"),
    "reorder.short_forecast": QT_TRANSLATE_NOOP(
        "CoreTexts", "The forecast covers {have} periods, but the longest lead time + review "
                     "period needs {needed}: forecast at least {needed} periods ahead or shorten "
                     "the lead time"),
    "whatif.empty": QT_TRANSLATE_NOOP(
        "CoreTexts", "The what-if plan has no changes yet: add a price change first."),
    "whatif.outside": QT_TRANSLATE_NOOP(
        "CoreTexts", "No forecast period falls inside the planned dates: the forecast covers "
                     "{first} to {last}."),
    "whatif.no_price_network": QT_TRANSLATE_NOOP(
        "CoreTexts", "This forecast has no trained network that reads prices. Train LSTM, "
                     "Transformer or TCN on data with prices, or use the price-elasticity method."),
    "whatif.unknown_products": QT_TRANSLATE_NOOP(
        "CoreTexts", "What-if change {change} names products the forecast does not have: "
                     "{products}."),
    "whatif.unknown_category": QT_TRANSLATE_NOOP(
        "CoreTexts", "What-if change {change}: no product is in category '{category}'."),
    "whatif.no_reading_network": QT_TRANSLATE_NOOP(
        "CoreTexts", "None of the trained networks reads prices or promotions, so they cannot "
                     "answer a what-if. Use the price-elasticity method, or train a network on "
                     "data with a price column."),
    "whatif.no_prices": QT_TRANSLATE_NOOP(
        "CoreTexts", "The data has no prices, so the effect of a price change cannot be estimated. "
                     "Import a file with a price column."),
    "whatif.percent_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "What-if percent: A price change of {percent}% is outside {low}% .. "
                     "{high}%."),
    "whatif.ends_before": QT_TRANSLATE_NOOP(
        "CoreTexts", "What-if end: The change ends ({end}) before it starts ({start})."),
    "override.negative": QT_TRANSLATE_NOOP(
        "CoreTexts", "Override value: A forecast cannot be set to {value} units; use 0 or "
                     "more."),
    "override.below_minus_100": QT_TRANSLATE_NOOP(
        "CoreTexts", "Override value: {value} % would make sales negative; use -100 % or "
                     "more."),
    "override.ends_before": QT_TRANSLATE_NOOP(
        "CoreTexts", "Override end: The range ends ({end}) before it starts ({start})."),
    "scenario.no_name": QT_TRANSLATE_NOOP("CoreTexts", "A scenario needs a name."),
    "scenario.long_name": QT_TRANSLATE_NOOP(
        "CoreTexts", "A scenario name can have at most {most} characters, not {length}."),
    "scenario.taken": QT_TRANSLATE_NOOP(
        "CoreTexts", "There is already a scenario named '{name}'; choose another name."),
    "model.season_length": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}: the season length must be a whole number of periods, at least "
                     "1; got {value}."),
    "model.param_choice": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}: '{setting}' ({param}) must be one of {choices}; got {value}."),
    "model.param_whole": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}: '{setting}' ({param}) must be a whole number; got {value}."),
    "model.param_number": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}: '{setting}' ({param}) must be a number; got {value}."),
    "model.param_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}: '{setting}' ({param}) must be between {low} and {high}; got "
                     "{value}."),
    "model.param_bool": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model}: '{setting}' ({param}) must be true or false; got {value}."),
    "model.short_history": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model} needs at least {need} {units} of history; the longest product "
                     "has {longest}."),
    "model.levels": QT_TRANSLATE_NOOP(
        "CoreTexts", "Interval levels are percentages between 0 and 100 (e.g. 80, 95); got "
                     "{levels}."),
    "model.unknown": QT_TRANSLATE_NOOP(
        "CoreTexts", "Unknown model '{name}'. Available: {available}."),
    "model.unknown_members": QT_TRANSLATE_NOOP(
        "CoreTexts", "Unknown ensemble member(s): {names}."),
    "backtest.too_small": QT_TRANSLATE_NOOP(
        "CoreTexts", "The horizon and the number of windows must be at least 1."),
    "model_files.unsafe_name": QT_TRANSLATE_NOOP(
        "CoreTexts", "Unsafe model file name '{name}'."),
    "model_files.no_model": QT_TRANSLATE_NOOP(
        "CoreTexts", "The model files in {where} are not a saved Trendcast model (meta.json "
                     "does not name one)."),
    "model_files.not_loadable": QT_TRANSLATE_NOOP(
        "CoreTexts", "The model files in {where} name {name}, which cannot be loaded from "
                     "files."),
    "model_files.unreadable": QT_TRANSLATE_NOOP(
        "CoreTexts", "These files are not a saved Trendcast model ({error})."),
    "model_files.not_saveable": QT_TRANSLATE_NOOP(
        "CoreTexts", "{name} models cannot be loaded from files."),
    "network.not_saved": QT_TRANSLATE_NOOP(
        "CoreTexts", "{where} does not hold a saved neural model ({error})."),
    "network.newer": QT_TRANSLATE_NOOP(
        "CoreTexts", "The network in {where} was saved in format {version} by a newer "
                     "Trendcast; this version reads format {supported}."),
    "network.damaged": QT_TRANSLATE_NOOP(
        "CoreTexts", "The network in {where} is damaged: {error}."),
    "network.files_missing": QT_TRANSLATE_NOOP(
        "CoreTexts", "The network in {where} is damaged: {files} missing."),
    "network.not_keras": QT_TRANSLATE_NOOP(
        "CoreTexts", "The network in {where} is damaged: model.keras is not a Keras file."),
    "network.unreadable": QT_TRANSLATE_NOOP(
        "CoreTexts", "The network in {where} could not be read: {error}"),
    "network.other_kind": QT_TRANSLATE_NOOP(
        "CoreTexts", "{where} holds a {found} model, not {wanted}."),
    "network.untrained": QT_TRANSLATE_NOOP(
        "CoreTexts", "Only a trained model can be saved."),
    "network.fit_first": QT_TRANSLATE_NOOP(
        "CoreTexts", "Fit or load a model before fine-tuning it."),
    "network.no_products": QT_TRANSLATE_NOOP(
        "CoreTexts", "There is no product to train on."),
    "network.no_window": QT_TRANSLATE_NOOP(
        "CoreTexts", "No product has enough history to cut a training window."),
    "network.short_history": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model} needs at least {need} periods of history for a horizon of "
                     "{horizon}."),
    "network.other_freq": QT_TRANSLATE_NOOP(
        "CoreTexts", "Fine-tuning needs data of the frequency the model was trained on."),
    "network.longer_horizon": QT_TRANSLATE_NOOP(
        "CoreTexts", "{model} was trained to forecast {trained} periods; {horizon} were "
                     "asked for. Train it again with horizon {horizon}."),
    "network.wide_levels": QT_TRANSLATE_NOOP(
        "CoreTexts", "Neural models give intervals up to {most}%; {level}% was asked for."),
    "cache.unreadable": QT_TRANSLATE_NOOP(
        "CoreTexts", "{source}: the embedding cache cannot be read ({error}); delete it and "
                     "the embeddings are computed again."),
    "cache.mismatch": QT_TRANSLATE_NOOP(
        "CoreTexts", "{source}: the embedding cache has {titles} titles but {vectors} "
                     "vectors; delete it and they are computed again."),
    "cluster.workers": QT_TRANSLATE_NOOP(
        "CoreTexts", "--cluster {text}: the worker count after 'local:' must be a whole "
                     "number of at least 1, e.g. local:2."),
    "cluster.unknown": QT_TRANSLATE_NOOP(
        "CoreTexts", "--cluster {text}: expected local, local:N, sync or a scheduler address "
                     "like tcp://HOST:8786."),
    "cluster.not_installed": QT_TRANSLATE_NOOP(
        "CoreTexts", "--cluster needs Dask distributed, which is not installed: pip install "
                     "'trendcast[cluster]' (or pip install -e .[cluster] in a checkout)."),
    "cluster.no_answer": QT_TRANSLATE_NOOP(
        "CoreTexts", "--cluster {address}: no Dask scheduler answered within {timeout} "
                     "({error}). Check the address and port, or start one with `dask "
                     "scheduler` and workers with `dask worker ADDRESS`."),
    "cluster.no_workers": QT_TRANSLATE_NOOP(
        "CoreTexts", "--cluster {address}: the scheduler has no workers (waited {seconds} "
                     "s). Start some with `dask worker {address}` on machines where "
                     "Trendcast is installed."),
    "reorder.settings": QT_TRANSLATE_NOOP(
        "CoreTexts", "Reorder settings: {problems}"),
    "reorder.lead_negative": QT_TRANSLATE_NOOP(
        "CoreTexts", "lead time must be 0 days or more, got {value}"),
    "reorder.level_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "service level must be between 0 and 1 (e.g. 0.95), got {value}"),
    "reorder.class_level_range": QT_TRANSLATE_NOOP(
        "CoreTexts", "service level of class {abc} must be between 0 and 1 (e.g. 0.95), got "
                     "{value}"),
    "reorder.supplier_lead_negative": QT_TRANSLATE_NOOP(
        "CoreTexts", "lead time of supplier {supplier} must be 0 days or more, got {value}"),
    "reorder.measure": QT_TRANSLATE_NOOP(
        "CoreTexts", "service measure must be cycle or fill, got {value}"),
    "reorder.review_negative": QT_TRANSLATE_NOOP(
        "CoreTexts", "review period must be 0 days or more, got {value}"),
}

# Column roles named inside import errors (the warnings' own roles are in gui.core_texts).
IMPORT_ROLES = {"date": QT_TRANSLATE_NOOP("CoreTexts", "date"),
                "product": QT_TRANSLATE_NOOP("CoreTexts", "product"),
                "quantity": QT_TRANSLATE_NOOP("CoreTexts", "quantity"),
                "title": QT_TRANSLATE_NOOP("CoreTexts", "title"),
                "category": QT_TRANSLATE_NOOP("CoreTexts", "category"),
                "order": QT_TRANSLATE_NOOP("CoreTexts", "order"),
                "status": QT_TRANSLATE_NOOP("CoreTexts", "status"),
                "cancelled": QT_TRANSLATE_NOOP("CoreTexts", "cancelled"),
                "customer": QT_TRANSLATE_NOOP("CoreTexts", "customer"),
                **core_texts.ROLES}
_STEPS = QT_TRANSLATE_NOOP("CoreTexts", "{unit} ({count} steps)")
_AND = QT_TRANSLATE_NOOP("CoreTexts", " and ")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _mix(value: str) -> str:
    """The spacings a file mixes ("weeks:4,days:3"), worded in the user's language."""
    return _tr(_AND).join(_tr(_STEPS).format(unit=core_texts._named(core_texts.UNITS, unit),
                                             count=count) for unit, count in mix_steps(value))


def _problems(value: str) -> str:
    """Several problems of one error (`core.error_messages.clauses_error`), each worded."""
    return _tr("; ").join(_render(MESSAGE_TEXTS, key, fields, MESSAGE_TEXTS[key].format(**fields))
                          for key, fields in decode_clauses(value))


_FIELDS = {**core_texts.FIELDS, "mix": _mix,
           "role": lambda v: core_texts._named(IMPORT_ROLES, v),
           "units": lambda v: core_texts._named(core_texts.UNITS, v),
           # A model's settings: the registry's words (labels and choices), translated.
           "setting": registry_text,
           "choices": lambda v: ", ".join(registry_text(c) for c in v.split(", ")),
           "found": model_label, "wanted": model_label, "problems": _problems}
# Stock-file errors name the file's own columns (on_hand, unique_id): those stay as written.
_AS_WRITTEN = {"stock."}


def _render(table: dict[str, str], key: str | None, fields: dict[str, str],
            english: str) -> str:
    if key not in table:
        return english
    keep = any(key.startswith(prefix) for prefix in _AS_WRITTEN)
    shown = {name: value if keep or name not in _FIELDS else _FIELDS[name](value)
             for name, value in fields.items()}
    try:
        return _tr(table[key]).format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped field
        return english


def problem_texts(problem: Problem) -> tuple[str, str]:
    """A Problem's (message, hint) in the user's language: import errors, engine errors that
    stopped a read, and the import's warnings (`gui.core_texts.problem_texts`)."""
    fields = dict(problem.fields)
    for table in (ERROR_TEXTS, MESSAGE_TEXTS):
        if problem.key in table:
            return (_render(table, problem.key, fields, problem.message),
                    _render(table, problem.hint_key, fields, problem.hint))
    return core_texts.problem_texts(problem)


def message_text(key: str, fields: dict[str, str], english: str) -> str:
    """An engine error's message (`core.error_messages`) from its id and fields."""
    return _render(MESSAGE_TEXTS, key, fields, english)


def error_text(exc: BaseException) -> str:
    """An engine error's message in the user's language; as written when it has no id."""
    key = getattr(exc, "key", None)
    english = getattr(exc, "message", None) or str(exc)
    problems = getattr(exc, "problems", None)
    if problems:  # an InputError: its first error, with where it is
        first = next((p for p in problems if p.severity == "error"), problems[0])
        message, hint = problem_texts(first)
        return f"{message} {hint}".strip()
    return _render(MESSAGE_TEXTS, key, dict(getattr(exc, "fields", ())), english)
