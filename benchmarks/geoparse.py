"""Run the toponym resolver on the public geoparsing corpora and score it beside nine others.

Usage: python benchmarks/geoparse.py [CORPUS ...] [--limit N]

Reads ../shared/benchmarks/geoparsing/eupeg (LGL, TR-News, GeoVirus, GeoWebNews), writes our
output in the compact format to a temporary folder, runs the corpus scorer on it together
with the stored systems' outputs, and prints the rows with our documents per second.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.pipeline import load_resources  # noqa: E402
from dashboard.settings import load_settings  # noqa: E402
from dashboard.toponyms import find_toponyms, format_compact  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchmarks" / "geoparsing"
CORPORA = ("LGL", "TR-News", "GeoVirus", "GeoWebNews")


def run_corpus(corpus: str, output: Path, limit: int | None) -> tuple[int, float]:
    """Tag every document of a corpus; return the document count and seconds taken."""
    folder = BENCH / "eupeg" / "corpora" / corpus
    count = len(list(folder.iterdir()))
    if limit:
        count = min(count, limit)
    resources = load_resources(load_settings())
    lines = []
    started = time.perf_counter()
    for index in range(count):
        text = (folder / str(index)).read_text(encoding="utf-8")
        lines.append(format_compact(find_toponyms(text, resources)))
    elapsed = time.perf_counter() - started
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count, elapsed


def main() -> int:
    """Tag, score and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=list(CORPORA))
    parser.add_argument("--limit", type=int, help="only the first N documents (quick look)")
    args = parser.parse_args()
    if not BENCH.exists():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in args.corpora:
            count, seconds = run_corpus(corpus, Path(tmp) / f"{corpus}.txt", args.limit)
            print(f"{corpus}: {count} documents in {seconds:.1f} s = "
                  f"{count / seconds:.1f} documents/s")
        scored = subprocess.run(
            [sys.executable, str(BENCH / "score_eupeg.py"), "--ours",
             f"ours={tmp}/{{corpus}}.txt", *args.corpora],
            capture_output=True, text=True, check=False)
        print(scored.stdout or scored.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
