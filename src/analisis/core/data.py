"""Memuat ``data/`` lewat skemanya: satu pintu masuk untuk setiap angka dokumen.

Examples
--------
>>> ppks = muat("ppks_pas")
>>> int(ppks["terdata"].sum()), int(ppks["tertangani"].sum())
(42583, 35005)
>>> instansi()["nama_lengkap"]
'Dinas Sosial Kabupaten Seruyan'
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import memo
from ._berkas_data import BERKAS_YAML, _muat_yaml, berkas_hilang  # noqa: F401  (diekspor ulang)
from .kesalahan import KesalahanData, Pelanggaran
from .paths import folder_data
from .skema import SKEMA, baca_csv

__all__ = ["muat", "instansi", "organisasi", "keputusan", "pohon_info", "teks", "teks_tahun", "aman_tautan", "dicetak", "periksa_semua", "muat_semua", "periode_renstra", "BERKAS_YAML"]

#: Catat bacaan ``jalur`` (``$IKU_JEJAK`` untuk cache :mod:`analisis.document.render`, dan memo yang sedang
#: menghitung): :func:`analisis.core.memo.catat`.
_jejak = memo.catat


def muat(nama: str, folder: Path | None = None) -> pd.DataFrame:
    """DataFrame tervalidasi dari ``data/<nama>.csv`` (salinan; aman diubah).

    Dibaca dan divalidasi sekali per isi berkas (:func:`analisis.core.memo.ingat`);
    isi yang tidak sah selalu divalidasi ulang.

    Parameters
    ----------
    nama : str
        Nama berkas tanpa ``.csv``, misalnya ``"ppks_pas"``.
    """
    if nama not in SKEMA:
        raise KeyError(f"tidak ada skema untuk berkas data {nama!r}; yang dikenal: {', '.join(sorted(SKEMA))}")
    return _muat_csv(nama, Path(folder or folder_data()))


@memo.ingat
def _muat_csv(nama: str, folder: Path) -> pd.DataFrame:
    skema = SKEMA[nama]
    jalur = folder / skema.berkas
    _jejak(jalur)
    if not jalur.exists():
        raise KesalahanData([Pelanggaran(f"data/{skema.berkas}", None, None, None, "berkas tidak ditemukan")])
    return baca_csv(jalur, skema)


# ----------------------------------------------------------------------------
# berkas YAML (model dan validasinya di :mod:`analisis.core._berkas_data`, tanpa pandas)


def instansi(folder: Path | None = None) -> dict:
    """Identitas instansi dari ``data/instansi.yaml`` (nama, daerah, kepala, bidang)."""
    return _muat_yaml("instansi", folder)


def organisasi(folder: Path | None = None) -> dict:
    """Fungsi dan susunan organisasi dari ``data/organisasi.yaml``."""
    return _muat_yaml("organisasi", folder)


def keputusan(folder: Path | None = None) -> dict:
    """Keputusan penetapan IKU (Lampiran 1) dari ``data/keputusan.yaml``."""
    return _muat_yaml("keputusan", folder)


def pohon_info(folder: Path | None = None) -> dict:
    """Judul dan masalah ultimate pohon kinerja dari ``data/pohon_kinerja.yaml``."""
    return _muat_yaml("pohon_kinerja_info", folder)


#: Tujuan tautan yang boleh: http(s) dan jangkar dokumen sendiri (``#...``).
_TUJUAN_SAH = re.compile(r"(?:https?://[^\s<>\"'`\\\x00-\x1f\x7f]+|#[A-Za-z0-9_\-.:]*)", re.IGNORECASE)
_LABEL = r"\[((?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*)\]"
_TUJUAN = r"((?:[^()\s]|\([^()\s]*\))*)"
_POLA_TAUTAN = re.compile(
    r"(?P<kode>`+)(?P<isi_kode>.*?)(?P=kode)"  # kode sebaris: apa adanya
    r"|(?P<gambar>!?)" + _LABEL + r"\(\s*" + _TUJUAN + r"(?P<judul>\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"  # [teks](tujuan)
    r"|(?P<skema>[A-Za-z][A-Za-z0-9+.\-]*):(?=//)",  # awal URL polos: tidak dijadikan tautan
    re.DOTALL,
)
_DEFINISI = re.compile(r"^( {0,3})\[([^\]\n]+)\]:[ \t]*(\S*)", re.MULTILINE)


def aman_tautan(md: str) -> str:
    r"""Markdown yang tautannya hanya ke http(s) atau jangkar dokumen (``#...``).

    Tautan ``[teks](tujuan)`` dengan tujuan lain (``javascript:``, ``data:``,
    ``vbscript:``, relatif, dengan spasi atau garis miring terbalik) menjadi
    teksnya saja; gambar ``![...](...)`` menjadi teks alternatifnya (dokumen tidak
    memuat sumber daya luar); definisi tautan rujukan ``[r]: tujuan`` yang tidak
    sah tidak lagi menjadi definisi; URL polos tidak dijadikan tautan otomatis
    (``http\://``). Entitas HTML tidak dapat menyamarkan skema karena ``&`` sudah
    di-escape oleh :func:`teks`.

    >>> aman_tautan("[klik](javascript:alert(5)) dan [s](#bab-2) dan [w](https://kemensos.go.id)")
    'klik dan [s](#bab-2) dan [w](https://kemensos.go.id)'
    >>> aman_tautan("[x]( JaVaScRiPt:alert(1) ) ![g](http://a.id/g.png) [d](data:text/html,abc)")
    'x g d'
    >>> aman_tautan("lihat https://contoh.id/x atau `https://kode`")
    'lihat https\\://contoh.id/x atau `https://kode`'
    >>> aman_tautan("[k][r]\n\n[r]: vbscript:msgbox")
    '[k][r]\n\n\\[r]: vbscript:msgbox'
    """

    def ganti(m: re.Match) -> str:
        if m.group("kode") is not None:
            return m.group(0)
        if m.group("skema") is not None:
            return m.group("skema") + "\\:"
        label, tujuan = m.group(4), m.group(5)
        if m.group("gambar") or not _TUJUAN_SAH.fullmatch(tujuan):
            return label
        return m.group(0)

    md = _POLA_TAUTAN.sub(ganti, md)

    def definisi(m: re.Match) -> str:
        if _TUJUAN_SAH.fullmatch(m.group(3)):
            return m.group(0)
        return f"{m.group(1)}\\[{m.group(2)}]: {m.group(3)}"

    return _DEFINISI.sub(definisi, md)


def teks(nama: str, folder: Path | None = None) -> str:
    """Isi prosa ``data/teks/<nama>.md`` (Markdown tanpa HTML mentah, tautan aman).

    Tanda ``&`` dan ``<`` di-escape sehingga markup HTML di berkas teks tampil
    sebagai teks dan tidak pernah dijalankan; format Markdown biasa (daftar,
    huruf tebal) tetap berlaku. Tautan hanya ke http(s) dan jangkar dokumen
    (:func:`aman_tautan`).

    >>> "<" in teks("latar_belakang")
    False
    """
    jalur = (folder or folder_data()) / "teks" / f"{nama}.md"
    _jejak(jalur)
    if not jalur.exists():
        raise KesalahanData([Pelanggaran(f"data/teks/{nama}.md", None, None, None, "berkas tidak ditemukan")])
    try:
        isi = jalur.read_text(encoding="utf-8-sig").strip()
    except UnicodeDecodeError:
        raise KesalahanData([Pelanggaran(f"data/teks/{nama}.md", None, None, None, "berkas bukan teks UTF-8")]) from None
    return aman_tautan(isi.replace("&", "&amp;").replace("<", "&lt;"))


def teks_tahun(topik: str, tahun: int, folder: Path | None = None) -> str | None:
    """Prosa milik satu tahun: ``data/teks/<tahun>/<topik>.md``; ``None`` bila tahun itu belum mengisinya.

    Narasi yang berlaku untuk satu tahun saja (penjelasan perubahan, tindak
    lanjut rekomendasi LHE, kesimpulan 2.3.3, penjelasan nilai AKIP) diisi
    analis per tahun; tahun tanpa berkasnya tidak pernah meminjam teks tahun
    lain. Isinya diperlakukan seperti :func:`teks` (``&`` dan ``<`` di-escape,
    tautan aman). Berkas yang dicari tetapi tidak ada tetap dicatat untuk cache
    render, sehingga menambahkannya kemudian mengeksekusi ulang bab pembacanya.

    >>> teks_tahun("evaluasi_faktor_penurunan", 2025).startswith("Penurunan jumlah PPKS")
    True
    >>> teks_tahun("evaluasi_faktor_penurunan", 2026) is None
    True
    """
    jalur = (folder or folder_data()) / "teks" / str(int(tahun)) / f"{topik}.md"
    _jejak(jalur)
    if not jalur.is_file():
        return None
    label = f"data/teks/{int(tahun)}/{topik}.md"
    try:
        isi = jalur.read_text(encoding="utf-8-sig").strip()
    except UnicodeDecodeError:
        raise KesalahanData([Pelanggaran(label, None, None, None, "berkas bukan teks UTF-8")]) from None
    if not isi:
        return None
    return aman_tautan(isi.replace("&", "&amp;").replace("<", "&lt;"))


def dicetak(id_: str, folder: Path | None = None) -> str:
    """Nilai sebagaimana tercetak di dokumen sumber (``data/dicetak.csv``)."""
    df = muat("dicetak", folder)
    baris = df[df["id"] == id_]
    if baris.empty:
        raise KeyError(f"tidak ada angka tercetak dengan id {id_!r} di data/dicetak.csv")
    return baris["nilai_tercetak"].iloc[0]


# ----------------------------------------------------------------------------
# validasi menyeluruh


def _silang(df: dict[str, pd.DataFrame]) -> list[Pelanggaran]:
    """Aturan antar berkas: setiap rujukan menunjuk ke baris yang ada."""
    salah: list[Pelanggaran] = []
    if "indikator" not in df:
        return salah
    kode = set(df["indikator"]["kode"])

    def rujukan(nama: str, kolom: str, himpunan: set, aturan: str):
        if nama not in df:
            return
        for _, r in df[nama].iterrows():
            v = r[kolom]
            if isinstance(v, str) and v not in himpunan:
                salah.append(Pelanggaran(f"data/{SKEMA[nama].berkas}", int(r["_baris"]), kolom, v, aturan))

    rujukan("target", "kode", kode, "kode indikator tidak ada di data/indikator.csv")
    rujukan("realisasi", "kode", kode, "kode indikator tidak ada di data/indikator.csv")
    rujukan("definisi_operasional", "kode", kode, "kode indikator tidak ada di data/indikator.csv")
    rujukan("spm_layanan", "kode_ikk", kode, "kode indikator tidak ada di data/indikator.csv")
    if "spm_layanan" in df:
        nomor = set(df["spm_layanan"]["no"])
        for nama in ("spm_target", "spm_mutu"):
            for _, r in df.get(nama, pd.DataFrame(columns=["no", "_baris"])).iterrows():
                if r["no"] not in nomor:
                    salah.append(Pelanggaran(f"data/{nama}.csv", int(r["_baris"]), "no", r["no"], "nomor layanan tidak ada di data/spm_layanan.csv"))
    if "ppks_pas" in df and "ppks_rekap" in df:
        rinci = set(zip(df["ppks_pas"]["tahun"], df["ppks_pas"]["periode"]))
        for _, r in df["ppks_rekap"].iterrows():
            if (r["tahun"], r["periode"]) in rinci:
                salah.append(Pelanggaran("data/ppks_rekap.csv", int(r["_baris"]), "tahun, periode", f"{r['tahun']}, {r['periode']}",
                                         "periode ini sudah dirinci di data/ppks_pas.csv; jumlahnya dihitung dari rincian itu"))
    return salah


def periksa_semua(folder: Path | None = None) -> list[Pelanggaran]:
    """Validasi setiap berkas data; kembalikan semua pelanggaran (kosong = sah)."""
    salah: list[Pelanggaran] = []
    tabel: dict[str, pd.DataFrame] = {}
    for nama in SKEMA:
        try:
            tabel[nama] = muat(nama, folder)
        except KesalahanData as e:
            salah.extend(e.pelanggaran)
    for nama in BERKAS_YAML:
        try:
            _muat_yaml(nama, folder)
        except KesalahanData as e:
            salah.extend(e.pelanggaran)
    salah.extend(_silang(tabel))
    return salah


def muat_semua(folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """Semua tabel data tervalidasi; :class:`KesalahanData` bila ada pelanggaran."""
    salah = periksa_semua(folder)
    if salah:
        raise KesalahanData(salah)
    return {nama: muat(nama, folder) for nama in SKEMA}

def periode_renstra() -> tuple[int, int]:
    """(awal, akhir) periode Renstra dari ``data/instansi.yaml``.

    >>> periode_renstra()
    (2025, 2029)
    """
    p = instansi()["periode_renstra"]
    return int(p["awal"]), int(p["akhir"])
