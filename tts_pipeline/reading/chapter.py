"""The reading stage's entry point: a chapter (title + paragraphs) → timed utterances."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields

from .lexicon import Lexicon, default_lexicon
from .normalize import normalize
from .numbers import DEFAULT_PROFILE, ReadingProfile
from .sentences import chunk, split_sentences


@dataclass(frozen=True)
class Pauses:
    """Seconds of silence after an utterance."""

    title: float = 1.2
    sentence: float = 0.4
    paragraph: float = 0.9
    clause: float = 0.2  # after a chunk of a long sentence cut at a comma

    def scaled(self, factor: float) -> Pauses:
        """All pauses multiplied by ``factor``."""
        return Pauses(**{f.name: getattr(self, f.name) * factor for f in fields(self)})


DEFAULT_PAUSES = Pauses()


@dataclass(frozen=True)
class Utterance:
    """One piece of speech: what is shown, what is said, and the silence after it."""

    written: str  # the text as written (shown in subtitles), NFC
    spoken: str  # what the engine says: Vietnamese words + sentence punctuation only
    pause_after: float


def explain(
    text: str, profile: ReadingProfile = DEFAULT_PROFILE, lexicon: Lexicon | None = None
) -> list[tuple[str, str]]:
    """Per sentence: (written, spoken)."""
    return [(s, normalize(s, profile, lexicon)) for s in split_sentences(text)]


def read_chapter(
    title: str,
    paragraphs: list[str],
    profile: ReadingProfile = DEFAULT_PROFILE,
    lexicon: Lexicon | None = None,
    pauses: Pauses = DEFAULT_PAUSES,
) -> list[Utterance]:
    """Title, then every paragraph's sentences (long ones chunked), each with its pause."""
    lexicon = lexicon if lexicon is not None else default_lexicon()
    utterances = []
    written_title = " ".join(unicodedata.normalize("NFC", title).split())
    if spoken_title := normalize(written_title, profile, lexicon):
        utterances.append(Utterance(written_title, spoken_title, pauses.title))
    for paragraph in paragraphs:
        spoken_paragraph: list[Utterance] = []
        for sentence in split_sentences(paragraph):
            parts = [(part, normalize(part, profile, lexicon)) for part in chunk(sentence)]
            parts = [(written, spoken) for written, spoken in parts if spoken]
            spoken_paragraph += [
                Utterance(written, spoken, pauses.clause if i < len(parts) - 1 else pauses.sentence)
                for i, (written, spoken) in enumerate(parts)
            ]
        if spoken_paragraph:
            last = spoken_paragraph[-1]
            spoken_paragraph[-1] = Utterance(last.written, last.spoken, pauses.paragraph)
        utterances += spoken_paragraph
    return utterances
