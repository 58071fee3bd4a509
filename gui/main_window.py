"""The main window: four steps (Import, Model setup, Training, Forecast view) as tabs."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

PANEL_TITLES = ("Import", "Model setup", "Training", "Forecast view")


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Trendcast")
        self.resize(1200, 800)
        self.tabs = QTabWidget()
        for title in PANEL_TITLES:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(QLabel(f"{title}"))
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self.statusBar().showMessage("Ready")

    def open_sample(self) -> None:
        self.statusBar().showMessage("Sample shop: not wired yet")

    def open_path(self, path: str) -> None:
        self.statusBar().showMessage(f"Opening {path}: not wired yet")
