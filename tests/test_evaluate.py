"""``bilateral eval`` scores exactly like the reference scorer ``shared/eval/score.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bilateral.cli import main
from bilateral.evaluate import score

GOLD = {"id": "g1", "published": "2024-01-01", "text": "x", "events": [
    {"source": "KHM", "target": "KOR", "type": "CONSULT", "symmetric": True, "alt": []},
    {"source": "KHM", "target": "KOR", "type": "REQUEST", "symmetric": False, "alt": []},
    {"source": "USA", "target": "", "type": "ACCUSE", "symmetric": False, "alt": ["THREATEN"]}],
    "optional": [{"source": "KOR", "target": "KHM", "type": "AID", "symmetric": False, "alt": []}],
    "forbidden": [{"source": "KOR", "target": "KHM", "type": "ASSAULT", "symmetric": False, "alt": []}],
    "quotes": [{"contains": "we will win", "speaker": "Hun Sen", "kind": "direct"},
               {"contains": "not found anywhere", "speaker": "X", "kind": "direct"}],
    "times": [{"text": "in May", "value": "2024-05"}, {"text": "September 11", "value": "2024-09-11"}],
    "relations": [{"countries": ["KHM", "KOR"], "level": "strategic partnership", "status": "established",
                   "date": "2024-05"}],
    "actors": [{"name": "Hun Sen", "country": "KHM", "sector": ["GOV", "LEG"]}]}


def _actor(aid: str, name: str, country: str, sector: str | None = None) -> dict[str, Any]:
    return {"id": aid, "name": name, "country": country, "sector": sector, "title": None, "mentions": []}


PRED = {"id": "g1", "actors": [_actor("a1", "Hun Sen", "KHM", "GOV"), _actor("a2", "Korea", "KOR"),
                               _actor("a3", "US", "USA")],
        "events": [{"type": "CONSULT", "source": "a2", "target": "a1", "status": "asserted"},
                   {"type": "REQUEST", "source": "a2", "target": "a1", "status": "asserted"},
                   {"type": "THREATEN", "source": "a3", "target": "a1", "status": "asserted"},
                   {"type": "AID", "source": "a2", "target": "a1", "status": "asserted"},
                   {"type": "ASSAULT", "source": "a2", "target": "a1", "status": "asserted"},
                   {"type": "SANCTION", "source": "a2", "target": "a1", "status": "hypothetical"}],
        "quotes": [{"text": "“We will win,” he said", "speaker": "a1"}],
        "times": [{"text": "May", "value": "2024-05"}, {"text": "on September 11", "value": "2024-09-12"}],
        "relations": [{"countries": ["KOR", "KHM"], "level": "Strategic Partnership", "status": "established",
                       "date": "2024-05"}]}


def test_hand_computed_figures() -> None:
    s = score([GOLD], {"g1": PRED}).summary()
    assert s["event_recall"] == pytest.approx(2 / 3, abs=1e-3)  # CONSULT (symmetric) and THREATEN (alt)
    assert s["event_precision"] == pytest.approx(0.5)  # REQUEST wrong way, ASSAULT spurious; AID optional
    assert s["forbidden"] == 1
    assert s["quote_recall"] == 0.5 and s["speaker_acc"] == 0.5
    assert s["time_recall"] == 1.0 and s["time_value_acc"] == 0.5
    assert s["relation_recall"] == 1.0
    assert s["actor_country_acc"] == 1.0 and s["actor_sector_acc"] == 1.0


def test_same_figures_as_reference_scorer(tmp_path: Path, shared: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    pred_path = tmp_path / "pred.jsonl"
    gold_path.write_text(json.dumps(GOLD) + "\n")
    pred_path.write_text(json.dumps(PRED) + "\n")
    ref = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold_path), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(ref.stdout) == score([GOLD], {"g1": PRED}).summary()


def test_eval_command_matches_reference_on_seed(tmp_path: Path, shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pred = tmp_path / "seed_pred.jsonl"
    gold = shared / "seed" / "gold.jsonl"
    assert main(["eval", str(gold), "--save", str(pred), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    ref = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(ref.stdout) == ours
    assert main(["eval", str(gold), "--pred", str(pred), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == ours


def test_eval_codes_cameo_scores_un_bodies_as_igo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g1", "published": "2024-05-01", "text": "The UN Security Council condemned Malawi for the crackdown.",
        "events": [{"source": "IGO", "target": "MWI", "type": "ACCUSE", "symmetric": False, "alt": []}],
        "optional": [], "forbidden": [], "quotes": [], "times": [], "relations": [], "actors": []}) + "\n")
    figures = {}
    for codes in ("plover", "cameo"):
        assert main(["eval", str(gold), "--json", "--codes", codes]) == 0
        figures[codes] = json.loads(capsys.readouterr().out)["event_recall"]
    assert figures == {"plover": 0.0, "cameo": 1.0}
