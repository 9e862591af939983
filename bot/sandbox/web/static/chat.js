// The sandbox chat page: one persona's private chat with the bot, kept live by server-sent
// events. Everything shown comes from the embedded Bot API server, as the bot asked for it.
"use strict";

// Kota Tangerang's extent, for the location picker (no map tiles can be fetched here).
const MAP = { north: -6.10, south: -6.27, west: 106.57, east: 106.74 };
const CITY_CENTRE = { latitude: -6.178, longitude: 106.63 };

const page = {
  texts: {},
  personas: [],
  commands: [],
  current: null,          // telegram id of the persona being played
  keyboard: null,         // the reply keyboard of the current chat
  keyboardOpen: true,
  unread: {},             // persona id -> bot messages not seen yet
  upload: null,           // {file, kind} waiting in the upload dialog
  replyTo: null,          // message_id the next message replies to (tap a bot message)
  pending: null,          // events of the chat being loaded, replayed once it is shown
  lastError: false,
};

const $ = (id) => document.getElementById(id);
const t = (key) => page.texts[key] || key;

async function api(path, options = {}) {
  const response = await fetch(path, options);
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

function post(path, body) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
}

// ---- start-up and state ------------------------------------------------------------------

async function loadState() {
  for (;;) {
    try {
      const state = await api("/api/state");
      page.texts = state.texts;
      page.personas = state.personas;
      page.commands = state.commands;
      document.documentElement.lang = state.locale;
      applyTexts();
      renderPersonas();
      renderViolations(state.violations);
      if (!page.personas.some((p) => p.id === page.current)) page.current = page.personas[0].id;
      await openChat(page.current);
      return;
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the sandbox is starting
    }
  }
}

function applyTexts() {
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll("[data-placeholder]")) {
    el.placeholder = t(el.dataset.placeholder);
  }
  for (const el of document.querySelectorAll("[data-title]")) {
    el.title = t(el.dataset.title);
    el.setAttribute("aria-label", t(el.dataset.title));
  }
}

function renderPersonas() {
  const nav = $("personas");
  nav.replaceChildren();
  for (const persona of page.personas) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "persona";
    button.dataset.persona = persona.id;
    button.setAttribute("aria-pressed", String(persona.id === page.current));
    const name = document.createElement("span");
    name.className = "persona-name";
    name.textContent = `${persona.name} · ${t("persona-" + persona.key)}`;
    const badge = document.createElement("span");
    badge.className = "badge";
    const unread = page.unread[persona.id] || 0;
    badge.textContent = unread ? String(unread) : "";
    badge.hidden = !unread;
    button.append(name, badge);
    button.addEventListener("click", () => openChat(persona.id));
    nav.append(button);
  }
  const current = page.personas.find((p) => p.id === page.current);
  $("current-persona").textContent = current ? current.name : "";
  const unread = Object.values(page.unread).reduce((sum, n) => sum + n, 0);
  $("unread-total").textContent = unread ? String(unread) : "";
  $("unread-total").hidden = !unread;
}

async function openChat(personaId) {
  page.current = personaId;
  page.unread[personaId] = 0;
  renderPersonas();
  const persona = page.personas.find((p) => p.id === personaId);
  $("who").textContent = persona ? `${persona.name} · ${t("persona-" + persona.key)}` : "";
  page.pending = [];
  let chat;
  try {
    chat = await api(`/api/chats/${personaId}`);
  } catch (error) {
    page.pending = null;
    throw error;
  }
  if (page.current !== personaId) return; // switched again meanwhile
  const missed = page.pending;
  page.pending = null;
  $("messages").replaceChildren();
  $("messages").dataset.chat = personaId;
  replyTo(null);
  for (const message of chat.messages) showMessage(message);
  showStart();
  // On a phone the persona list folds away once someone is chosen, leaving room for the chat.
  if (window.matchMedia("(max-width: 760px)").matches) $("persona-switcher").open = false;
  page.keyboardOpen = true;
  setKeyboard(chat.keyboard);
  for (const event of missed) handle(event);
  scrollDown();
}

// ---- live events ---------------------------------------------------------------------------

function listen() {
  const events = new EventSource("/api/events");
  events.onmessage = (event) => handle(JSON.parse(event.data));
  events.onerror = () => {
    page.lastError = true;
    $("offline").hidden = false;
  };
  events.onopen = () => {
    $("offline").hidden = true;
    if (page.lastError) {
      page.lastError = false;
      loadState(); // events may have been missed while away
    }
  };
}

function handle(event) {
  if (event.type === "reset") {
    page.unread = {};
    loadState();
  } else if (event.type === "violation") {
    addViolation(event.violation);
    showToast(`⚠ ${event.violation.method}: ${event.violation.error}`, true);
  } else if (event.chat_id === page.current && page.pending) {
    page.pending.push(event);
  } else if (event.chat_id !== page.current) {
    const isNew = event.type === "message" && event.message.from.is_bot && !event.message.edit_date;
    if (isNew) {
      page.unread[event.chat_id] = (page.unread[event.chat_id] || 0) + 1;
      renderPersonas();
    }
  } else if (event.type === "message") {
    showMessage(event.message);
    scrollDown();
  } else if (event.type === "deleted") {
    document.querySelector(`[data-message-id="${event.message_id}"]`)?.remove();
  } else if (event.type === "keyboard") {
    page.keyboardOpen = true;
    setKeyboard(event.keyboard);
  } else if (event.type === "toast") {
    if (event.alert) showAlert(event.text);
    else showToast(event.text);
  }
}

// ---- messages ------------------------------------------------------------------------------

function showMessage(message) {
  const element = renderMessage(message);
  const existing = document.querySelector(`[data-message-id="${message.message_id}"]`);
  if (existing) existing.replaceWith(element); // an edit, in place
  else $("messages").append(element);
  showStart();
}

function renderMessage(message) {
  const row = document.createElement("div");
  row.className = `msg ${message.from.is_bot ? "bot" : "user"}`;
  row.dataset.messageId = message.message_id;
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (message.reply_to_message) bubble.append(renderQuote(message.reply_to_message));
  if (message.photo) {
    const img = document.createElement("img");
    img.className = "photo";
    img.alt = "";
    img.src = `/api/files/${encodeURIComponent(message.photo[message.photo.length - 1].file_id)}`;
    bubble.append(img);
  }
  if (message.document) bubble.append(renderDocument(message.document));
  if (message.voice) bubble.append(renderVoice(message.voice));
  if (message.location) {
    bubble.append(card("📍", t("location"),
      `${message.location.latitude.toFixed(5)}, ${message.location.longitude.toFixed(5)}`));
  }
  if (message.contact) {
    bubble.append(card("👤", message.contact.first_name, `+${message.contact.phone_number.replace(/^\+/, "")}`));
  }
  const body = message.text ?? message.caption;
  if (body) {
    const text = document.createElement("div");
    text.className = "text";
    text.append(renderEntities(body, message.entities || message.caption_entities || []));
    bubble.append(text);
  }
  const meta = document.createElement("span");
  meta.className = "meta";
  const time = new Date(message.date * 1000);
  const clock = time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  meta.textContent = message.edit_date ? `${t("edited")} ${clock}` : clock;
  bubble.append(meta);
  row.append(bubble);
  // As on Telegram, a bot message can be replied to: the reply goes to its case.
  if (message.from.is_bot) bubble.addEventListener("click", () => replyTo(message));
  const inline = message.reply_markup && message.reply_markup.inline_keyboard;
  if (inline) row.append(renderInlineKeyboard(message, inline));
  return row;
}

function renderQuote(original) {
  const quote = document.createElement("div");
  quote.className = "quote";
  quote.textContent = (original.text || original.caption || "").slice(0, 120);
  return quote;
}

function renderDocument(documentInfo) {
  const link = document.createElement("a");
  link.className = "card document";
  link.href = `/api/files/${encodeURIComponent(documentInfo.file_id)}`;
  link.download = documentInfo.file_name || "file";
  link.append(cardParts("📄", documentInfo.file_name || "file", `${t("download")} · ${size(documentInfo.file_size)}`));
  return link;
}

function renderVoice(voice) {
  // A voice message plays in the page; the sandbox's own files may be no real audio.
  const element = document.createElement("div");
  element.className = "card voice";
  const seconds = voice.duration || 0;
  const length = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  element.append(cardParts("🎤", length, size(voice.file_size)));
  const audio = document.createElement("audio");
  audio.controls = true;
  audio.preload = "none";
  audio.src = `/api/files/${encodeURIComponent(voice.file_id)}`;
  element.append(audio);
  return element;
}

function card(icon, title, detail) {
  const element = document.createElement("div");
  element.className = "card";
  element.append(cardParts(icon, title, detail));
  return element;
}

function cardParts(icon, title, detail) {
  const fragment = document.createDocumentFragment();
  const iconEl = document.createElement("span");
  iconEl.className = "card-icon";
  iconEl.textContent = icon;
  const words = document.createElement("span");
  const strong = document.createElement("strong");
  strong.textContent = title;
  const small = document.createElement("small");
  small.textContent = detail;
  words.append(strong, small);
  fragment.append(iconEl, words);
  return fragment;
}

function size(bytes) {
  if (!bytes) return "";
  return bytes > 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// Telegram's entities, nested as the HTML the bot sent; offsets are UTF-16, like JS strings.
function renderEntities(text, entities) {
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const fragment = document.createDocumentFragment();
  build(text, 0, text.length, sorted, fragment);
  return fragment;
}

function build(text, start, end, entities, parent) {
  let position = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const stop = entity.offset + entity.length;
    let j = i + 1;
    while (j < entities.length && entities[j].offset < stop) j += 1;
    if (entity.offset > position) parent.append(text.slice(position, entity.offset));
    const element = elementFor(entity);
    build(text, entity.offset, stop, entities.slice(i + 1, j), element);
    parent.append(element);
    position = stop;
    i = j;
  }
  if (position < end) parent.append(text.slice(position, end));
}

const TAGS = {
  bold: "b", italic: "i", underline: "u", strikethrough: "s", code: "code", pre: "pre",
  blockquote: "blockquote", expandable_blockquote: "blockquote",
};

function elementFor(entity) {
  if (entity.type === "bot_command") {
    // As in Telegram: a /command in a message is a link that sends it.
    const command = document.createElement("a");
    command.className = "command";
    command.href = "#";
    command.addEventListener("click", (event) => {
      event.preventDefault();
      sendText(command.textContent);
    });
    return command;
  }
  if (entity.type === "text_link" && /^(https?|tg):/i.test(entity.url || "")) {
    const link = document.createElement("a");
    link.href = entity.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }
  if (entity.type === "spoiler") {
    const spoiler = document.createElement("span");
    spoiler.className = "spoiler";
    spoiler.addEventListener("click", () => spoiler.classList.add("shown"));
    return spoiler;
  }
  return document.createElement(TAGS[entity.type] || "span");
}

function renderInlineKeyboard(message, rows) {
  const keyboard = document.createElement("div");
  keyboard.className = "inline-kb";
  for (const row of rows) {
    const line = document.createElement("div");
    line.className = "kb-row";
    for (const button of row) {
      let element;
      if (button.url) {
        element = document.createElement("a");
        element.href = button.url;
        element.target = "_blank";
        element.rel = "noopener noreferrer";
      } else {
        element = document.createElement("button");
        element.type = "button";
        element.addEventListener("click", () => tap(message.message_id, button.callback_data));
      }
      element.textContent = button.text;
      line.append(element);
    }
    keyboard.append(line);
  }
  return keyboard;
}

async function tap(messageId, data) {
  await act(() => post(`/api/chats/${page.current}/callback`, { message_id: messageId, data }));
}

// ---- the reply keyboard ------------------------------------------------------------------

function setKeyboard(markup) {
  page.keyboard = markup;
  const panel = $("reply-keyboard");
  panel.replaceChildren();
  $("keyboard-toggle").hidden = !markup;
  $("text").placeholder = (markup && markup.input_field_placeholder) || t("message-placeholder");
  if (!markup) {
    panel.hidden = true;
    return;
  }
  for (const row of markup.keyboard) {
    const line = document.createElement("div");
    line.className = "kb-row";
    for (const raw of row) {
      const button = typeof raw === "string" ? { text: raw } : raw;
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.text;
      element.addEventListener("click", () => pressKeyboardButton(button));
      line.append(element);
    }
    panel.append(line);
  }
  panel.hidden = !page.keyboardOpen;
}

async function pressKeyboardButton(button) {
  if (button.request_contact) {
    await act(() => post(`/api/chats/${page.current}/contact`));
  } else if (button.request_location) {
    openLocationPicker();
  } else {
    await act(() => post(`/api/chats/${page.current}/text`, { text: button.text, keyboard: true }));
  }
}

// ---- sending -----------------------------------------------------------------------------

async function act(request) {
  try {
    await request();
    return true;
  } catch (error) {
    showToast(`${t("send-failed")} (${error.message})`, true);
    return false;
  }
}

function replyTo(message) {
  page.replyTo = message ? message.message_id : null;
  $("reply-bar").hidden = !message;
  if (message) {
    $("reply-bar-quote").replaceChildren(renderQuote(message));
    $("text").focus();
  }
}

async function sendTyped(event) {
  event.preventDefault();
  const input = $("text");
  const text = input.value.trim();
  if (!text) return;
  if (await sendText(text, page.replyTo)) {
    input.value = "";
    replyTo(null);
  }
  input.focus();
}

function sendText(text, repliedTo = null) {
  return act(() => post(`/api/chats/${page.current}/text`, { text, reply_to: repliedTo }));
}

// A chat that never started shows Telegram's START button instead of an empty screen.
function showStart() {
  const empty = $("messages").childElementCount === 0;
  $("start").hidden = !empty;
  $("composer").hidden = empty;
}

function toggle(id) {
  const element = $(id);
  const show = element.hidden;
  for (const popup of document.querySelectorAll(".popup")) popup.hidden = true;
  element.hidden = !show;
}

async function showCommands() {
  const menu = $("command-menu");
  if (menu.hidden) {
    // Each persona's own menu, as Telegram would show it: it follows their role and language.
    page.commands = (await api(`/api/chats/${page.current}`)).commands;
  }
  menu.replaceChildren();
  for (const command of page.commands) {
    const item = document.createElement("button");
    item.type = "button";
    const name = document.createElement("strong");
    name.textContent = `/${command.command}`;
    const description = document.createElement("span");
    description.textContent = command.description;
    item.append(name, description);
    item.addEventListener("click", async () => {
      menu.hidden = true;
      await sendText(`/${command.command}`);
    });
    menu.append(item);
  }
  toggle("command-menu");
}

function chooseAttachment(kind) {
  $("attach-menu").hidden = true;
  if (kind === "location") openLocationPicker();
  else $(`${kind}-input`).click();
}

function fileChosen(kind, input) {
  const file = input.files[0];
  input.value = "";
  if (!file) return;
  page.upload = { file, kind };
  const preview = $("upload-preview");
  preview.replaceChildren();
  if (kind === "photo") {
    const img = document.createElement("img");
    img.src = URL.createObjectURL(file);
    img.alt = file.name;
    preview.append(img);
  } else {
    preview.append(card(kind === "voice" ? "🎤" : "📄", file.name, size(file.size)));
  }
  $("caption").value = "";
  $("upload-dialog").showModal();
}

async function sendUpload(event) {
  event.preventDefault();
  const upload = page.upload;
  $("upload-dialog").close();
  if (!upload) return;
  const form = new FormData();
  form.append("kind", upload.kind);
  form.append("caption", $("caption").value);
  form.append("file", upload.file, upload.file.name);
  if (upload.kind === "voice") form.append("duration", await audioSeconds(upload.file));
  if (page.replyTo) form.append("reply_to", String(page.replyTo));
  page.upload = null;
  replyTo(null);
  await act(() => api(`/api/chats/${page.current}/upload`, { method: "POST", body: form }));
}

// An audio file picked through the attach menu goes as a voice message, as the Telegram app
// records one; its length from the browser when it can read it, else the server estimates it.
function audioSeconds(file) {
  return new Promise((resolve) => {
    const audio = new Audio();
    const done = (seconds) => { URL.revokeObjectURL(audio.src); resolve(seconds); };
    audio.addEventListener("loadedmetadata", () => done(Number.isFinite(audio.duration) ? Math.round(audio.duration) : ""));
    audio.addEventListener("error", () => done(""));
    setTimeout(() => done(""), 1500);
    audio.src = URL.createObjectURL(file);
  });
}

// ---- the location picker: Kota Tangerang as a grid, or typed coordinates -------------------

function openLocationPicker() {
  drawMap();
  placeMarker(CITY_CENTRE.latitude, CITY_CENTRE.longitude);
  $("location-dialog").showModal();
}

function drawMap() {
  const svg = $("map");
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const background = document.createElementNS(ns, "rect");
  background.setAttribute("width", "300");
  background.setAttribute("height", "240");
  background.setAttribute("class", "map-land");
  svg.append(background);
  for (let step = 1; step < 6; step += 1) {
    for (const [x1, y1, x2, y2] of [[step * 50, 0, step * 50, 240], [0, step * 40, 300, step * 40]]) {
      const line = document.createElementNS(ns, "line");
      Object.entries({ x1, y1, x2, y2, class: "map-grid" }).forEach(([k, v]) => line.setAttribute(k, v));
      svg.append(line);
    }
  }
  const label = document.createElementNS(ns, "text");
  label.setAttribute("x", "150");
  label.setAttribute("y", "20");
  label.setAttribute("class", "map-label");
  label.textContent = "Kota Tangerang";
  svg.append(label);
  const marker = document.createElementNS(ns, "text");
  marker.setAttribute("id", "marker");
  marker.setAttribute("class", "map-marker");
  marker.textContent = "📍";
  svg.append(marker);
}

function placeMarker(latitude, longitude) {
  $("latitude").value = latitude.toFixed(5);
  $("longitude").value = longitude.toFixed(5);
  moveMarker(latitude, longitude);
}

function moveMarker(latitude, longitude) {
  const x = ((longitude - MAP.west) / (MAP.east - MAP.west)) * 300;
  const y = ((MAP.north - latitude) / (MAP.north - MAP.south)) * 240;
  const marker = $("marker");
  if (marker) {
    marker.setAttribute("x", String(x));
    marker.setAttribute("y", String(y));
  }
}

function mapClicked(event) {
  const box = $("map").getBoundingClientRect();
  const x = (event.clientX - box.left) / box.width;
  const y = (event.clientY - box.top) / box.height;
  placeMarker(MAP.north - y * (MAP.north - MAP.south), MAP.west + x * (MAP.east - MAP.west));
}

async function sendLocation(event) {
  event.preventDefault();
  const latitude = Number($("latitude").value);
  const longitude = Number($("longitude").value);
  $("location-dialog").close();
  await act(() => post(`/api/chats/${page.current}/location`, { latitude, longitude }));
}

// ---- toasts, alerts, violations, reset ------------------------------------------------------

let toastTimer = null;

function showToast(text, warning = false) {
  const toast = $("toast");
  toast.textContent = text;
  toast.classList.toggle("warning", warning);
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { toast.hidden = true; }, warning ? 6000 : 2500);
}

function showAlert(text) {
  $("alert-text").textContent = text;
  $("alert-dialog").showModal();
}

function renderViolations(violations) {
  $("violation-list").replaceChildren();
  for (const violation of violations) addViolation(violation);
  updateViolationCount();
}

function addViolation(violation) {
  const item = document.createElement("li");
  const head = document.createElement("strong");
  head.textContent = `${violation.time} ${violation.method}: ${violation.error}`;
  const params = document.createElement("code");
  params.textContent = violation.params;
  item.append(head, params);
  $("violation-list").append(item);
  updateViolationCount();
}

function updateViolationCount() {
  const count = $("violation-list").children.length;
  $("violation-count").textContent = String(count);
  $("violations").classList.toggle("has-violations", count > 0);
  $("violations-none").hidden = count > 0;
  if (count) $("violations").open = true;
}

async function reset() {
  if (!window.confirm(t("reset-confirm"))) return;
  showToast(t("resetting"));
  $("messages").replaceChildren();
  await act(() => post("/api/reset"));
}

function scrollDown() {
  const messages = $("messages");
  messages.scrollTop = messages.scrollHeight;
}

// ---- wiring --------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("composer").addEventListener("submit", sendTyped);
  $("reply-bar-cancel").addEventListener("click", () => replyTo(null));
  $("menu-button").addEventListener("click", showCommands);
  $("attach-button").addEventListener("click", () => toggle("attach-menu"));
  for (const button of document.querySelectorAll("[data-attach]")) {
    button.addEventListener("click", () => chooseAttachment(button.dataset.attach));
  }
  $("photo-input").addEventListener("change", (e) => fileChosen("photo", e.target));
  $("document-input").addEventListener("change", (e) => fileChosen("document", e.target));
  $("voice-input").addEventListener("change", (e) => fileChosen("voice", e.target));
  $("upload-form").addEventListener("submit", sendUpload);
  $("location-form").addEventListener("submit", sendLocation);
  $("map").addEventListener("click", mapClicked);
  for (const id of ["latitude", "longitude"]) {
    $(id).addEventListener("input", () => moveMarker(Number($("latitude").value), Number($("longitude").value)));
  }
  for (const button of document.querySelectorAll("[data-close]")) {
    button.addEventListener("click", () => button.closest("dialog").close());
  }
  $("keyboard-toggle").addEventListener("click", () => {
    page.keyboardOpen = !page.keyboardOpen;
    $("reply-keyboard").hidden = !page.keyboardOpen;
  });
  $("reset").addEventListener("click", reset);
  $("start").addEventListener("click", () => sendText("/start"));
  $("tour-close").addEventListener("click", () => {
    $("tour").hidden = true;
    localStorage.setItem("tour-seen", "1");
  });
  $("tour").hidden = localStorage.getItem("tour-seen") === "1";
  listen();
  loadState();
});
