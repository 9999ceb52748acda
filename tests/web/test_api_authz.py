"""Authorisation of every API route for every role (table-driven).

Roles: ``admin``, ``office``, ``leader``, ``unit`` (owns task t1), ``other`` (a unit that owns
nothing) and ``None`` (no token: always 401). Visibility failures are 404, role failures 403.
The last test checks that the table covers every ``/api`` route of the app.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute

from dondoc.store import repo
from dondoc.store.db import session_scope
from tests.store.fixtures import DB_KINDS, cheap_argon2, temp_database  # noqa: F401
from tests.store.world import World, make_world

Prep = Callable[[World], dict[str, Any]]
_n = itertools.count()


def _version(w: World) -> dict[str, Any]:
    r = w.client.get(f"/api/tasks/{w.ids['t1']}", headers=w.headers("admin"))
    return {"json": {"version": r.json()["version"], "progress": 20}}


def _fresh_extension(w: World) -> dict[str, Any]:
    with session_scope(w.maker) as s:
        ext = repo.request_extension(s, w.ids["t1"], user=None, new_due=dt.date(2030, 1, 1) + dt.timedelta(next(_n)))
        return {"ext": ext.id, "json": {"grant": False}}


def _fresh_explanation(w: World) -> dict[str, Any]:
    with session_scope(w.maker) as s:
        req = repo.create_explanation(
            s, user=None, unit_id=w.ids["unit_unit"], question="Vì sao chậm?", indicator_id=w.ids["indicator"]
        )
        return {"req": req.id, "json": {"answer": "Do thiếu vốn"}}


def _upload(w: World) -> dict[str, Any]:
    text = "Sở Xây dựng chủ trì xây dựng 5 công viên trong năm 2021.\n".encode()
    return {"files": {"file": ("kl.txt", text, "text/plain")}}


def _body(body: dict[str, Any]) -> Prep:
    return lambda w: {"json": body}


def _unique_unit(w: World) -> dict[str, Any]:
    return {"json": {"name": f"Phòng thử {next(_n)}"}}


def _unique_user(w: World) -> dict[str, Any]:
    return {"json": {"username": f"u{next(_n)}", "password": "mật khẩu dài", "role": "leader"}}


ALL_OK = {"admin": 200, "office": 200, "leader": 200, "unit": 200, "other": 200}
SEE_T1 = {"admin": 200, "office": 200, "leader": 200, "unit": 200, "other": 404}
WRITE_T1 = {"admin": 201, "office": 201, "leader": 403, "unit": 201, "other": 404}
OFFICE = {"admin": 200, "office": 200, "leader": 403, "unit": 403, "other": 403}
ADMIN = {"admin": 200, "office": 403, "leader": 403, "unit": 403, "other": 403}
ADMIN_CREATE = {**ADMIN, "admin": 201}

# (method, path, prep, expected status per role)
TABLE: list[tuple[str, str, Prep | None, dict[str, int]]] = [
    ("GET", "/api/me", None, ALL_OK),
    ("GET", "/api/documents", None, ALL_OK),
    ("POST", "/api/documents", _upload, {**OFFICE, "admin": 201, "office": 201}),
    ("GET", "/api/documents/{doc}", None, SEE_T1),
    ("GET", "/api/documents/{doc}/file", None, SEE_T1),
    ("POST", "/api/documents/{doc}/confirm", None, OFFICE),
    ("GET", "/api/tasks", None, ALL_OK),
    ("GET", "/api/tasks/{t1}", None, SEE_T1),
    ("GET", "/api/tasks/{t2}", None, {**SEE_T1, "unit": 404}),
    ("PATCH", "/api/tasks/{t1}", _version, {**SEE_T1, "leader": 403}),
    (
        "PATCH",
        "/api/tasks/{t2}",
        _body({"version": 1, "progress": 5}),
        {"admin": 200, "office": 409, "leader": 403, "unit": 404, "other": 404},
    ),
    ("GET", "/api/tasks/{t1}/reports", None, SEE_T1),
    ("POST", "/api/tasks/{t1}/reports", _body({"progress": 30, "note": "đang làm"}), WRITE_T1),
    ("POST", "/api/tasks/{t2}/reports", _body({"progress": 30}), {**WRITE_T1, "unit": 404}),
    (
        "POST",
        "/api/tasks/{t1}/reports/upload",
        lambda w: {"data": {"progress": "40"}, "files": {"files": ("a.txt", b"x", "text/plain")}},
        WRITE_T1,
    ),
    ("GET", "/api/attachments/{attachment}", None, SEE_T1),
    ("POST", "/api/tasks/{t1}/extensions", lambda w: {"json": {"new_due": f"{2031 + next(_n)}-01-01"}}, WRITE_T1),
    ("GET", "/api/extensions", None, ALL_OK),
    (
        "POST",
        "/api/extensions/{ext}/decision",
        _fresh_extension,
        {"admin": 200, "office": 403, "leader": 200, "unit": 403, "other": 403},
    ),
    ("GET", "/api/stats", None, ALL_OK),
    ("GET", "/api/units", None, ALL_OK),
    ("POST", "/api/units", _unique_unit, ADMIN_CREATE),
    ("PATCH", "/api/units/{unit_unit}", _body({"short_name": "SXD"}), ADMIN),
    ("GET", "/api/users", None, ADMIN),
    ("POST", "/api/users", _unique_user, ADMIN_CREATE),
    ("PATCH", "/api/users/{user_leader}", _body({"full_name": "Nguyễn Văn A"}), ADMIN),
    ("GET", "/api/indicators", None, ALL_OK),
    ("GET", "/api/indicators/{indicator}", None, ALL_OK),
    ("GET", "/api/explanations", None, ALL_OK),
    (
        "POST",
        "/api/explanations",
        lambda w: {"json": {"unit_id": w.ids["unit_unit"], "question": "Vì sao?", "indicator_id": w.ids["indicator"]}},
        {"admin": 201, "office": 201, "leader": 201, "unit": 403, "other": 403},
    ),
    (
        "POST",
        "/api/explanations/{req}/answer",
        _fresh_explanation,
        {"admin": 200, "office": 403, "leader": 403, "unit": 200, "other": 404},
    ),
    ("GET", "/api/audit", None, ADMIN),
]

CASES = [
    pytest.param(
        method, path, prep, role, expected.get(role, 401) if role else 401, id=f"{method} {path} as {role or 'anonymous'}"
    )
    for method, path, prep, expected in TABLE
    for role in (None, "admin", "office", "leader", "unit", "other")
]


@pytest.fixture(scope="module", params=DB_KINDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from dondoc.web import security

    security.configure_hasher(time_cost=1, memory_cost=1024, parallelism=1)
    home = tmp_path_factory.mktemp("authz")
    with temp_database(request.param, home) as url, make_world(url, home) as w:
        yield w


@pytest.mark.parametrize(("method", "path", "prep", "role", "expected"), CASES)
def test_route_role(world: World, method: str, path: str, prep: Prep | None, role: str | None, expected: int) -> None:
    extra = prep(world) if prep else {}
    ids = {**world.ids, **{k: v for k, v in extra.items() if k in ("ext", "req")}}
    url = path.format_map(ids)
    kwargs = {k: v for k, v in extra.items() if k in ("json", "data", "files")}
    r = world.client.request(method, url, headers=world.headers(role), **kwargs)
    assert r.status_code == expected, r.text
    if r.status_code >= 400:
        assert isinstance(r.json()["detail"], str | list)


def test_table_covers_every_api_route(world: World) -> None:
    routes = {
        (m, r.path)
        for r in world.client.app.routes  # type: ignore[attr-defined]
        if isinstance(r, APIRoute) and r.path.startswith("/api") and r.path != "/api/auth/token"
        for m in r.methods
    }
    templated = set()
    for method, path, _, _ in TABLE:
        templated.add((method, re.sub(r"\{[^}]+\}", "{}", path)))
    missing = {(m, p) for m, p in routes if (m, re.sub(r"\{[^}]+\}", "{}", p)) not in templated}
    assert not missing
