"""The review screen: a person checks a draft extraction and confirms it.

Left, the document text as analysed (after OCR repair): each repair edit is marked, with the
OCR's original on hover, and doubtful edits (suggestions not applied, or applied with low
confidence) carry accept/reject buttons. Right, the extracted tasks, indicators and cited
documents; clicking one highlights its evidence span in the text and, for a PDF or a scan, shows
the page image beside the text with the evidence boxed on it (``dondoc.core.provenance`` maps the
span to pages and OCR line boxes; ``page_image`` serves the page). Every task field is editable;
tasks can be split, merged, added and deleted; owners are picked from the unit tree. Confirm
turns the draft into tracked tasks — nothing is tracked before that.

Each change is one small POST that returns an HTMX fragment: ``_review_task.html`` for a field
edit, ``_review_body.html`` (both panels) for anything that moves spans or changes the list.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from dondoc.core.provenance import Provenance
from dondoc.store import repo
from dondoc.store.models import Document, User
from dondoc.web.pages import draft as drafts
from dondoc.web.pages import queries
from dondoc.web.pages.common import flash, get_db, page_router, render, require

router = page_router()
office = require("office", "admin")


def _pages(doc: Document, data: dict[str, Any]) -> dict[str, Any]:
    """What the page-image panel needs: ``paged``, ``n_pages`` and ``regions(start, end)`` -> JSON.

    ``regions`` gives, for an item's span, ``[{"page": n, "boxes": [[x0, y0, x1, y1], ...]}]``
    (fractions of the page); it is ``"[]"`` for text and DOCX documents, which have no pages.
    """
    prov = Provenance.from_json(data)
    paged = prov.paged and doc.format in ("pdf", "image")
    source = data.get("source") or {}
    n_pages = source.get("pages") if isinstance(source.get("pages"), int) else None
    n_pages = n_pages or max((p.page for p in prov.pages), default=0)

    text: str = data.get("text") or ""

    def regions(start: int | None, end: int | None) -> str:
        if not paged or not isinstance(start, int) or not isinstance(end, int):
            return "[]"
        out = []
        for r in prov.regions(start, end):
            item = r.to_json()
            if not r.boxes:  # a text-layer PDF page: the browser asks page_image to find the text
                item["q"] = text[start:end][:2000]
            out.append(item)
        return json.dumps(out, ensure_ascii=False, separators=(",", ":"))

    return {"paged": paged, "n_pages": n_pages, "regions": regions}


def _context(s: Session, doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = doc.extraction or {}
    edits = data.get("edits") or []
    return {
        **_pages(doc, data),
        "doc": doc,
        "draft": data,
        "meta": data.get("document") or {},
        "segments": drafts.segments(data),
        "tasks": data.get("tasks") or [],
        "indicators": data.get("indicators") or [],
        "references": data.get("references") or [],
        "checks": data.get("checks") or [],
        "units": queries.unit_options(s),
        "editable": doc.status == "draft",
        "n_edits": len(edits),
        "n_doubtful": sum(1 for seg in drafts.segments(data) if seg.needs_decision),
    }


def _body(request: Request, s: Session, doc: Document) -> Response:
    return render(request, "_review_body.html", _context(s, doc))


@router.get("/documents")
def documents(
    request: Request, page: int = 1, user: User = Depends(require("office", "admin", "leader")),
    db: Session = Depends(get_db),
) -> Response:
    page = max(page, 1)
    docs, total = repo.list_documents(db, user=user, limit=50, offset=(page - 1) * 50)
    return render(request, "documents.html",
                  {"active": "documents", "documents": docs, "total": total, "page": page, "per_page": 50})


@router.get("/documents/{doc_id}/review")
def review(request: Request, doc_id: int, user: User = Depends(office), db: Session = Depends(get_db)) -> Response:
    doc = queries.get_draft(db, doc_id, user=user)
    return render(request, "review.html", {"active": "documents", **_context(db, doc)})


@router.post("/documents/{doc_id}/review/edits/{index}")
def decide_edit(
    request: Request, doc_id: int, index: int, accept: bool = Form(...),
    user: User = Depends(office), db: Session = Depends(get_db),
) -> Response:
    doc = queries.get_draft(db, doc_id, user=user)
    try:
        new = drafts.decide_edit(doc.extraction, index, accept=accept)
    except KeyError:
        raise HTTPException(404, detail="Không có sửa lỗi OCR này.") from None
    queries.save_draft(db, doc, new, user=user, action="accept-edit" if accept else "reject-edit")
    db.commit()
    return _body(request, db, doc)


def _owners_from_form(form: Any) -> list[dict[str, str]]:
    owners = [{"name": n.strip(), "role": "lead"} for n in form.getlist("lead") if str(n).strip()]
    owners += [{"name": n.strip(), "role": "support"} for n in form.getlist("support") if str(n).strip()]
    return owners


def _float_or_none(value: Any) -> float | None:
    text = str(value or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise HTTPException(400, detail=f"“{value}” không phải là một số.") from None


@router.post("/documents/{doc_id}/review/tasks/{task_id}")
async def edit_task(
    request: Request, doc_id: int, task_id: str, user: User = Depends(office), db: Session = Depends(get_db)
) -> Response:
    form = await request.form()
    doc = queries.get_draft(db, doc_id, user=user)
    fields: dict[str, Any] = {
        "text": form.get("text"),
        "action": form.get("action") or None,
        "due_date": form.get("due_date") or None,
        "owners": _owners_from_form(form),
        "target_quantity": _float_or_none(form.get("target_quantity")),
        "target_unit": form.get("target_unit") or "",
    }
    try:
        new = drafts.update_task(doc.extraction, task_id, fields)
    except KeyError:
        raise HTTPException(404, detail="Không có nhiệm vụ này trong bản nháp.") from None
    queries.save_draft(db, doc, new, user=user, action="edit-task")
    db.commit()
    task = new["tasks"][drafts.find_task(new, task_id)]
    ctx = {"doc": doc, "t": task, "units": queries.unit_options(db), "editable": True, "saved": True,
           **_pages(doc, new)}
    return render(request, "_review_task.html", ctx)


@router.post("/documents/{doc_id}/review/tasks/{task_id}/{op}")
def change_tasks(
    request: Request, doc_id: int, task_id: str, op: str, at: int | None = Form(None),
    user: User = Depends(office), db: Session = Depends(get_db),
) -> Response:
    doc = queries.get_draft(db, doc_id, user=user)
    data = doc.extraction
    try:
        if op == "split":
            new = drafts.split_task(data, task_id, at)
        elif op == "merge":
            new = drafts.merge_tasks(data, task_id)
        elif op == "delete":
            new = drafts.delete_task(data, task_id)
        else:
            raise HTTPException(404, detail="Thao tác không có.")
    except KeyError:
        raise HTTPException(404, detail="Không có nhiệm vụ này trong bản nháp.") from None
    except ValueError as exc:
        raise HTTPException(400, detail=str(exc)) from None
    queries.save_draft(db, doc, new, user=user, action=f"{op}-task")
    db.commit()
    return _body(request, db, doc)


@router.post("/documents/{doc_id}/review/tasks")
def add_task(
    request: Request, doc_id: int, text: str = Form(""), after: str | None = Form(None),
    user: User = Depends(office), db: Session = Depends(get_db),
) -> Response:
    doc = queries.get_draft(db, doc_id, user=user)
    try:
        new = drafts.add_task(doc.extraction, text, after=after or None)
    except KeyError:
        raise HTTPException(404, detail="Không có nhiệm vụ này trong bản nháp.") from None
    except ValueError as exc:
        raise HTTPException(400, detail=str(exc)) from None
    queries.save_draft(db, doc, new, user=user, action="add-task")
    db.commit()
    return _body(request, db, doc)


@router.post("/documents/{doc_id}/review/meta")
def edit_meta(
    request: Request, doc_id: int, number: str = Form(""), issuer: str = Form(""), issued_date: str = Form(""),
    title: str = Form(""), user: User = Depends(office), db: Session = Depends(get_db),
) -> Response:
    doc = queries.get_draft(db, doc_id, user=user)
    new = dict(doc.extraction)
    meta = dict(new.get("document") or {})
    meta.update(number=number.strip() or None, issuer=issuer.strip() or None,
                issued_date=issued_date or None, title=title.strip() or None)
    new["document"] = meta
    queries.save_draft(db, doc, new, user=user, action="edit-meta")
    db.commit()
    flash(request, "Đã lưu thông tin văn bản.")
    return RedirectResponse(f"/documents/{doc_id}/review", status_code=303)


@router.post("/documents/{doc_id}/confirm")
def confirm(request: Request, doc_id: int, user: User = Depends(office), db: Session = Depends(get_db)) -> Response:
    doc = queries.get_draft(db, doc_id, user=user)
    if doc.status != "draft":
        flash(request, "Văn bản này đã được xác nhận trước đó.", "info")
    else:
        doc = queries.confirm_draft(db, doc, user=user)
        db.commit()
        flash(request, f"Đã xác nhận: {len(doc.tasks)} nhiệm vụ bắt đầu được theo dõi.")
    return RedirectResponse(f"/tasks?document_id={doc_id}", status_code=303)
