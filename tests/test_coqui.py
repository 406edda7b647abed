"""The coqui-tts engine on tiny random VITS models: a coqui checkpoint and Meta's MMS layout."""

import json
import os
import re
import signal
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip(
    "TTS", reason="coqui extra not installed: pip install -e '.[coqui]' (docs/neural-voices.md)"
)

import torch  # noqa: E402
from TTS.config.shared_configs import BaseAudioConfig  # noqa: E402
from TTS.tts.configs.shared_configs import CharactersConfig  # noqa: E402
from TTS.tts.configs.vits_config import VitsArgs, VitsConfig  # noqa: E402
from TTS.tts.models.vits import Vits  # noqa: E402
from voicefile import voice_beside  # noqa: E402

from tts_pipeline.voices import synthesis  # noqa: E402
from tts_pipeline.voices.voice import Voice, VoiceError, load_engine  # noqa: E402

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "fjwz"
TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
PUNCTUATION = "!'(),-.:;? "
SHORT = "Xin chào."
LONG = "Xin chào bà con tổ dân phố số bảy, phường Đông Hồ. Ủy ban nhân dân phường thông báo!"
HOP = 16  # samples per frame: the product of the decoder's upsample rates

TINY_LAYERS = {
    "hidden_channels": 16,
    "filter_channels": 32,
    "n_heads": 2,
    "n_layers": 1,
    "kernel_size": 3,
    "resblock": "1",
    "resblock_kernel_sizes": [3],
    "resblock_dilation_sizes": [[1, 3, 5]],
    "upsample_rates": [4, 4],
    "upsample_initial_channel": 32,
    "upsample_kernel_sizes": [8, 8],
}
AUDIO = {
    "sample_rate": 16000, "fft_size": 128, "win_length": 128, "hop_length": HOP, "num_mels": 20,
}


def tiny_args(**more: object) -> VitsArgs:
    """VitsArgs for TINY_LAYERS, named as coqui names them."""
    return VitsArgs(
        out_channels=AUDIO["fft_size"] // 2 + 1,
        hidden_channels=TINY_LAYERS["hidden_channels"],
        hidden_channels_ffn_text_encoder=TINY_LAYERS["filter_channels"],
        num_heads_text_encoder=TINY_LAYERS["n_heads"],
        num_layers_text_encoder=TINY_LAYERS["n_layers"],
        kernel_size_text_encoder=TINY_LAYERS["kernel_size"],
        resblock_type_decoder=TINY_LAYERS["resblock"],
        resblock_kernel_sizes_decoder=TINY_LAYERS["resblock_kernel_sizes"],
        resblock_dilation_sizes_decoder=TINY_LAYERS["resblock_dilation_sizes"],
        upsample_rates_decoder=TINY_LAYERS["upsample_rates"],
        upsample_initial_channel_decoder=TINY_LAYERS["upsample_initial_channel"],
        upsample_kernel_sizes_decoder=TINY_LAYERS["upsample_kernel_sizes"],
        init_discriminator=False,
        **more,
    )


def build_coqui_model(folder: Path) -> Path:
    """A character-based Vietnamese VITS with random weights, saved as coqui saves one."""
    config = VitsConfig(
        audio=BaseAudioConfig(**AUDIO),
        model_args=tiny_args(num_layers_posterior_encoder=1, num_layers_flow=1),
        use_phonemes=False,
        text_cleaner="basic_cleaners",
        add_blank=True,
        languages=["vi"],
        characters=CharactersConfig(
            characters_class="TTS.tts.models.vits.VitsCharacters",
            pad="<PAD>", eos="<EOS>", bos="<BOS>", blank="<BLNK>",
            characters="".join(sorted(set(LETTERS + TONED))),
            punctuations=PUNCTUATION,
            phonemes=None,
            is_unique=True,
            is_sorted=True,
        ),
    )
    torch.manual_seed(1)
    model = Vits(config)
    config.save_json(str(folder / "config.json"))
    torch.save({"model": model.state_dict()}, folder / "tiny.pth")
    return folder / "tiny.pth"


# coqui's names for the parameters of fairseq's VITS, the reverse of its MMS loader's renaming
_TO_FAIRSEQ = [
    (r"^text_encoder\.", "enc_p."),
    (r"^waveform_decoder\.", "dec."),
    (r"^posterior_encoder\.", "enc_q."),
    (r"^flow\.flows\.([0-3])\.", lambda m: f"flow.flows.{2 * int(m[1])}."),
    (r"^duration_predictor\.(post_)?flows\.0\.translation", r"dp.\1flows.0.m"),
    (r"^duration_predictor\.(post_)?flows\.0\.log_scale", r"dp.\1flows.0.logs"),
    (r"^duration_predictor\.(post_)?flows\.([1-4])\.",
     lambda m: f"dp.{m[1] or ''}flows.{2 * int(m[2]) - 1}."),
    (r"^duration_predictor\.", "dp."),
]


def fairseq_name(name: str) -> str:
    for pattern, replacement in _TO_FAIRSEQ:
        renamed, count = re.subn(pattern, replacement, name)
        if count:
            return renamed
    return name


def build_mms_model(folder: Path) -> Path:
    """An MMS-style folder (G_<step>.pth, vocab.txt, config.json) holding a tiny random VITS."""
    folder.mkdir()
    vocab = ["_", *PUNCTUATION, *sorted(set(LETTERS + TONED))]
    (folder / "vocab.txt").write_text("".join(f"{symbol}\n" for symbol in vocab), "utf-8")
    data = {
        "training_files": "data/train.ltr",
        "sampling_rate": AUDIO["sample_rate"],
        "filter_length": AUDIO["fft_size"],
        "win_length": AUDIO["win_length"],
        "hop_length": AUDIO["hop_length"],
        "n_mel_channels": AUDIO["num_mels"],
        "add_blank": True,
        "n_speakers": 0,
    }
    settings = {"data": data, "model": {"inter_channels": 16, **TINY_LAYERS}}
    (folder / "config.json").write_text(json.dumps(settings), "utf-8")
    torch.manual_seed(2)
    model = Vits(VitsConfig(audio=BaseAudioConfig(**AUDIO), model_args=tiny_args()))
    model.text_encoder.emb = torch.nn.Embedding(len(vocab), TINY_LAYERS["hidden_channels"])
    weights = {fairseq_name(name): value for name, value in model.state_dict().items()}
    torch.save({"model": weights, "iteration": 0}, folder / "G_0.pth")
    return folder


def voice_in(folder: Path, **options: object) -> Voice:
    return voice_beside(folder, "coqui", "tiny.pth", **options)


def test_tiny_vits_speaks_vietnamese(tmp_path, caplog):
    build_coqui_model(tmp_path)
    engine = load_engine(voice_in(tmp_path))
    short = engine.synthesize(SHORT)
    longer = engine.synthesize(LONG)
    assert "not found in the vocabulary" not in caplog.text
    assert engine.name == "coqui" and engine.sample_rate == 16000
    assert engine.version[0].isdigit()
    assert short.dtype == np.float32 and longer.dtype == np.float32
    assert short.ndim == 1 and np.isfinite(longer).all() and np.abs(longer).max() <= 1.0
    assert len(longer) > 3 * len(short) > 0
    assert len(short) % HOP == 0


def test_seeded_and_slowed(tmp_path):
    build_coqui_model(tmp_path)
    engine = load_engine(voice_in(tmp_path))
    first = engine.synthesize(LONG)
    engine.synthesize(SHORT)
    assert np.array_equal(engine.synthesize(LONG), first)
    other_seed = load_engine(voice_in(tmp_path, seed=5)).synthesize(LONG)
    assert not np.array_equal(other_seed, first)
    slow = load_engine(voice_in(tmp_path), rate_scale=0.5).synthesize(LONG)
    assert len(slow) > 1.6 * len(first)


def test_decomposed_text_reads_as_composed(tmp_path):
    import unicodedata

    build_coqui_model(tmp_path)
    engine = load_engine(voice_in(tmp_path))
    decomposed = unicodedata.normalize("NFD", LONG)
    assert np.array_equal(engine.synthesize(decomposed), engine.synthesize(LONG))


def test_config_option_and_missing_config(tmp_path):
    build_coqui_model(tmp_path)
    (tmp_path / "config.json").rename(tmp_path / "settings.json")
    with pytest.raises(VoiceError, match="config missing"):
        load_engine(voice_in(tmp_path))
    assert load_engine(voice_in(tmp_path, config="settings.json")).sample_rate == 16000


def test_mms_folder(tmp_path, caplog):
    build_mms_model(tmp_path / "mms-vie")
    engine = load_engine(voice_in(tmp_path, model="mms-vie"))
    short = engine.synthesize(SHORT)
    longer = engine.synthesize(LONG)
    assert "not found in the vocabulary" not in caplog.text
    assert engine.sample_rate == 16000
    assert longer.dtype == np.float32 and np.isfinite(longer).all()
    assert len(longer) > 3 * len(short) > 0
    assert np.array_equal(engine.synthesize(SHORT), short)
    checkpoint = load_engine(voice_in(tmp_path, model="mms-vie/G_0.pth"))
    assert np.array_equal(checkpoint.synthesize(SHORT), short)


def test_folder_without_mms_files_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(VoiceError, match="no vocab.txt"):
        load_engine(voice_in(tmp_path, model="empty"))
    (tmp_path / "empty" / "vocab.txt").write_text("_\n a\n", "utf-8")
    with pytest.raises(VoiceError, match="G_<step>.pth"):
        load_engine(voice_in(tmp_path, model="empty"))


@pytest.mark.skipif(torch.cuda.is_available(), reason="a CUDA GPU is present")
def test_cuda_without_gpu_is_refused(tmp_path):
    build_coqui_model(tmp_path)
    with pytest.raises(VoiceError, match="no CUDA GPU"):
        load_engine(voice_in(tmp_path), device="cuda")


def _threads_here(_: int) -> tuple[int, str, str]:
    return (torch.get_num_threads(), os.environ.get("OMP_NUM_THREADS", ""),
            os.environ.get("TTS_PIPELINE_THREADS", ""))


def test_each_pool_worker_computes_with_its_share_of_the_cores(tmp_path):
    """Two worker processes each running PyTorch's thread pool on every core were twice as slow
    as one process (docs/benchmarks.md); each worker now gets its share."""
    build_mms_model(tmp_path / "mms-vie")
    voice = voice_in(tmp_path, model="mms-vie")
    arguments = (2, voice, 1.0, "cpu", tmp_path / "cache")
    with ProcessPoolExecutor(2, initializer=synthesis._start_pool_worker,
                             initargs=arguments) as pool:
        seen = set(pool.map(_threads_here, range(6)))
    share = max(1, (os.cpu_count() or 1) // 2)
    assert seen == {(share, str(share), str(share))}


FORK_AFTER_TORCH = """
import os, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from test_coqui import build_mms_model, voice_in
from tts_pipeline.voices import synthesis
if __name__ == "__main__":
    os.cpu_count = lambda: 4  # two threads for each of two workers, as on a four-core PC
    folder = Path(sys.argv[2])
    build_mms_model(folder / "mms-vie")
    voice = voice_in(folder, model="mms-vie")
    synthesis.load_engine(voice).synthesize("xin chào")  # the parent computes first
    items = [(f"k{n}", "Xin chào bà con khu phố " + str(n)) for n in range(4)]
    synthesis._fill_cache(items, voice, 1.0, "cpu", folder / "cache", 2, lambda: None)
    print(len(list((folder / "cache").rglob("*.flac"))))
"""


def test_workers_started_after_the_parent_used_pytorch_do_not_hang(tmp_path):
    """A forked worker inherits PyTorch's OpenMP state without its threads and hangs on its
    first computation when it runs more than one thread (seen: a re-render that synthesized one
    sentence in-process, then a book with many); such workers come from a fork server."""
    script = tmp_path / "fork_after_torch.py"
    script.write_text(FORK_AFTER_TORCH, encoding="utf-8")
    run = subprocess.Popen([sys.executable, str(script), str(Path(__file__).parent),
                            str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, start_new_session=True)
    try:
        out, err = run.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        pytest.fail("the worker processes hung")
    assert run.returncode == 0, err[-2000:]
    assert out.split()[-1] == "4"
