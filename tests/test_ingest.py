"""Ingest: files in, article bodies and metadata out; bad files give clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.errors import ArticleError
from dashboard.ingest import list_article_files, read_article, read_upload
from dashboard.settings import DATA_DIR

from .conftest import TEST_DATA

SEEDS = DATA_DIR / "articles"


def test_read_article_uses_sidecar_metadata():
    article = read_article(SEEDS / "tsarizm-russian-presence-2019.txt")
    assert article.published == date(2019, 3, 26)
    assert article.date_basis == "metadata"
    assert article.title.startswith("Is Russia Pressuring")
    assert "Kadyrov" not in article.text and "Leave a Comment" not in article.text


def test_read_article_drops_reader_comments(tmp_path: Path):
    source = (SEEDS / "kyrgyzstan-installations-2023.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(source, encoding="utf-8")
    article = read_article(copy)
    assert "Saddam" not in article.text and "Iran" not in article.text
    assert "top of page" not in article.text
    # Without metadata the first comment's date bounds the publication date.
    assert article.published == date(2023, 5, 12)
    assert article.date_basis == "comments"


def test_read_article_reads_front_matter():
    article = read_article(TEST_DATA / "front_matter.md")
    assert article.title == "China expands its Djibouti base"
    assert article.url == "https://example.org/2023/03/15/djibouti"
    assert article.source == article.url
    assert article.published == date(2023, 3, 15)
    assert "---" not in article.text


@pytest.mark.parametrize(("header", "published"), [
    ('pubDate: "Thu, 17 Jul 2025 06:00:00 GMT"', date(2025, 7, 17)),
    ('fecha: "lunes 17 de noviembre de 2025"', date(2025, 11, 17)),
    ("Publish-Date: 2024-03-02", date(2024, 3, 2)),
])
def test_read_article_knows_other_front_matter_names(tmp_path: Path, header, published):
    page = tmp_path / "story.md"
    page.write_text(f"---\nheadline: Bases on alert\npublication: Gulf Wire\n{header}\n---\n\n"
                    "US troops at Camp Arifjan were told to shelter on Monday.\n", encoding="utf-8")
    article = read_article(page)
    assert (article.title, article.outlet, article.published) == ("Bases on alert", "Gulf Wire",
                                                                  published)
    assert article.date_basis == "metadata"


def test_read_article_extracts_html_without_comments():
    article = read_article(TEST_DATA / "hostile.html")
    assert "Incirlik" in article.text
    assert "A reader says" not in article.text
    assert article.published == date(2024, 2, 10)


def test_read_article_decodes_windows_1251():
    article = read_article(TEST_DATA / "cp1251.txt")
    assert "авиабаза" in article.text
    assert article.language == "ru"


def test_read_article_reads_a_pdf_text_layer():
    article = read_article(TEST_DATA / "kant_report.pdf")
    assert "air base in the town of Kant" in article.text
    assert article.language == "en"


@pytest.mark.parametrize(("raw", "name", "message"), [
    ((TEST_DATA / "scan_without_text.pdf").read_bytes(), "scan.pdf", "no text layer"),
    (b"<html>not a pdf</html>", "fake.pdf", "not a PDF"),
    (b"%PDF-1.4 broken", "broken.pdf", "PDF"),
    (b"\x00\x01\x02" * 100, "data.txt", "binary"),
    (b"", "empty.md", "empty"),
    (b"x" * (11 * 2**20), "huge.txt", "larger than the 10 MB limit"),
    (b"Some words here", "notes.docx", "unsupported file type"),
])
def test_read_upload_refuses_bad_input_clearly(raw, name, message):
    with pytest.raises(ArticleError, match=message):
        read_upload(raw, name)


def test_read_upload_keeps_the_metadata_typed_with_it():
    text = "Russia will expand the air base in the town of Kant, officials said on Tuesday."
    article = read_upload(text.encode("cp1251"), "pasted.txt",
                          {"title": "Kant", "url": "https://example.org/kant",
                           "published": date(2023, 5, 9)})
    assert (article.title, article.url, article.published) == (
        "Kant", "https://example.org/kant", date(2023, 5, 9))
    assert article.source == "https://example.org/kant"


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "empty"),
    ("binary.txt", "binary"),
    ("too_short.txt", "no article text"),
    ("no_article.html", "no article text"),
])
def test_read_article_rejects_bad_files(name, message):
    with pytest.raises(ArticleError, match=message):
        read_article(TEST_DATA / name)


def test_read_article_rejects_files_over_the_limit(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    with pytest.raises(ArticleError, match="MB limit"):
        read_article(path)


def test_read_article_rejects_unknown_types(tmp_path: Path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK")
    with pytest.raises(ArticleError, match="unsupported file type"):
        read_article(path)


def test_list_article_files_expands_folders_and_skips_sidecars():
    files = list(list_article_files([SEEDS]))
    assert [f.suffix for f in files] == [".txt", ".txt"]


def test_same_text_gets_the_same_id(tmp_path: Path):
    body = "Russia will develop its air base in the town of Kant, officials said on Monday."
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body + "\n\n", encoding="utf-8")
    assert read_article(tmp_path / "a.txt").id == read_article(tmp_path / "b.txt").id
