"""`tts-pipeline serve`: the site on this computer, for a look before it goes online. It
answers byte-range requests, which browsers need to jump inside an audio file."""

from __future__ import annotations

import mimetypes
import re
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TYPES = {".m4b": "audio/mp4", ".mp3": "audio/mpeg", ".vtt": "text/vtt",
         ".json": "application/json", ".xml": "application/rss+xml", ".svg": "image/svg+xml"}
RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files with the site's MIME types and single byte ranges."""

    extensions_map = {**mimetypes.types_map, **TYPES}

    def send_head(self):  # noqa: ANN201 - the base class returns a file or None
        requested = RANGE.match(self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not requested or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first, last = requested.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:
            start, end = max(0, size - int(last or 0)), size - 1
        if start > end or start >= size:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def end_headers(self) -> None:
        if not self.headers.get("Range"):
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # noqa: ANN001 - the base class's names
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            super().copyfile(source, outputfile)
            return
        try:
            while remaining > 0:
                block = source.read(min(remaining, 1 << 16))
                if not block:
                    break
                outputfile.write(block)
                remaining -= len(block)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser had what it wanted of the file
        finally:
            self._remaining = None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base name
        """Quiet: the preview prints its address once."""


def site_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for the site folder; call serve_forever() on it (port 0: any free port)."""
    return ThreadingHTTPServer((host, port), partial(SiteHandler, directory=str(site)))
