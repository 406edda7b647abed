"""A test voice: a voice file beside a tiny model, as voices/*.toml are written."""

from pathlib import Path

from tts_pipeline.voices.voice import Voice


def voice_beside(folder: Path, engine: str, model_file: str, **options: object) -> Voice:
    """A voice file in `folder` whose options name the model relative to it (`options` may
    name another)."""
    name = f"tiny-{engine}"
    toml = folder / f"{name}.toml"
    toml.write_text(f'name = "{name}"\nengine = "{engine}"\n[options]\nmodel = "{model_file}"\n')
    return Voice(name=name, engine=engine, options={"model": model_file, **options}, path=toml)
