"""Hand-built document records for the API and page tests: every section filled, spans computed from the text.

They do not depend on what the extraction stages find today, so the tests check the UI and API contracts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bilateral.record import Actor, Document, Event, Mention, Place, Quote, Relation, Time

QUADS = {"AGREE": 1, "CONSULT": 1, "COOPERATE": 2, "AID": 2, "ACCUSE": 3, "REJECT": 3, "PROTEST": 4, "COERCE": 4}


def mention(text: str, sub: str, nth: int = 0, *, after: int = 0) -> Mention:
    """The ``nth`` occurrence of ``sub`` in ``text`` at or after ``after``."""
    start = after - 1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(span=(start, start + len(sub)), text=sub)


@dataclass
class Builder:
    """Build one Document from its text: add actors, events, quotes, times, places by substring."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = "tests"

    def actor(self, name: str, kind: str, country: str | None, sector: str | None, *subs: str,
              title: str | None = None) -> str:
        aid = f"a{len(self.actors) + 1}"
        ms: list[Mention] = []
        for sub in subs:
            n = sum(1 for m in ms if m.text == sub)
            ms.append(mention(self.text, sub, n))
        self.actors.append(Actor(id=aid, name=name, kind=kind, country=country, sector=sector, title=title,
                                 mentions=tuple(ms), confidence=0.9, rule="test"))
        return aid

    def event(self, type_: str, trigger: str, evidence: str, *, source: str | None, target: str | None,
              status: str = "asserted", date: str | None = None, place: str | None = None,
              why: str | None = None) -> str:
        eid = f"e{len(self.events) + 1}"
        ev = mention(self.text, evidence)
        trig = mention(self.text, trigger, after=ev.span[0])
        self.events.append(Event(id=eid, type=type_, mode=None, contexts=("diplomatic",), cameo="0", quad=QUADS[type_],
                                 intensity=1.0, source=source, target=target, status=status, date=date, place=place,
                                 sentence=0, trigger=trig, evidence=ev, confidence=0.8,
                                 why=why or f"test pattern for {type_} on '{trigger}'"))
        return eid

    def quote(self, content: str, *, speaker: str | None, speaker_words: str | None, cue: str | None,
              kind: str = "direct") -> str:
        qid = f"q{len(self.quotes) + 1}"
        m = mention(self.text, content)
        self.quotes.append(Quote(id=qid, kind=kind, text=content, span=m.span, speaker=speaker,
                                 speaker_mention=mention(self.text, speaker_words) if speaker_words else None,
                                 cue=mention(self.text, cue) if cue else None, medium=None, date=self.published))
        return qid

    def time(self, sub: str, value: str) -> str:
        tid = f"t{len(self.times) + 1}"
        m = mention(self.text, sub)
        self.times.append(Time(id=tid, text=sub, span=m.span, type="date", value=value, anchor="published"))
        return tid

    def place(self, sub: str, name: str, country: str, lat: float, lon: float) -> str:
        pid = f"p{len(self.places) + 1}"
        m = mention(self.text, sub)
        self.places.append(Place(id=pid, text=sub, span=m.span, name=name, country=country, lat=lat, lon=lon,
                                 geonameid=None, feature="city"))
        return pid

    def relation(self, a: str, b: str, level: str, status: str, evidence: str, date: str | None) -> None:
        self.relations.append(Relation(countries=(a, b), level=level, status=status, date=date, target_date=None,
                                       evidence=mention(self.text, evidence)))

    def build(self) -> Document:
        return Document(id=self.id, text=self.text, published=self.published, title=self.title, source=self.source,
                        actors=tuple(self.actors), events=tuple(self.events), quotes=tuple(self.quotes),
                        times=tuple(self.times), places=tuple(self.places), relations=tuple(self.relations),
                        warnings=tuple(self.warnings))


ARTICLE = ("Vietnamese Prime Minister Pham Minh Chinh met Australian Prime Minister Anthony Albanese in Canberra "
           "on Thursday.\n“Australia is one of Vietnam's most trusted partners,” Chinh told reporters.\n"
           "Vietnam and Australia elevated their ties to a comprehensive strategic partnership. "
           "Albanese did not rule out new sanctions. 🇻🇳 Officials in Hanoi welcomed the visit.")


def article_record() -> Document:
    """A record with every section: two actors with several mentions, events, a quote, a time, places."""
    b = Builder(id="t-article", text=ARTICLE, published="2025-03-07", title="Vietnam and Australia upgrade ties")
    vn = b.actor("Pham Minh Chinh", "person", "VNM", "GOV", "Vietnamese Prime Minister Pham Minh Chinh", "Chinh",
                 title="Prime Minister")
    au = b.actor("Anthony Albanese", "person", "AUS", "GOV", "Australian Prime Minister Anthony Albanese",
                 "Albanese", title="Prime Minister")
    canberra = b.place("Canberra", "Canberra", "AUS", -35.28, 149.13)
    b.place("Hanoi", "Hanoi", "VNM", 21.02, 105.84)
    b.time("Thursday", "2025-03-06")
    b.event("CONSULT", "met", "Vietnamese Prime Minister Pham Minh Chinh met Australian Prime Minister Anthony "
            "Albanese in Canberra on Thursday.", source=vn, target=au, date="2025-03-06", place=canberra,
            why="CONSULT: 'meet' with a person subject and object")
    b.event("AGREE", "elevated", "Vietnam and Australia elevated their ties to a comprehensive strategic partnership.",
            source=vn, target=au, date="2025-03", why="AGREE: relation upgraded between two countries")
    b.event("COERCE", "sanctions", "Albanese did not rule out new sanctions.", source=au, target=None,
            status="hypothetical", why="COERCE: 'sanctions' under 'not rule out' (speculation)")
    b.quote("Australia is one of Vietnam's most trusted partners,", speaker=vn, speaker_words="Chinh", cue="told")
    b.relation("AUS", "VNM", "comprehensive strategic partnership", "upgraded",
               "Vietnam and Australia elevated their ties to a comprehensive strategic partnership.", "2025-03")
    return b.build()


HOSTILE = ("Officials said <script>window.__pwned = 1</script> was found in a memo. "
           "<img src=x onerror=\"window.__pwned = 2\"> Beijing & Manila <b>exchanged</b> notes.")


def hostile_record() -> Document:
    """A record whose text and names carry HTML and script: all must show as text."""
    b = Builder(id="t-hostile", text=HOSTILE, published="2025-06-01", title="<i>Title</i> <script>x()</script>")
    cn = b.actor("<b>Beijing</b>", "country", "CHN", "GOV", "Beijing")
    ph = b.actor("Manila", "country", "PHL", "GOV", "Manila")
    b.event("CONSULT", "<b>exchanged</b>", "Beijing & Manila <b>exchanged</b> notes.", source=cn, target=ph,
            why="<img src=y onerror=\"window.__pwned = 3\">")
    b.quote("<script>window.__pwned = 1</script> was found in a memo", speaker=None, speaker_words=None,
            cue="said", kind="indirect")
    return b.build()


def corpus() -> list[Document]:
    """Small corpus over several months: AUS-VNM cooperation, CHN-PHL conflict, geocoded places, relations."""
    docs = [article_record()]
    rows = [
        ("c1", "2025-01-15", "AUS", "VNM", "AGREE", "Canberra", -35.28, 149.13),
        ("c2", "2025-01-20", "AUS", "VNM", "AID", "Hanoi", 21.02, 105.84),
        ("c3", "2025-02-11", "VNM", "AUS", "ACCUSE", "Hanoi", 21.02, 105.84),
        ("c4", "2025-04-02", "CHN", "PHL", "PROTEST", "Manila", 14.6, 120.98),
        ("c5", "2025-04-09", "PHL", "CHN", "REJECT", "Manila", 14.6, 120.98),
        ("c6", "2025-04-03", "CHN", "PHL", "PROTEST", "Manila", 14.6, 120.98),  # c4 again, another outlet
    ]
    names = {"AUS": "Australia", "VNM": "Vietnam", "CHN": "China", "PHL": "the Philippines"}
    city_country = {"Canberra": "AUS", "Hanoi": "VNM", "Manila": "PHL"}
    for did, date, a, b_, type_, city, lat, lon in rows:
        text = f"{names[a]} acted towards {names[b_]} in {city} on a spring day."
        b = Builder(id=did, text=text, published=date, title=f"{names[a]} and {names[b_]}", source=f"outlet {did}")
        src = b.actor(names[a], "country", a, "GOV", names[a])
        tgt = b.actor(names[b_], "country", b_, "GOV", names[b_])
        pid = b.place(city, city, city_country[city], lat, lon)
        b.event(type_, "acted", text, source=src, target=tgt, date=date, place=pid)
        if did == "c1":
            b.relation("AUS", "VNM", "strategic partnership", "established", text, "2025-01")
        docs.append(b.build())
    return docs
