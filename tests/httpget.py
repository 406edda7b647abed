"""HTTP GET for the serving tests: status, headers (case-insensitive) and body, errors too."""

from __future__ import annotations

import urllib.error
import urllib.request
from email.message import Message


def get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers={key.replace("_", "-"): value
                                                   for key, value in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""
