import gzip
import json

import pytest

from core.corpus import corpus_files, iter_documents
from core.errors import CorpusError


def test_reads_text_gzip_and_jsonl_by_document(tmp_path):
    (tmp_path / "a.txt").write_text("Первый абзац.\nВторая строка.\n\n\nВторой абзац.\n", encoding="utf-8")
    with gzip.open(tmp_path / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("Сжатый текст.\n")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in ["Один", "Два"]) + "\n")
    files = corpus_files([str(tmp_path)])
    assert [f.name for f in files] == ["a.txt", "b.txt.gz", "c.jsonl"]
    docs = [d for f in files for d in iter_documents(f)]
    assert [d.text for d in docs] == ["Первый абзац.\nВторая строка.", "Второй абзац.", "Сжатый текст.",
                                      "Один", "Два"]
    assert docs[1].source.endswith("a.txt:5")


@pytest.mark.parametrize("name,content,message,where", [
    ("cp1251.txt", "Привет".encode("cp1251"), "not UTF-8", "cp1251.txt"),
    ("bin.txt", b"text\x00\x01\x02\n", "binary data", "bin.txt:1"),
    ("empty.txt", b"\n\n  \n", "holds no text", "empty.txt"),
    ("rows.jsonl", b'{"text": "ok"}\n{"body": "no field"}\n', "no 'text' field", "rows.jsonl:2"),
    ("broken.jsonl", b'{"text": "ok"}\n{"text": \n', "not valid JSON", "broken.jsonl:2"),
])
def test_bad_files_are_named_with_the_place_and_a_fix(tmp_path, name, content, message, where):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CorpusError) as info:
        list(iter_documents(path))
    assert message in str(info.value) and where in str(info.value) and "How to fix" in str(info.value)


def test_missing_paths_and_empty_folders_are_refused(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        corpus_files([str(tmp_path / "nope.txt")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no text files"):
        corpus_files([str(tmp_path / "empty")])
