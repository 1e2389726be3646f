"""Numbers as a reader writes them in the current language (``35.5`` in English, ``35,5`` in
German). The function lives in :mod:`game.i18n`, the lowest layer, so that the scenario
checker below the presentation layer formats its numbers the same way."""

from __future__ import annotations

from game.i18n import number as number

__all__ = ["number"]
