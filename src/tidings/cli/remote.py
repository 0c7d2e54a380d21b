"""`tidings ingest FILES --server URL`: read and extract the inputs here, store them through a
running `tidings serve` (which holds the store's one read-write connection) one ``POST
/api/articles`` at a time.  Each article is sent as extracted (its clean text with what was
removed), so the server stores what `tidings ingest --db` would have stored."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from tidings.ingest.sources import Failure, Item


@dataclass
class RemoteReport:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input, why)

    @property
    def done(self) -> int:
        return self.new + self.duplicate + self.failed


class ServerError(Exception):
    """The server cannot be used at all (unreachable, wrong token, read-only): stop, say why."""


def record(article: Any) -> dict[str, Any]:
    """An extracted article as the record ``POST /api/articles`` takes."""
    return {"id": article.id, **article.to_dict()}


def _problem(resp: httpx.Response) -> str:
    try:
        doc = resp.json()
        return str(doc.get("detail") or doc)
    except ValueError:
        return resp.text[:300] or resp.reason_phrase


def send(items: Iterable[Item], server: str, token: str | None,
         on_item: Callable[[str, RemoteReport], None] | None = None, timeout: float = 300.0) -> RemoteReport:
    """Store every item through the server at ``server``; per-article failures are counted and kept."""
    base = server.rstrip("/")
    headers = {"authorization": f"Bearer {token}"} if token else {}
    report = RemoteReport()

    def note(kind: str) -> None:
        setattr(report, kind, getattr(report, kind) + 1)
        if on_item is not None:
            on_item(kind, report)

    with httpx.Client(base_url=base, headers=headers, timeout=timeout, trust_env=False) as client:
        try:
            probe = client.get("/api/")
        except httpx.HTTPError as exc:
            raise ServerError(f"no tidings server answers at {base}: {exc}; start it with "
                              "`tidings serve --db STORE`, or give the right --server URL") from exc
        if probe.status_code == 401:
            raise ServerError(f"{base} needs its token: pass --token T or set TIDINGS_TOKEN")
        if probe.status_code != 200:
            raise ServerError(f"{base} is not a tidings server (GET /api/ answered {probe.status_code})")
        for item in items:
            if isinstance(item, Failure):
                report.failures.append((item.where or item.id or "?", item.error))
                note("failed")
                continue
            try:
                resp = client.post("/api/articles", json=record(item))
            except httpx.HTTPError as exc:
                raise ServerError(f"the server at {base} stopped answering ({exc}); the articles sent so far "
                                  "are stored: run the same command again to send the rest") from exc
            if resp.status_code == 201:
                note("new")
            elif resp.status_code == 200:
                note("duplicate")
            elif resp.status_code in (401, 403):
                raise ServerError(f"{base} refused to store articles: {_problem(resp)}")
            else:
                report.failures.append((item.url or item.id or "?", _problem(resp)))
                note("failed")
    return report
