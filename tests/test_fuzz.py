"""Property: whatever bytes a file holds, briefgen either refuses it with its own error or
writes a briefing whose JSON validates and whose DOCX and PDF open. Never a crash.

The default run is short for CI (the spaCy pipeline loads once per session; every example
renders seven formats). ``BRIEFGEN_FUZZ_EXAMPLES=500 python -m pytest tests/test_fuzz.py``
runs longer; ``python benchmarks/fuzz.py`` runs many more inputs and prints the counts.
"""

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fixtures.hostile import ARTICLE, SEEDS, run_once

EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "6"))

# Text that looks like what analysts paste, mixed with anything Unicode allows (control
# characters and lone surrogates included), then encoded as a file would be.
NEWS_WORDS = ["said", "on", "3 March 2024", "Norway", "Chile", '"', "“", "”", "in 2020", ".", "\n", "\n\n",
              "Anna Berg", "the minister", "<b>", "&amp;", "]]>", "---\n", "according to", "signed", "met"]
fragments = st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=20))
texts = st.lists(fragments, max_size=60).map(" ".join)
encoded = st.one_of(
    texts.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    texts.map(lambda t: t.encode("utf-16", errors="surrogatepass")),
    texts.map(lambda t: t.encode("cp1252", errors="replace")),
    st.binary(max_size=400),
)
inputs = st.one_of(
    st.sampled_from(SEEDS),
    encoded,
    st.tuples(st.sampled_from(SEEDS), encoded, st.sampled_from(SEEDS)).map(b"".join),
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(data=inputs, suffix=st.sampled_from([".txt", ".md"]))
@example(data=SEEDS[15], suffix=".md")  # surrogate, control character and markup in the title
@example(data=ARTICLE.encode("utf-8"), suffix=".txt")
def test_any_input_is_refused_cleanly_or_makes_valid_documents(data, suffix):
    with tempfile.TemporaryDirectory() as workdir:
        assert run_once(data, Path(workdir), suffix) in {"error", "success"}


def test_the_seeds_hold_both_refusals_and_memos(tmp_path):
    # The rule above is only worth checking if inputs reach both ends of it.
    outcomes = {run_once(SEEDS[i], tmp_path / str(i)) for i in (0, 4)}
    assert outcomes == {"error", "success"}
