## Data protection for admins: the audit log (/audit) and a person's requests (/subjek).

command-audit = Audit log: who saw and changed what (admins)
command-subjek = Data subject requests: see, export, erase (admins)

audit-refused = The audit log is for admins only.
audit-bad-usage =
    How to use /audit:
    /audit: the last 7 days
    /audit 01-11-2026 30-11-2026: a period (or one date)
    /audit TNG-2026-00042: one case
    /audit 123456789: one account (Telegram ID)
audit-bad-user = There is no account with that Telegram ID.
audit-bad-case = There is no case with that number.
audit-bad-range = That date is outside the bot's calendar (years 1900 to 2999). Check the year.
audit-empty = No audit entries for that choice.
audit-header = 🧾 <b>Audit log</b>: the newest { $shown } of { $total } entries.
audit-line = { $when } · { $who } · <code>{ $action }</code> · { $case } · { $detail }
button-audit-export = 📥 Download all (XLSX)
audit-export-caption = Audit log: { $count } entries.
audit-col-at = Time
audit-col-who = By
audit-col-action = Action
audit-col-case = Case
audit-col-detail = Details

subject-usage =
    A data subject's request (UU 27/2022): find the person with
    /subjek NIK (16 digits; your message will be deleted), or
    /subjek Full Name DD-MM-YYYY (name and birth date).
subject-refused = Data subjects' requests are answered by admins only.
subject-none = 🔎 Request #{ $request }: nothing is held about this person.
subject-found =
    🔎 <b>Request #{ $request }</b>: { $cases } case(s) about this person,
    { $events } history entries, { $referrals } referrals, { $audit } audit rows.
subject-case-line = • { $number } · { $date } · { $status } · Kec. { $kecamatan }
button-subject-export = 📥 Download all their data (XLSX)
button-subject-erase = 🗑 Erase their personal data…
subject-export-caption = Everything held about this person (request #{ $request }).
subject-erase-confirm =
    Erase the personal data in these { $cases } case(s) ({ $open } still being handled)? Name, NIK, address, location, what happened, notes and photos are removed; category, area, dates, status and referrals stay for the statistics.
    Only for a valid request (identity checked, no legal duty to keep it). This cannot be undone.
button-subject-erase-yes = Yes, erase
button-subject-erase-no = No, keep it
subject-erased = ✅ The personal data in { $count } case(s) has been erased. The audit log records it.
subject-erased-already = This request's data has already been erased.
subject-kept = Nothing was erased.
subject-sheet-cases = Cases
subject-sheet-events = History
subject-sheet-referrals = Referrals
subject-sheet-audit = Audit
subject-col-number = Number
subject-col-created = Reported
subject-col-status = Status
subject-col-urgency = Urgency
subject-col-category = Category
subject-col-name = Name
subject-col-nik = NIK
subject-col-sex = Sex
subject-col-born = Birth date
subject-col-age = Age
subject-col-kecamatan = Kecamatan
subject-col-kelurahan = Kelurahan
subject-col-address = Address
subject-col-gps = GPS
subject-col-description = What happened
subject-col-photos = Photos
subject-col-anonymised = Anonymised
subject-col-case = Case
subject-col-event = Event
subject-col-note = Note
subject-col-sector = Sector
subject-col-referred = Referred
subject-col-outcome = Outcome
subject-col-decided = Outcome recorded
