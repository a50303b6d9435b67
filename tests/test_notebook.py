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


def _angka_diketik(teks: str) -> list[str]:
    """Angka berformat dokumen (42.583; 95,76 %; Rp 1.906) dalam teks yang tampil di dokumen."""
    return [m.group(0) for m in ANGKA_MARKDOWN.finditer(teks)]


@pytest.mark.parametrize("jalur", BUKU, ids=lambda p: p.name)
def test_tanpa_angka_diketik(jalur):
    """Angka yang tampil di dokumen datang dari data lewat src/analisis, bukan diketik di buku catatan.

    Diperiksa pada yang tampil: sel Markdown dan teks (string) di sel kode yang
    masuk dokumen. Angka sebagai argumen kode (``df.head(5)``, ``figsize=(7, 3)``)
    boleh; sel bertag ``eksplorasi`` tidak masuk dokumen dan tidak diperiksa.
    """
    nb = nbformat.read(jalur, as_version=4)
    for i, sel in enumerate(nb.cells[1:], start=1):
        if "eksplorasi" in sel.metadata.get("tags", []):
            continue
        if sel.cell_type == "markdown":
            assert not _angka_diketik(sel.source), f"{jalur.name} sel {i}: angka diketik di Markdown: {sel.source[:80]!r}"
        elif sel.cell_type == "code":
            baris = [b for b in sel.source.splitlines() if not b.lstrip().startswith(("%", "!"))]
            token = tokenize.generate_tokens(io.StringIO("\n".join(baris) + "\n").readline)
            teks = [t.string for t in token if t.type == tokenize.STRING and _angka_diketik(t.string)]
            assert not teks, f"{jalur.name} sel {i}: angka diketik dalam teks {teks}; hitung dan format di src/analisis"


def test_aturan_angka_diketik_menangkap_teks_bukan_kode():
    """Aturan di atas: teks berangka ditolak, argumen angka diterima."""
    assert _angka_diketik('display(Markdown("Jumlah PPKS 42.583 jiwa (95,76 %)"))') == ["42.583", "95,76"]
    assert _angka_diketik("pas.head(5)") == []


@pytest.mark.parametrize("jalur", BUKU, ids=lambda p: p.name)
def test_autoreload(jalur):
    """Modul paket yang disunting dimuat ulang tanpa memulai ulang kernel."""
    nb = nbformat.read(jalur, as_version=4)
    kode = "\n".join(s.source for s in nb.cells if s.cell_type == "code")
    assert "%load_ext autoreload" in kode and "%autoreload 2" in kode, f"{jalur.name}: tanpa autoreload"
