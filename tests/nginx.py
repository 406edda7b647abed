"""A real nginx on 127.0.0.1 with docs/nginx-site.conf, for the serving tests and the load
benchmark: only `listen` and `root` are changed, as docs/serving.md tells a ward to do."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SITE_CONF = Path(__file__).resolve().parents[1] / "docs" / "nginx-site.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def nginx(site: Path, work: Path, workers: str = "1", connections: int = 1024
          ) -> Iterator[str]:
    """nginx serving `site` until the block ends; yields its base URL."""
    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    work.mkdir(parents=True, exist_ok=True)
    server = SITE_CONF.read_text(encoding="utf-8")
    server = re.sub(r"^(\s*)listen \S+;", rf"\1listen 127.0.0.1:{port};", server, flags=re.M)
    server = re.sub(r"^(\s*)root \S+;", rf"\1root {site.resolve()};", server, flags=re.M)
    (work / "site.conf").write_text(server, encoding="utf-8")
    temporary = "".join(f"{kind}_temp_path {work / kind};\n"
                        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\nworker_processes {workers};\nworker_rlimit_nofile 65536;\n"
        f"pid {work / 'nginx.pid'};\nerror_log {work / 'error.log'} warn;\n"
        f"events {{ worker_connections {connections}; }}\n"
        f"http {{\naccess_log off;\n{temporary}include {work / 'site.conf'};\n}}\n",
        encoding="utf-8")
    process = subprocess.Popen([executable, "-p", str(work), "-c", str(work / "nginx.conf")],
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {process.stderr.read()}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        errors = (work / "error.log").read_text(encoding="utf-8", errors="replace") if (
            work / "error.log").is_file() else ""
        assert "[emerg]" not in errors and "[crit]" not in errors, errors
