"""The Qt-free, SQLite-free domain: money, catalog, order, rules, engine, session.

Nothing in this package may import PySide6, sqlite3 or sqlite_utils (a test enforces it):
the store and the UI depend on the core, never the other way round.
"""
