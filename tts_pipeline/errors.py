"""The base of every error a user can fix: the command line prints its message as one line."""


class UserError(Exception):
    """A mistake in the input, a book folder, a voice or the settings; the message says what
    is wrong and what to do."""
