"""Boilerplate: the article body stays, furniture, comments and related lists go."""

from __future__ import annotations

import pytest

from dashboard.boilerplate import clean_text, guess_title, is_furniture, is_section_end

BODY = ("Russia will develop its military installations in Kyrgyzstan, the Kremlin said on "
        "Monday after talks in Moscow between the two presidents and their delegations.\n")


@pytest.mark.parametrize("line", ["top of page", "1,107 views", "Share on Facebook",
                                  "Advertisement", "Image by Kremlin.ru", "bottom of page",
                                  "Read more: Why Armenia matters",
                                  "Related reading: Kidal one year on · The Gao handover",
                                  "MORE FROM THE DISPATCH: Al Dhafra's new hangars | Kuwait's "
                                  "Camp Buehring downsized",
                                  "Most read: Ramos family disputes | Ateneo wins",
                                  "Also on Pamir Gazette: Kant air base marks anniversary"])
def test_is_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["The official said: related issues matter.",
                                  "Russia said: more troops will come."])
def test_a_sentence_with_a_colon_is_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", ["3 comentários", "Comments", "Related articles",
                                  "Leave a Comment", "1,107 views3 comments",
                                  "You may also like", "Subscribe to our evening newsletter to "
                                  "stay informed during these challenging times!!",
                                  "ARTICOLE CONEXE / RELATED", "MORE FROM AP NEWS",
                                  "À LIRE AUSSI", "Citeste si:", "**Read more**",
                                  "Readers also viewed:", "People also read", "Don't miss"])
def test_is_section_end(line):
    assert is_section_end(line)


@pytest.mark.parametrize("line", ["Share this | 214 comments", "| Email | Print | Share | 47 "
                                  "comments |", "Home / World / Asia"])
def test_share_bars_do_not_end_the_article(line):
    assert not is_section_end(line)


def test_clean_text_cuts_comments_and_related_lists():
    raw = f"top of page\n\nTitle of the story here\n\n{BODY}\n3 comments\n\nA reader in Iran\n"
    cleaned = clean_text(raw)
    assert "Iran" not in cleaned.body
    assert "Iran" in cleaned.removed
    assert cleaned.body.startswith("Title of the story here")
    related = clean_text(f"{BODY}\nRelated articles\n\nHow Armenia Went From Autocracy\n")
    assert "Armenia" not in related.body


def test_clean_text_keeps_a_short_article_whole():
    assert clean_text("Comments\nTwo words").body == "Comments\nTwo words"


def test_guess_title_skips_site_names():
    assert guess_title("Tsarizm\nCentral Asia\nIs Russia Pressuring Kyrgyzstan?\nBody.") == (
        "Is Russia Pressuring Kyrgyzstan?")
