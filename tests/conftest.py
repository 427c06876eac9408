import pytest

from briefgen.nlp import get_pipeline


@pytest.fixture(scope="session")
def nlp():
    return get_pipeline()
