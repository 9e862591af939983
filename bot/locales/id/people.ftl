## People over time: /pengguna, /impor, /profil, handovers and move requests.

command-profil = Data saya: nama, nomor, wilayah
command-pengguna = Kelola PSM (koordinator)
command-impor = Unggah daftar PSM (koordinator)

role-psm = PSM
role-coordinator = Koordinator
role-admin = Admin
person-status-pending = menunggu persetujuan
person-status-active = aktif
person-status-rejected = ditolak
person-status-inactive = nonaktif
person-status-blocked = memblokir bot

## /pengguna

people-filter-all = Semua
people-filter-active = Aktif
people-filter-pending = Menunggu
people-filter-inactive = Nonaktif
people-filter-idle = Tanpa aktivitas 60 hari
people-list-title = 👥 <b>Pengguna</b> · { $filter }: { $total } orang
people-list-search = 👥 Hasil pencarian <b>{ $search }</b>: { $total } orang
people-list-line = { $icon } { $name } · { $place } · aktif { $when }
people-list-more = Hanya { $shown } pertama yang ditampilkan; perjelas pencarian.
people-list-empty = Tidak ada yang cocok.
people-never = belum pernah
answer-search-short = Kata pencarian terlalu pendek (minimal { $min } karakter).
answer-search-long = Kata pencarian terlalu panjang (maksimal { $max } karakter).
person-page =
    👤 <b>{ $name }</b>
    Telepon: { $phone }
    Peran: { $role } · Status: { $status }
    Wilayah: { $place }
    Laporan terakhir: { $report } · Terakhir menulis ke bot: { $seen }
    Kasus terbuka: { $cases }
person-no-cases = tidak ada
person-page-move-request = 📍 Meminta pindah ke Kelurahan { $target } (menunggu keputusan).
person-page-history = <b>Riwayat</b>
person-history-line = { $when } · { $who }: { $change }
person-history-empty = Belum ada perubahan.
person-by-roster = daftar PSM
person-act-off = 🚫 Nonaktifkan
person-act-on = ✅ Aktifkan lagi
person-act-move = 📍 Pindahkan kelurahan
person-act-role = 🎭 Ganti peran
person-act-areas = 🗺️ Kecamatan koordinator
person-back = ⬅️ Daftar pengguna
person-ask-reason = Mengapa orang ini dinonaktifkan? Ketik alasannya (misal: mengundurkan diri, pindah tugas).
person-ask-kecamatan = Pindah ke kecamatan mana?
person-ask-kelurahan = Pindah ke kelurahan mana?
person-ask-areas = Centang kecamatan yang menjadi tanggung jawab koordinator ini, lalu tekan Selesai.
person-areas-done = ✅ Selesai
person-edit-wrong = Mohon jawab pertanyaan di atas, atau ketik /batal untuk membatalkan perubahan ini.
person-edit-cancelled = Perubahan dibatalkan; tidak ada yang diubah.
person-done-off = 🚫 Dinonaktifkan. Ia diberi tahu alasannya dan siapa yang bisa dihubungi; setelah itu ia tidak menerima pesan lagi dan tidak bisa memakai bot.
person-done-on = ✅ Diaktifkan kembali; ia sudah diberi tahu.
person-done-move = 📍 Dipindahkan; ia sudah diberi tahu.
person-done-role = 🎭 Peran diganti; ia sudah diberi tahu.
person-done-areas = 🗺️ Kecamatan koordinator diganti; ia sudah diberi tahu.
people-refused = Anda tidak berhak melihat atau mengubah data orang ini.
people-stale = Data orang ini sudah berubah sejak tombol itu dibuat. Buka lagi halamannya dari /pengguna.
people-same = Tidak ada yang berubah: datanya sudah seperti itu.
people-empty = Pilih setidaknya satu kecamatan.
people-decided = Permintaan ini sudah diputuskan sebelumnya.
people-needs-kelurahan = Pilih dulu kelurahan tempat ia bertugas sebagai PSM.

## What a person is told, and their history

person-told = ℹ️ Perubahan data Anda di PSM Bot: { $change }.
person-farewell = ℹ️ Akun PSM Bot Anda dinonaktifkan. Alasan: { $reason }. Setelah pesan ini bot tidak mengirim pesan lagi, dan laporan baru tidak bisa dikirim lewat bot. Jika ini keliru, atau untuk aktif kembali, hubungi { $contact }.
person-farewell-contact = { $who } ({ $phone })
person-farewell-anyone = koordinator kecamatan Anda
person-farewell-roster = tidak ada lagi di daftar PSM terbaru
person-event-deactivated = dinonaktifkan (alasan: { $reason })
person-event-left = keluar dari PSM Bot atas permintaan sendiri
person-event-reactivated = diaktifkan kembali
person-event-moved = dipindahkan dari { $from } ke { $to }
person-event-move_requested = meminta pindah dari { $from } ke { $to }
person-event-move_rejected = permintaan pindah ke { $to } tidak disetujui
person-event-role = peran diganti dari { $from } menjadi { $to }
person-event-areas = kecamatan koordinator sekarang: { $areas }
person-event-renamed = nama diganti
person-event-phone = nomor telepon diganti
person-event-cases_handed = { $count } kasus terbuka diserahkan ke PSM lain
person-event-cases_kept = kasus terbuka dipegang koordinator

## Open cases of someone who left

handover-ask = 📂 { $name } sudah tidak aktif dan masih memegang { $count } kasus terbuka. Serahkan ke PSM lain di kelurahan yang sama, atau pegang sendiri? Sampai diputuskan, pengingat kasus ini dikirim ke koordinator.
handover-ask-nobody = { $question } Belum ada PSM aktif lain di kelurahan itu.
handover-to = ➡️ Serahkan ke { $name }
handover-keep = 🗂️ Saya pegang sendiri
handover-done = ✅ Kasus { $numbers } diserahkan ke { $name }; ia sudah diberi tahu.
handover-kept = 🗂️ { $count } kasus terbuka { $name } Anda pegang; pengingatnya dikirim ke Anda.
handover-received = 📂 Anda sekarang menindaklanjuti kasus { $numbers } (sebelumnya dipegang { $name }). Lihat di /kasus.

## Move requests

move-request =
    <b>Permintaan pindah kelurahan</b>
    PSM: { $name }
    Dari: { $origin }
    Ke: { $target }
move-approved = ✅ Kepindahan { $name } disetujui.
move-rejected = ❌ Kepindahan { $name } ditolak.

## /impor

import-ask-file = 📄 Kirim daftar PSM sebagai berkas <b>.xlsx</b> atau <b>.csv</b> (kolom: nama, telepon, kelurahan, kecamatan, peran). Semua baris diperiksa dulu; tidak ada yang berubah sebelum Anda setujui. Ketik /batal untuk membatalkan.
import-need-file = Di sini saya menunggu berkas daftar PSM (.xlsx atau .csv).
import-command = Anda sedang mengunggah daftar PSM. Kirim berkasnya, atau ketik /batal untuk membatalkan.
busy-import = unggahan daftar PSM
import-not-allowed = Unggah daftar PSM hanya untuk koordinator dan admin yang aktif.
import-wrong-type = Berkas itu bukan .xlsx atau .csv. Simpan daftarnya dari Excel sebagai .xlsx atau .csv lalu kirim lagi.
import-too-large = Berkas terlalu besar (maksimal { $max } MB).
import-invalid = ❌ Daftar ini belum bisa diimpor: { $count } masalah. <b>Tidak ada yang diubah.</b> Perbaiki baris berikut lalu kirim lagi:
import-more-problems = … dan { $count } masalah lain.
import-refused-role = baris { $line }: koordinator dan admin hanya bisa ditambahkan oleh admin
import-refused-area = baris { $line }: kelurahannya di luar kecamatan Anda
import-refused-person = baris { $line }: nomor ini milik pengguna di luar kecamatan Anda
import-plan =
    ✅ Semua { $rows } baris benar. Jika diimpor:
    • baru: { $new }
    • diperbarui: { $updated }
    • tetap: { $unchanged }
    • PSM aktif yang tidak ada di berkas: { $missing }
import-plan-missing = Yang tidak ada di berkas (dinonaktifkan hanya jika Anda memilih sinkronkan):
import-more-missing = … dan { $count } orang lain.
import-plan-warnings = ⚠️ Perlu diperhatikan (tetap diimpor):
import-ask-confirm = Terapkan?
import-button-apply = 📥 Impor (tanpa menonaktifkan)
import-button-sync = 🔄 Impor dan nonaktifkan { $count } orang
import-button-cancel = ❌ Batal
import-done = ✅ Daftar diimpor: { $rows } baris; { $deactivated } orang dinonaktifkan.
import-cancelled = Unggahan dibatalkan; tidak ada yang diubah.

## Masalah di berkas daftar PSM (/impor, dan psm-bot import-roster di server)

-save-as-csv = simpan ulang dari Excel dengan Simpan Sebagai (Save As) &gt; CSV UTF-8 (Comma delimited), atau simpan sebagai .xlsx
roster-problem-name-empty = baris { $line }: nama kosong
roster-problem-role-unknown = baris { $line }: peran "{ $role }" tidak dikenal; isi psm atau koordinator
roster-problem-phone-invalid = baris { $line }: nomor telepon "{ $phone }" bukan nomor Indonesia yang benar
roster-problem-phone-repeated = baris { $line }: nomor telepon ini sudah ada di baris { $first }
roster-problem-kecamatan-unknown = baris { $line }: ada kecamatan yang tidak dikenal di "{ $kecamatan }"
roster-problem-kelurahan-unknown = baris { $line }: kelurahan "{ $kelurahan }" tidak dikenal
roster-problem-psm-without-kelurahan = baris { $line }: PSM wajib punya kelurahan
roster-problem-coordinator-without-kecamatan = baris { $line }: koordinator wajib punya satu kecamatan atau lebih (pisahkan dengan ;)
roster-problem-formula = baris { $line }: nama "{ $name }" diawali "{ $char }", yang dibaca spreadsheet sebagai rumus; nama disimpan persis seperti diketik dan diekspor sebagai teks
roster-problem-no-header = baris { $line }: baris pertama harus berisi nama kolom: { $expected }
roster-problem-unknown-columns = baris { $line }: kolom tidak dikenal: { $unknown }; yang dikenal: { $expected }
roster-problem-control-character = baris { $line }: { $column } berisi karakter tersembunyi (U+{ $code }); ketik ulang isinya
roster-problem-too-long = baris { $line }: { $column } terlalu panjang ({ $length } karakter, paling banyak { $limit })
roster-problem-quote-not-closed = baris { $line }: ada sel yang lebih dari { $limit } karakter (tanda kutip belum ditutup?)
roster-problem-not-csv = baris { $line }: isinya bukan CSV yang bisa dibaca ({ $detail })
roster-problem-workbook-as-csv = baris { $line }: ini berkas Excel, bukan CSV: { -save-as-csv }
roster-problem-broken-utf16 = baris { $line }: teks UTF-16 rusak: { -save-as-csv }
roster-problem-mixed-encodings = baris { $line }: karakter berkode 0x{ $byte } tidak terbaca (jenis teksnya bercampur): { -save-as-csv }
roster-problem-not-text = baris { $line }: karakter berkode 0x{ $byte } tidak terbaca: { -save-as-csv }
roster-problem-unreadable-workbook = baris { $line }: berkas .xlsx ini tidak bisa dibaca (rusak, atau bukan dari Excel?)
roster-problem-limit-rows = berkas ini lebih dari { $limit } baris (baris kosong ikut dihitung); hapus baris yang tidak dipakai, atau bagi menjadi beberapa berkas
roster-problem-limit-columns = lembar pertama memakai lebih dari { $limit } kolom (A sampai Z); hapus kolom yang tidak dipakai, atau simpan sebagai CSV
roster-problem-limit-cells = lembar pertama lebih dari { $limit } sel; hapus kolom dan baris yang tidak dipakai, atau simpan sebagai CSV
roster-problem-limit-parts = berkas .xlsx ini berisi terlalu banyak bagian (lebih dari { $limit }); simpan lembar daftar saja sebagai CSV
roster-problem-limit-inflated = isi berkas .xlsx ini lebih dari { $limit } MB setelah dibuka; simpan lembar daftar saja sebagai CSV
roster-problem-limit-strings = berkas ini berisi lebih dari { $limit } teks berbeda; simpan lembar daftar saja sebagai CSV
roster-problem-limit-styles = format sel berkas ini lebih dari { $limit } MB; simpan sebagai CSV
roster-problem-limit-time = membaca berkas ini lebih lama dari { $limit } detik, jadi dihentikan; simpan sebagai CSV atau bagi menjadi beberapa berkas
roster-column-name = nama
roster-column-phone = telepon
roster-column-kelurahan = kelurahan
roster-column-kecamatan = kecamatan
roster-column-role = peran

## /profil

profile-summary =
    👤 <b>Data Anda di PSM Bot</b>
    Nama: { $name }
    Telepon: { $phone }
    Wilayah: { $place }
    Peran: { $role }
    Bahasa: { $language }
profile-ask-menu = Apa yang ingin Anda ubah?
profile-button-name = ✏️ Ganti nama
profile-button-phone = 📱 Ganti nomor
profile-button-move = 📍 Pindah kelurahan
profile-button-leave = 🚪 Keluar
profile-button-done = ✅ Selesai
profile-ask-name = Ketik nama lengkap Anda yang benar.
profile-ask-phone = Tekan tombol <b>📱 Bagikan nomor saya</b> di bawah dari akun Telegram dengan nomor baru Anda.
profile-need-contact = Mohon tekan tombol <b>📱 Bagikan nomor saya</b> di bawah; nomor tidak perlu diketik.
profile-ask-kecamatan = Pindah ke kecamatan mana?
profile-ask-kelurahan = Pindah ke kelurahan mana?
profile-ask-leave = Yakin keluar dari PSM Bot? Akun Anda dinonaktifkan dan Anda tidak menerima pesan lagi. Untuk kembali, hubungi koordinator Anda.
profile-button-leave-yes = Ya, keluar
profile-button-leave-no = Tidak jadi
profile-command = Anda sedang mengubah data profil. Jawab pertanyaan di atas, atau ketik /batal.
profile-closed = Profil ditutup. Ketik /profil kapan saja untuk melihatnya lagi.
profile-renamed = ✅ Nama Anda sekarang { $name }.
profile-move-asked = 📍 Permintaan pindah ke Kelurahan { $place } sudah dikirim ke koordinator. Anda akan diberi tahu keputusannya di sini.
profile-left = Anda sudah keluar dari PSM Bot. Terima kasih atas pengabdian Anda! 🙏
phone-changed = ✅ Nomor telepon Anda sekarang { $phone }.
phone-same = Nomor itu sudah tercatat untuk Anda.
phone-taken = Nomor ini sudah terdaftar di akun Telegram lain. Silakan hubungi koordinator Anda.
