"""A small tracked world behind the real FastAPI app, for API tests: one user per role,
one confirmed document whose task ``t1`` is owned by the ``unit`` user's unit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from dondoc.config import Settings
from dondoc.store import repo
from dondoc.store.db import session_scope
from dondoc.store.models import Task
from dondoc.web.app import create_app
from dondoc.web.security import make_token
from tests.store.helpers import make_users, sample_extraction

ROLES = ("admin", "office", "leader", "unit", "other")


@dataclass
class World:
    client: TestClient
    settings: Settings
    ids: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def headers(self, role: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    @property
    def maker(self):  # type: ignore[no-untyped-def]
        return self.client.app.state.sessionmaker  # type: ignore[attr-defined]


@contextmanager
def make_world(url: str, home: Path, **settings_kw: object) -> Iterator[World]:
    settings = Settings(home=home, database_url=url, secret_key="test-secret", **settings_kw)  # type: ignore[arg-type]
    app = create_app(settings)
    ids: dict[str, int] = {}
    with session_scope(app.state.sessionmaker) as s:
        users = make_users(s)
        doc = repo.create_document(s, sample_extraction(), filename="kl.txt", data=b"abc", user=users["office"])
        repo.confirm_document(s, doc.id, user=users["office"])
        ids |= {f"user_{k}": u.id for k, u in users.items()}
        ids["doc"] = doc.id
        ids["t1"] = s.scalar(select(Task.id).where(Task.ext_id == "t1"))  # type: ignore[assignment]
        ids["t2"] = s.scalar(select(Task.id).where(Task.ext_id == "t2"))  # type: ignore[assignment]
        ids["unit_unit"] = users["unit"].unit_id  # type: ignore[assignment]
        ids["indicator"] = doc.indicators[0].id
        rep = repo.add_report(s, ids["t1"], user=users["unit"], progress=10, attachments=[("a.txt", "text/plain", b"hi")])
        ids["attachment"] = rep.attachments[0].id
    world = World(TestClient(app), settings, ids)
    world.tokens = {r: make_token("test-secret", ids[f"user_{r}"]) for r in ROLES}
    try:
        with world.client:
            yield world
    finally:
        app.state.engine.dispose()
