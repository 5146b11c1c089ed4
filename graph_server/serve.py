"""Running the endpoint under waitress, a production WSGI server (threads, no fork).

Waitress rather than gunicorn: gunicorn forks one process per worker and each
would need its own query-worker pool, multiplying processes and splitting the
concurrency bound; one waitress process with threads keeps one pool and one
bound, and the heavy lifting happens in the pool's processes anyway.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

from graph_server.settings import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_QUERY_TIMEOUT

log = logging.getLogger(__name__)


def ensure_snapshot(store_path: Path) -> Path:
    """The current snapshot, publishing a first one if the store has none yet."""
    from sckg.store import GraphStore, current_snapshot

    snapshot = current_snapshot(store_path)
    if snapshot is not None and snapshot.exists():
        return snapshot
    if not Path(store_path).exists():
        raise FileNotFoundError(f"{store_path}: no store here (run `sckg ingest` first)")
    store = GraphStore(store_path)  # needs the write lock for a moment: no ingest may be running
    snapshot = store.publish_snapshot()
    del store
    return snapshot


def run_server(
    store_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 8000,
    query_timeout: float = DEFAULT_QUERY_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    threads: int = 24,
    **settings,
) -> None:
    """Serve until interrupted; `settings` may set any other field of graph_server.settings.Settings."""
    from waitress import create_server

    from graph_server.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    store_path = Path(store_path)
    snapshot = ensure_snapshot(store_path)
    app = create_app(
        {
            "store_path": store_path,
            "query_timeout": query_timeout,
            "max_rows": max_rows,
            "max_bytes": max_bytes,
            # Queries are CPU-bound: more workers than cores only adds contention.
            "workers": workers or os.cpu_count() or 2,
            **settings,
        }
    )
    server = create_server(app, host=host, port=port, threads=threads, channel_timeout=max(120, query_timeout * 2))
    # SIGTERM ends the server like Ctrl-C, so the pool's workers are stopped, not orphaned.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    log.info("serving %s (snapshot %s) at http://%s:%s/sparql", store_path, snapshot.name, host, server.effective_port)
    try:
        server.run()
    finally:
        app.extensions["sckg.pool"].close()
