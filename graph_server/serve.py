"""Running the endpoint under granian, a production WSGI server whose HTTP layer is Rust.

Why granian rather than waitress or gunicorn: every request the endpoint answers
crosses two processes (the HTTP server and a query worker), and on a small
machine the Python HTTP layer cost more CPU per request than Oxigraph's whole
Rust server (waitress alone ~250 us of the ~700 us our front process spent per
one-hop query; see bench/endpoint_bench.py and README "Benchmarks"). Granian
parses HTTP, keeps connections alive and writes responses outside the GIL, so
Python only runs the app (and, for /sparql, not even Flask: see graph_server.sparql).

One granian worker process holds the app and its one query pool, so the bound
on concurrent queries and the wait queue stay single and exact; `threads` WSGI
threads in it wait on the pool. The app is built in that process from a JSON
configuration handed over in the environment (granian loads its target by name).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import socket
import threading
import time
from pathlib import Path

from graph_server.settings import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    DEFAULT_QUERY_TIMEOUT,
)

log = logging.getLogger(__name__)

CONFIG_ENV = "SCKG_SERVE_CONFIG"  # how run_server hands the app's configuration to granian's worker


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
    """Serve until interrupted; `settings` may set any other field of graph_server.settings.Settings.

    Port 0 picks a free port. The line "serving ... at http://HOST:PORT/sparql" is
    logged once the server answers on that port.
    """
    from granian import Granian
    from granian.constants import Interfaces

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    store_path = Path(store_path)
    snapshot = ensure_snapshot(store_path)
    port = port or _free_port(host)
    os.environ[CONFIG_ENV] = json.dumps(
        {
            "store_path": str(store_path),
            "query_timeout": query_timeout,
            "max_rows": max_rows,
            "max_bytes": max_bytes,
            # Queries are CPU-bound: more workers than cores only adds contention.
            "workers": workers or os.cpu_count() or 2,
            **settings,
            "_listen": [host, port, snapshot.name],
        }
    )
    server = Granian(
        "graph_server.serve:app_from_environment",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=1,  # one process: one query pool, one bound (the pool's processes use the cores)
        blocking_threads=threads,
        websockets=False,
        respawn_failed_workers=True,
        log_access=False,
    )
    server.serve()


def app_from_environment():
    """The app, in granian's worker process, from the configuration run_server left in the environment."""
    from graph_server.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    config = json.loads(os.environ[CONFIG_ENV])
    host, port, snapshot = config.pop("_listen")
    app = create_app(config)
    app.wsgi_app = _drain_refused_bodies(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])
    # Stop the query workers with this process (granian stops it on SIGTERM / Ctrl-C).
    atexit.register(app.extensions["sckg.pool"].close)
    message = f"serving {config['store_path']} (snapshot {snapshot}) at http://{host}:{port}/sparql"
    threading.Thread(target=_announce_when_listening, args=(host, port, message), daemon=True).start()
    return app


DRAIN_AT_MOST = 64 * 1024 * 1024


def _drain_refused_bodies(wsgi_app, limit: int):
    """Read (and drop) the body of a request refused as too large, so the client gets its 413.

    Granian hands the app the body as a stream; Flask answers 413 without reading
    it, and a client still sending would see its connection broken instead of the
    answer. Bodies beyond DRAIN_AT_MOST are not read: that client gets the broken pipe.
    """

    def middleware(environ, start_response):
        length = environ.get("CONTENT_LENGTH") or ""
        if not (length.isdigit() and limit < int(length) <= DRAIN_AT_MOST):
            return wsgi_app(environ, start_response)
        response = wsgi_app(environ, start_response)
        stream, left = environ["wsgi.input"], int(length)
        while left > 0 and (chunk := stream.read(min(left, 64 * 1024))):
            left -= len(chunk)
        return response

    return middleware


def _announce_when_listening(host: str, port: int, message: str, timeout: float = 60) -> None:
    # Granian binds after it has loaded the app: log the address only once it answers,
    # so whoever reads the log (tests, scripts) can use it at once.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((_connectable(host), port), timeout=1).close()
            log.info(message)
            return
        except OSError:
            time.sleep(0.05)
    log.error("the server did not start listening on %s:%s within %g s", host, port, timeout)


def _connectable(host: str) -> str:
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]
