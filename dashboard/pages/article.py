"""The article page: the full text with one quote highlighted; editors add missed mentions."""

from __future__ import annotations

import streamlit as st

from dashboard.countries import language_name
from dashboard.errors import DashboardError
from dashboard.filters import Filters
from dashboard.markup import escape_markdown, safe_url
from dashboard.models import PRECISIONS, SITE_KINDS
from dashboard.pages.common import (
    cached_sites,
    data_token,
    editor_sign_in,
    get_alliances,
    get_engine,
    get_settings,
)
from dashboard.review import quote_span, sentence_at
from dashboard.sentences import split_sentences
from dashboard.settings import database_url
from dashboard.store import NewSite, add_mention, get_article, sources_of

params = st.query_params
article_id = params.get("article", "")
settings = get_settings()
url = database_url(settings.db)
engine = get_engine(url)
editor = editor_sign_in()
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

if editor is None:
    st.stop()
st.subheader("Add a mention the extraction missed")
sentences = split_sentences(text)
if not sentences:
    st.stop()
chosen = st.selectbox("Sentence", range(len(sentences)), key="article.add.sentence",
                      index=sentence_at(sentences, start) if valid else None,
                      format_func=lambda i: sentences[i].text[:160])
words = st.text_input("Exact words within it (empty: the whole sentence)",
                      key="article.add.words")
which = st.radio("Site", ["An existing site", "A new site"], horizontal=True,
                 key="article.add.which")
site: str | NewSite | None = None
countries: tuple[str, ...] = ()
if which == "An existing site":
    known = {s.id: s for s in cached_sites(url, data_token(url), Filters())}
    picked = st.selectbox("Site", list(known), index=None, key="article.add.site",
                          format_func=lambda i: f"{known[i].name} ({known[i].kind})")
    if picked:
        site = picked
        countries = tuple(c for c in (known[picked].operator, known[picked].host) if c)
else:
    name = st.text_input("Name", key="article.add.name")
    kind = st.selectbox("Kind", SITE_KINDS, key="article.add.kind")
    lat = st.text_input("Latitude", key="article.add.lat")
    lon = st.text_input("Longitude", key="article.add.lon")
    precision = st.selectbox("Precision", PRECISIONS, key="article.add.precision")
    operator = st.text_input("Operator (ISO3, empty for none)", key="article.add.operator")
    host = st.text_input("Host (ISO3)", key="article.add.host")
    site = NewSite(name, kind, lat, lon, precision, operator or None, host or None)
    countries = tuple(c.strip().upper() for c in (operator, host) if c.strip())
if st.button("Add the mention", key="article.add.save", disabled=chosen is None):
    span = quote_span(sentences[chosen], words) if chosen is not None else None
    if span is None:
        st.error("Not added: those words are not in the chosen sentence.")
    elif site is None:
        st.error("Not added: choose a site first.")
    else:
        alliances = get_alliances(str(settings.data_dir)).alliances_of(countries,
                                                                       article.published)
        try:
            site_id = add_mention(engine, article.id, *span, site, editor=editor,
                                  alliances=alliances)
        except DashboardError as exc:
            st.error(f"Not added: {exc}")
        else:
            st.success(f"Added: \u201c{escape_markdown(text[span[0]:span[1]])}\u201d is now a "
                       f"mention of {escape_markdown(site_id)}, kept with your name.")
