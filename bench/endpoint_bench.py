"""Load the endpoint with concurrent clients and compare with `oxigraph serve` on the same store.

    python bench/endpoint_bench.py --store data/store [--clients 16] [--requests 800] [--max-seconds 60]

Both servers listen on loopback ports only and serve the same published snapshot
(oxigraph on a copy). Each run is bounded: at most --requests requests per
(server, query) pair and at most --max-seconds each. Prints median and p99
latency, throughput and error counts for a one-hop lookup and a chain query.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sckg.store import current_snapshot  # noqa: E402

QUERIES = {
    "one-hop": """PREFIX sckg: <https://w3id.org/sckg/ontology#>
SELECT ?doc ?symbol WHERE { ?doc sckg:reaffirms <https://w3id.org/sckg/id/S/RES/1318(2000)> . OPTIONAL { ?doc sckg:symbol ?symbol } }""",
    "chain": """PREFIX sckg: <https://w3id.org/sckg/ontology#>
SELECT DISTINCT ?ancestor ?symbol WHERE {
  <https://w3id.org/sckg/id/S/RES/894(1994)> (sckg:reaffirms|sckg:recalls)+ ?ancestor .
  OPTIONAL { ?ancestor sckg:symbol ?symbol } }""",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {url}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.2)
    raise RuntimeError(f"server did not come up: {url}")


def start_ours(store: Path, port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "sckg.cli", "serve", "--store", str(store), "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", process)
    return process


def start_oxigraph(snapshot_copy: Path, port: int) -> subprocess.Popen:
    command = [shutil.which("oxigraph") or "oxigraph", "serve-read-only", "--location", str(snapshot_copy),
               "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
    return process


def load(url: str, clients: int, requests: int, max_seconds: float) -> dict:
    """`clients` threads share `requests` GETs of `url`, stopping at `max_seconds`."""
    latencies, errors, lock = [], [], threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + max_seconds

    def client():
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    json.loads(response.read())
                latencies.append(time.perf_counter() - started)
            except Exception as error:  # noqa: BLE001 - every failure counts as an error
                errors.append(repr(error))

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else float("nan"),
        "throughput_rps": len(latencies) / elapsed if elapsed else 0.0,
        "first_error": errors[0] if errors else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=800, help="per server and query")
    parser.add_argument("--max-seconds", type=float, default=60, help="per server and query")
    parser.add_argument("--workers", type=int, default=None, help="our query worker processes (default: one per core)")
    args = parser.parse_args()
    snapshot = current_snapshot(args.store)
    if snapshot is None:
        sys.exit(f"{args.store}: no published snapshot; run `sckg ingest` first")

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "oxigraph-copy"
        shutil.copytree(snapshot, copy)
        ours_port, theirs_port = free_port(), free_port()
        servers = [start_ours(args.store, ours_port, args.workers), start_oxigraph(copy, theirs_port)]
        try:
            rows = []
            for name, query in QUERIES.items():
                encoded = urllib.parse.urlencode({"query": query})
                for server, url in (("sckg", f"http://127.0.0.1:{ours_port}/sparql?{encoded}"),
                                    ("oxigraph", f"http://127.0.0.1:{theirs_port}/query?{encoded}")):
                    load(url, args.clients, min(50, args.requests), 10)  # warm-up
                    rows.append((name, server, load(url, args.clients, args.requests, args.max_seconds)))
        finally:
            for process in servers:
                process.terminate()
                process.wait(10)

    print(f"{args.clients} concurrent clients, up to {args.requests} requests each run")
    print(f"{'query':8} {'server':9} {'requests':>8} {'errors':>6} {'median ms':>10} {'p99 ms':>8} {'req/s':>8}")
    for name, server, r in rows:
        print(f"{name:8} {server:9} {r['requests']:8d} {r['errors']:6d} {r['median_ms']:10.2f} {r['p99_ms']:8.2f} {r['throughput_rps']:8.1f}")
        if r["first_error"]:
            print(f"    first error: {r['first_error']}")
    for name in QUERIES:
        ours = next(r for n, s, r in rows if n == name and s == "sckg")
        theirs = next(r for n, s, r in rows if n == name and s == "oxigraph")
        ratio = ours["median_ms"] / theirs["median_ms"]
        verdict = "within" if ratio <= 2 and ours["errors"] == 0 else "NOT within"
        print(f"{name}: median {ratio:.2f}x oxigraph serve ({verdict} the 2x target, {ours['errors']} errors)")


if __name__ == "__main__":
    main()
