"""One engine per app: loaded lazily on the first extraction, then reused; one extraction at a time.

Reads an :class:`~bilateral.ingest.Article`; writes a :class:`~bilateral.record.Document` and, when
asked, stores it (keyed on :func:`bilateral.engine.record_hash`, so the same input twice is a no-op).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..engine import Engine, record_hash
from ..engine import load as load_engine
from ..ingest import Article
from ..record import Document
from ..settings import Settings
from ..store import Store
from ..store.sqlite import UpsertResult


class EngineHolder:
    """Loads the engine once (slow: the spaCy pipeline) and serialises extraction and writes."""

    def __init__(self, settings: Settings, *, loader: Callable[[Settings], Engine] | None = None) -> None:
        self.settings = settings
        self._loader = loader or (lambda s: load_engine(settings=s))
        self._engine: Engine | None = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()  # spaCy pipelines are not documented as thread-safe

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    def engine(self) -> Engine:
        if self._engine is None:
            with self._load_lock:
                if self._engine is None:
                    self._engine = self._loader(self.settings)
        return self._engine

    def extract(self, article: Article, *, db: Path | None) -> tuple[Document, UpsertResult | None]:
        """Extract ``article``; store the record in ``db`` unless it is None. Blocking: call from a thread."""
        eng = self.engine()
        with self._run_lock:
            doc = next(eng.extract_articles([article]))
            if db is None:
                return doc, None
            with Store(db) as store:
                return doc, store.upsert(doc, record_hash(article, eng))
