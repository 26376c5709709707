"""Viewers read, editors write: the write functions themselves refuse without an editor."""

from __future__ import annotations

import pytest

from dashboard.access import Editor, editor_from_login, editor_from_token, require_editor
from dashboard.errors import AccessError
from dashboard.filters import Filters
from dashboard.models import Article
from dashboard.pipeline import ingest_paths, ingest_uploads
from dashboard.settings import DATA_DIR
from dashboard.store import query_sites, save_article

from .conftest import EDITOR

ARTICLE = Article(id="a1", source="a.txt", text="Russia keeps an air base in the town of Kant.")


@pytest.mark.parametrize("who", [None, "admin", {"name": "x", "via": "token"}, True])
def test_writes_without_an_editor_are_refused(engine, resources, who):
    with pytest.raises(AccessError, match="read-only"):
        save_article(engine, ARTICLE, [], editor=who)
    with pytest.raises(AccessError):
        ingest_paths(engine, [DATA_DIR / "articles"], resources, editor=who)
    with pytest.raises(AccessError):
        ingest_uploads(engine, [("a.txt", b"Some text about bases and more words.", {})],
                       resources, editor=who)
    assert query_sites(engine, Filters()) == []


def test_an_editor_cannot_be_made_from_nothing():
    with pytest.raises(AccessError):
        Editor("", "token")
    with pytest.raises(AccessError):
        Editor("mallory", "query-parameter")
    assert require_editor(EDITOR) is EDITOR


@pytest.mark.parametrize(("given", "expected", "ok"), [
    ("s3cret", "s3cret", True), ("s3cre", "s3cret", False), ("", "s3cret", False),
    ("s3cret", "", False), ("", "", False), ("S3CRET", "s3cret", False),
])
def test_editor_token(given, expected, ok):
    assert (editor_from_token(given, expected) is not None) is ok


@pytest.mark.parametrize(("email", "allowed", "ok"), [
    ("a@example.org", (), True), ("A@Example.org", ("a@example.org",), True),
    ("b@example.org", ("a@example.org",), False), (None, (), False), ("", (), False),
])
def test_editor_from_login(email, allowed, ok):
    editor = editor_from_login(email, allowed)
    assert (editor is not None) is ok
    if editor:
        assert editor.via == "oidc" and editor.name == email
