"""The user interface language: English (the source strings) or Simplified Chinese.

    language = install_translator(app)      # at start-up, before any window is built
    menu_bar.addMenu(language_menu(window)) # View > Language, or wherever it fits

The language follows the system locale unless the user picked one (QSettings key `language`:
"system", "en" or "zh_CN"). Catalogues are compiled `.qm` files in `resources/translations/`,
found relative to this file so the same code runs from source and from a PyInstaller bundle.
Widgets built with `tr()` keep the text they got, so switching rebuilds the main window in the
new language (`MainWindow.switch_language`); while work runs it takes effect at the next start.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
SETTINGS_KEY = "language"
CHOICES = ("system", "en", "zh_CN")
CATALOGUES = {"zh_CN": "trendcast_zh_CN.qm"}
_installed: list[QTranslator] = []  # kept alive while installed
# lupdate files `tr("…")` called as a plain function under the empty context and
# `window.tr("…")` under "window", while at run time Qt asks with the class name. The catalogue
# translator falls back to these contexts so both spellings find their translation.
FALLBACK_CONTEXTS = ("", "window")


class _CatalogueTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        found = super().translate(context, source, disambiguation, n)
        if found:
            return found
        for fallback in FALLBACK_CONTEXTS:
            if fallback != context:
                found = super().translate(fallback, source, disambiguation, n)
                if found:
                    return found
        return None  # "not here": Qt then tries other translators or keeps the source text


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def saved_choice() -> str:
    value = QSettings().value(SETTINGS_KEY, "system")
    return value if value in CHOICES else "system"


def resolve(choice: str | None = None, locale: QLocale | None = None) -> str:
    """The language to use: "en" or "zh_CN". `choice` defaults to the saved setting."""
    choice = choice or saved_choice()
    if choice != "system":
        return choice if choice in CATALOGUES or choice == "en" else "en"
    name = (locale or QLocale.system()).name()  # e.g. "zh_CN", "zh_TW", "en_GB"
    return "zh_CN" if name.startswith("zh") else "en"


def install_translator(app: QCoreApplication | None = None, language: str | None = None) -> str:
    """Install the catalogue for `language` (default: setting or system). Returns the language
    actually in use: "en" when the catalogue is missing."""
    app = app or QCoreApplication.instance()
    remove_translators(app)
    language = resolve(language)
    if language not in CATALOGUES:
        return "en"
    ours = _CatalogueTranslator(app)
    if not ours.load(str(TRANSLATIONS_DIR / CATALOGUES[language])):
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(language))  # dates and month names follow the UI language
    # Qt's own strings (standard buttons, file dialogs), when Qt ships them.
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language


def translated_ui() -> bool:
    """Whether a catalogue is installed (the UI is not in English)."""
    return bool(_installed)


def remove_translators(app: QCoreApplication | None = None) -> None:
    app = app or QCoreApplication.instance()
    if _installed:
        QLocale.setDefault(QLocale.system())
    while _installed:
        app.removeTranslator(_installed.pop())


def set_choice(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"language must be one of {CHOICES}")
    QSettings().setValue(SETTINGS_KEY, choice)


def language_menu(parent: QWidget) -> QMenu:
    """A "Language" menu: System default / English / 简体中文, saved in the settings."""
    menu = QMenu(translate("Language", "Language"), parent)
    group = QActionGroup(menu)
    group.setExclusive(True)
    labels = {"system": translate("Language", "System default"), "en": "English",
              "zh_CN": "简体中文"}
    current = saved_choice()
    for choice in CHOICES:
        action = QAction(labels[choice], menu)
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.setData(choice)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _chosen(parent, action.data()))
    return menu


def _chosen(parent: QWidget, choice: str) -> None:
    if choice == saved_choice():
        return
    set_choice(choice)
    switch = getattr(parent, "switch_language", None)
    if switch is not None and switch():
        return
    box = QMessageBox(QMessageBox.Icon.Information, translate("Language", "Language"),
                      translate("Language", "Work is running, so the new language is used from "
                                            "the next start of Trendcast."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): never blocks the event loop
