"""Measure ingestion at scale: synthetic corpora through ``python -m dashboard ingest``.

Usage: python benchmarks/ingestion.py [--sizes 1000,10000,100000] [--workers N] [--seed 0]

For each size a corpus is written (benchmarks/synthetic.py) into a temporary folder and
ingested into a fresh SQLite database, then ingested again (nothing changed: every file
should be skipped). The smallest corpus is also ingested with one worker, the serial
baseline. Each run is its own process, so its peak memory (``getrusage``) is its own.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_corpus  # noqa: E402  (after the path is set)


@dataclass(frozen=True)
class Run:
    """One measured ingest."""

    size: int
    workers: int
    label: str
    seconds: float
    ingested: int
    main_mb: float
    worker_mb: float

    @property
    def rate(self) -> float:
        """Return files handled per second."""
        return self.size / self.seconds if self.seconds else 0.0


def _descendants(root: int) -> list[int]:
    """Return the process ids below ``root`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(children)
        frontier = children
    return found


def _watch_workers(peak: list[float], stop: threading.Event) -> None:
    """Record the largest peak RSS (VmHWM) of any process this one started, until stopped."""
    while not stop.wait(0.5):
        for pid in _descendants(os.getpid()):
            with contextlib.suppress(OSError):
                status = Path(f"/proc/{pid}/status").read_text()
                found = re.search(r"VmHWM:\s+(\d+) kB", status)
                if found:
                    peak[0] = max(peak[0], int(found.group(1)) / 1024)


def measure(folder: Path, db: Path, workers: int) -> dict[str, float]:
    """Ingest a folder through the CLI in this process; return time, count and peak memory."""
    from dashboard.cli import main

    errors = io.StringIO()
    # Workers are forked by the fork server, so getrusage(RUSAGE_CHILDREN) does not see them.
    peak, stop = [0.0], threading.Event()
    watcher = threading.Thread(target=_watch_workers, args=(peak, stop), daemon=True)
    watcher.start()
    started = time.perf_counter()
    with contextlib.redirect_stderr(errors):
        main(["ingest", str(folder), "--db", str(db), "--quiet", "--workers", str(workers)])
    seconds = time.perf_counter() - started
    stop.set()
    watcher.join()
    summary = re.search(r"(\d+) of (\d+) files ingested", errors.getvalue())
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": seconds, "ingested": int(summary.group(1)) if summary else 0,
            "main_mb": own.ru_maxrss / 1024, "worker_mb": peak[0]}  # ru_maxrss is in kB


def run_measured(size: int, folder: Path, db: Path, workers: int, label: str) -> Run:
    """Measure one ingest in a fresh process."""
    out = subprocess.run([sys.executable, __file__, "--measure", str(folder), str(db),
                          str(workers)], cwd=ROOT, check=True, capture_output=True, text=True)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    run = Run(size, workers, label, found["seconds"], int(found["ingested"]),
              found["main_mb"], found["worker_mb"])
    # Said as soon as it is known: a long run's early rows survive an interruption.
    print(f"{label}: {size} files, {workers} workers, {run.seconds:.1f} s, "
          f"{run.rate:.1f} files/s", file=sys.stderr, flush=True)
    return run


def bench_size(size: int, workers: int, seed: int, serial: bool, scratch: Path,
               again: bool = True) -> list[Run]:
    """Write one corpus and ingest it: serially (if asked), in parallel, and again."""
    folder = scratch / f"corpus-{size}-seed{seed}"
    done = folder / ".complete"
    if not done.exists():  # a corpus kept from an earlier run (--scratch) is reused
        write_corpus(folder, size, seed)
        done.touch()
    runs = []
    if serial:
        runs.append(run_measured(size, folder, scratch / f"serial-{size}.sqlite", 1, "serial"))
    db = scratch / f"parallel-{size}.sqlite"
    runs.append(run_measured(size, folder, db, workers, "first"))
    if again:
        runs.append(run_measured(size, folder, db, workers, "re-ingest"))
    return runs


def print_table(runs: list[Run]) -> None:
    """Print every run, its rate against the smallest corpus's, and the summary ratios."""
    first = [r for r in runs if r.label == "first"]
    base = first[0].rate if first else 0.0
    print(f"{'files':>7} {'workers':>7} {'run':>10} {'ingested':>8} {'seconds':>8} "
          f"{'files/s':>8} {'vs 1st':>6} {'main MB':>8} {'worker MB':>9}")
    for r in runs:
        ratio = f"{r.rate / base:.2f}" if r.label == "first" and base else ""
        print(f"{r.size:>7} {r.workers:>7} {r.label:>10} {r.ingested:>8} {r.seconds:>8.1f} "
              f"{r.rate:>8.1f} {ratio:>6} {r.main_mb:>8.0f} {r.worker_mb:>9.0f}")
    serial = next((r for r in runs if r.label == "serial"), None)
    if serial and first:
        print(f"parallel speed-up on {serial.size} files: {first[0].rate / serial.rate:.2f}x "
              f"({first[0].workers} workers vs 1)")
    for done in first:
        again = next((r for r in runs if r.label == "re-ingest" and r.size == done.size),
                     None)
        if again is None:
            continue
        print(f"re-ingest of {done.size} unchanged files: {done.seconds / again.seconds:.1f}x "
              f"faster than the first ingest")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, or one measured ingest (``--measure``, used internally)."""
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--measure"]:
        folder, db, workers = argv[1:4]
        print(json.dumps(measure(Path(folder), Path(db), int(workers))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="corpus sizes, comma-separated (default: 1000,10000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scratch", type=Path,
                        help="keep corpora in this folder and reuse them on later runs")
    parser.add_argument("--reingest-max", type=int, default=10_000,
                        help="re-ingest (the incremental run) only corpora up to this size")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    runs: list[Run] = []
    with contextlib.ExitStack() as stack:
        scratch = str(args.scratch) if args.scratch else stack.enter_context(
            tempfile.TemporaryDirectory(prefix="ingestion-bench-"))
        for db in Path(scratch).glob("*.sqlite*"):
            db.unlink()  # every run starts from empty databases
        for size in sizes:
            runs.extend(bench_size(size, args.workers, args.seed, size == sizes[0],
                                   Path(scratch), again=size <= args.reingest_max))
            print(f"done: {size} files", file=sys.stderr, flush=True)
    print_table(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
