"""Pages benchmark: server render time of the web pages over a database of 100,000 tasks.

Uses the database of ``bench.api`` (100k tasks, 1,000 units, 200 confirmed documents; see
``bench._tracking_data``) plus one draft made by the real pipeline from the Hải Phòng sample
repeated five times (a long text with many OCR edits and tasks) for the review page. Starts
``dondoc serve`` in a subprocess, signs in through the real login form (the CSRF token from the
form, then the session cookie) as the office user, and measures the p50/p95 latency over loopback
— the server's render time plus a loopback round trip — of:

- ``tasks``: ``/tasks`` as it opens (page 1, due-date order);
- ``tasks?unit``, ``tasks?bucket``, ``tasks?q``: filtered by an owner unit, by the overdue
  bucket, by a text search;
- ``tasks?page=50``: a deep page;
- ``dashboard``: ``/dashboard`` (the four buckets overall and per unit, overdue and due-soon lists);
- ``task``: ``/tasks/{id}`` of a random task;
- ``review``: ``/documents/{id}/review`` of the many-task draft;

one client at a time and with 10 concurrent clients. Target (issue 6): pages render in < 200 ms.
Results are printed as a Rich table and written to ``bench/results/pages.json`` with the git
commit and the platform. Not a test: tests assert correctness only.

    .venv/bin/python -m bench.pages                    # generate (once, cached) and measure
    .venv/bin/python -m bench.pages --requests 20 --pages dashboard,tasks
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from bench._tracking_data import PASSWORD, RESULTS, add_data_args, ensure_review_document, generate, measure, run_info, server

TARGET_MS = 200.0
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(base: str, username: str, password: str) -> httpx.Cookies:
    """Sign in through the login form (CSRF token included) and return the session cookie."""
    with httpx.Client(base_url=base, timeout=60) as client:
        form = client.get("/login")
        form.raise_for_status()
        match = _CSRF.search(form.text)
        if match is None:
            raise SystemExit("the login page has no CSRF token")
        r = client.post("/login", data={"username": username, "password": password, "next": "", "csrf_token": match.group(1)})
        if r.status_code != 303 or "dondoc_session" not in client.cookies:
            raise SystemExit(f"login failed: HTTP {r.status_code}")
        return client.cookies


def page_urls(*, units: int, tasks: int, review_id: int) -> dict[str, Callable[[random.Random], str]]:
    return {
        "tasks": lambda rng: "/tasks",
        "tasks?unit": lambda rng: f"/tasks?unit_id={rng.randrange(1, units + 1)}",
        "tasks?bucket": lambda rng: "/tasks?bucket=open_overdue",
        "tasks?q": lambda rng: f"/tasks?q=h%E1%BA%A1ng+m%E1%BB%A5c+{rng.randrange(100, 1000)}",
        "tasks?page=50": lambda rng: "/tasks?page=50",
        "dashboard": lambda rng: "/dashboard",
        "task": lambda rng: f"/tasks/{rng.randrange(1, tasks + 1)}",
        "review": lambda rng: f"/documents/{review_id}/review",
    }


async def _measure(
    base: str, cookies: httpx.Cookies, make_url: Callable[[random.Random], str], clients: int, requests: int
) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, cookies=cookies, limits=limits, timeout=120) as client:
        return await measure(client, make_url, clients, requests)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_args(ap)
    ap.add_argument("--requests", type=int, default=60, help="requests per (page, concurrency)")
    ap.add_argument("--clients", default="1,10")
    ap.add_argument("--pages", default="", help="comma-separated subset of the pages (default: all)")
    ap.add_argument("--review-repeat", type=int, default=5, help="copies of the sample in the review draft")
    ap.add_argument("--out", type=Path, default=RESULTS / "pages.json")
    args = ap.parse_args(argv)
    console = Console(width=max(Console().width, 110))

    generate(args.home, tasks=args.tasks, units=args.units, documents=args.documents)
    review_id = ensure_review_document(args.home, repeat=args.review_repeat)
    console.print(
        f"database: {args.tasks} tasks, {args.units} units, {args.documents} documents ({args.home}); "
        f"review draft {review_id}"
    )
    urls = page_urls(units=args.units, tasks=args.tasks, review_id=review_id)
    wanted = [p for p in args.pages.split(",") if p] or list(urls)
    rows: list[dict[str, Any]] = []
    with server(args.home) as base:
        cookies = login(base, "office", PASSWORD)
        for name in wanted:
            make_url = urls[name]
            asyncio.run(_measure(base, cookies, make_url, 1, 3))  # warm up
            for clients in (int(c) for c in args.clients.split(",")):
                res = asyncio.run(_measure(base, cookies, make_url, clients, args.requests))
                rows.append({"page": name, "clients": clients, **res})
                console.print(rows[-1])

    table = Table(title=f"dondoc pages over loopback, SQLite, {args.tasks:,} tasks (signed in as office)")
    table.add_column("page", no_wrap=True)
    for col in ("clients", "p50 ms", "p95 ms", "req/s", "KiB", "n", "errors", f"p95 < {TARGET_MS:.0f} ms"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["page"],
            str(r["clients"]),
            str(r["p50_ms"]),
            str(r["p95_ms"]),
            str(r["rps"]),
            str(r["kb"]),
            str(r["n"]),
            str(r["errors"]),
            "met" if r["p95_ms"] < TARGET_MS else "MISSED",
        )
    console.print(table)
    out = {
        "benchmark": "pages",
        **run_info(),
        "tasks": args.tasks,
        "units": args.units,
        "documents": args.documents,
        "review_document": review_id,
        "target_ms": TARGET_MS,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
