"""BAB III (analisis.chapters.penetapan_iku): Tabel 4.1–4.5 dibandingkan dengan dokumen sumber."""

import re

import pytest
import yaml

from analisis.chapters import penetapan_iku as penetapan

TAHUN = [2024, 2025, 2026, 2027, 2028, 2029]
TERLARANG = re.compile(r"\b(nan|NaN|None|inf|NaT)\b|<NA>")


# --- Tabel 4.1 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kode, tahun, harapan",
    [
        ("IKU-01", 2025, "100 %"), ("IKU-01", 2027, "100 %"), ("IKU-01", 2029, "100 %"),
        # Tabel 4.1 mencetak 58 60 62 64 66; predikat setara menurut PermenPANRB 88/2021 (60,00 = CC)
        ("IKU-02", 2025, "58 (CC)"), ("IKU-02", 2026, "60 (CC)"), ("IKU-02", 2027, "62 (B)"),
        ("IKU-02", 2028, "64 (B)"), ("IKU-02", 2029, "66 (B)"),
    ],
)
def test_tabel_4_1_target(kode, tahun, harapan):
    t = penetapan.tabel_iku(2025)
    # frame numerik: angka target dan predikat setaranya sebagai data, teks gabungan hanya saat render
    df = t.df.set_index("kode")
    angka = float(harapan.split()[0])
    assert df.loc[kode, f"t{tahun}"] == angka
    predikat = df.loc[kode, f"predikat_t{tahun}"]
    assert (predikat if isinstance(predikat, str) else None) == (harapan.split("(")[1].rstrip(")") if "(" in harapan else None)
    baris = df.index.get_loc(kode)
    assert re.findall(r'<td class="angka[^"]*">([^<]*)</td>', _baris_html(t, baris))[tahun - 2025] == harapan


def _baris_html(t, i):
    """Baris badan ke-``i`` tabel sebagai HTML."""
    return re.findall(r"<tr(?: [^>]*)?>(.*?)</tr>", t.html().split("</thead>")[1])[i]


def test_tabel_4_1_kolom_dan_isi():
    t = penetapan.tabel_iku(2025)
    assert (t.label, t.nomor, t.lebar) == ("penetapan-iku", None, True)
    assert t.judul == "Indikator Kinerja Utama (IKU) Dinas Sosial Kabupaten Seruyan"
    judul = [k.judul for k in t.kolom]
    assert judul[:6] == ["No.", "Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Kinerja Utama",
                         "Definisi Operasional / Formulasi Perhitungan"]
    assert judul[-2:] == ["Sumber Data", "Penanggung Jawab"]
    h = t.html()
    assert "Rekap DTSEN" in h and "BA LHE SAKIP dari Inspektorat Kab. Seruyan" in h
    assert "<b>Formulasi Perhitungan:</b> Hasil Evaluasi SAKIP dari APIP" in h
    assert "Meningkatkan Akuntabilitas Kinerja Dinas Sosial Kabupaten Seruyan" in h


def test_tabel_4_1_hanya_periode_renstra():
    assert penetapan.tahun_target("IKU") == [2025, 2026, 2027, 2028, 2029]
    assert "t2024" not in penetapan.tabel_iku(2024).df.columns


def test_identitas():
    h = penetapan.identitas().data
    assert h.count("<li>") == 11
    for s in ("Unit Kerja", "Jabatan", "Tugas", "Fungsi", "Kepala Dinas Sosial Kabupaten Seruyan",
              "Menyelenggarakan urusan pemerintah dibidang sosial", "Pemeliharaan Taman Makam Pahlawan Nasional"):
        assert s in h


# --- Tabel 4.2 -----------------------------------------------------------------


def _sel(tabel, nilai, kunci):
    """Teks sel kolom ``kunci`` seperti dirender tabel."""
    return next(k for k in tabel.kolom if k.kunci == kunci).sel(nilai)


@pytest.mark.parametrize(
    "no, satuan, target",
    [
        (1, "%", ["100"] * 6),
        (13, "%", ["70"] * 6),
        (14, "%", ["1", "1,5", "2", "2,5", "3", "3"]),
        (19, "orang", ["46", "46", "50", "55", "60", "60"]),
        (20, "orang", ["16", "16", "20", "25", "30", "30"]),
        (22, "orang", ["4", "4", "10", "15", "20", "20"]),
        (23, "orang", ["200", "200", "250", "300", "350", "350"]),
        (24, "%", ["95", "90", "85", "80", "75", "75"]),
    ],
)
def test_tabel_4_2(no, satuan, target):
    t = penetapan.tabel_ikk(2025)
    df = t.df.set_index("no")
    assert df.loc[no, "satuan"] == satuan
    kunci = [f"t{th}" for th in range(2025, 2031)]
    # frame numerik; dicetak ringkas seperti Tabel 4.2 sumber
    assert df.loc[no, kunci].tolist() == [float(v.replace(",", ".")) for v in target]
    assert [_sel(t, df.loc[no, k], k) for k in kunci] == target


def test_tabel_4_2_jumlah_baris_dan_ket_kosong():
    t = penetapan.tabel_ikk(2026)
    assert len(t.df) == 24 and t.lebar
    assert set(t.df["keterangan"]) == {""}


# --- Tabel 4.3 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "no, penerima",
    [(1, ["46", "46", "50", "55", "60", "60"]), (2, ["16", "16", "20", "25", "30", "30"]),
     (3, ["12", "12", "15", "20", "25", "25"]), (4, ["4", "4", "10", "15", "20", "20"]),
     (5, ["200", "200", "250", "300", "350", "350"])],
)
def test_tabel_4_3(no, penerima):
    t = penetapan.tabel_target_spm(2025)
    df = t.df.set_index("no")
    assert df.loc[no, [f"p{th}" for th in range(2025, 2031)]].tolist() == [float(v) for v in penerima]
    assert [_sel(t, df.loc[no, f"p{th}"], f"p{th}") for th in range(2025, 2031)] == penerima
    assert [_sel(t, df.loc[no, f"n{th}"], f"n{th}") for th in range(2025, 2031)] == ['<span class="utuh">100 %</span>'] * 6


def test_tabel_4_3_sama_dengan_ikk_spm():
    """Target penerima SPM (Tabel 4.3) sama dengan target IKK-19..23 (Tabel 4.2)."""
    spm = penetapan.tabel_target_spm(2025).df.set_index("no")
    ikk = penetapan.tabel_ikk(2025).df.set_index("no")
    for no_spm, no_ikk in zip(range(1, 6), range(19, 24)):
        assert spm.loc[no_spm, [f"p{t}" for t in range(2025, 2031)]].tolist() == ikk.loc[no_ikk, [f"t{t}" for t in range(2025, 2031)]].tolist()


# --- penanda tahun dokumen ------------------------------------------------------


def _judul_kolom(html):
    return re.findall(r"<th[^>]*>([^<]*)</th>", html)


@pytest.mark.parametrize("tahun", [2025, 2026, 2029])
def test_penanda_tahun(tahun):
    for fungsi, jumlah in ((penetapan.tabel_iku, 1), (penetapan.tabel_ikk, 1), (penetapan.tabel_target_spm, 2)):
        judul = _judul_kolom(fungsi(tahun).html())
        assert judul.count(f"{tahun} ▸") == jumlah
        assert sum("▸" in j for j in judul) == jumlah
        assert 'tahun-terpilih' in fungsi(tahun).html()


def test_penanda_tahun_di_luar_rentang():
    t = penetapan.tabel_iku(2024)
    assert "▸" not in "".join(_judul_kolom(t.html()))
    assert any("di luar rentang" in c for c in t.catatan)


@pytest.mark.parametrize("tahun", TAHUN)
def test_semua_tahun_tabel_sama_kecuali_penanda(tahun):
    a = penetapan.tabel_ikk(tahun).html().replace(" ▸", "").replace(" tahun-terpilih", "")
    b = penetapan.tabel_ikk(None).html()
    a = re.sub(r'<tr class="catatan-tabel">.*?</tr>', "", a).replace('</tbody><tbody class="bawah-tabel">', "")
    assert a == b


# --- Definisi Operasional ----------------------------------------------------------


def test_tabel_do():
    iku, ikk = penetapan.tabel_do_iku(), penetapan.tabel_do_ikk()
    assert (iku.label, len(iku.df), ikk.label, len(ikk.df)) == ("do-iku", 2, "do-ikk", 24)
    assert iku.nomor is None and ikk.nomor is None
    assert iku.lebar and ikk.lebar
    assert iku.df.loc[0, "penanggung_jawab"] == "Dinas Sosial"
    b24 = ikk.df.set_index("kode").loc["IKK-24"]
    assert b24["penanggung_jawab"] == "Sekretariat"
    assert "Σ PPKS Tahun N-1 - Σ PPKS Tahun N" in b24["rumus"]
    assert [k.judul for k in ikk.kolom][4] == "Penjelasan" and [k.judul for k in iku.kolom][4] == "Keterangan"


def test_pengantar_do_dibagi_dua():
    a, b = penetapan.pengantar_do()
    assert "22. Penanganan bencana" in a.data and a.data.rstrip().endswith("tabel berikut:</p></div>")
    # kalimat pengantar tabel lebar tercetak di halaman mendatar bersama tabelnya
    assert a.data.count('<div class="lanskap">') == 1
    assert b.data.startswith('<div class="lanskap"><p>Sedangkan Definisi Operasional (DO)') and "22." not in b.data


# --- keluaran bersih, data di-escape, nama instansi dari data --------------------------


@pytest.mark.parametrize("tahun", TAHUN)
def test_tidak_ada_nan_none_inf(tahun):
    for t in (penetapan.tabel_iku(tahun), penetapan.tabel_ikk(tahun), penetapan.tabel_target_spm(tahun),
              penetapan.tabel_do_iku(), penetapan.tabel_do_ikk()):
        assert not TERLARANG.search(re.sub(r"<[^>]+>", " ", t.html()))


def test_teks_data_di_escape_dan_nama_instansi_dari_data(salinan_data, monkeypatch):
    ind = salinan_data / "indikator.csv"
    ind.write_text(ind.read_text(encoding="utf-8").replace("Rekap DTSEN", "Rekap <b>DTSEN</b>"), encoding="utf-8")
    ins = salinan_data / "instansi.yaml"
    isi = yaml.safe_load(ins.read_text(encoding="utf-8"))
    isi["nama_lengkap"] = "Dinas Sosial Kabupaten Contoh & <Uji>"
    ins.write_text(yaml.safe_dump(isi, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("IKU_DATA", str(salinan_data))
    h = penetapan.tabel_iku(2025).html()
    assert "Rekap &lt;b&gt;DTSEN&lt;/b&gt;" in h and "<b>DTSEN" not in h
    assert "Kabupaten Contoh &amp; &lt;Uji&gt;" in h
    assert "Kabupaten Contoh &amp; &lt;Uji&gt;" in penetapan.judul_penetapan()
    assert "Kepala Dinas Sosial Kabupaten Contoh &amp; &lt;Uji&gt;" in penetapan.identitas().data


@pytest.mark.parametrize("nilai, teks", [(100, "100"), (1.5, "1,5"), (2.5, "2,5"), (350, "350"), (58.25, "58,25"), (None, "–")])
def test_bilangan(nilai, teks):
    assert penetapan.bilangan(nilai) == teks
