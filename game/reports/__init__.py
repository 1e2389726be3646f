"""What the teacher tools compute and write: game outcomes, end reports, the class at a glance.

The commands in :mod:`game.tools` parse arguments and print; the work they
share lives here, on the engine API and the save format only.
"""
