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
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import insert

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
SECRET = "bench-secret"


def generate(home: Path, *, tasks: int, units: int, documents: int, seed: int = 1) -> dict[str, int]:
    from dondoc.store import repo
    from dondoc.store.db import init_db, make_engine, session_scope
    from dondoc.store.models import Document, Task, TaskOwner, Unit

    home.mkdir(parents=True, exist_ok=True)
    db = home / "dondoc.sqlite3"
    marker = home / f"generated-{tasks}-{units}-{documents}.json"
    if marker.exists() and db.exists():
        return dict(json.loads(marker.read_text()))
    for p in home.glob("dondoc.sqlite3*"):
        p.unlink()
    rng = random.Random(seed)
    engine = make_engine(f"sqlite:///{db}")
    init_db(engine)
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        s.execute(insert(Unit), [{"id": i, "name": f"Đơn vị {i:04d}", "kind": "department"} for i in range(1, units + 1)])
        now = dt.datetime(2021, 4, 1)
        s.execute(
            insert(Document),
            [
                {
                    "id": d,
                    "filename": f"vb{d}.txt",
                    "sha256": f"{d:064x}",
                    "size": 1,
                    "data": b"x",
                    "format": "text",
                    "extraction": {"tasks": []},
                    "status": "confirmed",
                    "kind": "ket_luan",
                    "number": f"{d}-KL/TU",
                    "created_at": now,
                    "confirmed_at": now,
                }
                for d in range(1, documents + 1)
            ],
        )
        per_doc = tasks // documents
        base = dt.date(2021, 1, 1)
        batch_t: list[dict[str, Any]] = []
        batch_o: list[dict[str, Any]] = []
        for tid in range(1, tasks + 1):
            due = base + dt.timedelta(days=rng.randrange(730)) if rng.random() > 0.1 else None
            done = None
            if rng.random() < 0.4:
                done = (due or base) + dt.timedelta(days=rng.randrange(-60, 40))
            batch_t.append(
                {
                    "id": tid,
                    "document_id": (tid - 1) // per_doc + 1,
                    "ext_id": f"t{tid}",
                    "section": "2",
                    "text": f"Nhiệm vụ số {tid}: hoàn thành hạng mục {rng.randrange(1000)}",
                    "due_date": due,
                    "original_due_date": due,
                    "due_explicit": True,
                    "items": [],
                    "references": [],
                    "status": "done" if done else "open",
                    "done_at": done,
                    "progress": 100 if done else rng.randrange(90),
                    "version": 1,
                    "created_at": now,
                }
            )
            lead = rng.randrange(1, units + 1)
            batch_o.append({"task_id": tid, "unit_id": lead, "role": "lead"})
            if rng.random() < 0.5:
                sup = rng.randrange(1, units + 1)
                if sup != lead:
                    batch_o.append({"task_id": tid, "unit_id": sup, "role": "support"})
            if len(batch_t) >= 10_000:
                s.execute(insert(Task), batch_t)
                s.execute(insert(TaskOwner), batch_o)
                batch_t, batch_o = [], []
        if batch_t:
            s.execute(insert(Task), batch_t)
            s.execute(insert(TaskOwner), batch_o)
        office = repo.create_user(s, "office", "bench-password", "office")
        unit_user = repo.create_user(s, "unit1", "bench-password", "unit", unit_id=1)
        ids = {"office": office.id, "unit": unit_user.id, "units": units, "documents": documents}
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    ids["generate_s"] = round(time.perf_counter() - t0, 1)  # type: ignore[assignment]
    marker.write_text(json.dumps(ids))
    return ids


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _measure(base: str, token: str, make_url: Any, clients: int, requests: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, limits=limits, timeout=60
    ) as client:
        counter = iter(range(requests))

        async def worker(seed: int) -> None:
            nonlocal errors
            rng = random.Random(seed)
            for _ in counter:
                t = time.perf_counter()
                r = await client.get(make_url(rng))
                latencies.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    errors += 1

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        wall = time.perf_counter() - t0
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(_pct(latencies, 95), 1),
        "rps": round(len(latencies) / wall, 1),
        "n": len(latencies),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--units", type=int, default=1_000)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--requests", type=int, default=300, help="requests per (endpoint, concurrency)")
    ap.add_argument("--clients", default="1,10,50")
    ap.add_argument("--home", type=Path, default=RESULTS / "api-home")
    args = ap.parse_args(argv)
    console = Console()

    ids = generate(args.home, tasks=args.tasks, units=args.units, documents=args.documents)
    console.print(f"database: {args.tasks} tasks, {args.units} units, {args.documents} documents ({args.home})")
    from dondoc.web.security import make_token

    token = make_token(SECRET, ids["office"])
    port = _free_port()
    env = {**os.environ, "DONDOC_HOME": str(args.home), "DONDOC_SECRET_KEY": SECRET}
    env.pop("DONDOC_DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "dondoc", "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env,
        cwd=REPO,
    )
    base = f"http://127.0.0.1:{port}"
    rows: list[dict[str, Any]] = []
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        else:
            raise SystemExit("server did not start")
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
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    targets = {"list": 100.0, "stats": 200.0}
    table = Table(title=f"dondoc API over loopback, SQLite, {args.tasks:,} tasks")
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
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout.strip()
    out = {
        "benchmark": "api",
        "commit": commit,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
        "tasks": args.tasks,
        "units": args.units,
        "documents": args.documents,
        "generate_s": ids.get("generate_s"),
        "rows": rows,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "api.json").write_text(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
