"""Progress reporting and cooperative cancellation, free of any GUI toolkit.

Core functions take `progress` (a plain callable) and `cancel` (a `CancelToken`). The GUI sets the
token from the UI thread; the engine checks it between series, folds and batches.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from core.errors import Cancelled
from core.messages import render


@dataclass(frozen=True)
class ProgressEvent:
    """How far a piece of work is. `fraction` is in [0, 1]; `metrics` carries e.g. losses.

    `message` is English (the CLI prints it); an event made by `said` also carries it as a
    template id and its fields (`core.messages`), so a UI formats it in its own language."""

    fraction: float
    message: str = ""
    stage: str = ""
    metrics: dict[str, float] | None = None
    message_id: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)


def said(fraction: float, message_id: str, *, stage: str = "",
         metrics: dict[str, float] | None = None, **fields: object) -> ProgressEvent:
    """An event whose message is template `message_id` with `fields` (as text)."""
    shown = {name: str(value) for name, value in fields.items()}
    return ProgressEvent(fraction, render(message_id, **shown), stage, metrics, message_id, shown)


ProgressCallback = Callable[[ProgressEvent], None]


def no_progress(_event: ProgressEvent) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """A flag shared between the thread that asks to stop and the one doing the work.

    Backed by a `threading.Event`; for work in other processes pass `mp_event` (a
    `multiprocessing.Event`) so the same token reaches child processes.
    """

    def __init__(self, mp_event=None) -> None:
        self._event = mp_event if mp_event is not None else threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER = CancelToken()  # a token nobody sets; do not call .cancel() on it


def scaled(progress: ProgressCallback | None, start: float, end: float,
           stage: str = "") -> ProgressCallback:
    """Map a sub-task's 0..1 progress into the [start, end] part of its parent's."""
    report = progress or no_progress

    def _report(event: ProgressEvent) -> None:
        report(replace(event, fraction=start + (end - start) * min(max(event.fraction, 0.0), 1.0),
                       stage=event.stage or stage))

    return _report
