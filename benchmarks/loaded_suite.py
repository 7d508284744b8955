"""The test suite under load: `make test` twice in a row while a CPU hog keeps every core busy.

Usage: python benchmarks/loaded_suite.py [--runs N] [--quiet-first] [--hog auto|stress-ng|python] [-- PYTEST ARGS]

A green run should mean the site works, also on a busy machine: the browser tests wait for conditions,
never for a fixed time, so a slow machine makes them slower, not red. This script checks that promise.
It starts one CPU hog per core (`stress-ng --cpu N` when Debian's stress-ng is installed, else one busy
Python loop per core), runs the suite `--runs` times in a row (default 2) with CI=true, as .ci/run does
(a missing tool fails instead of skipping), stops the hog, and prints each run's wall time and result.
It exits 0 only if every run passed.

With `--quiet-first` it first runs the suite once without the hog, for the time on a quiet machine.

Without PYTEST ARGS each run is `make test` (lint, type check, the whole suite on one process per core).
With them, each run is `pytest --numprocesses=auto --dist=loadfile PYTEST ARGS` instead, e.g. to try the
script on a few tests: `python benchmarks/loaded_suite.py --runs 1 -- tests/test_kiosk_idle.py -k night`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# One busy loop: pure computation, no memory or disk, so it takes CPU time from the suite and nothing else.
BUSY_LOOP = "while True:\n    pass\n"


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    returncode: int
    load: float
    """The machine's load average over the last minute when the run ended."""

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    def line(self) -> str:
        minutes, seconds = divmod(round(self.seconds), 60)
        outcome = "passed" if self.passed else f"FAILED (exit {self.returncode})"
        return f"{self.label}: {outcome} in {minutes} min {seconds:02d} s (load average at the end {self.load:.1f})"


@contextmanager
def cpu_hog(cores: int, kind: str) -> Iterator[str]:
    """Keep `cores` cores busy until the block ends; yields what it runs. The hog's processes are started
    here and stopped here, by their own ids, whatever happens in the block."""
    stress = shutil.which("stress-ng")
    if kind == "stress-ng" and stress is None:
        raise SystemExit("stress-ng is not installed (sudo apt-get install stress-ng); use --hog python")
    if stress is not None and kind in ("auto", "stress-ng"):
        # A session of its own, so stopping it reaches stress-ng's worker processes too.
        processes = [subprocess.Popen([stress, "--cpu", str(cores), "--quiet"], start_new_session=True)]
        described = f"stress-ng --cpu {cores}"
    else:
        processes = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(cores)]
        described = f"{cores} busy Python loop(s)"
    try:
        for process in processes:
            if process.poll() is not None:
                raise SystemExit(f"the CPU hog ({described}) ended at once with exit {process.returncode}")
        yield described
    finally:
        for process in processes:
            if process.poll() is None:
                if stress is not None and kind in ("auto", "stress-ng"):
                    os.killpg(process.pid, signal.SIGTERM)
                else:
                    process.terminate()
        for process in processes:
            process.wait(timeout=60)


def suite_command(pytest_args: list[str]) -> list[str]:
    if not pytest_args:
        return ["make", "test"]
    python = REPO / ".venv" / "bin" / "python"
    return [str(python if python.exists() else sys.executable), "-m", "pytest", "--numprocesses=auto",
            "--dist=loadfile", *pytest_args]


def run_suite(label: str, command: list[str]) -> Run:
    env = {**os.environ, "CI": "true"}
    print(f"--- {label}: {' '.join(command)}", flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=REPO, env=env)
    run = Run(label, time.monotonic() - started, result.returncode, os.getloadavg()[0])
    print(f"--- {run.line()}", flush=True)
    return run


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pytest_args: list[str] = []
    if "--" in argv:
        argv, pytest_args = argv[: argv.index("--")], argv[argv.index("--") + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="loaded runs in a row (default 2)")
    parser.add_argument("--quiet-first", action="store_true", help="first one run without the hog")
    parser.add_argument("--hog", choices=("auto", "stress-ng", "python"), default="auto",
                        help="what keeps the cores busy (default: stress-ng when installed, else Python)")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1, help="cores to keep busy (default: all)")
    options = parser.parse_args(argv)
    command = suite_command(pytest_args)
    runs = []
    if options.quiet_first:
        runs.append(run_suite("quiet run", command))
    with cpu_hog(options.cores, options.hog) as hog:
        print(f"--- CPU hog: {hog} on a machine with {os.cpu_count()} core(s)", flush=True)
        for number in range(1, options.runs + 1):
            runs.append(run_suite(f"loaded run {number} of {options.runs}", command))
    print("\nSummary (CI=true, " + ("make test" if not pytest_args else " ".join(command[1:])) + "):")
    for run in runs:
        print(f"  {run.line()}")
    return 0 if all(run.passed for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
