"""API benchmark: latency of the tracked-task list and statistics under concurrent clients.

Generates a SQLite database of 100,000 tasks, 1,000 units and 200 confirmed documents (one or two
owner units per task, due dates over 2021-2022, about 40 % done), starts ``dondoc serve`` in a
subprocess on 127.0.0.1 (uvicorn as in production, with uvloop and httptools when installed) and
measures, at 1, 10 and 50 concurrent clients, the p50/p95 latency of these questions:

- ``list``:  ``GET /api/tasks`` filtered and paged (limit 50): half by a random owner unit (of
  1,000), half by a random document (of 200) and the overdue bucket, page 1 or 2. Every request
  runs the page query (nothing caches pages); the *total* is cached per data version and
  question, and with ~1,400 different questions most totals are counted anew too.
- ``stats``: ``GET /api/stats?as_of=2022-01-01`` over all 100k tasks, with ``by_unit``: the
  same question every time, so after the first request it is a hit of the rendered-body cache
  (valid until the next write to the database, from any process: see ``dondoc.store.versioning``).
- ``stats-varied``: ``GET /api/stats`` of a random document or a random unit, as of a random day
  of 2021-2022: ~870,000 different questions, so nearly every request is computed by SQL.
- ``stats-uncached``: the full ``stats`` question (all 100k tasks, ``by_unit``) as of a random
  day, one client only: the cost of a cache miss (the first dashboard after a write).

*How latency is measured*: the clients run in a separate process (``bench._tracking_data.
LoadGenerator``), one keep-alive HTTP/1.1 connection each, opened before the clock starts; a
request's latency is from writing it to the socket until the last byte of the response body has
been read. A level's clients share one list of URLs made beforehand from a fixed seed. ``req/s``
is requests over the level's wall time; ``srv ms/req`` is the server process's CPU time per
request (from /proc), the number least disturbed by other work on a shared machine; ``cli ms/req``
is the load generator's. Targets (SQLite): list p95 < 100 ms and stats p95 < 200 ms at 50 clients.
Results are printed as a Rich table and written to ``bench/results/api.json`` with the git commit
and the platform.

    .venv/bin/python -m bench.api                      # generate (once, cached) and measure
    .venv/bin/python -m bench.api --requests 100       # fewer requests per level
    .venv/bin/python -m bench.api --workers 2          # uvicorn with 2 worker processes

The database and the server come from ``bench._tracking_data`` (shared with ``bench.pages``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench._tracking_data import (
    RESULTS,
    SECRET,
    LoadGenerator,
    add_data_args,
    generate,
    process_cpu_s,
    run_info,
    server,
    summary,
)

AS_OF = "2022-01-01"
TARGETS = {"list": 100.0, "stats": 200.0}
CACHED = {  # what the server may answer from its data-version-keyed cache (module docstring)
    "list": "total only",
    "stats": "yes, 1 question",
    "stats-varied": "rarely",
    "stats-uncached": "no",
}


def _random_day(rng: random.Random) -> str:
    return (dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(730))).isoformat()


def endpoints(units: int, documents: int) -> dict[str, Callable[[random.Random], str]]:
    """URL makers of the measured questions (see the module docstring)."""

    def task_list(rng: random.Random) -> str:
        if rng.random() < 0.5:
            return f"/api/tasks?unit={rng.randrange(1, units + 1)}&as_of={AS_OF}&limit=50"
        return (
            f"/api/tasks?document_id={rng.randrange(1, documents + 1)}&bucket=open_overdue"
            f"&as_of={AS_OF}&limit=50&offset={rng.choice([0, 50])}"
        )

    def stats_varied(rng: random.Random) -> str:
        which = f"document_id={rng.randrange(1, documents + 1)}" if rng.random() < 0.5 else f"unit={rng.randrange(1, units + 1)}"
        return f"/api/stats?as_of={_random_day(rng)}&{which}"

    return {
        "list": task_list,
        "stats": lambda rng: f"/api/stats?as_of={AS_OF}",
        "stats-varied": stats_varied,
        "stats-uncached": lambda rng: f"/api/stats?as_of={_random_day(rng)}",
    }


def measure_level(
    load: LoadGenerator, base: str, pid: int, headers: dict[str, str], urls: list[str], clients: int
) -> dict[str, Any]:
    """One (endpoint, concurrency) level: latency summary, server and client CPU per request."""
    cpu0 = process_cpu_s(pid)
    res = load.run(base, urls, clients, headers)
    server_cpu = process_cpu_s(pid) - cpu0
    n = len(res["latencies_ms"])
    errors = sum(1 for st in res["statuses"] if st != 200)
    return {
        **summary(res["latencies_ms"], res["wall_s"], errors),
        "kb": round(sum(res["sizes"]) / max(1, n) / 1024, 1),
        "distinct": len(set(urls)),
        "server_cpu_ms": round(server_cpu * 1000 / max(1, n), 2),
        "client_cpu_ms": round(res["client_cpu_s"] * 1000 / max(1, n), 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_args(ap)
    ap.add_argument("--requests", type=int, default=300, help="requests per (endpoint, concurrency)")
    ap.add_argument("--clients", default="1,10,50")
    ap.add_argument("--endpoints", default="list,stats,stats-varied,stats-uncached")
    ap.add_argument("--uncached-requests", type=int, default=20, help="requests of stats-uncached (1 client)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (1: plain `dondoc serve`)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=RESULTS / "api.json")
    args = ap.parse_args(argv)
    console = Console(width=max(Console().width, 150))

    ids = generate(args.home, tasks=args.tasks, units=args.units, documents=args.documents)
    console.print(f"database: {args.tasks} tasks, {args.units} units, {args.documents} documents ({args.home})")
    from dondoc.web.security import make_token

    headers = {"Authorization": f"Bearer {make_token(SECRET, ids['office'])}"}
    makers = endpoints(args.units, args.documents)
    rows: list[dict[str, Any]] = []
    info: dict[str, Any] = {}
    with server(args.home, workers=args.workers, info=info) as base, LoadGenerator() as load:
        for name in args.endpoints.split(","):
            rng = random.Random(args.seed)
            load.run(base, [makers[name](rng) for _ in range(5)], 1, headers)  # warm up
            levels = [(1, args.uncached_requests)] if name == "stats-uncached" else [
                (int(c), args.requests) for c in args.clients.split(",")
            ]
            for clients, n in levels:
                urls = [makers[name](rng) for _ in range(n)]
                res = measure_level(load, base, info["pid"], headers, urls, clients)
                rows.append({"endpoint": name, "clients": clients, **res})
                console.print(rows[-1])

    console.print(_table(rows, args))
    out = {
        "benchmark": "api",
        **run_info(),
        "workers": args.workers,
        "tasks": args.tasks,
        "units": args.units,
        "documents": args.documents,
        "generate_s": ids.get("generate_s"),
        "cached": CACHED,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


def _table(rows: list[dict[str, Any]], args: Any) -> Table:
    title = f"dondoc API over loopback, SQLite, {args.tasks:,} tasks, {args.workers} server process(es)"
    table = Table(title=title)
    cols = ("endpoint", "cached", "clients", "p50 ms", "p95 ms", "req/s", "srv ms/req", "cli ms/req", "n/distinct", "err", "goal")
    for col in cols:
        table.add_column(col, no_wrap=True)
    for r in rows:
        target = TARGETS.get(r["endpoint"].split("-")[0], 0.0)
        ok = "" if r["clients"] != 50 else ("met" if r["p95_ms"] < target else "MISSED")
        table.add_row(
            r["endpoint"],
            CACHED[r["endpoint"]],
            str(r["clients"]),
            str(r["p50_ms"]),
            str(r["p95_ms"]),
            str(r["rps"]),
            str(r["server_cpu_ms"]),
            str(r["client_cpu_ms"]),
            f"{r['n']}/{r['distinct']}",
            str(r["errors"]),
            f"p95 < {target:.0f} at 50 {ok}".rstrip() if target else "",
        )
    return table


if __name__ == "__main__":
    raise SystemExit(main())
