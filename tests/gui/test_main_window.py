from gui.main_window import PANEL_TITLES, MainWindow


def test_main_window_has_the_four_panels_in_order(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == list(PANEL_TITLES)
