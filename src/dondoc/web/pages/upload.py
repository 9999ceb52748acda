"""Uploading a document: the file is checked, then the pipeline runs in a background thread.

An *upload job* is one run of the pipeline on one uploaded file. Its *stages* are those of
dondoc's pipeline — ingest (read the file), repair (fix OCR errors), extract (find tasks,
deadlines, owners …) — and then ``store`` (save the draft). The upload page polls the job with
HTMX and shows the stages as they finish; at the end it links to the review screen. Jobs live in
memory (``app.state.upload_jobs``): they only report progress, the result is the stored draft.
"""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from fastapi import Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session, sessionmaker

from dondoc.errors import DondocError
from dondoc.store import repo
from dondoc.store.models import User
from dondoc.web.pages.common import page_router, render, require

router = page_router()

STAGES = (
    ("ingest", "Đọc tệp"),
    ("repair", "Sửa lỗi OCR"),
    ("extract", "Trích xuất nhiệm vụ"),
    ("store", "Lưu bản nháp"),
)
ALLOWED_SUFFIXES = {
    ".txt": "văn bản", ".md": "văn bản", ".pdf": "PDF", ".docx": "Word",
    ".png": "ảnh", ".jpg": "ảnh", ".jpeg": "ảnh", ".tif": "ảnh", ".tiff": "ảnh",
}
_JOBS_KEPT = 200


@dataclass
class UploadJob:
    id: str
    filename: str
    user_id: int
    stage: str = "ingest"
    done: list[str] = field(default_factory=list)
    error: str | None = None
    document_id: int | None = None
    tasks: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> bool:
        return self.document_id is not None or self.error is not None


def _jobs(request: Request) -> dict[str, UploadJob]:
    state = request.app.state
    if not hasattr(state, "upload_jobs"):
        state.upload_jobs = {}
    jobs: dict[str, UploadJob] = state.upload_jobs
    return jobs


def max_upload_bytes(request: Request) -> int:
    settings = getattr(request.app.state, "settings", None)
    if settings is None:
        from dondoc.config import get_settings

        settings = get_settings()
    return int(settings.max_upload_bytes)


def run_pipeline(data: bytes, filename: str, on_stage: Any) -> dict[str, Any]:
    """ingest -> repair -> extract, calling ``on_stage(name)`` as each stage starts.

    Repair runs once: the repaired text is handed to ``extract`` with ``repair=False`` and the
    original text and edits are put back, which is what ``extract(..., repair=True)`` returns.
    """
    from dondoc.stages.extract import extract
    from dondoc.stages.ingest import ingest_bytes
    from dondoc.stages.repair import repair_text

    on_stage("ingest")
    ingested = ingest_bytes(data, name=filename)
    on_stage("repair")
    rep = repair_text(ingested.text)
    on_stage("extract")
    result = extract(dataclasses.replace(ingested, text=rep.text), repair=False)
    result["original_text"] = ingested.text
    result["edits"] = [e.to_json() for e in rep.edits]
    result["source"] = ingested.source_json()
    return result


def _work(maker: sessionmaker[Session], job: UploadJob, data: bytes) -> None:
    def on_stage(name: str) -> None:
        if job.stage != name:
            job.done.append(job.stage)
        job.stage = name

    try:
        extraction = run_pipeline(data, job.filename, on_stage)
        on_stage("store")
        with maker() as s:
            user = s.get(User, job.user_id)
            doc = repo.create_document(s, extraction, filename=job.filename, data=data, user=user)
            s.commit()
            job.tasks = len(extraction.get("tasks") or [])
            job.done.append("store")
            job.document_id = doc.id
    except DondocError as exc:
        job.error = f"Không xử lý được tệp: {exc.message}"
    except Exception:  # the page must say something, whatever went wrong
        import logging

        logging.getLogger(__name__).exception("upload pipeline failed for %s", job.filename)
        job.error = "Có lỗi khi xử lý tệp này. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên."


@router.get("/upload")
def upload_page(request: Request, user: User = Depends(require("office", "admin"))) -> Response:
    ctx = {"active": "upload", "max_mb": max_upload_bytes(request) // (1024 * 1024),
           "suffixes": sorted(ALLOWED_SUFFIXES)}
    return render(request, "upload.html", ctx)


@router.post("/upload")
async def upload(
    request: Request, file: UploadFile = File(...), user: User = Depends(require("office", "admin"))
) -> Response:
    name = PurePath(file.filename or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise HTTPException(415, detail=f"Không nhận tệp “{name or '?'}”: chỉ nhận {', '.join(sorted(ALLOWED_SUFFIXES))}.")
    limit = max_upload_bytes(request)
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, detail=f"Tệp lớn hơn giới hạn {limit // (1024 * 1024)} MB. Hãy chia nhỏ hoặc nén lại.")
    if not data:
        raise HTTPException(400, detail="Tệp rỗng. Hãy chọn tệp có nội dung.")
    job = UploadJob(id=uuid.uuid4().hex, filename=name, user_id=user.id)
    jobs = _jobs(request)
    if len(jobs) >= _JOBS_KEPT:
        for old in sorted(jobs.values(), key=lambda j: j.started)[: len(jobs) - _JOBS_KEPT + 1]:
            jobs.pop(old.id, None)
    jobs[job.id] = job
    threading.Thread(
        target=_work, args=(request.app.state.sessionmaker, job, data), name=f"upload-{job.id[:8]}", daemon=True
    ).start()
    return render(request, "_upload_status.html", {"job": job, "stages": STAGES}, status_code=202)


@router.get("/upload/jobs/{job_id}")
def upload_status(request: Request, job_id: str, user: User = Depends(require("office", "admin"))) -> Response:
    job = _jobs(request).get(job_id)
    if job is None or (job.user_id != user.id and user.role != "admin"):
        raise HTTPException(404, detail="Không thấy lượt tải lên này (máy chủ có thể đã khởi động lại). Hãy tải lại tệp.")
    # Once finished, the fragment has no hx-trigger any more, so the polling stops by itself.
    return render(request, "_upload_status.html", {"job": job, "stages": STAGES})
