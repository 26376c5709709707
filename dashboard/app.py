"""Streamlit entry point: ``streamlit run dashboard/app.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the project: add it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# ?embed=true: a clean map for embedding (Streamlit drops its own chrome; we drop ours).
EMBED = bool(st.context.is_embedded)
st.set_page_config(page_title="Foreign military presence", layout="wide",
                   initial_sidebar_state="collapsed" if EMBED else "auto")
PAGES = Path(__file__).resolve().parent / "pages"
navigation = st.navigation(position="hidden" if EMBED else "sidebar", pages=[
    st.Page(PAGES / "map.py", title="Map", default=True),
    st.Page(PAGES / "site.py", title="Site", url_path="site"),
    st.Page(PAGES / "article.py", title="Article", url_path="article"),
    st.Page(PAGES / "add.py", title="Add articles", url_path="add"),
    st.Page(PAGES / "review.py", title="Review", url_path="review"),
])
navigation.run()
