import os

# Tests never open real windows; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
