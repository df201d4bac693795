"""How cleaner puts its own function in place of one of trafilatura's (or htmldate's).

trafilatura (pinned) looks a few of its helpers up by module-global name at call time, so a
function put in that module's namespace runs in their place. Each stand-in behaves as the
original for every caller but cleaner's own runs, and the modules that install one say which
and why; this is the one place that writes into another package's namespace, typed, since
those names are not part of trafilatura's declared exports.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def stand_in(module: ModuleType, name: str, replacement: object) -> Any:
    """Put replacement in place of module.name; returns the original, which the stand-in
    calls for every caller that is not cleaner's own run."""
    original = getattr(module, name)
    setattr(module, name, replacement)
    return original
