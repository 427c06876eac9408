import pytest

from briefgen.nlp import get_pipeline


@pytest.fixture(scope="session")
def nlp():
    """The one spaCy pipeline every test shares (loading it takes about a second)."""
    return get_pipeline()
