"""The HTTP API and the web page served by ``bilateral serve`` (FastAPI; assets vendored under ``static/``)."""

from .app import DEFAULT_MAX_BYTES, ServeConfig, create_app

__all__ = ["DEFAULT_MAX_BYTES", "ServeConfig", "create_app"]
