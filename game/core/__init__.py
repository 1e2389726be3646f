"""The rules of the game, in pure Python: scenario models, expressions, engine, scoring.

Nothing here imports pygame, pygame_gui or yaml (a test enforces it). Drivers
(the screens, the simulator, the reports, the tests) use the engine API in
:mod:`game.core.engine`.
"""
