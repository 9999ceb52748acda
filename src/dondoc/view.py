"""A readable Rich view of one extraction (used by ``dondoc view`` and ``make run``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.tree import Tree

from dondoc.labels import KIND_NAMES, SECTION_KIND_NAMES

__all__ = ["render"]

def _period(p: dict[str, str] | None) -> str:
    return f"{p['start']} → {p['end']}" if p else "—"


def render(result: dict[str, Any], *, console: Console | None = None, out_path: str | None = None) -> None:
    console = console or Console()
    doc = result["document"]
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold cyan")
    head.add_column()
    rows = [
        ("Loại", KIND_NAMES.get(doc["kind"], doc["kind"])),
        ("Số", doc["number"] or "—"),
        ("Cơ quan ban hành", doc["issuer"] or "—"),
        ("Ngày ban hành", doc["issued_date"] or "—"),
        ("Trích yếu", doc["title"] or "—"),
        ("Ngày họp", doc["meeting_date"] or "—"),
        ("Kỳ đánh giá", _period(doc["reviewed_period"])),
        ("Kỳ kế hoạch", _period(doc["planned_period"])),
        ("Người ký", doc["signer"] or "—"),
        ("Sửa lỗi OCR", f"{sum(1 for e in result['edits'] if e.get('applied', True))} sửa, "
                        f"{sum(1 for e in result['edits'] if not e.get('applied', True))} gợi ý"),
    ]  # fmt: skip
    for k, v in rows:
        head.add_row(k, str(v))
    console.print(Panel(head, title="Văn bản", border_style="cyan"))

    tree = Tree("[bold]Cấu trúc[/bold]")
    nodes: dict[int, Tree] = {}
    for i, s in enumerate(result["sections"]):
        if s["number"] is None:
            continue
        parent = nodes.get(s["parent"]) if s["parent"] is not None else tree
        label = f"[bold]{s['number']}[/bold] {s['heading'][:80]} [dim]({SECTION_KIND_NAMES.get(s['kind'], s['kind'])})[/dim]"
        nodes[i] = (parent or tree).add(label)
    console.print(tree)

    t = Table(title=f"Nhiệm vụ ({len(result['tasks'])})", show_lines=False, expand=True)
    t.add_column("#", style="dim", width=4)
    t.add_column("Mục", width=5)
    t.add_column("Nhiệm vụ", ratio=5)
    t.add_column("Thời hạn", width=12)
    t.add_column("Chủ trì / phối hợp", ratio=2)
    for task in result["tasks"]:
        due = task["due"]
        due_s = "—" if due is None else (due["date"] or due["expression"] or "—") + ("" if due["explicit"] else " *")
        owners = "; ".join(f"{o['name']}{'' if o['role'] == 'lead' else ' (' + o['role'] + ')'}" for o in task["owners"])
        text = " ".join(task["text"].split())
        t.add_row(task["id"], task["section"] or "", text[:160] + ("…" if len(text) > 160 else ""), due_s, owners or "—")
    console.print(t)
    console.print("[dim]* thời hạn mặc định: cuối kỳ kế hoạch[/dim]")

    if result["indicators"]:
        it = Table(title=f"Chỉ tiêu ({len(result['indicators'])})")
        for col in ("Chỉ tiêu", "Giá trị", "Tăng/giảm %", "So sánh"):
            it.add_column(col)
        for ind in result["indicators"]:
            val = "—" if ind["value"] is None else f"{ind['value']:g} {ind['unit'] or ''}"
            chg = "—" if ind["change_pct"] is None else f"{ind['change_pct']:+g}%"
            cmp_ = "—" if ind["ratio"] is None else f"gấp {ind['ratio']:g} lần ({ind['ratio_base'] or ''})"
            it.add_row(ind["name"], val, chg, cmp_)
        console.print(it)
    if result["checks"]:
        for c in result["checks"]:
            mark = "[green]✓[/green]" if c["ok"] else "[red]✗[/red]"
            console.print(f"{mark} {c['message']}")
    if result["references"]:
        console.print("[bold]Văn bản dẫn chiếu:[/bold] " + ", ".join(r["number"] for r in result["references"]))
    if out_path:
        console.print(f"[dim]JSON đã ghi: {out_path}[/dim]")
