"""Find statements in the parse: quoted spans with their cue, and reported clauses of speech verbs.

Reads: the spaCy Doc, the quoted spans of :mod:`.marks`, the lexicon. Writes: :class:`Found`
candidates (content span, cue span, the token heading the speaker phrase), in text order.

Direct quotes. A quoted span is a statement when a cue stands next to it:
* after it, in the same sentence, once the quote ends with a comma, "?", "!" or a dash (not a full
  stop): "“...,” he said", "“...?” asked the minister", "“...,” stated a post on ...";
  or a signature after a dash at the end of the paragraph ("“...” ― Jane Doe");
* before it, ending in a comma or colon: "He said: “...”", "According to the ministry, “...”";
  or at the end of the previous paragraph ("She continued:" then a quoted paragraph);
* around it, for a partial quote of at least four words inside a sentence whose cue governs it
  ("He called the plan “a farce from start to finish”"; a word or a title in marks is not a statement);
  when the partial quote sits inside a reported clause ("He said the deal was “a disaster”") the
  clause is the statement and is found as reported speech.
A quote split around its cue ("“A,” he said, “B.”") gives TWO statements with the same cue and
speaker, so every span stays the exact content. A full-sentence quote with no cue right after a
statement in the same or the previous paragraph ("“A,” he said. “B.”") continues that speaker.
Anything else in quote marks (scare quotes, titles, slogans) is not a statement.

Reported speech: a speech verb with a clausal complement ("X said (that) C", "C, X said",
"X told Y that C", "..., saying C", "who said C"), a speech noun after a light verb ("X expressed
hope that C"), "according to X, C" / "C, according to X". Negated cues ("did not say") and cues
inside a direct quote (the quoted speaker's own reporting) are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..context import doc_text
from .lexicon import Reporting
from .marks import Quoted
from .speaker import inverted_subject, subject_of

END_PUNCT = ",.?!…—–―-:;"
DASHES = "—–―-"
MAX_AFTER = 14
MIN_WORDS = 3
MIN_PARTIAL = 4


@dataclass
class Found:
    """A statement before speaker resolution."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    cue_token: Token | None
    subject: Token | None
    quote: Quoted | None = None
    inherit: bool = False


def _words(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    return sum(1 for t in span if not t.is_punct and not t.is_space) if span is not None else 0


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _is_cue(tok: Token, lex: Reporting, *, direct: bool) -> bool:
    """A reporting verb, not negated ("did not say"). The lexicon first: most verbs are not cues."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if direct:
        cue = lex.cues_direct(lemma)
    else:
        cue = lex.cues_indirect(lemma) or \
            any((lemma, c.lower_) in lex.phrasal for c in tok.children if c.dep_ == "prt")
    return cue and not any(c.dep_ == "neg" for c in tok.children)


def _prep_cue(tok: Token, lex: Reporting) -> tuple[tuple[int, int], Token | None] | None:
    """A multi-word cue such as "according to" starting at ``tok``: its span and its object."""
    lower = tok.lower_
    if lower not in lex.prep_starts:
        return None
    doc = tok.doc
    for words in lex.preps:
        n = len(words)
        if lower == words[0] and tok.i + n <= len(doc) and tuple(t.lower_ for t in doc[tok.i:tok.i + n]) == words:
            last = doc[tok.i + n - 1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            return (tok.idx, last.idx + len(last.text)), obj
    return None


def _cue_span(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def _para_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _after_window(doc: Doc, q: Quoted, quotes: list[Quoted]) -> list[Token]:
    """Tokens after the closing mark up to the end of the sentence, paragraph or next quote."""
    text = doc_text(doc)
    _, pend = _para_bounds(text, q.close)
    nxt = min((o.open for o in quotes if o.open > q.close), default=len(text))
    out: list[Token] = []
    for tok in _tokens_between(doc, q.after, min(pend, nxt)):
        if tok.text in (".", "!", "?") or len(out) >= MAX_AFTER:
            break
        out.append(tok)
    return out


def _before_window(doc: Doc, q: Quoted, quotes: list[Quoted]) -> list[Token]:
    """Tokens from the start of the sentence (or the end of the previous quote) to the opening mark."""
    text = doc_text(doc)
    pstart, _ = _para_bounds(text, q.open)
    prev = max((o.after for o in quotes if o.close < q.open), default=0)
    toks = _tokens_between(doc, max(pstart, prev), q.open)
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in (".", "!", "?"):
            return toks[k + 1:]
    return toks


def _cue_in(tokens: list[Token], lex: Reporting, *, last: bool) -> Found | None:
    order = reversed(tokens) if last else iter(tokens)
    for tok in order:
        prep = _prep_cue(tok, lex)
        if prep is not None:
            return Found("direct", 0, 0, prep[0], tok, prep[1])
        if _is_cue(tok, lex, direct=True):
            subj = subject_of(tok) or inverted_subject(tok)
            return Found("direct", 0, 0, _cue_span(tok), tok, subj)
    return None


def _clause_of(cue: Token) -> Token | None:
    return next((c for c in cue.children if c.dep_ == "ccomp"), None)


def direct_statements(doc: Doc, quotes: list[Quoted], lex: Reporting) -> list[Found]:
    """Quoted spans that are statements (see the module docstring)."""
    text = doc_text(doc)
    out: list[Found] = []
    for q in quotes:
        found = None
        ends_punct = text[q.close - 1] in END_PUNCT or (q.after < len(text) and text[q.after] in END_PUNCT)
        if ends_punct:
            after = _after_window(doc, q, quotes)
            found = _byline(after)
            last = text[q.end - 1]
            if found is None and last != ".":  # after a full stop the sentence is over
                found = _cue_in(after[:4] if last in "?!" else after, lex, last=False)
        if found is None:
            before = _before_window(doc, q, quotes)
            lead = text[before[0].idx:q.open].rstrip() if before else ""
            if lead.endswith((",", ":")):
                found = _cue_in(before, lex, last=True)
            elif not lead:
                found = _colon_paragraph(doc, q, lex)
        if found is None:
            found = _partial(doc, q, lex)
            if found is not None and found.kind == "skip":
                continue
        if found is None:
            if _continues(doc, q, out):
                out.append(Found("direct", q.start, q.end, None, None, None, quote=q, inherit=True))
            continue
        found.start, found.end, found.quote = q.start, q.end, q
        out.append(found)
    return out


def _byline(after: list[Token]) -> Found | None:
    """A quote signed with a dash at the end of its paragraph: "“...” ― Jane Doe"."""
    if len(after) < 2 or after[0].text not in DASHES or not after[1].text[:1].isupper():
        return None
    if after[-1].idx + len(after[-1].text) < _para_bounds(doc_text(after[0].doc), after[0].idx)[1] - 1:
        return None
    name = after[1]
    while name.head.i != name.i and name.head.i in range(after[1].i, after[-1].i + 1) and name.dep_ != "ROOT":
        name = name.head
    if name.pos_ != "PROPN":
        return None
    return Found("direct", 0, 0, _cue_span(after[0]), None, name)


def _colon_paragraph(doc: Doc, q: Quoted, lex: Reporting) -> Found | None:
    """A quote opening a paragraph after a paragraph that ends with a colon."""
    text = doc_text(doc)
    pstart, _ = _para_bounds(text, q.open)
    prev_end = len(text[:pstart].rstrip())
    if prev_end == 0 or text[prev_end - 1] != ":":
        return None
    pp, _ = _para_bounds(text, prev_end - 1)
    toks = _tokens_between(doc, pp, prev_end)
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in (".", "!", "?"):
            toks = toks[k + 1:]
            break
    return _cue_in(toks, lex, last=True)


def _partial(doc: Doc, q: Quoted, lex: Reporting) -> Found | None:
    """A partial quote governed by a cue of its sentence; kind 'skip' when a reported clause holds it."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = [t for t in span if t.is_alpha]
    if len(words) < MIN_PARTIAL or all(t.is_title or t.is_stop for t in words):
        return None  # a word or a title in quote marks, not a statement of its own
    root = span.root
    for anc in root.ancestors:
        if anc.idx >= q.open and anc.idx < q.close:
            continue
        if _is_cue(anc, lex, direct=True):
            clause = _clause_of(anc)
            if clause is not None and clause.left_edge.idx <= q.open and clause.right_edge.idx >= q.close - 1:
                if clause.left_edge.idx < q.open - 1 or clause.right_edge.idx > q.after:
                    return Found("skip", 0, 0, None, None, None)
            return Found("direct", 0, 0, _cue_span(anc), anc, subject_of(anc) or inverted_subject(anc))
    return None


def _continues(doc: Doc, q: Quoted, out: list[Found]) -> bool:
    """A full-sentence quote right after a statement of the same or the previous paragraph."""
    if not out or out[-1].quote is None or (out[-1].cue is None and not out[-1].inherit):
        return False
    text = doc_text(doc)
    before = text[:q.open].rstrip()
    if before and before[-1] not in ".!?\n" + "”\"" and text[len(before):q.open].find("\n") < 0:
        return False
    if not text[q.start:q.start + 1].isupper() or _words(doc, q.start, q.end) < 4:
        return False
    prev = out[-1].quote
    assert prev is not None
    between = text[prev.after:q.open]
    if "\n" in between and between.strip():
        return False  # narration in another paragraph stands between them
    return not any(m in between for m in "“\"")


def labelled_statements(doc: Doc, quotes: list[Quoted], direct: list[Found], lex: Reporting) -> list[Found]:
    """Paragraphs opened by a speaker label and a colon: transcripts ("PENCE: Well, look, ...") and
    headlines ("Pence: Flowers won't be at debate"). The label must be a name (proper nouns or capitals)
    and not a section word (``label`` entries of the lexicon: "Note", "Update", "Photo"...)."""
    text = doc_text(doc)
    out: list[Found] = []
    taken = [(f.quote.open, f.quote.after) for f in direct if f.quote is not None]
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        colon = line.find(":")
        if colon <= 0 or colon > 40:
            continue
        label = doc.char_span(start + len(line) - len(line.lstrip()), start + colon, alignment_mode="contract")
        if label is None or not 1 <= len(label) <= 4 or any(t.lower_ in lex.not_labels for t in label):
            continue
        if not all(t.pos_ == "PROPN" or (t.text.isupper() and t.is_alpha) or t.text in (".", "-") for t in label):
            continue
        if not label.text.isupper() and label.root.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue  # a title-case label must be a named speaker, not a headline ("Stealth Over Health: ...")
        s, e = start + colon + 1, start + len(line)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if _words(doc, s, e) < MIN_WORDS or any(_mostly(s, e, a, b) for a, b in taken):
            continue
        kind = "direct" if label.text.isupper() else "indirect"
        out.append(Found(kind, s, e, (start + colon, start + colon + 1), None, label.root))
    return out


# -- reported speech -------------------------------------------------------------------------------

def _inside_mask(text: str, quotes: list[Quoted]) -> bytearray:
    """1 at every character strictly inside a double-quoted span."""
    mask = bytearray(len(text) + 1)
    for q in quotes:
        if not q.single and q.close > q.open + 1:
            mask[q.open + 1:q.close] = b"\x01" * (q.close - q.open - 1)
    return mask


def _clause_span(doc: Doc, clause: Token, lex: Reporting, *, cue: Token | None = None) -> tuple[int, int]:
    """The reported clause without its complementizer and edge punctuation (and never the cue); a
    participle cue at its end starts a statement of its own (", adding that ...") and is cut off."""
    toks = [t for t in clause.subtree]
    if cue is not None:
        toks = [t for t in toks if (t.i > cue.i) == (clause.i > cue.i)]
    nested = [t.left_edge.i for t in toks if t.i != clause.i and t.dep_ in ("advcl", "conj") and t.tag_ == "VBG"
              and _is_cue(t, lex, direct=False) and _clause_of(t) is not None]
    if nested:
        toks = [t for t in toks if t.i < min(nested)]
    while toks and (toks[0].is_punct or toks[0].is_space or (toks[0].dep_ == "mark" and toks[0].lower_ in
                                                              ("that", "whether", "if"))):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim_tokens(toks: list[Token]) -> tuple[int, int]:
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else (0, 0)


def _sentence_rest(sent: Span, lo: int, hi: int) -> tuple[int, int]:
    """The longer part of a sentence on either side of ``[lo, hi)`` without edge punctuation."""
    text = doc_text(sent.doc)
    left = (sent.start_char, lo)
    right = (hi, sent.end_char)
    s, e = max(left, right, key=lambda x: len(text[x[0]:x[1]].strip(" ,.;:!?\n")))
    while s < e and (text[s] in " ,;:\n" or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in " ,.;:!?\n" or text[e - 1].isspace()):
        e -= 1
    return s, e


def reported_statements(doc: Doc, quotes: list[Quoted], direct: list[Found], lex: Reporting) -> list[Found]:
    """Reported clauses of speech verbs, speech nouns and "according to" (see the module docstring)."""
    taken = [(f.quote.open, f.quote.after) for f in direct if f.quote is not None]
    out: list[Found] = []
    inside = _inside_mask(doc_text(doc), quotes)
    for tok in doc:
        if inside[tok.idx]:
            continue
        found: Found | None = None
        prep = _prep_cue(tok, lex)
        if prep is not None:
            (cs, ce), obj = prep
            hi = obj.right_edge.idx + len(obj.right_edge.text) if obj is not None else ce
            s, e = _sentence_rest(tok.sent, cs, hi)
            found = Found("indirect", s, e, (cs, ce), tok, obj)
        elif _is_cue(tok, lex, direct=False):
            clause = _clause_of(tok)
            if clause is not None:
                s, e = _clause_span(doc, clause, lex, cue=tok)
                found = Found("indirect", s, e, _cue_span(tok), tok, subject_of(tok) or inverted_subject(tok))
            elif tok.dep_ == "parataxis" and tok.head.i < tok.i and subject_of(tok) is not None:
                # "C, X said." or the parenthetical "C1, X said, C2": spans are contiguous, so a
                # parenthetical cue stays inside the content of the clause it interrupts
                head = tok.head
                while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                    head = head.head
                head_end = head.right_edge.i
                words = [t for t in head.subtree if t.i < tok.left_edge.i or
                          (head_end > tok.right_edge.i + 1 and t.i > tok.right_edge.i)]
                s, e = _trim_tokens(words)
                found = Found("indirect", s, e, _cue_span(tok), tok, subject_of(tok))
        elif tok.lemma_.lower() in lex.nouns and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.light:
            clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and
                           any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None and not any(c.dep_ == "neg" for c in tok.head.children):
                s, e = _clause_span(doc, clause, lex)
                found = Found("indirect", s, e, (tok.head.idx, tok.idx + len(tok.text)), tok.head,
                              subject_of(tok.head))
        if found is None or found.end <= found.start or _words(doc, found.start, found.end) < MIN_WORDS:
            continue
        if any(_mostly(found.start, found.end, a, b) for a, b in taken):
            continue
        out.append(found)
    return out


def _mostly(s: int, e: int, a: int, b: int) -> bool:
    """Whether a quoted span ``[a, b)`` covers at least half of ``[s, e)``."""
    inter = max(0, min(e, b) - max(s, a))
    return inter * 2 >= (e - s)
