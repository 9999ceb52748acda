"""Fixtures of the page tests: a real app on a real SQLite database holding the demo.

The demo (``dondoc.web.demo.seed_demo``) is the Hải Phòng sample imported and confirmed, with
users of every role. A second unit user (``donvi2``, of another unit that owns tasks) is added so
that tests can check that one unit cannot see the other's tasks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from dondoc.config import Settings
from dondoc.store import repo
from dondoc.store.db import session_scope
from dondoc.store.models import Task, TaskOwner, User
from dondoc.web.app import create_app
from dondoc.web.demo import DEMO_PASSWORD, seed_demo

__all__ = ["Demo", "demo_fixture", "login", "make_demo"]


@dataclass
class Demo:
    app: FastAPI
    home: Path
    info: dict[str, Any]
    own_task: int  # a task of donvi's unit
    other_task: int  # a task that donvi's unit does not own (donvi2's)

    def client(self) -> TestClient:
        return TestClient(self.app, follow_redirects=False)


def make_demo(home: Path) -> Demo:
    settings = Settings(home=home, secret_key="test-secret-key-for-pages", database_url=None)
    app = create_app(settings)
    info = seed_demo(app.state.engine)
    with session_scope(app.state.engine) as s:
        donvi = s.scalar(select(User).where(User.username == "donvi"))
        assert donvi is not None and donvi.unit_id is not None
        own = s.scalar(
            select(Task.id).join(TaskOwner).where(TaskOwner.unit_id == donvi.unit_id).order_by(Task.id)
        )
        other = s.scalar(
            select(Task.id)
            .join(TaskOwner)
            .where(TaskOwner.unit_id != donvi.unit_id, TaskOwner.role == "lead", Task.status == "open")
            .where(~Task.owners.any(TaskOwner.unit_id == donvi.unit_id))
            .order_by(Task.id)
        )
        assert own is not None and other is not None
        other_unit = s.scalar(select(TaskOwner.unit_id).where(TaskOwner.task_id == other, TaskOwner.role == "lead"))
        admin = s.scalar(select(User).where(User.username == "admin"))
        repo.create_user(s, "donvi2", DEMO_PASSWORD, "unit", unit_id=other_unit, actor=admin)
    return Demo(app=app, home=home, info=info, own_task=own, other_task=other)


@pytest.fixture(scope="session", name="demo")
def demo_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One demo database for all page tests (seeding runs the whole pipeline: seconds, not ms)."""
    d = make_demo(tmp_path_factory.mktemp("pages"))
    yield d
    d.app.state.engine.dispose()


def login(client: TestClient, username: str, password: str = DEMO_PASSWORD) -> str:
    """Sign in through the login form; returns the CSRF token of the new session."""
    page = client.get("/login")
    token = page.context["csrf"]  # type: ignore[attr-defined]
    resp = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert resp.status_code == 303, resp.text
    page = client.get("/login")
    return str(page.context["csrf"])  # type: ignore[attr-defined]
