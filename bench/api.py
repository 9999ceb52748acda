"""API benchmark: latency of the tracked-task list and statistics under concurrent clients.

Generates a SQLite database of 100,000 tasks, 1,000 units and 200 confirmed documents (one or two
owner units per task, due dates over 2021-2022, about 40 % done), starts ``dondoc serve`` in a
subprocess on 127.0.0.1 and measures, at 1, 10 and 50 concurrent clients (asyncio + httpx over
loopback), the p50/p95 latency of

- ``list``:  ``GET /api/tasks`` filtered (a unit, or a document + bucket) and paged (limit 50);
- ``stats``: ``GET /api/stats?as_of=...`` over all 100k tasks, with ``by_unit``.

Targets (SQLite): list p95 < 100 ms and stats p95 < 200 ms at 50 clients. Results are printed as
a Rich table and written to ``bench/results/api.json`` with the git commit and the platform.

    .venv/bin/python -m bench.api                      # generate (once, cached) and measure
    .venv/bin/python -m bench.api --requests 100       # fewer requests per level
    .venv/bin/python -m bench.api --workers 2          # uvicorn with 2 worker processes

The database and the server come from ``bench._tracking_data`` (shared with ``bench.pages``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from bench._tracking_data import RESULTS, SECRET, add_data_args, generate, measure, run_info, server


async def _measure(base: str, token: str, make_url: Any, clients: int, requests: int) -> dict[str, float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, limits=limits, timeout=60
    ) as client:
        return await measure(client, make_url, clients, requests)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_args(ap)
    ap.add_argument("--requests", type=int, default=300, help="requests per (endpoint, concurrency)")
    ap.add_argument("--clients", default="1,10,50")
    ap.add_argument("--workers", type=int, default=1, help="server processes (1: plain `dondoc serve`)")
    ap.add_argument("--out", type=Path, default=RESULTS / "api.json")
    args = ap.parse_args(argv)
    console = Console(width=max(Console().width, 110))

    ids = generate(args.home, tasks=args.tasks, units=args.units, documents=args.documents)
    console.print(f"database: {args.tasks} tasks, {args.units} units, {args.documents} documents ({args.home})")
    from dondoc.web.security import make_token

    token = make_token(SECRET, ids["office"])
    rows: list[dict[str, Any]] = []
    with server(args.home, workers=args.workers) as base:
        as_of = "2022-01-01"
        endpoints = {
            "list": lambda rng: (
                f"/api/tasks?unit={rng.randrange(1, args.units + 1)}&as_of={as_of}&limit=50"
                if rng.random() < 0.5
                else f"/api/tasks?document_id={rng.randrange(1, args.documents + 1)}&bucket=open_overdue"
                f"&as_of={as_of}&limit=50&offset={rng.choice([0, 50])}"
            ),
            "stats": lambda rng: f"/api/stats?as_of={as_of}",
        }
        for name, make_url in endpoints.items():
            asyncio.run(_measure(base, token, make_url, 1, 5))  # warm up
            for clients in (int(c) for c in args.clients.split(",")):
                res = asyncio.run(_measure(base, token, make_url, clients, args.requests))
                rows.append({"endpoint": name, "clients": clients, **res})
                console.print(rows[-1])

    targets = {"list": 100.0, "stats": 200.0}
    title = f"dondoc API over loopback, SQLite, {args.tasks:,} tasks, {args.workers} server process(es)"
    table = Table(title=title)
    for col in ("endpoint", "clients", "p50 ms", "p95 ms", "req/s", "n", "errors", "target p95 (50 clients)"):
        table.add_column(col)
    for r in rows:
        ok = "" if r["clients"] != 50 else ("met" if r["p95_ms"] < targets[r["endpoint"]] else "MISSED")
        table.add_row(
            r["endpoint"],
            str(r["clients"]),
            str(r["p50_ms"]),
            str(r["p95_ms"]),
            str(r["rps"]),
            str(r["n"]),
            str(r["errors"]),
            f"< {targets[r['endpoint']]:.0f} ms {ok}",
        )
    console.print(table)
    out = {
        "benchmark": "api",
        **run_info(),
        "workers": args.workers,
        "tasks": args.tasks,
        "units": args.units,
        "documents": args.documents,
        "generate_s": ids.get("generate_s"),
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
