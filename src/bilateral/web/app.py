"""The HTTP API and the web page: ``create_app(config)`` builds the FastAPI app that ``bilateral serve`` runs.

Reads the SQLite store (read-only connections, one per request) and, for ``POST /extract``, runs
the engine (:mod:`.extraction`). The page and its assets are package files under ``static/``:
nothing is loaded from another origin. OpenAPI at ``/openapi.json``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..engine import Engine
from ..errors import BilateralError
from ..ingest import Article, InputProblem
from ..query import Filter
from ..settings import Settings
from ..store import Store
from . import queries
from .extraction import EngineHolder
from .security import GuardMiddleware

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BYTES = 2_000_000
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
#: the page's Content-Security-Policy: its own scripts and styles only, nothing from elsewhere.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class ServeConfig:
    """Everything ``bilateral serve`` decides: the store, the guards and the engine settings."""

    db: Path
    token: str | None = None
    read_only: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    settings: Settings = Settings()
    #: host names the server answers to (``Host`` header); None: any. ``bilateral serve`` on loopback
    #: sets :data:`LOOPBACK_HOSTS`.
    allowed_hosts: frozenset[str] | None = None


class ExtractRequest(BaseModel):
    """One article: ``text`` or ``html`` (one of the two), and its metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article text, kept character for character")
    html: str | None = Field(None, description="an HTML page; its main text, title and date are extracted")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD", examples=["2025-03-07"])
    title: str | None = None
    source: str | None = None
    url: str | None = None
    id: str | None = Field(None, description="document id (default: derived from the text)")


Status = Literal["asserted", "future", "hypothetical", "negated"]


def create_app(config: ServeConfig, *, loader: Callable[[Settings], Engine] | None = None) -> FastAPI:
    """The app for ``config``. ``loader`` builds the engine on first use (default :func:`bilateral.load`)."""
    db = Path(config.db)
    if config.read_only:
        Store(db, readonly=True).close()  # fail now, with the store's message, when there is none
    else:
        Store(db).close()  # create it
    holder = EngineHolder(config.settings, loader=loader)
    corpus = queries.Corpus(db)

    app = FastAPI(title="bilateral", version=__version__, docs_url=None, redoc_url=None,
                  description="Structured, sourced political event data (PLOVER) from news articles. "
                  "Records follow the contract bilateral.document/1. When the server has a token, every POST "
                  "needs `Authorization: Bearer TOKEN`.")
    app.state.config = config
    app.state.engine = holder
    app.state.corpus = corpus
    app.add_middleware(GuardMiddleware, token=config.token, max_bytes=config.max_bytes,  # type: ignore[arg-type]
                       allowed_hosts=config.allowed_hosts)

    @contextmanager
    def reading() -> Iterator[Store]:
        try:
            store = Store(db, readonly=True)
        except BilateralError as exc:
            raise HTTPException(503, detail=exc.message) from exc
        try:
            yield store
        finally:
            store.close()

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _json_safe(jsonable_encoder(exc.errors()))
        return JSONResponse(status_code=422, content={"error": "invalid request", "detail": _explain(errors),
                                                      "errors": errors})

    @app.exception_handler(BilateralError)
    async def bilateral_error(_: Request, exc: BilateralError) -> JSONResponse:
        return JSONResponse(status_code=500, content={"error": exc.code, "detail": exc.message})

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = PAGE_CSP
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    # -- API ---------------------------------------------------------------------------------
    @app.get("/health", tags=["service"])
    def health() -> dict[str, Any]:
        """Liveness, and what the page needs to know: read-only, token required, corpus size."""
        with reading() as store:
            n = store.count()
        return {"status": "ok", "version": __version__, "read_only": config.read_only,
                "token_required": bool(config.token), "documents": n, "engine_loaded": holder.loaded,
                "max_bytes": config.max_bytes}

    @app.post("/extract", tags=["extract"], responses={
        200: {"description": "the document record (bilateral.document/1); header X-Bilateral-Stored says "
              "inserted, updated, unchanged or no"},
        401: {"description": "token required"}, 403: {"description": "read-only server"},
        413: {"description": "body too large"}, 422: {"description": "bad JSON or no text"}})
    def extract(req: ExtractRequest, store: bool = Query(True, description="store the record")) -> JSONResponse:
        """Extract one article and return its record; stored unless ``?store=false``."""
        if store and config.read_only:
            raise HTTPException(403, detail="this server is read-only: extract with ?store=false")
        article = _article(req)
        doc, result = holder.extract(article, db=db if store else None)
        return JSONResponse(doc.to_dict(), headers={"X-Bilateral-Stored": result or "no"})

    @app.get("/documents", tags=["corpus"])
    def documents(text: str | None = None, limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 200,
                  offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        """Stored documents (metadata and counts), newest first; ``text`` filters title or id."""
        with reading() as st:
            return queries.documents(st, text=text, limit=limit, offset=offset)

    @app.get("/documents/{doc_id:path}", tags=["corpus"])
    def document(doc_id: str) -> dict[str, Any]:
        """One stored document record."""
        with reading() as st:
            rec = queries.document(st, doc_id)
        if rec is None:
            raise HTTPException(404, detail=f"no document {doc_id!r} in the store")
        return rec

    @app.get("/events", tags=["corpus"])
    def events(spec: Annotated[Filter, Depends(event_filter)],
               limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 200,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        """Events with the filters of ``bilateral events`` (all optional, all must hold), one row per event
        however many articles report it (``dedup=false``: one per report), newest first, and the total."""
        rows = corpus.memo(("events", spec), lambda docs: queries.events(docs, spec))
        return {"total": len(rows), "events": queries.page(rows, limit=limit, offset=offset)}

    @app.get("/actors", tags=["corpus"])
    def actors(country: Annotated[list[str], Query(description="ISO3; repeat for several")] = [],  # noqa: B006
               sector: str | None = None, text: str | None = None,
               from_: Annotated[str | None, Query(alias="from")] = None,
               to: str | None = None, limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 200,
               offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        """Actors merged across documents (``bilateral actors``), most mentioned first."""
        spec = _filter(countries=country, sector=sector, text=text, date_from=from_, date_to=to)
        rows = corpus.memo(("actors", spec), lambda docs: queries.actors(docs, spec))
        return queries.page(rows, limit=limit, offset=offset)

    @app.get("/quotes", tags=["corpus"])
    def quotes(speaker: str | None = None,
               country: Annotated[list[str], Query(description="speaker's country (ISO3)")] = [],  # noqa: B006
               sector: str | None = None, text: str | None = None,
               from_: Annotated[str | None, Query(alias="from")] = None, to: str | None = None,
               limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 200,
               offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        """Quotes with their speakers (``bilateral quotes``), newest first."""
        spec = _filter(speaker=speaker, countries=country, sector=sector, text=text, date_from=from_, date_to=to)
        rows = corpus.memo(("quotes", spec), lambda docs: queries.quotes(docs, spec))
        return queries.page(rows, limit=limit, offset=offset)

    @app.get("/dyads/{a}/{b}", tags=["corpus"])
    def dyad(a: str, b: str) -> dict[str, Any]:
        """The timeline of two countries (``bilateral dyad A B``): relation history with level ranks, open
        proposals, requests, promises, and monthly counts by quad class with cooperation and conflict."""
        try:
            key = ("dyad", *sorted((a.strip().upper(), b.strip().upper())))
            return corpus.memo(key, lambda docs: queries.dyad(docs, a, b))
        except BilateralError as exc:
            raise HTTPException(422, detail=exc.message) from exc

    @app.get("/network", tags=["corpus"])
    def network(spec: Annotated[Filter, Depends(event_filter)]) -> dict[str, Any]:
        """Countries weighted by the events between them (the event rows of ``/events``, aggregated)."""
        rows = corpus.memo(("events", spec), lambda docs: queries.events(docs, spec))
        return queries.network(rows)

    @app.get("/event-places", tags=["corpus"])
    def event_places(spec: Annotated[Filter, Depends(event_filter)]) -> list[dict[str, Any]]:
        """Geocoded places of the events of ``/events`` (for the map), with counts."""
        rows = corpus.memo(("events", spec), lambda docs: queries.events(docs, spec))
        return corpus.memo(("places", spec), lambda docs: queries.event_places(docs, rows))

    @app.get("/vocabulary", tags=["service"])
    def vocabulary() -> dict[str, Any]:
        """The 16 PLOVER event types (with quad class) and the ordered relation levels."""
        from ..annotate.events.lexicon import plover_types
        from ..annotate.relations import load_tiers

        return {"types": [{"type": t.name, "quad": t.quad} for t in plover_types().values()],
                "levels": [{"level": t.level, "rank": t.rank} for t in load_tiers()]}

    # -- the page ------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _article(req: ExtractRequest) -> Article:
    """The request as an Article: text as given, or the main text of the HTML page."""
    if (req.text is None) == (req.html is None):
        raise HTTPException(422, detail="give exactly one of 'text' or 'html'")
    meta = {"id": req.id, "published": req.published, "title": req.title, "source": req.source, "url": req.url}
    if req.text is not None:
        if not req.text.strip():
            raise HTTPException(422, detail="'text' is empty")
        return Article(text=req.text, id=req.id, published=req.published, title=req.title, source=req.source,
                       url=req.url, origin="<request>")
    from ..ingest import article_from_html

    item = article_from_html(req.html or "", origin="<request>")
    if isinstance(item, InputProblem):
        raise HTTPException(422, detail=str(item))
    given = {k: v for k, v in meta.items() if v}
    return Article(text=item.text, id=given.get("id", item.id), published=given.get("published", item.published),
                   title=given.get("title", item.title), source=given.get("source", item.source),
                   url=given.get("url", item.url), origin="<request>", warnings=item.warnings)


def _filter(**kw: Any) -> Filter:
    """The shared filter spec; its validation errors become 422 with the message."""
    try:
        return queries.make_filter(**kw)
    except BilateralError as exc:
        raise HTTPException(422, detail=exc.message) from exc


def event_filter(country: Annotated[list[str], Query(description="ISO3: rows involving it; twice for a dyad "
                                                     "(either direction)")] = [],  # noqa: B006
                 sector: Annotated[str | None, Query(description="actor sector code (GOV, MIL ...)")] = None,
                 type: Annotated[str | None, Query(description="PLOVER event type")] = None,
                 quad: Annotated[int | None, Query(ge=1, le=4, description="quad class")] = None,
                 status: Annotated[Status | None, Query(description="default: asserted and future")] = None,
                 from_: Annotated[str | None, Query(alias="from", description="on or after (YYYY[-MM[-DD]])")] = None,
                 to: Annotated[str | None, Query(description="on or before (YYYY[-MM[-DD]])")] = None,
                 place: Annotated[str | None, Query(description="words of the place name")] = None,
                 text: Annotated[str | None, Query(description="words that must appear in the evidence")] = None,
                 dedup: Annotated[bool, Query(description="one row per event (false: one per report)")] = True,
                 ) -> Filter:
    """The event filters of ``bilateral events``, as URL parameters."""
    return _filter(countries=country, sector=sector, type=type, quad=quad, status=status, date_from=from_,
                   date_to=to, place=place, text=text, dedup=dedup)


def _json_safe(value: Any) -> Any:
    """``value`` with infinite and NaN floats (JSON can send ``1e999``) written as strings: JSON
    responses cannot hold them, and the 422 would become a 500."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


def _explain(errors: list[dict[str, Any]]) -> str:
    """One readable sentence from pydantic's error list."""
    parts = []
    for e in errors[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "body"
        if where == "body" and e.get("type") in ("model_attributes_type", "dict_type"):
            parts.append("the body must be a JSON object, sent with Content-Type: application/json")
        elif e.get("type") == "json_invalid":
            why = (e.get("ctx") or {}).get("error", "")
            parts.append(f"the body is not valid JSON ({why})" if why else "the body is not valid JSON")
        else:
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)


def token_from_env(token: str | None) -> str | None:
    """The API token: the one given, else ``BILATERAL_TOKEN``, else None (no token)."""
    return token or os.environ.get("BILATERAL_TOKEN") or None
