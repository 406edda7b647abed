"""The nginx settings of docs/nginx-site.conf, tested on a real nginx serving a published
site: MIME types, byte ranges, compression, caching headers, hidden files. The load it takes
is measured in bench/site_load.py."""

import gzip

import pytest
from bulletin import book_folder
from httpget import get
from nginx import nginx

from tts_pipeline import pipeline, publish
from tts_pipeline.publish.settings import PublishSettings


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nginx")
    book = book_folder(folder / "output" / "so-1", [0.3, 0.3])
    pipeline.render_folder(book, pipeline.RenderOptions(mp3_single=True))
    site = folder / "site"
    publish.publish(folder / "output", PublishSettings(site=str(site),
                                                       base_url="https://bantin.example.vn"))
    with nginx(site, folder / "nginx") as base:
        yield base, site


@pytest.mark.parametrize(("path", "kind"), [
    ("", "text/html; charset=utf-8"), ("so-1/", "text/html; charset=utf-8"),
    ("feed.xml", "application/rss+xml; charset=utf-8"),
    ("so-1/chapters.json", "application/json; charset=utf-8"),
    ("so-1/so-1.vtt", "text/vtt; charset=utf-8"), ("so-1/so-1.mp3", "audio/mpeg"),
    ("so-1/so-1.m4b", "audio/mp4"), ("so-1/qr.png", "image/png"),
    ("so-1/qr.svg", "image/svg+xml"), ("assets/player.js", "application/javascript; charset=utf-8"),
])
def test_every_file_has_its_type(served, path, kind):
    base, _ = served
    status, headers, _ = get(f"{base}/{path}")
    assert status == 200 and headers["Content-Type"] == kind


def test_audio_answers_byte_ranges_and_caches_for_a_day(served):
    base, site = served
    audio = (site / "so-1" / "so-1.m4b").read_bytes()
    status, headers, body = get(f"{base}/so-1/so-1.m4b", Range="bytes=2000-2999")
    assert status == 206 and body == audio[2000:3000]
    assert headers["Content-Range"] == f"bytes 2000-2999/{len(audio)}"
    status, headers, body = get(f"{base}/so-1/so-1.mp3", Range="bytes=-512")
    assert status == 206 and len(body) == 512
    assert headers["Cache-Control"] == "public, max-age=86400" and headers["ETag"]
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert get(f"{base}/so-1/so-1.mp3")[1]["Accept-Ranges"] == "bytes"
    status, _, _ = get(f"{base}/so-1/so-1.mp3", Range=f"bytes={len(audio) * 10}-")
    assert status == 416


@pytest.mark.parametrize("path", ["", "feed.xml", "so-1/so-1.vtt", "assets/site.css"])
def test_text_is_compressed_and_revalidated_after_five_minutes(served, path):
    base, site = served
    status, headers, body = get(f"{base}/{path}", Accept_Encoding="gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (site / (path or "index.html")).read_bytes()
    assert headers["Cache-Control"] == "public, max-age=300"
    assert "Accept-Encoding" in headers["Vary"]
    status, _, _ = get(f"{base}/{path}", If_None_Match=headers["ETag"].replace("W/", ""))
    assert status == 304


def test_manifest_and_staging_folders_are_not_served(served):
    base, site = served
    assert (site / ".published.json").is_file()
    status, _, _ = get(f"{base}/.published.json")
    assert status == 404
