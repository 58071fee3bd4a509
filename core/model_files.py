"""Trained models as plain files in memory: how networks travel from the training process to the
window and into project files, and how they come back.

    files = to_files(model)        # {"model.keras": b"...", "meta.json": b"...", ...}
    model = from_files(files)      # the same fitted model (Keras safe_mode: no code is run)

A model is saved with its own `save(directory)`; here that folder becomes `{relative path: bytes}`
and back. Names that would leave the folder are refused, so a crafted project cannot write
anywhere else.
"""
from __future__ import annotations

import os
import posixpath
import tempfile
from pathlib import Path

from core.error_messages import user_error

ModelFiles = dict[str, bytes]


def safe_name(part: str) -> str:
    """`part` as a clean relative POSIX path; raises on absolute paths, `..` and drive letters."""
    clean = posixpath.normpath(part.replace("\\", "/"))
    if clean.startswith(("/", "..")) or clean in (".", "") or ":" in clean:
        raise user_error("model_files.unsafe_name", name=str(part))
    return clean


def read_dir(folder: str | os.PathLike) -> ModelFiles:
    """A saved model folder as {relative path: bytes}."""
    root = Path(folder)
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def write_dir(files: ModelFiles, folder: str | os.PathLike) -> Path:
    """Write a model folder back from its files."""
    root = Path(folder)
    for rel, data in files.items():
        target = root / safe_name(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def to_files(model) -> ModelFiles:
    """A fitted saveable model (see `ForecastModel.capabilities.saveable`) as files."""
    with tempfile.TemporaryDirectory(prefix="trendcast-model-") as tmp:
        return read_dir(model.save(Path(tmp) / model.name))


def check_files(files: ModelFiles, where: str) -> None:
    """Raise TrendcastError unless `files` hold a saved model this version can load (checked
    without loading it: opening a project must not wait for TensorFlow)."""
    import json

    from core.models.registry import get

    try:
        name = json.loads(files["meta.json"])["model"]
        cls = get(name)
    except (KeyError, TypeError, ValueError):
        raise user_error("model_files.no_model", where=where) from None
    checker = getattr(cls, "check_files", None)
    if not cls.capabilities.saveable or checker is None:
        raise user_error("model_files.not_loadable", where=where, name=str(name))
    checker(files, where)


def from_files(files: ModelFiles):
    """The fitted model those files hold. Raises TrendcastError if they are not a saved model."""
    import json

    from core.models.registry import get

    try:
        name = json.loads(files["meta.json"])["model"]
        cls = get(name)
    except (KeyError, TypeError, ValueError) as exc:
        raise user_error("model_files.unreadable", error=str(exc)) from None
    if not cls.capabilities.saveable:
        raise user_error("model_files.not_saveable", name=str(name))
    with tempfile.TemporaryDirectory(prefix="trendcast-model-") as tmp:
        return cls.load(write_dir(files, Path(tmp) / name))
