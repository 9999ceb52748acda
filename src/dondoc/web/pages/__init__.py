"""Server-rendered pages (Jinja2 + HTMX). ``router`` is included by ``dondoc.web.app``.

One small module per screen: ``auth`` (login, logout, home), ``upload`` (upload and pipeline
progress), ``review`` (check and confirm a draft), ``tasks`` (list, task page, reports of
progress, extensions), ``dashboard`` (leaders' overview, explanation requests, reports page).
"""

from fastapi import APIRouter

from dondoc.web.pages import auth, dashboard, page_image, review, tasks, upload

router = APIRouter()
for _module in (auth, upload, review, page_image, tasks, dashboard):
    router.include_router(_module.router)

__all__ = ["router"]
