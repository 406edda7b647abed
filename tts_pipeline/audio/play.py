"""Playing a short file through whatever command-line player this computer has."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# (program, its arguments before the file, the kinds of file it plays), in order of preference
PLAYERS = (
    ("ffplay", ("-nodisp", "-autoexit", "-loglevel", "quiet"), (".wav", ".mp3")),
    ("mpv", ("--no-video", "--really-quiet"), (".wav", ".mp3")),
    ("afplay", (), (".wav", ".mp3")),
    ("paplay", (), (".wav",)),
    ("aplay", ("-q",), (".wav",)),
)


def player_for(path: Path) -> list[str] | None:
    """The command that plays `path` here; None when no known player is installed."""
    for program, arguments, kinds in PLAYERS:
        found = shutil.which(program)
        if found and path.suffix.lower() in kinds:
            return [found, *arguments, str(path)]
    return None


def play(path: Path) -> bool:
    """Play `path` to its end; False when there is no player (or it failed)."""
    command = player_for(path)
    return command is not None and subprocess.run(
        command, check=False, stdin=subprocess.DEVNULL).returncode == 0
