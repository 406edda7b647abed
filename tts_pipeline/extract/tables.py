"""Read a table's rows aloud: each row once, each cell with its column's header where that
helps a listener.

A table whose first row is a clear header (every cell text, not a number, and at least two
data rows under it) is read row by row as the row's label (its first cell, as printed), then
each other filled cell as '<header>: <cell>': 'Vùng I, Mức lương tối thiểu tháng: 5.310.000'.
The header row itself is not read: every cell it names already carries it, so it would only
repeat. Kept as printed, without a prefix: a cell that already starts with its header ('Vùng
I' under 'Vùng'), and a sequence-number column ('TT', 'STT', 'Số thứ tự'), after which the
next column is the row's label. A header's closing note in brackets ('Mức lương tối thiểu
tháng (Đơn vị: đồng/tháng)'), mostly a unit, is said once, with the first value under it, and
left out after that: a listener needs the unit once, not on every row. A row of column numbers
right under the header ('(1)', '(2)', …) says nothing and is not read.

A table without a clear header is read as before: each row's filled cells joined by ', '.
Either way a row identical to the header (printed again on the next page) is not read again,
and a table carried on from the page before under the same columns keeps its header."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MIN_DATA_ROWS = 2  # a header heads at least this many rows
HEADER_WORDS = 15  # a header cell is short: a cell of more words is data
SEQUENCE_HEADERS = {"tt", "stt", "sốtt", "sốthứtự"}  # spaces and dots left out

_NUMBER = re.compile(r"[\d\s.,%+\-–/()]+")
_NOTE = re.compile(r"^(.*?\S)\s*(\([^()]*\))$")
_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?\.?")


def _key(text: str) -> str:
    """Text compared without case, accents' encoding or spacing."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def is_header(row: list[str]) -> bool:
    """Whether a row can head a table: every cell short text, none empty or a number."""
    return len(row) >= 2 and all(
        cell.strip()
        and not _NUMBER.fullmatch(cell)
        and any(ch.isalpha() for ch in cell)
        and len(cell.split()) <= HEADER_WORDS
        for cell in row
    )


def _column_numbers(row: list[str]) -> bool:
    """Whether a row only numbers the columns: '(1)', '(2)', '(3)' or '1', '2', '3'."""
    numbers = [_COLUMN_NUMBER.fullmatch(cell.strip()) for cell in row]
    return all(numbers) and [int(n[1]) for n in numbers if n] == list(range(1, len(row) + 1))


def _split_note(header: str) -> tuple[str, str]:
    """A header's name and its closing note in brackets ('' when it has none)."""
    match = _NOTE.match(header.strip())
    return (match[1], match[2]) if match else (header.strip(), "")


def _sequence(header: str) -> bool:
    return re.sub(r"[\s.]", "", _key(header)) in SEQUENCE_HEADERS


@dataclass
class TableReading:
    """The reading of a document's tables in order: the header in force, the notes said."""

    header: list[str] | None = None  # the last table's first row
    headed: bool = False  # whether that row is a clear header, read into the cells
    noted: set[int] = field(default_factory=set)  # columns whose note has been said

    def read(self, rows: list[list[str]], continued: bool = False) -> list[str]:
        """The rows to read, one text each. `continued`: the table goes on from the one
        before, on the page before, with nothing read between."""
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            return []
        same = self.header is not None and len(rows[0]) == len(self.header)
        if same and (continued or _key("|".join(rows[0])) == _key("|".join(self.header))):
            data = self._data(rows)
        else:
            self.header, self.noted, self.headed = rows[0], set(), is_header(rows[0])
            data = self._data(rows[1:])
            self.headed = self.headed and len(data) >= MIN_DATA_ROWS
            data = data if self.headed else [rows[0], *self._data(rows[1:])]
        if not self.headed:
            return [", ".join(cell for cell in row if cell) for row in data]
        return [self._row(row) for row in data]

    def _data(self, rows: list[list[str]]) -> list[list[str]]:
        """The rows that are no header printed again and no row of column numbers."""
        header = _key("|".join(self.header or []))
        return [
            row
            for number, row in enumerate(rows)
            if _key("|".join(row)) != header
            and not (number == 0 and self.headed and _column_numbers(row))
        ]

    def _row(self, row: list[str]) -> str:
        """A data row: its label as printed, each other cell after its header."""
        assert self.header is not None
        label = 1 if _sequence(self.header[0]) else 0
        parts = []
        for column, (cell, header) in enumerate(zip(row, self.header, strict=False)):
            if not cell:
                continue
            name, note = _split_note(header)
            if column <= label or _sequence(header) or _key(cell).startswith(_key(name)):
                parts.append(cell)
                continue
            if note and column not in self.noted:
                self.noted.add(column)
                name = f"{name} {note}"
            parts.append(f"{name}: {cell}")
        return ", ".join(parts)
