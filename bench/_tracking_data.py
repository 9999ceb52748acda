"""The tracking service's benchmark database and server, shared by ``bench.api`` and ``bench.pages``.

*Generated database*: 100,000 tasks, 1,000 units and 200 confirmed documents (one or two owner
units per task, due dates over 2021-2022, about 40 % done), made once with bulk inserts and cached
under the benchmark's home (a marker file names the sizes). *Load generator* (``LoadGenerator``): the
API benchmark's clients, in a process of their own (see its docstring). *Review document*: a draft made by
the real pipeline from the Hải Phòng sample repeated a few times, so that the review page has a
long text, many OCR edits and many tasks. *Server*: ``dondoc serve`` in a subprocess on a free
loopback port, stopped when the ``with`` block ends (never left running).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json
import multiprocessing
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

__all__ = [
    "PASSWORD",
    "REPO",
    "RESULTS",
    "SECRET",
    "LoadGenerator",
    "add_data_args",
    "ensure_review_document",
    "free_port",
    "generate",
    "measure",
    "pct",
    "process_cpu_s",
    "run_info",
    "server",
    "summary",
]

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
SECRET = "bench-secret"
PASSWORD = "bench-password"
SAMPLE = REPO / "tests" / "data" / "docs" / "ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt"


def generate(home: Path, *, tasks: int, units: int, documents: int, seed: int = 1) -> dict[str, Any]:
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
        per_doc = max(1, tasks // documents)
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
                    "document_id": min(documents, (tid - 1) // per_doc + 1),  # the remainder goes to the last
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
        office = repo.create_user(s, "office", PASSWORD, "office")
        unit_user = repo.create_user(s, "unit1", PASSWORD, "unit", unit_id=1)
        ids: dict[str, Any] = {"office": office.id, "unit": unit_user.id, "units": units, "documents": documents}
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    ids["generate_s"] = round(time.perf_counter() - t0, 1)
    marker.write_text(json.dumps(ids))
    return ids


def ensure_review_document(home: Path, *, repeat: int = 5) -> int:
    """The id of a draft document with many tasks (the sample repeated ``repeat`` times), made once."""
    from dondoc.stages.extract import extract
    from dondoc.stages.ingest import ingest_bytes
    from dondoc.store import repo
    from dondoc.store.db import init_db, make_engine, session_scope
    from dondoc.store.models import User

    marker = home / f"review-document-{repeat}.json"
    if marker.exists():
        return int(json.loads(marker.read_text())["document_id"])
    data = b"\n\n".join([SAMPLE.read_bytes()] * repeat)
    extraction = extract(ingest_bytes(data, name="bench-review.txt"))
    engine = make_engine(f"sqlite:///{home / 'dondoc.sqlite3'}")
    init_db(engine)  # a database generated by an older checkout may miss newer migrations
    with session_scope(engine) as s:
        office = s.query(User).filter_by(username="office").one()
        doc = repo.create_document(s, extraction, filename="bench-review.txt", data=data, user=office)
        doc_id = doc.id
    engine.dispose()
    marker.write_text(json.dumps({"document_id": doc_id, "tasks": len(extraction["tasks"])}))
    return doc_id


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(latencies_ms: list[float], wall_s: float, errors: int) -> dict[str, float]:
    """p50/p95 (ms), requests per second, count and errors of one measurement."""
    return {
        "p50_ms": round(statistics.median(latencies_ms), 1),
        "p95_ms": round(pct(latencies_ms, 95), 1),
        "rps": round(len(latencies_ms) / wall_s, 1),
        "n": len(latencies_ms),
        "errors": errors,
    }


def add_data_args(ap: Any) -> None:
    """The generated database's size and home, shared by the API and page benchmarks."""
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--units", type=int, default=1_000)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--home", type=Path, default=RESULTS / "api-home")


async def measure(
    client: Any, make_url: Callable[[random.Random], str], clients: int, requests: int
) -> dict[str, Any]:
    """Send ``requests`` GETs from ``clients`` concurrent workers over one httpx.AsyncClient;
    latency summary plus the mean response size in KiB."""
    latencies: list[float] = []
    sizes: list[int] = []
    errors = 0
    counter = iter(range(requests))

    async def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        for _ in counter:
            t = time.perf_counter()
            r = await client.get(make_url(rng))
            latencies.append((time.perf_counter() - t) * 1000)
            sizes.append(len(r.content))
            if r.status_code != 200:
                errors += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    wall = time.perf_counter() - t0
    return {**summary(latencies, wall, errors), "kb": round(sum(sizes) / max(1, len(sizes)) / 1024, 1)}


# --------------------------------------------------------------------------- load generator
class LoadGenerator:
    """Concurrent HTTP/1.1 clients in a separate process, so that their CPU time is not the
    server's and they do not share an event loop with the measuring code.

    Each of ``clients`` clients opens one keep-alive connection (before the clock starts) and
    sends its requests one after another; the clients share one list of URLs, made beforehand.
    A request is a hand-written ``GET`` with the ``Authorization`` header; its *latency* is the
    time from writing the request to the socket until the last byte of the body has been read
    (``Content-Length`` or chunked) — the server's whole time plus the loopback round trip,
    without URL building, JSON parsing or anything else the client would add. The process runs
    uvloop when installed. It also reports its own CPU time, which the machine's cores spend
    beside the server's.
    """

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._pool = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx)
        self._pool.submit(_noop).result()  # start the process now, not inside a measurement

    def __enter__(self) -> LoadGenerator:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def run(self, base: str, urls: list[str], clients: int, headers: dict[str, str]) -> dict[str, Any]:
        """Latencies (ms), HTTP statuses, body sizes, wall time and the clients' CPU time."""
        host, _, port = base.removeprefix("http://").partition(":")
        return dict(self._pool.submit(_load, host, int(port), urls, clients, headers).result())


def _noop() -> None:
    return None


def _load(host: str, port: int, urls: list[str], clients: int, headers: dict[str, str]) -> dict[str, Any]:
    try:
        import uvloop

        runner: Any = uvloop.run
    except ImportError:
        runner = asyncio.run
    cpu0 = process_cpu_s(os.getpid())
    out: dict[str, Any] = runner(_load_async(host, port, urls, clients, headers))
    out["client_cpu_s"] = process_cpu_s(os.getpid()) - cpu0
    return out


async def _load_async(host: str, port: int, urls: list[str], clients: int, headers: dict[str, str]) -> dict[str, Any]:
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    requests = [f"GET {u} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra}\r\n".encode() for u in urls]
    conns = [await asyncio.open_connection(host, port) for _ in range(clients)]
    latencies: list[float] = []
    statuses: list[int] = []
    sizes: list[int] = []
    todo = iter(requests)

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for req in todo:
            t = time.perf_counter()
            writer.write(req)
            status, size = await _read_response(reader)
            latencies.append((time.perf_counter() - t) * 1000)
            statuses.append(status)
            sizes.append(size)

    t0 = time.perf_counter()
    await asyncio.gather(*(client(r, w) for r, w in conns))
    wall = time.perf_counter() - t0
    for _, w in conns:
        w.close()
    return {"latencies_ms": latencies, "statuses": statuses, "sizes": sizes, "wall_s": wall}


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """Status and body size of one HTTP/1.1 response, read to its last byte."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    fields = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(b":") for ln in lines[1:] if ln)}
    if b"content-length" in fields:
        return status, len(await reader.readexactly(int(fields[b"content-length"])))
    size = 0
    while True:  # chunked
        n = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        size += len(await reader.readexactly(n + 2)) - 2
        if n == 0:
            return status, size


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its live children (Linux /proc; 0 elsewhere)."""
    try:
        pids = [pid, *(int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
        ticks = 0
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


@contextmanager
def server(home: Path, *, workers: int = 1, info: dict[str, Any] | None = None) -> Iterator[str]:
    """``dondoc serve`` on the database under ``home`` (or uvicorn with ``workers`` processes);
    yields the base URL (and puts the server's process id into ``info``) and always stops it."""
    port = free_port()
    env = {**os.environ, "DONDOC_HOME": str(home), "DONDOC_SECRET_KEY": SECRET}
    env.pop("DONDOC_DATABASE_URL", None)
    if workers > 1:
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "dondoc.web.app:create_app", "--workers", str(workers)]
    else:
        cmd = [sys.executable, "-m", "dondoc", "serve"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO)
    if info is not None:
        info["pid"] = proc.pid
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                raise SystemExit(f"server exited with status {proc.returncode}")
            try:
                if httpx.get(f"{base}/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        else:
            raise SystemExit("server did not start")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_info() -> dict[str, Any]:
    """Git commit (with a ``+dirty`` mark when the tree has changes) and the platform."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src", "bench"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    return {
        "commit": commit + ("+dirty" if dirty else ""),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
