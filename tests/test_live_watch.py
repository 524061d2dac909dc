"""`claimx watch` as a real process: 30 articles dropped into a folder over time (some
rewritten, one bad) give the claims files one `claimx batch` gives, the alerts expected
(check-worthiness and fact-check rules included) and no others; a kill -9 then a restart
loses nothing; SIGTERM stops it cleanly. The articles and fact-checks are invented."""

from __future__ import annotations

import json
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimx.batch import BatchOptions, read_index, run
from claimx.desk.index import FeedIndex, load_index
from claimx.errors import Busy
from claimx.live import Event, WatchOptions, alerts, factchecks, parse_rule, watch, with_feed
from claimx.store import article_text, claims_documents
from claimx.store.files import exclusive
from claimx.store.parse import extraction
from claimx.store.records import Extraction

CLAIMX = str(Path(sys.executable).with_name("claimx"))
RULES = ["actor:Nvidia", "money>1e9:EUR", "chip:H20"]
DESK_RULES = ["checkworthy>0.8", "factcheck"]  # the second with --against, an invented feed
WAIT = 180.0  # seconds, at most, for the watcher to catch up on a busy machine

ARTICLES = {
    "a1.txt": "Selon l'agence Horizon, Nvidia aurait vendu pour 2 milliards d'euros de puces "
    "H20 à des clients chinois.\nLe groupe a refusé de commenter.\n",
    "a2.md": "---\ntitle: Un fonds régional\ndate: 2026-12-01\nurl: https://exemple.test/a2\n"
    "publisher: La Gazette du Calcul\n---\nLa région Occitanie a annoncé mardi un fonds de "
    "300 millions d'euros pour les jeunes pousses.\n« Nous voulons garder nos talents », a "
    "déclaré la présidente du conseil régional.\n",
    "a3.txt": "Le ministre de l'Économie a affirmé que la France investirait 5 milliards de "
    "dollars dans les centres de données.\nSelon lui, ce plan devrait créer des milliers "
    "d'emplois.\n",
    "depeches/a4.txt": "Le Sénat a adopté jeudi une loi sur la protection des données "
    "personnelles, selon le rapporteur du texte.\n" * 12,
    "depeches/a5.txt": "Le fabricant AMD a annoncé un investissement de 1,5 milliard d'euros "
    "dans une usine en Allemagne, a indiqué un porte-parole.\n",
    "a6.txt": "D'après le quotidien Le Matin, la start-up Brumelia préparerait une levée de "
    "fonds de 40 millions d'euros.\n",
    "a7.txt": "Le gouvernement néerlandais a confirmé lundi de nouvelles restrictions sur les "
    "machines de lithographie, selon un communiqué.\n",
}
MORE = {  # invented too: the stream that makes 29 articles and the bad file 30
    "b01.txt": "La coopérative Blé d'Or a annoncé vendredi la construction d'un silo de "
    "12 millions d'euros près de Chartres.\n",
    "b02.txt": "Selon la préfecture, la crue de la Vézère a touché 140 habitations mardi.\n",
    "b03.txt": "Nvidia a présenté mercredi une nouvelle puce pour les voitures autonomes, "
    "a annoncé le groupe.\n",
    "b04.txt": "Le groupe Vaudrey a racheté son concurrent Lirac pour 2,3 milliards d'euros, "
    "selon un communiqué publié lundi.\n",
    "b05.md": "---\ntitle: Une école rouvre\npublisher: Le Petit Quotidien\n---\nL'école "
    "Jean-Moulin de Saint-Avit a rouvert ses portes après six mois de travaux.\n",
    "b06.txt": "D'après l'Insee, le chômage a reculé de 0,2 point au troisième trimestre.\n",
    "b07.txt": "La start-up Corvelle aurait levé 25 millions de dollars auprès de fonds "
    "américains, selon des sources proches du dossier.\n",
    "b08.txt": "Le club de football de Montfaucon a limogé son entraîneur samedi soir.\n",
    "b09.txt": "La banque Ferrand a annoncé un plan d'économies de 1,2 milliard d'euros sur "
    "trois ans, a précisé son directeur financier.\n",
    "b10.txt": "Le festival de jazz de Marciac a accueilli 250 000 spectateurs cet été, un "
    "record selon les organisateurs.\n",
    "depeches/b11.txt": "Le fabricant taïwanais TSMC a démenti jeudi toute livraison de "
    "puces à des clients russes.\n",
    "depeches/b12.txt": "Le conseil municipal de Lannion a voté une hausse de 3 % de la "
    "taxe foncière, a indiqué le maire.\n",
    "b13.txt": "Selon le ministère de la Santé, 4 000 lits d'hôpital ont été fermés en deux ans.\n",
    "b14.txt": "La société Aubrac Énergie investira 800 millions d'euros dans l'éolien en "
    "mer, a déclaré sa présidente.\n",
    "b15.txt": "Le tribunal de commerce de Rennes a placé l'équipementier Tréguier en "
    "redressement judiciaire.\n",
    "b16.txt": "Nvidia aurait cédé des puces H20 pour 3 milliards d'euros à des clients "
    "chinois, selon l'agence Horizon.\n",
    "b17.txt": "La météo annonce un week-end ensoleillé sur toute la Bretagne.\n",
    "b18.txt": "L'État a accordé une aide de 2 milliards d'euros à la filière automobile, "
    "a annoncé le Premier ministre.\n",
    "b19.txt": "Le musée des Beaux-Arts de Pontivy a reçu un tableau inédit d'un peintre local.\n",
    "b20.txt": "Selon le syndicat des viticulteurs, la vendange a baissé de 15 % en Bourgogne.\n",
    "b21.txt": "Le transporteur Alizé Fret a perdu 40 millions d'euros l'an dernier, "
    "d'après ses comptes publiés vendredi.\n",
    "b22.txt": "La ville de Quimper a inauguré une ligne de bus électriques lundi.\n",
}
ARTICLES |= MORE
REWRITES = {  # each keeps the old text and adds to it
    "a1.txt": "Les analystes de la banque Ferrand jugent ce chiffre plausible.\n",
    "a2.md": "Le fonds serait ouvert aux projets liés aux puces de Nvidia, selon la région.\n",
    "b08.txt": "Son successeur sera nommé la semaine prochaine, selon le président du club.\n",
}
HOOK = (  # appends [alert id, its second argument] to the file named first
    "import json, sys; alert = json.load(sys.stdin); "
    "open(sys.argv[1], 'a').write(json.dumps([alert['alert'], sys.argv[2]]) + '\\n')"
)
FACT_CHECKS: list[dict[str, Any]] = [  # invented, two about articles above
    {
        "@type": "ClaimReview",
        "claimReviewed": "Vaudrey a racheté Lirac pour 2,3 milliards d'euros.",
        "url": "https://verif.exemple.test/vaudrey-lirac",
        "reviewRating": {"@type": "Rating", "alternateName": "Imprécis"},
        "author": {"@type": "Organization", "name": "Vérif Express"},
    },
    {
        "@type": "ClaimReview",
        "claimReviewed": "AMD investit 1,5 milliard d'euros dans une usine en Allemagne.",
        "url": "https://verif.exemple.test/amd-usine",
        "reviewRating": {"@type": "Rating", "alternateName": "Vrai"},
    },
    {
        "@type": "ClaimReview",
        "claimReviewed": "Les abeilles de Corrèze produisent deux fois plus de miel en hiver.",
        "reviewRating": {"@type": "Rating", "alternateName": "Faux"},
    },
]
BAD = ("bad.txt", b"\x00\x01\x02\x03binaire\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" * 20)


def drop(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def start(
    news: Path, out: Path, alerts_file: Path, log: Path, *extra: str
) -> subprocess.Popen[bytes]:
    args = [CLAIMX, "watch", str(news), "-o", str(out), "--alerts-file", str(alerts_file), *extra]
    args += ["--settle", "0.2", *(x for rule in RULES for x in ("--alert", rule))]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log.open("ab"))
    until(lambda: "watching" in log.read_text(encoding="utf-8"), process)
    return process


def until(
    condition: Callable[[], bool],
    watcher: subprocess.Popen[bytes] | threading.Thread,
    every: float = 0.1,
) -> None:
    """Wait for `condition` while the watcher (a process or this process's thread) runs."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if isinstance(watcher, threading.Thread):
            assert watcher.is_alive(), "the watcher ended"
        else:
            assert watcher.poll() is None, "the watcher ended"
        assert time.monotonic() < deadline, "the watcher did not catch up"
        time.sleep(every)


def running(out: Path) -> bool:
    """Whether a run holds the claims folder's lock (held for an instant if not)."""
    try:
        with exclusive(out):
            return False
    except Busy:
        return True


def caught_up(news: Path, out: Path) -> bool:
    """Every article in the folder has its index entry for its current version."""
    index = read_index(out) if out.is_dir() else {}
    for path in (p for p in news.rglob("*") if p.is_file()):
        entry = index.get(path.relative_to(news).as_posix())
        stat = path.stat()
        if entry is None or (entry.size, entry.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            return False
    return True


def outputs(out: Path) -> dict[str, bytes]:
    """The claims files and text copies of a folder (not its index or hidden files)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.suffix in (".yaml", ".txt")
    }


@pytest.mark.slow
def test_watch_gives_batch_claims_and_alerts_across_a_kill(tmp_path: Path) -> None:
    news, out, alerts_file, log = (tmp_path / n for n in ("news", "out", "alerts.jsonl", "log"))
    news.mkdir()
    names = list(ARTICLES)
    assert len(names) + 1 == 30  # with the bad one
    feed = tmp_path / "factchecks.json"
    feed.write_text(json.dumps(FACT_CHECKS, ensure_ascii=False), encoding="utf-8")
    desk = ("--against", str(feed), *(x for rule in DESK_RULES for x in ("--alert", rule)))
    # Each alert also goes to a command, its JSON on stdin, a field in its arguments.
    hooked = tmp_path / "hooked.jsonl"
    hook = ("--exec", f"{sys.executable} -c {shlex.quote(HOOK)} {hooked} {{rule}}")
    watcher = start(news, out, alerts_file, log, *hook, *desk)
    for name in names[:10]:  # one at a time, over time
        drop(news, name, ARTICLES[name])
        time.sleep(0.3)
    until(lambda: caught_up(news, out), watcher)

    burst = names[10:20]  # a burst, and a kill -9 in the middle of its run
    for name in burst:
        drop(news, name, ARTICLES[name])
    until(lambda: running(out), watcher, every=0.005)
    watcher.send_signal(signal.SIGKILL)
    watcher.wait()
    assert not set(read_index(out)) & set(burst)  # killed before it wrote their lines

    # Restarted (polling this time, as on a network filesystem), it resumes from the index.
    watcher = start(news, out, alerts_file, log, "--poll", *hook, *desk)
    for name in names[20:]:
        drop(news, name, ARTICLES[name])
        time.sleep(0.2)
    (news / BAD[0]).write_bytes(BAD[1])
    time.sleep(0.3)
    for name, extra in REWRITES.items():
        drop(news, name, ARTICLES[name] + extra)
        time.sleep(0.3)
    until(lambda: caught_up(news, out), watcher)
    time.sleep(1.0)  # any late alert would land now
    watcher.send_signal(signal.SIGTERM)
    assert watcher.wait(timeout=30) == 0
    assert "stopped" in log.read_text(encoding="utf-8")

    # The same claims files as one batch over the final folder.
    batch_out = tmp_path / "batch"
    run([str(news)], BatchOptions(output_dir=batch_out, jobs=1))
    assert outputs(out) == outputs(batch_out)
    index = read_index(out)
    assert index[BAD[0]].status == "failed"
    assert {k: e.status != "failed" for k, e in index.items()} == {
        k: e.status != "failed" for k, e in read_index(batch_out).items()
    }

    # The alerts: each once, those the rules raise on the final claims and no others.
    sent = [json.loads(line) for line in alerts_file.read_text(encoding="utf-8").splitlines()]
    ids = [a["alert"] for a in sent]
    assert len(ids) == len(set(ids))
    calls = [json.loads(line) for line in hooked.read_text(encoding="utf-8").splitlines()]
    assert {"depeches/a5.txt", "b16.txt"} <= {a["input"] for a in sent}  # after the restart
    assert sorted(calls) == sorted([a["alert"], a["rule"]] for a in sent)
    rules, _ = with_feed(tuple(parse_rule(r) for r in RULES + DESK_RULES), feed)
    expected = {
        a["alert"]
        for key, entry in read_index(batch_out).items()
        if entry.output
        for extraction, text in articles(batch_out / entry.output)
        for a in alerts(extraction, list(rules), key, entry.output, text=text)
    }
    assert set(ids) == expected
    pairs = {(a["input"], a["rule"]) for a in sent}
    assert pairs >= {("a1.txt", r) for r in RULES} | {
        ("a2.md", "actor:Nvidia"),
        ("depeches/a5.txt", "money>1e9:EUR"),
        ("b16.txt", "chip:H20"),
    }
    quiet = {"a3.txt", "depeches/a4.txt", "a6.txt", "a7.txt", "b08.txt", "b17.txt", BAD[0]}
    assert not {i for i, r in pairs if r in RULES} & quiet
    checked = {a["input"]: a["factcheck"] for a in sent if a["rule"] == "factcheck"}
    assert set(checked) == {"b04.txt", "depeches/a5.txt"}
    assert checked["b04.txt"]["url"] == FACT_CHECKS[0]["url"]
    assert checked["depeches/a5.txt"]["rating"] == "Vrai"
    worthy = [a for a in sent if a["rule"] == DESK_RULES[0]]
    assert worthy and all(a["checkworthy"]["score"] > 0.8 for a in worthy)
    assert all(a["checkworthy"]["reasons"] for a in worthy)
    told = log.read_text(encoding="utf-8")
    assert "bad.txt: " in told and "(polling every" in told and "3 fact-check(s)" in told


def articles(path: Path) -> list[tuple[Extraction, str | None]]:
    """A claims file's articles, each with the text copy beside it (as watch reads them)."""
    return [(extraction(d, str(path)), article_text(path, d)) for d in claims_documents(path)]


@pytest.mark.slow
def test_a_second_watch_on_one_folder_is_refused(tmp_path: Path) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    news.mkdir()
    log = tmp_path / "log"
    first = start(news, out, tmp_path / "alerts.jsonl", log)
    try:
        second = subprocess.run(
            [CLAIMX, "watch", str(news), "-o", str(out)], capture_output=True, timeout=120
        )
        assert second.returncode == 7 and b"another claimx watch" in second.stderr
    finally:
        first.send_signal(signal.SIGINT)
        assert first.wait(timeout=30) == 130  # Ctrl-C: interrupted, cleanly
    assert "interrupted" in log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_watch_waits_for_a_batch_and_ignores_its_own_output_inside_the_folder(
    tmp_path: Path, nlp: object
) -> None:
    """In this process (the session's pipeline): a batch holding the claims folder makes
    watch wait, not fail; a claims folder inside the watched one is never taken as news,
    nor do its writes start runs for ever."""
    news = tmp_path / "news"
    out = news / "claims"
    news.mkdir()
    events: list[Event] = []
    stop = threading.Event()
    options = WatchOptions(BatchOptions(output_dir=out, jobs=1), settle=0.1)
    out.mkdir()
    with exclusive(out):  # a `claimx batch` at work
        thread = threading.Thread(
            target=watch, args=(news, options, stop, lambda a: None, events.append)
        )
        thread.start()
        drop(news, "a3.txt", ARTICLES["a3.txt"])
        until(lambda: any(e.kind == "busy" for e in events), thread, 0.05)
    # the "done" event comes once the run has returned, its last index write made
    until(lambda: any(e.kind == "done" for e in events), thread, 0.05)
    assert processed(out, "a3.txt")
    index = out / "claimx-index.jsonl"
    before = index.stat().st_mtime_ns
    time.sleep(1.5)  # no run starts from the watcher's own writes
    stop.set()
    thread.join(timeout=30)
    assert index.stat().st_mtime_ns == before
    assert set(read_index(out)) == {"a3.txt"}
    assert [e.input for e in events if e.kind == "done"] == ["a3.txt"]


def processed(out: Path, name: str) -> bool:
    entry = read_index(out).get(name) if out.is_dir() else None
    return entry is not None and entry.status == "done"


@pytest.mark.slow
def test_a_contradiction_with_an_article_already_in_the_folder(tmp_path: Path, nlp: object) -> None:
    news, out = tmp_path / "news", tmp_path / "out"
    news.mkdir()
    drop(
        news,
        "lyon-1.txt",
        "Nvidia a investi 3 milliards d'euros dans un centre de calcul à Lyon.\n",
    )
    run([str(news)], BatchOptions(output_dir=out, jobs=1))  # the folder before watch
    sent: list[dict[str, object]] = []
    stop = threading.Event()
    options = WatchOptions(
        BatchOptions(output_dir=out, jobs=1), rules=(parse_rule("contradiction"),), settle=0.1
    )
    thread = threading.Thread(target=watch, args=(news, options, stop, sent.append))
    thread.start()
    try:
        drop(
            news,
            "lyon-2.txt",
            "Nvidia a investi 3,5 milliards d'euros dans un centre de calcul à Lyon.\n",
        )
        drop(
            news, "senat.txt", "Le Sénat examinera jeudi un texte sur la protection des données.\n"
        )
        until(lambda: processed(out, "lyon-2.txt") and processed(out, "senat.txt"), thread, 0.05)
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert [a["input"] for a in sent] == ["lyon-2.txt"]  # the Senate's article: none
    found = sent[0]["contradiction"]
    assert isinstance(found, dict) and found["kind"] == "figure"
    assert found["with"]["claims_file"] == "lyon-1.txt.yaml"


@pytest.mark.slow
def test_desk_rules_in_process_the_feed_read_once(
    tmp_path: Path, nlp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the library: `against` is read once, before the first article, however many
    land; each article is then judged on check-worthiness and against its fact-checks."""
    news, out, feed = tmp_path / "news", tmp_path / "out", tmp_path / "factchecks.json"
    news.mkdir()
    feed.write_text(json.dumps(FACT_CHECKS, ensure_ascii=False), encoding="utf-8")
    reads: list[Path] = []

    def counted(path: Path) -> tuple[FeedIndex, int]:
        reads.append(path)
        return load_index(path)

    monkeypatch.setattr(factchecks, "load_index", counted)
    rules = (parse_rule("factcheck"), parse_rule("checkworthy>=0"))
    options = WatchOptions(BatchOptions(output_dir=out, jobs=1), rules, settle=0.1, against=feed)
    sent: list[dict[str, Any]] = []
    events: list[Event] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(news, options, stop, sent.append, events.append))
    thread.start()
    try:
        for name in ("b04.txt", "depeches/a5.txt", "b17.txt"):
            drop(news, name, ARTICLES[name])
            time.sleep(0.3)
        names = ("b04.txt", "depeches/a5.txt", "b17.txt")
        until(lambda: all(processed(out, n) for n in names), thread, 0.05)
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert reads == [feed]
    assert [e.message for e in events if e.kind == "feed"] == ["3 fact-check(s)"]
    checked = {(a["input"], a["factcheck"]["url"]) for a in sent if a["rule"] == "factcheck"}
    assert checked == {
        ("b04.txt", FACT_CHECKS[0]["url"]),
        ("depeches/a5.txt", FACT_CHECKS[1]["url"]),
    }
    claims = {e.input for e in events if e.kind == "done"}
    worthy = {a["input"] for a in sent if a["rule"] == "checkworthy>=0"}
    assert worthy == claims  # every article's claims scored, each with its reasons
    assert all(a["checkworthy"]["reasons"] for a in sent if a["rule"] == "checkworthy>=0")
