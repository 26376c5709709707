"""Split article text into sentences with their character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "adm", "st", "sr",
    "jr", "prof", "gov", "sen", "rep", "pres", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "approx", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a", "d.c", "a.m", "p.m", "fig",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9А-ЯЁ])")


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it stands in the article text."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Split on sentence punctuation and line breaks, keeping exact offsets."""
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        chunk = line.group(0)
        cursor = 0
        for boundary in _BOUNDARY.finditer(chunk):
            if chunk[boundary.start()] == "." and _is_abbreviation(chunk, boundary.start()):
                continue
            _append(sentences, text, start + cursor, start + boundary.end())
            cursor = boundary.end()
        _append(sentences, text, start + cursor, start + len(chunk))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
