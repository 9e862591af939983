## /rekap: statistics, charts, exports and the monthly report

command-rekap = Rekap statistik dan unduhan kasus (koordinator)

rekap-not-allowed = /rekap berisi statistik wilayah untuk koordinator dan admin. Untuk kasus Anda sendiri, ketik /kasus.
rekap-refused-not-allowed = Rekap hanya untuk koordinator dan admin.
rekap-refused-forbidden = Wilayah ini di luar wewenang Anda.
rekap-refused-full = Ekspor dengan NIK lengkap hanya untuk admin.
rekap-ask-area = Rekap untuk wilayah mana?
rekap-area-city = Seluruh { $city }
rekap-area-mine = Semua wilayah saya
rekap-ask-period = Periode mana? Pilih tombol, atau ketik tanggal awal dan akhir seperti <code>01-10-2026 s/d 31-10-2026</code>.
rekap-button-this = Bulan ini
rekap-button-last = Bulan lalu
rekap-button-year = Tahun ini
rekap-bad-period-format = Tanggal belum terbaca. Tulis tanggal awal dan akhir seperti <code>01-10-2026 s/d 31-10-2026</code>.
rekap-bad-period-date = Salah satu tanggal itu tidak ada di kalender. Periksa hari dan bulannya.
rekap-bad-period-range = Tanggal itu di luar kalender bot (tahun 1900 sampai 2999). Periksa tahunnya.
rekap-bad-period-order = Tanggal akhir lebih awal dari tanggal awal. Tulis tanggal awal lebih dulu.
rekap-bad-period-future = Periode itu belum dimulai. Pilih periode yang sudah berjalan.
rekap-bad-period-long = Periode paling panjang satu tahun. Pilih rentang yang lebih pendek.
rekap-need-button = Silakan pilih salah satu tombol di atas.
rekap-cancelled = Rekap dibatalkan.

rekap-summary-title = 📊 <b>Rekap { $period }</b>
    { $scope }
rekap-summary-empty = Tidak ada kasus yang dilaporkan pada periode ini.
rekap-summary-cases = Kasus dilaporkan: <b>{ $total }</b> · ditutup: <b>{ $closed }</b>
rekap-summary-urgency = 🔴 { $darurat } darurat · 🟠 { $tinggi } tinggi · 🟡 { $sedang } sedang · 🟢 { $rendah } rendah
rekap-summary-top = Terbanyak: { $groups }
rekap-summary-verify = ⏱ Lapor sampai diverifikasi: median { $median }, 90% dalam { $p90 } ({ $count } kasus)
rekap-summary-close = ⏱ Lapor sampai selesai: median { $median }, 90% dalam { $p90 } ({ $count } kasus)
rekap-summary-referrals = 🔁 Rujukan: { $total } · menunggu hasil { $pending } · terlambat { $overdue }
rekap-summary-psm = 👥 PSM yang melapor: { $reporting } dari { $total } · tanpa aktivitas 30 hari: { $quiet }
rekap-summary-quiet = Tanpa aktivitas 30 hari: { $names }{ $more ->
    [0] {""}
   *[other] , dan { $more } lainnya
}
rekap-export-prompt = Unduh data kasus periode ini:
rekap-button-xlsx = 📥 Excel (XLSX)
rekap-button-csv = 📄 CSV
rekap-button-full = 🔓 XLSX dengan NIK lengkap
rekap-full-confirm = ⚠️ Ekspor lengkap memuat <b>NIK asli</b> warga pada { $scope }, { $period }. Data pribadi ini dilindungi UU 27/2022: simpan di tempat aman dan jangan diteruskan. Ekspor ini dicatat atas nama Anda. Lanjutkan?
rekap-button-full-yes = Ya, unduh dengan NIK lengkap
rekap-button-full-no = Batal
rekap-full-cancelled = Ekspor lengkap dibatalkan.
rekap-export-caption = { $scope } · { $period }: { $rows } kasus{ $parts ->
    [1] {""}
   *[other] {" "}(bagian { $part } dari { $parts })
}
rekap-export-empty = Tidak ada kasus pada periode ini, jadi tidak ada berkas untuk diunduh.

rekap-month-1 = Januari
rekap-month-2 = Februari
rekap-month-3 = Maret
rekap-month-4 = April
rekap-month-5 = Mei
rekap-month-6 = Juni
rekap-month-7 = Juli
rekap-month-8 = Agustus
rekap-month-9 = September
rekap-month-10 = Oktober
rekap-month-11 = November
rekap-month-12 = Desember
rekap-month = { $month } { $year }
rekap-period-range = { $first } s/d { $last }
rekap-number = { $value }
rekap-days = { $days } hari
rekap-hours = { $hours } jam
rekap-minutes = { $minutes } menit
rekap-others = Lainnya

rekap-group-anak = Anak
rekap-group-lansia = Lansia, disabilitas
rekap-group-jalanan = Jalanan
rekap-group-korban = Korban
rekap-group-keluarga = Kemiskinan, keluarga
rekap-urgency-darurat = Darurat
rekap-urgency-tinggi = Tinggi
rekap-urgency-sedang = Sedang
rekap-urgency-rendah = Rendah
rekap-outcome-accepted = Diterima
rekap-outcome-rejected = Ditolak
rekap-outcome-done = Selesai
rekap-outcome-pending = Menunggu

rekap-chart-category = Kasus per kelompok PPKS
rekap-chart-area-kecamatan = Kasus per kecamatan
rekap-chart-area-kelurahan = Kasus per kelurahan
rekap-chart-urgency = Kasus per tingkat urgensi
rekap-chart-status = Status kasus saat ini
rekap-chart-flow-weekly = Kasus baru dan ditutup per minggu
rekap-chart-flow-monthly = Kasus baru dan ditutup per bulan
rekap-no-data = Belum ada data untuk periode ini.
rekap-chart-timing-days = Lama penanganan (hari)
rekap-chart-timing-hours = Lama penanganan (jam)
rekap-chart-timing-minutes = Lama penanganan (menit)
rekap-chart-referrals = Rujukan per sektor dan hasilnya
rekap-chart-psm = Laporan per PSM
rekap-series-cases = Kasus
rekap-series-new = Baru
rekap-series-closed = Ditutup
rekap-series-median = Median
rekap-series-p90 = 90% kasus
rekap-series-reports = Laporan
rekap-step-verify = Sampai diverifikasi ({ $count } kasus)
rekap-step-close = Sampai selesai ({ $count } kasus)
rekap-overdue = { $overdue } terlambat
rekap-psm-subtitle = { $reporting } dari { $total } PSM melapor · { $quiet } tanpa aktivitas 30 hari

rekap-sheet-cases = Kasus
rekap-col-number = Nomor kasus
rekap-col-reported = Tanggal lapor
rekap-col-category = Kategori PPKS
rekap-col-kecamatan-code = Kode kecamatan
rekap-col-kecamatan = Kecamatan
rekap-col-kelurahan-code = Kode kelurahan
rekap-col-kelurahan = Kelurahan
rekap-col-urgency = Urgensi
rekap-col-status = Status
rekap-col-beneficiary = Nama penerima manfaat
rekap-col-nik = NIK
rekap-col-sex = Jenis kelamin
rekap-col-age = Umur
rekap-col-verified = Tanggal diverifikasi
rekap-col-days-to-verify = Hari sampai diverifikasi
rekap-col-closed = Tanggal selesai
rekap-col-days-to-close = Hari sampai selesai
rekap-col-referrals = Rujukan dan hasilnya
rekap-col-reporter = PSM pelapor
