"""Measurement behind `ree-etl eval-repair`: corrupt clean texts, repair them, count what came back."""

from __future__ import annotations

import difflib
import random
import time
from pathlib import Path

import ftfy

from transforms.corrupt import FAMILIES
from transforms.repair import mojibake_marks, repair

DEFAULT_CLEAN = Path(__file__).resolve().parent.parent / "tests" / "data" / "clean"

# Genuine non-English text that must pass through untouched.
GENUINE = [
    "ภาษาไทยเป็นภาษาราชการของประเทศไทย โรงงานแปรรูปแร่หายากตั้งอยู่ที่จังหวัดระยอง",
    "中国稀土集团有限公司总部位于江西省赣州市，是全球最大的稀土企业之一。",
    "Société Générale à Zürich: Ærø, Ñandú, façade, naïve — “déjà vu”, 5 °C, µg/m³.",
    "∑ x² ≤ 3·10⁻⁶ ± ε; ∀x ∈ ℝ; α-β-γ; 😀 🚀 ✓ — emoji and math stay as they are.",
    "Ганзьоу и Баотоу — центры редкоземельной промышленности Китая.",
]


def load_clean_texts(sources: list[Path] | None) -> list[str]:
    folders = sources or [DEFAULT_CLEAN]
    texts = []
    for folder in folders:
        for p in sorted(Path(folder).glob("*.txt")):
            texts.append(p.read_text(encoding="utf-8"))
    if not texts:
        raise SystemExit(f"no *.txt clean texts in {', '.join(map(str, folders))}")
    return texts


def variants(texts: list[str], repeat: int, seed: int) -> list[str]:
    """Each text plus re-orderings of its paragraphs mixed with another text's (reproducible)."""
    rng = random.Random(seed)
    out = list(texts)
    paras = [p for t in texts for p in t.split("\n") if p.strip()]
    while len(out) < len(texts) * repeat:
        out.append("\n".join(rng.sample(paras, k=min(len(paras), rng.randint(3, 8)))))
    return out


def _restored(clean: str, fixed: str) -> tuple[int, int]:
    """(non-ASCII characters of `clean`, of those found in place in `fixed`)."""
    total = sum(1 for c in clean if ord(c) > 127)
    sm = difflib.SequenceMatcher(None, clean, fixed, autojunk=False)
    kept = sum(
        sum(1 for c in clean[a : a + n] if ord(c) > 127) for a, _, n in sm.get_matching_blocks()
    )
    return total, kept


def evaluate_repair(texts: list[str], repeat: int = 20, seed: int = 0) -> dict:
    docs = variants(texts, repeat, seed)
    chars = sum(len(d.encode("utf-8")) for d in docs)
    result: dict = {"chars": chars, "families": {}}
    for name, corrupt in FAMILIES.items():
        broken = [corrupt(d) for d in docs]
        t0 = time.perf_counter()
        fixed = [repair(b).text for b in broken]
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        ftfy_fixed = [ftfy.fix_text(b, uncurl_quotes=False) for b in broken]
        t_ftfy = time.perf_counter() - t0
        total = kept = 0
        for d, f in zip(docs, fixed, strict=True):
            t, k = _restored(d, f)
            total += t
            kept += k
        mb = sum(len(b.encode("utf-8")) for b in broken) / 1e6
        result["families"][name] = {
            "exact": sum(f == d for f, d in zip(fixed, docs, strict=True)) / len(docs),
            "restored": kept / total if total else 1.0,
            "marks": sum(mojibake_marks(f) for f in fixed),
            "mbps": mb / t_ours,
            "ftfy_mbps": mb / t_ftfy,
            "ftfy_exact": sum(f == d for f, d in zip(ftfy_fixed, docs, strict=True)) / len(docs),
        }
    clean_docs = docs + GENUINE
    t0 = time.perf_counter()
    changed = sum(repair(d).text != d for d in clean_docs)
    t = time.perf_counter() - t0
    result["clean"] = {"docs": len(clean_docs), "changed": changed,
                       "mbps": sum(len(d.encode()) for d in clean_docs) / 1e6 / t}
    return result
