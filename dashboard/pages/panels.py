"""Pieces the map and site pages both draw: quotes, the curated record, labels."""

from __future__ import annotations

import re

import streamlit as st

from dashboard.countries import CountryIndex
from dashboard.markup import escape_markdown, safe_url
from dashboard.models import Installation
from dashboard.store import MentionRow


def country_label(countries: CountryIndex, code: str | None) -> str:
    """Show a country by name and code ("—" when unknown)."""
    return f"{countries.label(code)} ({code})" if code else "—"


def highlight(text: str, phrase: str) -> str:
    """Escape text for Markdown and mark every case-insensitive match of the phrase."""
    if not phrase.strip():
        return escape_markdown(text)
    parts = re.split(f"({re.escape(phrase.strip())})", text, flags=re.IGNORECASE)
    return "".join(f":orange-background[{escape_markdown(part)}]" if i % 2 else
                   escape_markdown(part) for i, part in enumerate(parts))


def show_mention(row: MentionRow, phrase: str = "") -> None:
    """Show one quote with its article's title, date and link."""
    when = row.date.isoformat() if row.date else "undated"
    link = safe_url(row.url)
    title = escape_markdown(row.title or "untitled article")
    st.markdown(f"> {highlight(row.quote, phrase)}")
    line = f"**{title}** · {when}" + (f" · {escape_markdown(row.status)}" if row.status else "")
    if link:
        line += f" · [source]({link})"
    st.markdown(line)
    st.page_link("pages/article.py", label="Read the article with this quote highlighted",
                 query_params={"article": row.article_id, "start": str(row.start),
                               "end": str(row.end)})


def show_curated(item: Installation, all_aliases: bool = False) -> None:
    """Describe a curated installation: type, status, years, aliases and source."""
    source = safe_url(item.source)
    years = " to ".join(filter(None, (item.opened, item.closed))) or "dates unknown"
    aliases = item.aliases if all_aliases else item.aliases[:6]
    st.markdown(f"Known installation: {escape_markdown(item.type)}, "
                f"{escape_markdown(item.status)} ({escape_markdown(years)}); also called "
                f"{escape_markdown(', '.join(aliases) or '—')}"
                + (f" · [source]({source})" if source else ""))
