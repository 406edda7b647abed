"""The pictures of docs/huong-dan.md: the real command line's output, in Vietnamese, recorded
as SVG. Each scene runs `tts-pipeline` as a staff member would, in a scratch folder holding the
sample bulletin, and draws what the terminal showed (colours included; progress bars as they
end). Usage: python tools/guide_pictures.py [SCENE ...]   (default: every scene)"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
PICTURES = ROOT / "docs" / "huong-dan"
SAMPLE = ROOT / "input" / "ban-tin-phuong-dong-ho-2025-11.pdf"
BOOK = "output/ban-tin-phuong-dong-ho-2025-11"
WIDTH = 92
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class Scene:
    """One picture: files laid in the folder and commands run first (not shown), then the
    command it shows."""

    name: str
    title: str
    command: tuple[str, ...]
    setup: tuple[tuple[str, ...], ...] = ()
    files: tuple[tuple[str, bytes], ...] = ()


SCENES = (
    Scene("tro-giup", "Trợ giúp", ("--help",)),
    Scene("chuyen-doi", "Chuyển một bản tin",
          ("convert", "input/ban-tin-phuong-dong-ho-2025-11.pdf")),
    Scene("soat-loi-doc", "Soát lời đọc",
          ("read", "Sáng 8/3, UBND phường tổ chức kỷ niệm 116 năm Ngày Quốc tế Phụ nữ, "
                   "quán triệt Chỉ thị 50-CT/TƯ.")),
    Scene("giong-doc", "Giọng đọc", ("voices",)),
    Scene("cai-dat", "Cài đặt", ("config", "--explain", BOOK),
          setup=(("config", "set", "publisher", "Đảng ủy phường Đông Hồ"),
                 ("config", "set", "ward", "phường Đông Hồ"),
                 ("extract", "input/ban-tin-phuong-dong-ho-2025-11.pdf"))),
    Scene("loi", "Một lỗi", ("convert", "input/ban-tin-thang-12.pdf"),
          files=(("input/ban-tin-thang-12.pdf", b""),)),
)


def scene_environment(home: Path) -> dict[str, str]:
    """No language named (Vietnamese), colours on, progress drawn once when it ends."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in LANGUAGE_VARIABLES}
    environment.update(FORCE_COLOR="1", TTY_INTERACTIVE="0", TERM="xterm-256color",
                       COLUMNS=str(WIDTH), XDG_CONFIG_HOME=str(home / "config"),
                       XDG_DATA_HOME=str(home / "data"))
    return environment


def run_scene(scene: Scene, folder: Path) -> str:
    """The scene's terminal output (ANSI), run in `folder`."""
    environment = scene_environment(folder)
    script = Path(sys.executable).with_name("tts-pipeline")  # the command staff type
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "tts_pipeline"]
    for name, data in scene.files:
        (folder / name).write_bytes(data)
    for step in scene.setup:
        subprocess.run(command + list(step), cwd=folder, env=environment, check=True,
                       capture_output=True)
    shown = subprocess.run(command + list(scene.command), cwd=folder, env=environment,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # Paths as on a staff member's machine, not this checkout's or the scratch folder's.
    return shown.stdout.replace(str(folder / "config"), "~/.config").replace(f"{ROOT}/", "")


def picture(scene: Scene, output: str) -> str:
    """An SVG of the prompt, the command and what it printed."""
    console = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor")
    shown = " ".join(f'"{part}"' if " " in part else part for part in scene.command)
    console.print(Text.assemble(("$ ", "bold green"), ("tts-pipeline " + shown, "bold")))
    console.print(Text.from_ansi(output.rstrip()))
    return console.export_svg(title=f"tts-pipeline — {scene.title}")


def make_picture(scene: Scene) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "input").mkdir()
        shutil.copy(SAMPLE, folder / "input" / SAMPLE.name)
        return picture(scene, run_scene(scene, folder))


def main(names: list[str]) -> None:
    PICTURES.mkdir(parents=True, exist_ok=True)
    for scene in SCENES:
        if names and scene.name not in names:
            continue
        (PICTURES / f"{scene.name}.svg").write_text(make_picture(scene), encoding="utf-8")
        print(f"wrote {(PICTURES / scene.name).relative_to(ROOT)}.svg")


if __name__ == "__main__":
    main(sys.argv[1:])
