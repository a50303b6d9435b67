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


@pytest.mark.lambat
def test_render_mengeksekusi_setiap_sel_setiap_buku(tmp_path_factory):
    """Render bersama 2025 (tests/tata_letak_ukur.py) mengeksekusi setiap sel kode setiap buku seperti
    tersimpan, termasuk sel ``eksplorasi`` yang tidak masuk dokumen, tanpa galat; parameternya tahun
    bawaan buku dan periode yang sama dengan yang dipilih buku bila dibuka dengan nilai bawaannya.

    Dengan ini buku yang dieksekusi render dapat dipakai ulang alih-alih mengeksekusi setiap buku
    sekali lagi (nbval).
    """
    import tata_letak_ukur as ukur  # dimuat tests/conftest.py

    from analisis.core import periode as per

    dieksekusi = ukur.render_bersama(2025, tmp_path_factory).html.parent / "dieksekusi"
    assert sorted(p.name for p in dieksekusi.glob("*.ipynb")) == [p.name for p in BUKU]
    for jalur in BUKU:
        asli = nbformat.read(jalur, as_version=4)
        hasil = nbformat.read(dieksekusi / jalur.name, as_version=4)
        kode = [c for c in hasil.cells if c.cell_type == "code"]
        suntik = [c for c in kode if "injected-parameters" in c.metadata.get("tags", [])]
        kode = [c for c in kode if c not in suntik]
        assert [c.source for c in kode] == [c.source for c in asli.cells if c.cell_type == "code"], jalur.name
        for i, c in enumerate(kode):
            assert c.execution_count is not None, f"{jalur.name} sel kode {i} tidak dieksekusi"
            galat = [o for o in c.outputs if o.output_type == "error"]
            assert not galat, f"{jalur.name} sel kode {i}: {galat[0].get('ename')}"
        bawaan, nilai = {}, {}
        exec(asli.cells[0].source, {}, bawaan)
        assert len(suntik) == 1, jalur.name
        exec(suntik[0].source, {}, nilai)
        assert nilai["tahun"] == bawaan["tahun"], jalur.name
        assert nilai["periode"] == per.periode_dokumen(bawaan["tahun"], bawaan["periode"]), jalur.name
