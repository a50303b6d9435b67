"""BAB III 4.3 Cascading (penjenjangan) kinerja: Tabel 4.6, diagram cascading per program, pohon kinerja.

Tabel 4.6 dan diagram cascading disusun dari ``data/cascading.csv`` (skema dan
aturan: :mod:`analisis.core.cascading`); pohon kinerja dan Form Indikator dari
``data/pohon_kinerja.csv`` lewat :class:`analisis.presentation.pohon.Pohon`.
Tabel dan gambar diberi label; mesin dokumen memberi nomornya.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from ..core import cascading as casc
from ..core import data
from ..core import format as fmt
from ..presentation.pohon import (LEBAR_HALAMAN_PX, TINGGI_PANEL_MAKS, UKURAN_HURUF_MIN_PT, Diagram, Simpul,
                                  TabelGabung, _a, _info_pohon, _Kotak, _legenda, _sumber_pohon, _svg, _TEPI,
                                  diagram_cabang, muat_pohon, nama_level, pohon_dari)
from ..presentation.tabel import Kol, Tabel, esc, paragraf, rujuk

__all__ = ["ringkasan_pohon", "gambar_pohon_atas", "gambar_cabang", "tabel_form_indikator", "tabel_cascading",
           "gambar_cascading", "ringkasan_cascading"]


def ringkasan_pohon(tahun: int) -> HTML:
    """Kalimat pengantar pohon kinerja: tanggal, jumlah simpul per level.

    Angka dihitung dari ``data/pohon_kinerja.csv``; tanggal dan tempat dari
    ``data/instansi.yaml`` (Lampiran 2 sumber: "Kuala Pembuang, 20 Januari 2025").

    >>> t = ringkasan_pohon(2025).data
    >>> "87 simpul" in t and "20 Januari 2025" in t and "52 output level 5" in t
    True
    >>> "berlaku untuk periode Renstra 2025–2029" in ringkasan_pohon(2024).data
    True
    """
    p = muat_pohon()
    info = _info_pohon()
    n = p.jumlah_per_level()
    bagian = []
    for lv, c in n.items():
        contoh = p.level(lv)[0]
        bagian.append(f"{fmt.angka(c)} {nama_level(contoh.jenis).lower()} level {lv}")
    daftar_level = ", ".join(bagian[:-1]) + " dan " + bagian[-1] if len(bagian) > 1 else bagian[0]
    tanggal = fmt.tanggal(info["tanggal"]) if info["tanggal"] else fmt.TIDAK_TERDEFINISI
    kal = (
        f"Penjenjangan kinerja {info['instansi']} digambarkan dalam pohon kinerja yang ditetapkan di "
        f"{info['tempat']} pada tanggal {tanggal} (Lampiran 2). Pohon kinerja itu terdiri atas "
        f"{fmt.angka(len(p))} simpul: {daftar_level}. Setiap simpul memuat kondisi yang ingin dicapai "
        f"beserta indikatornya."
    )
    if not info["awal"] <= int(tahun) <= info["akhir"]:
        kal += (
            f" Pohon kinerja ini berlaku untuk periode Renstra {info['awal']}–{info['akhir']}; "
            f"untuk tahun {int(tahun)} tidak ada pohon kinerja lain dalam data, sehingga yang disajikan adalah pohon ini."
        )
    cabang = n.get(2, 0)
    kal2 = (
        f"Karena pohon lengkap terlalu besar untuk satu halaman, {rujuk('gambar', 'pohon-kinerja')} menyajikan "
        f"level 0–3 dan {rujuk('gambar', 'pohon-cabang-1')} sampai {rujuk('gambar', f'pohon-cabang-{cabang}')} "
        f"menyajikan setiap cabang level 2 sampai level {p.level_maks}."
    )
    return HTML(paragraf(kal) + f"<p>{kal2}</p>")  # kal2: teks tetap dan rujukan, tanpa teks data




def gambar_pohon_atas(level_maks: int = 3, label: str = "pohon-kinerja") -> Diagram:
    """Pohon kinerja level 0–3 (ultimate → intermediate → immediate).

    Tata letak atas–bawah: level 0 dan 1 di tengah, setiap simpul level 2
    menjadi satu kolom dan anak level 3-nya bertumpuk di bawahnya dengan garis
    siku. Sumber: Lampiran 2, Tahap I dan Tahap II Antara.

    >>> g = gambar_pohon_atas()
    >>> len(g.panel), g.ukuran[0][1] <= TINGGI_PANEL_MAKS, g.ukuran_huruf_cetak_pt() >= 7
    (1, True, True)
    >>> "TERTIBNYA PERIZINAN" in g.html() and 'data-label="pohon-kinerja"' in g.html()
    True
    """
    p = muat_pohon()
    ins = data.instansi()
    kolom = [s for s in p.level(2)] if level_maks >= 2 else []
    n = max(1, len(kolom))
    jarak = 10.0
    lebar_kol = max(110.0, (LEBAR_HALAMAN_PX - 2 * _TEPI - (n - 1) * jarak) / n)
    W = n * lebar_kol + (n - 1) * jarak
    bagian: list[str] = []
    y = 0.0
    # level 0..1 (dan seterusnya sampai sebelum level 2): satu kotak di tengah
    rantai = [p.akar]
    while rantai[-1].level < min(1, level_maks) and len(p.anak(rantai[-1].id)) == 1:
        rantai.append(p.anak(rantai[-1].id)[0])
    kotak_atas = []
    for s in rantai:
        k = _Kotak(s, min(W, 330.0))
        k.x, k.y = (W - k.lebar) / 2, y
        kotak_atas.append(k)
        y += k.tinggi + 18
    for a, b in zip(kotak_atas, kotak_atas[1:]):
        bagian.append(f'<line x1="{_a(W / 2)}" y1="{_a(a.y + a.tinggi)}" x2="{_a(W / 2)}" y2="{_a(b.y)}" stroke="#555"/>')
    if kolom:
        atas = kotak_atas[-1]
        bus = y + 2
        y = bus + 14
        kotak2 = []
        for i, s in enumerate(kolom):
            k = _Kotak(s, lebar_kol)
            k.x, k.y = i * (lebar_kol + jarak), y
            kotak2.append(k)
        pusat = [k.x + k.lebar / 2 for k in kotak2]
        bagian.append(f'<line x1="{_a(W / 2)}" y1="{_a(atas.y + atas.tinggi)}" x2="{_a(W / 2)}" y2="{_a(bus)}" stroke="#555"/>')
        bagian.append(f'<line x1="{_a(min(pusat))}" y1="{_a(bus)}" x2="{_a(max(pusat))}" y2="{_a(bus)}" stroke="#555"/>')
        for k, cx in zip(kotak2, pusat):
            bagian.append(f'<line x1="{_a(cx)}" y1="{_a(bus)}" x2="{_a(cx)}" y2="{_a(k.y)}" stroke="#555"/>')
        baris_bawah = y + max(k.tinggi for k in kotak2)
        bawah = baris_bawah
        if level_maks >= 3:
            for k in kotak2:
                yy = baris_bawah + 12
                spina = k.x + 7
                ujung = None
                for s in p.anak(k.simpul.id):
                    c = _Kotak(s, lebar_kol - 16)
                    c.x, c.y = k.x + 16, yy
                    bagian.append(c.svg())
                    bagian.append(
                        f'<line x1="{_a(spina)}" y1="{_a(c.tengah_y)}" x2="{_a(c.x)}" y2="{_a(c.tengah_y)}" stroke="#555"/>'
                    )
                    ujung = c.tengah_y
                    yy += c.tinggi + 9
                if ujung is not None:
                    bagian.append(
                        f'<line x1="{_a(spina)}" y1="{_a(k.y + k.tinggi)}" x2="{_a(spina)}" y2="{_a(ujung)}" stroke="#555"/>'
                    )
                bawah = max(bawah, yy - 9)
        y = bawah
        bagian.extend(k.svg() for k in kotak2)
    bagian.extend(k.svg() for k in kotak_atas)
    leg, tl = _legenda(list(range(0, min(level_maks, p.level_maks) + 1)), p, W, y + 14)
    bagian.append(leg)
    H = y + 14 + tl
    judul = f"Pohon Kinerja {ins['nama_lengkap']} (level 0–{min(level_maks, p.level_maks)})"
    return Diagram(None, judul, [_svg(W, H, "".join(bagian), f"Gambar {judul}")], [(W + 2 * _TEPI, H + 2 * _TEPI)], _sumber_pohon(), label)


# -- cabang: tata letak kiri → kanan dengan pemecahan panel ----------------------




def gambar_cabang(level_maks: int | None = None) -> list[Diagram]:
    """Satu diagram per cabang level 2 pohon kinerja, sampai level 4–5 (label ``pohon-cabang-1`` …).

    Tata letak kiri → kanan (level 2 di kiri, output level 5 di kanan), garis
    siku dari induk ke anak. Cabang yang lebih tinggi dari satu halaman A4
    dipecah menjadi beberapa panel. Sumber: Lampiran 2, Tahap II Antara –
    Tahap III Output dan *Form Indikator*.

    >>> gs = gambar_cabang()
    >>> [g.label for g in gs], [len(g.panel) for g in gs]
    (['pohon-cabang-1', 'pohon-cabang-2', 'pohon-cabang-3', 'pohon-cabang-4'], [2, 3, 2, 1])
    >>> all(h <= TINGGI_PANEL_MAKS for g in gs for _, h in g.ukuran)
    True
    >>> all(g.ukuran_huruf_cetak_pt() >= UKURAN_HURUF_MIN_PT for g in gs)
    True
    """
    p = muat_pohon()
    level_maks = p.level_maks if level_maks is None else level_maks
    if level_maks < 2 or not p.level(2):
        return []
    return [diagram_cabang(p, s.id, f"Cabang Pohon Kinerja {i + 1} (level 2–{level_maks}): {s.uraian}",
                           label=f"pohon-cabang-{i + 1}", sumber=_sumber_pohon(), level_maks=level_maks)
            for i, s in enumerate(p.level(2))]


def tabel_form_indikator() -> Tabel:
    """Form Indikator Level 0–5 (Lampiran 2, *Form Indikator*).

    Simpul outcome tingkat atas (ultimate dan intermediate, level 0–1) ditulis
    sebagai baris judul selebar tabel; level 2–5 sebagai pasangan kolom
    kondisi–indikator, satu baris per jalur sampai daun (52 output level 5).
    Kondisi dan indikator leluhur ditulis sekali dan selnya tampak digabung
    atas baris-baris turunannya, seperti sel gabungan *Form Indikator* sumber.

    >>> t = tabel_form_indikator()
    >>> t.label, t.judul, len(t.kolom), t.lebar
    ('form-indikator', 'Form Indikator Level 0–5', 8, True)
    >>> t.df.iloc[0]["judul"][1], t.df.iloc[1]["judul"][3]
    ((False, 'MENINGKATKAN KESEJAHTERAAN SOSIAL'), (False, 'Tingkat Penurunan Jumlah Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)'))
    >>> r = t.df.iloc[2]
    >>> r["u2"], r["u5"], r["i5"]
    ('MENINGKATNYA PERLINDUNGAN DAN JAMINAN SOSIAL INKLUSIF DAN ADAPTIF UNTUK MASYARAKAT MISKIN DAN RENTAN', 'Fasilitasi penyaluran Bansos PKH, Program Sembako, PBI JKN KIS, Bansos Perubahan Iklim dan Bansos Lainnya', 'Jumlah KPM yang menerima Bansos Keluarga')
    >>> h = t.html()
    >>> h.count('colspan="8"'), h.count("<tr"), h.count("Fasilitasi Bantuan Sosial Kesejahteraan Keluarga")
    (3, 57, 1)
    >>> h.count("border-top-style:hidden") == 2 * (52 - 4) + 2 * (52 - 9) + 2 * (52 - 20)
    True
    """
    p = muat_pohon()
    lmax = p.level_maks
    atas = {"ultimate_outcome", "intermediate_outcome"}
    level_atas = sorted({s.level for s in p if s.jenis in atas})
    level_kolom = [lv for lv in range(lmax + 1) if lv not in level_atas]
    baris: list[dict] = []
    terakhir: dict[int, str] = {}
    for jalur in p.jalur():
        for s in jalur:
            if s.level in level_atas and terakhir.get(s.level) != s.id:
                terakhir[s.level] = s.id
                baris.append({"judul": [
                    (True, f"Level {s.level} – {nama_level(s.jenis)}: "), (False, s.uraian),
                    (True, " · Indikator: "), (False, s.indikator),
                ]})
        r: dict = {"judul": None}
        for lv in level_kolom:
            s = jalur[lv] if lv < len(jalur) else None
            r[f"u{lv}"] = s.uraian if s else ""
            r[f"i{lv}"] = s.indikator if s else ""
            r[f"id{lv}"] = s.id if s else None
        baris.append(r)
    df = pd.DataFrame(baris)
    kolom, kelompok, gabung = [], [], {}
    for lv in level_kolom:
        contoh = p.level(lv)[0]
        kolom += [Kol(f"u{lv}", nama_level(contoh.jenis)), Kol(f"i{lv}", "Indikator")]
        kelompok.append((f"Level {lv}", 2))
        if lv < lmax:
            gabung[f"u{lv}"] = gabung[f"i{lv}"] = f"id{lv}"
    # lebar kolom (persen): kondisi outcome ditulis kapital (kata panjang seperti
    # "KESEJAHTERAAN" butuh ± 3,2 cm pada 9 pt); kolom daun sedikit lebih lebar.
    bobot = []
    for lv in level_kolom:
        jenis = p.level(lv)[0].jenis
        bobot += [13, 11] if jenis != "output" else ([14, 14] if lv == lmax else [12, 12])
    lebar = [w * 100 / sum(bobot) for w in bobot]
    return TabelGabung(
        df,
        label="form-indikator",
        judul="Form Indikator Level 0–" + str(lmax),
        kolom=kolom,
        judul_kelompok=kelompok,
        catatan=[
            "Level " + " dan ".join(str(lv) for lv in level_atas) + " ditulis sebagai baris judul selebar tabel; "
            f"kondisi dan indikator level {level_kolom[0]}–{lmax - 1} ditulis sekali pada baris pertama kelompok turunannya."
        ],
        sumber=_sumber_pohon(),
        lebar=True,
        gabung=gabung,
        lebar_kolom=lebar,
        judul_baris="judul",
    )


# ----------------------------------------------------------------------------
# Tabel 4.6 dan diagram cascading dari data/cascading.csv


def _angka_target(v, satuan) -> str:
    """Target seperti dicetak: ``95 %``, ``4``, ``1,5``; kosong bila tidak ada.

    >>> _angka_target(95.0, "%"), _angka_target(4.0, "Paket"), _angka_target(1.5, "nilai"), _angka_target(None, "%")
    ('95 %', '4', '1,5', '')
    """
    if v is None or pd.isna(v):
        return ""
    v = float(v)
    teks = fmt.angka(int(v)) if v.is_integer() else fmt.desimal(v, 2).rstrip("0").rstrip(",")
    return f"{teks} %" if casc.adalah_persen(satuan) else teks


def _teks(v) -> str:
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


class _KolPolos(Kol):
    """Sel teks: kosong tetap kosong (sel yang tidak diisi tidak diberi tanda)."""

    def sel(self, nilai) -> str:
        return html.escape(_teks(nilai))


class _KolTarget(_KolPolos):
    """Sel target: "100 %" tidak dipatahkan di antara angka dan tanda persen."""

    def sel(self, nilai) -> str:
        teks = super().sel(nilai)
        return f'<span style="white-space:nowrap">{teks}</span>' if teks else ""


def _kolom_simpul(awalan: str, tingkat: str, target: bool = True, sasaran: bool = False, satuan: bool = False,
                  tahun=casc.TAHUN) -> tuple[list[Kol], list[tuple[str, int]]]:
    nama = casc.NAMA_TINGKAT[tingkat]
    kol = [_KolPolos(f"{awalan}nama", nama.upper())]
    if sasaran:
        kol.append(_KolPolos(f"{awalan}sasaran", f"Sasaran {nama}"))
    if tingkat not in ("tujuan", "sasaran"):
        kol.append(_KolPolos(f"{awalan}kinerja", "Kinerja"))
    kol += [_KolPolos(f"{awalan}indikator", f"Indikator {nama}"), _KolPolos(f"{awalan}rumusan", "Rumusan")]
    if satuan:
        kol.append(_KolPolos(f"{awalan}satuan", "Satuan"))
    if target:
        kol += [_KolTarget(f"{awalan}t{th}", str(th), rata="tengah") for th in tahun]
    return kol, [(nama.upper(), len(kol) - (len(tahun) if target else 0))] + ([(f"Target {nama}", len(tahun))] if target else [])


#: bobot lebar kolom Tabel 4.6 menurut jenis kolom; kolom target cukup untuk "100 %" dan judul "2025" satu baris
_BOBOT_KOLOM = {"nama": 11.0, "sasaran": 10.0, "kinerja": 9.0, "indikator": 10.0, "rumusan": 10.0, "satuan": 7.5}
_BOBOT_INDUK = 9.0  #: kolom induk yang merentang (hanya nama)
_BOBOT_TARGET = 5.0


def _lebar_kolom(kolom: list[Kol]) -> list[float]:
    """Persen lebar setiap kolom Tabel 4.6: kolom teks lebar, kolom target sempit tetapi utuh.

    >>> k, _ = _kolom_simpul("a_", "tujuan")
    >>> w = _lebar_kolom(k)
    >>> round(sum(w), 6), w[0] > w[-1], len(set(w[-5:]))
    (100.0, True, 1)
    """
    bobot = [_BOBOT_INDUK if k.kunci.startswith("p_") else _BOBOT_KOLOM.get(k.kunci.split("_", 1)[1], _BOBOT_TARGET)
             for k in kolom]
    return [b * 100 / sum(bobot) for b in bobot]


def _isi(r: pd.Series | None, awalan: str, tahun=casc.TAHUN) -> dict:
    if r is None:
        return {f"{awalan}id": None}
    no = _teks(r.get("no"))
    nama = _teks(r["nama"])
    hasil = {
        f"{awalan}id": r["id"], f"{awalan}nama": f"{no} {nama}".strip() if no and not nama.startswith(no) else nama,
        f"{awalan}sasaran": _teks(r.get("sasaran")), f"{awalan}kinerja": _teks(r.get("kinerja")),
        f"{awalan}indikator": _teks(r.get("indikator")), f"{awalan}rumusan": _teks(r.get("rumusan")),
        f"{awalan}satuan": _teks(r.get("satuan")),
    }
    for th in tahun:
        hasil[f"{awalan}t{th}"] = _angka_target(r.get(casc.kolom_target(th)), r.get("satuan"))
    return hasil


def _jalur(df: pd.DataFrame, id_) -> str:
    """Jalur induk sebuah simpul, mis. "Program 1. Program … › Kegiatan 1. Pengumpulan Dana"."""
    per_id = {r["id"]: r for _, r in df.iterrows()}
    bagian = []
    while isinstance(id_, str) and id_ in per_id:
        r = per_id[id_]
        bagian.append(f"{casc.NAMA_TINGKAT[r['tingkat']]}: {_isi(r, '')['nama']}")
        id_ = r["induk"]
    return " › ".join(reversed(bagian))


def _judul_kelompok(jalur: str | None, daftar: list) -> list[tuple[bool, str]]:
    """Baris judul kelompok bagian 2/3: jalur induk dan penanggung jawab.

    Simpul yang induknya tidak tercatat dikelompokkan di bawah judul yang hanya
    menyebut penanggung jawabnya; sel induknya kosong.

    >>> _judul_kelompok("Program: 1. A", [{"penanggung_jawab": "Sekretariat"}])
    [(True, 'Jalur: '), (False, 'Program: 1. A'), (True, ' · Penanggung jawab: '), (False, 'Sekretariat')]
    >>> _judul_kelompok(None, [{"penanggung_jawab": "Sekretariat"}, {"penanggung_jawab": "Sekretariat"}])
    [(True, 'Penanggung jawab: '), (False, 'Sekretariat')]
    """
    bidang = ", ".join(dict.fromkeys(_teks(r.get("penanggung_jawab")) for r in daftar if _teks(r.get("penanggung_jawab"))))
    if not jalur:
        return [(True, "Penanggung jawab: "), (False, bidang)] if bidang else [(False, "")]
    return [(True, "Jalur: "), (False, jalur)] + ([(True, " · Penanggung jawab: "), (False, bidang)] if bidang else [])


def _bagian_tingkat(df: pd.DataFrame, tingkat: str, judul: str, keterangan: str, label: str | None = None,
                    tahun=casc.TAHUN, **kw) -> TabelGabung:
    """Satu bagian Tabel 4.6: simpul satu tingkat, sel induknya merentang, jalur di atas induk sebagai judul kelompok."""
    per_id = {r["id"]: r for _, r in df.iterrows()}
    i = casc.TINGKAT.index(tingkat)
    induk_t = casc.TINGKAT[i - 1] if i else None
    baris = []
    kelompok: dict = {}
    for _, r in df[df["tingkat"] == tingkat].iterrows():
        induk = per_id.get(r["induk"]) if isinstance(r["induk"], str) else None
        kunci = (induk["induk"] if induk is not None and isinstance(induk["induk"], str) else None,
                 induk is None and induk_t is not None)  # simpul yang induknya tidak tercatat
        kelompok.setdefault(kunci, []).append((induk, r))
    dengan_pj = tingkat == "sub_kegiatan"
    for (kakek, yatim), daftar in kelompok.items():
        jalur = _jalur(df, kakek) if kakek else ""
        if jalur or yatim or (dengan_pj and induk_t):
            judul_baris = _judul_kelompok(jalur or None, [r for _, r in daftar] if (dengan_pj or yatim) else [])
            if any(t for _, t in judul_baris):
                baris.append({"judul": judul_baris})
        for induk, r in daftar:
            isi = {"judul": None, **_isi(r, "e_", tahun)}
            if induk_t:
                isi.update({"p_id": None if induk is None else induk["id"],
                            "p_nama": "" if induk is None else _isi(induk, "")["nama"]})
            baris.append(isi)
    kol, grup = _kolom_simpul("e_", tingkat, tahun=tahun, **kw)
    gabung = {}
    if induk_t:
        kol = [_KolPolos("p_nama", casc.NAMA_TINGKAT[induk_t].upper())] + kol
        grup = [("INDUK", 1)] + grup
        gabung = {"p_nama": "p_id"}
    return TabelGabung(pd.DataFrame(baris), label=label, judul=judul,
                       lanjutan=None if label else f"{judul} (lanjutan) — {keterangan}",
                       kolom=kol, judul_kelompok=grup, lebar=True, rowspan=True, judul_baris="judul",
                       gabung=gabung, lebar_kolom=_lebar_kolom(kol))


def tabel_cascading(df: pd.DataFrame, judul: str, sumber: str | None = None) -> HTML:
    """Tabel 4.6 Cascading (Penjenjangan) Kinerja dari ``data/cascading.csv``, seperti tata letak sumber.

    Halaman lanskap; satu bagian per tingkat (TUJUAN · SASARAN · PROGRAM ·
    KEGIATAN · SUB KEGIATAN), masing-masing dengan kinerja, indikator, rumusan
    dan target per tahun. Lima kelompok kolom bersama target sepuluh tahun
    tidak muat satu lebar halaman dengan huruf yang terbaca, jadi setiap bagian
    diawali kolom induknya yang selnya merentang baris anaknya (``rowspan``),
    dan jalur di atas induk itu (tujuan › sasaran › …) menjadi baris judul
    kelompok; kepala tabel diulang di setiap halaman (``thead``).

    >>> d = data.muat("cascading")
    >>> h = tabel_cascading(d, "Cascading").data
    >>> 'data-label="cascading"' in h, h.count("<table"), h.count("<thead>")
    (True, 5, 5)
    >>> "Penyediaan Bahan Logistik Kantor" in h and "Pengadaan Kendaraan Perorangan" in h and "95 %" in h
    True
    >>> 'rowspan="2"' in tabel_cascading(d.assign(induk=d["induk"].where(d["id"] != "K-6", "P-1")), "C").data
    True
    """
    df = casc.urut_pra(df)
    tahun_sub = casc.TAHUN + tuple(th for th in casc.TAHUN_TAMBAHAN if df[casc.kolom_target(th)].notna().any())
    bagian = []
    for n, t in enumerate(casc.TINGKAT, start=1):
        nama = casc.NAMA_TINGKAT[t]
        ket = f"Bagian {n}: {nama}"
        if n == 1:
            tb = _bagian_tingkat(df, t, f"{judul} — {ket}", ket, label="cascading")
        elif t == "sub_kegiatan":
            tb = _bagian_tingkat(df, t, judul, ket, tahun=tahun_sub, sasaran=True, satuan=True)
            tb.sumber, tb.catatan = sumber, ["Sel kosong: tidak dicantumkan."]
        else:
            tb = _bagian_tingkat(df, t, judul, ket)
        bagian.append(tb.html())
    return HTML('<div class="tabel-cascading">' + "".join(bagian) + "</div>")


def ringkasan_cascading(df: pd.DataFrame) -> HTML:
    """Kalimat pengantar Tabel 4.6: cacah simpul per tingkat, dihitung dari data.

    >>> h = ringkasan_cascading(data.muat("cascading")).data
    >>> h.count("1 tujuan"), "menggambarkan cascading program itu" in h, "seterusnya" in h
    (1, True, False)
    """
    n = [(casc.NAMA_TINGKAT[t].lower(), int((df["tingkat"] == t).sum())) for t in casc.TINGKAT]
    daftar = ", ".join(f"{fmt.angka(c)} {t}" for t, c in n[:-1]) + f" dan {fmt.angka(n[-1][1])} {n[-1][0]}"
    n_program = int((df["tingkat"] == "program").sum())
    if n_program == 1:
        gambar = f"{rujuk('gambar', 'cascading-1')} menggambarkan cascading program itu sampai sub kegiatan; "
    elif n_program > 1:
        gambar = (f"{rujuk('gambar', 'cascading-1')} sampai {rujuk('gambar', f'cascading-{n_program}')} "
                  "menggambarkan cascading setiap program sampai sub kegiatan; ")
    else:
        gambar = ""
    kal = (f"{rujuk('tabel', 'cascading')} memuat {daftar}, masing-masing dengan kinerja, indikator, rumusan dan "
           f"target per tahun. {gambar}kondisi pohon kinerja yang dilaksanakan tampak pada "
           f"{rujuk('gambar', 'pohon-kinerja')}.")
    return HTML(f"<p>{kal}</p>")  # kal: teks tetap, angka dan rujukan


def _rujuk_cabang(pohon, simpul) -> str:
    """Token rujukan ke gambar cabang pohon kinerja yang memuat ``simpul`` (label ``pohon-cabang-n``).

    >>> p = muat_pohon()
    >>> _rujuk_cabang(p, p["L2-3"]), _rujuk_cabang(p, p["L1"])
    ('@gambar:pohon-cabang-3', '')
    """
    cabang = [simpul] if simpul.level == 2 else [s for s in pohon.leluhur(simpul.id) if s.level == 2]
    if not cabang:
        return ""
    return f"@gambar:pohon-cabang-{[s.id for s in pohon.level(2)].index(cabang[0].id) + 1}"


def gambar_cascading(df: pd.DataFrame) -> list[Diagram]:
    """Satu diagram per program: program → kegiatan → sub kegiatan, dari ``data/cascading.csv``.

    Setiap kotak memuat nama dan (miring) indikatornya; keterangan gambar menyebut
    kondisi pohon kinerja yang dilaksanakan program (kolom ``kode_pohon``).

    >>> gs = gambar_cascading(data.muat("cascading"))
    >>> [g.label for g in gs], "Pengumpulan Dana" in gs[0].html()
    (['cascading-1'], True)
    >>> h = gs[0].html()  # rujukan hanya di keterangan, tidak di atribut aria-label SVG
    >>> h.count("@gambar:pohon-cabang-3"), "@gambar" in h.split("<figcaption")[0]
    (1, False)
    """
    level = {t: i for i, t in enumerate(casc.TINGKAT)}
    simpul = [Simpul(r["id"], r["induk"] if isinstance(r["induk"], str) else None, level[r["tingkat"]], r["tingkat"],
                     _isi(r, "")["nama"], _teks(r.get("indikator")) or fmt.TIDAK_TERDEFINISI)
              for _, r in casc.urut_pra(df).iterrows()]
    hasil = []
    pohon = muat_pohon()
    pohon_kinerja = {s.id: s for s in pohon}
    for i, (_, p) in enumerate(df[df["tingkat"] == "program"].iterrows(), start=1):
        bawah = set()
        kerja = [p["id"]]
        while kerja:
            x = kerja.pop()
            bawah.add(x)
            kerja += [s.id for s in simpul if s.induk == x]
        sub = [Simpul(s.id, None if s.id == p["id"] else s.induk, s.level, s.jenis, s.uraian, s.indikator)
               for s in simpul if s.id in bawah]
        pk = [pohon_kinerja[k] for k in casc._kode(p.get("kode_pohon")) if k in pohon_kinerja]
        judul = f"Cascading {_isi(p, '')['nama']}"
        sumber = "@tabel:cascading Cascading (Penjenjangan) Kinerja"
        if pk:
            judul += " (pohon kinerja: " + "; ".join(f"{k.id} {k.uraian}" for k in pk) + ")"
            # rujukan hanya di keterangan sumber: judul juga menjadi aria-label SVG (atribut, tanpa tautan)
            rujukan = [r for r in dict.fromkeys(_rujuk_cabang(pohon, k) for k in pk) if r]
            if rujukan:
                sumber += "; pohon kinerja: " + ", ".join(rujukan)
        hasil.append(diagram_cabang(pohon_dari(sub), p["id"], judul, label=f"cascading-{i}",
                                    sumber=sumber, level_bernomor=False))
    return hasil
