"""espeak-ng engine, loaded in process from espeakng-loader's shared library through ctypes.

espeak-ng keeps synthesis state in static variables (pitch flutter, noise generator, echo
buffer), so the same text comes out a few samples different depending on what was spoken
before. Each utterance therefore gets a freshly loaded library: about 1.5 ms more per
utterance, and the audio of a text never depends on the order or the worker it ran in.
"""

from __future__ import annotations

import _ctypes
import ctypes
import threading

import numpy as np

from ..i18n import _
from .base import Voice, VoiceError

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_PARAM = {"rate": 1, "volume": 2, "pitch": 3, "range": 4, "word_gap": 7}

_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)
_lock = threading.Lock()


def _open() -> tuple[ctypes.CDLL, int]:
    """Load and initialise a pristine copy of the library; return it and its sample rate."""
    import espeakng_loader

    library = ctypes.CDLL(espeakng_loader.get_library_path())
    library.espeak_Initialize.restype = ctypes.c_int
    library.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    library.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    library.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    library.espeak_Synth.argtypes = [
        ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
        ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
    ]
    library.espeak_Info.restype = ctypes.c_char_p
    library.espeak_Info.argtypes = [ctypes.c_void_p]
    rate = library.espeak_Initialize(
        _AUDIO_OUTPUT_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(),
        _INITIALIZE_DONT_EXIT,
    )
    if rate <= 0:
        _close(library)
        raise RuntimeError("espeak-ng could not be initialised from espeakng-loader's data")
    return library, rate


def _close(library: ctypes.CDLL) -> None:
    library.espeak_Terminate()
    _ctypes.dlclose(library._handle)


class EspeakEngine:
    """Speaks text with an espeak-ng voice; `rate` in words per minute, `pitch` 0–100."""

    name = "espeak"

    def __init__(self, voice: Voice, rate_scale: float = 1.0, device: str = "cpu") -> None:
        """Options: voice (an espeak-ng voice name), rate, pitch, word_gap; espeak-ng runs on
        the CPU whatever the device."""
        options = voice.options
        self.voice = str(options.get("voice", "vi"))
        self.params = {"rate": round(options.get("rate", 165) * rate_scale),
                       "pitch": options.get("pitch", 50), "word_gap": options.get("word_gap", 0)}
        with _lock:
            library, self.sample_rate = _open()
            self.version = library.espeak_Info(None).decode()
            known = library.espeak_SetVoiceByName(self.voice.encode()) == 0
            _close(library)
        if not known:
            raise VoiceError(_("espeak-ng has no voice named {name!r}: use one of its Vietnamese "
                               "voices: {voices}").format(
                name=self.voice, voices="vi, vi-VN-x-central, vi-VN-x-south"))

    def synthesize(self, text: str) -> np.ndarray:
        chunks: list[np.ndarray] = []

        def collect(wav, count, _events) -> int:
            if count > 0:
                chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
            return 0

        callback = _CALLBACK(collect)
        data = text.encode("utf-8") + b"\0"
        with _lock:
            library, _ = _open()
            try:
                library.espeak_SetSynthCallback(callback)
                library.espeak_SetVoiceByName(self.voice.encode())
                for name, value in self.params.items():
                    library.espeak_SetParameter(_PARAM[name], int(value), 0)
                library.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None,
                                     None)
                library.espeak_Synchronize()
            finally:
                _close(library)
        samples = np.concatenate(chunks) if chunks else np.zeros(0, np.int16)
        return samples.astype(np.float32) / 32768.0
