"""Refresh the translation catalogues from the GUI sources and compile them.

    python build/update_translations.py           # lupdate (keeps existing translations) + lrelease
    python build/update_translations.py --check   # also fail if any string lacks a translation

The `.ts` files in resources/translations/ are the source of truth for the translations (edit
them with pyside6-linguist or a text editor); the compiled `.qm` files are committed too, so the
app works without the Qt tools.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(found).exists():
        raise SystemExit(f"pyside6-{name} not found; install PySide6 (it ships the Qt tools).")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def unfinished(ts: Path) -> list[str]:
    """Source strings without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished",) or not (
                (translation.text or "").strip() or translation.findall("numerusform")):
            missing.append(message.findtext("source"))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"trendcast_{language}.ts"
        subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(),
                        "-target-language", language, "-ts", str(ts)], cwd=ROOT, check=True)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)
        missing = unfinished(ts)
        if missing:
            print(f"{ts.name}: {len(missing)} untranslated: {missing[:10]}", file=sys.stderr)
            status = 1 if args.check else status
    return status


if __name__ == "__main__":
    sys.exit(main())
