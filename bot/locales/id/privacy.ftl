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
audit-line = { $when } · { $who }: { $action } { $case }{ $detail }
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

## /audit in words: what each action is and what its details are called.
audit-action-case-create = membuat laporan kasus
audit-action-case-view = membuka kasus
audit-action-case-photos = melihat foto kasus
audit-action-case-voice = mendengar pesan suara kasus
audit-action-case-documents = membuka dokumen kasus
audit-action-case-verify = memverifikasi kasus
audit-action-case-return = mengembalikan kasus dengan pertanyaan
audit-action-case-answer = menjawab pertanyaan kasus
audit-action-case-answer-undone = menarik kembali jawaban kasus
audit-action-case-handle = menangani kasus
audit-action-case-refer = merujuk kasus
audit-action-case-outcome = mencatat hasil rujukan
audit-action-case-close = menutup kasus
audit-action-case-reopen = membuka kembali kasus
audit-action-case-note = menambah catatan kasus
audit-action-case-nudged = mengingatkan tindak lanjut
audit-action-case-escalated = meneruskan kasus ke atasan
audit-action-case-list = melihat daftar kasus
audit-action-case-search = mencari kasus
audit-action-case-anonymise = menganonimkan kasus
audit-action-case-handover = mengalihkan kasus
audit-action-user-activate-roster = mengaktifkan akun dari daftar PSM
audit-action-user-approve = menyetujui pendaftaran
audit-action-user-reject = menolak pendaftaran
audit-action-user-blocked-bot = memblokir bot
audit-action-user-unblocked-bot = membuka blokir bot
audit-action-user-anonymise = menganonimkan akun
audit-action-user-list = melihat daftar pengguna
audit-action-user-view = membuka data pengguna
audit-action-user-deactivate = menonaktifkan akun
audit-action-user-reactivate = mengaktifkan kembali akun
audit-action-user-leave = berhenti sebagai PSM
audit-action-user-move = memindahkan wilayah PSM
audit-action-user-move-request = meminta pindah wilayah
audit-action-user-move-approve = menyetujui pindah wilayah
audit-action-user-move-reject = menolak pindah wilayah
audit-action-user-role = mengubah peran
audit-action-user-areas = mengubah wilayah tugas
audit-action-user-rename = mengubah nama
audit-action-user-phone = mengubah nomor HP
audit-action-user-cases-kept = menyimpan kasus akun nonaktif
audit-action-roster-import = mengimpor daftar PSM
audit-action-roster-upload = mengunggah daftar PSM
audit-action-roster-preview = melihat pratinjau daftar PSM
audit-action-broadcast-create = mengirim siaran
audit-action-announcement-create = membuat pengumuman
audit-action-announcement-reschedule = mengubah jadwal pengumuman
audit-action-announcement-cancel = membatalkan pengumuman
audit-action-announcement-export = mengunduh daftar hadir
audit-action-insight-view = melihat rekap
audit-action-insight-export = mengunduh rekap
audit-action-subject-lookup = mencari data seseorang
audit-action-subject-export = mengunduh data seseorang
audit-action-subject-erase = menghapus data seseorang
audit-action-audit-view = melihat log audit
audit-action-audit-export = mengunduh log audit
audit-action-retention-run = menjalankan masa simpan data
audit-action-key-rotate = mengganti kunci data
audit-action-data-backup = membuat cadangan data
audit-detail-user-id = akun
audit-detail-rows = baris
audit-detail-request-id = permintaan
audit-detail-cases = kasus
audit-detail-reason = alasan
audit-detail-announcement-id = pengumuman
audit-detail-by = menurut
audit-detail-filter = pilihan
audit-detail-drafts = draf
audit-detail-page = halaman
audit-detail-total = jumlah
audit-detail-scope = wilayah
audit-detail-period = periode
audit-detail-recipients = penerima
audit-detail-events = riwayat
audit-detail-history = riwayat lengkap
audit-detail-audit-rows = baris audit
audit-detail-key = kunci
audit-detail-years = tahun
audit-detail-users = pengguna
audit-detail-messages = pesan
audit-detail-to = kepada
audit-detail-status = status
audit-detail-urgency = urgensi
audit-detail-kecamatan = kecamatan
audit-detail-number = nomor
audit-detail-linked = terkait
audit-detail-error = galat
audit-detail-format = format
audit-detail-full-nik = NIK lengkap
audit-detail-files = berkas
audit-detail-told = diberi tahu
audit-detail-broadcast-id = siaran
audit-detail-audience = sasaran
audit-detail-searched = dicari
audit-detail-shown = ditampilkan
audit-detail-role = peran
audit-detail-areas = wilayah
audit-detail-missing = tidak ada
audit-detail-sync = sinkron
audit-detail-deactivated = dinonaktifkan
audit-detail-case = kasus
audit-detail-user = akun
audit-detail-first = dari
audit-detail-last = sampai
audit-yes = ya
audit-no = tidak
audit-city = seluruh kota
audit-period = { $first } s/d { $last }
audit-by-case = kasus
audit-by-user = akun
audit-by-period = periode
