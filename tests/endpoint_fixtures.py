"""Fixtures for the endpoint tests: real stores on disk, real servers on loopback ports.

Imported by tests/test_endpoint.py and tests/test_queries.py (pytest picks the
fixtures up through `from endpoint_fixtures import *`).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from sckg.store import current_snapshot

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "zh"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
UPDATE_TOKEN = "test-token-not-secret"


def english_corpus_dir() -> Path:
    folder = SHARED_CORPUS / "en"
    if not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing: {folder}")
        pytest.skip(f"the shared corpus is not here: {folder}")
    return folder


def sckg(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sckg.cli", *args],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=timeout,
    )


def ingest(store: Path, *paths: Path) -> None:
    """The real `sckg ingest` (which publishes a snapshot at the end)."""
    result = sckg("ingest", *map(str, paths), "--store", str(store))
    assert result.returncode == 0, result.stderr + result.stdout


# -- HTTP ------------------------------------------------------------------------------------


@dataclass
class HttpReply:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def http(url: str, *, method: str = "GET", data: bytes | None = None, headers: dict | None = None, timeout: float = 60) -> HttpReply:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return HttpReply(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        return HttpReply(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


# -- servers ----------------------------------------------------------------------------------


class Server:
    """A server process on a loopback port, stopped with SIGTERM (then killed) at the end."""

    def __init__(self, command: list[str], log: Path, env: dict | None = None, port: int | None = None):
        self.log = log
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        self.port = port
        self.base = None

    def wait_for_port_in_log(self, timeout: float = 60) -> "Server":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", self.log.read_text(errors="replace"))
            if match:
                self.port = int(match.group(1))
                self.base = f"http://127.0.0.1:{self.port}"
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start:\n{self.log.read_text(errors='replace')}")

    def wait_for_http(self, path: str, timeout: float = 60) -> "Server":
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                http(self.base + path, timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not answer:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def sparql(self, query: str, accept: str = "application/sparql-results+json", **params) -> HttpReply:
        args = urllib.parse.urlencode({"query": query, **params})
        return http(f"{self.base}/sparql?{args}", headers={"Accept": accept})


def start_sckg_server(store: Path, log: Path, *args: str, env: dict | None = None) -> Server:
    """`sckg serve` itself, on a free port it picks (port 0) and reports in its log."""
    command = [sys.executable, "-m", "sckg.cli", "serve", "--store", str(store), "--port", "0", *args]
    return Server(command, log, env).wait_for_port_in_log()


def start_run_server(store: Path, log: Path, env: dict | None = None, **settings) -> Server:
    """graph_server.serve.run_server with settings the CLI does not expose (in a subprocess)."""
    code = (
        "import sys, json; from graph_server.serve import run_server; "
        "run_server(sys.argv[1], port=0, **json.loads(sys.argv[2]))"
    )
    import json

    command = [sys.executable, "-c", code, str(store), json.dumps(settings)]
    return Server(command, log, env).wait_for_port_in_log()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_oxigraph_server(snapshot: Path, copy_to: Path, log: Path) -> Server:
    """The Rust `oxigraph serve-read-only` on a copy of a snapshot, union default graph."""
    shutil.copytree(snapshot, copy_to)
    port = free_port()
    command = [
        shutil.which("oxigraph") or "oxigraph", "serve-read-only", "--location", str(copy_to),
        "--bind", f"127.0.0.1:{port}", "--union-default-graph",
    ]
    return Server(command, log, port=port).wait_for_http("/query?query=ASK%7B%7D")


# -- pytest fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """The seeds and the English corpus, ingested once with `sckg ingest` (snapshot published)."""
    english = english_corpus_dir()
    store = tmp_path_factory.mktemp("endpoint") / "store"
    ingest(store, SEEDS, english)
    assert current_snapshot(store) is not None
    return store


@pytest.fixture(scope="session")
def server(corpus_store, tmp_path_factory):
    """`sckg serve` over the corpus store: 2 workers, 2,000-row cap, 20-second limit."""
    log = tmp_path_factory.mktemp("logs") / "server.log"
    running = start_sckg_server(
        corpus_store, log, "--workers", "2", "--max-rows", "2000", "--query-timeout", "20"
    )
    yield running
    running.stop()


@pytest.fixture(scope="session")
def tight_store(tmp_path_factory) -> Path:
    """A small store (the seeds only) the tight server may write to."""
    store = tmp_path_factory.mktemp("tight") / "store"
    ingest(store, SEEDS)
    return store


@pytest.fixture(scope="session")
def tight_server(tight_store, tmp_path_factory):
    """run_server with small limits: one worker, a 2-second limit, 1 waiting query, 20 kB responses, a write token."""
    log = tmp_path_factory.mktemp("logs") / "tight.log"
    running = start_run_server(
        tight_store, log, env={"SCKG_UPDATE_TOKEN": UPDATE_TOKEN},
        workers=1, query_timeout=2, max_waiting=1, queue_timeout=1.5, max_bytes=20_000,
    )
    yield running
    running.stop()
