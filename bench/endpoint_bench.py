"""Load the endpoint with concurrent clients and compare with `oxigraph serve` on the same store.

    python bench/endpoint_bench.py --store data/store [--clients 16] [--requests 800] [--max-seconds 60] [--runs 3]

Both servers listen on loopback ports only and serve the same published snapshot
(oxigraph on a copy). Each measurement is bounded: at most --requests requests per
(server, query) pair and at most --max-seconds each. Every run measures both
servers on both queries, in alternating order, so that load from elsewhere on
the machine hits both alike; the ratio is taken within each run. Prints, per run
and overall, median and p99 latency, throughput, errors and the ratio of our
median to oxigraph's for a one-hop lookup and a chain query, with the machine's
load average before and after (figures from a busy machine are not comparable),
and each server's CPU time per request (its whole process tree, from /proc).
"""

from __future__ import annotations

import argparse
import json
import os
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


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and all its descendants, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending += [int(child) for child in children]
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended meanwhile
    return total


def load(url: str, clients: int, requests: int, max_seconds: float, server_pid: int | None = None) -> dict:
    """`clients` threads share `requests` GETs of `url`, stopping at `max_seconds`.

    With `server_pid`, also the server's CPU time per answered request (its whole process tree).
    """
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

    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(server_pid) - cpu_before if server_pid else float("nan")
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else float("nan"),
        "throughput_rps": len(latencies) / elapsed if elapsed else 0.0,
        "cpu_us": cpu / len(latencies) * 1e6 if latencies else float("nan"),
        "first_error": errors[0] if errors else "",
    }


def measure_run(urls: dict, pids: dict, args, flip: bool) -> dict:
    """{(query, server): load figures} for one run; `flip` puts oxigraph first."""
    figures = {}
    for name in QUERIES:
        order = ("oxigraph", "sckg") if flip else ("sckg", "oxigraph")
        for server in order:
            url = urls[server][name]
            load(url, args.clients, min(50, args.requests), 10)  # warm-up
            figures[(name, server)] = load(url, args.clients, args.requests, args.max_seconds, pids[server])
    return figures


def print_run(label: str, figures: dict) -> None:
    print(f"\n{label}")
    print(f"{'query':8} {'server':9} {'requests':>8} {'errors':>6} {'median ms':>10} {'p99 ms':>8} {'req/s':>8} "
          f"{'cpu us/req':>10} {'ratio':>6}")
    for name in QUERIES:
        theirs = figures[(name, "oxigraph")]
        for server in ("sckg", "oxigraph"):
            r = figures[(name, server)]
            ratio = r["median_ms"] / theirs["median_ms"]
            print(f"{name:8} {server:9} {r['requests']:8d} {r['errors']:6d} {r['median_ms']:10.2f} "
                  f"{r['p99_ms']:8.2f} {r['throughput_rps']:8.1f} {r['cpu_us']:10.0f} {ratio:5.2f}x")
            if r["first_error"]:
                print(f"    first error: {r['first_error']}")


def print_summary(runs: list[dict]) -> None:
    print("\nsummary (median over runs; ratio = our median latency / oxigraph serve's, within each run)")
    print(f"{'query':8} {'sckg ms':>8} {'p99 ms':>8} {'req/s':>8} {'cpu us':>7} {'oxigraph ms':>12} {'p99 ms':>8} "
          f"{'req/s':>8} {'cpu us':>7} {'errors':>6} {'ratio':>6}  per run")
    for name in QUERIES:
        ours = [run[(name, "sckg")] for run in runs]
        theirs = [run[(name, "oxigraph")] for run in runs]
        ratios = [o["median_ms"] / t["median_ms"] for o, t in zip(ours, theirs)]
        errors = sum(o["errors"] for o in ours)
        mid = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
        ratio = statistics.median(ratios)
        print(f"{name:8} {mid(ours, 'median_ms'):8.2f} {mid(ours, 'p99_ms'):8.2f} {mid(ours, 'throughput_rps'):8.1f} "
              f"{mid(ours, 'cpu_us'):7.0f} {mid(theirs, 'median_ms'):12.2f} {mid(theirs, 'p99_ms'):8.2f} "
              f"{mid(theirs, 'throughput_rps'):8.1f} {mid(theirs, 'cpu_us'):7.0f} {errors:6d} {ratio:5.2f}x  {' '.join(f'{r:.2f}' for r in ratios)}")
        verdict = "within" if ratio <= 2 and errors == 0 else "NOT within"
        print(f"    {name}: {verdict} the target (median within 2x of oxigraph serve, no errors)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=800, help="per server and query, in each run")
    parser.add_argument("--max-seconds", type=float, default=60, help="per server and query, in each run")
    parser.add_argument("--runs", type=int, default=3, help="runs of the whole comparison")
    parser.add_argument("--workers", type=int, default=None, help="our query worker processes (default: one per core)")
    args = parser.parse_args()
    snapshot = current_snapshot(args.store)
    if snapshot is None:
        sys.exit(f"{args.store}: no published snapshot; run `sckg ingest` first")

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "oxigraph-copy"
        shutil.copytree(snapshot, copy)
        ours_port, theirs_port = free_port(), free_port()
        servers = [start_ours(args.store, ours_port, args.workers), start_oxigraph(copy, theirs_port)]
        urls = {
            server: {name: f"{base}?{urllib.parse.urlencode({'query': query})}" for name, query in QUERIES.items()}
            for server, base in (("sckg", f"http://127.0.0.1:{ours_port}/sparql"),
                                 ("oxigraph", f"http://127.0.0.1:{theirs_port}/query"))
        }
        try:
            pids = {"sckg": servers[0].pid, "oxigraph": servers[1].pid}
            runs = [measure_run(urls, pids, args, flip=i % 2 == 1) for i in range(args.runs)]
        finally:
            for process in servers:
                process.terminate()
                process.wait(10)

    print(f"{args.clients} concurrent clients, up to {args.requests} requests per server and query in each of "
          f"{args.runs} runs; {os.cpu_count()} cores")
    print("load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}".format(*load_before)
          + ", after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for number, figures in enumerate(runs, 1):
        print_run(f"run {number}", figures)
    print_summary(runs)


if __name__ == "__main__":
    main()
