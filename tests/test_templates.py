"""House-style templates: shipped ones load, broken ones fail with the key named."""

from pathlib import Path

import pytest

from briefgen.errors import TemplateError
from briefgen.templates import list_templates, load_template


def write(tmp_path: Path, text: str, name: str = "house.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_templates_are_listed_and_load():
    assert {"memo", "brief"} <= set(list_templates())
    for name in list_templates():
        assert load_template(name).name == name


def test_default_is_the_plain_memo():
    template = load_template(None)
    assert template.name == "memo"
    assert template.sections[0] == "header"


def test_shipped_templates_look_clearly_different():
    memo, brief = load_template("memo"), load_template("brief")
    assert memo.fonts.pdf_body != brief.fonts.pdf_body
    assert memo.page.paper != brief.page.paper
    assert memo.colours.accent != brief.colours.accent
    assert memo.sections != brief.sections
    assert brief.logo is not None and brief.logo.is_file()


def test_template_from_a_path_resolves_relative_files(tmp_path):
    (tmp_path / "logo.png").write_bytes((Path(__file__).parent.parent / "templates" / "brief-logo.png").read_bytes())
    path = write(tmp_path, 'logo = "logo.png"\n[labels]\nsummary = "Key points"\n')
    template = load_template(str(path))
    assert template.logo == tmp_path / "logo.png"
    assert template.labels.summary == "Key points"
    assert template.name == "house"


@pytest.mark.parametrize(
    "text, key",
    [
        ('[colours]\naccent = "teal"\n', "colours.accent"),
        ('[colours]\nacent = "#000000"\n', "colours.acent"),
        ('sections = ["summary", "appendix"]\n', "sections[1]"),
        ('sections = ["summary", "summary"]\n', "sections"),
        ('[page]\npaper = "a3"\n', "page.paper"),
        ('[page]\nmargin_left_mm = 2\n', "page.margin_left_mm"),
        ('[fonts]\npdf_body = "Comic Neue"\n', "fonts.pdf_body"),
        ('[fonts]\npdf_body = "missing.ttf"\n', "fonts.pdf_body"),
        ('[caps]\nlow_confidence = 1.5\n', "caps.low_confidence"),
        ('[labels]\npage_of = "Page {page}"\n', "labels"),
        ('logo = "nowhere.png"\n', "logo"),
        ('[header]\nfields = ["to", "cc"]\n', "header.fields[1]"),
        ('folder = "/etc"\n', "folder"),
    ],
)
def test_broken_template_names_the_key(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(TemplateError) as caught:
        load_template(str(path))
    assert caught.value.what.startswith(key + ":"), caught.value.what
    assert caught.value.where == str(path)


def test_invalid_toml_is_a_template_error(tmp_path):
    path = write(tmp_path, "sections = [\n")
    with pytest.raises(TemplateError, match="not valid TOML"):
        load_template(str(path))


def test_unknown_template_name_lists_the_shipped_ones():
    with pytest.raises(TemplateError, match="memo"):
        load_template("no-such-style")


def test_missing_template_file(tmp_path):
    with pytest.raises(TemplateError, match="not found"):
        load_template(str(tmp_path / "absent.toml"))


def test_template_values_are_data_never_code(tmp_path):
    # A label that looks like a format expression is shown as text, never evaluated.
    path = write(tmp_path, '[labels]\nsummary = "{0.__class__} __import__(\'os\')"\n')
    assert load_template(str(path)).labels.summary == "{0.__class__} __import__('os')"
