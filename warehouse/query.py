"""Read-only SQL on the warehouse, printed as a table."""

from __future__ import annotations

from pathlib import Path

from warehouse.load import connect


def run_query(data_dir: Path, sql: str, limit: int = 200) -> tuple[list[str], list[tuple]]:
    """Run `sql` on a read-only connection: any statement that writes fails."""
    con = connect(data_dir, read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchmany(limit) if cols else []
        return cols, rows
    finally:
        con.close()


def format_table(cols: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(v: object) -> str:
        s = "NULL" if v is None else str(v)
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [" | ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)), line]
    out += [" | ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
