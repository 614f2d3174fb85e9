"""Outside-domain Russian text (Debian's fortunes-ru, LibreOffice help): read the same way every time,
and skipped, not an error, when its package is not installed."""

from __future__ import annotations

import dataclasses

import core.evaluation.outside_text as outside


def test_fortunes_and_help_pages_read_in_order_and_missing_packages_skip(tmp_path, monkeypatch):
    fortunes, help_pages = tmp_path / "fortunes", tmp_path / "help"
    fortunes.mkdir(), (help_pages / "sub").mkdir(parents=True)
    (fortunes / "b").write_text("Второй.\n%\nТретий.\n", encoding="utf-8")
    (fortunes / "a").write_text("Первый.\n\t\t-- Автор\n%\n", encoding="utf-8")
    (fortunes / "a.dat").write_bytes(b"\x00\x01")  # strfile's index, not text
    (help_pages / "sub" / "page.html").write_text(
        '<html><body><div id="Contents">Меню навигации</div><div id="DisplayArea"><h1>Вставка</h1><br>'
        "<p>Выберите <b>Файл</b>.</p><script>var x;</script></div><p>Подвал</p></body></html>", encoding="utf-8")
    table = {"fortunes-ru": dataclasses.replace(outside.OUTSIDE_TEXTS["fortunes-ru"], folder=str(fortunes)),
             "libreoffice-help-ru": dataclasses.replace(outside.OUTSIDE_TEXTS["libreoffice-help-ru"], folder=str(help_pages))}
    monkeypatch.setattr(outside, "OUTSIDE_TEXTS", table)
    assert outside.outside_text("fortunes-ru", 1000) == "Первый.\n\t\t-- Автор\n\nВторой.\n\nТретий."
    assert outside.outside_text("fortunes-ru", 10) == "Первый.\n\t\t"
    assert outside.outside_text("libreoffice-help-ru", 1000) == "Вставка\nВыберите\nФайл\n."
    table["fortunes-ru"] = dataclasses.replace(table["fortunes-ru"], folder=str(tmp_path / "absent"))
    assert outside.outside_text("fortunes-ru", 1000) is None
