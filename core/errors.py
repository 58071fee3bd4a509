"""Errors the engine raises on purpose.

Everything a user can cause (bad file, bad argument, too little history) is a `TrendcastError`
whose message a shop owner can act on. `Cancelled` derives from `BaseException` so that no
`except Exception` inside a model or library can swallow a user's cancel.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One finding about user input: where it is, what is wrong, how to fix it."""

    message: str
    hint: str = ""
    file: str | None = None
    row: int | None = None  # 1-based line number as the user sees it in a spreadsheet/editor
    column: str | None = None
    severity: str = "error"  # "error" stops the import, "warning" is reported and handled
    # The template ids and fields of `message` and `hint` (core.data.problem_texts), so a UI in
    # another language can show them in its own words; None for a message without a template.
    key: str | None = None
    hint_key: str | None = None
    fields: tuple[tuple[str, str], ...] = ()

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} {self.hint}".strip() if self.hint else text


class TrendcastError(Exception):
    """An error caused by input or settings; its message is meant for the user.

    `key` and `fields` name its template (`core.error_messages.user_error`), so a UI in another
    language says it in its own words; None for a message without a template."""

    key: str | None = None
    fields: tuple[tuple[str, str], ...] = ()


@dataclass
class InputError(TrendcastError):
    """Input that cannot be used, with every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"] or self.problems
        return str(errors[0]) if errors else "The input could not be read."


class NotEnoughHistory(TrendcastError):
    """A series is too short for the model or settings asked for."""


class Cancelled(BaseException):
    """The user cancelled; raised by `CancelToken.raise_if_cancelled`."""
