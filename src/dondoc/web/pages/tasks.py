"""The tracked tasks: the list (filters, sorting, paging, bulk assignment, export) and the task page.

A task is *tracked* once its document is confirmed. The list shows each task coloured by its
*bucket* (see ``dondoc.track``) as of today. On the task page unit users report progress (with
attachments) and ask for extensions; leaders grant or refuse them; the office edits the task.
Visibility is the store's: a unit user asking for another unit's task gets 404, as if it did
not exist.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import PurePath
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from sqlalchemy.orm import Session

from dondoc.store import repo
from dondoc.store.models import Extension, Task, User
from dondoc.track import BUCKETS, bucket_of
from dondoc.web.pages import queries
from dondoc.web.pages.common import (
    BUCKET_NAMES,
    OWNER_ROLE_NAMES,
    flash,
    get_db,
    is_htmx,
    page_router,
    page_user,
    render,
    require,
    today,
)
from dondoc.web.pages.upload import max_upload_bytes

router = page_router()

PER_PAGE = 25
SORTS = {
    "due_date": "Hạn gần nhất",
    "-due_date": "Hạn xa nhất",
    "-progress": "Tiến độ cao nhất",
    "progress": "Tiến độ thấp nhất",
    "id": "Thứ tự trong văn bản",
}
# Attachments to progress reports: office documents, scans and photos. The first bytes must match.
ATTACHMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    ".xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0",)),
    ".png": ("image/png", (b"\x89PNG",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".txt": ("text/plain", ()),
}
MAX_ATTACHMENTS = 5


def _date(value: str | None, label: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, detail=f"{label} “{value}” không phải ngày hợp lệ.") from None


def _int(value: str | None, label: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPException(400, detail=f"{label} “{value}” không hợp lệ.") from None


def _filters(request: Request) -> dict[str, Any]:
    """The list's filters from the query string (empty fields mean no filter)."""
    qp = request.query_params
    bucket = qp.get("bucket") or None
    if bucket and bucket not in (*BUCKETS, "due_soon"):
        raise HTTPException(400, detail="Nhóm trạng thái không hợp lệ.")
    sort = qp.get("sort") or "due_date"
    if sort not in SORTS:
        sort = "due_date"
    return {
        "unit_id": _int(qp.get("unit_id"), "Đơn vị"),
        "document_id": _int(qp.get("document_id"), "Văn bản"),
        "bucket": bucket,
        "due_from": _date(qp.get("due_from"), "Từ ngày"),
        "due_to": _date(qp.get("due_to"), "Đến ngày"),
        "q": (qp.get("q") or "").strip() or None,
        "sort": sort,
    }


def _query_string(filters: dict[str, Any], **extra: Any) -> str:
    items = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in {**filters, **extra}.items()}
    return urlencode({k: v for k, v in items.items() if v not in (None, "")})


def _rows(tasks: list[Task], as_of: dt.date) -> list[dict[str, Any]]:
    return [{"task": t, "bucket": bucket_of(t.due_date, t.done_at, as_of).value} for t in tasks]


@router.get("/tasks")
def task_list(request: Request, user: User = Depends(page_user), db: Session = Depends(get_db)) -> Response:
    filters = _filters(request)
    page = max(_int(request.query_params.get("page"), "Trang") or 1, 1)
    as_of = today()
    tasks, total = repo.list_tasks(db, user=user, as_of=as_of, limit=PER_PAGE, offset=(page - 1) * PER_PAGE,
                                   cache=True, **filters)
    docs = queries.document_options(db, user)
    ctx = {
        "active": "tasks",
        "rows": _rows(tasks, as_of),
        "total": total,
        "page": page,
        "pages": max((total + PER_PAGE - 1) // PER_PAGE, 1),
        "filters": filters,
        "qs": _query_string(filters),
        "page_qs": lambda p: _query_string(filters, page=p),
        "sorts": SORTS,
        "units": queries.unit_options(db) if user.role != "unit" else [],
        "documents": docs,
        "can_assign": user.role in ("office", "admin"),
        "as_of": as_of,
        "explanations": repo.list_explanations(db, user=user, status="open") if user.role == "unit" else [],
    }
    return render(request, "_tasks_table.html" if is_htmx(request) else "tasks.html", ctx)


@router.post("/tasks/bulk-assign")
async def bulk_assign(
    request: Request, user: User = Depends(require("office", "admin")), db: Session = Depends(get_db)
) -> Response:
    form = await request.form()
    ids = [_int(str(v), "Nhiệm vụ") for v in form.getlist("task_ids")]
    unit_id = _int(str(form.get("unit_id") or ""), "Đơn vị")
    role = str(form.get("role") or "lead")
    if not ids or unit_id is None:
        raise HTTPException(400, detail="Hãy chọn ít nhất một nhiệm vụ và một đơn vị.")
    if role not in OWNER_ROLE_NAMES:
        raise HTTPException(400, detail="Vai trò không hợp lệ.")
    for task_id in ids:
        assert task_id is not None
        task = repo.get_task(db, task_id, user=user)
        owners = [{"unit_id": o.unit_id, "role": o.role} for o in task.owners if o.unit_id != unit_id]
        owners.append({"unit_id": unit_id, "role": role})
        repo.update_task(db, task_id, user=user, version=task.version, owners=owners)
    db.commit()
    flash(request, f"Đã giao {len(ids)} nhiệm vụ ({OWNER_ROLE_NAMES[role].lower()}).")
    back = request.headers.get("referer") or "/tasks"
    return RedirectResponse(back if back.startswith(str(request.base_url)) or back.startswith("/") else "/tasks",
                            status_code=303)


def _export_rows(db: Session, user: User, filters: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    as_of = today()
    names = queries.unit_names(db)
    header = ["Mã", "Văn bản", "Mục", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Hạn", "Hạn ban đầu",
              "Trạng thái", "Tiến độ (%)", "Ngày hoàn thành"]
    rows: list[list[Any]] = []
    offset = 0
    while True:
        tasks, total = repo.list_tasks(db, user=user, as_of=as_of, limit=1000, offset=offset, **filters)
        for t in tasks:
            rows.append([
                t.id, t.document_id, t.section or "", t.text,
                "; ".join(names.get(o.unit_id, "") for o in t.owners if o.role == "lead"),
                "; ".join(names.get(o.unit_id, "") for o in t.owners if o.role != "lead"),
                t.due_date, t.original_due_date, BUCKET_NAMES[bucket_of(t.due_date, t.done_at, as_of).value],
                t.progress, t.done_at,
            ])
        offset += len(tasks)
        if not tasks or offset >= total:
            return header, rows


@router.get("/tasks/export.{fmt}")
def export(request: Request, fmt: str, user: User = Depends(page_user), db: Session = Depends(get_db)) -> Response:
    filters = _filters(request)
    header, rows = _export_rows(db, user, filters)
    stamp = today().isoformat()
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(header)
        for r in rows:
            w.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in r])
        data = ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens the Vietnamese correctly
        media = "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "Nhiệm vụ"
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append(r)
        for col, width in zip("ABCDEFGHIJK", (8, 9, 7, 80, 30, 30, 12, 12, 26, 10, 14), strict=True):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=2):
            row[3].alignment = Alignment(wrap_text=True, vertical="top")
            for i in (6, 7, 10):
                row[i].number_format = "DD/MM/YYYY"
        ws.freeze_panes = "A2"
        out = io.BytesIO()
        wb.save(out)
        data = out.getvalue()
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise HTTPException(404, detail="Chỉ xuất được CSV hoặc XLSX.")
    filename = f"nhiem-vu-{stamp}.{fmt}"
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _task_context(db: Session, task: Task, user: User) -> dict[str, Any]:
    as_of = today()
    doc = task.document
    text = (doc.extraction or {}).get("text", "") if doc is not None else ""
    s, e = task.start, task.end
    grounded = isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)
    evidence = None
    if grounded:
        assert s is not None and e is not None
        evidence = {"before": text[max(0, s - 250):s], "text": text[s:e], "after": text[e:e + 250]}
    history = queries.task_history(db, task)
    own_unit = user.role == "unit" and any(o.unit_id == user.unit_id for o in task.owners)
    pending = [x for x in history["extensions"] if x.status == "requested"]
    return {
        "active": "tasks",
        "task": task,
        "doc": doc,
        "bucket": bucket_of(task.due_date, task.done_at, as_of).value,
        "evidence": evidence,
        "units": queries.unit_options(db) if user.role in ("office", "admin") else [],
        "can_report": user.role in ("office", "admin") or own_unit,
        "can_extend": (user.role in ("office", "admin") or own_unit) and task.status != "done" and not pending,
        "can_decide": user.role in ("leader", "admin"),
        "can_edit": user.role in ("office", "admin"),
        "attachment_types": sorted(ATTACHMENT_TYPES),
        **history,
    }


@router.get("/tasks/{task_id}")
def task_page(request: Request, task_id: int, user: User = Depends(page_user),
              db: Session = Depends(get_db)) -> Response:
    task = repo.get_task(db, task_id, user=user)
    ctx = _task_context(db, task, user)
    ctx["max_mb"] = max_upload_bytes(request) // (1024 * 1024)
    return render(request, "task.html", ctx)


async def _read_attachments(request: Request, files: list[UploadFile]) -> list[tuple[str, str | None, bytes]]:
    limit = max_upload_bytes(request)
    out: list[tuple[str, str | None, bytes]] = []
    files = [f for f in files if f.filename]
    if len(files) > MAX_ATTACHMENTS:
        raise HTTPException(400, detail=f"Tối đa {MAX_ATTACHMENTS} tệp đính kèm mỗi lần báo cáo.")
    total = 0
    for f in files:
        name = PurePath(f.filename or "").name
        kind = ATTACHMENT_TYPES.get(PurePath(name).suffix.lower())
        if kind is None:
            raise HTTPException(415, detail=f"Không nhận tệp “{name}”: chỉ nhận {', '.join(sorted(ATTACHMENT_TYPES))}.")
        data = await f.read(limit + 1)
        total += len(data)
        if len(data) > limit or total > limit:
            raise HTTPException(413, detail=f"Tệp đính kèm vượt quá {limit // (1024 * 1024)} MB.")
        media, magics = kind
        if magics and not data.startswith(magics):
            raise HTTPException(415, detail=f"Tệp “{name}” không đúng định dạng như phần đuôi tên tệp cho biết.")
        if not data:
            raise HTTPException(400, detail=f"Tệp “{name}” rỗng.")
        out.append((name, media, data))
    return out


@router.post("/tasks/{task_id}/reports")
async def report_progress(
    request: Request, task_id: int, progress: int = Form(...), note: str = Form(""), done: bool = Form(False),
    files: list[UploadFile] = File(default=[]), user: User = Depends(page_user), db: Session = Depends(get_db),
) -> Response:
    task = repo.get_task(db, task_id, user=user)
    ctx = _task_context(db, task, user)
    if not ctx["can_report"]:
        raise HTTPException(403, detail="Chỉ đơn vị được giao và văn phòng được báo cáo tiến độ nhiệm vụ này.")
    if not 0 <= progress <= 100:
        raise HTTPException(400, detail="Tiến độ phải từ 0 đến 100 (%).")
    attachments = await _read_attachments(request, files)
    repo.add_report(db, task_id, user=user, progress=progress, note=note.strip(), done=done, attachments=attachments)
    db.commit()
    flash(request, "Đã gửi báo cáo tiến độ." + (" Nhiệm vụ được ghi nhận hoàn thành." if done else ""))
    return RedirectResponse(f"/tasks/{task_id}", status_code=303)


@router.post("/tasks/{task_id}/extensions")
def ask_extension(
    request: Request, task_id: int, new_due: str = Form(...), reason: str = Form(""),
    user: User = Depends(page_user), db: Session = Depends(get_db),
) -> Response:
    task = repo.get_task(db, task_id, user=user)
    if not _task_context(db, task, user)["can_extend"]:
        raise HTTPException(403, detail="Không xin gia hạn được cho nhiệm vụ này (đã hoàn thành hoặc đang chờ quyết định).")
    due = _date(new_due, "Hạn mới")
    if due is None:
        raise HTTPException(400, detail="Hãy chọn hạn mới.")
    if not reason.strip():
        raise HTTPException(400, detail="Hãy nêu lý do xin gia hạn.")
    repo.request_extension(db, task_id, user=user, new_due=due, reason=reason.strip())
    db.commit()
    flash(request, "Đã gửi đề nghị gia hạn; lãnh đạo sẽ xem xét.")
    return RedirectResponse(f"/tasks/{task_id}", status_code=303)


@router.post("/tasks/{task_id}/extensions/{ext_id}")
def decide_extension(
    request: Request, task_id: int, ext_id: int, grant: bool = Form(...),
    user: User = Depends(require("leader", "admin")), db: Session = Depends(get_db),
) -> Response:
    ext = db.get(Extension, ext_id)
    if ext is None or ext.task_id != task_id:
        raise HTTPException(404, detail="Không có đề nghị gia hạn này.")
    repo.decide_extension(db, ext_id, user=user, grant=grant)
    db.commit()
    flash(request, "Đã đồng ý gia hạn." if grant else "Đã không đồng ý gia hạn.")
    return RedirectResponse(f"/tasks/{task_id}", status_code=303)


@router.post("/tasks/{task_id}/edit")
async def edit_task(
    request: Request, task_id: int, user: User = Depends(require("office", "admin")), db: Session = Depends(get_db)
) -> Response:
    form = await request.form()
    version = _int(str(form.get("version") or ""), "Phiên bản")
    if version is None:
        raise HTTPException(400, detail="Thiếu phiên bản của nhiệm vụ; hãy tải lại trang.")
    fields: dict[str, Any] = {}
    text = str(form.get("text") or "").strip()
    if text:
        fields["text"] = text
    due = _date(str(form.get("due_date") or ""), "Hạn")
    fields["due_date"] = due.isoformat() if due else None
    owners = [{"unit_id": _int(str(v), "Đơn vị"), "role": "lead"} for v in form.getlist("lead") if v]
    owners += [{"unit_id": _int(str(v), "Đơn vị"), "role": "support"} for v in form.getlist("support") if v]
    fields["owners"] = owners
    repo.update_task(db, task_id, user=user, version=version, **fields)
    db.commit()
    flash(request, "Đã lưu nhiệm vụ.")
    return RedirectResponse(f"/tasks/{task_id}", status_code=303)


@router.get("/tasks/{task_id}/attachments/{att_id}")
def attachment(task_id: int, att_id: int, user: User = Depends(page_user), db: Session = Depends(get_db)) -> Response:
    att = repo.get_attachment(db, att_id, user=user)
    if att.report.task_id != task_id:
        raise HTTPException(404, detail="Không có tệp đính kèm này.")
    disposition = f"attachment; filename*=UTF-8''{quote(att.filename)}"
    return StreamingResponse(
        iter([att.data]),
        media_type=att.content_type or "application/octet-stream",
        headers={"Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"},
    )
