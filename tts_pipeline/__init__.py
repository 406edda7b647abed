"""tts-pipeline: Vietnamese bulletins into chaptered audiobooks."""

__version__ = "0.1.0"
