"""Real readers accept what the writers make: qpdf checks the PDF, LibreOffice opens the DOCX.

Each test is skipped where its program is not installed.
"""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from briefgen.render.docx_writer import render_docx
from briefgen.render.options import RenderOptions
from briefgen.render.pdf_writer import render_pdf
from briefgen.templates import load_template
from fixtures import load, with_event_count

QPDF = shutil.which("qpdf")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(QPDF is None, reason="qpdf is not installed")
@pytest.mark.parametrize("fixture, template", [("realistic_briefing", "memo"), ("hard_text_briefing", "brief")])
def test_qpdf_accepts_the_pdf(tmp_path, fixture, template):
    path = tmp_path / "memo.pdf"
    path.write_bytes(render_pdf(with_event_count(load(fixture), 60), load_template(template), RenderOptions()))
    result = subprocess.run([QPDF, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("template, headings", [
    ("memo", ["Bottom line up front", "Notes on coverage", "Timeline", "Key positions", "Actors", "Sources"]),
    ("brief", ["Key judgements", "Chronology", "Who said what", "Key actors", "About this brief", "References"]),
])
def test_libreoffice_converts_the_docx_with_every_section(tmp_path, template, headings):
    source = tmp_path / "memo.docx"
    source.write_bytes(render_docx(load("realistic_briefing"), load_template(template), RenderOptions()))
    profile = tmp_path / "profile"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=240,
    )
    converted = tmp_path / "memo.pdf"
    assert result.returncode == 0 and converted.is_file(), result.stdout + result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(str(converted)).pages)
    # Skip the contents list (it names every section too), then find each heading in turn.
    position = text.index(headings[-1]) + len(headings[-1]) if template == "brief" else 0
    for heading in headings:
        position = text.index(heading, position) + len(heading)
    assert "Chang Jae-Bok" in text
