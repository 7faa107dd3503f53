"""``bilateral serve``: options, and the real command serving a store over loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bilateral.cli import build_parser, main
from bilateral.cli import serve as serve_cmd
from bilateral.store import Store


def test_serve_options_parse() -> None:
    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "9001", "--token", "t", "--read-only",
                                      "--max-bytes", "1000"])
    assert args.func is serve_cmd.run
    assert (args.db, args.port, args.token, args.read_only, args.max_bytes, args.host) == (
        "x.db", 9001, "t", True, 1000, "127.0.0.1")


@pytest.mark.parametrize("argv", [["serve", "--port", "70000"], ["serve", "--read-only", "--db", "{tmp}/none.db"]])
def test_serve_refuses_bad_options_with_a_message(argv: list[str], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 2
    assert "error:" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_command_serves_the_store_with_the_token_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    port = _free_port()
    env = {**os.environ, "BILATERAL_TOKEN": "env-token"}
    cmd = [sys.executable, "-m", "bilateral", "serve", "--db", str(db), "--port", str(port), "--lazy"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(url + "/health", timeout=2).json()
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"bilateral serve did not start: {proc.communicate()[1][-2000:]}")
                time.sleep(0.2)
        assert health["token_required"] is True and health["documents"] == 0
        assert httpx.post(url + "/extract", json={"text": "x"}, timeout=10).status_code == 401
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
