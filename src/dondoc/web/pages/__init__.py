"""Server-rendered pages (Jinja2 + HTMX). ``router`` is included by ``dondoc.web.app``."""

from fastapi import APIRouter

router = APIRouter()
