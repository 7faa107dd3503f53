"""Readers: files, folders and stdin to :class:`Article` objects (or :class:`InputProblem`)."""

from .article import Article
from .readers import SUPPORTED, InputProblem, read_inputs, read_path

__all__ = ["SUPPORTED", "Article", "InputProblem", "read_inputs", "read_path"]
