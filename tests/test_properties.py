"""Properties (hypothesis): normalize never raises and is idempotent, clean text passes through,
extraction never raises, and every fact's offsets point at its surface text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms import corrupt
from transforms.decode import NotText
from transforms.extract import extract
from transforms.normalize import normalize
from transforms.repair import repair

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Realistic clean words from the scripts rare-earth news quotes.
WORDS = st.sampled_from([
    "Baogang", "Group", "rare", "earth", "China", "Lynas", "MP", "Materials", "neodymium", "2025",
    "RMB", "1.71", "million", "Société", "Générale", "Zürich", "Ærø", "naïve", "façade", "Lü",
    "稀土", "中国", "包钢集团", "ภาษาไทย", "แร่หายาก", "Ганьчжоу", "😀", "🚀", "x²", "≤", "±", "°C",
    "m³/day", "A$79.1", "—", "–", "…", "•", "©", "™", "Meng", "Fanying", "said", "the",
])
PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", " — ", "’s ", " (", ") "])


@st.composite
def clean_text(draw):
    parts = []
    for _ in range(draw(st.integers(1, 30))):
        w = draw(WORDS)
        if draw(st.integers(0, 9)) == 0:
            w = f"“{w}”"
        parts += [w, draw(PUNCT)]
    return "".join(parts)


@SETTINGS
@given(st.binary(max_size=3000))
def test_normalize_never_raises_on_bytes(raw):
    try:
        doc = normalize(raw)
    except NotText as e:
        assert e.reason in {"empty", "binary", "undecodable", "truncated"}
    else:
        assert doc.doc_id and doc.text.strip()


@SETTINGS
@given(st.text(max_size=2000))
def test_repair_is_idempotent_on_any_text(text):
    once = repair(text).text
    assert repair(once).text == once


@SETTINGS
@given(clean_text(), st.sampled_from(sorted(corrupt.FAMILIES)))
def test_repair_is_idempotent_on_mojibake(text, family):
    once = repair(corrupt.FAMILIES[family](text)).text
    assert repair(once).text == once


@SETTINGS
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=2000))
def test_clean_ascii_passes_through(text):
    assert repair(text).text == text


@SETTINGS
@given(clean_text())
def test_clean_utf8_passes_through(text):
    result = repair(text)
    assert result.text == text
    assert result.repairs == []


def assert_offsets_hold(text: str) -> None:
    f = extract(text)
    for m in f.mentions:
        assert text[m.start : m.end] == m.surface
    for q in f.quotes:
        assert text[q.start : q.end] == q.quote
    for m in f.metrics:
        assert text[m.start : m.end] == m.text


@SETTINGS
@given(st.text(max_size=2000))
def test_extraction_never_raises_and_offsets_hold(text):
    assert_offsets_hold(text)


@SETTINGS
@given(clean_text())
def test_offsets_hold_on_news_like_text(text):
    assert_offsets_hold(text)
