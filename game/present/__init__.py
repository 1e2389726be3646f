"""The presentation layer: every view and sentence a player or teacher reads, built once.

Pure Python on top of the engine (``game.core``), the scenario and the saves: no
pygame, pygame_gui or yaml here. The pygame screens (``game.ui``) and the report
writers (``game.reports``) only lay out what these modules build.
"""
