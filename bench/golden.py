"""Golden annotations and how an extraction is scored against them.

A *golden* file (``tests/data/golden/*.json``, format in ``tests/data/golden/README.md``) is a hand
annotation of one document in ``tests/data/docs/``. Items are anchored by a *quote*: an exact
substring of the document as ingested (the ``original_text`` of CONTRACTS.md), optionally with an
``occurrence`` (1-based) when the words occur more than once. A quote's *anchor* is the offset of its
first character in the original text.

Scoring (``score``):

- tasks: a gold task matches a predicted task whose ``[start, end)`` (mapped back to the original
  text) contains the gold anchor; one-to-one, greedy in the order of the gold anchors, preferring the
  predicted task that starts closest before the anchor. Precision counts predicted tasks inside the
  golden ``scope`` only (the whole document when there is no scope).
- deadline accuracy: over matched tasks, predicted ``due.date`` equals the gold ``due`` (null == null).
- owner accuracy: over matched tasks, the sets of lead owners are equal after normalisation
  (NFC, casefold, whitespace collapsed, surrounding punctuation dropped).
- indicators: a gold indicator matches the unused predicted indicator whose span overlaps the gold
  quote most; accuracy needs value, unit and change_pct all right.
- references: recall of gold numbers (normalised) among predicted numbers; date accuracy among found.
- document: share of the golden ``document`` fields the prediction reproduces.

Offsets of an extraction WITH repair index the repaired ``text``; ``to_original`` maps them back
through the ``edits`` list (start/end index ``original_text``; an edit with ``applied: false`` did
not change the text). A position inside a replacement maps to the start of the edit's original
range for span starts and to its end for span ends, so a mapped span never shrinks. A text on disk
typed with combining marks is ingested composed to NFC, hence shorter; ``score`` maps the
extraction's offsets back to the text on disk (``composed_offsets``), where the quotes are found.

This module is importable by tests (``from bench.golden import ...``) and uses only the stdlib.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "DOC_FIELDS",
    "GOLDEN_DIR",
    "REPO_ROOT",
    "composed_offsets",
    "golden_paths",
    "load_doc_text",
    "load_golden",
    "locate",
    "map_offset",
    "map_span",
    "norm_name",
    "norm_number",
    "scope_range",
    "score",
    "to_original",
    "validate_golden",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = REPO_ROOT / "tests" / "data" / "golden"
DOC_FIELDS = (
    "kind",
    "number",
    "issuer",
    "issued_date",
    "signer",
    "meeting_date",
    "planned_period",
    "reviewed_period",
)
KINDS = {
    "ket_luan",
    "nghi_quyet",
    "chi_thi",
    "ke_hoach",
    "quyet_dinh",
    "thong_bao",
    "cong_van",
    "bao_cao",
    "other",
}


# ---------------------------------------------------------------- loading


def golden_paths(directory: Path = GOLDEN_DIR) -> list[Path]:
    """Every golden JSON file, sorted by name."""
    return sorted(directory.glob("*.json"))


def load_golden(path: str | Path) -> dict[str, Any]:
    """Read one golden file; ``doc`` stays relative to the repository root."""
    with open(path, encoding="utf-8") as fh:
        gold: dict[str, Any] = json.load(fh)
    gold.setdefault("tasks", [])
    gold.setdefault("indicators", [])
    gold.setdefault("references", [])
    gold.setdefault("document", {})
    gold["_path"] = str(path)
    return gold


def load_doc_text(gold: Mapping[str, Any]) -> str:
    """The document text exactly as ingestion decodes it (UTF-8, BOM dropped, line ends kept)."""
    return (REPO_ROOT / gold["doc"]).read_bytes().decode("utf-8-sig")


# ---------------------------------------------------------------- quotes


def _quote_pattern(quote: str) -> re.Pattern[str]:
    # Quotes are written with "\n"; gazette copies may have CRLF line ends.
    parts = [re.escape(p) for p in quote.split("\n")]
    return re.compile(r"\r?\n".join(parts))


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """``[start, end)`` of the ``occurrence``-th (1-based) match of ``quote`` in ``text``, or None."""
    if not quote:
        return None
    for i, m in enumerate(_quote_pattern(quote).finditer(text), start=1):
        if i == occurrence:
            return m.start(), m.end()
    return None


def count_quote(text: str, quote: str) -> int:
    """How many times ``quote`` occurs in ``text`` (non-overlapping)."""
    return sum(1 for _ in _quote_pattern(quote).finditer(text))


def _item_span(text: str, item: Mapping[str, Any]) -> tuple[int, int] | None:
    return locate(text, item["quote"], int(item.get("occurrence", 1)))


def scope_range(gold: Mapping[str, Any], text: str) -> tuple[int, int]:
    """The part of ``text`` the golden file covers: ``[start of quote_start, end of quote_end)``, or
    ``[start, end)`` when the scope gives offsets (a passage of ``bench.recall_audit``)."""
    scope = gold.get("scope")
    if not scope:
        return 0, len(text)
    if "start" in scope:
        return int(scope["start"]), int(scope["end"])
    s = locate(text, scope["quote_start"], int(scope.get("occurrence_start", 1)))
    e = locate(text, scope["quote_end"], int(scope.get("occurrence_end", 1)))
    if s is None or e is None:
        raise ValueError(f"scope quotes not found in {gold.get('doc')}")
    return s[0], e[1]


# ---------------------------------------------------------------- validation


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_period(where: str, value: Any, errors: list[str]) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        errors.append(f"{where}: must be null or {{start, end}}")
        return
    if not (_is_date(value["start"]) and _is_date(value["end"])) or value["start"] > value["end"]:
        errors.append(f"{where}: bad dates {value}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_ITEM_MARKER_RE = re.compile(r"\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.|[-+•])\s")


def validate_golden(gold: Mapping[str, Any], text: str) -> list[str]:
    """Every problem with one golden file (empty when it is sound)."""
    errors: list[str] = []
    for key, typ in (("doc", str), ("origin", str), ("held_out", bool), ("tuned", bool), ("kind", str)):
        if not isinstance(gold.get(key), typ):
            errors.append(f"{key}: missing or not {typ.__name__}")
    if gold.get("held_out") and gold.get("tuned"):
        errors.append("a held-out document cannot be tuned on")
    if gold.get("kind") not in KINDS:
        errors.append(f"kind {gold.get('kind')!r} is not one of {sorted(KINDS)}")
    doc = gold.get("document", {})
    unknown = set(doc) - set(DOC_FIELDS)
    if unknown:
        errors.append(f"document: unknown fields {sorted(unknown)}")
    if doc.get("kind") not in (None, gold.get("kind")):
        errors.append("document.kind differs from kind")
    for key in ("issued_date", "meeting_date"):
        if doc.get(key) is not None and not _is_date(doc[key]):
            errors.append(f"document.{key}: bad date {doc[key]!r}")
    for key in ("planned_period", "reviewed_period"):
        _check_period(f"document.{key}", doc.get(key), errors)
    try:
        lo, hi = scope_range(gold, text)
    except ValueError as exc:
        errors.append(str(exc))
        lo, hi = 0, len(text)

    anchors: list[int] = []
    for kind in ("tasks", "indicators"):
        for i, item in enumerate(gold.get(kind, [])):
            where = f"{kind}[{i}] {item.get('quote', '')[:40]!r}"
            quote = item.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                errors.append(f"{where}: empty quote")
                continue
            if kind == "tasks" and _ITEM_MARKER_RE.match(quote):
                # The anchor is the quote's first character: the clause, not its number ("a) …").
                errors.append(f"{where}: starts with its item's marker; start the quote at the clause")
            n = count_quote(text, quote)
            occ = int(item.get("occurrence", 1))
            if n == 0:
                errors.append(f"{where}: quote not in the document text")
                continue
            if n > 1 and "occurrence" not in item:
                errors.append(f'{where}: quote occurs {n} times; add "occurrence"')
            if occ > n or occ < 1:
                errors.append(f"{where}: occurrence {occ} but only {n} matches")
                continue
            span = _item_span(text, item)
            assert span is not None
            if not lo <= span[0] < hi:
                errors.append(f"{where}: outside the scope")
            if kind == "tasks":
                anchors.append(span[0])
                words = len(quote.split())
                if not 3 <= words <= 20:
                    errors.append(f"{where}: quote has {words} words (want about 5-15)")
                if item.get("due") is not None and not _is_date(item["due"]):
                    errors.append(f"{where}: bad due {item['due']!r}")
                if not isinstance(item.get("explicit"), bool):
                    errors.append(f"{where}: explicit must be a bool")
                if item.get("due") is None and item.get("explicit"):
                    errors.append(f"{where}: explicit without a due date")
                period = doc.get("planned_period")
                if period and not item.get("explicit") and item.get("due") != period["end"]:
                    errors.append(f"{where}: implicit due must be the planned period's end")
                for o in item.get("owners", []):
                    if not isinstance(o.get("name"), str) or o.get("role") not in ("lead", "support"):
                        errors.append(f"{where}: bad owner {o}")
                tgt = item.get("target")
                if tgt is not None and (not _is_number(tgt.get("quantity")) or not isinstance(tgt.get("unit"), str)):
                    errors.append(f"{where}: bad target {tgt}")
            else:
                if not isinstance(item.get("name"), str):
                    errors.append(f"{where}: indicator needs a name")
                for key in ("value", "change_pct", "ratio", "base_value"):
                    if item.get(key) is not None and not _is_number(item[key]):
                        errors.append(f"{where}: {key} must be a number or null")
    if len(set(anchors)) != len(anchors):
        errors.append("two tasks share one anchor")
    for i, ref in enumerate(gold.get("references", [])):
        if not isinstance(ref.get("number"), str) or not ref["number"]:
            errors.append(f"references[{i}]: number missing")
        elif norm_number(ref["number"]) not in norm_number(text):
            errors.append(f"references[{i}]: {ref['number']!r} not in the document text")
        if ref.get("date") is not None and not _is_date(ref["date"]):
            errors.append(f"references[{i}]: bad date {ref['date']!r}")
    return errors


# ---------------------------------------------------------------- offsets


def _applied_edits(edits: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted((e for e in edits if e.get("applied", True) is not False), key=lambda e: (e["start"], e["end"]))


def map_offset(pos: int, edits: Sequence[Mapping[str, Any]], *, side: str = "start") -> int:
    """Map an offset in the repaired text back to the original text.

    Args:
        pos: offset into the repaired text.
        edits: the repair edits; ``start``/``end`` index the original text, ``replacement`` is what
            stands there in the repaired text. Edits with ``applied: false`` are ignored.
        side: ``"start"`` maps a position inside a replacement to the edit's original start,
            ``"end"`` to its original end (so that mapped spans never shrink).

    Returns:
        The offset into the original text.
    """
    delta = 0  # repaired offset - original offset, before the current edit
    for e in _applied_edits(edits):
        r_start = e["start"] + delta
        r_end = r_start + len(e["replacement"])
        if side == "start":
            if pos < r_start:
                break
            if pos < r_end:  # also at r_start of a non-empty replacement
                return int(e["start"])
        else:
            if pos <= r_start:
                break
            if pos <= r_end:
                return int(e["end"])
        delta += len(e["replacement"]) - (e["end"] - e["start"])
    return pos - delta


def map_span(start: int, end: int, edits: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """Map a half-open span of the repaired text to the original text."""
    return map_offset(start, edits, side="start"), map_offset(end, edits, side="end")


def to_original(pred: Mapping[str, Any], key: str, doc_text: str | None = None) -> list[tuple[int, int]]:
    """The spans of ``pred[key]`` items in original-text offsets; with ``doc_text``, in its offsets
    when the extraction ingested it composed to NFC (``composed_offsets``)."""
    edits = pred.get("edits") or []
    spans = []
    for item in pred.get(key) or []:
        s, e = int(item["start"]), int(item["end"])
        spans.append(map_span(s, e, edits) if edits else (s, e))
    ingested = pred.get("original_text")
    if doc_text is None or ingested is None or ingested == doc_text:
        return spans
    table = composed_offsets(doc_text, ingested)
    if table is None:
        return spans
    return [(table[min(s, len(table) - 1)], table[min(e, len(table) - 1)]) for s, e in spans]


def composed_offsets(raw: str, composed: str) -> list[int] | None:
    """For each offset of ``composed`` (``raw`` composed to NFC, as ingestion does), the offset of
    ``raw`` it comes from (one more entry for the end); None when ``composed`` is not that.

    Ingestion composes "a" + U+0301 to "á", so a text typed with combining marks is shorter as
    ingested than on disk, and an extraction's offsets run ahead of the quotes' from there on.
    A starter and the combining marks after it compose only with each other, so each such cluster
    is composed alone and its offsets map to the cluster's start."""
    if unicodedata.normalize("NFC", raw) != composed:
        return None
    table: list[int] = []
    i = 0
    while i < len(raw):
        j = i + 1
        while j < len(raw) and unicodedata.combining(raw[j]):
            j += 1
        table += [i] * len(unicodedata.normalize("NFC", raw[i:j]))
        i = j
    table.append(len(raw))
    return table if len(table) == len(composed) + 1 else None


# ---------------------------------------------------------------- normalisation


# Old ("hoá", "uỷ") and new ("hóa", "ủy") tone placement name the same body.
_TONE_PAIRS = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_TONE_RE = re.compile("(" + "|".join(_TONE_PAIRS) + r")(?!\w)")
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc"}
_ABBR_RE = re.compile(r"\b(" + "|".join(_ABBREVIATIONS) + r")\b")


def norm_name(value: Any) -> str:
    """Normalise a name or unit: NFC, casefold, tone placement, UBND/HĐND/MTTQ, spaces, end punctuation."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).casefold()
    s = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], s)
    s = _ABBR_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], s)
    s = re.sub(r"\s+", " ", s).strip(" \t\r\n.,;:-–\"'“”")
    return s


def norm_number(value: str) -> str:
    """Normalise a document number ("09-KL/TU", "Số: 122/NQ-CP") for comparison."""
    s = unicodedata.normalize("NFC", value).casefold()
    return re.sub(r"\s+", "", s).replace("qd", "qđ").replace("nd-", "nđ-")


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _due_date(task: Mapping[str, Any]) -> str | None:
    due = task.get("due")
    if isinstance(due, Mapping):
        return due.get("date")
    if isinstance(due, str):
        return due
    return None


def _leads(owners: Iterable[Mapping[str, Any]] | None) -> set[str]:
    return {norm_name(o.get("name")) for o in owners or [] if o.get("role", "lead") == "lead"}


def _field_eq(gold: Any, pred: Any) -> bool:
    if isinstance(gold, Mapping) or isinstance(pred, Mapping):
        if not (isinstance(gold, Mapping) and isinstance(pred, Mapping)):
            return False
        return gold.get("start") == pred.get("start") and gold.get("end") == pred.get("end")
    if gold is None or pred is None:
        return gold is None and pred is None
    return norm_name(gold) == norm_name(pred)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- scoring


def score(pred: Mapping[str, Any], gold: Mapping[str, Any], doc_text: str) -> dict[str, Any]:
    """Score one extraction (the JSON of CONTRACTS.md) against one golden annotation.

    Args:
        pred: the extraction; its spans index ``pred["text"]`` and are mapped back through
            ``pred["edits"]`` to the original text.
        gold: a golden annotation (``load_golden``).
        doc_text: the original text the golden quotes index (as ingested).

    Returns:
        Counts (``tasks_gold``, ``tasks_pred``, ``tasks_matched``, ...), rates (``task_precision``,
        ``task_recall``, ``task_f1``, ``deadline_accuracy``, ``owner_accuracy``, ``indicator_recall``,
        ``indicator_accuracy``, ``reference_recall``, ``document_accuracy``; None when undefined)
        and ``details`` (missed quotes, wrong deadlines...) for error analysis.
    """
    lo, hi = scope_range(gold, doc_text)
    details: dict[str, list[Any]] = {
        "missed_tasks": [],
        "spurious_tasks": [],
        "wrong_due": [],
        "wrong_owners": [],
        "missed_indicators": [],
        "wrong_indicators": [],
        "missed_references": [],
        "wrong_document": [],
    }
    out: dict[str, Any] = {"text_mismatch": pred.get("original_text", doc_text) != doc_text}

    # tasks
    p_tasks = list(pred.get("tasks") or [])
    p_spans = to_original(pred, "tasks", doc_text)
    in_scope = [i for i, (s, _e) in enumerate(p_spans) if lo <= s < hi]
    gold_tasks = []
    for g in gold.get("tasks", []):
        span = _item_span(doc_text, g)
        if span is None:
            raise ValueError(f"gold quote not in text: {g['quote']!r}")
        gold_tasks.append((span[0], g))
    gold_tasks.sort(key=lambda x: x[0])
    used: set[int] = set()
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
    for anchor, g in gold_tasks:
        best = None
        for i in in_scope:
            s, e = p_spans[i]
            if i in used or not s <= anchor < max(e, s + 1):
                continue
            key = (-s, e)  # closest start before the anchor, then the shortest
            if best is None or key < best[0]:
                best = (key, i)
        if best is None:
            details["missed_tasks"].append(g["quote"])
            continue
        used.add(best[1])
        pairs.append((g, p_tasks[best[1]]))
    for i in in_scope:
        if i not in used:
            details["spurious_tasks"].append((p_tasks[i].get("text") or "")[:80])
    n_gold, n_pred, n_match = len(gold_tasks), len(in_scope), len(pairs)
    due_ok = owner_ok = 0
    for g, p in pairs:
        if _due_date(p) == g.get("due"):
            due_ok += 1
        else:
            details["wrong_due"].append({"quote": g["quote"], "gold": g.get("due"), "pred": _due_date(p)})
        if _leads(p.get("owners")) == _leads(g.get("owners")):
            owner_ok += 1
        else:
            details["wrong_owners"].append(
                {
                    "quote": g["quote"],
                    "gold": sorted(_leads(g.get("owners"))),
                    "pred": sorted(_leads(p.get("owners"))),
                }
            )
    p_ = _ratio(n_match, n_pred)
    r_ = _ratio(n_match, n_gold)
    out.update(
        tasks_gold=n_gold,
        tasks_pred=n_pred,
        tasks_matched=n_match,
        task_precision=p_,
        task_recall=r_,
        task_f1=_f1(p_, r_),
        deadline_correct=due_ok,
        deadline_accuracy=_ratio(due_ok, n_match),
        owner_correct=owner_ok,
        owner_accuracy=_ratio(owner_ok, n_match),
    )

    # indicators
    p_inds = list(pred.get("indicators") or [])
    i_spans = to_original(pred, "indicators", doc_text)
    used = set()
    ind_match = ind_ok = 0
    for g in gold.get("indicators", []):
        span = _item_span(doc_text, g)
        if span is None:
            raise ValueError(f"gold quote not in text: {g['quote']!r}")
        gs, ge = span
        best_i, best_ov = None, 0
        for i, (s, e) in enumerate(i_spans):
            ov = min(e, ge) - max(s, gs)
            if i not in used and ov > best_ov:
                best_i, best_ov = i, ov
        if best_i is None:
            details["missed_indicators"].append(g["quote"])
            continue
        used.add(best_i)
        ind_match += 1
        p = p_inds[best_i]
        ok = (
            _num_eq(p.get("value"), g.get("value"))
            and norm_name(p.get("unit")) == norm_name(g.get("unit"))
            and _num_eq(p.get("change_pct"), g.get("change_pct"))
        )
        if ok:
            ind_ok += 1
        else:
            details["wrong_indicators"].append(
                {
                    "quote": g["quote"],
                    "gold": [g.get("value"), g.get("unit"), g.get("change_pct")],
                    "pred": [p.get("value"), p.get("unit"), p.get("change_pct")],
                }
            )
    n_ind = len(gold.get("indicators", []))
    out.update(
        indicators_gold=n_ind,
        indicators_pred=len(p_inds),
        indicators_matched=ind_match,
        indicators_correct=ind_ok,
        indicator_recall=_ratio(ind_match, n_ind),
        indicator_accuracy=_ratio(ind_ok, ind_match),
    )

    # references
    pred_refs: dict[str, Any] = {}
    for r in pred.get("references") or []:
        if r.get("number"):
            pred_refs.setdefault(norm_number(r["number"]), r.get("date"))
    ref_found = ref_date_ok = 0
    for g in gold.get("references", []):
        key = norm_number(g["number"])
        if key in pred_refs:
            ref_found += 1
            ref_date_ok += pred_refs[key] == g.get("date")
        else:
            details["missed_references"].append(g["number"])
    n_ref = len(gold.get("references", []))
    out.update(
        references_gold=n_ref,
        references_found=ref_found,
        reference_recall=_ratio(ref_found, n_ref),
        reference_date_accuracy=_ratio(ref_date_ok, ref_found),
    )

    # document fields
    p_doc = pred.get("document") or {}
    doc_ok = 0
    g_doc = gold.get("document", {})
    for key in DOC_FIELDS:
        if key not in g_doc:
            continue
        if _field_eq(g_doc[key], p_doc.get(key)):
            doc_ok += 1
        else:
            details["wrong_document"].append({"field": key, "gold": g_doc[key], "pred": p_doc.get(key)})
    n_doc = sum(1 for k in DOC_FIELDS if k in g_doc)
    out.update(document_fields=n_doc, document_correct=doc_ok, document_accuracy=_ratio(doc_ok, n_doc))
    out["details"] = details
    return out
