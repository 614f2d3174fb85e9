"""A report as a list of blocks, rendered to Markdown and to a self-contained HTML page."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Image:
    path: str  # relative to the report
    alt: str


Block = Heading | Paragraph | Table | Image


def to_markdown(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"{'#' * b.level} {b.text}")
        elif isinstance(b, Paragraph):
            out.append(b.text)
        elif isinstance(b, Table):
            out.append("| " + " | ".join(b.header) + " |")
            out.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(b.header))) + "|")
            out += ["| " + " | ".join(row) + " |" for row in b.rows]
        elif isinstance(b, Image):
            out.append(f"![{b.alt}]({b.path})")
        out.append("")
    return "\n".join(out)


_CSS = ("body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#222;line-height:1.45}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 10px}"
        "td:not(:first-child),th:not(:first-child){text-align:right}th{background:#f3f5f8}img{max-width:100%}")


def _inline(text: str) -> str:
    """Escape, then the two bits of Markdown the report uses: **bold** and `code`."""
    escaped = html.escape(text)
    for mark, tag in (("**", "strong"), ("`", "code")):
        parts = escaped.split(mark)
        escaped = "".join(p if i % 2 == 0 else f"<{tag}>{p}</{tag}>" for i, p in enumerate(parts))
    return escaped


def to_html(blocks: list[Block], title: str) -> str:
    out = [f"<!doctype html><html lang='en'><meta charset='utf-8'><title>{html.escape(title)}</title>"
           f"<style>{_CSS}</style><body>"]
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"<h{b.level}>{_inline(b.text)}</h{b.level}>")
        elif isinstance(b, Paragraph):
            out.append(f"<p>{_inline(b.text)}</p>")
        elif isinstance(b, Table):
            out.append("<table><tr>" + "".join(f"<th>{_inline(h)}</th>" for h in b.header) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in b.rows]
            out.append("</table>")
        elif isinstance(b, Image):
            out.append(f"<p><img src='{html.escape(b.path)}' alt='{html.escape(b.alt)}'></p>")
    out.append("</body></html>")
    return "\n".join(out)


def write(blocks: list[Block], folder: Path, title: str) -> tuple[Path, Path]:
    md, page = folder / "report.md", folder / "report.html"
    md.write_text(to_markdown(blocks), encoding="utf-8")
    page.write_text(to_html(blocks, title), encoding="utf-8")
    return md, page
