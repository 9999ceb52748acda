"""Authorisation of every page route for every role (table-driven).

``OWN`` and ``OTHER`` stand for a task of the unit user's own unit and one of another unit: a
unit user opening the other unit's task by URL gets 404, exactly as for a task that does not exist.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.pages_fixtures import Demo, demo_fixture, login  # noqa: F401  (demo_fixture: the fixture)

ROLES = ("admin", "office", "leader", "unit", "anonymous")
USERS = {"admin": "admin", "office": "vanphong", "leader": "lanhdao", "unit": "donvi"}
ALL, LOGIN = 200, 303

# (method, path, expected status per role in ROLES order)
ROUTES: list[tuple[str, str, tuple[int, ...]]] = [
    ("GET", "/documents", (200, 200, 200, 403, LOGIN)),
    ("GET", "/upload", (200, 200, 403, 403, LOGIN)),
    ("GET", "/documents/1/review", (200, 200, 403, 403, LOGIN)),
    ("GET", "/tasks", (200, 200, 200, 200, LOGIN)),
    ("GET", "/tasks/OWN", (200, 200, 200, 200, LOGIN)),
    ("GET", "/tasks/OTHER", (200, 200, 200, 404, LOGIN)),
    ("GET", "/tasks/999999", (404, 404, 404, 404, LOGIN)),
    ("GET", "/tasks/export.csv", (200, 200, 200, 200, LOGIN)),
    ("GET", "/dashboard", (200, 200, 200, 403, LOGIN)),
    ("GET", "/reports", (200, 200, 200, 403, LOGIN)),
    ("GET", "/upload/jobs/unknown", (404, 404, 403, 403, LOGIN)),
    ("POST", "/tasks/OTHER/reports", (303, 303, 403, 404, LOGIN)),
    ("POST", "/tasks/OTHER/extensions", (303, 403, 403, 404, LOGIN)),  # one pending request at a time
    ("POST", "/tasks/OTHER/edit", (400, 400, 403, 403, LOGIN)),
    ("POST", "/tasks/bulk-assign", (400, 400, 403, 403, LOGIN)),
    ("POST", "/documents/1/confirm", (303, 303, 403, 403, LOGIN)),
    ("POST", "/documents/1/review/tasks/t1/delete", (409, 409, 403, 403, LOGIN)),
    ("POST", "/explanations", (400, 400, 400, 403, LOGIN)),
]

FORMS = {
    "/reports": {"progress": "10", "note": "kiểm tra quyền"},
    "/extensions": {"new_due": "2030-12-31", "reason": "kiểm tra quyền"},
    "/explanations": {"indicator_id": "1", "unit_id": "1", "question": ""},
}

CASES = [
    pytest.param(method, path, role, expected[i], id=f"{method} {path} as {role}")
    for method, path, expected in ROUTES
    for i, role in enumerate(ROLES)
]


@pytest.fixture(scope="module")
def clients(demo: Demo) -> dict[str, tuple[TestClient, str]]:
    out = {}
    for role, username in USERS.items():
        c = demo.client()
        out[role] = (c, login(c, username))
    anon = demo.client()
    out["anonymous"] = (anon, str(anon.get("/login").context["csrf"]))  # type: ignore[attr-defined]
    return out


@pytest.mark.parametrize(("method", "path", "role", "expected"), CASES)
def test_route_role(
    demo: Demo, clients: dict[str, tuple[TestClient, str]], method: str, path: str, role: str, expected: int
) -> None:
    client, token = clients[role]
    url = path.replace("OWN", str(demo.own_task)).replace("OTHER", str(demo.other_task))
    if method == "GET":
        resp = client.get(url)
    else:
        data = next((form for key, form in FORMS.items() if url.endswith(key)), {})
        resp = client.post(url, data={**data, "csrf_token": token})
    assert resp.status_code == expected, resp.text[:300]
    if expected == LOGIN and role == "anonymous":
        assert resp.headers["location"].startswith("/login")
    if expected in (403, 404) and "text/html" in resp.headers.get("content-type", ""):
        assert "Traceback" not in resp.text
        assert resp.template.name == "error.html"  # type: ignore[attr-defined]
