## Data protection for admins: the audit log (/audit) and a person's requests (/subjek).

command-audit = Log audit: siapa melihat dan mengubah apa (admin)
command-subjek = Permintaan subjek data: lihat, unduh, hapus (admin)

audit-refused = Log audit hanya untuk admin.
audit-bad-usage =
    Cara memakai /audit:
    /audit: 7 hari terakhir
    /audit 01-11-2026 30-11-2026: satu periode (atau satu tanggal)
    /audit TNG-2026-00042: satu kasus
    /audit 123456789: satu akun (ID Telegram)
audit-bad-user = Tidak ada akun dengan ID Telegram itu.
audit-bad-case = Tidak ada kasus dengan nomor itu.
audit-bad-range = Tanggal itu di luar kalender bot (tahun 1900 sampai 2999). Periksa tahunnya.
audit-empty = Tidak ada entri audit untuk pilihan itu.
audit-header = 🧾 <b>Log audit</b>: { $shown } terbaru dari { $total } entri.
audit-line = { $when } · { $who } · <code>{ $action }</code> · { $case } · { $detail }
button-audit-export = 📥 Unduh semua (XLSX)
audit-export-caption = Log audit: { $count } entri.
audit-col-at = Waktu
audit-col-who = Oleh
audit-col-action = Tindakan
audit-col-case = Kasus
audit-col-detail = Rincian

subject-usage =
    Permintaan subjek data (UU 27/2022): cari orangnya dengan
    /subjek NIK (16 angka; pesan Anda akan dihapus), atau
    /subjek Nama Lengkap DD-MM-YYYY (nama dan tanggal lahir).
subject-refused = Permintaan subjek data hanya dijawab oleh admin.
subject-none = 🔎 Permintaan #{ $request }: tidak ada data tentang orang ini.
subject-found =
    🔎 <b>Permintaan #{ $request }</b>: { $cases } kasus tentang orang ini,
    { $events } entri riwayat, { $referrals } rujukan, { $audit } baris audit.
subject-case-line = • { $number } · { $date } · { $status } · Kec. { $kecamatan }
button-subject-export = 📥 Unduh semua datanya (XLSX)
button-subject-erase = 🗑 Hapus data pribadinya…
subject-export-caption = Semua data yang disimpan tentang orang ini (permintaan #{ $request }).
subject-erase-confirm =
    Hapus data pribadi dalam { $cases } kasus ini ({ $open } masih ditangani)? Nama, NIK, alamat, lokasi, kejadian, catatan dan foto dihapus; kategori, wilayah, tanggal, status dan rujukan tetap untuk statistik.
    Lakukan hanya untuk permintaan yang sah (identitas sudah diperiksa, tidak ada kewajiban hukum untuk menyimpannya). Tidak bisa dibatalkan.
button-subject-erase-yes = Ya, hapus
button-subject-erase-no = Tidak, simpan
subject-erased = ✅ Data pribadi dalam { $count } kasus sudah dihapus. Log audit mencatatnya.
subject-erased-already = Data permintaan ini sudah dihapus.
subject-kept = Tidak ada yang dihapus.
subject-sheet-cases = Kasus
subject-sheet-events = Riwayat
subject-sheet-referrals = Rujukan
subject-sheet-audit = Audit
subject-col-number = Nomor
subject-col-created = Dilaporkan
subject-col-status = Status
subject-col-urgency = Urgensi
subject-col-category = Kategori
subject-col-name = Nama
subject-col-nik = NIK
subject-col-sex = Jenis kelamin
subject-col-born = Tanggal lahir
subject-col-age = Umur
subject-col-kecamatan = Kecamatan
subject-col-kelurahan = Kelurahan
subject-col-address = Alamat
subject-col-gps = GPS
subject-col-description = Kejadian
subject-col-photos = Foto
subject-col-anonymised = Dianonimkan
subject-col-case = Kasus
subject-col-event = Peristiwa
subject-col-note = Catatan
subject-col-sector = Sektor
subject-col-referred = Dirujuk
subject-col-outcome = Hasil
subject-col-decided = Hasil dicatat
