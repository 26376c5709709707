"""Real-browser checks (Playwright driving Debian's Chromium against `streamlit run`).

The map draws with every non-localhost request blocked, a marker click shows its quote, a
copied URL restores the filters, and hostile article text never runs as script.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from xml.etree import ElementTree

import pytest

from dashboard.pipeline import ingest_paths
from dashboard.settings import DATA_DIR, PROJECT_DIR
from dashboard.store import connect

from .conftest import EDITOR, TEST_DATA

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium package")
    pytest.skip("no Chromium found (apt-get install chromium); CI runs these tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
LOCAL = ("http://localhost", "http://127.0.0.1", "ws://localhost", "ws://127.0.0.1", "data:",
         "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, session_settings, resources
           ) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "browser.sqlite"
    report = ingest_paths(connect(f"sqlite:///{db}"),
                          [DATA_DIR / "articles", TEST_DATA / "hostile.html"], resources,
                          editor=EDITOR)
    assert not report.failed
    port = _free_port()
    env = {**os.environ, "DASHBOARD_DB": str(db),
           "DASHBOARD_CACHE_DIR": str(session_settings.cache_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(PROJECT_DIR / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"], cwd=PROJECT_DIR, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    blocked: list[str] = []

    def route(request_route) -> None:
        if request_route.request.url.startswith(LOCAL):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.blocked = blocked
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.dialogs = dialogs
    yield tab
    context.close()


def wait_idle(page) -> None:
    """Wait until Streamlit has finished running the script (no running indicator)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stApp\"]')", timeout=60_000)


def open_map(page, url: str):
    page.goto(url)
    return wait_map(page)


def wait_map(page):
    """Wait until the map in the page has drawn; return its iframe and frame."""
    page.get_by_text("sites from").first.wait_for(timeout=60_000)
    wait_idle(page)
    # The site map is the first folium frame (the country map, when shown, comes later).
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium'] >> nth=0")
    frame.locator(".leaflet-container").first.wait_for(timeout=60_000)
    handle = page.wait_for_selector("iframe[title='streamlit_folium.st_folium'] >> nth=0")
    content = handle.content_frame()
    content.wait_for_function("window.map !== undefined && window.map._loaded === true"
                              " && !window.map._animatingZoom", timeout=60_000)
    wait_idle(page)
    return handle, content


def click_site(page, handle, content, lat: float, lon: float) -> None:
    point = content.evaluate(f"() => {{ const p = window.map.latLngToContainerPoint([{lat}, "
                             f"{lon}]); return [p.x, p.y]; }}")
    box = content.evaluate("() => { const r = document.getElementById('map_div')"
                           ".getBoundingClientRect(); return [r.left, r.top]; }")
    frame_box = handle.bounding_box()
    page.mouse.click(frame_box["x"] + box[0] + point[0], frame_box["y"] + box[1] + point[1])


def test_map_draws_offline(page, server):
    _, content = open_map(page, server)
    assert content.evaluate("() => typeof L !== 'undefined' && typeof jQuery !== 'undefined'")
    drawn = content.evaluate("() => Object.values(window.map._layers)"
                             ".filter(l => l instanceof L.CircleMarker).length")
    assert drawn >= 4
    # The country outlines come from the app's own static files, fetched by the frame.
    content.wait_for_function("() => Object.values(window.map._layers)"
                              ".some(l => l instanceof L.GeoJSON)", timeout=30_000)
    assert page.blocked == [], page.blocked


def test_clicking_a_marker_shows_its_quote(page, server):
    handle, content = open_map(page, server)
    click_site(page, handle, content, 42.85306, 74.84639)
    page.get_by_text("an air base in the town of Kant").first.wait_for(timeout=30_000)


def test_copied_url_restores_the_filters(page, server):
    page.goto(f"{server}/?filters.alliance=NATO")
    page.get_by_text("sites from").first.wait_for(timeout=60_000)
    page.get_by_text("1 sites from").first.wait_for(timeout=30_000)
    page.goto(f"{server}/?filters.kind=Meeting+site&filters.host=Russia+(RUS)")
    page.get_by_text("1 sites from").first.wait_for(timeout=60_000)
    assert "filters.kind=Meeting+site" in page.url


def test_selected_site_lives_in_the_url(page, server):
    handle, content = open_map(page, server)
    click_site(page, handle, content, 42.85306, 74.84639)
    page.get_by_text("an air base in the town of Kant").first.wait_for(timeout=30_000)
    page.wait_for_function("() => window.location.search.includes('site=')", timeout=30_000)
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    page.get_by_text("an air base in the town of Kant").first.wait_for(timeout=60_000)


def test_hostile_article_text_stays_inert(page, server):
    handle, content = open_map(page, server)
    click_site(page, handle, content, 37.00167, 35.42589)
    page.get_by_text("onerror").first.wait_for(timeout=30_000)
    page.get_by_text("Read the article with this quote highlighted").first.click()
    page.get_by_text("window.__xss=2").first.wait_for(timeout=30_000)
    assert page.evaluate("() => window.__xss") is None
    assert page.dialogs == []


def test_brushing_the_timeline_sets_the_dates_and_the_map_follows(page, server):
    _, content = open_map(page, server)
    before = content.evaluate("() => Object.values(window.map._layers)"
                              ".filter(l => l instanceof L.CircleMarker).length")
    # A mark on the open map: a remounted map would come back without it.
    content.evaluate("() => { window.__sameMap = true; }")
    chart = page.locator("[data-testid='stVegaLiteChart'] canvas, "
                         "[data-testid='stVegaLiteChart'] svg").first
    chart.wait_for(timeout=30_000)
    box = chart.bounding_box()
    # Drag across the right end of the plot, where only the newest mentions stand.
    y = box["y"] + box["height"] * 0.3
    page.mouse.move(box["x"] + box["width"] * 0.75, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.85, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => window.location.search.includes('filters.from=20')",
                           timeout=30_000)
    page.wait_for_function(f"() => !document.body.innerText.includes('{before} sites from')",
                           timeout=30_000)
    content.wait_for_function(
        f"() => Object.values(window.map._layers).filter(l => l instanceof L.CircleMarker)"
        f".length < {before}", timeout=30_000)
    after = content.evaluate("() => Object.values(window.map._layers)"
                             ".filter(l => l instanceof L.CircleMarker).length")
    assert 0 < after < before
    assert content.evaluate("() => window.__sameMap === true"), "the map was remounted"
    wait_idle(page)
    assert page.get_by_text(f"{after} sites from").count() >= 1


def test_kml_download_of_the_view(page, server):
    page.goto(f"{server}/?filters.kind=Meeting+site")
    page.get_by_text("2 sites from").first.wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_text("Download this view").first.click()
    with page.expect_download(timeout=30_000) as pending:
        page.get_by_text("KML (Google Earth, My Maps)").first.click()
    download = pending.value
    assert download.suggested_filename == "sites.kml"
    kml = ElementTree.parse(download.path()).getroot()
    names = {e.text for e in kml.iter("{http://www.opengis.net/kml/2.2}name")}
    assert {"Moscow", "Bishkek"} <= names
    assert "Kant Air Base" not in names


def map_view(content) -> tuple[float, float, int]:
    return tuple(content.evaluate("() => { const c = window.map.getCenter(); "
                                  "return [c.lat, c.lng, window.map.getZoom()]; }"))


def test_copy_link_restores_the_whole_view_in_a_new_browser(browser, server):
    first = browser.new_context(viewport={"width": 1400, "height": 1100})
    first.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = first.new_page()
    handle, content = open_map(page, f"{server}/?filters.kind=Installation")
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium'] >> nth=0")
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function("() => window.location.search.includes('map.zoom=')")
    click_site(page, handle, content, 42.85306, 74.84639)
    page.get_by_text("an air base in the town of Kant").first.wait_for(timeout=30_000)
    _, content = wait_map(page)
    frame.locator(".copy-view-link").click()
    frame.get_by_text("Link copied").wait_for(timeout=10_000)
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert "filters.kind=Installation" in link and "site=" in link and "map.zoom=" in link
    lat, lon, zoom = map_view(content)
    shown = page.get_by_text("sites from").first.inner_text().split()[0]
    first.close()

    second = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = second.new_page()
    _, content = open_map(page, link)
    page.get_by_text("an air base in the town of Kant").first.wait_for(timeout=30_000)
    again = map_view(content)
    assert again[2] == zoom
    # The same view to the pixel: a resize of the frame may round the centre by under one.
    offset = content.evaluate(f"() => {{ const a = window.map.latLngToContainerPoint([{lat}, "
                              f"{lon}]); const b = window.map.latLngToContainerPoint("
                              f"window.map.getCenter()); return a.distanceTo(b); }}")
    assert offset < 2, offset
    assert page.get_by_text("sites from").first.inner_text().split()[0] == shown
    second.close()


def test_embed_shows_only_the_map(page, server):
    _, content = open_map(page, f"{server}/?embed=true&filters.kind=Installation")
    assert content.evaluate("() => Object.values(window.map._layers)"
                            ".filter(l => l instanceof L.CircleMarker).length") >= 1
    assert page.get_by_text("Foreign military presence").count() == 0
    assert page.get_by_text("Mentions over time").count() == 0
    assert page.locator("[data-testid='stSidebarNav']").count() == 0


def test_panning_and_zooming_run_no_script(page, server):
    handle, content = open_map(page, server)
    # Note every moment the app shows its running indicator from here on.
    page.evaluate("""() => {
        window.__runs = 0;
        new MutationObserver(() => {
            if (document.querySelector('[data-testid="stStatusWidget"]')) { window.__runs++; }
        }).observe(document.body, {childList: true, subtree: true});
    }""")
    before = content.evaluate("() => window.map.getZoom()")
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 120, y - 60, steps=8)
    page.mouse.up()
    page.mouse.wheel(0, -300)
    # Give the zoom time to finish and a rerun, were one coming, ample time to show itself.
    page.wait_for_timeout(2_000)
    assert page.evaluate("() => window.__runs") == 0
    assert content.evaluate("() => window.map.getZoom()") > before
