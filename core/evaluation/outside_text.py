"""Russian text from outside the corpus's domain, to check that gains generalise: two Debian packages that
the default corpus must never include (issue 16). Each is read the same way every time (files in sorted
order, the first `max_chars` characters), and a package that is not installed is skipped, not an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


class _Text(HTMLParser):
    """The visible text of a LibreOffice help page's article (the element with id DisplayArea; the
    navigation around it repeats on every page), scripts and styles left out."""

    def __init__(self):
        super().__init__()
        self.parts, self._depth, self._skip = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if self._depth or dict(attrs).get("id") == "DisplayArea":
            self._depth += tag not in VOID_TAGS
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._depth -= bool(self._depth) and tag not in VOID_TAGS
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if self._depth and not self._skip and data.strip():
            self.parts.append(" ".join(data.split()))


VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _fortunes(folder: Path) -> Iterator[str]:
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith((".dat", ".u8"))):
        for fortune in re.split(r"^%$", path.read_text(encoding="utf-8", errors="replace"), flags=re.M):
            if fortune.strip():
                yield fortune.strip()


def _html_pages(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*.html")):
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        if parser.parts:
            yield "\n".join(parser.parts)


@dataclass(frozen=True)
class OutsideText:
    package: str                        # the Debian package that ships it (apt install …)
    folder: str
    documents: Callable[[Path], Iterator[str]]


OUTSIDE_TEXTS = {
    "fortunes-ru": OutsideText("fortunes-ru", "/usr/share/games/fortunes/ru", _fortunes),
    "libreoffice-help-ru": OutsideText("libreoffice-help-ru", "/usr/share/libreoffice/help/ru/text/swriter", _html_pages),
}


def outside_text(name: str, max_chars: int) -> str | None:
    """The first `max_chars` characters of the named text (documents joined by blank lines), or None when
    its package is not installed."""
    source = OUTSIDE_TEXTS[name]
    folder = Path(source.folder)
    if not folder.is_dir():
        return None
    out, size = [], 0
    for document in source.documents(folder):
        out.append(document)
        size += len(document) + 2
        if size >= max_chars:
            break
    return "\n\n".join(out)[:max_chars] or None
