"""The HTTP API of the tracking service (``/api``), as CONTRACTS.md "Tracking service" says.

Handlers are thin: parse, call ``dondoc.store.repo``, convert with ``dondoc.store.mapping``.
Authorisation lives in the repo functions (visibility: 404; role: 403) so that the CLI, the pages
and the API obey the same rules; ``require_role`` only guards routes a role can never use.
Handlers are plain ``def``: FastAPI runs them in its thread pool, so the pipeline (OCR, PDF
parsing) and the database never block the event loop; each ends its unit of work there too, in
one of a few database threads (``deps.UnitOfWorkRoute``; the upload pipeline ``runs_long``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile, status
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from dondoc.errors import InputTooLargeError, UnsupportedFormatError
from dondoc.store import repo
from dondoc.store.mapping import (
    document_to_json,
    explanation_to_json,
    extension_to_json,
    indicator_to_json,
    report_to_json,
    task_to_json,
    unit_to_json,
    user_to_json,
)
from dondoc.store.models import User
from dondoc.web.deps import CurrentUser, SessionDep, UnitOfWorkRoute, require_role, runs_long
from dondoc.web.security import make_token

__all__ = ["ACCEPTED_SUFFIXES", "router"]

router = APIRouter(prefix="/api", tags=["api"], route_class=UnitOfWorkRoute)

ACCEPTED_SUFFIXES = frozenset({".txt", ".md", ".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
# The signed-in user of a route that only these roles may use (403 for the others; deps.SignedIn).
Admin = Annotated[User, Depends(require_role("admin"))]
OfficeOrAdmin = Annotated[User, Depends(require_role("admin", "office"))]


# --------------------------------------------------------------------------- auth
@router.post("/auth/token")
def token(request: Request, s: SessionDep, username: Annotated[str, Form()], password: Annotated[str, Form()]) -> dict[str, Any]:
    user = repo.authenticate(s, username, password)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="sai tên đăng nhập hoặc mật khẩu")
    return {"access_token": make_token(request.app.state.secret_key, user.id), "token_type": "bearer"}


@router.get("/me")
def me(s: SessionDep, user: CurrentUser) -> dict[str, Any]:
    return user_to_json(user)


# --------------------------------------------------------------------------- documents
def _read_upload(file: UploadFile, limit: int) -> bytes:
    name = file.filename or "upload"
    suffix = PurePath(name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise UnsupportedFormatError(
            f"không nhận tệp {suffix or 'không có đuôi'}; " "hãy gửi .txt, .md, .pdf, .docx hoặc ảnh (.png, .jpg, .tif)",
            path=name,
        )
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"tệp lớn hơn giới hạn {limit // (1024 * 1024)} MB", path=name)
    return data


@router.post("/documents", status_code=status.HTTP_201_CREATED)
@runs_long
def upload_document(
    request: Request,
    s: SessionDep,
    user: OfficeOrAdmin,
    file: Annotated[UploadFile, File()],
    confirm: bool = False,
) -> dict[str, Any]:
    """Run the pipeline on the file and store a draft (or a confirmed document with ``confirm=true``)."""
    from dondoc.stages.extract import extract
    from dondoc.stages.ingest import ingest_bytes

    data = _read_upload(file, request.app.state.settings.max_upload_bytes)
    name = PurePath(file.filename or "upload").name
    extraction = extract(ingest_bytes(data, name=name))
    doc = repo.create_document(s, extraction, filename=name, data=data, user=user, content_type=file.content_type)
    if confirm:
        repo.confirm_document(s, doc.id, user=user)
    return {"id": doc.id, "tasks": len(doc.tasks), "status": doc.status}


@router.get("/documents")
def list_documents(
    s: SessionDep,
    user: CurrentUser,
    status_: Annotated[str | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    docs, total = repo.list_documents(s, user=user, status=status_, limit=limit, offset=offset)
    return {"items": [document_to_json(d) for d in docs], "total": total}


@router.get("/documents/{doc_id}")
def get_document(s: SessionDep, user: CurrentUser, doc_id: int) -> dict[str, Any]:
    """The stored extraction JSON (``extraction``) plus the tracking ids of its tasks."""
    doc = repo.get_document(s, doc_id, user=user)
    return document_to_json(doc, with_extraction=True)


@router.get("/documents/{doc_id}/file")
def get_document_file(s: SessionDep, user: CurrentUser, doc_id: int) -> Response:
    doc = repo.get_document(s, doc_id, user=user)
    return Response(
        doc.data,
        media_type=doc.content_type or "application/octet-stream",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_quote(doc.filename)}"},
    )


@router.post("/documents/{doc_id}/confirm")
def confirm_document(s: SessionDep, user: OfficeOrAdmin, doc_id: int) -> dict[str, Any]:
    doc = repo.confirm_document(s, doc_id, user=user)
    return {"id": doc.id, "tasks": len(doc.tasks), "status": doc.status}


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(PurePath(name).name)


# --------------------------------------------------------------------------- tasks
def json_response(content: Any) -> Response:
    """``content`` (plain JSON values: str, int, float, bool, None, lists, dicts with str keys)
    encoded by orjson: the same JSON as FastAPI's ``JSONResponse`` (UTF-8, compact), several
    times faster for a page of tasks."""
    return Response(orjson.dumps(content), media_type="application/json")


class TaskPatch(BaseModel):
    model_config = ConfigDict(extra="allow")
    version: int


class ReportIn(BaseModel):
    progress: int = Field(ge=0, le=100)
    note: str = ""
    done: bool = False


class ExtensionIn(BaseModel):
    new_due: dt.date
    reason: str = ""


class DecisionIn(BaseModel):
    grant: bool


@router.get("/tasks")
def list_tasks(
    request: Request,
    s: SessionDep,
    user: CurrentUser,
    document_id: int | None = None,
    unit: Annotated[int | None, Query(description="id of an owner unit")] = None,
    bucket: str | None = None,
    as_of: dt.date | None = None,
    q: str | None = None,
    due_from: dt.date | None = None,
    due_to: dt.date | None = None,
    sort: str = "due_date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Tracked tasks, filtered and paged (CONTRACTS.md). The tasks are read as plain rows and
    the body is encoded once with orjson: loading ORM objects and FastAPI's generic re-encoding
    of every value would cost more than the SQL."""
    days = request.app.state.settings.due_soon_days
    items, total = repo.list_tasks_json(
        s,
        user=user,
        document_id=document_id,
        unit_id=unit,
        bucket=bucket,
        as_of=as_of,
        q=q,
        due_from=due_from,
        due_to=due_to,
        sort=sort,
        limit=limit,
        offset=offset,
        due_soon_days=days,
        cache=True,
    )
    return json_response({"items": items, "total": total})


@router.get("/tasks/{task_id}")
def get_task(request: Request, s: SessionDep, user: CurrentUser, task_id: int) -> dict[str, Any]:
    task = repo.get_task(s, task_id, user=user)
    return task_to_json(task, due_soon_days=request.app.state.settings.due_soon_days)


@router.patch("/tasks/{task_id}")
def patch_task(request: Request, s: SessionDep, user: CurrentUser, task_id: int, body: TaskPatch) -> dict[str, Any]:
    fields = dict(body.model_extra or {})
    task = repo.update_task(s, task_id, user=user, version=body.version, **fields)
    return task_to_json(task, due_soon_days=request.app.state.settings.due_soon_days)


@router.get("/tasks/{task_id}/reports")
def list_reports(s: SessionDep, user: CurrentUser, task_id: int) -> list[dict[str, Any]]:
    return [report_to_json(r) for r in repo.list_reports(s, task_id, user=user)]


@router.post("/tasks/{task_id}/reports", status_code=status.HTTP_201_CREATED)
def add_report(s: SessionDep, user: CurrentUser, task_id: int, body: ReportIn) -> dict[str, Any]:
    rep = repo.add_report(s, task_id, user=user, progress=body.progress, note=body.note, done=body.done)
    return report_to_json(rep)


@router.post("/tasks/{task_id}/reports/upload", status_code=status.HTTP_201_CREATED)
def add_report_with_files(
    request: Request,
    s: SessionDep,
    user: CurrentUser,
    task_id: int,
    progress: Annotated[int, Form(ge=0, le=100)],
    note: Annotated[str, Form()] = "",
    done: Annotated[bool, Form()] = False,
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> dict[str, Any]:
    """A progress report with evidence files (multipart)."""
    limit = request.app.state.settings.max_upload_bytes
    attachments = []
    for f in files or []:
        data = f.file.read(limit + 1)
        if len(data) > limit:
            raise InputTooLargeError(f"tệp lớn hơn giới hạn {limit // (1024 * 1024)} MB", path=f.filename)
        attachments.append((PurePath(f.filename or "file").name, f.content_type, data))
    rep = repo.add_report(s, task_id, user=user, progress=progress, note=note, done=done, attachments=attachments)
    return report_to_json(rep)


@router.get("/attachments/{attachment_id}")
def get_attachment(s: SessionDep, user: CurrentUser, attachment_id: int) -> Response:
    att = repo.get_attachment(s, attachment_id, user=user)
    return Response(
        att.data,
        media_type=att.content_type or "application/octet-stream",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_quote(att.filename)}"},
    )


# --------------------------------------------------------------------------- extensions
@router.post("/tasks/{task_id}/extensions", status_code=status.HTTP_201_CREATED)
def request_extension(s: SessionDep, user: CurrentUser, task_id: int, body: ExtensionIn) -> dict[str, Any]:
    ext = repo.request_extension(s, task_id, user=user, new_due=body.new_due, reason=body.reason)
    return extension_to_json(ext)


@router.get("/extensions")
def list_extensions(
    s: SessionDep,
    user: CurrentUser,
    status_: Annotated[str | None, Query(alias="status")] = None,
    task_id: int | None = None,
) -> list[dict[str, Any]]:
    return [extension_to_json(e) for e in repo.list_extensions(s, user=user, status=status_, task_id=task_id)]


@router.post("/extensions/{ext_id}/decision")
def decide_extension(s: SessionDep, user: CurrentUser, ext_id: int, body: DecisionIn) -> dict[str, Any]:
    return extension_to_json(repo.decide_extension(s, ext_id, user=user, grant=body.grant))


# --------------------------------------------------------------------------- statistics
@router.get("/stats")
def stats(
    s: SessionDep,
    user: CurrentUser,
    as_of: dt.date | None = None,
    document_id: int | None = None,
    period: str | None = None,
    unit: int | None = None,
) -> Response:
    """Counts per bucket, overall and by unit (CONTRACTS.md). The rendered body is cached (see
    ``repo.cached_read``: until the next write, at most 30 s) per user scope and question, so a
    dashboard polled by many clients costs one SQL aggregation and one JSON encoding."""
    day = as_of or dt.date.today()
    scope = (user.role, user.unit_id)

    def render() -> bytes:
        return orjson.dumps(repo.stats(s, user=user, as_of=day, document_id=document_id, period=period, unit_id=unit))

    body = repo.cached_read(s, ("api_stats", scope, day, document_id, period, unit), render)
    return Response(body, media_type="application/json")


# --------------------------------------------------------------------------- units and users
class UnitIn(BaseModel):
    name: str
    short_name: str | None = None
    kind: str | None = None
    parent_id: int | None = None


class UnitPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = None
    short_name: str | None = None
    kind: str | None = None
    parent_id: int | None = None


class UserIn(BaseModel):
    username: str
    password: str = Field(min_length=8)
    role: str
    unit_id: int | None = None
    unit: str | None = None
    full_name: str | None = None


class UserPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    full_name: str | None = None
    role: str | None = None
    unit_id: int | None = None
    is_active: bool | None = None
    password: str | None = Field(default=None, min_length=8)


@router.get("/units")
def list_units(s: SessionDep, user: CurrentUser, tree: bool = False) -> list[dict[str, Any]]:
    if tree:
        return repo.unit_tree(s)
    return [unit_to_json(u) for u in repo.list_units(s)]


@router.post("/units", status_code=status.HTTP_201_CREATED)
def create_unit(s: SessionDep, user: Admin, body: UnitIn) -> dict[str, Any]:
    unit = repo.create_unit(s, body.name, user=user, short_name=body.short_name, kind=body.kind, parent_id=body.parent_id)
    return unit_to_json(unit)


@router.patch("/units/{unit_id}")
def update_unit(s: SessionDep, user: Admin, unit_id: int, body: UnitPatch) -> dict[str, Any]:
    return unit_to_json(repo.update_unit(s, unit_id, user=user, **body.model_dump(exclude_unset=True)))


@router.get("/users")
def list_users(s: SessionDep, user: Admin) -> list[dict[str, Any]]:
    return [user_to_json(u) for u in repo.list_users(s)]


@router.post("/users", status_code=status.HTTP_201_CREATED)
def create_user(s: SessionDep, user: Admin, body: UserIn) -> dict[str, Any]:
    created = repo.create_user(
        s,
        body.username,
        body.password,
        body.role,
        body.unit,
        body.full_name,
        unit_id=body.unit_id,
        actor=user,
    )
    return user_to_json(created)


@router.patch("/users/{user_id}")
def update_user(s: SessionDep, user: Admin, user_id: int, body: UserPatch) -> dict[str, Any]:
    return user_to_json(repo.update_user(s, user_id, actor=user, **body.model_dump(exclude_unset=True)))


# --------------------------------------------------------------------------- indicators, explanations
class ExplanationIn(BaseModel):
    unit_id: int
    question: str
    indicator_id: int | None = None
    task_id: int | None = None


class AnswerIn(BaseModel):
    answer: str


@router.get("/indicators")
def list_indicators(s: SessionDep, user: CurrentUser, document_id: int | None = None) -> list[dict[str, Any]]:
    if document_id is not None:
        repo.get_document(s, document_id, user=user)
    return [indicator_to_json(i) for i in repo.list_indicators(s, document_id=document_id)]


@router.get("/indicators/{indicator_id}")
def get_indicator(s: SessionDep, user: CurrentUser, indicator_id: int) -> dict[str, Any]:
    return indicator_to_json(repo.get_indicator(s, indicator_id))


@router.get("/explanations")
def list_explanations(
    s: SessionDep, user: CurrentUser, status_: Annotated[str | None, Query(alias="status")] = None
) -> list[dict[str, Any]]:
    return [explanation_to_json(r) for r in repo.list_explanations(s, user=user, status=status_)]


@router.post("/explanations", status_code=status.HTTP_201_CREATED)
def create_explanation(s: SessionDep, user: CurrentUser, body: ExplanationIn) -> dict[str, Any]:
    req = repo.create_explanation(
        s,
        user=user,
        unit_id=body.unit_id,
        question=body.question,
        indicator_id=body.indicator_id,
        task_id=body.task_id,
    )
    return explanation_to_json(req)


@router.post("/explanations/{req_id}/answer")
def answer_explanation(s: SessionDep, user: CurrentUser, req_id: int, body: AnswerIn) -> dict[str, Any]:
    return explanation_to_json(repo.answer_explanation(s, req_id, user=user, answer=body.answer))


# --------------------------------------------------------------------------- audit
@router.get("/audit")
def list_audit(
    s: SessionDep,
    user: Admin,
    entity: str | None = None,
    entity_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    rows = repo.list_audit(s, entity=entity, entity_id=entity_id, limit=limit, offset=offset)
    return [
        {
            "id": r.id,
            "user_id": r.user_id,
            "at": r.at.isoformat(),
            "entity": r.entity,
            "entity_id": r.entity_id,
            "action": r.action,
            "before": r.before,
            "after": r.after,
        }
        for r in rows
    ]
