"""Engine texts as data: a list of `(template id, fields)` clauses (`core.messages`), stored as
one compact JSON string beside the English text, so a table column (the run's choices, saved
in projects) keeps them and the GUI renders them in its own language without reading the
English back.

    ids = encode([("reason.settings", {})])        # '[["reason.settings",{}]]'
    decode(ids)                                    # [("reason.settings", {})]
    decode("")                                     # None: no ids (an older project)
"""
from __future__ import annotations

import json

from core.messages import TEMPLATES, join, parse, render

Clause = tuple[str, dict[str, str]]
# Table columns that hold the ids of the English column named before "_ids": for the UI's
# language, never shown or exported as they are.
ID_COLUMNS = ("reason_ids", "fallback_ids")


def encode(clauses: list[Clause]) -> str:
    return json.dumps([[key, dict(fields)] for key, fields in clauses], ensure_ascii=False,
                      separators=(",", ":"))


def decode(text: object) -> list[Clause] | None:
    """The clauses of `encode`; None for anything else (missing, empty or damaged), so the
    caller falls back to the English text. Unknown ids and non-text fields are dropped."""
    if not isinstance(text, str) or not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, list):
        return None
    out = []
    for item in data:
        if (isinstance(item, list) and len(item) == 2 and item[0] in TEMPLATES
                and isinstance(item[1], dict)
                and all(isinstance(v, str) for v in item[1].values())):
            out.append((item[0], dict(item[1])))
    return out


def clauses_of(text: object, ids: object) -> list[Clause]:
    """The clauses of a text cell and its ids cell: from the ids; read back from the English
    only for a text without them (written by an older version), leaving out what no template
    matches."""
    found = decode(ids)
    if found is not None:
        return found
    if not isinstance(text, str) or not text:
        return []
    return [(key, fields) for key, fields in parse(text) if key is not None]


def english(clauses: list[Clause]) -> str:
    """The English text of `clauses`, as `core.messages.join` writes it."""
    return join(*(render(key, **fields) for key, fields in clauses))
