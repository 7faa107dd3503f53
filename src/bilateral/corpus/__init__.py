"""Across documents: deduplicated corpus events (``dedup``) and dyad timelines (``dyad``)."""

from .dedup import CorpusEvent, Report, deduplicate
from .dyad import DyadReport, dyad_report

__all__ = ["CorpusEvent", "DyadReport", "Report", "deduplicate", "dyad_report"]
