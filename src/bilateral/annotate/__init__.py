"""Annotation stages: one module per stage, each reading a :class:`Context` and earlier results."""
