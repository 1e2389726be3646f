"""Statecraft: run `python main.py` to play, `python main.py --help` for the teacher tools."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
