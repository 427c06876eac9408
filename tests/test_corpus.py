"""Real news goes through ``briefgen extract`` without an error or a skipped file.

The whole PolNeAR corpus (924 articles) takes several minutes, too long for every test run:
``benchmarks/corpus_run.py`` runs it all. Here every tenth article, a fixed sample spread
over both splits and all seven outlets, goes through one run of the command line.
"""

import json
from pathlib import Path

import pytest

from briefgen.cli import EXIT_OK, main

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
SAMPLE_EVERY = 10


def sample() -> list[Path]:
    return sorted(CORPUS.glob("*/text/*.txt"))[::SAMPLE_EVERY]


@pytest.mark.skipif(not sample(), reason=f"the PolNeAR corpus is not at {CORPUS}")
def test_a_sample_of_real_news_is_extracted_in_one_run_without_errors(tmp_path, capsys):
    articles = sample()
    out = tmp_path / "corpus.json"
    code = main(["extract", *map(str, articles), "-o", str(out)])
    lines = capsys.readouterr().err.splitlines()
    assert code == EXIT_OK
    assert [line for line in lines if line.startswith(("briefgen: error", "briefgen: skipped"))] == []
    # Every article is English news: the language check must stay quiet on all of them.
    assert [line for line in lines if "does not look like English" in line] == []
    briefing = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(s["path"]).name for s in briefing["sources"]] == [a.name for a in articles]
