"""Reads and writes of the tracking service: functions that take a ``Session``.

The caller owns the unit of work: these functions ``flush`` (so ids exist and conflicts surface
here) but never ``commit``. Every write records an ``AuditLog`` row through ``audit``.

*Visibility*: ``admin``, ``office`` and ``leader`` users see everything; a ``unit`` user sees only
tasks that its unit owns (any owner role) of confirmed documents. Anything invisible is reported
as ``NotFoundError``, the same as a missing row, so that ids of other units' tasks leak nothing.
*Permissions* (who may write what) raise ``PermissionDeniedError`` (HTTP 403):

==========================  =====  ======  ======  ======
write                       admin  office  leader  unit
==========================  =====  ======  ======  ======
upload / confirm document   yes    yes     no      no
edit task (all fields)      yes    yes     no      progress, status
progress report             yes    yes     no      own tasks
request extension           yes    yes     no      own tasks
decide extension            yes    no      yes     no
explanation request         yes    yes     yes     answer, own unit
users, units                yes    no      no      no
==========================  =====  ======  ======  ======
"""

from __future__ import annotations

from dondoc.store.mapping import task_to_json
from dondoc.store.repo._access import PermissionDeniedError, audit, list_audit
from dondoc.store.repo._cache import cached_read, data_version
from dondoc.store.repo._documents import (
    add_tasks,
    confirm_document,
    create_document,
    get_document,
    get_indicator,
    group_indicators,
    list_documents,
    list_indicators,
)
from dondoc.store.repo._queries import TASK_SORTS, bucket_condition, list_tasks, list_tasks_json
from dondoc.store.repo._requests import (
    answer_explanation,
    create_explanation,
    decide_extension,
    list_explanations,
    list_extensions,
    request_extension,
)
from dondoc.store.repo._stats import stats
from dondoc.store.repo._tasks import add_report, get_attachment, get_task, list_reports, update_task
from dondoc.store.repo._units import (
    create_unit,
    ensure_seeded,
    find_or_create_unit,
    list_units,
    seed_units,
    unit_tree,
    update_unit,
)
from dondoc.store.repo._users import authenticate, create_user, get_user, list_users, update_user

__all__ = [
    "TASK_SORTS",
    "PermissionDeniedError",
    "add_report",
    "add_tasks",
    "answer_explanation",
    "audit",
    "authenticate",
    "bucket_condition",
    "cached_read",
    "confirm_document",
    "create_document",
    "create_explanation",
    "create_unit",
    "create_user",
    "data_version",
    "decide_extension",
    "ensure_seeded",
    "find_or_create_unit",
    "get_attachment",
    "get_document",
    "get_indicator",
    "get_task",
    "get_user",
    "group_indicators",
    "list_audit",
    "list_documents",
    "list_explanations",
    "list_extensions",
    "list_indicators",
    "list_reports",
    "list_tasks",
    "list_tasks_json",
    "list_units",
    "list_users",
    "request_extension",
    "seed_units",
    "stats",
    "task_to_json",
    "unit_tree",
    "update_task",
    "update_unit",
    "update_user",
]
