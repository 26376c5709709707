"""Streamlit entry point: ``streamlit run dashboard/app.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the project: add it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

st.set_page_config(page_title="Foreign military presence", layout="wide")
PAGES = Path(__file__).resolve().parent / "pages"
navigation = st.navigation([
    st.Page(PAGES / "map.py", title="Map", default=True),
    st.Page(PAGES / "site.py", title="Site", url_path="site"),
    st.Page(PAGES / "article.py", title="Article", url_path="article"),
    st.Page(PAGES / "add.py", title="Add articles", url_path="add"),
])
navigation.run()
