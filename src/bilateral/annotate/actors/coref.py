"""Within-document coreference for actors, built on spaCy's parse (no coreference model works offline).

Reads: the candidates of :mod:`.phrases` and the Doc. Writes: ``Cand.ref`` links (and new pronoun and
pair candidates), so that each entity ends up as one actor with all its mentions.

- Names: a later (or earlier) mention whose words are a subset of a full name is that person
  ("Mengdavid" -> "Thong Mengdavid", "Yoon" -> "Yoon Suk-Yeol"); with two candidates the nearest one before.
- Titles alone ("the Senate president") go to the most recent named person with that title.
- he/him/his, she/her: the most salient compatible person before the pronoun: sentence distance,
  subject position and main clause raise salience; a person that is an argument of the pronoun's own
  verb is excluded ("he thanked him"). its -> the nearest organisation or country before it.
- we/us/our inside a quotation -> the speaker's country (the speaker: a person subject in the quote before
  the pronoun, else the attribution's subject, else the last person subject).
- "the two countries", "both sides", "the two leaders" -> a group actor of the two most salient countries
  (or leaders) in the text so far; its ``members`` are ISO3 codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...resources.actor_lexicon import country_names, read_table
from ..context import doc_text
from .phrases import Cand

HE = {"he", "him", "his", "himself"}
SHE = {"she", "her", "hers", "herself"}
WE = {"we", "us", "our", "ours", "ourselves"}
SUBJ = {"nsubj", "nsubjpass"}
SPEECH = {"say", "state", "tell", "add", "note", "stress", "emphasise", "emphasize", "highlight", "ask", "urge",
          "express", "announce", "declare", "explain", "insist", "warn", "write", "remark", "claim", "argue"}
QUOTES_OPEN = {"“", "\"", "«", "„"}
QUOTES_CLOSE = {"”", "\"", "»", "“"}


def root(cands: Sequence[Cand], i: int) -> int:
    hops = 0
    while cands[i].ref is not None and cands[i].ref != i and hops < 50:
        i = cands[i].ref  # type: ignore[assignment]
        hops += 1
    return i


def link_names(cands: list[Cand]) -> None:
    """Join person mentions whose names are contained in one another."""
    persons = [i for i, c in enumerate(cands) if c.kind == "person" and c.name_tokens]
    for pos, i in enumerate(persons):
        mine = set(cands[i].name_tokens)
        best = None
        for j in reversed(persons[:pos]):
            other = set(cands[j].name_tokens)
            shared = mine & other
            if shared and any(len(t) > 1 for t in shared) and (mine <= other or other <= mine):
                best = j
                break
        if best is not None:
            a, b = root(cands, i), root(cands, best)
            if a != b:
                # the longer name is the root, so the actor is named by its full name
                if len(cands[a].name_tokens) > len(cands[b].name_tokens):
                    cands[b].ref = a
                else:
                    cands[a].ref = b


def link_titles(cands: list[Cand]) -> None:
    """A title alone ("the Senate president") refers to the last named person with that title."""
    for i, c in enumerate(cands):
        if c.kind != "person" or c.name_tokens or not c.term or c.ref is not None:
            continue
        head = c.term.split()[-1]
        for j in range(i - 1, -1, -1):
            o = cands[j]
            if o.kind != "person" or not o.name_tokens or not o.term:
                continue
            if (o.term == c.term or o.term.split()[-1] == head and len(c.term.split()) == 1) and \
                    (c.country is None or o.country is None or c.country == o.country):
                c.ref = root(cands, j)
                break


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks, paragraph by paragraph."""
    out: list[tuple[int, int]] = []
    offset = 0
    for para in text.split("\n"):
        start = None
        for k, ch in enumerate(para):
            if start is None and ch in QUOTES_OPEN:
                start = offset + k + 1
            elif start is not None and ch in QUOTES_CLOSE:
                out.append((start, offset + k))
                start = None
        offset += len(para) + 1
    return out


def _inside(ranges: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s, e in ranges:
        if s <= pos < e:
            return (s, e)
    return None


def _clause_args(tok: Token) -> set[int]:
    """Token indices of the arguments of ``tok``'s verb (for the binding constraint)."""
    verb = tok.head
    return {t.i for t in verb.children if t.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "iobj")}


def _salience(c: Cand, sent: int, doc: Doc) -> float:
    dist = sent - c.sent
    score = -2.0 * dist
    if c.role in SUBJ:
        score += 1.5
        verb = doc[c.head].head
        if verb.dep_ == "ROOT":
            score += 0.6
        elif verb.head.dep_ == "ROOT":
            score += 0.2
    elif c.role.startswith("pobj") or c.role in ("poss",):
        score -= 0.3
    return score + c.start * 1e-6


def resolve_pronouns(doc: Doc, cands: list[Cand], *, skip: set[int]) -> list[Cand]:
    """New candidates for pronouns, each pointing (``ref``) at its antecedent."""
    out: list[Cand] = []
    quotes = quote_ranges(doc_text(doc))
    sents = list(doc.sents)
    sent_of = {t.i: k for k, s in enumerate(sents) for t in s}
    pool = list(cands)
    for tok in doc:
        low = tok.lower_
        if tok.i in skip or tok.pos_ not in ("PRON", "DET"):
            continue
        s = sent_of[tok.i]
        quote = _inside(quotes, tok.idx)
        target: int | None = None
        kind = "person"
        if low in HE or low in SHE:
            if quote is not None and _inside(quotes, tok.idx) and low in ("his", "him"):
                pass
            target = _best_person(doc, pool, tok, s, female=low in SHE)
        elif low == "its":
            target = _nearest(pool, tok, s, kinds=("organization", "country"), prefer_subject=True)
            kind = "organization"
        elif low in ("their", "they", "them"):
            target = _nearest(pool, tok, s, kinds=("group",), subject_only=True)
            kind = "group"
            if target is None:
                pair = _conjoined_subjects(doc, pool, tok, s)
                if pair is not None:  # kept in step: ``out`` extends the caller's list as ``pool`` does
                    pool.append(pair)
                    out.append(pair)
                    target = len(pool) - 1
        elif low in WE and quote is not None:
            speaker = _speaker(doc, pool, tok, quote, s)
            if speaker is not None and pool[root(pool, speaker)].kind == "organization":
                target, kind = speaker, "organization"  # "We urge calm," the ministry said: the ministry
            elif speaker is not None:
                sp = pool[root(pool, speaker)]
                country = sp.country or next((pool[k].country for k in range(len(pool))
                                              if root(pool, k) == root(pool, speaker) and pool[k].country), None)
                if country:
                    side = Cand(start=tok.idx, end=tok.idx + len(tok.text), head=tok.i, sent=s, kind="country",
                                name=country_names().get(country, country), country=country,
                                rule="pronoun:speaker-side", confidence=0.6, role=tok.dep_, pronoun=True,
                                key=f"country:{country}")
                    pool.append(side)
                    out.append(side)
                    continue
                target = speaker
        if target is None:
            continue
        t = pool[root(pool, target)]
        c = Cand(start=tok.idx, end=tok.idx + len(tok.text), head=tok.i, sent=s, kind=t.kind or kind, name=tok.text,
                 rule=f"pronoun:{low}", confidence=0.7, role=tok.dep_, pronoun=True, ref=root(pool, target))
        if low in HE:
            t.gender = t.gender or "m"
        elif low in SHE:
            t.gender = t.gender or "f"
        pool.append(c)
        out.append(c)
    return out


def _best_person(doc: Doc, pool: list[Cand], tok: Token, s: int, *, female: bool) -> int | None:
    banned = _clause_args(tok) if tok.dep_ in ("dobj", "dative", "iobj") else set()
    best: tuple[float, int] | None = None
    for i, c in enumerate(pool):
        if c.kind != "person" or c.start >= tok.idx or s - c.sent > 3 or c.head in banned:
            continue
        if c.pronoun and c.ref is None:
            continue
        r = pool[root(pool, i)]
        if c.head == tok.i:
            continue
        score = _salience(c, s, doc)
        gender = r.gender or c.gender
        if gender and gender != ("f" if female else "m"):
            continue
        if gender:  # a known match outweighs position for "she" (most unknown-gender officials in news are men)
            score += 2.5 if female else 0.5
        if not r.name_tokens and not r.term:
            score -= 1.0
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _nearest(pool: list[Cand], tok: Token, s: int, *, kinds: tuple[str, ...], subject_only: bool = False,
             prefer_subject: bool = False) -> int | None:
    best: tuple[float, int] | None = None
    for i, c in enumerate(pool):
        if c.kind not in kinds or c.start >= tok.idx or s - c.sent > 1 or c.pronoun:
            continue
        if subject_only and c.role not in SUBJ:
            continue
        score = -3.0 * (s - c.sent) + c.start * 1e-4
        if prefer_subject and c.role in SUBJ:
            score += 1.0  # "The United States, an ally of the Philippines, said it stood with its ally"
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _conjoined_subjects(doc: Doc, pool: list[Cand], tok: Token, s: int) -> Cand | None:
    """"Cambodia and South Korea signed ... They": a pair of the two conjoined countries (or persons of two
    countries) in subject position in this or the previous sentence."""
    by_head = {c.head: i for i, c in enumerate(pool) if not c.pronoun and c.kind in ("country", "person")}
    for i in range(len(pool) - 1, -1, -1):
        c = pool[i]
        if c.pronoun or c.start >= tok.idx or s - c.sent > 1 or c.role not in SUBJ or i not in by_head.values():
            continue
        for child in doc[c.head].children:
            j = by_head.get(child.i)
            if child.dep_ != "conj" or j is None:
                continue
            a, b = pool[root(pool, i)], pool[root(pool, j)]
            codes = [x.country for x in (a, b)]
            if codes[0] and codes[1] and codes[0] != codes[1]:
                names = country_names()
                label = " and ".join(names.get(x, x) for x in codes if x)
                members = tuple(x for x in codes if x)
                return Cand(start=doc[c.head].idx, end=doc[c.head].idx, head=c.head, sent=c.sent, kind="group",
                            name=label, rule="pair:country:" + "+".join(members), confidence=0.6, role=c.role,
                            members=members, key="pair:country:" + "+".join(sorted(members)))
    return None


def _speaker(doc: Doc, pool: list[Cand], tok: Token, quote: tuple[int, int], s: int) -> int | None:
    """The person (or institution) speaking the quotation that holds ``tok``."""
    inside = [i for i, c in enumerate(pool) if c.kind == "person" and quote[0] <= c.start < tok.idx
              and c.role in SUBJ and doc[c.head].head.lemma_ in SPEECH]
    if inside:
        return inside[-1]
    outside = [i for i, c in enumerate(pool) if c.kind in ("person", "organization") and c.sent == s and
               not (quote[0] <= c.start < quote[1]) and c.role in SUBJ]
    if outside:
        return outside[0]
    prev = [i for i, c in enumerate(pool) if c.kind == "person" and c.sent < s and c.role in SUBJ]
    return prev[-1] if prev else None


@lru_cache(maxsize=1)
def _pair_phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple((tuple(r["phrase"].lower().split()), r["members"]) for r in read_table("pair_phrases.tsv"))


@lru_cache(maxsize=1)
def _pair_phrases_by_first() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The pair phrases indexed by their first word (the scan looks only at those that can start here)."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, members in _pair_phrases():
        by_first.setdefault(words[0], []).append((words, members))
    return {k: tuple(v) for k, v in by_first.items()}


def find_pairs(doc: Doc, cands: list[Cand]) -> tuple[list[Cand], set[int]]:
    """Group candidates for "the two countries" and the like; also the token indices they cover."""
    out: list[Cand] = []
    covered: set[int] = set()
    lows = [t.lower_ for t in doc]
    by_first = _pair_phrases_by_first()
    if not any(w in by_first for w in lows):
        return out, covered
    sents = {t.i: k for k, s in enumerate(doc.sents) for t in s}
    for i in range(len(doc)):
        for words, members in by_first.get(lows[i], ()):
            if tuple(lows[i:i + len(words)]) != words:
                continue
            end = i + len(words)
            s = sents[i]
            start_char = doc[i].idx
            if members == "one-country":
                scores = _country_scores(cands, start_char, s, 2)
                if not scores or _lead(cands, start_char, s) < 2.0:
                    continue  # two countries about equally salient: "the country" stays unresolved
                code = max(scores, key=lambda k: scores[k])
                span = doc[i + 1:end]
                out.append(Cand(start=span.start_char, end=span.end_char, head=end - 1, sent=s, kind="country",
                                name=country_names().get(code, code), country=code, rule="anaphor:the-country",
                                confidence=0.6, role=doc[end - 1].dep_, key=f"country:{code}"))
                covered.update(range(i, end))
                break
            if members == "person":
                sides = _salient_people(cands, start_char, s)
            else:
                sides = _salient_countries(cands, start_char, s)
            if len(sides) < 2:
                continue
            names = country_names()
            if members == "person":  # the leaders' countries are the sides; the names label the group
                label = " and ".join(n for n, _ in sides)
                codes = [c for _, c in sides]
            else:
                label = " and ".join(names.get(x, x) for x, _ in sides)
                codes = [x for x, _ in sides]
            first = i + 1 if doc[i].lower_ in ("the", "our", "both") and doc[i].lower_ != "both" else i
            span = doc[first:end] if doc[i].lower_ == "the" else doc[i:end]
            key = f"pair:{members}:" + "+".join(sorted(codes))
            out.append(Cand(start=span.start_char, end=span.end_char, head=end - 1, sent=s, kind="group",
                            name=label, rule=f"pair:{members}:" + "+".join(codes), confidence=0.7,
                            role=doc[end - 1].dep_, members=tuple(codes), key=key))
            covered.update(range(i, end))
            break
    return out, covered


def _country_scores(cands: Sequence[Cand], pos: int, sent: int, window: int) -> dict[str, float]:
    score: dict[str, float] = {}
    for c in cands:
        if c.start >= pos or sent - c.sent > window or not c.country or c.members or not c.kind:
            continue
        if len(c.country) != 3 or c.country in ("IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC"):
            continue
        score[c.country] = score.get(c.country, 0.0) + 1.0 / (1 + sent - c.sent)
    return score


def _lead(cands: Sequence[Cand], pos: int, sent: int) -> float:
    """How many times more salient the first country is than the second (just before ``pos``)."""
    ranked = sorted(_country_scores(cands, pos, sent, 2).values(), reverse=True)
    return ranked[0] / ranked[1] if len(ranked) > 1 and ranked[1] else 99.0


def _salient_countries(cands: Sequence[Cand], pos: int, sent: int, *, window: int = 3) -> list[tuple[str, str]]:
    """The two most salient countries before ``pos`` (recency-weighted counts), as (code, code)."""
    score = _country_scores(cands, pos, sent, window)
    if len(score) < 2:
        score = _country_scores(cands, pos, sent, 1000)
    return [(k, k) for k, _ in sorted(score.items(), key=lambda kv: -kv[1])[:2]]


def _salient_people(cands: Sequence[Cand], pos: int, sent: int) -> list[tuple[str, str]]:
    """The two most salient named persons of different countries (name, country); both countries known."""
    score: dict[str, float] = {}
    country_of: dict[str, str | None] = {}
    for i, c in enumerate(cands):
        if c.kind != "person" or c.start >= pos or sent - c.sent > 3 or not c.name_tokens:
            continue
        r = cands[root(cands, i)]
        score[r.name] = score.get(r.name, 0.0) + 1.0 / (1 + sent - c.sent)
        country_of[r.name] = r.country or c.country
    ranked = sorted(score, key=lambda n: -score[n])
    out: list[tuple[str, str]] = []
    for n in ranked:
        code = country_of.get(n)
        if code and all(code != c for _, c in out):
            out.append((n, code))
        if len(out) == 2:
            break
    return out
