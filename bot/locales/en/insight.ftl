## /rekap: statistics, charts, exports and the monthly report

command-rekap = Statistics and case downloads (coordinators)

rekap-not-allowed = /rekap holds area statistics for coordinators and admins. For your own cases, type /kasus.
rekap-refused-not-allowed = Statistics are for coordinators and admins only.
rekap-refused-forbidden = This area is outside your responsibility.
rekap-refused-full = Only admins may export full NIKs.
rekap-ask-area = Statistics for which area?
rekap-area-city = All of { $city }
rekap-area-mine = All my areas
rekap-ask-period = Which period? Tap a button, or type the first and last day like <code>01-10-2026 s/d 31-10-2026</code>.
rekap-button-this = This month
rekap-button-last = Last month
rekap-button-year = This year
rekap-bad-period-format = I could not read those dates. Type the first and last day like <code>01-10-2026 s/d 31-10-2026</code>.
rekap-bad-period-date = One of those dates is not on the calendar. Check the day and the month.
rekap-bad-period-range = That date is outside the bot's calendar (years 1900 to 2999). Check the year.
rekap-bad-period-order = The last day comes before the first. Type the first day first.
rekap-bad-period-future = That period has not started yet. Choose one that has.
rekap-bad-period-long = A period can be one year at most. Choose a shorter range.
rekap-need-button = Please tap one of the buttons above.
rekap-cancelled = Statistics cancelled.

rekap-summary-title = 📊 <b>Statistics { $period }</b>
    { $scope }
rekap-summary-empty = No cases were reported in this period.
rekap-summary-cases = Cases reported: <b>{ $total }</b> · closed: <b>{ $closed }</b>
rekap-summary-urgency = 🔴 { $darurat } emergency · 🟠 { $tinggi } high · 🟡 { $sedang } medium · 🟢 { $rendah } low
rekap-summary-top = Most reported: { $groups }
rekap-summary-verify = ⏱ Report to verification: median { $median }, 90% within { $p90 } ({ $count } cases)
rekap-summary-close = ⏱ Report to closing: median { $median }, 90% within { $p90 } ({ $count } cases)
rekap-summary-referrals = 🔁 Referrals: { $total } · awaiting outcome { $pending } · overdue { $overdue }
rekap-summary-psm = 👥 PSM who reported: { $reporting } of { $total } · no activity in 30 days: { $quiet }
rekap-summary-quiet = No activity in 30 days: { $names }{ $more ->
    [0] {""}
   *[other] , and { $more } more
}
rekap-export-prompt = Download this period's cases:
rekap-button-xlsx = 📥 Excel (XLSX)
rekap-button-csv = 📄 CSV
rekap-button-full = 🔓 XLSX with full NIK
rekap-full-confirm = ⚠️ The full export holds residents' <b>real NIKs</b> for { $scope }, { $period }. This personal data is protected by Law 27/2022: keep it somewhere safe and do not pass it on. The export is logged in your name. Go ahead?
rekap-button-full-yes = Yes, download with full NIK
rekap-button-full-no = Cancel
rekap-full-cancelled = Full export cancelled.
rekap-export-caption = { $scope } · { $period }: { $rows } cases{ $parts ->
    [1] {""}
   *[other] {" "}(part { $part } of { $parts })
}
rekap-export-empty = No cases in this period, so there is no file to download.

rekap-month-1 = January
rekap-month-2 = February
rekap-month-3 = March
rekap-month-4 = April
rekap-month-5 = May
rekap-month-6 = June
rekap-month-7 = July
rekap-month-8 = August
rekap-month-9 = September
rekap-month-10 = October
rekap-month-11 = November
rekap-month-12 = December
rekap-month = { $month } { $year }
rekap-period-range = { $first } to { $last }
rekap-number = { $value }
rekap-days = { $days } days
rekap-hours = { $hours } hours
rekap-minutes = { $minutes } minutes
rekap-others = Others

rekap-group-anak = Children
rekap-group-lansia = Elderly, disability
rekap-group-jalanan = Street
rekap-group-korban = Victims
rekap-group-keluarga = Poverty, family
rekap-urgency-darurat = Emergency
rekap-urgency-tinggi = High
rekap-urgency-sedang = Medium
rekap-urgency-rendah = Low
rekap-outcome-accepted = Accepted
rekap-outcome-rejected = Rejected
rekap-outcome-done = Done
rekap-outcome-pending = Awaiting

rekap-chart-category = Cases by PPKS group
rekap-chart-area-kecamatan = Cases by kecamatan
rekap-chart-area-kelurahan = Cases by kelurahan
rekap-chart-urgency = Cases by urgency
rekap-chart-status = Current status of cases
rekap-chart-flow-weekly = New and closed cases per week
rekap-chart-flow-monthly = New and closed cases per month
rekap-no-data = No data for this period yet.
rekap-chart-timing-days = Time taken (days)
rekap-chart-timing-hours = Time taken (hours)
rekap-chart-timing-minutes = Time taken (minutes)
rekap-chart-referrals = Referrals by sector and outcome
rekap-chart-psm = Reports per PSM
rekap-series-cases = Cases
rekap-series-new = New
rekap-series-closed = Closed
rekap-series-median = Median
rekap-series-p90 = 90% of cases
rekap-series-reports = Reports
rekap-step-verify = To verification ({ $count } cases)
rekap-step-close = To closing ({ $count } cases)
rekap-overdue = { $overdue } overdue
rekap-psm-subtitle = { $reporting } of { $total } PSM reported · { $quiet } with no activity in 30 days

rekap-sheet-cases = Cases
rekap-col-number = Case number
rekap-col-reported = Reported on
rekap-col-category = PPKS category
rekap-col-kecamatan-code = Kecamatan code
rekap-col-kecamatan = Kecamatan
rekap-col-kelurahan-code = Kelurahan code
rekap-col-kelurahan = Kelurahan
rekap-col-urgency = Urgency
rekap-col-status = Status
rekap-col-beneficiary = Beneficiary name
rekap-col-nik = NIK
rekap-col-sex = Sex
rekap-col-age = Age
rekap-col-verified = Verified on
rekap-col-days-to-verify = Days to verification
rekap-col-closed = Closed on
rekap-col-days-to-close = Days to closing
rekap-col-referrals = Referrals and outcomes
rekap-col-reporter = Reporting PSM
