"""Shared fixtures: a tiny real Marian model built locally, and the Apertium requirement.

``tiny_marian_dir`` trains a SentencePiece vocabulary on generated French and English
sentences, writes MarianTokenizer files and a randomly initialised (fixed seed) MarianMTModel
saved as safetensors. It is a real model of the production architecture, only small: it
loads through ``MarianEngine`` exactly as opus-mt-fr-en does, and translates into noise.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from support import TINY_MAX_POSITIONS, apertium_required

_FR_SUBJECTS = ["le ministre", "la commission", "les experts", "le gouvernement", "la ville",
                "les habitants", "le président", "la banque centrale", "les chercheurs"]
_FR_VERBS = ["annonce", "rejette", "propose", "finance", "examine", "soutient", "critique"]
_FR_OBJECTS = ["un nouveau plan", "la réforme des retraites", "le budget de l'année",
               "un accord commercial", "les mesures sanitaires", "une enquête publique"]
_FR_TAILS = ["mardi", "depuis trois ans", "avec prudence", "à Paris", "en 2024",
             "pour 40 millions d'euros", "selon le rapport", "malgré les critiques"]
_FR_EXTRA = ["Toutefois", "Par ailleurs", "En revanche", "Hier soir", "Selon Reuters",
             "Dans un communiqué", "Au Parlement", "Lors du sommet", "Après le vote"]
_EN_EXTRA = ["However", "Moreover", "By contrast", "Last night", "According to Reuters",
             "In a statement", "In Parliament", "At the summit", "After the vote"]
_EN_SUBJECTS = ["the minister", "the commission", "the experts", "the government", "the city",
                "the residents", "the president", "the central bank", "the researchers"]
_EN_VERBS = ["announces", "rejects", "proposes", "funds", "examines", "supports", "criticises"]
_EN_OBJECTS = ["a new plan", "the pension reform", "the annual budget", "a trade agreement",
               "the health measures", "a public inquiry"]
_EN_TAILS = ["on Tuesday", "for three years", "with caution", "in Paris", "in 2024",
             "for 40 million euros", "according to the report", "despite the criticism"]



def pytest_configure(config: pytest.Config) -> None:
    # Tests never reach a model hub: whatever a test runs, transformers and huggingface_hub
    # stay on local files (tests that need otherwise set their own environment).
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # Tests write only under temporary folders: hypothesis's caches too (not ./.hypothesis).
    if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:
        os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = tempfile.mkdtemp(prefix="mtqa-hypothesis-")


_TIERS = ("unit", "e2e", "browser")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> None:
    # Every test lives in a tier (see CONTRIBUTING.md); one left at tests/ would escape the
    # unit tier's guard and `make test-fast` without anyone noticing.
    tests = Path(__file__).resolve().parent
    if (
        file_path.suffix == ".py"
        and file_path.name.startswith("test_")
        and file_path.resolve().parent == tests
    ):
        raise pytest.UsageError(
            f"{file_path.name} is at tests/: move it into tests/{'/, tests/'.join(_TIERS)}/"
        )


def training_sentences(count: int = 400, seed: int = 7) -> list[str]:
    """Generated French and English sentences (half each) to train the tiny vocabulary."""
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        if i % 2:
            parts = [_FR_EXTRA, _FR_SUBJECTS, _FR_VERBS, _FR_OBJECTS, _FR_TAILS]
        else:
            parts = [_EN_EXTRA, _EN_SUBJECTS, _EN_VERBS, _EN_OBJECTS, _EN_TAILS]
        words = " ".join(rng.choice(p) for p in parts)
        words += f" ({rng.randint(1, 9999)} {rng.choice(['km', '%', 'kg', '€', '$'])})"
        lines.append(words[0].upper() + words[1:] + rng.choice([".", " ; ensuite, oui.", "!"]))
    return lines


def build_tiny_marian(directory: Path, *, seed: int = 0) -> Path:
    """Write a tiny MarianMT checkpoint (tokenizer files + safetensors weights) to directory."""
    sentencepiece = pytest.importorskip("sentencepiece")
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")

    directory.mkdir(parents=True, exist_ok=True)
    corpus = directory / "corpus.txt"
    corpus.write_text("\n".join(training_sentences()) + "\n", encoding="utf-8")
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(directory / "spm"),
        vocab_size=256,
        hard_vocab_limit=False,  # the corpus is small: accept a few pieces fewer
        model_type="unigram",
        character_coverage=1.0,
        bos_id=-1,
        eos_id=1,
        unk_id=0,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    corpus.unlink()
    shutil.copy(directory / "spm.model", directory / "source.spm")
    shutil.move(directory / "spm.model", directory / "target.spm")
    (directory / "spm.vocab").unlink()

    processor = sentencepiece.SentencePieceProcessor(model_file=str(directory / "source.spm"))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    # Marian's layout: </s> first, <unk> next, the pieces, <pad> last (also decoder start).
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        if piece not in vocab:
            vocab[piece] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), "utf-8")
    (directory / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "MarianTokenizer",
                "source_lang": "fr",
                "target_lang": "en",
                "model_max_length": TINY_MAX_POSITIONS,
                "separate_vocabs": False,
            }
        ),
        "utf-8",
    )
    (directory / "special_tokens_map.json").write_text(
        json.dumps({"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}), "utf-8"
    )

    pad = vocab["<pad>"]
    config = transformers.MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=TINY_MAX_POSITIONS,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        scale_embedding=True,
        init_std=0.5,  # large random weights so different inputs give different outputs
        share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(seed)
    model = transformers.MarianMTModel(config)
    model.generation_config.bad_words_ids = [[pad]]
    model.save_pretrained(directory, safe_serialization=True)
    return directory


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny real MarianMT checkpoint folder (built once per test session)."""
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"))


@pytest.fixture
def apertium() -> None:
    """Fixture form of ``apertium_required``."""
    apertium_required()
