## People over time: /pengguna, /impor, /profil, handovers and move requests.

command-profil = My details: name, number, area
command-pengguna = Manage PSM (coordinators)
command-impor = Upload the PSM roster (coordinators)

role-psm = PSM
role-coordinator = Coordinator
role-admin = Admin
person-status-pending = awaiting approval
person-status-active = active
person-status-rejected = rejected
person-status-inactive = inactive
person-status-blocked = blocked the bot

## /pengguna

people-filter-all = All
people-filter-active = Active
people-filter-pending = Pending
people-filter-inactive = Inactive
people-filter-idle = No activity in 60 days
people-list-title = 👥 <b>Users</b> · { $filter }: { $total } people
people-list-search = 👥 Search results for <b>{ $search }</b>: { $total } people
people-list-line = { $icon } { $name } · { $place } · active { $when }
people-list-more = Only the first { $shown } are shown; narrow the search.
people-list-empty = Nobody matches.
people-never = never
answer-search-short = The search is too short (at least { $min } characters).
answer-search-long = The search is too long (at most { $max } characters).
person-page =
    👤 <b>{ $name }</b>
    Phone: { $phone }
    Role: { $role } · Status: { $status }
    Area: { $place }
    Last report: { $report } · Last wrote to the bot: { $seen }
    Open cases: { $cases }
person-no-cases = none
person-page-move-request = 📍 Asked to move to Kelurahan { $target } (awaiting a decision).
person-page-history = <b>History</b>
person-history-line = { $when } · { $who }: { $change }
person-history-empty = No changes yet.
person-by-roster = the roster
person-act-off = 🚫 Deactivate
person-act-on = ✅ Reactivate
person-act-move = 📍 Move to another kelurahan
person-act-role = 🎭 Change role
person-act-areas = 🗺️ Coordinator's kecamatan
person-back = ⬅️ User list
person-ask-reason = Why is this person deactivated? Type the reason (e.g. resigned, reassigned).
person-ask-kecamatan = Move to which kecamatan?
person-ask-kelurahan = Move to which kelurahan?
person-ask-areas = Tick the kecamatan this coordinator is responsible for, then tap Done.
person-areas-done = ✅ Done
person-edit-wrong = Please answer the question above, or type /batal to cancel this change.
person-edit-cancelled = Change cancelled; nothing was changed.
person-done-off = 🚫 Deactivated. They are told why and whom to contact; after that they receive no more messages and cannot use the bot.
person-done-on = ✅ Reactivated; they have been told.
person-done-move = 📍 Moved; they have been told.
person-done-role = 🎭 Role changed; they have been told.
person-done-areas = 🗺️ Coordinator's kecamatan changed; they have been told.
people-refused = You are not allowed to see or change this person's details.
people-stale = This person's details changed since that button was drawn. Open their page again from /pengguna.
people-same = Nothing changed: that is already so.
people-empty = Choose at least one kecamatan.
people-decided = This request was already decided.
people-needs-kelurahan = First choose the kelurahan they serve as a PSM.

## What a person is told, and their history

person-told = ℹ️ A change to your details in PSM Bot: { $change }.
person-farewell = ℹ️ Your PSM Bot account has been deactivated. Reason: { $reason }. After this message the bot sends you nothing more, and new reports cannot be sent through it. If this is a mistake, or to be reactivated, contact { $contact }.
person-farewell-contact = { $who } ({ $phone })
person-farewell-anyone = your kecamatan coordinator
person-farewell-roster = no longer on the latest PSM list
person-event-deactivated = deactivated (reason: { $reason })
person-event-left = left PSM Bot at their own request
person-event-reactivated = reactivated
person-event-moved = moved from { $from } to { $to }
person-event-move_requested = asked to move from { $from } to { $to }
person-event-move_rejected = the request to move to { $to } was not approved
person-event-role = role changed from { $from } to { $to }
person-event-areas = coordinator's kecamatan now: { $areas }
person-event-renamed = name changed
person-event-phone = phone number changed
person-event-cases_handed = { $count } open cases handed to another PSM
person-event-cases_kept = open cases kept by the coordinator

## Open cases of someone who left

handover-ask = 📂 { $name } is no longer active and still has { $count } open cases. Hand them to another PSM of the same kelurahan, or keep them yourself? Until you decide, reminders for these cases go to the coordinator.
handover-ask-nobody = { $question } There is no other active PSM in that kelurahan yet.
handover-to = ➡️ Hand to { $name }
handover-keep = 🗂️ I keep them
handover-done = ✅ Cases { $numbers } handed to { $name }; they have been told.
handover-kept = 🗂️ You keep { $name }'s { $count } open cases; their reminders come to you.
handover-received = 📂 You now follow up cases { $numbers } (previously with { $name }). See /kasus.

## Move requests

move-request =
    <b>Request to move kelurahan</b>
    PSM: { $name }
    From: { $origin }
    To: { $target }
move-approved = ✅ { $name }'s move approved.
move-rejected = ❌ { $name }'s move refused.

## /impor

import-ask-file = 📄 Send the PSM roster as an <b>.xlsx</b> or <b>.csv</b> file (columns: nama, telepon, kelurahan, kecamatan, peran). Every row is checked first; nothing changes before you approve. Type /batal to cancel.
import-need-file = Here I am waiting for the roster file (.xlsx or .csv).
import-command = You are uploading the PSM roster. Send the file, or type /batal to cancel.
busy-import = a roster upload
import-not-allowed = Uploading the roster is for active coordinators and admins only.
import-wrong-type = That file is not .xlsx or .csv. Save the roster from Excel as .xlsx or .csv and send it again.
import-too-large = The file is too large (at most { $max } MB).
import-invalid = ❌ This roster cannot be imported yet: { $count } problems. <b>Nothing was changed.</b> Fix these rows and send it again:
import-more-problems = … and { $count } more problems.
import-refused-role = line { $line }: only admins can add coordinators and admins
import-refused-area = line { $line }: the kelurahan is outside your kecamatan
import-refused-person = line { $line }: this number belongs to a user outside your kecamatan
import-plan =
    ✅ All { $rows } rows are valid. If imported:
    • new: { $new }
    • updated: { $updated }
    • unchanged: { $unchanged }
    • active PSM not in the file: { $missing }
import-plan-missing = Not in the file (deactivated only if you choose to sync):
import-more-missing = … and { $count } more people.
import-plan-warnings = ⚠️ Please note (imported all the same):
import-ask-confirm = Apply it?
import-button-apply = 📥 Import (deactivate nobody)
import-button-sync = 🔄 Import and deactivate { $count } people
import-button-cancel = ❌ Cancel
import-done = ✅ Roster imported: { $rows } rows; { $deactivated } people deactivated.
import-cancelled = Upload cancelled; nothing was changed.

## Problems in a roster file (/impor, and psm-bot import-roster on the server)

-save-as-csv = in Excel use Save As &gt; CSV UTF-8 (Comma delimited)
roster-problem-name-empty = line { $line }: name is empty
roster-problem-role-unknown = line { $line }: role '{ $role }' is not psm or koordinator
roster-problem-phone-invalid = line { $line }: phone '{ $phone }' is not a valid Indonesian number
roster-problem-phone-repeated = line { $line }: phone already on line { $first }
roster-problem-kecamatan-unknown = line { $line }: unknown kecamatan in '{ $kecamatan }'
roster-problem-kelurahan-unknown = line { $line }: unknown kelurahan '{ $kelurahan }'
roster-problem-psm-without-kelurahan = line { $line }: a PSM needs a kelurahan
roster-problem-coordinator-without-kecamatan = line { $line }: a coordinator needs one or more kecamatan (separate with ;)
roster-problem-formula = line { $line }: name '{ $name }' starts with '{ $char }', which spreadsheets run as a formula; it is imported as typed and exported as text
roster-problem-no-header = line { $line }: the first line must name the columns: { $expected }
roster-problem-unknown-columns = line { $line }: unknown columns { $unknown }; expected { $expected }
roster-problem-control-character = line { $line }: { $column } contains a control character (U+{ $code })
roster-problem-too-long = line { $line }: { $column } is { $length } characters long; at most { $limit } fit
roster-problem-quote-not-closed = line { $line }: a cell is longer than { $limit } characters (a quote not closed?)
roster-problem-not-csv = line { $line }: not valid CSV: { $detail }
roster-problem-workbook-as-csv = line { $line }: this is an Excel workbook, not a CSV file: { -save-as-csv }
roster-problem-broken-utf16 = line { $line }: broken UTF-16 text: { -save-as-csv }
roster-problem-mixed-encodings = line { $line }: byte 0x{ $byte } is not UTF-8, though the text before it is: { -save-as-csv }
roster-problem-not-text = line { $line }: byte 0x{ $byte } is not text in UTF-8, UTF-16 or Windows-1252: { -save-as-csv }
roster-problem-unreadable-workbook = line { $line }: not a readable .xlsx workbook
roster-problem-limit-rows = the file has more than { $limit } rows (empty rows count too); delete the unused rows, or split it into several files
roster-problem-limit-columns = the first sheet uses more than { $limit } columns (A to Z); delete the unused columns, or save it as CSV
roster-problem-limit-cells = the first sheet has more than { $limit } cells; delete unused columns and rows, or save it as CSV
roster-problem-limit-parts = this .xlsx holds too many parts (more than { $limit }); save just the roster sheet as CSV
roster-problem-limit-inflated = this .xlsx unpacks to more than { $limit } MB; save just the roster sheet as CSV
roster-problem-limit-strings = the file holds more than { $limit } different texts; save just the roster sheet as CSV
roster-problem-limit-styles = the cell formats of this file take more than { $limit } MB; save it as CSV
roster-problem-limit-time = reading this file took longer than { $limit } seconds, so it was stopped; save it as CSV or split it
roster-column-name = name
roster-column-phone = phone
roster-column-kelurahan = kelurahan
roster-column-kecamatan = kecamatan
roster-column-role = role

## /profil

profile-summary =
    👤 <b>Your details in PSM Bot</b>
    Name: { $name }
    Phone: { $phone }
    Area: { $place }
    Role: { $role }
    Language: { $language }
profile-ask-menu = What would you like to change?
profile-button-name = ✏️ Change name
profile-button-phone = 📱 Change number
profile-button-move = 📍 Move kelurahan
profile-button-leave = 🚪 Leave
profile-button-done = ✅ Done
profile-ask-name = Type your correct full name.
profile-ask-phone = Tap <b>📱 Share my number</b> below from the Telegram account with your new number.
profile-need-contact = Please tap <b>📱 Share my number</b> below; there is no need to type the number.
profile-ask-kecamatan = Move to which kecamatan?
profile-ask-kelurahan = Move to which kelurahan?
profile-ask-leave = Really leave PSM Bot? Your account is deactivated and you receive no more messages. To come back, contact your coordinator.
profile-button-leave-yes = Yes, leave
profile-button-leave-no = No, stay
profile-command = You are changing your profile. Answer the question above, or type /batal.
profile-closed = Profile closed. Type /profil at any time to see it again.
profile-renamed = ✅ Your name is now { $name }.
profile-move-asked = 📍 Your request to move to Kelurahan { $place } was sent to the coordinator. You will be told the decision here.
profile-left = You have left PSM Bot. Thank you for your service! 🙏
phone-changed = ✅ Your phone number is now { $phone }.
phone-same = That number is already yours here.
phone-taken = This number is registered to another Telegram account. Please contact your coordinator.
