"""The read stage of a render: a book's reading rules, and what each chapter will say with
which voice."""

from __future__ import annotations

from pathlib import Path

from .audio.master import Profile
from .book import Book
from .config import Settings, resolve
from .folder import LEXICON_FILE, BookFolder
from .reading import (
    Lexicon,
    Pauses,
    ReadingProfile,
    defined_abbreviations,
    read_chapter,
    unknown_tokens,
)
from .voices.synthesis import ChapterScript
from .voices.voice import find_voice, voice_folders


def _voice_lexicons() -> list[Path]:
    return [voices / LEXICON_FILE for voices in reversed(voice_folders())]


def reading_rules(folder: Path | None = None, given: Settings | None = None,
                  book: Book | None = None) -> tuple[ReadingProfile, Lexicon]:
    """The reading choices (the command line's, book.toml's [reading], the user's settings)
    and the lexicon: built-in entries, then voices/lexicon.tsv, then the book's lexicon.tsv,
    each overriding the one before. ``book``: the folder's book, when it is loaded already."""
    if folder is None:
        return resolve(given=given).reading, book_lexicon(None, book)
    place = BookFolder(folder)
    book = book or place.load()
    return resolve(book, place.book_file, given).reading, book_lexicon(place, book)


def book_lexicon(place: BookFolder | None, book: Book | None = None) -> Lexicon:
    """The lexicon a book is read with: built-in entries, the abbreviations the book defines
    ('vật liệu xây dựng (VLXD)'), the voices' lexicons, the folder's lexicon.tsv."""
    texts = [t for c in book.chapters for t in [c.title, *c.paragraphs]] if book else []
    return Lexicon.load(*_voice_lexicons(), *([place.lexicon] if place else []),
                        defined=defined_abbreviations(texts))


def chapter_scripts(book: Book, rules: tuple[ReadingProfile, Lexicon], profile: Profile,
             voice_name: str | None) -> list[ChapterScript]:
    """What each spoken chapter will say, with which voice; numbered as its chapter file."""
    reading, lexicon = rules
    pauses = Pauses().scaled(profile.pause_scale)

    def script(number: int, title: str, paragraphs: list[str], voice: str) -> ChapterScript:
        utterances = read_chapter(title, paragraphs, reading, lexicon, pauses)
        return ChapterScript(number, title or paragraphs[0], utterances, find_voice(voice))

    scripts = [
        script(number, chapter.title, chapter.paragraphs,
               voice_name or chapter.voice or book.voice)
        for number, chapter in enumerate(book.chapters, start=1) if not chapter.skip
    ]
    if profile.announcements:
        opening, closing = announcements(book)
        scripts.insert(0, script(0, "", [opening], voice_name or book.voice))
        scripts.append(script(len(book.chapters) + 1, "", [closing], voice_name or book.voice))
        scripts[0].title, scripts[-1].title = "Lời giới thiệu", "Lời kết"
    return scripts


def unknown_words(book: Book, lexicon: Lexicon) -> list[str]:
    """Tokens of the book's text that fell through to letter-by-letter spelling."""
    found: dict[str, None] = {}
    for chapter in book.spoken_chapters():
        for text in [chapter.title, *chapter.paragraphs]:
            found.update(dict.fromkeys(unknown_tokens(text, lexicon)))
    return list(found)


def announcements(book: Book) -> tuple[str, str]:
    """Opening and closing lines for public loudspeakers, from the book's metadata; the
    ward's listeners are greeted by its name when it is known."""
    edition = f", {book.edition()}" if book.edition() else ""
    listeners = f"bà con nhân dân {book.ward}" if book.ward else "bà con"
    greeting = f"Kính thưa {listeners}. " if book.ward else ""
    publisher = f"{book.publisher} xin giới thiệu" if book.publisher else "Xin giới thiệu"
    opening = f"{greeting}{publisher} bản tin {book.title}{edition}."
    closing = f"Bản tin {book.title} đến đây là kết thúc. Cảm ơn {listeners} đã lắng nghe."
    return opening, closing
