"""`claimx batch` over a generated folder of 200+ news files in every format and encoding."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import INDEX_NAME, BatchOptions, Entry, Progress, read_index, run
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.formats import ReadOptions, iso_date
from claimx.store.serialize import load_yaml_documents
from tests.conftest import GOLD_DIR

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]
# Written by us: every character also exists in Latin-1, for the legacy encodings.
LATIN = (
    "Selon l'agence, le ministre français a déclaré que le coût serait élevé : 3 milliards d'euros."
)


def html_page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<html><head><title>{title} | Le Journal</title>"
        f'<meta property="og:title" content="{title}">'
        '<meta property="article:published_time" content="2025-07-15T08:30:00+02:00">'
        f"</head><body><nav>Accueil · Économie · Tech</nav><article><h1>{title}</h1>"
        f"{paragraphs}</article><footer>© Le Journal, mentions légales</footer></body></html>"
    )


def make_news_folder(root: Path) -> dict[str, str]:
    """Write the test folder; return {relative path: why it must fail} for the bad files."""
    bad: dict[str, str] = {}
    for n in range(130):
        text = TEXTS[n % len(TEXTS)]
        folder = root / "wire" / f"day{n % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"depeche-{n:03d}.txt").write_text(text, encoding="utf-8")
    legacy = root / "archive"
    legacy.mkdir()
    for n in range(10):
        (legacy / f"cp1252-{n}.txt").write_bytes((LATIN + " « Non », a-t-il dit.").encode("cp1252"))
        (legacy / f"latin1-{n}.txt").write_bytes(LATIN.encode("latin-1"))
        (legacy / f"utf16-{n}.txt").write_bytes(LATIN.encode("utf-16"))
    (legacy / "utf16le-nobom.txt").write_bytes(LATIN.encode("utf-16-le"))
    (legacy / "utf8-bom.txt").write_bytes(LATIN.encode("utf-8-sig"))
    posts = root / "blog"
    posts.mkdir()
    for n in range(20):
        front = {
            "title": f"Billet {n}",
            "date": "2025-07-1" + str(n % 10),
            "url": f"https://exemple.fr/billet-{n}",
            "source": "Le Blog Tech",
        }
        body = TEXTS[n % len(TEXTS)]
        (posts / f"billet-{n:02d}.md").write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8"
        )
    pages = root / "web"
    pages.mkdir()
    for n in range(20):
        (pages / f"page-{n:02d}.html").write_text(
            html_page(f"Page {n}", TEXTS[n % len(TEXTS)]), encoding="utf-8"
        )
    feeds = root / "feeds"
    feeds.mkdir()
    for n in range(2):
        records = [{"headline": f"Dépêche {n}-{k}", "text": TEXTS[k]} for k in range(5)]
        (feeds / f"lot-{n}.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
        lines = [json.dumps({"title": f"Flux {k}", "content": TEXTS[k]}) for k in range(5)]
        lines.insert(2, "{not json")
        (feeds / f"flux-{n}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        bad[f"feeds/flux-{n}.jsonl#3"] = "invalid JSON"
    (feeds / "single.json").write_text(json.dumps({"text": TEXTS[0], "url": "u"}), "utf-8")
    export = {"source": "flux", "articles": [{"body": TEXTS[k], "link": f"l{k}"} for k in (2, 3)]}
    (feeds / "export.json").write_text(json.dumps(export), "utf-8")
    (root / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "empty"
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    bad["image.txt"] = "binary"
    (root / "huge.txt").write_text(TEXTS[1] * (5_000_000 // len(TEXTS[1]) + 1), "utf-8")
    bad["huge.txt"] = "too long"
    (root / "notes.docx").write_bytes(b"PK\x03\x04 not a news file")
    return bad


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("news")
    return root, make_news_folder(root)


@pytest.fixture(scope="module")
def first_run(
    nlp: Language, news: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("claims")
    report = run([str(news[0])], BatchOptions(output_dir=out))
    return out, report


def test_folder_has_200_files_of_every_kind(news: tuple[Path, dict[str, str]]) -> None:
    files = [p for p in news[0].rglob("*") if p.is_file()]
    assert len(files) >= 200
    assert {p.suffix for p in files} >= {".txt", ".md", ".html", ".json", ".jsonl"}
    assert any(p.stat().st_size > 5_000_000 for p in files)


def test_every_good_article_has_claims_and_every_bad_one_a_reason(
    news: tuple[Path, dict[str, str]], first_run: tuple[Path, Any]
) -> None:
    root, bad = news
    out, report = first_run
    index = read_index(out)
    assert set(index) == {e.input for e in report.entries}
    for key, reason in bad.items():
        assert index[key].status == "failed", key
        assert reason in (index[key].error or ""), (key, index[key].error)
    done = [e for e in report.entries if e.status == "done"]
    assert len(done) == len(report.entries) - len(bad) >= 200 + 20
    for entry in done:
        assert entry.output is not None
        document = load_yaml_documents((out / entry.output).read_text(encoding="utf-8"))[0]
        assert len(document["claims"]) == entry.claims
        assert document["article"]["source"].startswith(str(root))
    assert report.ignored == [str(root / "notes.docx")]


def test_outputs_mirror_the_tree_and_keep_offsets_true(first_run: tuple[Path, Any]) -> None:
    out, _ = first_run
    assert (out / "wire" / "day3" / "depeche-003.txt.yaml").is_file()
    page = out / "web" / "page-01.html.yaml"
    text = (out / "web" / "page-01.html.txt").read_text(encoding="utf-8")
    document = yaml.safe_load(page.read_text(encoding="utf-8"))
    assert "Accueil" not in text and "mentions légales" not in text  # boilerplate removed
    assert document["article"]["title"] == "Page 1"
    assert document["article"]["date"].startswith("2025-07-15")
    for actor in document["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_metadata_from_front_matter_and_json(first_run: tuple[Path, Any]) -> None:
    out, _ = first_run
    post = yaml.safe_load((out / "blog" / "billet-03.md.yaml").read_text(encoding="utf-8"))
    assert post["article"]["title"] == "Billet 3"
    assert post["article"]["date"] == "2025-07-13"
    assert post["article"]["url"] == "https://exemple.fr/billet-3"
    assert post["article"]["publisher"] == "Le Blog Tech"
    body = (out / "blog" / "billet-03.md.txt").read_text(encoding="utf-8")
    assert not body.startswith("---") and post["article"]["chars"] == len(body)
    record = yaml.safe_load((out / "feeds" / "lot-1.json" / "00004.yaml").read_text("utf-8"))
    assert record["article"]["title"] == "Dépêche 1-3"
    assert record["article"]["source"].endswith("lot-1.json#4")
    exported = yaml.safe_load((out / "feeds" / "export.json" / "00002.yaml").read_text("utf-8"))
    assert exported["article"]["url"] == "l3"


@pytest.mark.parametrize(
    "name", ["cp1252-0.txt", "latin1-0.txt", "utf16-0.txt", "utf16le-nobom.txt", "utf8-bom.txt"]
)
def test_legacy_encodings_are_decoded(first_run: tuple[Path, Any], name: str) -> None:
    out, _ = first_run
    document = yaml.safe_load((out / "archive" / f"{name}.yaml").read_text(encoding="utf-8"))
    assert document["money"][0]["text"] == "3 milliards d'euros"
    texts = [c["text"] for c in document["claims"]]
    assert any("français a déclaré" in t or "coût serait élevé" in t for t in texts), texts


def test_second_run_skips_everything_and_touch_redoes_one(
    news: tuple[Path, dict[str, str]], first_run: tuple[Path, Any]
) -> None:
    root, _ = news
    out, first = first_run
    stamp = (out / "wire" / "day1" / "depeche-001.txt.yaml").stat().st_mtime_ns
    again = run([str(root)], BatchOptions(output_dir=out))
    assert again.count("done") == 0
    assert again.count("skipped") == first.count("done")
    assert len(again.failed) == len(first.failed)  # unchanged bad files stay reported
    assert (out / "wire" / "day1" / "depeche-001.txt.yaml").stat().st_mtime_ns == stamp

    touched = root / "wire" / "day2" / "depeche-002.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    third = run([str(root)], BatchOptions(output_dir=out))
    assert [e.input for e in third.entries if e.status == "done"] == ["wire/day2/depeche-002.txt"]
    assert len(read_index(out)) == len(first.entries)


def test_changed_options_redo(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXTS[3], encoding="utf-8")
    out = tmp_path / "out"
    run([str(tmp_path / "in")], BatchOptions(output_dir=out))
    same = run([str(tmp_path / "in")], BatchOptions(output_dir=out))
    other = run([str(tmp_path / "in")], BatchOptions(output_dir=out, read=ReadOptions(lang="en")))
    forced = run([str(tmp_path / "in")], BatchOptions(output_dir=out, force=True))
    assert [e.status for e in same.entries] == ["skipped"]
    assert [e.status for e in other.entries] == ["done"]
    assert [e.status for e in forced.entries] == ["done"]


def test_a_partial_run_keeps_the_index_of_the_others(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.html").write_text(html_page("B", TEXTS[1]), encoding="utf-8")
    out = tmp_path / "out"
    run([str(folder)], BatchOptions(output_dir=out))
    run([str(folder)], BatchOptions(output_dir=out), globs=["*.html"])
    assert set(read_index(out)) == {"a.txt", "b.html"}
    again = run([str(folder)], BatchOptions(output_dir=out))
    assert [e.status for e in again.entries] == ["skipped", "skipped"]


def test_interrupted_run_loses_nothing(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)], encoding="utf-8")
    out = tmp_path / "out"

    def stop_after_first_chunk(progress: Progress) -> None:
        if progress.files_done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([str(folder)], BatchOptions(output_dir=out), on_progress=stop_after_first_chunk)
    written = sorted(p.name for p in out.glob("*.yaml"))
    assert 0 < len(written) < 40
    assert not list(out.glob(".*claimx-tmp*"))
    resumed = run([str(folder)], BatchOptions(output_dir=out))
    assert resumed.count("skipped") == len(written)
    assert resumed.count("done") == 40 - len(written)


def test_foreign_outputs_are_not_overwritten(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt.yaml").write_text("mine\n", encoding="utf-8")
    report = run([str(tmp_path / "in")], BatchOptions(output_dir=out))
    assert "not written by claimx batch" in (report.failed[0].error or "")
    assert (out / "a.txt.yaml").read_text(encoding="utf-8") == "mine\n"
    forced = run([str(tmp_path / "in")], BatchOptions(output_dir=out, force=True))
    assert forced.count("done") == 1


@pytest.mark.slow
def test_two_workers_give_the_same_files(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)], encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    run([str(folder)], BatchOptions(output_dir=one, jobs=1))
    report = run([str(folder)], BatchOptions(output_dir=two, jobs=2))
    assert report.count("done") == 40
    for path in sorted(one.glob("*.yaml")):
        assert (two / path.name).read_bytes() == path.read_bytes()
    assert (one / INDEX_NAME).read_text().count("\n") == (two / INDEX_NAME).read_text().count("\n")


@pytest.mark.slow
def test_a_model_that_does_not_load_stops_the_workers(tmp_path: Path) -> None:
    from claimx.errors import ModelError

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(TEXTS[n], encoding="utf-8")
    with pytest.raises(ModelError, match="not installed"):
        run([str(folder)], BatchOptions(output_dir=tmp_path / "out", jobs=2, model="no_such_model"))


def test_stream_keeps_input_order(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(20):
        (folder / f"{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)], encoding="utf-8")
    documents: list[str] = []
    run([str(folder)], BatchOptions(output_dir=None), on_document=documents.append)
    sources = [load_yaml_documents(d)[0]["article"]["source"] for d in documents]
    assert sources == [str(folder / f"{n:02d}.txt") for n in range(20)]


def test_cli_batch(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[2], encoding="utf-8")
    (folder / "b.html").write_text(html_page("B", TEXTS[4]), encoding="utf-8")
    (folder / "vide.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "3 articles: 2 done" in result.stderr
    assert "vide.txt: empty" in result.stderr
    only_html = runner.invoke(app, ["batch", str(folder), "--stream", "--glob", "*.html"])
    assert only_html.exit_code == ExitCode.OK
    assert [d["article"]["title"] for d in load_yaml_documents(only_html.stdout)] == ["B"]
    usage = runner.invoke(app, ["batch", str(folder)])
    assert usage.exit_code == ExitCode.USAGE
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(out)])
    assert missing.exit_code == ExitCode.INPUT_ERROR and "no such file" in missing.stderr


def test_index_lines_are_json_with_reasons(first_run: tuple[Path, Any]) -> None:
    out, _ = first_run
    lines = (out / INDEX_NAME).read_text(encoding="utf-8").splitlines()
    entries = [Entry.from_json(line) for line in lines]
    assert all(e is not None for e in entries)
    assert Entry.from_json('{"input": "x", "sta') is None  # a line cut by a kill


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-15", "2025-07-15"),
        ("2025-07-15T08:30:00Z", "2025-07-15T08:30:00+00:00"),
        ("15 juillet 2025", "2025-07-15"),
        ("mardi 1er avril 2025", "2025-04-01"),
        ("15/07/2025", "2025-07-15"),
        ("Tue, 15 Jul 2025 10:00:00 +0200", "2025-07-15T10:00:00+02:00"),
        ("hier", None),
        ("31 février 2025", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_an_output_folder_inside_the_input_is_not_read(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.md").write_text(TEXTS[1], encoding="utf-8")  # its text copy is kept in OUT
    out = folder / "claims"
    first = run([str(folder)], BatchOptions(output_dir=out))
    again = run([str(folder)], BatchOptions(output_dir=out))
    assert [e.status for e in first.entries] == ["done", "done"]
    assert [e.status for e in again.entries] == ["skipped", "skipped"]
    assert set(read_index(out)) == {"a.txt", "b.md"}


def test_two_inputs_of_one_name_are_kept_apart(tmp_path: Path, nlp: Language) -> None:
    for parent, text in (("a", TEXTS[0]), ("b", TEXTS[1])):
        (tmp_path / parent / "news").mkdir(parents=True)
        (tmp_path / parent / "news" / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    report = run(
        [str(tmp_path / "a" / "news"), str(tmp_path / "b" / "news")], BatchOptions(output_dir=out)
    )
    assert sorted(e.output or "" for e in report.entries) == [
        "news-2/x.txt.yaml",
        "news/x.txt.yaml",
    ]
    assert len(read_index(out)) == 2


def test_a_name_too_long_to_write_fails_alone(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / ("x" * 251 + ".txt")).write_text(TEXTS[0], encoding="utf-8")  # 255 bytes
    (folder / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    report = run([str(folder)], BatchOptions(output_dir=tmp_path / "out"))
    statuses = {e.input[:5]: e.status for e in report.entries}
    assert statuses == {"b.txt": "done", "xxxxx": "failed"}
    assert "cannot write" in (report.failed[0].error or "")


def test_outputs_are_readable_as_the_umask_says(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    mask = os.umask(0o022)
    os.umask(mask)
    run([str(folder)], BatchOptions(output_dir=tmp_path / "out"))
    mode = (tmp_path / "out" / "a.txt.yaml").stat().st_mode & 0o777
    assert mode == 0o666 & ~mask


def test_outputs_of_a_killed_run_are_recognised_as_ours(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    out = tmp_path / "out"
    run([str(folder)], BatchOptions(output_dir=out))
    (out / INDEX_NAME).unlink()  # killed after writing the claims, before the index
    (out / "c.txt.yaml").write_text("notes: mine\n", encoding="utf-8")  # the user's own
    (folder / "c.txt").write_text(TEXTS[2], encoding="utf-8")
    again = run([str(folder)], BatchOptions(output_dir=out))
    assert {e.input: e.status for e in again.entries} == {
        "a.txt": "done",
        "b.txt": "done",
        "c.txt": "failed",  # not claimx's: never overwritten without --force
    }
    assert (out / "c.txt.yaml").read_text(encoding="utf-8") == "notes: mine\n"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # an alias bomb in front matter: refused, in a few bytes of work
        (
            "bomb.md",
            "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
            "title: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\nNvidia a vendu des puces.\n",
        ),
        # one line nested 100,000 deep in a feed: that line only
        ("feed.jsonl", '{"text": "Nvidia a vendu des puces à Huawei."}\n' + "[" * 100_000 + "\n"),
    ],
)
def test_hostile_files_cost_only_themselves(
    tmp_path: Path, nlp: Language, name: str, content: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(content, encoding="utf-8")
    (folder / "good.txt").write_text(TEXTS[0], encoding="utf-8")
    report = run([str(folder)], BatchOptions(output_dir=tmp_path / "out"))
    statuses = {e.input: e.status for e in report.entries}
    assert statuses["good.txt"] == "done"
    assert list(statuses.values()).count("failed") == 1
    if name.endswith(".jsonl"):
        assert statuses["feed.jsonl#1"] == "done"


@pytest.mark.slow
def test_killed_workers_do_not_lose_the_run(tmp_path: Path) -> None:
    import multiprocessing
    import signal

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(48):
        (folder / f"{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)], encoding="utf-8")
    killed: list[int] = []

    def kill_the_workers(progress: Progress) -> None:
        # every worker at once, so that some chunk is surely lost with its worker
        workers = multiprocessing.active_children()
        if progress.files_done and not killed and workers:
            for worker in workers:
                killed.append(worker.pid or 0)
                os.kill(worker.pid or 0, signal.SIGKILL)

    out = tmp_path / "out"
    report = run([str(folder)], BatchOptions(output_dir=out, jobs=2), on_progress=kill_the_workers)
    assert killed
    assert [e.status for e in report.entries] == ["done"] * 48
    assert len(read_index(out)) == 48


def test_a_second_batch_on_one_folder_is_refused(tmp_path: Path) -> None:
    from claimx.errors import Busy
    from claimx.store.files import exclusive

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with exclusive(out):  # another batch at work
        with pytest.raises(Busy):
            run([str(folder)], BatchOptions(output_dir=out))
        result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)])
        assert result.exit_code == ExitCode.BUSY
        assert "another claimx batch" in result.output
    assert not (out / "a.txt.yaml").exists()


def test_review_decisions_survive_a_rerun(tmp_path: Path, nlp: Language) -> None:
    from claimx import review

    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    said = "Selon Reuters, Nvidia aurait vendu des puces H20 en Chine."
    denied = "Huawei a démenti toute livraison."
    article.write_text(f"{said} Le groupe a refusé de commenter. {denied}", encoding="utf-8")
    out = tmp_path / "out"
    run([str(folder)], BatchOptions(output_dir=out))
    claims_file = review.load(out / "a.txt.yaml")
    claims = claims_file.articles[0].claims
    first = next(c for c in claims if c["start"] < len(said))
    last = next(c for c in claims if (c.get("attribution") or {}).get("kind") == "denial")
    review.set_review(first, "accepted", "vérifié")
    review.set_review(last, "rejected")
    claims_file.save()
    # the article changes: a sentence added at the top, the denial cut
    article.write_text(
        f"Une phrase en tête. {said} Le groupe a refusé de commenter.", encoding="utf-8"
    )
    again = run([str(folder)], BatchOptions(output_dir=out))
    assert [e.status for e in again.entries] == ["done"]
    new = review.load(out / "a.txt.yaml").articles[0].claims
    carried = [c for c in new if c["text"] == first["text"]]
    assert carried and carried[0]["review"] == {"status": "accepted", "note": "vérifié"}
    assert carried[0]["start"] != first["start"]  # the same claim, moved
    assert not any(c["text"] == last["text"] for c in new)
    # the decision whose claim is gone stays in the decisions file, an orphan, never dropped
    orphans = review.load(out / "a.txt.yaml").orphans
    assert [(o.key[0], o.review["status"]) for o in orphans] == [(last["text"], "rejected")]
    kept = yaml.safe_load((out / "a.txt.yaml.decisions.yaml").read_text(encoding="utf-8"))
    assert last["text"] in [d["text"] for d in kept["decisions"]]
    forced = run([str(folder)], BatchOptions(output_dir=out, force=True))
    assert [e.status for e in forced.entries] == ["done"]
    again_carried = [
        c for c in review.load(out / "a.txt.yaml").articles[0].claims if c.get("review")
    ]
    assert [c["review"] for c in again_carried] == [{"status": "accepted", "note": "vérifié"}]


def test_decisions_inside_a_claims_file_of_an_earlier_claimx_survive_a_rerun(
    tmp_path: Path, nlp: Language
) -> None:
    """claimx 0.2 wrote decisions into the claims file (`review:`): they are read there, and
    moved to the decisions file before a rerun writes the claims file anew."""
    from claimx import review
    from claimx.store.serialize import to_yaml

    folder = tmp_path / "in"
    folder.mkdir()
    said = "Selon Reuters, Nvidia aurait vendu des puces H20 en Chine."
    (folder / "a.txt").write_text(said, encoding="utf-8")
    out = tmp_path / "out"
    run([str(folder)], BatchOptions(output_dir=out))
    claims_path = out / "a.txt.yaml"
    document = yaml.safe_load(claims_path.read_text(encoding="utf-8"))
    document["claims"][0]["review"] = {"status": "accepted", "note": "ancien"}
    claims_path.write_text(to_yaml([document]), encoding="utf-8")  # as claimx 0.2 saved it
    assert claims_of_store(claims_path)[0]["review"]["note"] == "ancien"
    (folder / "a.txt").write_text(f"Une phrase en tête. {said}", encoding="utf-8")
    assert [e.status for e in run([str(folder)], BatchOptions(output_dir=out)).entries] == ["done"]
    assert "review:" not in claims_path.read_text(encoding="utf-8")
    claims = claims_of_store(claims_path)
    assert [c["review"] for c in claims if c.get("review")] == [
        {"status": "accepted", "note": "ancien"}
    ]
    assert not review.load(claims_path).orphans


def claims_of_store(path: Path) -> list[dict[str, Any]]:
    from claimx import review

    return [claim for _, claim in review.load(path).claims()]


def test_a_claims_folder_moved_without_its_inputs_stays_readable(
    tmp_path: Path, nlp: Language
) -> None:
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    run([str(folder)], BatchOptions(output_dir=tmp_path / "out"))
    moved = tmp_path / "elsewhere" / "claims"
    shutil.move(str(tmp_path / "out"), str(moved))
    shutil.rmtree(folder)  # the inputs are gone
    shown = CliRunner().invoke(app, ["show", "--no-pager", "--no-color", str(moved / "a.txt.yaml")])
    assert shown.exit_code == 0, shown.output
    assert "not found" not in shown.output and "changed" not in shown.output
    (moved / "a.txt.txt").write_text(TEXTS[0] + " Une phrase de plus.", encoding="utf-8")
    shown = CliRunner().invoke(app, ["show", "--no-pager", "--no-color", str(moved / "a.txt.yaml")])
    assert "changed since these claims were made" in " ".join(shown.output.split())
