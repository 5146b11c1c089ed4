"""The one error a source file can raise: it is rejected, with a reason a person can act on."""

from __future__ import annotations

from pathlib import Path


class RejectedFile(Exception):
    """A file that is skipped; str() is a one-line message naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
