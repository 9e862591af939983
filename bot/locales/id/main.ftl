## Bahasa Indonesia: the default language of PSM Bot.

language-name = 🇮🇩 Bahasa Indonesia
language-ask = Pilih bahasa:
language-set = Bahasa diganti ke Bahasa Indonesia.

command-lapor = Laporkan kasus baru
command-batal = Batalkan yang sedang diisi
command-bantuan = Petunjuk penggunaan
command-bahasa = Ganti bahasa
command-start = Daftar / mulai

## Access

access-unregistered = Anda belum terdaftar sebagai PSM. Ketik /start untuk mendaftar.
access-pending = Pendaftaran Anda sedang menunggu persetujuan koordinator. Anda akan diberi tahu di sini begitu disetujui.
access-rejected = Pendaftaran Anda tidak disetujui. Silakan hubungi TKSK atau Dinas Sosial di kecamatan Anda.
access-inactive = Akun Anda sedang tidak aktif. Silakan hubungi koordinator Anda.

welcome-psm = Selamat datang kembali, { $name }! Ketik /lapor untuk melaporkan kasus baru.
welcome-coordinator = Selamat datang kembali, { $name }. Anda terdaftar sebagai koordinator. Laporan kasus dari wilayah Anda akan dikirim ke sini.
welcome-admin = Selamat datang, { $name }. Anda terdaftar sebagai admin.

## Registration

signup-welcome = Selamat datang di <b>PSM Bot</b> Dinas Sosial Kota Tangerang 👋
signup-ask-contact = Untuk mendaftar, tekan tombol <b>📱 Bagikan nomor saya</b> di bawah.
button-share-contact = 📱 Bagikan nomor saya
signup-contact-not-own = Itu bukan nomor Anda sendiri. Mohon bagikan nomor Anda dengan tombol di bawah.
signup-contact-invalid = Nomor itu tidak bisa dikenali sebagai nomor Indonesia.
signup-phone-taken = Nomor ini sudah terdaftar di akun Telegram lain. Silakan hubungi koordinator Anda.
signup-activated-psm = Terima kasih, { $name }! Nomor Anda ada di daftar PSM, jadi akun Anda sudah aktif untuk Kelurahan { $place }. Ketik /lapor untuk melaporkan kasus.
signup-activated-coordinator = Terima kasih, { $name }! Anda terdaftar sebagai koordinator ({ $place }). Laporan kasus dari wilayah Anda akan dikirim ke sini.
signup-activated-admin = Terima kasih, { $name }! Anda terdaftar sebagai admin.
signup-ask-name = Nomor Anda belum ada di daftar PSM, jadi pendaftaran perlu disetujui koordinator. Siapa nama lengkap Anda?
signup-ask-kecamatan = Di kecamatan mana Anda bertugas?
signup-ask-kelurahan = Di kelurahan mana Anda bertugas?
signup-pending = Terima kasih! Pendaftaran Anda sudah dikirim ke koordinator. Anda akan diberi tahu di sini setelah diputuskan.
signup-need-contact = Mohon tekan tombol <b>📱 Bagikan nomor saya</b> di bawah; nomor tidak perlu diketik.
signup-approved = 🎉 Pendaftaran Anda disetujui! Ketik /lapor untuk melaporkan kasus.
signup-rejected = Maaf, pendaftaran Anda tidak disetujui. Silakan hubungi TKSK atau Dinas Sosial di kecamatan Anda.

approval-request =
    <b>Permintaan pendaftaran PSM</b>
    Nama: { $name }
    Telepon: { $phone }
    Wilayah: { $kelurahan }, Kec. { $kecamatan }
button-approve = ✅ Setujui
button-reject = ❌ Tolak
approval-done-approved = ✅ { $name } disetujui oleh { $reviewer }.
approval-done-rejected = ❌ { $name } ditolak oleh { $reviewer }.
approval-refused-unknown = Pendaftaran ini tidak ditemukan.
approval-refused-forbidden = Anda tidak berwenang memutuskan pendaftaran di wilayah ini.
approval-refused-decided = Pendaftaran ini sudah diputuskan sebelumnya.

## Case report

report-intro = 📝 Laporan kasus baru. Jawab satu per satu; ketik /batal kapan saja untuk membatalkan, /bantuan untuk petunjuk.
report-ask-category-group = Kasus ini termasuk kelompok apa?
report-ask-category = Pilih kategori PPKS ({ $group }):
category-group-anak = 👶 Anak
category-group-lansia = 🧓 Lansia, disabilitas, kesehatan
category-group-jalanan = 🛣️ Jalanan
category-group-korban = 🆘 Korban kekerasan, bencana, trafficking
category-group-keluarga = 🏠 Kemiskinan, keluarga, kelompok khusus
button-back = ⬅️ Kembali
report-ask-name = Siapa nama penerima manfaat (orang yang dilaporkan)?
report-ask-nik = Ketik NIK penerima manfaat (16 angka di KTP/KK). Jika tidak ada, tekan tombol di bawah.
button-no-nik = Tidak ada NIK
report-nik-ok = ✅ NIK { $nik } diterima: { $sex }, lahir { $born }.
nik-invalid-length = NIK harus terdiri dari 16 angka. Mohon periksa lagi.
nik-invalid-region = Kode wilayah di awal NIK tidak dikenal. Mohon periksa 6 angka pertama.
nik-invalid-date = Tanggal lahir dalam NIK (angka ke-7 sampai ke-12) tidak valid. Mohon periksa lagi.
nik-invalid-serial = Empat angka terakhir NIK tidak boleh 0000. Mohon periksa lagi.
report-ask-no-nik-reason = Mengapa tidak ada NIK? Pilih atau ketik alasannya.
no-nik-belum = Belum punya NIK / tidak terdaftar
no-nik-hilang = KTP/KK hilang
no-nik-tidaktahu = Tidak tahu NIK-nya
report-ask-sex = Jenis kelamin penerima manfaat?
sex-L = Laki-laki
sex-P = Perempuan
report-ask-age = Berapa umurnya? Ketik umur (misal <b>72</b>) atau tanggal lahir (misal <b>12-03-1950</b>).
button-age-unknown = Tidak tahu
report-ask-kecamatan = Di kecamatan mana kasus ini?
button-my-kelurahan = 📍 Kelurahan saya: { $kelurahan }
report-ask-kelurahan = Kelurahan di Kecamatan { $kecamatan }:
button-other-kecamatan = ⬅️ Kecamatan lain
report-ask-address = Ketik alamatnya (jalan, nomor, RT/RW, patokan).
report-ask-location = Kirim titik lokasi dengan tombol <b>📍 Kirim lokasi</b>, atau tekan <b>Lewati</b>.
button-send-location = 📍 Kirim lokasi
button-skip = Lewati
report-location-ok = 📍 Lokasi tersimpan.
report-location-skipped = Lokasi GPS dilewati.
report-ask-description = Ceritakan apa yang terjadi dan kondisi penerima manfaat saat ini. Boleh diketik, atau kirim pesan suara 🎤.
report-ask-urgency =
    Seberapa mendesak kasus ini?
    🔴 <b>Darurat</b>: nyawa atau keselamatan terancam, perlu tindakan hari ini.
    🟠 <b>Tinggi</b>: perlu ditangani dalam beberapa hari.
    🟡 <b>Sedang</b>: perlu ditangani dalam seminggu.
    🟢 <b>Rendah</b>: bisa dijadwalkan.
urgency-darurat = 🔴 Darurat
urgency-tinggi = 🟠 Tinggi
urgency-sedang = 🟡 Sedang
urgency-rendah = 🟢 Rendah
report-ask-photos = Kirim foto kondisi atau lokasi, atau dokumen PDF (boleh beberapa, boleh tidak ada). Foto saat ini: { $count }.
button-photos-done = ✅ Selesai
button-photos-none = Lewati, tanpa foto
button-photos-clear = 🗑️ Hapus semua foto
report-photo-added = 📷 Foto ke-{ $count } diterima. Kirim foto lain, atau tekan Selesai.
report-photos-count = { $count } foto
report-photos-full = Sudah { $max } foto, jumlah maksimal. Tekan Selesai untuk lanjut.

report-review =
    <b>Periksa laporan Anda</b>
    Kategori: { $category }
    Nama: { $name }
    NIK: { $nik }
    Jenis kelamin: { $sex }
    Umur: { $age }
    Lokasi: { $kelurahan }, Kec. { $kecamatan }
    Alamat: { $address }
    GPS: { $gps }
    Urgensi: { $urgency }
    Foto: { $photos }
    Kejadian: { $description }

    Tekan bagian yang ingin diubah, atau <b>Kirim laporan</b>.
report-nik-mismatch = ⚠️ Jenis kelamin atau umur tidak sesuai dengan NIK. Mohon periksa NIK atau datanya.
summary-no-nik = tidak ada ({ $reason })
summary-age = { $age } tahun
summary-age-born = { $age } tahun, lahir { $born }
summary-unknown = tidak diketahui
summary-gps-yes = ada
summary-gps-no = tidak ada
edit-category = ✏️ Kategori
edit-name = ✏️ Nama
edit-nik = ✏️ NIK
edit-sex = ✏️ Kelamin
edit-age = ✏️ Umur
edit-place = ✏️ Kelurahan
edit-address = ✏️ Alamat
edit-gps = ✏️ GPS
edit-description = ✏️ Kejadian
edit-urgency = ✏️ Urgensi
edit-photos = ✏️ Foto
button-submit = ✅ Kirim laporan
button-cancel-report = ❌ Batalkan
report-missing = Ada jawaban yang belum diisi. Mohon lengkapi dulu.
report-saved = ✅ Laporan tersimpan dengan nomor <b>{ $number }</b>. Koordinator wilayah sudah diberi tahu. Terima kasih!
report-repeat = 🔁 Orang ini pernah dilaporkan sebelumnya. Koordinator Anda sudah diberi tahu dan akan menghubungkan laporan-laporannya.
report-confirm-cancel = Yakin membatalkan laporan ini? Semua jawaban yang sudah diisi akan dihapus.
button-cancel-yes = Ya, batalkan
button-cancel-no = Tidak, lanjutkan
report-cancelled = Laporan dibatalkan. Ketik /lapor untuk memulai lagi.
report-resume = Anda sedang mengisi laporan. Kita lanjutkan dari pertanyaan terakhir:

case-new =
    📥 <b>Laporan baru { $number }</b>
    Pelapor: { $reporter } · 📞 { $phone }
    Urgensi: { $urgency }
    Kategori: { $category }
    Nama: { $name } ({ $sex }, { $age })
    NIK: { $nik }
    Lokasi: { $address }, { $kelurahan }, Kec. { $kecamatan }
    Foto: { $photos }
    Kejadian: { $description }
case-new-darurat =
    🚨🚨 <b>DARURAT: laporan { $number }</b> 🚨🚨
    Pelapor: { $reporter } · 📞 { $phone }
    Kategori: { $category }
    Nama: { $name } ({ $sex }, { $age })
    NIK: { $nik }
    Lokasi: { $address }, { $kelurahan }, Kec. { $kecamatan }
    Foto: { $photos }
    Kejadian: { $description }

## Answers that do not fit

answer-name-short = Nama terlalu pendek (minimal { $min } karakter).
answer-name-long = Nama terlalu panjang (maksimal { $max } karakter).
answer-name-letters = Nama harus berisi huruf.
answer-reason-short = Alasan terlalu pendek (minimal { $min } karakter).
answer-reason-long = Alasan terlalu panjang (maksimal { $max } karakter).
answer-address-short = Alamat terlalu pendek (minimal { $min } karakter). Tambahkan RT/RW atau patokan.
answer-address-long = Alamat terlalu panjang ({ $length } karakter, maksimal { $max }).
answer-description-short = Ceritanya terlalu singkat (minimal { $min } karakter). Mohon jelaskan sedikit lagi.
answer-description-long = Ceritanya terlalu panjang ({ $length } karakter, maksimal { $max }). Mohon diringkas; detail bisa ditambahkan nanti.
answer-age-format = Mohon ketik umur dalam angka (misal 72) atau tanggal lahir (misal 12-03-1950).
answer-age-range = Umur harus antara 0 dan { $max } tahun.
answer-birth-invalid = Tanggal itu tidak ada di kalender. Mohon periksa lagi (format hari-bulan-tahun).
answer-birth-range = Tanggal lahir tidak boleh di masa depan atau lebih dari { $max } tahun lalu.
wrong-need-text = Bagian ini perlu dijawab dengan mengetik teks.
wrong-need-button = Mohon pilih dengan menekan salah satu tombol, atau ketik nama pilihannya.
typed-choice-ambiguous = Jawaban itu cocok dengan beberapa pilihan: { $choices }. Tekan tombolnya, atau ketik lebih lengkap.
wrong-need-location = Kirim lokasi dengan tombol 📍 di bawah, atau tekan Lewati.
wrong-need-photo = Di sini saya menunggu foto. Kirim foto, atau tekan tombol Selesai.
wrong-need-text-or-voice = Di sini saya menunggu cerita kejadian: ketik, atau kirim pesan suara 🎤.
wrong-command = Perintah itu tidak bisa dipakai saat mengisi laporan. Ketik /batal untuk membatalkan laporan.
wrong-stale-button = Tombol itu dari pertanyaan sebelumnya dan sudah tidak berlaku.
wrong-stale-button-short = Tombol ini sudah tidak berlaku.
flow-lost = Percakapan sebelumnya sudah berakhir. Silakan mulai lagi dengan perintahnya, misalnya /lapor.

## Help and errors

help = <b>PSM Bot</b> membantu Pekerja Sosial Masyarakat melaporkan kasus kesejahteraan sosial.
help-command-lapor = /lapor: laporkan kasus baru, langkah demi langkah
help-command-kasus = /kasus: lihat dan tindak lanjuti kasus
help-command-hadir = /hadir KODE: catat kehadiran di acara, dengan kode dari koordinator
help-command-pengumuman = /pengumuman: umumkan acara dan lihat jawaban PSM
help-command-siaran = /siaran: kirim pesan ke PSM
help-command-rekap = /rekap: statistik, grafik dan unduhan kasus wilayah
help-command-profil = /profil: lihat dan ubah data Anda (nama, nomor, kelurahan), atau keluar
help-command-pengguna = /pengguna: kelola PSM di wilayah Anda
help-command-impor = /impor: unggah daftar PSM dari Excel
help-command-audit = /audit: siapa melihat, mendaftar dan mengunduh apa
help-command-subjek = /subjek: data satu orang, untuk permintaan subjek data
help-command-batal = /batal: batalkan laporan yang sedang diisi
help-command-bantuan = /bantuan: petunjuk ini
help-command-bahasa = /bahasa: ganti bahasa
help-command-start = /start: daftar atau lihat status akun
help-report = Jawab pertanyaan satu per satu. Jawaban Anda tersimpan walau bot dimulai ulang. Sebelum dikirim, Anda bisa memeriksa dan mengubah setiap jawaban. Ketik /batal untuk membatalkan.
hint = Ketik /lapor untuk melaporkan kasus, atau /bantuan untuk petunjuk.
edit-not-read = Pesan yang diubah tidak dibaca ulang oleh bot. Untuk mengganti jawaban, kirim lagi sebagai pesan baru (dalam laporan: lewat tombol ubah di halaman periksa laporan).
cancel-nothing = Tidak ada yang sedang diisi, jadi tidak ada yang dibatalkan.
error-user = Maaf, terjadi gangguan di sistem. Jawaban yang sudah Anda isi tetap tersimpan; silakan coba lagi sebentar lagi.
error-admin = ⚠️ <b>Error di PSM Bot</b>: { $error }
    ({ $where })
busy-elsewhere = Anda sedang menyusun { $what }. Selesaikan dulu, atau ketik /batal untuk membatalkannya.
busy-report = laporan kasus
busy-broadcast = siaran
busy-announcement = pengumuman
