"""bilateral: structured, sourced political event data from news articles.

>>> import bilateral
>>> engine = bilateral.load()
>>> doc = engine.extract("Vietnam and Australia agreed to expand trade.", published="2024-05-01")
"""

from __future__ import annotations

from .engine import Engine, load
from .errors import BilateralError
from .ingest.article import Article
from .record import SCHEMA, Actor, Document, Event, Mention, Place, Quote, Relation, Time
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = ["SCHEMA", "Actor", "Article", "BilateralError", "Document", "Engine", "Event", "Mention",
           "Place", "Quote", "Relation", "Settings", "Time", "__version__", "load", "load_settings"]
