"""The errors the engine raises for people, as templates with named fields.

`user_error(key, **fields)` makes a `TrendcastError` whose `str()` is the English text (the CLI
prints it) and which keeps `key` and `fields`, so the GUI says it in the user's language
(`gui.error_texts`) instead of reading the English back. Field values are strings formatted by the
writer; `error` is a library's own message, shown as it is. The import's own errors are Problems
(`core.data.error_texts`).
"""
from __future__ import annotations

import json

from core.errors import TrendcastError

MESSAGES: dict[str, str] = {
    # Projects (core.project).
    "project.save_failed": "Could not save the project to {path}: {error}.",
    "project.missing": "The project {name} does not exist.",
    "project.foreign": "{name} is not a Trendcast project.",
    "project.foreign_zip": "{name} is not a Trendcast project (it is a zip file without a "
                           "Trendcast manifest).",
    "project.damaged": "The project {name} is damaged and cannot be opened ({error}). Open an "
                       "earlier copy, or import the sales file again.",
    "project.too_large": "{name} unpacks to {size} GB; refusing to open it.",
    "project.newer": "{name} was saved by a newer version of Trendcast (project format "
                     "{version}; this version reads up to {supported}). Please update Trendcast "
                     "to open it.",
    # Files written by exports (core.export, core.overrides.journal_json).
    "file.write_failed": "Could not write {path}: {error}.",
    "export.no_whatif": "There is no what-if to export yet: apply a plan first.",
    # The overrides journal file (core.overrides.journal_json).
    "journal.missing": "The overrides file {path} does not exist.",
    "journal.unreadable": "Could not read the overrides file {path}: {error}.",
    "journal.not_json": "{name} is not valid JSON (line {line}, column {column}: {error}); fix it "
                        "or export the journal again.",
    # The stock file and settings of the reorder plan (core.reorder).
    "stock.missing": "Stock file not found: {path}",
    "stock.unreadable": "Could not read stock file {path}: {error}",
    "stock.no_column": "{path}: no {role} column; the stock file needs a product id column "
                       "(unique_id, sku or product_id) and an on_hand column. Columns found: "
                       "{columns}",
    "stock.twice": "{path}, row {row}: product {product} is listed twice; keep one row per "
                   "product",
    "stock.not_number": "{path}, row {row}, column {role}: '{value}' is not a number; write a "
                        "plain number such as 12 or 2.5",
    "stock.negative_on_hand": "{path}, row {row}, column {role}: {value} cannot be negative "
                              "(count what is on the shelf)",
    "stock.negative": "{path}, row {row}, column {role}: {value} cannot be negative",
    "stock.not_positive": "{path}, row {row}, column {role}: {value} must be more than 0",
    "stock.service_range": "{path}, row {row}, column {role}: {value} must be between 0 and 1, "
                           "e.g. 0.95",
    "reorder.short_forecast": "The forecast covers {have} periods, but the longest lead time + "
                              "review period needs {needed}: forecast at least {needed} periods "
                              "ahead or shorten the lead time",
    # What-if plans (core.scenario).
    "whatif.empty": "The what-if plan has no changes yet: add a price change first.",
    "whatif.outside": "No forecast period falls inside the planned dates: the forecast covers "
                      "{first} to {last}.",
    "whatif.no_price_network": "This forecast has no trained network that reads prices. Train "
                               "LSTM, Transformer or TCN on data with prices, or use the "
                               "price-elasticity method.",
    "whatif.unknown_products": "What-if change {change} names products the forecast does not "
                               "have: {products}.",
    "whatif.unknown_category": "What-if change {change}: no product is in category '{category}'.",
    "whatif.no_reading_network": "None of the trained networks reads prices or promotions, so "
                                 "they cannot answer a what-if. Use the price-elasticity method, "
                                 "or train a network on data with a price column.",
    "whatif.no_prices": "The data has no prices, so the effect of a price change cannot be "
                        "estimated. Import a file with a price column.",
    "whatif.percent_range": "What-if percent: A price change of {percent}% is outside "
                            "{low}% .. {high}%.",
    "whatif.ends_before": "What-if end: The change ends ({end}) before it starts ({start}).",
    # A hand-made override (core.overrides.journal).
    "override.negative": "Override value: A forecast cannot be set to {value} units; use 0 or "
                         "more.",
    "override.below_minus_100": "Override value: {value} % would make sales negative; use "
                                "-100 % or more.",
    "override.ends_before": "Override end: The range ends ({end}) before it starts ({start}).",
    "scenario.no_name": "A scenario needs a name.",
    "scenario.long_name": "A scenario name can have at most {most} characters, not {length}.",
    "scenario.taken": "There is already a scenario named '{name}'; choose another name.",
    # A model's settings (core.models: statistical panel models, the registry, ensembles).
    "model.season_length": "{model}: the season length must be a whole number of periods, at "
                           "least 1; got {value}.",
    "model.param_choice": "{model}: '{setting}' ({param}) must be one of {choices}; got {value}.",
    "model.param_whole": "{model}: '{setting}' ({param}) must be a whole number; got {value}.",
    "model.param_number": "{model}: '{setting}' ({param}) must be a number; got {value}.",
    "model.param_range": "{model}: '{setting}' ({param}) must be between {low} and {high}; got "
                         "{value}.",
    "model.param_bool": "{model}: '{setting}' ({param}) must be true or false; got {value}.",
    "model.short_history": "{model} needs at least {need} {units} of history; the longest "
                           "product has {longest}.",
    "model.levels": "Interval levels are percentages between 0 and 100 (e.g. 80, 95); got "
                    "{levels}.",
    "model.unknown": "Unknown model '{name}'. Available: {available}.",
    "model.unknown_members": "Unknown ensemble member(s): {names}.",
    "backtest.too_small": "The horizon and the number of windows must be at least 1.",
    # Saved model files and networks (core.model_files, core.models.neural).
    "model_files.unsafe_name": "Unsafe model file name '{name}'.",
    "model_files.no_model": "The model files in {where} are not a saved Trendcast model "
                            "(meta.json does not name one).",
    "model_files.not_loadable": "The model files in {where} name {name}, which cannot be loaded "
                                "from files.",
    "model_files.unreadable": "These files are not a saved Trendcast model ({error}).",
    "model_files.not_saveable": "{name} models cannot be loaded from files.",
    "network.not_saved": "{where} does not hold a saved neural model ({error}).",
    "network.newer": "The network in {where} was saved in format {version} by a newer "
                     "Trendcast; this version reads format {supported}.",
    "network.damaged": "The network in {where} is damaged: {error}.",
    "network.files_missing": "The network in {where} is damaged: {files} missing.",
    "network.not_keras": "The network in {where} is damaged: model.keras is not a Keras file.",
    "network.unreadable": "The network in {where} could not be read: {error}",
    "network.other_kind": "{where} holds a {found} model, not {wanted}.",
    "network.untrained": "Only a trained model can be saved.",
    "network.fit_first": "Fit or load a model before fine-tuning it.",
    "network.no_products": "There is no product to train on.",
    "network.no_window": "No product has enough history to cut a training window.",
    "network.short_history": "{model} needs at least {need} periods of history for a horizon "
                             "of {horizon}.",
    "network.other_freq": "Fine-tuning needs data of the frequency the model was trained on.",
    "network.longer_horizon": "{model} was trained to forecast {trained} periods; {horizon} "
                              "were asked for. Train it again with horizon {horizon}.",
    "network.wide_levels": "Neural models give intervals up to {most}%; {level}% was asked for.",
    # The title embeddings kept between runs (core.text.cache).
    "cache.unreadable": "{source}: the embedding cache cannot be read ({error}); delete it and "
                        "the embeddings are computed again.",
    "cache.mismatch": "{source}: the embedding cache has {titles} titles but {vectors} vectors; "
                      "delete it and they are computed again.",
    # Where a run's work goes (core.executors).
    "cluster.workers": "--cluster {text}: the worker count after 'local:' must be a whole "
                       "number of at least 1, e.g. local:2.",
    "cluster.unknown": "--cluster {text}: expected local, local:N, sync or a scheduler address "
                       "like tcp://HOST:8786.",
    "cluster.not_installed": "--cluster needs Dask distributed, which is not installed: pip "
                             "install 'trendcast[cluster]' (or pip install -e .[cluster] in a "
                             "checkout).",
    "cluster.no_answer": "--cluster {address}: no Dask scheduler answered within {timeout} "
                         "({error}). Check the address and port, or start one with `dask "
                         "scheduler` and workers with `dask worker ADDRESS`.",
    "cluster.no_workers": "--cluster {address}: the scheduler has no workers (waited {seconds} "
                          "s). Start some with `dask worker {address}` on machines where "
                          "Trendcast is installed.",
    # The reorder plan's settings (core.reorder.inputs.ReorderSettings.problem_clauses), each
    # problem a clause of "reorder.settings" (field `problems`, see `clauses_error`).
    "reorder.settings": "Reorder settings: {problems}",
    "reorder.lead_negative": "lead time must be 0 days or more, got {value}",
    "reorder.level_range": "service level must be between 0 and 1 (e.g. 0.95), got {value}",
    "reorder.class_level_range": "service level of class {abc} must be between 0 and 1 (e.g. "
                                 "0.95), got {value}",
    "reorder.supplier_lead_negative": "lead time of supplier {supplier} must be 0 days or more, "
                                      "got {value}",
    "reorder.measure": "service measure must be cycle or fill, got {value}",
    "reorder.review_negative": "review period must be 0 days or more, got {value}",
}


def user_error(key: str, *, cls: type[TrendcastError] = TrendcastError,
               **fields: str) -> TrendcastError:
    """A `cls` error with the English text of `key`, carrying `key` and `fields` for the GUI."""
    error = cls(MESSAGES[key].format(**fields))
    error.key = key
    error.fields = tuple(fields.items())
    return error


Clause = tuple[str, dict[str, str]]
SEPARATOR = "; "


def english(clauses: list[Clause]) -> list[str]:
    """Each clause's English text."""
    return [MESSAGES[key].format(**fields) for key, fields in clauses]


def clauses_error(key: str, clauses: list[Clause], *,
                  cls: type[TrendcastError] = TrendcastError) -> TrendcastError:
    """A `key` error listing several problems: its `problems` field keeps their ids and fields
    as JSON (`decode_clauses`), so the GUI words each one; the English joins them with "; "."""
    error = cls(MESSAGES[key].format(problems=SEPARATOR.join(english(clauses))))
    error.key = key
    error.fields = (("problems", json.dumps([[k, f] for k, f in clauses], ensure_ascii=False)),)
    return error


def decode_clauses(text: str) -> list[Clause]:
    """The clauses of a `problems` field; those with an unknown id or bad fields are dropped."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [(item[0], dict(item[1])) for item in data if isinstance(data, list)
            and isinstance(item, list) and len(item) == 2 and item[0] in MESSAGES
            and isinstance(item[1], dict) and all(isinstance(v, str) for v in item[1].values())]
