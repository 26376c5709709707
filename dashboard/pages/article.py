"""The article page: the full text with one quote highlighted."""

from __future__ import annotations

import streamlit as st

from dashboard.countries import language_name
from dashboard.markup import escape_markdown, safe_url
from dashboard.pages.common import get_engine, get_settings
from dashboard.settings import database_url
from dashboard.store import get_article, sources_of

params = st.query_params
article_id = params.get("article", "")
engine = get_engine(database_url(get_settings().db))
article = get_article(engine, article_id) if article_id else None
if article is None:
    st.info("Choose a quote on the map page to read its article here.")
    st.stop()

try:
    start, end = int(params.get("start", -1)), int(params.get("end", -1))
except ValueError:
    start = end = -1
st.title(escape_markdown(article.title or "Untitled article"))
link = safe_url(article.url)
published = article.published.isoformat() if article.published else "date unknown"
st.caption(f"{escape_markdown(article.source)} · {published}"
           + (f" ({article.date_basis})" if article.date_basis else "")
           + (f" · language: {escape_markdown(language_name(article.language))}"
              if article.language else ""))
if link:
    st.markdown(f"[Open the original]({link})")
carriers = sources_of(engine, [article.id]).get(article.id, [])
if len(carriers) > 1:
    # Syndicated copies of one story are one article: every outlet is kept as a source.
    listed = [f"[{escape_markdown(o or s)}]({u})" if safe_url(u) else escape_markdown(o or s)
              for s, o, u in carriers]
    st.caption(f"Carried by {len(carriers)} outlets: " + ", ".join(listed))

text = article.text
valid = 0 <= start < end <= len(text)
offset = 0
for paragraph in text.split("\n"):
    p_start, p_end = offset, offset + len(paragraph)
    offset = p_end + 1
    if not paragraph.strip():
        continue
    if valid and p_start <= start and end <= p_end:
        a, b = start - p_start, end - p_start
        st.markdown(escape_markdown(paragraph[:a]) + " :orange-background["
                    + escape_markdown(paragraph[a:b]) + "] " + escape_markdown(paragraph[b:]))
    else:
        st.markdown(escape_markdown(paragraph))
