import pytest

from briefgen.nlp import get_pipeline


@pytest.fixture(autouse=True)
def private_extraction_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own extraction cache, so no test reads another's entries or the user's."""
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path_factory.mktemp("cache") / "extractions.sqlite3"))


@pytest.fixture(scope="session")
def nlp():
    """The one spaCy pipeline every test shares (loading it takes about a second)."""
    return get_pipeline()
