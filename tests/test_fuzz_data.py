"""Masukan rusak untuk pemuat data: setiap kasus berakhir sah atau dengan KesalahanData yang jelas."""

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analisis.core.kesalahan import KesalahanData
from analisis.core.skema import SKEMA, baca_csv

AKAR = Path(__file__).resolve().parents[1]

SKEMA_UJI = [SKEMA[n] for n in ("ppks_pas", "lks", "aset", "pohon_kinerja", "target", "asn_jabatan")]

sel = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["-", "tdk ada", "40.241", "1.906.887.580,00", "95,76 %", "", " ", "1e309", "NaN", "inf", "-0", "9" * 40, "1.", "<b>x</b>", "\ufeff", "\x00"]),
    st.integers(min_value=-10**20, max_value=10**20).map(str),
)


def _csv(baris):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(baris)
    return buf.getvalue()


@st.composite
def berkas(draw):
    skema = draw(st.sampled_from(SKEMA_UJI))
    judul = skema.kolom_nama()
    if draw(st.booleans()):
        judul = draw(st.permutations(judul))
    if draw(st.integers(0, 5)) == 0:
        judul = judul[:-1]
    n = draw(st.integers(0, 6))
    baris = [judul] + [[draw(sel) for _ in range(draw(st.sampled_from([len(judul), len(judul), len(judul) - 1, len(judul) + 1])))] for _ in range(n)]
    teks = _csv(baris)
    awalan = draw(st.sampled_from(["", "\ufeff", "\n\n"]))
    pemisah = draw(st.sampled_from([",", ",", ";", "\t"]))
    if pemisah != ",":
        teks = teks.replace(",", pemisah)
    if draw(st.booleans()):
        teks = teks.replace("\n", "\r\n")
    return skema, awalan + teks


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kasus=berkas())
def test_pemuat_tidak_pernah_melempar_kesalahan_lain(kasus, tmp_path_factory):
    skema, teks = kasus
    jalur = tmp_path_factory.mktemp("fuzz") / skema.berkas
    jalur.write_text(teks, encoding="utf-8")
    try:
        df = baca_csv(jalur, skema)
    except KesalahanData as e:
        assert e.pelanggaran, "KesalahanData tanpa pelanggaran"
        for p in e.pelanggaran:
            assert p.berkas == f"data/{skema.berkas}"
            assert p.aturan
        return
    # hasil sah: kolom lengkap, cacah tidak negatif, tidak ada inf
    assert list(df.columns)[: len(skema.kolom) + 1] == ["_baris", *skema.kolom_nama()]
    for k in skema.kolom:
        if k.jenis in ("cacah", "rupiah"):
            assert (df[k.nama].dropna() >= 0).all()
        if k.jenis in ("bilangan", "persen", "rupiah"):
            assert df[k.nama].dropna().map(lambda v: abs(float(v)) != float("inf")).all()


@st.composite
def berkas_asli_dimutasi(draw):
    """Berkas data sungguhan dengan satu sel diganti: sisanya sah, jadi sel itulah yang diuji."""
    skema = draw(st.sampled_from(SKEMA_UJI))
    baris = list(csv.reader(io.StringIO((AKAR / "data" / skema.berkas).read_text(encoding="utf-8"), newline="")))
    i = draw(st.integers(1, len(baris) - 1))
    j = draw(st.integers(0, len(baris[0]) - 1))
    baris[i][j] = draw(sel)
    return skema, _csv(baris)


def _dimutasi(nama: str, i: int, kolom: str, nilai: str):
    """Berkas data sungguhan ``nama`` dengan sel baris data ke-``i`` kolom ``kolom`` diganti ``nilai``."""
    skema = SKEMA[nama]
    baris = list(csv.reader(io.StringIO((AKAR / "data" / skema.berkas).read_text(encoding="utf-8"), newline="")))
    baris[i][baris[0].index(kolom)] = nilai
    return skema, _csv(baris)


# Kasus tetap di samping yang diacak: angka dalam format tercetak dokumen sumber (Tabel 2.5 jumlah
# terdata 42.583; Tabel 2.4 peralatan dan mesin Rp 1.906.887.580; capaian 95,76 %) di kolom lain,
# dan nilai yang tidak boleh lolos (tanda "-", tak hingga, NUL).
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kasus=berkas_asli_dimutasi())
@example(kasus=_dimutasi("ppks_pas", 2, "terdata", "42.583"))
@example(kasus=_dimutasi("ppks_pas", 2, "tertangani", "-"))
@example(kasus=_dimutasi("aset", 1, "nilai", "1.906.887.580"))
@example(kasus=_dimutasi("target", 1, "target", "95,76 %"))
@example(kasus=_dimutasi("lks", 1, "jumlah", "1e309"))
@example(kasus=_dimutasi("pohon_kinerja", 1, SKEMA["pohon_kinerja"].kolom_nama()[0], "\x00"))
def test_satu_sel_rusak(kasus, tmp_path_factory):
    test_pemuat_tidak_pernah_melempar_kesalahan_lain.hypothesis.inner_test(kasus, tmp_path_factory)


@settings(max_examples=80, deadline=None)
@given(isi=st.binary(max_size=200))
def test_bita_acak(isi, tmp_path_factory):
    jalur = tmp_path_factory.mktemp("fuzzb") / "lks.csv"
    jalur.write_bytes(isi)
    try:
        baca_csv(jalur, SKEMA["lks"])
    except KesalahanData as e:
        assert e.pelanggaran


NILAI_YAML = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(), st.text(max_size=15),
    st.sampled_from(["Triwulan V", "Tahunan", "2025-02-30", "22 September 2025", "<script>x</script>", "tdk ada"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@st.composite
def parameter_dimutasi(draw):
    """``parameters/2025.yml`` sungguhan dengan kunci diganti, dihapus atau ditambah, atau teks rusak."""
    import yaml

    asli = yaml.safe_load((AKAR / "parameters" / "2025.yml").read_text(encoding="utf-8"))
    isi = dict(asli)
    for _ in range(draw(st.integers(1, 3))):
        aksi = draw(st.sampled_from(["ganti", "hapus", "tambah"]))
        kunci = draw(st.sampled_from(sorted(isi) or ["tahun"]))
        if aksi == "ganti":
            isi[kunci] = draw(NILAI_YAML)
        elif aksi == "hapus":
            isi.pop(kunci, None)
        else:
            isi[draw(st.text(min_size=1, max_size=8))] = draw(NILAI_YAML)
    teks = yaml.safe_dump(isi, allow_unicode=True)
    return draw(st.sampled_from([teks, teks, teks[: len(teks) // 2] + ": [", "\ufeff" + teks, "- a\n- b\n", ""]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teks=parameter_dimutasi())
def test_parameter_rusak_sah_atau_ditolak_jelas(teks, tmp_path_factory):
    """Berkas parameter rusak: Parameter yang sah atau KesalahanParameter yang menyebut berkasnya."""
    import shutil

    from analisis.core import parameter
    from analisis.core.kesalahan import KesalahanParameter

    folder = tmp_path_factory.mktemp("param")
    shutil.copyfile(AKAR / "parameters" / "base.yml", folder / "base.yml")
    (folder / "2025.yml").write_text(teks, encoding="utf-8")
    try:
        p = parameter.muat(2025, folder=folder)
    except KesalahanParameter as e:
        assert "2025.yml" in str(e) or "base.yml" in str(e)
        return
    assert p.tahun == 2025 and p.periode
