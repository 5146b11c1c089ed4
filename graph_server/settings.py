"""The server's configuration, one object shared by every blueprint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

DEFAULT_QUERY_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_QUERY_BYTES = 1024 * 1024  # a query text (or form) larger than this gets 413
UPDATE_TOKEN_ENV = "SCKG_UPDATE_TOKEN"


@dataclass(frozen=True)
class Settings:
    store_path: Path
    query_timeout: float = DEFAULT_QUERY_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_bytes: int = DEFAULT_MAX_BYTES
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES
    workers: int = 4  # queries running at once
    max_waiting: int = 64  # queries allowed to wait for a worker; more get 503 at once
    queue_timeout: float = 30.0  # how long a query may wait for a worker before 503
    update_token: str | None = None  # None: the write route is closed

    @classmethod
    def from_mapping(cls, config: dict) -> "Settings":
        known = {k: v for k, v in config.items() if k in cls.__dataclass_fields__}
        known["store_path"] = Path(known["store_path"])
        known.setdefault("update_token", os.environ.get(UPDATE_TOKEN_ENV) or None)
        return cls(**known)


def settings() -> Settings:
    return current_app.extensions["sckg.settings"]


def pool():
    return current_app.extensions["sckg.pool"]
