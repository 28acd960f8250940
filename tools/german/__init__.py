"""German translations by English source text, one module per area (so parallel work does not collide).

Each module defines `GERMAN = {source: translation}`; a plural entry maps to a (singular, plural)
pair. `translations.py fill` reads them all.
"""
from __future__ import annotations

import importlib
import pkgutil


def memory() -> dict[str, object]:
    """Every module's GERMAN dict, merged (a later module's entry wins)."""
    merged: dict[str, object] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        merged.update(importlib.import_module(f"{__name__}.{info.name}").GERMAN)
    return merged
