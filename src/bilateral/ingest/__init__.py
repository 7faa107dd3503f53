"""Readers: files, folders and stdin to :class:`Article` objects (or :class:`InputProblem`)."""

from .article import Article
from .readers import SUPPORTED, InputProblem, article_from_html, read_inputs, read_path

__all__ = ["SUPPORTED", "Article", "InputProblem", "article_from_html", "read_inputs", "read_path"]
