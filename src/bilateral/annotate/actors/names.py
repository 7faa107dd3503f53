"""Where the persons are: name spans from the KB, the named-entity tagger and titles.

Reads: the Doc, the cues of :mod:`.cues` and the office-holder KB. Writes: token ranges of person names.
KB names come first (the tagger splits "Jam Kamal Khan Alyani"), then PERSON entities (adjacent ones
joined, titles trimmed, extended over the rest of a name), one-word KB aliases where no longer name
holds them, capitalised words right after a person title ("president Yoon"), untagged runs of proper
nouns in argument position ("met Ana Vera"), and lone words of a name found earlier ("Lindqvist").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ...kb import KnowledgeBase
from .cues import Cue, Trie, _split, norm_quotes
from .phrases import POSS, _role, _trim_name


def person_spans(doc: Doc, cues: Sequence[Cue], kb: KnowledgeBase, kb_trie: Trie) -> list[tuple[int, int]]:
    """Token ranges of person names: PERSON entities (titles trimmed), KB names, names after a title."""
    term_toks = {i for c in cues if c.type == "term" for i in range(c.start, c.end)}
    country_cue = {(c.start, c.end): c for c in cues if c.type == "country"}
    org_toks = {i for c in cues if c.type == "org" for i in range(c.start, c.end)}
    cue_toks = term_toks | org_toks | {i for s, e in country_cue for i in range(s, e)}
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()

    def add(s: int, e: int) -> None:
        if s < e and not any(i in taken for i in range(s, e)):
            spans.append((s, e))
            taken.update(range(s, e))

    # names the KB knows, longest first ("Jam Kamal Khan Alyani" even when the tagger splits it)
    kb_hits = _kb_hits(doc, kb_trie, org_toks, country_cue)
    for s, e in kb_hits:
        if e - s > 1:
            add(s, e)
    # PERSON entities: adjacent ones joined, titles trimmed, extended over the rest of the name
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    merged: list[list[int]] = []
    for ent in ents:
        if merged and merged[-1][1] == ent.start:
            merged[-1][1] = ent.end
        else:
            merged.append([ent.start, ent.end])
    for ms, me in merged:
        s, e = _trim_name(doc, ms, me, term_toks)
        while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper() and e not in cue_toks \
                and not doc[e].ent_type_ and doc[e - 1].text not in POSS:
            e += 1
        if s >= e:
            continue
        if all(i in org_toks for i in range(s, e)):
            continue
        cc = country_cue.get((s, e))
        if cc is not None and "person_name" not in cc.flags:
            continue  # "Kosovo" tagged PERSON is still Kosovo
        if e - s == 1 and cc is not None and not kb.knows(doc[s].text):
            continue  # a lone "Jordan" is decided later, by the names of the document
        inside = [c for (cs, ce), c in country_cue.items() if s <= cs and ce <= e]
        if len(inside) > 1 and sum(c.end - c.start for c in inside) == e - s and \
                not any("person_name" in c.flags for c in inside):
            continue  # "Bosnian Serbs" tagged PERSON: nationality words only
        add(s, e)
    for s, e in kb_hits:  # one-word KB names ("Trump") only where no longer name holds them
        if e - s == 1:
            add(s, e)
    # a capitalised run right after a person title: "president Yoon", "Minister Park Jin"
    for c in cues:
        if c.type != "term" or c.form != "person":
            continue
        j = c.end
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j not in term_toks \
                and j not in org_toks and not any(s <= j < e for s, e in country_cue):
            j += 1
        if j > c.end and doc[j - 1].head.i in range(c.start, j) or j > c.end and doc[c.end - 1].head.i in range(c.end, j):
            add(c.end, j)
    # an untagged run of two or more capitalised proper nouns ("Ana Vera" missed by the tagger)
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not doc[j].ent_type_ \
                and j not in cue_toks and doc[j].is_alpha:
            j += 1
        if 2 <= j - i <= 4 and _role(doc[j - 1]) in ("nsubj", "nsubjpass", "dobj", "dative", "pobj:with",
                                                      "pobj:by", "appos"):
            add(i, j)
        i = max(j, i + 1)
    # a lone word of a known full name: "Lindqvist" (even when tagged ORG) after "Anna Lindqvist"
    words = {doc[k].text for s, e in spans if e - s >= 2 for k in range(s, e) if len(doc[k].text) >= 3}
    for tok in doc:
        if tok.text in words and tok.i not in taken and tok.i not in cue_toks and tok.text[:1].isupper():
            add(tok.i, tok.i + 1)
    spans.sort()
    return spans


def _kb_hits(doc: Doc, trie: Trie, org_toks: set[int], country_cue: dict[tuple[int, int], Cue]
             ) -> list[tuple[int, int]]:
    keys = [[norm_quotes(t.text)] + ([norm_quotes(t.text).title()] if t.is_upper and len(t.text) > 3 else [])
            for t in doc]
    out = []
    i = 0
    while i < len(doc):
        hit = trie.longest(keys, i)
        if hit is None:
            i += 1
            continue
        end = hit[0]
        if doc[i].text[:1].isupper() and not any(j in org_toks for j in range(i, end)) \
                and (i, end) not in country_cue and (end - i > 1 or not doc[i].is_sent_start or doc[i].ent_type_):
            out.append((i, end))
        i = end
    return out


def kb_trie(kb: KnowledgeBase) -> Trie:
    """Names and aliases of the KB (two words or more, or one capitalised word) as a token trie."""
    trie = Trie()
    for n in kb.names():
        toks = _split(n)
        if len(toks) >= 2 or (len(toks) == 1 and len(n) >= 4 and n[:1].isupper()):
            trie.add(toks, n)
    return trie
