"""Trim Qt's ICU data library (libicudata, 32 MB) to what an English/Chinese app can use.

Qt calls ICU for collation (QCollator), text boundaries and line breaking, case mapping,
normalization, IDNA and text codecs; it never uses ICU's own locale display names, units,
currencies, time-zone names, spelled-out numbers or transliteration (Qt has its own CLDR data).
So this keeps every break-iterator rule and dictionary (Chinese word breaking needs cjdict),
every codec, the normalization and property data, and the locale data of `root`, English and
Chinese; it removes the other languages' locale data (which fall back to `root`), and the
transliteration and rule-based number-format trees.

The data is one symbol, `icudt<NN>_dat`, in the library's read-only data: an ICU common-data
package (a header, a table of contents sorted by item name, then the items, 16-byte aligned).
We cut it out, write a package with only the kept items (their bytes untouched: Debian 12's
`icupkg` 72 rewrites items of ICU 73's data and Qt's collator then fails), and link a new library
with the same soname and symbol (`gcc`). Without gcc the library stays as it was.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from elf_strip import load_segments

# A locale's resource bundle: "af.res", "sr_Latn_BA.res", "en_US_POSIX.res", "de_.res" (an
# alias), but not the shared tables ("root.res", "pool.res", "supplementalData.res", and
# "res_index.res", the list of installed locales, which ICU reads to fall back).
LOCALE_BUNDLE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
SHARED_TABLES = ("res_index.res",)
KEPT_LANGUAGES = ("en", "zh")
# Trees of locale data (within the package) that Qt never reads for any language.
DROPPED_TREES = ("translit/", "rbnf/")
# Trees whose other-language bundles go; brkitr keeps all (small, and line breaking of mixed text).
LOCALE_TREES = ("", "coll/", "curr/", "lang/", "region/", "unit/", "zone/")


def tools_missing() -> list[str]:
    return [tool for tool in ("gcc", "readelf") if not shutil.which(tool)]


def package_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, bytes), ...]) of an ICU common-data package ("icudt73l/coll/root.res")."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD" or package[8] != 0:
        raise ValueError("not a little-endian ICU common-data package")
    count, = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * index)
               for index in range(count)]
    ends = [offset for _name, offset in entries[1:]] + [len(package) - header_size]
    items = []
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        name_start = header_size + name_offset
        name = package[name_start:package.index(b"\0", name_start)].decode("ascii")
        items.append((name, package[header_size + data_offset:header_size + end]))
    return package[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package with these items, in the order given (sorted by name, as ICU searches)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    table_size = 4 + 8 * len(items)
    first_data = -(-(table_size + len(names)) // 16) * 16
    table, name_offset, data_offset = [struct.pack("<I", len(items))], table_size, first_data
    for name, data in items:
        table.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(name) + 1
        data_offset += -(-len(data) // 16) * 16
    body = b"".join(table) + names
    body += bytes(first_data - len(body))
    for _name, data in items:
        body += data + bytes(-len(data) % 16)
    return header + body


def data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudt<NN>_dat symbol."""
    symbols = subprocess.run(["readelf", "-sW", "--dyn-syms", str(library)],
                             capture_output=True, text=True, check=True).stdout
    match = re.search(r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)\b", symbols)
    if not match:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    vaddr, size, name = int(match.group(1), 16), int(match.group(2), 0), match.group(3)
    for _flags, offset, start, filesz, _memsz, _align, _bytes in load_segments(library):
        if start <= vaddr < start + filesz:
            return name, vaddr - start + offset, size
    raise ValueError(f"{library}: {name} is not in a loaded segment")


def is_dropped(item: str) -> bool:
    """Whether a package item ("coll/de.res", "translit/root.res", "gb18030.cnv") goes."""
    if item.startswith(DROPPED_TREES):
        return True
    tree, _, name = item.rpartition("/")
    tree = f"{tree}/" if tree else ""
    if tree not in LOCALE_TREES or name in SHARED_TABLES or not LOCALE_BUNDLE.match(name):
        return False
    return name.split("_")[0].removesuffix(".res") not in KEPT_LANGUAGES


def trim_library(library: Path) -> int:
    """Replace `library` with a trimmed copy; return the bytes saved (0 if tools are missing)."""
    if tools_missing():
        return 0
    symbol, offset, size = data_symbol(library)
    soname = library.name
    header, items = package_items(library.read_bytes()[offset:offset + size])
    kept = [(name, data) for name, data in items if not is_dropped(name.partition("/")[2])]
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        trimmed = work / "trimmed.dat"
        trimmed.write_bytes(write_package(header, kept))
        source = work / "icudata.s"
        source.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n'
            f'{symbol}:\n\t.incbin "{trimmed}"\n\t.size {symbol}, .-{symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n')
        built = work / soname
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(built),
                        str(source)], check=True, capture_output=True)
        saved = library.stat().st_size - built.stat().st_size
        shutil.copymode(library, built)
        shutil.move(str(built), library)
    return saved
