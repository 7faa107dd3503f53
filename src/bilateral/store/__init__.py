"""Stores for document records: SQLite by default."""

from .sqlite import Store, UpsertResult

__all__ = ["Store", "UpsertResult"]
