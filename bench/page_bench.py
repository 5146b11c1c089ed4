"""Time the graph browser's pages on the shared corpus (the issue's target: under 200 ms each).

    python bench/page_bench.py [--store DIR] [--requests 40] [--clients 4] [--max-seconds 60]

Without --store it ingests the seeds and the English corpus into a temporary store
(`sckg ingest`, which publishes the snapshot the server reads). It then starts the
real `sckg serve` on a free loopback port, warms each page once (the first request
after an ingest builds the browser's catalogue), and requests the home page, a search
by symbol, a search by words, the most-cited document's page, the page of the longest
seed, a chain page and the chain of what builds on the most-cited document: first one
client at a time, then --clients at once. Bounded in count (--requests per page and
phase) and in time (--max-seconds per page and phase). Prints median, p95 and max.
"""

from __future__ import annotations

import argparse
import json
import re
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
SEEDS = ROOT / "corpus" / "zh"
ENGLISH = ROOT.parent / "shared" / "corpus" / "en"
TARGET_MS = 200


def ingest(store: Path) -> None:
    for folder in (SEEDS, ENGLISH):
        if not folder.is_dir():
            sys.exit(f"corpus folder missing: {folder}")
    subprocess.run([sys.executable, "-m", "sckg.cli", "ingest", str(SEEDS), str(ENGLISH), "--store", str(store)],
                   check=True, cwd=ROOT, capture_output=True)


def start_server(store: Path, log: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sckg.cli", "serve", "--store", str(store), "--host", "127.0.0.1", "--port", "0"],
        cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", log.read_text(errors="replace"))
        if match:
            return process, f"http://127.0.0.1:{match.group(1)}"
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    sys.exit(f"sckg serve did not start:\n{log.read_text(errors='replace')}")


def fetch(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def pages(base: str) -> dict[str, str]:
    with urllib.request.urlopen(base + "/index.json", timeout=60) as response:
        most_cited = json.load(response)["tables"]["most_cited"][0]
    quote = urllib.parse.quote
    path = most_cited["page"][len("/id/"):]
    return {
        "home": "/",
        "search symbol": "/search?q=" + quote("S/RES/1353 (2001)"),
        "search words": "/search?q=" + quote("peacekeeping operations"),
        "search zh": "/search?q=" + quote("维持和平"),
        f"document {most_cited['label']} (most cited)": most_cited["page"],
        "document S/RES/1353(2001)": "/id/S/RES/1353(2001)",
        "chain up S/RES/1353(2001)": "/chain?id=" + quote("S/RES/1353(2001)") + "&depth=5",
        f"chain down {most_cited['label']}": f"/chain?id={quote(path)}&direction=down&depth=3",
    }


def run(base: str, path: str, requests: int, clients: int, max_seconds: float) -> tuple[list[float], int]:
    timings: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds
    remaining = [requests]

    def client() -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            status, elapsed = fetch(base + path)
            with lock:
                timings.append(elapsed)
                errors += status != 200

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an ingested store (default: ingest seeds + English corpus into a temporary one)")
    parser.add_argument("--requests", type=int, default=40, help="requests per page and phase")
    parser.add_argument("--clients", type=int, default=4, help="clients at once in the concurrent phase")
    parser.add_argument("--max-seconds", type=float, default=60, help="time limit per page and phase")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sckg-page-bench-") as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            print("ingesting the seeds and the English corpus ...", flush=True)
            ingest(store)
        process, base = start_server(store, Path(tmp) / "server.log")
        try:
            targets = pages(base)
            for path in targets.values():
                fetch(base + path)  # warm: the first request after an ingest builds the catalogue
            print(f"{'page':44} {'phase':>10} {'n':>4} {'median':>8} {'p95':>8} {'max':>8} {'errors':>6}")
            slow = []
            for name, path in targets.items():
                for phase, clients in (("sequential", 1), (f"{args.clients} clients", args.clients)):
                    timings, errors = run(base, path, args.requests, clients, args.max_seconds)
                    p95 = percentile(timings, 0.95)
                    print(f"{name[:44]:44} {phase:>10} {len(timings):4d} {statistics.median(timings):7.1f}ms"
                          f" {p95:7.1f}ms {max(timings):7.1f}ms {errors:6d}", flush=True)
                    if phase == "sequential" and p95 > TARGET_MS:
                        slow.append(name)
            print(f"target: every page under {TARGET_MS} ms (sequential p95):", "met" if not slow else f"missed by {', '.join(slow)}")
        finally:
            process.terminate()
            process.wait(15)


if __name__ == "__main__":
    main()
