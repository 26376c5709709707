"""Time a filter change in a real browser on a large database, against reloading the page.

Usage: python benchmarks/filterchange.py [--sites 10000] [--mentions 1000000] [--rounds 3]

Fills an SQLite database as benchmarks/queries.py does, starts the dashboard on it, and
drives Debian's Chromium with Playwright. Each round picks a site kind in the sidebar and
times until the open map shows the new markers (the same map: it is marked beforehand and
the mark must survive), then clears the filter again. The baseline, timed in the same run,
is opening the same filtered view as a fresh page load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Frame, Locator, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from queries import fill  # noqa: E402

from dashboard.store import connect  # noqa: E402

COUNT_MARKERS = ("() => Object.values(window.map._layers)"
                 ".filter(l => l instanceof L.CircleMarker).length")


def start_app(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start the dashboard on a database; return the process and its address."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"], cwd=ROOT, env={**os.environ, "DASHBOARD_DB": str(db)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the dashboard did not start")


def map_frame(page: Page) -> Frame:
    """Wait for the site map to draw its markers; return its frame."""
    handle = page.wait_for_selector("iframe[title='streamlit_folium.st_folium'] >> nth=0",
                                    timeout=120_000)
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_function(f"() => window.map && window.map._loaded && {COUNT_MARKERS[6:]} > 0",
                            timeout=120_000)
    return frame


def kind_box(page: Page) -> Locator:
    """Return the sidebar's site-kind filter."""
    return page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(
        has_text="Site kind")


def timed_change(page: Page, frame: Frame, label: str | None) -> float:
    """Choose a site kind (or clear it); return the seconds until the open map has redrawn.

    The clock starts at the choosing click or key press, not while the list opens.
    """
    before = frame.evaluate(COUNT_MARKERS)
    kind_box(page).locator("input").click()
    if label is None:
        started = time.perf_counter()
        page.keyboard.press("Backspace")  # removes the chosen kind
    else:
        option = page.get_by_role("option", name=label)
        option.wait_for()
        started = time.perf_counter()
        option.click()
    frame.wait_for_function(f"() => {COUNT_MARKERS[6:]} !== {before}", timeout=120_000,
                            polling=20)
    elapsed = time.perf_counter() - started
    if os.environ.get("BENCH_VERBOSE"):
        print(f"  {label or 'all kinds'}: {elapsed:.2f} s")
    page.keyboard.press("Escape")
    if not frame.evaluate("() => window.__sameMap === true"):
        raise SystemExit("the map was remounted by a filter change")
    wait_idle(page)
    return elapsed


def wait_idle(page: Page) -> None:
    """Wait until the script has finished its run (the running indicator is gone)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=120_000)


def main() -> None:
    """Fill the database, start the app, and time filter changes against page loads."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse a database benchmarks/queries.py's "
                        "fill() wrote, instead of filling a new one")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.sqlite"
        if args.db is None:
            fill(connect(f"sqlite:///{db}"), args.sites, args.mentions)
        process, url = start_app(db)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium,
                                                     args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1400, "height": 1100})
                loads, changes = [], []
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    page.goto(f"{url}/?filters.kind=Meeting+site")
                    map_frame(page)
                    loads.append(time.perf_counter() - started)
                page.goto(url)
                frame = map_frame(page)
                wait_idle(page)
                frame.evaluate("() => { window.__sameMap = true; }")
                shown = frame.evaluate(COUNT_MARKERS)
                for _ in range(args.rounds):
                    changes.append(timed_change(page, frame, "Meeting site"))
                    changes.append(timed_change(page, frame, None))
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    change, load = statistics.median(changes), statistics.median(loads)
    print(f"{args.sites:,} sites, {args.mentions:,} mentions; {shown:,} markers unfiltered")
    print(f"filter change, same map (median of {len(changes)}): {change:.2f} s")
    print(f"page load of the filtered view (median of {len(loads)}): {load:.2f} s")
    print(f"filter change is {load / change:.1f}x faster than a reload (target: under 1 s)")


if __name__ == "__main__":
    main()
