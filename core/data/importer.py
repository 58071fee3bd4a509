"""`load` and `preview`: a sales file in, the canonical long frame and a report out.

Stages: read the file as strings (`reading`), find column roles and the layout (`roles`), turn
rows into sale lines (`layouts`), apply the order-line cleaning rule (`cleaning`), regularise to
D/W/M (`regular`) and summarise. Any problem with the input raises `InputError` naming the file,
row, column and a fix; nothing is written anywhere, so a failed import changes nothing.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from core.data.cancellations import cancellation_warnings, partial_refund_warnings
from core.data.cleaning import clean_order_lines, merge_case_variants
from core.data.country import shop_country
from core.data.error_texts import fail, mix_field, problem
from core.data.layouts import to_lines
from core.data.ledger import Ledger
from core.data.problem_texts import warning
from core.data.product_ids import IdCleanup, normalise_ids
from core.data.reading import RawTable, read_table
from core.data.regular import complete_span, period_start, regularise, step_frequencies
from core.data.roles import detect_layout, detect_roles
from core.data.series_end import CHOICES as SERIES_ENDS
from core.data.series_end import decide as decide_series_end
from core.data.statuses import is_cancelled, unknown_status_warning
from core.data.stray_dates import set_aside_far_dates
from core.data.types import LAYOUTS, ROLES, ImportOptions, ImportResult, RawPreview, Summary
from core.data.values import (
    day_order_unclear,
    decimal_conflicts,
    detect_dayfirst,
    detect_decimal,
    distinct,
)
from core.errors import InputError, Problem, TrendcastError
from core.progress import NEVER, CancelToken, ProgressCallback, no_progress, said
from core.schema import DS, FREQ_ALIASES, FREQ_UNITS, ID, Y

ORDER_LAYOUTS = ("orders", "wide_orders")
MAX_TWINS_NAMED = 3  # codes equal but for leading zeros or letter case named in a warning
FAR_DATE_RULE = "date far from the rest"
# Product-periods the regular grid may hold (~1.5 GB with prices); beyond it the import stops
# with a message instead of exhausting memory.
MAX_GRID_CELLS = 40_000_000


def load(path: str | Path, options: ImportOptions | None = None, *,
         progress: ProgressCallback | None = None, cancel: CancelToken | None = None
         ) -> ImportResult:
    """Import a sales file into the canonical long frame (see `core.schema`).

    Raises `InputError` (with every `Problem` found) when the file cannot be used; warnings are
    returned in `ImportResult.problems`.
    """
    try:
        return _load(Path(path), options or ImportOptions(), progress or no_progress,
                     cancel or NEVER)
    except TrendcastError:
        raise
    except MemoryError:
        raise fail(path, "error.memory") from None
    except Exception as exc:  # a safety net: the user must never see a traceback
        raise fail(path, "error.unexpected_import",
                   error=f"{type(exc).__name__}: {exc}") from exc


def preview(path: str | Path, options: ImportOptions | None = None, nrows: int = 200
            ) -> RawPreview:
    """The first `nrows` rows as read, and the detected layout, roles and date order."""
    options = options or ImportOptions()
    try:
        raw = read_table(path, encoding=options.encoding, delimiter=options.delimiter,
                         sheet=options.sheet, nrows=nrows)
        _check_options(str(path), raw, options)
        roles, layout, decimal, dayfirst = _detect(raw, options)
    except TrendcastError:
        raise
    except Exception as exc:
        raise fail(path, "error.unexpected_read",
                   error=f"{type(exc).__name__}: {exc}") from exc
    return RawPreview(str(path), raw.frame.reset_index(drop=True), layout, roles, dayfirst,
                      raw.encoding, raw.delimiter, raw.problems, raw.sheets, raw.sheet)


def _detect(raw: RawTable, options: ImportOptions) -> tuple[dict, str, str, bool | None]:
    roles = detect_roles(raw.frame, options.roles)
    layout = options.layout or detect_layout(raw.frame, roles)
    decimal = options.decimal or _detect_decimal(raw, roles)
    dayfirst = options.dayfirst
    if dayfirst is None and "date" in roles:
        dayfirst = detect_dayfirst(raw.frame[roles["date"]])
    return roles, layout, decimal, dayfirst


def _detect_decimal(raw: RawTable, roles: dict[str, str]) -> str:
    if raw.delimiter == ",":
        return "."
    skip = {roles.get(r) for r in ("date", "product", "title", "order", "status", "category")}
    # Every distinct value of the whole file: a decimal comma first seen in row 90,000 counts.
    cells = [distinct(raw.frame[c])[1] for c in raw.frame.columns if c not in skip]
    return detect_decimal(pd.concat(cells)) if cells else "."


def _check_options(path: str, raw: RawTable, options: ImportOptions) -> None:
    problems = []
    for role, column in options.roles.items():
        if role not in ROLES:
            problems.append(problem(path, "error.unknown_role", role=str(role),
                                    choices=", ".join(ROLES)))
        elif column not in raw.frame.columns:
            names = ", ".join(f"'{c}'" for c in raw.frame.columns[:15])
            problems.append(problem(path, "error.no_such_column", column=column,
                                    name=str(column), role=role, columns=names))
    if options.freq is not None and options.freq not in FREQ_ALIASES:
        problems.append(problem(path, "error.unknown_freq", value=str(options.freq)))
    if options.layout is not None and options.layout not in LAYOUTS:
        problems.append(problem(path, "error.unknown_layout", value=str(options.layout),
                                choices=", ".join(LAYOUTS)))
    if options.series_end is not None and options.series_end not in SERIES_ENDS:
        problems.append(problem(path, "error.unknown_series_end",
                                value=str(options.series_end), choices=", ".join(SERIES_ENDS)))
    if problems:
        raise InputError(problems)


def _ended_early(frame: pd.DataFrame) -> int:
    """Products whose series ends before the data's last period."""
    return int((frame.groupby(ID, sort=False)[DS].max() < frame[DS].max()).sum())


def _load(path: Path, options: ImportOptions, report: ProgressCallback,
          cancel: CancelToken) -> ImportResult:
    name = str(path)
    report(said(0.0, "progress.reading", stage="import"))
    raw = read_table(path, encoding=options.encoding, delimiter=options.delimiter,
                     sheet=options.sheet)
    cancel.raise_if_cancelled()
    if raw.frame.empty:
        raise fail(name, "error.no_rows")
    if len(raw.frame) == 1:
        raise fail(name, "error.one_row", row=raw.line_of(0))
    _check_options(name, raw, options)
    roles, layout, decimal, dayfirst = _detect(raw, options)
    _check_decimal(name, raw, roles, decimal, chosen=options.decimal is not None)
    warnings = list(raw.problems)
    id_cleanup = _normalise_ids(name, raw, layout, roles)
    if id_cleanup.zero_twins:
        warnings.append(warning(
            "import.zero_twins", file=name, column=roles.get("product"),
            count=f"{len(id_cleanup.zero_twins):,}",
            examples="; ".join(id_cleanup.zero_twins[:MAX_TWINS_NAMED])))
    report(said(0.4, "progress.reading_values", stage="import"))
    ledger = Ledger()
    dropped = ledger.rows
    # Over every row of the file, before cleaning: the shop's market, not one season's.
    country = shop_country(raw.frame, roles, decimal) if layout in ("long", "orders") else None
    lines, notes = to_lines(raw, layout, roles, path=name, dayfirst=dayfirst, decimal=decimal,
                            ledger=ledger)
    warnings += notes
    cancel.raise_if_cancelled()
    lines[ID], joined = merge_case_variants(lines[ID])
    if joined:
        warnings.append(warning(
            "import.case_twins", file=name, column=roles.get("product"),
            count=f"{len(joined):,}", examples="; ".join(joined[:MAX_TWINS_NAMED])))
    lines, far, notes = set_aside_far_dates(name, lines, raw.line_of)
    if far:
        dropped[FAR_DATE_RULE] = float(far)
        warnings += notes
    # Cancelled orders are not sales in any layout; unknown statuses are named, not guessed.
    lines = ledger.remove("cancelled", lines,
                          is_cancelled(lines, options.cancelled_statuses).to_numpy(dtype=bool))
    if "status" in roles:
        warnings += unknown_status_warning(name, roles["status"], lines,
                                           options.cancelled_statuses)
    if layout in ORDER_LAYOUTS:
        lines, matched = clean_order_lines(lines, ledger)
        warnings += cancellation_warnings(name, matched)
        warnings += partial_refund_warnings(name, lines, matched)
    if lines.empty:
        raise _why_empty(name, dropped)
    unclear_order = (dayfirst is None and options.dayfirst is None
                     and day_order_unclear(raw.frame[roles["date"]]))
    freq = options.freq or _choose_freq(name, lines, layout, unclear_order=unclear_order)
    if options.freq and layout not in ORDER_LAYOUTS:
        warnings += _finer_than_data(name, lines, freq)
    if options.complete_periods and layout in ORDER_LAYOUTS and freq != "D":
        lines = _complete_periods_only(name, lines, freq, ledger)
    report(said(0.7, "progress.building", stage="import"))
    _check_grid_size(name, lines, freq)
    ends = decide_series_end(lines, freq, orders=layout in ORDER_LAYOUTS,
                             chosen=options.series_end)
    reg = regularise(lines, freq, ends.rule)
    cancel.raise_if_cancelled()
    frame = reg.frame
    if frame.empty:
        raise fail(name, "error.no_sales")
    periods = frame[DS].nunique()
    if periods < 2:
        raise fail(name, "error.one_period", unit=FREQ_UNITS[freq][:-1],
                   date=f"{frame[DS].iloc[0]:%Y-%m-%d}")
    warnings += _warnings(name, layout, freq, lines, reg, dayfirst, roles, options,
                          raw.frame[roles["date"]])
    warnings += ledger.warnings(name)
    summary = Summary(products=int(frame[ID].nunique()), start=frame[DS].min(),
                      end=frame[DS].max(), freq=freq, rows_read=len(raw.frame), periods=periods,
                      zero_share=float((frame[Y] == 0).mean()),
                      total_quantity=float(frame[Y].sum()), dropped=dropped,
                      units_removed=ledger.units,
                      gaps=0 if layout in ORDER_LAYOUTS else reg.gaps,
                      series_end=ends.rule, end_reason=ends.reason,
                      ended_early=_ended_early(frame),
                      ids_cleaned=id_cleanup.changed, ids_merged=id_cleanup.merged,
                      country=country)
    report(said(1.0, "progress.imported", stage="import"))
    return ImportResult(frame=frame, freq=freq, layout=layout, roles=roles, summary=summary,
                        problems=warnings, source=name)


def _normalise_ids(name: str, raw: RawTable, layout: str, roles: dict[str, str]) -> IdCleanup:
    """Clean the product column in place (`product_ids`); wide layouts name products by column."""
    column = roles.get("product")
    if layout not in ("long", "orders") or column not in raw.frame.columns:
        return IdCleanup()
    cleaned, cleanup = normalise_ids(raw.frame[column], path=name, column=column,
                                     line_of=raw.line_of)
    raw.frame = raw.frame.assign(**{column: cleaned})
    return cleanup


def _check_decimal(name: str, raw: RawTable, roles: dict[str, str], decimal: str, *,
                   chosen: bool) -> None:
    """Refuse numbers that contradict the decimal mark (43.0 would read as 430 with ',')."""
    for role in ("quantity", "price"):
        column = roles.get(role)
        if column not in raw.frame.columns:
            continue
        values = raw.frame[column]
        conflicts = decimal_conflicts(values, decimal).to_numpy()
        if conflicts.any():
            first = int(np.flatnonzero(conflicts)[0])
            other = "," if decimal == "." else "."
            key = "error.decimal_chosen" if chosen else "error.decimal"
            raise fail(name, key, value=str(values.iloc[first]), decimal=decimal,
                       cells=f"{int(conflicts.sum()):,}", other=other,
                       row=raw.line_of(values.index[first]), column=column)


def _check_grid_size(name: str, lines: pd.DataFrame, freq: str) -> None:
    """Refuse a grid too large for memory (every product runs to the data's last period)."""
    starts = period_start(lines.groupby(ID, observed=True)[DS].min(), freq)
    end = period_start(pd.Series([lines[DS].max()]), freq).to_numpy()
    unit = f"datetime64[{freq}]"  # D, W, M are numpy units too; whole units never overflow
    periods = (end.astype(unit).astype(np.int64)
               - starts.to_numpy().astype(unit).astype(np.int64) + 1)
    cells = int(periods.sum())
    if cells > MAX_GRID_CELLS:
        raise fail(name, "error.too_many_cells", products=f"{len(starts):,}",
                   first=f"{lines[DS].min():%Y-%m-%d}", last=f"{lines[DS].max():%Y-%m-%d}",
                   cells=f"{cells:,}", units=FREQ_UNITS[freq])


def _why_empty(name: str, dropped: dict[str, float]) -> InputError:
    if not dropped:
        return fail(name, "error.nothing_left")
    rules = ", ".join(f"{rule}: {n:,.0f} rows" for rule, n in dropped.items())
    return fail(name, "error.nothing_left_rules", rules=rules)


def _choose_freq(name: str, lines: pd.DataFrame, layout: str, *,
                 unclear_order: bool = False) -> str:
    """D for order lines; for period tables the spacing of the dates (mixed spacing is an error).

    With `unclear_order` (dates like 01/02/2024 and none that shows which field is the day) the
    mixed spacing may come from reading day-first dates month-first: the error says so first,
    since choosing a frequency would then spread the sales over the wrong days."""
    if layout in ORDER_LAYOUTS or (lines[DS] != lines[DS].dt.normalize()).any():
        return "D"
    counts = step_frequencies(lines)
    if counts.sum() == 0:
        return "D"
    found = counts[counts > 0]
    if len(found) > 1 and found.iloc[1] >= max(3, 0.2 * found.sum()):
        mix = mix_field({FREQ_UNITS[f]: int(n) for f, n in found.items()})
        if unclear_order:
            raise fail(name, "error.mixed_unclear", mix=mix)
        raise fail(name, "error.mixed", mix=mix)
    return str(found.index[0])


def _complete_periods_only(name: str, lines: pd.DataFrame, freq: str,
                           ledger: Ledger) -> pd.DataFrame:
    start, end = complete_span(lines[DS], freq)
    days = lines[DS].dt.normalize()
    inside = ((days >= start) & (days <= end)).to_numpy()
    if not inside.any():
        raise fail(name, "error.incomplete", unit=FREQ_UNITS[freq][:-1])
    return ledger.remove("partial period", lines, ~inside)


def _finer_than_data(name: str, lines: pd.DataFrame, freq: str) -> list[Problem]:
    counts = step_frequencies(lines)
    spacing = str(counts.index[0]) if counts.sum() else freq
    order = "DWM"
    if order.index(spacing) <= order.index(freq):
        return []
    return [warning("import.finer_than_data", file=name, unit=FREQ_UNITS[spacing],
                    chosen_unit=FREQ_UNITS[freq], spacing=spacing)]


def _warnings(name: str, layout: str, freq: str, lines: pd.DataFrame, reg, dayfirst,
              roles: dict[str, str], options: ImportOptions, raw_dates: pd.Series
              ) -> list[Problem]:
    out = []
    if dayfirst is None and options.dayfirst is None and day_order_unclear(raw_dates):
        out.append(warning("import.day_order", file=name, column=roles["date"]))
    if layout not in ORDER_LAYOUTS and reg.gaps:
        examples = ", ".join(reg.gap_examples)
        out.append(warning("import.gaps", file=name, gaps=f"{reg.gaps:,}", examples=examples))
    negative = int((lines[Y] < 0).sum()) if layout not in ORDER_LAYOUTS else 0
    if negative:
        out.append(warning("import.negative", file=name, column=roles.get("quantity"),
                           rows=f"{negative:,}"))
    if layout not in ORDER_LAYOUTS and reg.duplicates:
        out.append(warning("import.duplicates", file=name, rows=f"{reg.duplicates:,}",
                           unit=FREQ_UNITS[freq][:-1]))
    if reg.silent_periods:
        first = ", ".join(f"{d:%Y-%m-%d}" for d in reg.silent_periods[:5])
        n = len(reg.silent_periods)
        unit = FREQ_UNITS[freq] if n > 1 else FREQ_UNITS[freq][:-1]
        out.append(warning("import.silent_periods" if n > 1 else "import.silent_period",
                           file=name, count=str(n), unit=unit, dates=first))
    if reg.unsold:
        out.append(warning("import.unsold", file=name, count=str(len(reg.unsold)),
                           examples=", ".join(reg.unsold[:3])))
    last = lines[DS].max()
    end = reg.frame[DS].max()
    if (freq != "D" and layout in ORDER_LAYOUTS and not options.complete_periods
            and _period_end(end, freq) > last.normalize()):
        out.append(warning("import.partial_last", file=name, end=f"{end:%Y-%m-%d}",
                           last=f"{last:%Y-%m-%d}"))
    return out


def _period_end(stamp: pd.Timestamp, freq: str) -> pd.Timestamp:
    if freq == "W":
        return stamp  # weeks are stamped with their last day
    return stamp + pd.offsets.MonthEnd(0)
