"""The published site, read back by tools that did not write it: feedparser (a podcast app's
parser), Python's HTML parser, mutagen, zbarimg for the QR codes, HTTP requests to the preview
server; and publishing is incremental and never leaves an issue half-written."""

import json
import os
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bulletin import rendered_issue, sample_articles
from httpget import get
from mutagen.id3 import ID3
from PIL import Image

from tts_pipeline import publish
from tts_pipeline.publish.serve import site_server
from tts_pipeline.publish.settings import PublishSettings

BASE = "https://bantin.example.vn/nghe"


def cli(*arguments):
    return subprocess.run([sys.executable, "-m", "tts_pipeline", *map(str, arguments)],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    """An output folder with one bulletin rendered with the single MP3."""
    return rendered_issue(tmp_path_factory.mktemp("publish"))


@pytest.fixture
def site(output, tmp_path):
    target = tmp_path / "site"
    report = publish.publish(output, PublishSettings(site=str(target), base_url=BASE))
    assert report.published == ["so-11"] and not report.failed
    return target


class Page(HTMLParser):
    """Tags and attributes of a page, as a browser's parser sees them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {key: value or "" for key, value in attrs}))

    def all(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag
                and all(attrs.get(key.replace("_", "-")) == value
                        for key, value in wanted.items())]

    def meta(self, prop: str) -> str:
        return next(a["content"] for a in self.all("meta") if a.get("property") == prop)


def test_feed_is_read_by_a_podcast_parser_with_chapters_and_transcript(site, output):
    parsed = feedparser.parse(str(site / "feed.xml"))
    assert not parsed.bozo and parsed.version == "rss20"
    assert parsed.feed.language == "vi" and parsed.feed.title
    (entry,) = parsed.entries
    mp3 = output / "so-11" / "so-11.mp3"
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"{BASE}/so-11/so-11.mp3" and enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == mp3.stat().st_size == (site / "so-11/so-11.mp3").stat().st_size
    assert entry.id == "so-11" and entry.link == f"{BASE}/so-11/"
    assert entry.podcast_chapters["url"] == f"{BASE}/so-11/chapters.json"
    assert entry.podcast_chapters["type"] == "application/json+chapters"
    assert entry.podcast_transcript["url"] == f"{BASE}/so-11/so-11.vtt"
    chapters = json.loads((site / "so-11" / "chapters.json").read_text("utf-8"))
    frames = sorted(ID3(mp3).getall("CHAP"), key=lambda frame: frame.start_time)
    assert chapters["version"] == "1.2.0"
    assert [c["title"] for c in chapters["chapters"]] == [a.title for a in sample_articles(3)]
    assert [c["startTime"] for c in chapters["chapters"]] == pytest.approx(
        [frame.start_time / 1000 for frame in frames], abs=0.001)


def test_issue_page_plays_without_javascript_and_keeps_everything_local(site):
    page = Page((site / "so-11" / "index.html").read_text(encoding="utf-8"))
    chapter_audio = page.all("audio", **{"class": "chapter-audio"})
    assert len(chapter_audio) == 3 and all(a["controls"] == "" for a in chapter_audio)
    for attrs in [*chapter_audio, *page.all("audio", id="audio"), *page.all("img"),
                  *page.all("script"), *page.all("link", rel="stylesheet")]:
        address = attrs.get("src") or attrs.get("href")
        assert "//" not in address, address  # nothing from another server
        assert (site / "so-11" / address).resolve().is_file(), address
    assert page.all("html") == [{"lang": "vi"}]
    assert page.meta("og:title") == "Thông tin tuyên truyền – Số 11/2025"
    assert page.meta("og:image") == f"{BASE}/so-11/cover.jpg"
    assert page.meta("og:url") == f"{BASE}/so-11/"
    jumps = page.all("a", **{"class": "jump"})
    assert [float(a["data-start"]) for a in jumps] == sorted(float(a["data-start"]) for a in jumps)
    assert all(a["aria-label"] for a in page.all("button") if "aria-label" in a)
    index = Page((site / "index.html").read_text(encoding="utf-8"))
    assert [a["href"] for a in index.all("a") if a["href"].endswith("/")] == ["so-11/"]


def test_qr_codes_lead_to_the_issue_page(site):
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(site / "so-11" / "qr.png")],
                             capture_output=True, text=True, check=True)
    assert decoded.stdout.strip() == f"{BASE}/so-11/"
    assert Image.open(site / "so-11" / "qr.png").info["dpi"] == pytest.approx((300, 300), rel=1e-3)
    svg = ElementTree.parse(site / "so-11" / "qr.svg").getroot()
    assert svg.tag.endswith("svg")
    assert [t.text for t in svg.iter() if t.tag.endswith("title")] == [f"{BASE}/so-11/"]


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path.relative_to(folder)): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in folder.rglob("*") if path.is_file()}


def test_republishing_rewrites_nothing_and_audio_is_linked(site, output):
    before = _snapshot(site)
    report = publish.publish(output, PublishSettings(site=str(site), base_url=BASE))
    assert report.unchanged == ["so-11"] and not report.published
    assert _snapshot(site) == before
    source = output / "so-11" / "so-11.mp3"
    assert (site / "so-11" / "so-11.mp3").stat().st_ino == source.stat().st_ino


def test_a_changed_issue_is_replaced_whole_and_a_failure_leaves_the_old_one(site, output,
                                                                             monkeypatch):
    toml = output / "so-11" / "book.toml"
    original = toml.read_text(encoding="utf-8")
    page = site / "so-11" / "index.html"
    old_page = page.read_text(encoding="utf-8")
    try:
        toml.write_text(original.replace('title = "Thông tin tuyên truyền – Số 11/2025"',
                                          'title = "Thông tin tuyên truyền – Số 11/2025 (sửa)"'),
                        encoding="utf-8")

        def broken(url, folder):
            raise OSError("disk full")

        monkeypatch.setattr(publish, "write_qr_codes", broken)
        with pytest.raises(OSError):
            publish.publish(output, PublishSettings(site=str(site), base_url=BASE))
        assert page.read_text(encoding="utf-8") == old_page  # the old issue, whole
        assert not [p for p in site.iterdir() if p.name.startswith((".staging", ".old"))]
        monkeypatch.undo()
        report = publish.publish(output, PublishSettings(site=str(site), base_url=BASE))
        assert report.published == ["so-11"]
        assert "(sửa)" in page.read_text(encoding="utf-8")
        assert "(sửa)" in (site / "feed.xml").read_text(encoding="utf-8")
        assert (site / "so-11" / "qr.png").is_file()
    finally:
        toml.write_text(original, encoding="utf-8")


def test_publish_command_remembers_settings_and_names_books_it_cannot_publish(output, tmp_path):
    work = tmp_path / "output"
    shutil.copytree(output, work, ignore=shutil.ignore_patterns(".cache", "build"))
    shutil.copytree(work / "so-11", work / "chua-ghep")
    (work / "chua-ghep" / "chua-ghep.mp3").unlink(missing_ok=True)
    missing = cli("publish", work)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "--site" in missing.stderr
    first = cli("publish", work, "--site", tmp_path / "site", "--base-url", BASE)
    assert first.returncode == 1, first.stderr  # one book lacks its single MP3
    assert "chua-ghep" in first.stderr and "--mp3-single" in first.stderr
    assert (tmp_path / "site" / "so-11" / "index.html").is_file()
    again = cli("publish", work)
    assert "1 unchanged" in again.stderr and f"{BASE}/feed.xml" in again.stderr


def test_preview_server_answers_byte_ranges_with_the_right_types(site):
    server = site_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        audio = (site / "so-11" / "so-11.mp3").read_bytes()
        status, headers, body = get(f"{base}/so-11/so-11.mp3", Range="bytes=1000-1999")
        assert status == 206 and body == audio[1000:2000]
        assert headers["Content-Range"] == f"bytes 1000-1999/{len(audio)}"
        assert headers["Content-Type"] == "audio/mpeg"
        status, _, body = get(f"{base}/so-11/so-11.mp3", Range="bytes=-100")
        assert status == 206 and body == audio[-100:]
        status, headers, _ = get(f"{base}/so-11/so-11.mp3", Range=f"bytes={len(audio)}-")
        assert status == 416
        for name, kind in [("so-11/so-11.m4b", "audio/mp4"), ("so-11/so-11.vtt", "text/vtt"),
                           ("so-11/chapters.json", "application/json"), ("", "text/html")]:
            status, headers, _ = get(f"{base}/{name}")
            assert status == 200 and headers["Content-Type"].startswith(kind), name
    finally:
        server.shutdown()
        server.server_close()


def test_serve_refuses_a_folder_that_is_not_a_site(tmp_path):
    result = cli("serve", tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "tts-pipeline publish" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert os.listdir(tmp_path) == []
