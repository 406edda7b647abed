"""The staff guide, docs/huong-dan.md: its commands exist, its pictures are there, in
Vietnamese, and still show what the command line prints."""

from __future__ import annotations

import html
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "huong-dan.md"
sys.path.insert(0, str(ROOT / "tools"))

import guide_pictures  # noqa: E402

ENGLISH_WORDS = {"the", "is", "not", "and", "or", "file", "folder", "error", "usage",
                 "options", "commands", "show", "this", "message", "exit", "done", "with"}


def guide_commands() -> list[list[str]]:
    """Every `tts-pipeline …` line of the guide's shell blocks, as arguments."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    return [shlex.split(line, comments=True)[1:] for line in lines
            if line.startswith("tts-pipeline ")]


def svg_text(svg: str) -> str:
    """The words an SVG recorded by rich shows, line breaks kept apart."""
    pieces = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return " ".join(html.unescape(piece).replace("\xa0", " ") for piece in pieces)


def test_every_command_in_the_guide_is_one_the_tool_knows():
    commands = guide_commands()
    assert len(commands) >= 15
    for arguments in commands:
        shown = subprocess.run([sys.executable, "-m", "tts_pipeline", *arguments, "--help"],
                               capture_output=True, text=True, cwd=ROOT)
        assert shown.returncode == 0, f"tts-pipeline {shlex.join(arguments)}: {shown.stderr}"


def test_every_picture_is_in_the_guide_and_in_vietnamese():
    referenced = re.findall(r"!\[[^\]]+\]\(([^)]+\.svg)\)", GUIDE.read_text(encoding="utf-8"))
    assert sorted(Path(name).stem for name in referenced) == sorted(
        scene.name for scene in guide_pictures.SCENES)
    for name in referenced:
        words = re.findall(r"[^\W\d_]+", svg_text((GUIDE.parent / name).read_text("utf-8")))
        english = sorted({word for word in words if word.lower() in ENGLISH_WORDS})
        assert not english, f"{name} shows English: {english}"


@pytest.mark.parametrize("name", ["tro-giup", "soat-loi-doc", "loi"])
def test_a_picture_shows_what_the_command_prints_today(name):
    """Pictures whose output does not change from run to run are drawn again and compared."""
    scene = next(scene for scene in guide_pictures.SCENES if scene.name == name)
    committed = (guide_pictures.PICTURES / f"{name}.svg").read_text(encoding="utf-8")
    assert svg_text(guide_pictures.make_picture(scene)) == svg_text(committed)
