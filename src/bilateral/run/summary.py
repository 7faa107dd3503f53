"""A readable summary of records: actors, events, quotes, times, relations (for the terminal)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..record import Actor, Document


def print_summary(docs: Sequence[Document], console: Console) -> None:
    """Print each document's sections as tables."""
    for doc in docs:
        console.rule(f"[bold]{escape(doc.title or doc.id)}[/]  published {doc.published or 'unknown'}")
        actors = {a.id: a for a in doc.actors}

        def who(aid: str | None, actors: dict[str, Actor] = actors) -> str:
            a = actors.get(aid) if aid else None
            if a is None:
                return "-"
            code = "/".join(x for x in (a.country, a.sector) if x) or "?"
            return f"{a.name} ({code})"

        t = Table(title="Actors", show_lines=False)
        for col in ("id", "name", "kind", "country", "sector", "mentions"):
            t.add_column(col)
        for a in doc.actors:
            t.add_row(a.id, escape(a.name), a.kind, a.country or "-", a.sector or "-", str(len(a.mentions)))
        console.print(t)
        t = Table(title="Events")
        for col in ("type", "source", "target", "status", "date", "trigger", "why"):
            t.add_column(col)
        for e in doc.events:
            t.add_row(e.type, escape(who(e.source)), escape(who(e.target)), e.status, e.date or "-",
                      escape(e.trigger.text), escape(e.why[:60]))
        console.print(t)
        t = Table(title="Quotes")
        for col in ("kind", "speaker", "text", "medium", "date"):
            t.add_column(col)
        for q in doc.quotes:
            text = q.text if len(q.text) < 70 else q.text[:67] + "..."
            t.add_row(q.kind, escape(who(q.speaker)), escape(text), escape(q.medium or "-"), q.date or "-")
        console.print(t)
        t = Table(title="Times")
        for col in ("text", "type", "value", "anchor"):
            t.add_column(col)
        for tm in doc.times:
            t.add_row(escape(tm.text), tm.type, tm.value or "-", tm.anchor or "-")
        console.print(t)
        t = Table(title="Relations")
        for col in ("countries", "level", "status", "date", "target"):
            t.add_column(col)
        for r in doc.relations:
            t.add_row("-".join(r.countries), r.level, r.status, r.date or "-", r.target_date or "-")
        console.print(t)
        if doc.warnings:
            for w in doc.warnings:
                console.print(f"[yellow]warning[/] {escape(w)}")
