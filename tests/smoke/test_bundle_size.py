"""The bundle's size limit and the build steps that keep it there, without building anything."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))  # build/ holds scripts, not a package

import bundle_size  # noqa: E402
import elf_strip  # noqa: E402
import icu_trim  # noqa: E402
import rthook_tf_unused  # noqa: E402

SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
SITE = SITE / "site-packages"


def _tree(root: Path, sizes: dict[str, int]) -> Path:
    for name, size in sizes.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    return root


@pytest.mark.timeout(60)
def test_size_is_counted_as_du_does(tmp_path):
    bundle = _tree(tmp_path / "Trendcast", {"Trendcast": 3000, "_internal/a/lib.so": 12345,
                                            "_internal/b.txt": 7})
    (bundle / "_internal" / "link.so").symlink_to("a/lib.so")
    du = subprocess.run(["du", "-sb", str(bundle)], capture_output=True, text=True, check=True)
    assert bundle_size.disk_bytes(bundle) == int(du.stdout.split()[0])


@pytest.mark.timeout(60)
def test_over_the_limit_fails_and_names_the_fifteen_biggest_files(tmp_path):
    bundle = _tree(tmp_path / "Trendcast", {f"_internal/part{i:02d}.so": 1000 + i
                                            for i in range(20)})
    size = bundle_size.disk_bytes(bundle)
    within, lines = bundle_size.check_size(bundle, limit=size - 1)
    assert not within
    assert f"{size:,} bytes" in lines[0] and "OVER the limit by 1 bytes" in lines[0]
    listed = [line.split()[-1] for line in lines if line.strip().startswith("0.0 MB")]
    assert listed == [f"_internal/part{i:02d}.so" for i in range(19, 4, -1)]  # 15, biggest first
    within, lines = bundle_size.check_size(bundle, limit=size)
    assert within and len(lines) == 1 and "within the limit by 0 bytes" in lines[0]


@pytest.mark.timeout(60)
def test_the_size_check_script_exits_1_over_the_limit_and_2_without_a_bundle(tmp_path, capsys,
                                                                             monkeypatch):
    bundle = _tree(tmp_path / "Trendcast", {"_internal/big.so": 5000})
    monkeypatch.setattr(bundle_size, "LIMIT_BYTES", 4000)
    assert bundle_size.main([str(bundle)]) == 1
    assert "_internal/big.so" in capsys.readouterr().err
    assert bundle_size.main([str(tmp_path / "missing")]) == 2
    assert "build it with" in capsys.readouterr().err


@pytest.fixture
def small_library(tmp_path) -> Path:
    if not shutil.which("gcc") or not shutil.which("strip"):
        pytest.fail("gcc and strip (binutils) are needed to build the bundle")
    source = tmp_path / "lib.c"
    source.write_text("int answer(void) { return 42; }\nint twice(int x) { return 2 * x; }\n")
    library = tmp_path / "libanswer.so"
    subprocess.run(["gcc", "-g", "-O1", "-shared", "-fPIC", "-o", str(library), str(source)],
                   check=True)
    return library


@pytest.mark.timeout(60)
def test_stripping_a_plain_library_keeps_its_loaded_image(small_library, tmp_path):
    original = tmp_path / "original.so"
    shutil.copy(small_library, original)
    saved = elf_strip.strip_safely(small_library)
    assert saved > 0 and small_library.stat().st_size == original.stat().st_size - saved
    assert elf_strip.same_loaded_image(original, small_library)
    import ctypes

    assert ctypes.CDLL(str(small_library)).twice(21) == 42


@pytest.mark.timeout(60)
def test_a_changed_loaded_segment_is_caught(small_library, tmp_path):
    changed = tmp_path / "changed.so"
    data = bytearray(small_library.read_bytes())
    flags, offset, *_rest = next(s for s in elf_strip.load_segments(small_library) if s[0] & 1)
    data[offset + 16] ^= 0xFF  # a byte of the executable segment
    changed.write_bytes(bytes(data))
    assert not elf_strip.same_loaded_image(small_library, changed)


@pytest.mark.timeout(120)
def test_numpys_openblas_is_left_unstripped(tmp_path):
    """The case that broke the app: strip moves OpenBLAS's patchelf-added segments."""
    blas = sorted((SITE / "numpy.libs").glob("libscipy_openblas*.so"))
    assert blas, f"numpy's OpenBLAS not found in {SITE / 'numpy.libs'}"
    copy = tmp_path / blas[0].name
    shutil.copy(blas[0], copy)
    candidate = tmp_path / "stripped.so"
    subprocess.run(["strip", "--strip-unneeded", "-o", str(candidate), str(copy)], check=True)
    assert not elf_strip.same_loaded_image(copy, candidate)  # plain strip would break it
    assert elf_strip.strip_safely(copy) == 0
    assert copy.read_bytes() == blas[0].read_bytes()


def _icu_data_library() -> Path:
    found = sorted((SITE / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    assert found, "PySide6's ICU data library not found"
    return found[0]


@pytest.mark.timeout(60)
def test_icu_items_kept_and_dropped():
    keep = ["root.res", "en.res", "en_GB.res", "zh.res", "zh_Hant_TW.res", "coll/zh.res",
            "coll/ucadata.icu", "coll/root.res", "res_index.res", "coll/res_index.res",
            "pool.res", "supplementalData.res", "brkitr/cjdict.dict", "brkitr/ja.res",
            "gb18030.cnv", "uts46.nrm", "unames.icu", "zone/zh.res"]
    drop = ["de.res", "sr_Latn_BA.res", "coll/de_.res", "coll/ja.res", "curr/fr.res",
            "lang/ko.res", "unit/ru.res", "zone/ar.res", "region/es_419.res",
            "translit/root.res", "translit/Hira_Kana.res", "rbnf/en.res"]
    assert [item for item in keep if icu_trim.is_dropped(item)] == []
    assert [item for item in drop if not icu_trim.is_dropped(item)] == []


@pytest.mark.timeout(60)
def test_an_icu_package_is_rewritten_with_its_items_untouched():
    library = _icu_data_library()
    _name, offset, size = icu_trim.data_symbol(library)
    header, items = icu_trim.package_items(library.read_bytes()[offset:offset + size])
    kept = items[::7]
    again_header, again = icu_trim.package_items(icu_trim.write_package(header, kept))
    assert again_header == header and again == kept


_COLLATION_CHECK = """
from PySide6.QtCore import QCollator, QLocale
words = ["香蕉", "菠菜", "阿胶糕"]
print(sorted(words, key=QCollator(QLocale("zh_CN")).sortKey) == ["阿胶糕", "菠菜", "香蕉"])
"""


@pytest.mark.timeout(120)
def test_trimmed_icu_data_still_sorts_chinese_by_pinyin(tmp_path):
    original = _icu_data_library()
    trimmed = tmp_path / original.name
    shutil.copy(original, trimmed)
    saved = icu_trim.trim_library(trimmed)
    assert saved > 15_000_000, saved  # 32 MB -> about 13 MB
    run = subprocess.run([sys.executable, "-c", _COLLATION_CHECK], capture_output=True,
                         text=True, env={**os.environ, "LD_PRELOAD": str(trimmed)}, check=True)
    assert run.stdout.strip() == "True", run.stderr


@pytest.mark.timeout(60)
def test_dropped_tensorflow_parts_import_as_stand_ins_that_refuse_calls():
    finder = rthook_tf_unused._StandInFinder()
    name = "tensorflow.lite.python._pywrap_string_util"
    assert finder.find_spec("tensorflow.python.ops.array_ops") is None
    module = finder.create_module(finder.find_spec(name))
    finder.exec_module(module)
    assert module.__trendcast_stand_in__
    with pytest.raises(rthook_tf_unused.NotInPackagedApp, match="not in the packaged"):
        module.SomeConverter().convert()
