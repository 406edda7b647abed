"""Load on the published site: a real nginx with docs/nginx-site.conf on 127.0.0.1, and wrk
with 1,000 connections asking for the issue page and for byte ranges of its audio, as phones
do while they play. Appends requests per second, the 99th-percentile latency, errors and the
arithmetic for 20,000 listeners to docs/benchmarks.md.

Usage: python bench/site_load.py [--seconds 10] [--connections 1000]"""

from __future__ import annotations

import argparse
import math
import re
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from bulletin import book_folder  # noqa: E402
from nginx import nginx  # noqa: E402
from run import machine, table  # noqa: E402

from tts_pipeline import pipeline, publish  # noqa: E402
from tts_pipeline.publish.settings import PublishSettings  # noqa: E402

LISTENERS = 20_000
LISTENER_KBPS = 64
LINK_USE = 0.6  # of a link's line rate that stays usable under load
RANGE_BYTES = 256 * 1024  # what a phone's player asks for at a time: 32 s of 64 kbps audio


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    p99_ms: float
    megabytes_per_second: float
    errors: int


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _megabytes(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([KMG]?B)", value).groups()
    return float(number) * {"B": 1e-6, "KB": 1.024e-3, "MB": 1.048576, "GB": 1073.741824}[unit]


def wrk(url: str, connections: int, seconds: int, headers: list[str]) -> Load:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "--latency", *[item for header in headers for item in ("-H", header)], url]
    log = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", log)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", log)
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", log).group(1)),
        p99_ms=_milliseconds(re.search(r"^\s+99%\s+(\S+)", log, re.M).group(1)),
        megabytes_per_second=_megabytes(re.search(r"Transfer/sec:\s+(\S+)", log).group(1)),
        errors=(sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(bad.group(1)) if bad else 0),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=1000)
    arguments = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(65536, hard), hard))  # wrk's sockets
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        book = book_folder(folder / "output" / "so-1", [5.0, 5.0])
        pipeline.render_folder(book, pipeline.RenderOptions(mp3_single=True))
        site = folder / "site"
        publish.publish(folder / "output", PublishSettings(site=str(site),
                                                           base_url="https://bantin.example.vn"))
        rows = []
        with nginx(site, folder / "nginx", workers="auto", connections=4096) as base:
            runs = [("issue page (gzip)", f"{base}/so-1/", ["Accept-Encoding: gzip"]),
                    ("audio, 256 KiB byte ranges", f"{base}/so-1/so-1.mp3",
                     [f"Range: bytes=0-{RANGE_BYTES - 1}"])]
            for name, url, headers in runs:
                load = wrk(url, arguments.connections, arguments.seconds, headers)
                rows.append([name, f"{load.requests_per_second:,.0f}", f"{load.p99_ms:.1f} ms",
                             f"{load.megabytes_per_second:.0f} MB/s", str(load.errors)])
                print(name, load)
    audio = load.megabytes_per_second * 8  # Mbit/s of audio this machine served
    needed = LISTENERS * LISTENER_KBPS / 1000
    per_server = round(LINK_USE * 1_000_000 / LISTENER_KBPS)
    section = table(
        f"Serving the site: nginx (docs/nginx-site.conf, 2 workers) under wrk, "
        f"{arguments.connections} connections, {arguments.seconds} s each, on 127.0.0.1",
        ["requests", "requests/s", "99th percentile", "transfer", "errors"], rows)
    section += (
        f"\n{LISTENERS:,} listeners at {LISTENER_KBPS} kbps need {needed:,.0f} Mbit/s "
        f"({needed / 8:,.0f} MB/s) while they all play. This machine's nginx served "
        f"{audio:,.0f} Mbit/s of audio ranges over loopback, {audio / needed:.1f}× that, so "
        "the CPU is not the limit: the network is. At 60 % of its line rate (what a busy "
        f"link sustains) one server on 1 Gbit/s carries {per_server:,} listeners, so "
        f"{LISTENERS:,} at once want {math.ceil(LISTENERS / per_server)} such servers, one on "
        "10 Gbit/s, or a CDN in front of one: cache `*.mp3`/`*.m4b` for a day, honour "
        "`Range` (cache by slice), and pass `Cache-Control` through.\n")
    command = "python bench/site_load.py " + " ".join(sys.argv[1:])
    entry = (f"\n## {datetime.now():%Y-%m-%d %H:%M} — {machine()}\n\n"
             f"Command: `{command.strip()}`\n\n{section}")
    with (ROOT / "docs" / "benchmarks.md").open("a", encoding="utf-8") as handle:
        handle.write(entry)
    print("appended to docs/benchmarks.md")


if __name__ == "__main__":
    main()
