"""Statecraft: a turn-based diplomacy game for history classes (the USSR, 1928-1941)."""

__version__ = "0.1.0"
