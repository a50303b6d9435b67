"""Skema data: setiap berkas sungguhan sah, dan setiap kerusakan dilaporkan dengan tepat."""

import csv
import io

import pytest

from analisis.core import data
from analisis.core.kesalahan import KesalahanData
from analisis.core.skema import SKEMA

NUMERIK = ("cacah", "bulat", "tahun", "bilangan", "persen", "rupiah")


def _baris(jalur):
    teks = jalur.read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(teks, newline="")))


def _tulis(jalur, baris):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(baris)
    jalur.write_text(buf.getvalue(), encoding="utf-8")


def _nomor_baris_pertama(jalur) -> int:
    r = csv.reader(io.StringIO(jalur.read_text(encoding="utf-8"), newline=""))
    next(r)
    next(r)
    return r.line_num  # baris berkas tempat rekaman data pertama berakhir


def test_data_sungguhan_sah():
    assert data.periksa_semua() == []


BOLEH_KOSONG = {"realisasi", "spm_mutu"}  # diisi lewat impor realisasi bidang


@pytest.mark.parametrize("nama", sorted(set(SKEMA) - BOLEH_KOSONG))
def test_setiap_berkas_ada_dan_berisi(nama):
    assert len(data.muat(nama)) > 0


@pytest.mark.parametrize("nama", sorted(n for n, s in SKEMA.items() if any(k.jenis in NUMERIK for k in s.kolom) and n not in BOLEH_KOSONG))
def test_teks_di_kolom_angka_ditolak(nama, salinan_data):
    skema = SKEMA[nama]
    kolom = next(k.nama for k in skema.kolom if k.jenis in NUMERIK)
    jalur = salinan_data / skema.berkas
    baris = _baris(jalur)
    i = baris[0].index(kolom)
    baris[1][i] = "empat puluh"
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat(nama, salinan_data)
    p = e.value.pelanggaran[0]
    assert (p.berkas, p.baris, p.kolom, p.nilai) == (f"data/{skema.berkas}", 2, kolom, "empat puluh")
    assert "bilangan" in p.aturan
    assert f"data/{skema.berkas}, baris 2, kolom '{kolom}', nilai 'empat puluh'" in str(e.value)


@pytest.mark.parametrize("nama", sorted(n for n, s in SKEMA.items() if any(k.wajib and k.jenis == "teks" for k in s.kolom) and n not in BOLEH_KOSONG))
def test_sel_wajib_kosong_ditolak(nama, salinan_data):
    skema = SKEMA[nama]
    kolom = next(k.nama for k in skema.kolom if k.wajib and k.jenis == "teks")
    jalur = salinan_data / skema.berkas
    baris = _baris(jalur)
    i = baris[0].index(kolom)
    baris[-1][i] = ""
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat(nama, salinan_data)
    p = e.value.pelanggaran[0]
    assert (p.kolom, p.aturan) == (kolom, "sel wajib diisi")
    assert p.baris == len(baris)  # tidak ada sel bergaris ganda setelah ditulis ulang? cukup baris terakhir


@pytest.mark.parametrize("nama", sorted(SKEMA))
def test_kolom_diganti_nama_ditolak(nama, salinan_data):
    skema = SKEMA[nama]
    jalur = salinan_data / skema.berkas
    baris = _baris(jalur)
    lama = baris[0][-1]
    baris[0][-1] = lama + "_baru"
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat(nama, salinan_data)
    kolom = {(p.kolom, p.aturan.split(" ")[0]) for p in e.value.pelanggaran}
    assert (lama, "kolom") in kolom
    assert all(p.baris == 1 for p in e.value.pelanggaran)


@pytest.mark.parametrize(
    "nama, kolom, nilai, aturan",
    [
        ("ppks_pas", "terdata", "-4", "tidak boleh negatif"),
        ("asn_jabatan", "pns", "-1", "tidak boleh negatif"),
        ("aset", "nilai", "-287.994.500,00", "tidak boleh negatif"),
        ("lks", "tahun", "1899", "tahun harus antara"),
        ("sakip", "nilai", "101", "harus ≤ 100"),
        ("ppks_pas", "periode", "Triwulan V", "harus salah satu dari"),
        ("indikator", "polaritas", "naik", "harus salah satu dari"),
        ("asn_jabatan", "pns", "1,5", "harus bilangan bulat"),
    ],
)
def test_aturan_kolom(nama, kolom, nilai, aturan, salinan_data):
    jalur = salinan_data / SKEMA[nama].berkas
    baris = _baris(jalur)
    baris[1][baris[0].index(kolom)] = nilai
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat(nama, salinan_data)
    cocok = [p for p in e.value.pelanggaran if p.kolom == kolom]
    assert len(cocok) == 1, e.value.pelanggaran
    p = cocok[0]
    assert (p.berkas, p.baris) == (f"data/{SKEMA[nama].berkas}", 2)
    assert aturan in p.aturan


def test_tertangani_melebihi_terdata(salinan_data):
    jalur = salinan_data / "ppks_pas.csv"
    baris = _baris(jalur)
    h = baris[0]
    i = next(n for n, b in enumerate(baris) if n and b[h.index("jenis")] == "Fakir Miskin")
    baris[i][h.index("tertangani")] = "40.242"
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat("ppks_pas", salinan_data)
    p = e.value.pelanggaran[0]
    assert p.baris == i + 1
    assert p.kolom == "terdata, tertangani"
    assert p.nilai == "terdata=40241, tertangani=40242"
    assert p.aturan == "tertangani tidak boleh melebihi terdata"


def test_kunci_ganda(salinan_data):
    jalur = salinan_data / "lks.csv"
    baris = _baris(jalur)
    baris.append(list(baris[1]))
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat("lks", salinan_data)
    assert {p.baris for p in e.value.pelanggaran} == {2, len(baris)}
    assert all("kunci ganda" in p.aturan for p in e.value.pelanggaran)


def test_induk_pohon_tidak_ada(salinan_data):
    jalur = salinan_data / "pohon_kinerja.csv"
    baris = _baris(jalur)
    h = baris[0]
    baris[5][h.index("induk")] = "L9-tidak-ada"
    _tulis(jalur, baris)
    with pytest.raises(KesalahanData) as e:
        data.muat("pohon_kinerja", salinan_data)
    aturan = {(p.baris, p.aturan) for p in e.value.pelanggaran}
    assert (6, "induk tidak ditemukan di kolom id") in aturan


def test_rujukan_target_ke_indikator(salinan_data):
    jalur = salinan_data / "target.csv"
    baris = _baris(jalur)
    baris[3][0] = "IKK-99"
    _tulis(jalur, baris)
    salah = data.periksa_semua(salinan_data)
    assert [(p.berkas, p.baris, p.kolom, p.nilai) for p in salah] == [("data/target.csv", 4, "kode", "IKK-99")]


def test_tdk_ada_bukan_nol():
    ppks = data.muat("ppks_pas")
    kat = ppks[~ppks["ada"]]
    assert kat["jenis"].tolist() == ["Kelompok Adat Terpencil (KAT)"]
    assert kat["terdata"].isna().all()
    assert int(ppks["terdata"].sum()) == 42583


def test_nihil_tabel_2_2_adalah_nol():
    asn = data.muat("asn_jabatan")
    madya = asn[asn["nama_jabatan"] == "PEKERJA SOSIAL MADYA"].iloc[0]
    assert (madya["pns"], madya["honorer"]) == (0, 0)


def test_bom_dan_baris_kosong_diterima(salinan_data):
    jalur = salinan_data / "lks.csv"
    jalur.write_text("\ufeff" + jalur.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert data.muat("lks", salinan_data)["jumlah"].tolist() == [4, 5, 5, 6, 9, 9]


@pytest.mark.parametrize(
    "isi, aturan",
    [
        (b"", "berkas kosong"),
        (b"\xff\xfe\x00t\x00a", "bukan teks UTF-8"),
        ("tahun,jumlah\n2020,4,9\n".encode(), "jumlah sel 3, seharusnya 2"),
        ("tahun;jumlah\n2020;4\n".encode(), "kolom"),
    ],
)
def test_berkas_rusak(isi, aturan, salinan_data):
    (salinan_data / "lks.csv").write_bytes(isi)
    with pytest.raises(KesalahanData) as e:
        data.muat("lks", salinan_data)
    assert any(aturan in p.aturan for p in e.value.pelanggaran)
