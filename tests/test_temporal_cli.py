"""`briefgen dates` in each of its formats, on the sample article in seeds/."""

import json
from pathlib import Path

from briefgen.cli import main
from briefgen.extract.temporal.timeml import parse_timeml

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_0ad1514b1b5e3b7d.txt"


def run_dates(capsys, *options):
    assert main(["dates", str(SAMPLE), "-q", *options]) == 0
    return capsys.readouterr().out


def test_every_format_lists_the_same_expressions(capsys):
    rows = json.loads(run_dates(capsys, "--format", "json"))
    assert rows
    table = run_dates(capsys, "--format", "table").splitlines()
    assert table[0].split()[:4] == ["start", "end", "type", "value"]
    table_rows = [line.split() for line in table[2:] if line.strip()]
    assert [(int(r[0]), int(r[1]), r[2], r[3]) for r in table_rows] == [
        (r["start"], r["end"], r["type"], r["value"]) for r in rows
    ]
    document = parse_timeml(run_dates(capsys, "--format", "timeml"))
    assert [(t.start, t.end, t.type, t.value) for t in document.timexes] == [
        (r["start"], r["end"], r["type"], r["value"]) for r in rows
    ]


def test_timeml_carries_the_reference_date_and_the_whole_text(capsys):
    document = parse_timeml(run_dates(capsys, "--format", "timeml", "--dct", "2024-09-02"))
    assert document.dct.isoformat() == "2024-09-02"
    text = SAMPLE.read_text(encoding="utf-8")
    assert document.text == text
    assert all(text[t.start:t.end] == t.text for t in document.timexes)
