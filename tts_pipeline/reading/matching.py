"""Helpers for regex callbacks that look at the text just before a match.

Patterns that start with a literal or a character class let the regex engine skip ahead
quickly, so the context checks that would otherwise be look-behinds live here instead.
"""

from __future__ import annotations

import re


def glued(m: re.Match[str], also: str = "") -> bool:
    """Whether the match is glued to the character before it (a letter, digit, or ``also``)."""
    if m.start() == 0:
        return False
    before = m.string[m.start() - 1]
    return before.isalnum() or before == "_" or before in also


def preceded_by(m: re.Match[str], pattern: re.Pattern[str], span: int = 40) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched against the text right before the match."""
    return pattern.search(m.string, max(0, m.start() - span), m.start())
