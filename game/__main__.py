"""`python -m game`: the same as `python main.py` and the installed `statecraft` command."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
