## Broadcasts (/siaran): a coordinator's message to PSM, sent through the outbox with a delivery report.

command-siaran = Send a broadcast to PSM (coordinators)

broadcast-not-allowed = Sorry, only active coordinators and admins can send broadcasts.
broadcast-ask-text =
    📢 <b>New broadcast</b>
    Write the message to send, or send a photo with the message as its caption. Type /batal to cancel.
answer-broadcast-short = The message is too short (at least { $min } characters).
answer-broadcast-long = The message is too long ({ $length } characters, at most { $max }). Please shorten it.
answer-broadcast-caption-short = Photo received, but its caption is empty or too short (at least { $min } characters). Send the photo again with the message as its caption.
answer-broadcast-caption-long = With a photo, the message can have at most { $max } characters (now { $length }). Shorten the caption, or send the message as text only.
broadcast-need-text = Please send the message as text, or a photo with a caption.
broadcast-need-button = Please choose one of the buttons.
broadcast-command = Other commands cannot be used while composing a broadcast. Finish it first, or type /batal.
broadcast-resume = You are composing a broadcast. Carry on below, or type /batal to discard it.

broadcast-ask-audience = Who should receive this broadcast?
broadcast-to-all = 👥 All active PSM
broadcast-to-mine = 📍 PSM of Kec. { $names }
broadcast-to-pick = 🗺️ Choose kecamatan
broadcast-to-coordinators = 🧑‍💼 Coordinators and admins only
broadcast-ask-kecamatan = Choose one or more kecamatan, then tap <b>Done</b>.
broadcast-button-done = ✔️ Done
broadcast-refused-forbidden = You can only send broadcasts to the PSM of your own kecamatan.
broadcast-refused-empty = Choose at least one kecamatan.
broadcast-refused-nobody = There is nobody active to receive it yet. Choose kecamatan with active PSM.

# Who receives an announcement or a broadcast, as the preview and the card name them.
audience-all = all active PSM
audience-kecamatan = PSM of Kec. { $names }
audience-coordinators = coordinators and admins
broadcast-preview = 👀 Preview: this is the message people will receive.
broadcast-confirm =
    Send the broadcast above to <b>{ $count ->
        [one] one person
       *[other] { $count } people
    }</b> ({ $audience })?
    Tap <b>Send</b> to send it, or <b>Cancel</b> to discard it.
broadcast-button-send = ✅ Send
broadcast-button-cancel = ❌ Cancel
broadcast-queued = ✅ The broadcast is queued for { $count ->
        [one] one person
       *[other] { $count } people
    } and going out now. You will get a delivery report here when it is done.
broadcast-cancelled = Broadcast cancelled; nothing was sent.

## What recipients and the author receive

broadcast-message =
    📢 <b>Broadcast from { $author }</b>

    { $body }
broadcast-report =
    📊 <b>Broadcast report</b> ({ $created })
    ✅ Delivered: { $sent }
    🚫 Blocked the bot: { $blocked }
    ⚠️ Failed: { $failed }
