"""Wire the stages: Article -> spaCy Doc -> times, places, actors, quotes, events, relations -> Document.

A stage that fails on a document becomes a warning on that document; the other stages and the
rest of the batch go on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .annotate.actors import resolve_actors
from .annotate.context import Context
from .annotate.events import code_events
from .annotate.places import find_places
from .annotate.quotes import find_quotes
from .annotate.relations import find_relations
from .annotate.times import find_times
from .errors import BilateralError, warning
from .ingest.article import Article
from .ingest.readers import without_surrogates
from .language import looks_english
from .nlp import load_pipeline
from .record import Actor, Document, Event, Place, Quote, Relation, Time
from .run.split import pipe_long
from .settings import Settings, load_settings

log = logging.getLogger(__name__)
T = TypeVar("T")


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date or datetime string to a date; None when empty or unreadable."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            return None


class Engine:
    """A loaded pipeline and its settings. Build one with :func:`bilateral.load`."""

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self.nlp = nlp if nlp is not None else load_pipeline(settings.model)
        self._meta: tuple[Language, tuple[str, str]] | None = None

    # -- public API -------------------------------------------------------------------------
    def extract(self, text: str, *, published: str | None = None, id: str | None = None,
                title: str | None = None, source: str | None = None, url: str | None = None) -> Document:
        """Extract one document record from ``text``."""
        article = Article(text=text, id=id, published=published, title=title, source=source, url=url)
        return next(self.extract_articles([article]))

    def extract_many(self, items: Iterable[str | Article | dict[str, Any]]) -> Iterator[Document]:
        """Stream records for texts, :class:`Article` objects or dicts with ``text``."""
        return self.extract_articles(_as_article(i) for i in items)

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Stream records for articles, parsing in batches with ``nlp.pipe``."""
        prepared = (self._prepare(a) for a in articles)
        pairs = ((a, a.text) for a in prepared)
        # documents beyond nlp.max_length are parsed in paragraph-bounded parts, joined back (run/split.py)
        for doc, article in pipe_long(self.nlp, ((t, a) for a, t in pairs), batch_size=self.settings.batch_size):
            yield self.annotate(doc, article)

    def pipeline_meta(self) -> tuple[str, str]:
        """The spaCy pipeline's name and version, read once (``nlp.meta`` builds a new dict per read)."""
        cached = getattr(self, "_meta", None)
        if cached is None or cached[0] is not self.nlp:
            meta = getattr(self.nlp, "meta", {}) or {}
            cached = self._meta = (self.nlp, (str(meta.get("name")), str(meta.get("version"))))
        return cached[1]

    # -- stages -----------------------------------------------------------------------------
    def _prepare(self, article: Article) -> Article:
        """Apply the size limit and the default publication date; replace lone surrogates (W001)."""
        doc_id = article.doc_id
        article = without_surrogates(article)
        warnings = list(article.warnings)
        text = article.text
        limit = self.settings.max_chars
        if len(text) > limit:
            if self.settings.oversize == "skip":
                warnings.append(warning("W102", f"document has {len(text):,} characters, over the limit "
                                        f"of {limit:,} (max_chars): skipped; raise max_chars to process it"))
                text = ""
            else:
                warnings.append(warning("W101", f"document has {len(text):,} characters, over the limit "
                                        f"of {limit:,} (max_chars): only the first {limit:,} were processed"))
                text = text[:limit]
        published = article.published or self.settings.published
        if published and parse_date(published) is None:
            warnings.append(warning("W103", f"publication date {published!r} is not an ISO date: ignored"))
            published = None
        return Article(text=text, id=doc_id, published=published, title=article.title,
                       source=article.source, url=article.url, language=article.language,
                       origin=article.origin, warnings=tuple(warnings))

    def annotate(self, doc: Doc, article: Article) -> Document:
        """Run every stage over a parsed Doc."""
        ctx = Context(doc=doc, article=article, settings=self.settings,
                      published=parse_date(article.published), warnings=list(article.warnings))
        if ctx.published is None and ctx.text.strip():
            ctx.warnings.append(warning("W201", "no publication date: relative times are left unresolved "
                                        "(give --published or a 'published' field)"))
        english, reason = looks_english(ctx.text, declared=article.language)
        if not english:
            ctx.warnings.append(warning("W104", f"document does not look English ({reason}): not annotated; "
                                        "bilateral reads English only"))
            return Document(id=article.doc_id, text=ctx.text,
                            published=ctx.published.isoformat() if ctx.published else None, title=article.title,
                            source=article.source, url=article.url, warnings=tuple(dict.fromkeys(ctx.warnings)))
        times: list[Time] = _stage(ctx, "times", lambda: find_times(ctx), [])
        places: list[Place] = _stage(ctx, "places", lambda: find_places(ctx), [])
        actors: list[Actor] = _stage(ctx, "actors", lambda: resolve_actors(ctx, places=places), [])
        quotes: list[Quote] = _stage(ctx, "quotes", lambda: find_quotes(ctx, actors=actors, times=times), [])
        no_events: list[Event] = []
        actors, events = _stage(ctx, "events", lambda: code_events(ctx, actors=actors, quotes=quotes, times=times,
                                                                   places=places), (actors, no_events))
        relations: list[Relation] = _stage(ctx, "relations", lambda: find_relations(ctx, actors=actors, times=times,
                                                                    events=events), [])
        return Document(
            id=article.doc_id, text=ctx.text, published=ctx.published.isoformat() if ctx.published else None,
            title=article.title, source=article.source, url=article.url,
            actors=tuple(actors), events=tuple(events), quotes=tuple(quotes), times=tuple(times),
            places=tuple(places), relations=tuple(relations), warnings=tuple(dict.fromkeys(ctx.warnings)),
        )


def _stage(ctx: Context, name: str, run: Callable[[], T], default: T) -> T:
    """Run one stage; a failure becomes a warning on the document."""
    try:
        return run()
    except BilateralError:
        raise
    except Exception as exc:  # noqa: BLE001 - one stage must not take the document down
        log.exception("stage %s failed on %s", name, ctx.article.origin)
        ctx.warnings.append(warning("W300", f"{name} stage failed ({type(exc).__name__}: {exc}); "
                                    "its results are missing from this record"))
        return default


def _as_article(item: str | Article | dict[str, Any]) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    if isinstance(item, dict):
        if "text" not in item:
            raise BilateralError("E020", "a document dict needs a 'text' field")
        return Article(text=str(item["text"]), id=item.get("id"), published=item.get("published"),
                       title=item.get("title"), source=item.get("source"), url=item.get("url"),
                       language=item.get("language"))
    raise BilateralError("E021", f"cannot extract from a {type(item).__name__}; give text, an Article or a dict")


def load(model: str | None = None, *, settings: Settings | None = None, config: str | None = None,
         **overrides: Any) -> Engine:
    """Load an engine: ``bilateral.load()`` uses the installed English pipeline."""
    if settings is None:
        settings = load_settings(config, model=model, **overrides)
    elif model is not None:
        settings = settings.with_overrides(model=model)
    return Engine(settings)


def record_hash(article: Article, engine: Engine) -> str:
    """The store key of an article's record: its content, the engine version and the pipeline."""
    import hashlib

    from . import __version__

    name, version = engine.pipeline_meta()
    parts = (article.content_hash, __version__, name, version,
             str(engine.settings.max_chars), engine.settings.oversize, ",".join(engine.settings.actor_files),
             engine.settings.codes) + (() if engine.settings.implied_recipients else ("no-implied-recipients",))
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()
