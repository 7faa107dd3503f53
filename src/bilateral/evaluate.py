"""Score document records against a gold JSONL, exactly as ``shared/spec/record.md`` says.

Gold per document: ``events`` (required), ``optional`` (not counted either way), ``forbidden``,
``quotes``, ``times``, ``relations``, ``actors``; ``partial`` gold does not count unmatched
predictions as false positives. Events with status hypothetical or negated are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

EXCLUDED_STATUS = frozenset({"requested", "hypothetical", "denied", "negated"})
Triple = tuple[str, str, str]


def norm(s: str | None) -> str:
    """Lower case, no quote marks, single spaces."""
    s = (s or "").lower()
    s = re.sub(r"[\u201c\u201d\u2018\u2019\"'`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _country(ref: Any, actors: Mapping[str, Any]) -> str:
    if ref is None:
        return ""
    if isinstance(ref, dict):
        return (ref.get("country") or "").upper()
    return ((actors.get(ref) or {}).get("country") or "").upper()


def predicted_triples(record: Mapping[str, Any]) -> set[Triple]:
    """(source country, target country, type) of every counted event of a record."""
    actors = {a.get("id"): a for a in record.get("actors") or []}
    out = set()
    for e in record.get("events") or []:
        if (e.get("status") or "asserted").lower() in EXCLUDED_STATUS:
            continue
        out.add((_country(e.get("source"), actors), _country(e.get("target"), actors), (e.get("type") or "").upper()))
    return out


def event_matches(gold: Mapping[str, Any], p: Triple, *, any_type: bool = False) -> bool:
    """Whether a predicted triple matches a gold event (type or alt, dyad, symmetric)."""
    if not any_type and p[2] not in {gold["type"], *gold.get("alt", [])}:
        return False
    pairs = [(gold["source"], gold["target"])]
    if gold.get("symmetric"):
        pairs.append((gold["target"], gold["source"]))
    return any(p[0] == s and (t == "" or p[1] == t) for s, t in pairs)


def _speaker_text(q: Mapping[str, Any], actors: Mapping[str, Any]) -> str:
    sp = q.get("speaker")
    parts = [q.get("speaker_name") or ""]
    if isinstance(sp, dict):
        parts += [sp.get("name") or "", sp.get("title") or ""]
    elif isinstance(sp, str) and sp in actors:
        a = actors[sp]
        parts += [a.get("name") or "", a.get("title") or ""]
        parts += [m.get("text", "") if isinstance(m, dict) else "" for m in a.get("mentions") or []]
    elif isinstance(sp, str):
        parts.append(sp)
    return norm(" | ".join(parts))


@dataclass
class Scores:
    """Counts and the misses behind them; :meth:`summary` gives the figures."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("dyad_hit", "type_right", "ev_gold", "ev_hit", "ev_pred_hit", "ev_fp", "forbidden", "q_gold", "q_found",
         "q_speaker", "t_gold", "t_found", "t_value", "r_gold", "r_hit", "a_gold", "a_country", "a_sector",
         "missing_docs"), 0))
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        c = self.counts

        def f(a: int | float, b: int | float) -> float:
            return a / b if b else 0.0

        rec = f(c["ev_hit"], c["ev_gold"])
        prec = f(c["ev_pred_hit"], c["ev_pred_hit"] + c["ev_fp"])
        return {
            "event_recall": round(rec, 3), "event_precision": round(prec, 3),
            "event_f1": round(f(2 * prec * rec, prec + rec), 3),
            "dyad_recall": round(f(c["dyad_hit"], c["ev_gold"]), 3),
            "type_acc_given_dyad": round(f(c["type_right"], c["dyad_hit"]), 3),
            "forbidden": c["forbidden"], "quote_recall": round(f(c["q_found"], c["q_gold"]), 3),
            "speaker_acc": round(f(c["q_speaker"], c["q_gold"]), 3),
            "time_recall": round(f(c["t_found"], c["t_gold"]), 3),
            "time_value_acc": round(f(c["t_value"], c["t_gold"]), 3),
            "relation_recall": round(f(c["r_hit"], c["r_gold"]), 3),
            "actor_country_acc": round(f(c["a_country"], c["a_gold"]), 3),
            "actor_sector_acc": round(f(c["a_sector"], c["a_gold"]), 3),
            "missing_docs": c["missing_docs"],
        }


def score(gold: Iterable[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]) -> Scores:
    """Score records (``predictions`` by document id) against gold documents."""
    s = Scores()
    c = s.counts
    for g in gold:
        rec = predictions.get(str(g["id"]))
        if rec is None:
            c["missing_docs"] += 1
            rec = {}
        _score_events(g, rec, s)
        _score_quotes(g, rec, s)
        _score_times(g, rec, s)
        _score_actors(g, rec, s)
        _score_relations(g, rec, s)
    return s


def _score_events(g: Mapping[str, Any], rec: Mapping[str, Any], s: Scores) -> None:
    c, preds = s.counts, predicted_triples(rec)
    for ge in g["events"]:
        c["ev_gold"] += 1
        same_dyad = [p for p in preds if event_matches(ge, p, any_type=True)]
        if same_dyad:
            c["dyad_hit"] += 1
            c["type_right"] += any(event_matches(ge, p) for p in same_dyad)
        if any(event_matches(ge, p) for p in preds):
            c["ev_hit"] += 1
        else:
            s.misses.append(f"{g['id']} missed {ge['source']}->{ge['target']} {ge['type']}")
    for p in preds:
        if any(event_matches(ge, p) for ge in g["events"]):
            c["ev_pred_hit"] += 1
        elif any(event_matches(ge, p) for ge in g.get("optional", [])):
            pass
        elif not g.get("partial"):
            c["ev_fp"] += 1
            s.misses.append(f"{g['id']} spurious {p[0]}->{p[1]} {p[2]}")
        if any(event_matches(ge, p) for ge in g.get("forbidden", [])):
            c["forbidden"] += 1


def _score_quotes(g: Mapping[str, Any], rec: Mapping[str, Any], s: Scores) -> None:
    c = s.counts
    actors = {a.get("id"): a for a in rec.get("actors") or []}
    for gq in g.get("quotes", []):
        c["q_gold"] += 1
        hit = [q for q in rec.get("quotes") or [] if norm(gq["contains"]) in norm(q.get("text"))]
        if not hit:
            s.misses.append(f"{g['id']} quote missed: {gq['contains'][:40]}")
            continue
        c["q_found"] += 1
        if any(norm(gq["speaker"]) in _speaker_text(q, actors) for q in hit):
            c["q_speaker"] += 1
        else:
            s.misses.append(f"{g['id']} quote speaker wrong: {gq['contains'][:40]}")


def _score_times(g: Mapping[str, Any], rec: Mapping[str, Any], s: Scores) -> None:
    c = s.counts
    for gt in g.get("times", []):
        c["t_gold"] += 1
        gnorm = norm(gt["text"])
        ts = [t for t in rec.get("times") or []
              if gnorm in norm(t.get("text")) or (norm(t.get("text")) and norm(t.get("text")) in gnorm)]
        if not ts:
            s.misses.append(f"{g['id']} time missed: {gt['text']}")
            continue
        c["t_found"] += 1
        want = gt["value"] if isinstance(gt["value"], list) else [gt["value"]]
        if any(str(t.get("value")) in want for t in ts):
            c["t_value"] += 1
        else:
            s.misses.append(f"{g['id']} time value: {gt['text']} want {gt['value']} got {[t.get('value') for t in ts]}")


def _score_actors(g: Mapping[str, Any], rec: Mapping[str, Any], s: Scores) -> None:
    c = s.counts
    for ga in g.get("actors", []):
        c["a_gold"] += 1
        cand = [a for a in rec.get("actors") or [] if norm(ga["name"]) in norm(a.get("name"))]
        if any((a.get("country") or "").upper() == ga["country"] for a in cand):
            c["a_country"] += 1
        else:
            s.misses.append(f"{g['id']} actor country: {ga['name']} want {ga['country']} "
                            f"got {[a.get('country') for a in cand]}")
        if any((a.get("sector") or "").upper() in ga.get("sector", []) for a in cand):
            c["a_sector"] += 1
        else:
            s.misses.append(f"{g['id']} actor sector: {ga['name']} want {ga.get('sector')} "
                            f"got {[a.get('sector') for a in cand]}")


def _score_relations(g: Mapping[str, Any], rec: Mapping[str, Any], s: Scores) -> None:
    c = s.counts
    for gr in g.get("relations", []):
        c["r_gold"] += 1
        ok = any(
            sorted(x.upper() for x in r.get("countries") or []) == sorted(gr["countries"])
            and norm(r.get("level")) == norm(gr["level"]) and (r.get("status") or "").lower() == gr["status"]
            and ("date" not in gr or str(r.get("date") or "").startswith(gr["date"]))
            for r in rec.get("relations") or [])
        c["r_hit"] += ok
        if not ok:
            s.misses.append(f"{g['id']} relation missed: {gr}")
