import pytest

from ilacs.extraction import extract_many
from tests.extraction.corpus import corpus_files


@pytest.fixture(scope="session")
def corpus_records() -> dict[str, list[dict]]:
    """Every corpus file's records, by path, extracted once per test run: reading all 497
    reports takes most of a minute, so the corpus tests share one reading."""
    by_file: dict[str, list[dict]] = {path: [] for path in corpus_files()}
    for record in extract_many(list(by_file), jobs=2):
        by_file[record["source"]["file"]].append(record)
    return by_file
