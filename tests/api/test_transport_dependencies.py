"""The HTTP stack's hot path stays cheap: httpcore finds sniffio instead of failing an import per lock."""
from __future__ import annotations

from importlib.machinery import PathFinder

import httpcore._synchronization as synchronization


async def test_httpcore_detects_asyncio_through_an_installed_sniffio(monkeypatch):
    # Without sniffio, httpcore retried `import sniffio` (a failed import, a sys.path search) on
    # every lock, event and shield it made: about a quarter of a request's time here.
    searches = []
    real_find_spec = PathFinder.find_spec

    def counting_find_spec(name, path=None, target=None):
        searches.append(name)
        return real_find_spec(name, path, target)

    monkeypatch.setattr(PathFinder, "find_spec", counting_find_spec)
    for _ in range(100):
        assert synchronization.current_async_library() == "asyncio"
    assert "sniffio" not in searches
