"""The book folder: `book.toml` plus one Markdown file per chapter, the contract with staff."""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from .errors import UserError
from .i18n import _

BOOK_FILE = "book.toml"
CHAPTER_DIR = "chapters"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slugify(text: str, max_length: int = 48) -> str:
    """ASCII file-name slug of a Vietnamese text: 'Hội nghị Đảng ủy' → 'hoi-nghi-dang-uy'."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-") or "untitled"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


PARTIAL_GLOB = ".*.part*"  # what temporary_path names: files not complete yet


def temporary_path(target: Path, tag: str = "") -> Path:
    """The hidden name a file is written under until it is complete ('.name<tag>.part.ext');
    renamed into place then, and removed by the next run when a run died first."""
    return target.with_name(f".{target.stem}{tag}.part{target.suffix}")


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write to a temporary name beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(path, f".{os.getpid()}")
    if isinstance(data, str):
        data = data.encode("utf-8")
    temporary.write_bytes(data)
    os.replace(temporary, path)


@dataclass
class Chapter:
    title: str
    paragraphs: list[str]
    file: str = ""
    skip: bool = False
    voice: str | None = None

    def markdown(self) -> str:
        body = "\n\n".join(self.paragraphs)
        return nfc(f"# {self.title}\n\n{body}\n")


@dataclass
class Book:
    title: str
    chapters: list[Chapter]
    publisher: str = ""
    issue: str = ""
    date: str = ""
    language: str = "vi"
    voice: str = ""  # "" and [] here: not set for this book (see config.py)
    profiles: list[str] = field(default_factory=list)
    ward: str = ""  # the ward's name, for tags and the loudspeaker announcement
    source: str = ""
    source_sha256: str = ""
    cover: str = ""
    reading: dict[str, str] = field(default_factory=dict)  # ReadingProfile options
    chapters_found: str = ""  # how extraction found the chapters: "outline, confidence 0.93"

    def spoken_chapters(self) -> list[Chapter]:
        return [chapter for chapter in self.chapters if not chapter.skip]

    def edition(self) -> str:
        """Which issue this is, in words: "Số 11/2025, tháng 11 năm 2025" (parts the title
        already says are left out)."""
        parts = [self.issue] if self.issue and self.issue not in self.title else []
        month = re.fullmatch(r"(\d{4})-(\d{2})", self.date)
        if month:
            parts.append(f"tháng {int(month.group(2))} năm {month.group(1)}")
        return ", ".join(parts)


def assign_chapter_files(book: Book) -> None:
    """Give each chapter a stable, safe file name: chapters/NN-slug.md."""
    for number, chapter in enumerate(book.chapters, start=1):
        chapter.file = f"{CHAPTER_DIR}/{number:02d}-{slugify(chapter.title)}.md"


UNSET_WHEN_EMPTY = ("ward", "voice", "profiles")  # left out of book.toml unless set for it


def book_toml(book: Book) -> str:
    chapters = []
    for chapter in book.chapters:
        entry: dict[str, object] = {"file": chapter.file, "skip": chapter.skip}
        if chapter.voice:
            entry["voice"] = chapter.voice
        chapters.append(entry)
    document = {
        "title": book.title,
        "publisher": book.publisher,
        "ward": book.ward,
        "issue": book.issue,
        "date": book.date,
        "language": book.language,
        "voice": book.voice,
        "profiles": book.profiles,
        "source": book.source,
        "source_sha256": book.source_sha256,
        "cover": book.cover,
        "chapters_found": book.chapters_found,
        "reading": book.reading,
        "chapters": chapters,
    }
    for setting in UNSET_WHEN_EMPTY:
        if not document[setting]:
            del document[setting]
    header = (
        "# Titles and text live in the chapter files; set skip = true to leave a chapter out.\n"
        "# voice, profiles, ward or [reading] written here override `tts-pipeline config`.\n"
    )
    return header + nfc(tomli_w.dumps(document))


def write_book(book: Book, folder: Path) -> None:
    """Write book.toml and every chapter file (the caller decides what may be overwritten)."""
    for chapter in book.chapters:
        write_atomically(folder / chapter.file, chapter.markdown())
    write_atomically(folder / BOOK_FILE, book_toml(book))


def parse_chapter(text: str) -> tuple[str, list[str]]:
    """Title and paragraphs of a chapter file: '# Title', then paragraphs split by blank lines."""
    text = nfc(text).replace("\r\n", "\n")
    title = ""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if not title and lines[0].startswith("# "):
            title = lines[0][2:].strip()
            lines = lines[1:]
        if lines:
            paragraphs.append(" ".join(lines))
    return title, paragraphs


class BookError(UserError):
    """A book folder that cannot be read; the message says what to fix."""


def read_book(folder: Path) -> Book:
    path = folder / BOOK_FILE
    if not path.is_file():
        raise BookError(_("{folder} has no {file}: run `tts-pipeline extract` on the PDF first"
                          ).format(folder=folder, file=BOOK_FILE))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BookError(_("{file} is not valid TOML ({error}): fix the file or extract again"
                          ).format(file=path, error=error)) from None
    chapters = []
    for entry in data.get("chapters", []):
        chapter_path = folder / entry["file"]
        if not chapter_path.is_file():
            raise BookError(_("{file} is listed in {book_file} but missing: extract again, or "
                              "remove it from {book_file}").format(
                file=chapter_path, book_file=BOOK_FILE))
        title, paragraphs = parse_chapter(chapter_path.read_text(encoding="utf-8"))
        chapters.append(
            Chapter(
                title=title or chapter_path.stem,
                paragraphs=paragraphs,
                file=entry["file"],
                skip=bool(entry.get("skip", False)),
                voice=entry.get("voice"),
            )
        )
    profiles = data.get("profiles", [])
    return Book(
        title=nfc(data.get("title", folder.name)),
        chapters=chapters,
        publisher=nfc(data.get("publisher", "")),
        issue=nfc(data.get("issue", "")),
        date=data.get("date", ""),
        language=data.get("language", "vi"),
        ward=nfc(data.get("ward", "")),
        voice=data.get("voice", ""),
        profiles=[profiles] if isinstance(profiles, str) else list(profiles),
        source=data.get("source", ""),
        source_sha256=data.get("source_sha256", ""),
        cover=data.get("cover", ""),
        reading=dict(data.get("reading", {})),
        chapters_found=data.get("chapters_found", ""),
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def book_lock(path: Path) -> Iterator[None]:
    """Hold a book folder's lock file with our pid; refuse a live holder, take over a dead
    one's lock."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                holder = int(path.read_text().strip() or 0)
            except (OSError, ValueError):
                holder = 0
            if holder and holder != os.getpid() and _alive(holder):
                raise BookError(_(
                    "{folder} is being rendered by another run (pid {pid}): "
                    "wait for it to finish, or stop that process").format(
                    folder=folder, pid=holder)) from None
            path.unlink(missing_ok=True)
            continue
        with os.fdopen(descriptor, "w") as handle:
            handle.write(str(os.getpid()))
        break
    else:
        raise BookError(_("could not take the lock {file}: remove it if no run is active"
                          ).format(file=path))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
