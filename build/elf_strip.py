"""Strip shared libraries only where the loaded image stays byte-identical.

`strip` can mangle libraries that auditwheel patched with patchelf (numpy's OpenBLAS failed
with "ELF load command address/offset not page-aligned": strip moved and emptied its LOAD
segments). So each file is stripped into a copy, and the copy replaces the original only when
every LOAD segment has the same address, sizes, flags and bytes, at an offset the loader
accepts; otherwise the original stays. Symbols and debug info live outside the LOAD segments,
so what is removed is never mapped by the running app.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1
# Where the ELF header says where the section headers are (e_shoff, e_shnum, e_shstrndx):
# stripping changes them, the loader never reads them.
SECTION_HEADER_FIELDS = ((0x28, 8), (0x3C, 4))


def is_elf(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == ELF_MAGIC


def load_segments(path: Path) -> list[tuple[int, int, int, int, int, int, bytes]]:
    """(flags, offset, vaddr, filesz, memsz, align, bytes) of each PT_LOAD of a 64-bit
    little-endian ELF file (the only kind in a linux-x86_64 bundle)."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segments = []
    for index in range(phnum):
        kind, flags, offset, vaddr, _paddr, filesz, memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + index * phentsize)
        if kind == PT_LOAD:
            content = bytearray(data[offset:offset + filesz])
            if offset == 0:
                for start, length in SECTION_HEADER_FIELDS:
                    content[start:start + length] = bytes(length)
            segments.append((flags, offset, vaddr, filesz, memsz, align, bytes(content)))
    return segments


def same_loaded_image(original: Path, stripped: Path) -> bool:
    """True when the loader maps the same bytes at the same addresses from both files."""
    before, after = load_segments(original), load_segments(stripped)
    if len(before) != len(after):
        return False
    for old, new in zip(before, after, strict=True):
        flags, offset, vaddr, filesz, memsz, align, content = new
        if (old[0], old[2], old[3], old[4], old[5], old[6]) != (flags, vaddr, filesz, memsz,
                                                                 align, content):
            return False
        if align > 1 and (vaddr - offset) % align:
            return False
    return True


def strip_safely(path: Path, flag: str = "--strip-unneeded") -> int:
    """Strip `path` in place if that leaves its loaded image unchanged; return bytes saved."""
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        candidate = Path(scratch) / path.name
        result = subprocess.run(["strip", flag, "-o", str(candidate), str(path)],
                                capture_output=True, check=False)
        if result.returncode != 0 or not candidate.exists():
            return 0
        saved = path.stat().st_size - candidate.stat().st_size
        if saved <= 0 or not same_loaded_image(path, candidate):
            return 0
        shutil.copymode(path, candidate)
        os.replace(candidate, path)
    return saved


def strip_tree(root: Path, patterns: tuple[str, ...], flag: str,
               skip=lambda path: False) -> tuple[int, list[Path]]:
    """Strip every ELF file under `root` matching `patterns` (but not `skip`); return (bytes
    saved, files left as they were because stripping would have changed what is loaded)."""
    saved, kept = 0, []
    files = {p for pattern in patterns for p in root.glob(pattern)
             if p.is_file() and not p.is_symlink() and not skip(p)}
    for path in sorted(files):
        if not is_elf(path):
            continue
        gained = strip_safely(path, flag)
        saved += gained
        if gained == 0 and _has_strippable_parts(path):
            kept.append(path)
    return saved, kept


def _has_strippable_parts(path: Path) -> bool:
    names = subprocess.run(["readelf", "-SW", str(path)], capture_output=True, text=True,
                           check=False).stdout
    return ".symtab" in names or ".debug_" in names
