"""Lampiran Catatan Pemeriksaan Data: kalimat ringkasan dan tabel temuan audit.

Temuan dihitung di :mod:`analisis.core.periksa`; modul ini hanya menyajikannya
untuk buku ``07_catatan_pemeriksaan``.
"""

from __future__ import annotations

import re

import pandas as pd

from ..core import format as fmt
from ..core import data as _data
from ..core.data import teks as _teks
from ..core.kesalahan import KesalahanData
from ..core.periksa import Temuan, ringkasan, status_keputusan, temuan
from ..presentation.tabel import Kol, Tabel

__all__ = ["kalimat_ringkasan", "pengantar", "tabel_temuan", "tahun_temuan", "pisah_temuan", "tabel_temuan_tahun_lain",
           "tempat_ringkas_tahun_lain", "KELAS_TAHUN_LAIN", "LABEL_TAHUN_LAIN", "nomor_sumber", "kalimat_penomoran",
           "tabel_nomor_sumber"]

#: Kelas baris tabel temuan yang terikat tahun lain: edisi reviu hanya mempertahankan
#: baris yang angkanya ditandai di naskahnya (:func:`analisis.document.edisi.saring_temuan`).
KELAS_TAHUN_LAIN = "temuan-tahun-lain"
#: Label tabel temuan tahun lain (jangkar ``tabel-<label>``).
LABEL_TAHUN_LAIN = "catatan-pemeriksaan-tahun-lain"

_TAHUN_KODE = re.compile(r"-(20\d\d)(?=-|$)")
_TAHUN_BERKAS = re.compile(r"parameters/(20\d\d)\.ya?ml|teks/(20\d\d)/")


def tahun_temuan(t: Temuan) -> int | None:
    """Tahun yang menjadi pokok temuan ``t``, atau ``None`` bila tidak terikat tahun.

    Temuan terikat tahun bila kodenya memuat tahun (``PENURUNAN-PPKS-2025-JIWA``:
    narasi capaian 2025; ``KATEGORI-SPM-2024-1``: realisasi SPM 2024) atau bila
    tempatnya berkas masukan satu tahun (``parameters/2026.yml``,
    ``data/teks/2024/``). Temuan lain (jumlah tabel, pohon kinerja, definisi
    operasional, cascading) menyangkut data yang dipakai setiap tahun.

    >>> T = lambda kode, tabel="Tabel 2.2": Temuan("peringatan", kode, tabel, "", "", "", "", "", "")
    >>> tahun_temuan(T("PENURUNAN-PPKS-2025-JIWA")), tahun_temuan(T("KATEGORI-SPM-2024-1"))
    (2025, 2024)
    >>> tahun_temuan(T("REALISASI-SEBAGIAN", "parameters/2026.yml")), tahun_temuan(T("X", "data/teks/2024/sakip_penjelasan.md"))
    (2026, 2024)
    >>> tahun_temuan(T("JUMLAH-ASN-PNS")), tahun_temuan(T("CASCADING-KELENGKAPAN-SK-10"))
    (None, None)
    """
    m = _TAHUN_KODE.search(t.kode) or _TAHUN_BERKAS.search(f"{t.tabel} {t.baris}")
    if m is None:
        return None
    return int(next(g for g in m.groups() if g))


def pisah_temuan(daftar: list[Temuan], tahun: int | None) -> tuple[list[Temuan], list[Temuan]]:
    """(temuan tentang masukan ``tahun`` atau data yang tidak terikat tahun, temuan terikat tahun lain).

    Temuan tahun lain masuk lampiran edisi reviu ``tahun`` hanya bila angkanya
    ditampilkan dan ditandai di naskah itu (mis. kategori SPM 2024 di dokumen
    2025); penyaringannya saat perakitan (:func:`analisis.document.edisi.saring_temuan`).

    >>> T = lambda kode: Temuan("peringatan", kode, "", "", "", "", "", "", "")
    >>> sendiri, lain = pisah_temuan([T("JUMLAH-ASN-PNS"), T("PENURUNAN-PPKS-2025-JIWA"), T("KATEGORI-SPM-2024-1")], 2024)
    >>> [t.kode for t in sendiri], [t.kode for t in lain]
    (['JUMLAH-ASN-PNS', 'KATEGORI-SPM-2024-1'], ['PENURUNAN-PPKS-2025-JIWA'])
    >>> len(pisah_temuan([T("PENURUNAN-PPKS-2025-JIWA")], None)[1])
    0
    """
    if tahun is None:
        return list(daftar), []
    sendiri, lain = [], []
    for t in daftar:
        th = tahun_temuan(t)
        (sendiri if th is None or th == int(tahun) else lain).append(t)
    return sendiri, lain


def _bilangan_kata(n: int, benda: str) -> str:
    return f"tidak ada {benda}" if n == 0 else f"{fmt.angka(n)} {benda}"


def kalimat_ringkasan(tahun: int | None = None, periode: str | None = None, daftar: list[Temuan] | None = None) -> str:
    """Kalimat ringkasan hasil pemeriksaan untuk lampiran dokumen.

    Examples
    --------
    >>> kalimat_ringkasan(daftar=[Temuan("peringatan", "X", "Tabel 2.2", "", "", "", "", "", "")])
    'Pemeriksaan otomatis menghasilkan 1 catatan: tidak ada galat, 1 peringatan dan tidak ada info. Tidak ada galat, sehingga data dapat dipakai untuk menyusun dokumen; peringatan menandai ketidaksesuaian yang perlu dikonfirmasi, antara lain di Tabel 2.2.'
    """
    if daftar is None:
        daftar = pisah_temuan(temuan(tahun=tahun, periode=periode), tahun)[0]
    r = ringkasan(daftar)
    awal = (f"Pemeriksaan otomatis{f' untuk dokumen tahun {tahun}' if tahun is not None else ''} menghasilkan "
            f"{fmt.angka(len(daftar))} catatan: {_bilangan_kata(r['galat'], 'galat')}, "
            f"{_bilangan_kata(r['peringatan'], 'peringatan')} dan {_bilangan_kata(r['info'], 'info')}.")
    if r["galat"]:
        awal += (f" Ada {fmt.angka(r['galat'])} galat: data tersebut belum dapat dipakai untuk menyusun dokumen sebelum "
                 "diperbaiki.")
    else:
        awal += " Tidak ada galat, sehingga data dapat dipakai untuk menyusun dokumen"
        if r["peringatan"]:
            tabel = []
            for t in daftar:
                if t.keparahan == "peringatan":
                    for bagian in re.findall(r"Tabel \d+\.\d+", t.tabel):
                        if bagian not in tabel:
                            tabel.append(bagian)
            tabel.sort(key=lambda x: [int(v) for v in x.split()[1].split(".")])
            awal += ("; peringatan menandai ketidaksesuaian yang perlu dikonfirmasi"
                     + (f", antara lain di {', '.join(tabel[:-1])} dan {tabel[-1]}" if len(tabel) > 1 else
                        f", antara lain di {tabel[0]}" if tabel else "") + ".")
        else:
            awal += "."
    return awal


_PENGANTAR = (
    "Lampiran ini mencatat hasil pemeriksaan otomatis atas angka dokumen. Setiap jumlah dan subtotal "
    "yang tercetak dibandingkan dengan jumlah baris-baris rincinya; setiap persentase, capaian, penurunan, "
    "predikat dan kategori dihitung ulang dengan rumus Definisi Operasional dan aturan yang berlaku; angka "
    "dalam narasi dibandingkan dengan tabel yang memuat besaran yang sama; rincian satu populasi dibandingkan "
    "satu sama lain; pohon kinerja, definisi operasional dan target setiap indikator diperiksa kelengkapannya; "
    "dan parameter tahun dokumen dicocokkan dengan data yang tersedia. Galat berarti data belum dapat dipakai "
    "untuk menyusun dokumen; peringatan berarti angka yang tercetak di dokumen sumber tidak sama dengan hasil "
    "hitungnya; info adalah catatan yang penyebabnya sudah diketahui atau data yang belum tersedia. Angka di "
    "tabel-tabel dokumen tetap ditampilkan sebagaimana tercetak di sumbernya; hasil hitung dan selisihnya "
    "(tercetak dikurangi dihitung) ditampilkan di sini."
)


def pengantar() -> str:
    """Paragraf pengantar lampiran pemeriksaan.

    Memakai ``data/teks/pemeriksaan_pengantar.md`` bila ada; bila tidak ada,
    teks bawaan modul ini.

    >>> pengantar().startswith("Lampiran ini mencatat")
    True
    """
    try:
        return _teks("pemeriksaan_pengantar")
    except KesalahanData:
        return _PENGANTAR


_BAB_KAPITAL = re.compile(r"\bBAB (?=[IVX]+\b)")


def _frame_temuan(daftar: list[Temuan], kelas: str | None = None) -> pd.DataFrame:
    """Satu baris per temuan: tempat, besaran, tercetak, dihitung, selisih, aturan, status keputusan, jangkar."""
    status = status_keputusan(daftar)
    baris = []
    for i, t in enumerate(daftar, 1):
        baris.append({
            "no": i, "keparahan": t.keparahan.capitalize(), "kode": t.kode, "jangkar": f"temuan-{t.kode}",
            "keputusan": status.get(t.kode, ""),
            # "BAB II 2.4" → "Bab II 2.4": huruf kapital BAB dipakai hanya untuk judul bab dokumen
            "tempat": _BAB_KAPITAL.sub("Bab ", f"{t.tabel} — {t.baris}"),
            "besaran": t.besaran, "tercetak": t.tercetak, "dihitung": t.dihitung, "selisih": t.selisih,
            "aturan": _BAB_KAPITAL.sub("Bab ", t.aturan + (f". {t.keterangan}" if t.keterangan else "")),
            "kelas": kelas,
        })
    df = pd.DataFrame(baris, columns=["no", "keparahan", "kode", "jangkar", "tempat", "besaran", "tercetak", "dihitung",
                                      "selisih", "aturan", "keputusan", "kelas"])
    # jangkar unik: kode yang muncul lebih dari sekali hanya dijangkarkan pada baris pertamanya
    df.loc[df["kode"].duplicated(), "jangkar"] = None
    return df


def _kolom_temuan(dengan_no: bool = True) -> list[Kol]:
    return ([Kol("no", "No", "angka", rata="tengah")] if dengan_no else []) + [
        Kol("keparahan", "Keparahan"), Kol("kode", "Kode"),
        Kol("tempat", "Tabel / baris"), Kol("besaran", "Besaran"), Kol("tercetak", "Tercetak"),
        Kol("dihitung", "Dihitung"), Kol("selisih", "Selisih"), Kol("aturan", "Aturan dan keterangan"),
        Kol("keputusan", "Keputusan (data/keputusan_temuan.csv)")]


_SUMBER = ("data/dicetak.csv (angka tercetak) dan berkas data rinci, dihitung dengan analisis.core.rumus dan "
           "analisis.core.kinerja")


def tabel_temuan(tahun: int | None = None, periode: str | None = None, daftar: list[Temuan] | None = None) -> Tabel:
    """Tabel Catatan Pemeriksaan Data (lampiran edisi reviu, lanskap) dengan status keputusan setiap temuan.

    Tanpa ``daftar``: temuan tentang masukan ``tahun`` dan data yang dipakai
    setiap tahun (:func:`pisah_temuan`); temuan tahun lain ada di
    :func:`tabel_temuan_tahun_lain`. Setiap baris berjangkar ``temuan-<KODE>``:
    penanda temuan di badan dokumen (:func:`analisis.core.resmi.tanda_html`)
    menaut ke sini.

    Examples
    --------
    >>> t = tabel_temuan(2025)
    >>> t.label, t.lebar, 'id="temuan-JUMLAH-ASN-PNS"' in t.html()
    ('catatan-pemeriksaan', True, True)
    >>> "tercetak (Sub Bagian Perencanaan, 2025-09-22)" in t.html()
    True
    >>> 'id="temuan-PENURUNAN-PPKS-2025-JIWA"' in tabel_temuan(2024).html()
    False
    """
    if daftar is None:
        daftar = pisah_temuan(temuan(tahun=tahun, periode=periode), tahun)[0]
    r = ringkasan(daftar)
    return Tabel(
        _frame_temuan(daftar), label="catatan-pemeriksaan", judul="Catatan Pemeriksaan Data", id_baris="jangkar",
        kolom=_kolom_temuan(),
        catatan=["Selisih = tercetak − dihitung.",
                 f"Ringkasan: {fmt.angka(r['galat'])} galat, {fmt.angka(r['peringatan'])} peringatan, {fmt.angka(r['info'])} info."],
        sumber=_SUMBER, lebar=True,
    )


def tabel_temuan_tahun_lain(tahun: int, daftar: list[Temuan]) -> Tabel | None:
    """Tabel temuan yang terikat tahun selain ``tahun`` (``None`` bila tidak ada).

    Setiap baris berkelas :data:`KELAS_TAHUN_LAIN` dan berjangkar
    ``temuan-<KODE>``; saat naskah reviu dirakit, baris yang kodenya tidak
    ditandai di naskah itu dibuang (:func:`analisis.document.edisi.saring_temuan`),
    begitu pula tabelnya bila tidak tersisa satu baris pun.

    >>> T = lambda kode: Temuan("peringatan", kode, "Tabel 2.10", "baris 1", "kategori", "A", "B", "beda", "pita")
    >>> h = tabel_temuan_tahun_lain(2025, [T("KATEGORI-SPM-2024-1")]).html()
    >>> '<tr class="temuan-tahun-lain" id="temuan-KATEGORI-SPM-2024-1">' in h
    True
    >>> tabel_temuan_tahun_lain(2025, []) is None
    True
    """
    if not daftar:
        return None
    return Tabel(
        _frame_temuan(daftar, KELAS_TAHUN_LAIN), label=LABEL_TAHUN_LAIN,
        judul=f"Catatan Pemeriksaan Data tahun selain {tahun} yang angkanya ditampilkan naskah ini",
        id_baris="jangkar", baris_kelas="kelas", kolom=_kolom_temuan(dengan_no=False),
        catatan=["Selisih = tercetak − dihitung.",
                 f"Temuan tentang data tahun lain hanya dicantumkan bila angkanya ditampilkan dan ditandai di naskah "
                 f"tahun {tahun}."],
        sumber=_SUMBER, lebar=True,
    )


def tempat_ringkas_tahun_lain(tahun: int, daftar_lain: list[Temuan]) -> str:
    """Paragraf tempat kalimat "… temuan tentang tahun lain tidak dicantumkan" di kepala lampiran.

    Kalimatnya ditulis saat naskah reviu dirakit, ketika angka yang ditandai
    di naskah itu diketahui (:func:`analisis.document.edisi.saring_temuan`);
    di buku catatan yang dijalankan sendiri, paragraf ini menyebut banyaknya
    calon yang akan disaring.

    >>> tempat_ringkas_tahun_lain(2024, [Temuan("info", "X-2025", "", "", "", "", "", "", "")])
    '<p class="temuan-tahun-lain-ringkas" data-tahun="2024">Ada 1 temuan tentang tahun selain 2024; saat naskah dirakit hanya temuan yang angkanya ditampilkan naskah itu yang dicantumkan.</p>'
    """
    return (f'<p class="temuan-tahun-lain-ringkas" data-tahun="{int(tahun)}">Ada {fmt.angka(len(daftar_lain))} temuan '
            f"tentang tahun selain {int(tahun)}; saat naskah dirakit hanya temuan yang angkanya ditampilkan naskah itu "
            "yang dicantumkan.</p>")


# ----------------------------------------------------------------------------
# nomor tabel dan gambar: naskah ini terhadap keterangan tercetak sumber

_KETERANGAN = re.compile(r"^(Tabel|Gambar) ((?:L\d+|\d+)\.)(\d+)$")


def nomor_sumber(folder=None) -> pd.DataFrame:
    """Keterangan tabel/gambar seperti tercetak di dokumen sumber, dengan label tabel/gambar naskah ini.

    Baris ``nomor.<jenis>.<label>`` ``data/dicetak.csv``: ``nilai_tercetak``
    adalah keterangan tercetak ("Tabel 2.1"), ``lokasi`` memuat judulnya dalam
    tanda petik, ``jenis``/``label`` menunjuk tabel/gambar naskah ini.

    >>> d = nomor_sumber()
    >>> d.iloc[0][["tercetak", "jenis", "label"]].tolist()
    ['Tabel 2.1', 'gambar', 'struktur-organisasi']
    >>> d.loc[d["label"] == "realisasi-spm", "tercetak"].item()
    'Tabel 2.10'
    """
    d = _data.muat("dicetak", folder)
    d = d[d["id"].str.startswith("nomor.")]
    baris = []
    for _, r in d.iterrows():
        _, jenis, label = r["id"].split(".", 2)
        judul = re.search(r'"([^"]+)"', str(r["lokasi"]))
        m = _KETERANGAN.match(str(r["nilai_tercetak"]).strip())
        baris.append({"tercetak": str(r["nilai_tercetak"]).strip(), "judul": judul.group(1) if judul else str(r["lokasi"]),
                      "jenis": jenis, "label": label, "naskah": f"@{jenis}:{label}",
                      "jenis_tercetak": m.group(1).lower() if m else None, "awalan": m.group(2) if m else None,
                      "urut": int(m.group(3)) if m else None})
    return pd.DataFrame(baris, columns=["tercetak", "judul", "jenis", "label", "naskah", "jenis_tercetak", "awalan", "urut"])


def kalimat_penomoran(d: pd.DataFrame) -> str:
    """Catatan untuk pemeriksa: nomor naskah ini berurutan, berbeda dengan keterangan tercetak di mana sumber melompat atau salah memberi nomor.

    Yang disebut dihitung dari :func:`nomor_sumber`: keterangan yang jenisnya
    lain dari isinya (struktur organisasi tercetak sebagai "Tabel 2.1") dan
    nomor yang terlompati dalam satu awalan (tidak ada Tabel 2.9).

    >>> kalimat_penomoran(nomor_sumber())
    'Nomor tabel dan gambar naskah ini diberikan berurutan menurut urutan baca dalam setiap BAB dan lampiran, sehingga berbeda dengan keterangan yang tercetak di dokumen sumber yang ditandatangani: Struktur organisasi Dinas Sosial Kabupaten Seruyan tercetak sebagai Tabel 2.1, padahal isinya gambar; nomor Tabel 2.9 tidak terdapat pada teks sumber. Catatan pemeriksaan di lampiran ini (kalimat ringkasan dan kolom "Tabel / baris") menyebut tabel dengan nomor tercetak sumber; padanannya di naskah ini ada di @tabel:nomor-sumber.'
    """
    beda = []
    for _, r in d.iterrows():
        if r["jenis_tercetak"] and r["jenis_tercetak"] != r["jenis"]:
            beda.append(f"{r['judul']} tercetak sebagai {r['tercetak']}, padahal isinya {r['jenis']}")
    for (jenis, awalan), g in d.dropna(subset=["urut"]).groupby(["jenis_tercetak", "awalan"], sort=False):
        ada = set(g["urut"].astype(int))
        lompat = [n for n in range(1, max(ada) + 1) if n not in ada]
        if lompat:
            nama = jenis.capitalize()
            daftar = [f"{nama} {awalan}{n}" for n in lompat]
            teks = daftar[0] if len(daftar) == 1 else ", ".join(daftar[:-1]) + " dan " + daftar[-1]
            beda.append(f"nomor {teks} tidak terdapat pada teks sumber")
    awal = ("Nomor tabel dan gambar naskah ini diberikan berurutan menurut urutan baca dalam setiap BAB dan lampiran, "
            "sehingga berbeda dengan keterangan yang tercetak di dokumen sumber yang ditandatangani")
    return (awal + (": " + "; ".join(beda) if beda else "") + ". Catatan pemeriksaan di lampiran ini (kalimat ringkasan "
            "dan kolom \"Tabel / baris\") menyebut tabel dengan nomor tercetak sumber; padanannya di naskah ini ada di "
            "@tabel:nomor-sumber.")


def tabel_nomor_sumber(d: pd.DataFrame) -> Tabel:
    """Padanan keterangan tercetak sumber dengan tabel/gambar naskah ini (lampiran edisi reviu).

    Kolom "Di naskah ini" berisi rujukan ``@tabel:<label>``/``@gambar:<label>``
    yang nomornya diisi mesin dokumen; tabel/gambar yang tidak ditampilkan
    naskah tahun itu disebut demikian saat naskah dirakit
    (:func:`analisis.document.edisi.saring_temuan`).

    >>> h = tabel_nomor_sumber(nomor_sumber()).html()
    >>> '<td class="rata-kiri">@gambar:struktur-organisasi</td>' in h, 'id="tabel-nomor-sumber"' in h
    (True, True)
    """
    return Tabel(
        d, label="nomor-sumber", judul="Nomor tabel dan gambar: keterangan tercetak di dokumen sumber dan di naskah ini",
        kolom=[Kol("tercetak", "Tercetak di sumber"), Kol("judul", "Judul tercetak"), Kol("naskah", "Di naskah ini")],
        sumber="data/dicetak.csv (baris nomor.<jenis>.<label>)",
    )
