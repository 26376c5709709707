"""Streamlit pages: thin scripts over the plain-Python core."""
