"""`tts-pipeline voices install`: a tiny Piper voice served from 127.0.0.1 (never the
internet), downloaded with resume and checks, then used by `convert`; and the real catalogue's
entries are well-formed."""

import hashlib
import os
import re
import shlex
import subprocess
import sys
import threading
import tomllib
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tts_pipeline.cli import app
from tts_pipeline.voices import catalogue, install
from tts_pipeline.voices.catalogue import CATALOGUE, MIRROR_ENV, CatalogueVoice, RemoteFile
from tts_pipeline.voices.voice import ENGINES, pip_install_command

REVISION = "0123456789abcdef0123456789abcdef01234567"
NAME = "tiny-installable"
PIPER_FOLDER = "vi/vi_VN/tiny/x_low"


class VoiceServer(ThreadingHTTPServer):
    """Serves `files` by path and honours `Range: bytes=N-`; a path in `drop_once` is cut off
    halfway through the first time, a path in `fail` answers with that status."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.files: dict[str, bytes] = {}
        self.drop_once: set[str] = set()
        self.fail: dict[str, int] = {}
        self.requests: list[tuple[str, str | None]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


class Handler(BaseHTTPRequestHandler):
    server: VoiceServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, wanted = self.path, self.headers.get("Range")
        self.server.requests.append((path, wanted))
        if path in self.server.fail:
            self.send_error(self.server.fail[path])
            return
        if path not in self.server.files:
            self.send_error(404)
            return
        body = self.server.files[path]
        start = int(re.fullmatch(r"bytes=(\d+)-", wanted)[1]) if wanted else 0
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if path in self.server.drop_once:
            self.server.drop_once.discard(path)
            self.wfile.write(body[start:len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body[start:])

    def log_message(self, *arguments: object) -> None:
        pass


@pytest.fixture
def server():
    running = VoiceServer()
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


@pytest.fixture
def home(tmp_path, monkeypatch, server):
    """The user's folders under tmp_path, and the voice mirror pointed at the test server."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(MIRROR_ENV, server.url)
    monkeypatch.setenv("LANGUAGE", "en")  # the messages these tests read are the English ones
    monkeypatch.chdir(tmp_path)
    return tmp_path


def served_voice(server: VoiceServer, files: dict[str, bytes], monkeypatch,
                 published: dict[str, tuple[int | None, str | None]] | None = None
                 ) -> CatalogueVoice:
    """A catalogue entry for `files`, served by `server`; `published` overrides the size and
    MD5 the catalogue lists for a file."""
    published = published or {}
    remote = []
    for name, body in files.items():
        size, md5 = published.get(name, (len(body), hashlib.md5(body).hexdigest()))
        remote.append(RemoteFile(f"{PIPER_FOLDER}/{name}", size, md5))
        server.files[f"/test/voices/resolve/{REVISION}/{PIPER_FOLDER}/{name}"] = body
    voice = CatalogueVoice(
        name=NAME, engine="piper", description="tiny test voice", repository="test/voices",
        revision=REVISION, files=tuple(remote), model="tiny.onnx", licence="CC0",
        licence_note="a test voice", licence_url="https://example.invalid/licence",
    )
    monkeypatch.setitem(CATALOGUE, NAME, voice)
    return voice


def path_of(name: str) -> str:
    return f"/test/voices/resolve/{REVISION}/{PIPER_FOLDER}/{name}"


def tiny_files(folder: Path) -> dict[str, bytes]:
    pytest.importorskip("piper", reason="piper extra not installed")
    from test_piper import build_model

    folder.mkdir()
    model = build_model(folder)
    config = model.with_name("tiny.onnx.json")
    return {"tiny.onnx": model.read_bytes(), "tiny.onnx.json": config.read_bytes(),
            "MODEL_CARD": b"# Model card for tiny\n* License: CC0\n"}


def run(*arguments: str):
    return CliRunner().invoke(app, list(arguments))


def voices_folder(home: Path) -> Path:
    return home / "data" / "tts-pipeline" / "voices"


def leftovers(home: Path) -> list[Path]:
    """What a failed install left in the voices folder."""
    folder = voices_folder(home)
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.mark.slow
def test_install_then_convert_with_the_installed_voice(home, server, monkeypatch, tmp_path):
    files = tiny_files(tmp_path / "built")
    served_voice(server, files, monkeypatch)
    result = run("voices", "install", NAME)
    assert result.exit_code == 0, result.output
    assert "Licence: CC0" in result.output and "installed:" in result.output
    toml = voices_folder(home) / f"{NAME}.toml"
    written = tomllib.loads(toml.read_text(encoding="utf-8"))
    assert written["engine"] == "piper" and written["licence"] == "CC0"
    assert written["options"]["model"] == f"{NAME}/tiny.onnx"
    assert written["source"]["revision"] == REVISION
    for name, body in files.items():
        installed = voices_folder(home) / NAME / name
        assert installed.read_bytes() == body
        assert written["source"]["files"][name]["sha256"] == hashlib.sha256(body).hexdigest()
    assert not list(voices_folder(home).glob(".*"))  # no temporary left behind

    listing = run("voices")
    row = next(line for line in listing.output.splitlines() if line.startswith(f"│ {NAME}"))
    assert "yes" in row

    bulletin = tmp_path / "ban-tin.md"
    bulletin.write_text("# Thông báo\n\nPhường họp tổ dân phố số 5 vào ngày 12.\n\n"
                        "# Lịch tiêm chủng\n\nTrạm y tế tiêm vắc-xin cho trẻ em.\n",
                        encoding="utf-8")
    converted = subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "convert", str(bulletin), "--voice", NAME,
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert converted.returncode == 0, converted.stderr
    from readback import chapters, duration

    (m4b,) = (tmp_path / "out").rglob("*.m4b")
    found = chapters(m4b)
    assert [chapter["title"] for chapter in found] == ["Thông báo", "Lịch tiêm chủng"]
    assert duration(m4b) == pytest.approx(found[-1]["end"], abs=0.05) and duration(m4b) > 1


def test_an_interrupted_download_resumes_with_a_range_request(home, server, monkeypatch):
    files = {"tiny.onnx": os.urandom(300_000), "tiny.onnx.json": b"{}",
             "MODEL_CARD": b"card"}
    served_voice(server, files, monkeypatch)
    server.drop_once.add(path_of("tiny.onnx"))
    first = run("voices", "install", NAME)
    assert first.exit_code == 1
    assert "stopped after 150000 of 300000 bytes" in first.output
    assert "run the same command again" in first.output and "Traceback" not in first.output
    assert leftovers(home) == []

    second = run("voices", "install", NAME)
    assert second.exit_code == 0, second.output
    model_requests = [wanted for path, wanted in server.requests if path == path_of("tiny.onnx")]
    assert model_requests == [None, "bytes=150000-"]
    assert (voices_folder(home) / NAME / "tiny.onnx").read_bytes() == files["tiny.onnx"]

    again = run("voices", "install", NAME)
    assert again.exit_code == 0 and "is already installed" in again.output
    forced = run("voices", "install", NAME, "--force")
    assert forced.exit_code == 0, forced.output
    model_requests = [wanted for path, wanted in server.requests if path == path_of("tiny.onnx")]
    assert model_requests == [None, "bytes=150000-", None]


def test_a_wrong_checksum_is_refused_and_the_file_removed(home, server, monkeypatch):
    body = os.urandom(5000)
    served_voice(server, {"tiny.onnx": body, "MODEL_CARD": b"card"}, monkeypatch,
                 published={"tiny.onnx": (5000, hashlib.md5(b"other").hexdigest())})
    result = run("voices", "install", NAME)
    assert result.exit_code == 1
    assert "tiny.onnx does not match its published checksum" in result.output
    assert "removed it" in result.output and "Traceback" not in result.output
    assert leftovers(home) == []
    assert not [path for path in (home / "cache").rglob("*") if path.is_file()]


def test_a_file_longer_than_published_is_refused_and_removed(home, server, monkeypatch):
    served_voice(server, {"tiny.onnx": b"y" * 2000, "MODEL_CARD": b"card"}, monkeypatch,
                 published={"tiny.onnx": (1000, hashlib.md5(b"y" * 1000).hexdigest())})
    result = run("voices", "install", NAME)
    assert result.exit_code == 1
    assert "tiny.onnx is 2000 bytes, not the 1000 published: removed it" in result.output
    assert leftovers(home) == []
    assert not [path for path in (home / "cache").rglob("*") if path.is_file()]


@pytest.mark.parametrize("status", [404, 500])
def test_a_server_error_is_one_line(home, server, monkeypatch, status):
    served_voice(server, {"tiny.onnx": b"x" * 100, "MODEL_CARD": b"card"}, monkeypatch)
    server.fail[path_of("MODEL_CARD")] = status
    result = run("voices", "install", NAME)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"the server answered {status}" in errors[0]
    assert path_of("MODEL_CARD") in errors[0]
    assert leftovers(home) == []


def test_a_file_without_a_published_checksum_is_installed_and_said(home, server,
                                                                     monkeypatch):
    served_voice(server, {"tiny.onnx": b"m" * 1000, "MODEL_CARD": b"card"}, monkeypatch,
                 published={"tiny.onnx": (None, None)})
    result = run("voices", "install", NAME)
    assert result.exit_code == 0, result.output
    assert "tiny.onnx has no published checksum: only its length was checked" in result.output


def test_an_unknown_name_lists_the_installable_voices(home):
    result = run("voices", "install", "vi_VN-khong-co")
    assert result.exit_code == 1
    assert "no voice named 'vi_VN-khong-co' can be installed: choose one of" in result.output
    assert "vi_VN-vais1000-medium" in result.output and leftovers(home) == []


def test_no_network_is_one_line(home, monkeypatch, server):
    served_voice(server, {"MODEL_CARD": b"card"}, monkeypatch)
    monkeypatch.setenv(MIRROR_ENV, "http://127.0.0.1:9")  # nothing listens on port 9
    result = run("voices", "install", NAME)
    assert result.exit_code == 1
    assert "error: cannot reach 127.0.0.1:9" in result.output and leftovers(home) == []


@pytest.fixture
def engine_missing(monkeypatch):
    """The piper engine as if its extra were not installed."""
    monkeypatch.setitem(ENGINES, "piper", replace(ENGINES["piper"], probe="no_such_module_x"))


def test_a_missing_engine_without_yes_prints_the_pip_command(home, server, monkeypatch,
                                                             engine_missing):
    served_voice(server, {"MODEL_CARD": b"card"}, monkeypatch)
    ran = []
    monkeypatch.setattr(install.subprocess, "run", lambda *a, **k: ran.append(a))
    result = run("voices", "install", NAME)
    assert result.exit_code == 0, result.output
    command = shlex.join(pip_install_command("piper"))
    assert "piper-tts<2,>=1.3" in command or "piper-tts>=1.3,<2" in command
    assert f"The piper engine is not installed: run {command}" in result.output
    assert ran == []  # nothing installed without the user's yes


def test_a_missing_engine_with_yes_runs_pip(home, server, monkeypatch, engine_missing):
    served_voice(server, {"MODEL_CARD": b"card"}, monkeypatch)
    ran = []

    def pip(command, **options):
        ran.append((command, options))
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(install.subprocess, "run", pip)
    result = run("voices", "install", NAME, "--yes")
    assert result.exit_code == 0, result.output
    assert ran == [(pip_install_command("piper"), {"check": False})]
    assert ran[0][0][:4] == [sys.executable, "-m", "pip", "install"]
    assert any(part.startswith("piper-tts") for part in ran[0][0][4:])


def test_the_real_catalogue_is_pinned_and_published():
    assert {"vi_VN-vais1000-medium", "vi_VN-25hours_single-low", "vi_VN-vivos-x_low",
            "mms-tts-vie"} <= set(CATALOGUE)
    for voice in CATALOGUE.values():
        assert voice.engine in ENGINES and voice.licence and voice.licence_url.startswith(
            "https://")
        for file in voice.files:
            url = voice.url(file, base=catalogue.HUB)
            assert url.startswith(f"https://huggingface.co/{voice.repository}/resolve/")
            if voice.engine == "piper":  # voices.json publishes these
                assert voice.pinned and re.fullmatch(r"[0-9a-f]{40}", voice.revision)
                assert file.size > 0 and re.fullmatch(r"[0-9a-f]{32}", file.md5)
                assert url.endswith(f"/{voice.name}.onnx") or url.endswith(
                    f"/{voice.name}.onnx.json") or url.endswith("/MODEL_CARD")
    mms = CATALOGUE["mms-tts-vie"]
    assert mms.licence == "CC BY-NC 4.0"
    assert {file.name for file in mms.files} == {"G_100000.pth", "config.json", "vocab.txt"}
    assert mms.size is None  # Meta publishes no sizes: the listing says "unknown"


@pytest.fixture
def installed(home, server, monkeypatch, tmp_path):
    """The tiny Piper voice, installed from the test server."""
    served_voice(server, tiny_files(tmp_path / "built"), monkeypatch)
    assert run("voices", "install", NAME).exit_code == 0
    return NAME


@pytest.mark.slow
def test_try_writes_an_mp3_and_plays_it_with_the_player_found(installed, home, monkeypatch):
    bin_folder = home / "bin"
    bin_folder.mkdir()
    played = home / "played.txt"
    player = bin_folder / "ffplay"
    player.write_text(f'#!/bin/sh\necho "$@" > {played}\n')
    player.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    result = run("voices", "try", installed, "Tổ dân phố số 5 họp lúc 19 giờ.", "--out",
                 str(home / "thu.mp3"))
    assert result.exit_code == 0, result.output
    from readback import ffmpeg_log

    assert "Audio: mp3" in ffmpeg_log("-i", str(home / "thu.mp3"), "-f", "null", "-")
    assert played.read_text().split()[-1] == str(home / "thu.mp3")


@pytest.mark.slow
def test_try_says_when_there_is_no_player(installed, home, monkeypatch):
    monkeypatch.setenv("PATH", str(home / "empty"))
    result = run("voices", "try", installed, "Xin chào.")
    assert result.exit_code == 0, result.output
    assert (home / f"{installed}.wav").is_file()
    assert "no audio player found" in result.output


def test_try_a_voice_not_installed_says_how_to_install_it(home):
    result = run("voices", "try", "vi_VN-vivos-x_low", "Xin chào.")
    assert result.exit_code == 1
    assert "run tts-pipeline voices install vi_VN-vivos-x_low" in result.output


def test_try_refuses_another_kind_of_file(home):
    result = run("voices", "try", "vi-north", "Xin chào.", "--out", "thu.ogg")
    assert result.exit_code == 2 and "--out must end in .wav or .mp3" in result.output


def test_mms_is_installed_as_the_folder_the_coqui_loader_reads(home, server):
    mms = CATALOGUE["mms-tts-vie"]
    for file in mms.files:
        server.files[f"/{mms.repository}/resolve/{mms.revision}/{file.path}"] = b"x" * 10
    result = run("voices", "install", mms.name)
    assert result.exit_code == 0, result.output
    assert "Licence: CC BY-NC 4.0" in result.output
    assert result.output.count("has no published checksum") == 3
    written = tomllib.loads((voices_folder(home) / "mms-tts-vie.toml").read_text("utf-8"))
    assert written["engine"] == "coqui" and written["licence"] == "CC BY-NC 4.0"
    assert written["options"] == {"model": "mms-tts-vie", "seed": 0}
    folder = voices_folder(home) / "mms-tts-vie"
    assert sorted(path.name for path in folder.iterdir()) == [
        "G_100000.pth", "config.json", "vocab.txt"]
