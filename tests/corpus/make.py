"""Hand-built document records for corpus tests: no NLP involved."""

from __future__ import annotations

from bilateral.record import Actor, Document, Event, Mention, Place, Relation

COUNTRY_NAMES = {"KHM": "Cambodia", "KOR": "South Korea", "VNM": "Vietnam", "USA": "United States",
                 "JPN": "Japan", "CHN": "China", "PHL": "Philippines"}
QUADS = {"CONSULT": 1, "AGREE": 1, "SUPPORT": 1, "AID": 2, "COOPERATE": 2, "REQUEST": 3, "ACCUSE": 3,
         "THREATEN": 3, "SANCTION": 4, "ASSAULT": 4}
INTENSITY = {"CONSULT": 1.0, "AGREE": 3.0, "SUPPORT": 3.5, "AID": 10.0, "COOPERATE": 9.5, "REQUEST": -1.0,
             "ACCUSE": -2.0, "THREATEN": -6.0, "SANCTION": -7.0, "ASSAULT": -9.0}


def actor(aid: str, code: str, sector: str = "GOV") -> Actor:
    name = COUNTRY_NAMES.get(code, code)
    return Actor(aid, name, "country", code, sector, None, (Mention((0, len(name)), name),), 1.0)


def event(eid: str, type_: str, src: str, tgt: str, *, date: str | None, status: str = "asserted",
          place: str | None = None, evidence: str = "", mode: str | None = None) -> Event:
    ev = Mention((0, len(evidence)), evidence)
    return Event(id=eid, type=type_, mode=mode, contexts=("diplomatic",), cameo="04", quad=QUADS[type_],
                 intensity=INTENSITY[type_], source=src, target=tgt, status=status, date=date, place=place,
                 sentence=0, trigger=ev, evidence=ev, confidence=0.9, why="test")


def doc(doc_id: str, published: str, events: list[tuple[str, str, str, str | None]] | None = None, *,
        source: str | None = None, relations: tuple[Relation, ...] = (), statuses: dict[int, str] | None = None,
        text: str = "text") -> Document:
    """A document whose events are (type, source ISO3, target ISO3, date) tuples."""
    codes: dict[str, Actor] = {}
    evs = []
    for i, (type_, a, b, date) in enumerate(events or []):
        for code in (a, b):
            if code not in codes:
                codes[code] = actor(f"a{len(codes) + 1}", code)
        status = (statuses or {}).get(i, "asserted")
        evs.append(event(f"e{i + 1}", type_, codes[a].id, codes[b].id, date=date, status=status,
                         place="p1", evidence=f"{doc_id} reports {type_} {a}->{b}"))
    place = Place("p1", "Seoul", (0, 5), "Seoul", "KOR", 37.566, 126.978, 1835848, "city")
    return Document(id=doc_id, text=text, published=published, source=source or doc_id.split("-")[0],
                    actors=tuple(codes.values()), events=tuple(evs), places=(place,), relations=relations)


def relation(a: str, b: str, level: str, status: str, *, date: str | None = None,
             target: str | None = None) -> Relation:
    ev = Mention((0, 4), "text")
    return Relation(countries=(min(a, b), max(a, b)), level=level, status=status, date=date, target_date=target,
                    evidence=ev, surface=level)
