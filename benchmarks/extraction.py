"""Score extraction against hand-annotated articles: sites found, attribution, dates.

Usage: python benchmarks/extraction.py [FOLDER] [--tolerance-km 50] [--verbose]

FOLDER holds articles with ``NAME.gold.json`` beside each (default: tests/data/eval). The
articles go through the same command line users run (ingest, then export as GeoJSON).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.ingest import read_article  # noqa: E402  (after the path is set)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def run_cli(files: list[Path], db: Path) -> dict:
    """Ingest files and export GeoJSON through ``python -m dashboard``."""
    subprocess.run([sys.executable, "-m", "dashboard", "ingest", *map(str, files), "--db",
                    str(db), "--quiet"], cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-m", "dashboard", "export", "--db", str(db),
                          "--format", "geojson"], cwd=ROOT, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def predictions_for(source: str, collection: dict) -> list[dict]:
    """Return one prediction per site that has a mention from this article's source."""
    found = []
    for feature in collection["features"]:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        dates = [m["date"] for m in props["mentions"] if m["source"] == source]
        if dates:
            found.append({**props, "lat": lat, "lon": lon, "dates": dates})
    return found


def score(folder: Path, tolerance: float, verbose: bool) -> dict[str, float]:
    """Ingest every annotated article in ``folder`` and compare with its gold."""
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html")
                      and (folder / f"{p.stem}.gold.json").exists())
    tp = fp = fn = attributed = attribution_total = dated = date_total = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        collection = run_cli(articles, Path(tmp) / "eval.sqlite")
    elapsed = time.perf_counter() - started
    for article in articles:
        gold = json.loads((folder / f"{article.stem}.gold.json").read_text(encoding="utf-8"))
        preds = predictions_for(read_article(article).source, collection)
        unmatched = list(preds)
        for site in gold["sites"]:
            match = min((p for p in unmatched if p["kind"] == site["kind"] and distance_km(
                (p["lat"], p["lon"]), (site["lat"], site["lon"])) <= tolerance),
                # where operators share an airfield, the right operator's point is the match
                key=lambda p: (p["operator"] != site.get("operator"),
                               distance_km((p["lat"], p["lon"]), (site["lat"], site["lon"]))),
                default=None)
            if match is None:
                fn += 1
                if verbose:
                    print(f"  MISSED {article.name}: {site['kind']} {site['name']}")
                continue
            tp += 1
            unmatched.remove(match)
            if site["kind"] == "installation":
                attribution_total += 1
                right = (match["operator"], match["host"]) == (site["operator"], site["host"])
                attributed += right
                if verbose and not right:
                    print(f"  WHO    {article.name}: {site['name']} {match['operator']}->"
                          f"{match['host']}, gold {site['operator']}->{site['host']}")
            if site.get("date"):
                date_total += 1
                want = date.fromisoformat(site["date"])
                near = any(d and abs((date.fromisoformat(d) - want).days) <= 7
                           for d in match["dates"])
                dated += near
                if verbose and not near:
                    print(f"  WHEN   {article.name}: {site['name']} {match['dates']}, "
                          f"gold {site['date']}")
        for extra in unmatched:
            fp += 1
            if verbose:
                print(f"  EXTRA  {article.name}: {extra['kind']} {extra['name']} "
                      f"{extra['operator']}->{extra['host']}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": len(articles), "precision": precision, "recall": recall, "f1": f1,
            "operator_host": attributed / attribution_total if attribution_total else 0.0,
            "dates_within_week": dated / date_total if date_total else 0.0,
            "seconds": elapsed}


def main() -> int:
    """Print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "tests/data/eval")
    parser.add_argument("--tolerance-km", type=float, default=50.0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    result = score(args.folder, args.tolerance_km, args.verbose)
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                   for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
