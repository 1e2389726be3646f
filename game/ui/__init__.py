"""The game on screen: a stack of scenes (pygame-ce + pygame_gui) driving the core engine.

``app.App`` owns the window, the pygame_gui manager and the scene stack; each
screen is one module (``title``, ``game_screen``, ``event_dialog`` ...). The
modules without pygame (``settings``, ``session``, ``explain``, ``text``)
hold what the screens show, so they can be tested without a window.
"""
