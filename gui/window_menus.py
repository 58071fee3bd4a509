"""The main window's menus and shortcuts: File, Help, and Ctrl+1..4 for the steps."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from core import __version__
from gui.i18n import language_menu


def _action(window: QMainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if slot is not None:
        action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def build_menus(window) -> dict[str, QAction]:
    """Create File and Help menus on `window` (a MainWindow); returns actions by name."""
    tr = window.tr
    # Written out rather than QKeySequence.StandardKey: some platforms bind none (e.g. Quit
    # on Linux desktops without a theme); Qt maps Ctrl to Cmd on macOS.
    actions = {
        "new": _action(window, tr("&New"), window.new_session, "Ctrl+N",
                       tr("Start again with no data")),
        "open": _action(window, tr("&Open project…"), window.projects.open_dialog, "Ctrl+O",
                        tr("Open a saved project: data, settings and forecast")),
        "save": _action(window, tr("&Save project"), lambda: window.projects.save(), "Ctrl+S",
                        tr("Save the data, settings and forecast in one file")),
        "save_as": _action(window, tr("Save project &as…"), lambda: window.projects.save_as(),
                           "Ctrl+Shift+S", tr("Save the project under a new name")),
        "import": _action(window, tr("&Import data…"), window.import_data, "Ctrl+I",
                          tr("Open a CSV or Excel export of your sales")),
        "sample": _action(window, tr("Open sample &shop"), window.open_sample, None,
                          tr("Load the bundled example shop")),
        "export": _action(window, tr("&Export…"), window.forecast_view.export_dialog, "Ctrl+E",
                          tr("Save the forecast as CSV, Excel, PNG or PDF")),
        "quit": _action(window, tr("&Quit"), window.close, "Ctrl+Q"),
        "shortcuts": _action(window, tr("&Keyboard shortcuts"),
                             lambda: show_shortcuts(window), "F1"),
        "about": _action(window, tr("&About Trendcast"), lambda: show_about(window)),
    }
    actions["export"].setEnabled(False)  # until a forecast is shown
    actions.update(_undo_actions(window))
    for index in range(window.tabs.count()):
        actions[f"step{index + 1}"] = _action(
            window, tr("Go to step {0}").format(index + 1),
            lambda _=False, i=index: window.tabs.isTabEnabled(i) and window.tabs.setCurrentIndex(i),
            f"Ctrl+{index + 1}")

    file_menu = window.menuBar().addMenu(tr("&File"))
    for name in ("new", "open", "save", "save_as", None, "import", "sample", "export", None):
        if name is None:
            file_menu.addSeparator()
        else:
            file_menu.addAction(actions[name])
    window.recent_menu = file_menu.addMenu(tr("Recent files"))
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    edit_menu = window.menuBar().addMenu(tr("&Edit"))
    edit_menu.addAction(actions["undo"])
    edit_menu.addAction(actions["redo"])
    view_menu = window.menuBar().addMenu(tr("&View"))
    view_menu.addMenu(language_menu(window))
    help_menu = window.menuBar().addMenu(tr("&Help"))
    help_menu.addAction(actions["shortcuts"])
    help_menu.addAction(actions["about"])
    return actions


def _undo_actions(window) -> dict[str, QAction]:
    """Edit > Undo / Redo of the window's undo stack (overrides and what-if plans); their text
    names the step ("Undo Adjust forecast of 85123A")."""
    undo = window.undo_stack.createUndoAction(window, window.tr("&Undo"))
    redo = window.undo_stack.createRedoAction(window, window.tr("&Redo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for action in (undo, redo):
        window.addAction(action)
    return {"undo": undo, "redo": redo}


def shortcut_lines(window) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in menu order."""
    lines = []
    for action in window.actions_by_name.values():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            lines.append((keys, action.text().replace("&", "").rstrip("…")))
    return lines


def show_shortcuts(window) -> QMessageBox:
    rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{text}</td></tr>"
                   for keys, text in shortcut_lines(window))
    box = QMessageBox(QMessageBox.Icon.NoIcon, window.tr("Keyboard shortcuts"),
                      f"<table>{rows}</table>", QMessageBox.StandardButton.Close, window)
    box.setObjectName("shortcuts_dialog")
    box.open()
    return box


def show_about(window) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, window.tr("About Trendcast"),
                      window.tr("Trendcast {0}\nOffline sales forecasting for every product of "
                                "a shop. Your data never leaves this computer.").format(
                                    __version__), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("about_dialog")
    box.open()
    return box
