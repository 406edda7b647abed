"""The read stage of a render: a book's reading rules, and what each chapter will say with
which voice."""

from __future__ import annotations

from pathlib import Path

from .audio.master import Profile
from .book import BOOK_FILE, Book, BookError
from .folder import LEXICON_FILE, BookFolder
from .reading import Lexicon, Pauses, ReadingProfile, read_chapter, unknown_tokens
from .voices.synthesis import ChapterScript
from .voices.voice import find_voice, voice_folders


def _voice_lexicons() -> list[Path]:
    return [voices / LEXICON_FILE for voices in reversed(voice_folders())]


def reading_rules(folder: Path | None = None) -> tuple[ReadingProfile, Lexicon]:
    """The reading profile (book.toml's [reading]) and the lexicon: built-in entries, then
    voices/lexicon.tsv, then the book's lexicon.tsv, each overriding the one before."""
    if folder is None:
        return ReadingProfile(), Lexicon.load(*_voice_lexicons())
    place = BookFolder(folder)
    return book_rules(place, place.load())


def book_rules(place: BookFolder, book: Book) -> tuple[ReadingProfile, Lexicon]:
    """`reading_rules` of a book already loaded."""
    folder = place.root
    try:
        profile = ReadingProfile(**book.reading)
    except TypeError:
        raise BookError(
            f"{folder / BOOK_FILE}: [reading] takes thousand, zero_tens and day_prefix"
        ) from None
    return profile, Lexicon.load(*_voice_lexicons(), place.lexicon)


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
    """Opening and closing lines for public loudspeakers, from the book's metadata."""
    edition = f", {book.edition()}" if book.edition() else ""
    publisher = f"{book.publisher} xin giới thiệu" if book.publisher else "Xin giới thiệu"
    opening = f"{publisher} bản tin {book.title}{edition}."
    closing = f"Bản tin {book.title} đến đây là kết thúc. Cảm ơn bà con đã lắng nghe."
    return opening, closing
