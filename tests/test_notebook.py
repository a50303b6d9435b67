"""Buku catatan: tersimpan tanpa keluaran, bersel parameter, tanpa angka yang diketik."""

import io
import re
import tokenize
from pathlib import Path

import nbformat
import pytest

AKAR = Path(__file__).resolve().parents[1]
BUKU = sorted((AKAR / "notebooks").glob("*.ipynb"))


def test_ada_buku_catatan():
    assert len(BUKU) >= 7


@pytest.mark.parametrize("jalur", BUKU, ids=lambda p: p.name)
def test_tanpa_keluaran(jalur):
    nb = nbformat.read(jalur, as_version=4)
    for i, sel in enumerate(nb.cells):
        if sel.cell_type == "code":
            assert sel.outputs == [], f"{jalur.name} sel {i}: keluaran ikut tersimpan (jalankan make bersihkan-notebook)"
            assert sel.execution_count is None, f"{jalur.name} sel {i}: execution_count tersimpan"


@pytest.mark.parametrize("jalur", BUKU, ids=lambda p: p.name)
def test_sel_parameter_pertama(jalur):
    nb = nbformat.read(jalur, as_version=4)
    pertama = nb.cells[0]
    assert pertama.cell_type == "code"
    assert "parameters" in pertama.metadata.get("tags", [])
    nama = {baris.split("=")[0].strip() for baris in pertama.source.splitlines() if "=" in baris}
    assert {"tahun", "periode"} <= nama


ANGKA_MARKDOWN = re.compile(r"\d{1,3}(\.\d{3})+|\d+,\d+|\d+\s?%|Rp\s?\d")


@pytest.mark.parametrize("jalur", BUKU, ids=lambda p: p.name)
def test_tanpa_angka_diketik(jalur):
    """Angka dokumen datang dari data lewat src/analisis, bukan diketik di buku catatan."""
    nb = nbformat.read(jalur, as_version=4)
    for i, sel in enumerate(nb.cells[1:], start=1):
        if sel.cell_type == "markdown":
            assert not ANGKA_MARKDOWN.search(sel.source), f"{jalur.name} sel {i}: angka diketik di Markdown: {sel.source[:80]!r}"
        elif sel.cell_type == "code":
            token = tokenize.generate_tokens(io.StringIO(sel.source).readline)
            angka = [t.string for t in token if t.type == tokenize.NUMBER and t.string not in {"0", "1"}]
            assert not angka, f"{jalur.name} sel {i}: literal angka {angka} di sel kode; hitung di src/analisis"
