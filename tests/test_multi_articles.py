"""Several articles on one story, end to end: merged entries, a date conflict, filters and exports.

The articles in ``tests/data/multi/hydrogen`` are fictional. Four outlets report that Norway
and Chile signed a hydrogen agreement on Tuesday 5 March 2024: the Nordic Ledger (published
6 March) "on March 5", the Andes Post (7 March) "last Tuesday", Energy Wire Weekly
(11 March) "on 5 March 2024" — and the Harbour Times (8 March) wrongly "in 2023". The
Andes Post and Energy Wire Weekly both report the minister's visit to Mongstad on 6 March
("on Wednesday", "on 6 March 2024"). The Nordic Ledger recalls a summit in Santiago in
November 2022 and Energy Wire Weekly announces another in Bergen in June 2024: two events.

Extraction is improved in parallel, so these tests check what follows from the articles
whatever the summaries' wording: dates, which sources an entry cites, the conflict.
"""

import csv
import io
import json
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefgen.cli import main

ARTICLES = Path(__file__).parent / "data" / "multi" / "hydrogen"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("multi")
    code = main(["build", str(ARTICLES), "-o", str(out), "-q", "--title", "Norway Chile hydrogen",
                 "--format", "docx,pdf,json,csv,timelinejs,ics"])
    assert code == 0
    files = {p.name.split(".", 1)[1]: p for p in out.iterdir()}
    briefing = json.loads(files["json"].read_text(encoding="utf-8"))
    ids = {s["publisher"]: s["id"] for s in briefing["sources"]}
    return files, briefing, ids


def sources_of(event):
    return [span["source"] for span in event["evidence"]]


def signing_of(briefing):
    (signing,) = [e for e in briefing["events"] if e["date"]["value"] == "2024-03-05" and e["type"] == "agreement"]
    return signing


def test_the_signing_is_one_entry_citing_all_four_articles(build):
    _, briefing, ids = build
    signing = signing_of(briefing)
    assert sorted(sources_of(signing)) == sorted(ids.values())
    agreeing = [ids["Nordic Ledger"], ids["Andes Post"], ids["Energy Wire Weekly"]]
    assert signing["date"]["sources"] == sorted(agreeing, key=lambda s: int(s[1:]))


def test_the_harbour_times_year_is_kept_as_a_conflict(build):
    _, briefing, ids = build
    (conflict,) = signing_of(briefing)["conflicting_dates"]
    assert (conflict["value"], conflict["granularity"], conflict["sources"]) == ("2023", "year", [ids["Harbour Times"]])
    # No other entry carries the 2023 signing on its own.
    assert not [e for e in briefing["events"] if e["date"]["value"] == "2023"]


def test_the_visit_is_one_entry_from_the_two_articles_that_report_it(build):
    _, briefing, ids = build
    (visit,) = [e for e in briefing["events"] if e["date"]["value"] == "2024-03-06"]
    assert sorted(sources_of(visit)) == sorted([ids["Andes Post"], ids["Energy Wire Weekly"]])


def test_two_summits_stay_two_entries_in_timeline_order(build):
    _, briefing, _ = build
    summits = [e for e in briefing["events"] if e["type"] == "meeting" and e["date"]["value"] in {"2022-11", "2024-06"}]
    assert [e["date"]["value"] for e in summits] == ["2022-11", "2024-06"]
    assert all(len(e["evidence"]) == 1 and not e["conflicting_dates"] for e in summits)
    starts = [e["date"]["start"] for e in briefing["events"]]
    assert starts == sorted(starts)
    assert [e["id"] for e in briefing["events"]] == [f"E{n}" for n in range(1, len(starts) + 1)]


def test_no_entry_cites_one_article_twice(build):
    _, briefing, _ = build
    for event in briefing["events"]:
        assert len(sources_of(event)) == len(set(sources_of(event)))


def conflict_reason(ids):
    agreeing = ", ".join(sorted([ids["Nordic Ledger"], ids["Andes Post"], ids["Energy Wire Weekly"]]))
    return f"sources disagree on the date: 5 Mar 2024 ({agreeing}) or 2023 ({ids['Harbour Times']})"


def test_the_memo_shows_both_dates_of_the_conflict(build):
    files, _, ids = build
    document = docx.Document(str(files["docx"]))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(conflict_reason(ids) in cell for cell in cells)
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(files["pdf"])).pages)
    assert conflict_reason(ids) in pdf_text


def test_the_exports_hold_the_same_timeline(build):
    files, briefing, ids = build
    rows = list(csv.DictReader(io.StringIO(files["csv"].read_bytes().decode("utf-8-sig"), newline="")))
    assert len(rows) == len(briefing["events"])
    signing = next(r for r in rows if r["start"] == "2024-03-05" and r["type"] == "agreement")
    assert signing["flags"] == conflict_reason(ids)
    assert signing["sources"].count("; ") == 3
    timeline = json.loads(files["timelinejs.json"].read_text(encoding="utf-8"))
    assert len(timeline["events"]) == len(briefing["events"])
    ics = files["ics"].read_text(encoding="utf-8")
    days = [e for e in briefing["events"] if e["date"]["granularity"] == "day"]
    assert ics.count("BEGIN:VEVENT") == len(days)
    assert f"X-BRIEFGEN-LEFT-OUT:{len(briefing['events']) - len(days)} event" in ics


def render(build, tmp_path, *options, formats="json"):
    files, _, _ = build
    assert main(["render", str(files["json"]), "-o", str(tmp_path), "-q", "--format", formats, *options]) == 0
    return json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))


def test_a_date_window_keeps_the_events_of_march_2024(build, tmp_path):
    filtered = render(build, tmp_path, "--since", "2024-03", "--until", "2024-03")
    assert filtered["events"]
    for event in filtered["events"]:
        assert event["date"]["start"] <= "2024-03-31" and event["date"]["end"] >= "2024-03-01"
    assert {"2024-03-05", "2024-03-06"} <= {e["date"]["value"] for e in filtered["events"]}
    assert filtered["notes"][-1].startswith("Timeline filtered to events dated between 2024-03 and 2024-03:")


def test_an_actor_is_found_by_another_of_its_names(build, tmp_path):
    by_name = render(build, tmp_path / "name", "--actor", "chile")
    by_adjective = render(build, tmp_path / "adjective", "--actor", "Chilean")
    assert [e["id"] for e in by_name["events"]] == [e["id"] for e in by_adjective["events"]]
    assert signing_of(by_name)
    assert all("Chile" in e["actors"] for e in by_name["events"])


def test_a_type_filter_keeps_that_type_only(build, tmp_path):
    meetings = render(build, tmp_path, "--type", "meeting")
    values = [e["date"]["value"] for e in meetings["events"]]
    assert {"2022-11", "2024-06"} <= set(values)
    assert all(e["type"] == "meeting" for e in meetings["events"])


def test_max_events_caps_the_memo_only_and_says_so(build, tmp_path):
    _, briefing, _ = build
    written = render(build, tmp_path, "--max-events", "2", formats="json,docx")
    assert len(written["events"]) == len(briefing["events"])
    document = docx.Document(str(next(tmp_path.glob("*.docx"))))
    (timeline,) = [t for t in document.tables if t.rows[0].cells[1].text == "Date"]
    assert len(timeline.rows) == 1 + 2
    notes = "\n".join(p.text for p in document.paragraphs)
    left_out = len(briefing["events"]) - 2
    assert re.search(rf"shows the 2 most important of {len(briefing['events'])} events .*; {left_out} are left out", notes)
    # With four sources, the signing is among the two shown.
    assert any(conflict_reason(build[2]) in row.cells[2].text for row in timeline.rows)


def test_key_days_make_the_memo_a_digest_and_the_exports_keep_every_event(build, tmp_path):
    _, briefing, ids = build
    written = render(build, tmp_path, "--key-days", "2", "--per-day", "2", formats="json,md,csv,docx,pdf")
    assert len(written["events"]) == len(briefing["events"])
    with open(next(tmp_path.glob("*.csv")), encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(briefing["events"])
    # The days the articles point at: all four report the signing on the 5th, two the visit on
    # the 6th; the June summit in Bergen is known only to its month, so it is no key day.
    markdown = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in markdown.splitlines()
            if re.match(r"\| \d+ \|", line)]
    # The check-before-use marker follows the date of the signing, on which the Harbour Times disagrees.
    assert any(row[1] == "5 Mar 2024 †" for row in rows)
    rows = [[row[0], row[1].removesuffix(" †"), *row[2:]] for row in rows]
    assert {row[1] for row in rows} == {"5 Mar 2024", "6 Mar 2024"}
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert all(1 <= sum(row[1] == day for row in rows) <= 2 for day in ("5 Mar 2024", "6 Mar 2024"))
    signing_refs = " ".join(row[3] for row in rows if row[1] == "5 Mar 2024")
    assert ids["Nordic Ledger"] in signing_refs and ids["Energy Wire Weekly"] in signing_refs
    assert "The timeline is a digest: 2 key days of " in markdown
    # Word and the PDF name each day once, above its statements.
    document = docx.Document(str(next(tmp_path.glob("*.docx"))))
    (timeline,) = [t for t in document.tables if t.rows[0].cells[1].text == "Date"]
    dates = [row.cells[1].text.replace("†", "").strip() for row in timeline.rows[1:]]
    assert [d for d in dates if d] == ["5 Mar 2024", "6 Mar 2024"] and len(dates) == len(rows)
    pdf_text = " ".join(page.extract_text() for page in PdfReader(next(tmp_path.glob("*.pdf"))).pages)
    assert "key days of" in " ".join(pdf_text.split())


def test_extract_writes_the_filtered_briefing(tmp_path):
    output = tmp_path / "meetings.json"
    assert main(["extract", str(ARTICLES), "-o", str(output), "-q", "--type", "meeting", "--until", "2023"]) == 0
    briefing = json.loads(output.read_text(encoding="utf-8"))
    assert [e["date"]["value"] for e in briefing["events"]] == ["2022-11"]
    assert briefing["notes"][-1].startswith("Timeline filtered to events dated 2023 or earlier, of type meeting: 1 of ")
