import json
import random

import pytest

from rubricrl.rubric import BankError, Criterion, Provenance, Rubric, RubricBank, Tier

WORDS = (
    "polite concise accurate cites sources empathy tone structure safety refuses harmful medical "
    "legal clear steps examples budget travel recipe poem rhyme code python tests summary story "
    "dialogue formal informal warning dosage doctor lawyer contract essay thesis outline"
).split()


def make(
    rid: str, text: str, *, version: str = "1", tags: tuple[str, ...] = (), **kw: object
) -> Rubric:
    return Rubric(
        id=rid,
        version=version,
        tags=tags,
        criteria=[Criterion(id="c1", description=text)],
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture()
def bank(tmp_path):
    with RubricBank(tmp_path / "bank.db") as opened:
        yield opened


def test_add_get_roundtrip_and_idempotent(bank):
    rubric = make("tone", "Is polite.", tags=("chat",))
    entry = bank.add(rubric, prompt="Say hi")
    assert entry.hash == rubric.content_hash and entry.prompt == "Say hi"
    assert bank.add(rubric).rid == entry.rid
    assert len(bank) == 1
    assert bank.get("tone") == rubric
    assert bank.by_hash(rubric.content_hash).id == "tone"
    assert bank.by_hash("0" * 64) is None


def test_same_version_other_content_is_refused_and_nothing_stored(bank):
    bank.add(make("tone", "Is polite."))
    with pytest.raises(BankError, match="new version"):
        bank.add_many([make("other", "x"), make("tone", "Is rude.")])
    assert len(bank) == 1


def test_versions_latest_and_diff(bank):
    bank.add(make("tone", "Is polite."))
    bank.add(
        make(
            "tone",
            "Is polite and warm.",
            version="2",
            provenance=Provenance(source="hybrid", parent_id="tone", parent_version="1"),
        )
    )
    assert bank.versions("tone") == ["1", "2"]
    assert bank.get("tone").version == "2"
    assert bank.entry("tone").parent_version == "1" and bank.entry("tone").source == "hybrid"
    diff = bank.diff("tone", "1")
    assert diff.changed[0].path == "criteria.c1.description"
    with pytest.raises(BankError, match="no rubric"):
        bank.get("tone", "9")


def test_tag_and_source_filters(bank):
    bank.add(make("a", "Is polite.", tags=("chat", "en")))
    bank.add(make("b", "Cites sources.", tags=("chat",), provenance=Provenance(source="llm")))
    bank.add(make("c", "Uses rhyme.", tags=("poem",)))
    assert [e.id for e in bank.entries(tags=["chat"])] == ["a", "b"]
    assert [e.id for e in bank.entries(tags=["chat", "en"])] == ["a"]
    assert [e.id for e in bank.entries(source="llm")] == ["b"]
    assert bank.tags() == {"chat": 2, "en": 1, "poem": 1}


def test_search_ranks_related_rubric_first_and_respects_filters(bank):
    bank.add(
        make("med", "Recommends seeing a doctor about the dosage."),
        prompt="What dose of ibuprofen?",
    )
    bank.add(
        make("poem", "The poem rhymes in every stanza.", tags=("poem",)), prompt="Write a poem"
    )
    bank.add(make("code", "The python code has tests."), prompt="Write python code")
    hits = bank.search("how much ibuprofen dosage should I take", k=3)
    assert hits[0].entry.id == "med"
    assert hits[0].score > hits[-1].score
    assert [h.entry.id for h in bank.search("ibuprofen", k=3, tags=["poem"])] == ["poem"]
    assert bank.search("x", k=3, tags=["missing"]) == []


def test_search_latest_only_hides_old_versions(bank):
    bank.add(make("med", "Mentions the dosage."))
    bank.add(make("med", "Mentions the dosage and the doctor.", version="2"))
    assert [(h.entry.id, h.entry.version) for h in bank.search("dosage", k=5)] == [("med", "2")]
    assert len(bank.search("dosage", k=5, latest_only=False)) == 2


def test_yaml_export_import_roundtrip_keeps_hashes_and_prompts(bank, tmp_path):
    tiered = Criterion(
        id="t",
        description="Depth.",
        kind="tiered",
        tiers=[Tier(score=0, description="shallow"), Tier(score=2, description="deep")],
    )
    rubric = Rubric(id="deep", criteria=[tiered], tags=("x",))
    bank.add(rubric, prompt="Explain tides")
    bank.add(make("tone", "Is polite."))
    assert bank.export_yaml(tmp_path / "out") == 2
    with RubricBank(":memory:") as other:
        report = other.import_yaml(tmp_path / "out")
        assert (report.added, report.unchanged, report.rejected) == (2, 0, [])
        assert other.get("deep").content_hash == rubric.content_hash
        assert other.entry("deep").prompt == "Explain tides"
        assert other.import_yaml(tmp_path / "out").unchanged == 2


def test_import_rejects_invalid_and_tampered_files_with_reasons(bank, tmp_path):
    bank.add(make("tone", "Is polite."))
    bank.export_yaml(tmp_path / "out")
    path = tmp_path / "out" / "tone" / "1.yaml"
    path.write_text(path.read_text().replace("Is polite.", "Is rude."))
    (tmp_path / "out" / "bad.yaml").write_text("id: bad\ncriteria: []\n")
    with RubricBank(":memory:") as other:
        report = other.import_yaml(tmp_path / "out")
    reasons = dict(report.rejected)
    assert report.added == 0
    assert "hash differs" in reasons[str(path)]
    assert "criteria" in reasons[str(tmp_path / "out" / "bad.yaml")]


def test_import_conflict_with_stored_version_is_rejected(bank, tmp_path):
    bank.add(make("tone", "Is polite."))
    with RubricBank(":memory:") as other:
        other.add(make("tone", "Is rude."))
        bank.export_yaml(tmp_path / "out")
        (tmp_path / "out" / "manifest.jsonl").unlink()
        report = other.import_yaml(tmp_path / "out")
    assert report.added == 0 and "other content" in report.rejected[0][1]


def test_vectors_of_another_embedder_are_computed_on_demand(tmp_path):
    from rubricrl.rubric import HashingEmbedder

    with RubricBank(tmp_path / "b.db") as first:
        first.add(make("med", "Mentions the dosage."))
    with RubricBank(tmp_path / "b.db", embedder=HashingEmbedder(dim=64)) as second:
        assert second.search("dosage", k=1)[0].entry.id == "med"


def test_ten_thousand_rubrics_stored_and_retrievable(tmp_path):
    rng = random.Random(0)
    rubrics = []
    for index in range(10_000):
        words = rng.sample(WORDS, 6)
        rubrics.append(make(f"r{index:05d}", " ".join(words), tags=(words[0],)))
    with RubricBank(tmp_path / "big.db") as bank:
        assert bank.add_many(rubrics) == 10_000
        assert len(bank) == 10_000
        target = rubrics[1234]
        hits = bank.search(target.criteria[0].description, k=5)
        assert target.id in [hit.entry.id for hit in hits]
        assert hits[0].score == pytest.approx(1.0, abs=1e-4)
        tag = target.tags[0]
        assert all(tag in h.entry.tags for h in bank.search("anything", k=20, tags=[tag]))
        count = bank._db.execute("SELECT count(*) FROM embeddings").fetchone()[0]
        assert count == 10_000


def test_bank_file_uses_wal(tmp_path):
    with RubricBank(tmp_path / "w.db") as bank:
        mode = bank._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_import_dataset_from_shipped_packages(bank):
    pytest.importorskip("eval_framework")
    report = bank.import_dataset("healthbench", limit=5)
    assert report.added == 5 and report.rejected == []
    entry = bank.entries(tags=["healthbench"])[0]
    assert entry.source == "human" and entry.prompt
    with pytest.raises(ValueError, match="valid"):
        bank.import_dataset("nope")
    assert json.loads(bank.get(entry.id).canonical_json())["granularity"] == "instance"
