// The host's timeline: one row per table, the day's bookings as boxes, the bookings without a table beside it.
// Plain JavaScript on the service's own REST API (src/docs/host-operations.md, "The host's timeline"); no third-party code.
"use strict";

const KEY = "tablesolver.apiKey";
const state = { restaurant: null, date: null, plan: null, bookings: [], reasons: {}, changed: new Set(),
  feedAfter: 0, feedTimer: null, start: 11 * 60, end: 23 * 60 };
const $ = (id) => document.getElementById(id);

function say(text, error) {
  $("status").textContent = text;
  $("status").classList.toggle("error", !!error);
}

function askKey() {
  return new Promise((resolve) => {
    const dialog = $("key-dialog");
    $("key-form").onsubmit = () => {
      sessionStorage.setItem(KEY, $("key-input").value.trim());
      $("key-input").value = "";
      resolve();
    };
    if (!dialog.open) dialog.showModal();
  });
}

async function api(method, path, body, contentType) {
  if (!sessionStorage.getItem(KEY)) await askKey();
  const headers = { "Authorization": "Bearer " + sessionStorage.getItem(KEY) };
  if (body !== undefined) headers["Content-Type"] = contentType || "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    say("The API key was refused; enter another.", true);
    await askKey();
    return api(method, path, body, contentType);
  }
  return { status: response.status, ok: response.ok, json };
}

const minutes = (iso) => { const t = iso.substring(11, 16).split(":"); return (+t[0]) * 60 + (+t[1]); };
const dayMinutes = (booking) => minutes(booking.start) + (booking.start.substring(0, 10) > state.date ? 24 * 60 : 0);
const x = (m) => ((m - state.start) / 60) * parseFloat(getComputedStyle(document.documentElement)
  .getPropertyValue("--hour"));
const hhmm = (m) => String(Math.floor(m / 60) % 24).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0");

async function loadRestaurants() {
  const list = await api("GET", "/api/restaurants");
  const select = $("restaurant");
  select.innerHTML = "";
  for (const r of list.json || []) {
    const option = document.createElement("option");
    option.value = r.id;
    option.textContent = r.name + " (" + r.id + ")";
    select.appendChild(option);
  }
}

async function openDay() {
  state.restaurant = $("restaurant").value;
  state.date = $("date").value;
  if (!state.restaurant || !state.date) return;
  history.replaceState(null, "", "/?restaurant=" + encodeURIComponent(state.restaurant) + "&date=" + state.date);
  const plan = await api("GET", "/api/restaurants/" + encodeURIComponent(state.restaurant));
  if (!plan.ok) { say(plan.json ? plan.json.detail : "Cannot open the restaurant.", true); return; }
  state.plan = plan.json;
  state.reasons = {};
  state.changed = new Set();
  await lastSolveReasons();
  await refresh();
  await followFeed(true);
}

// The reasons of the day's last committed solve, while the service still holds its full result.
async function lastSolveReasons() {
  const runs = await api("GET", "/api/solves?restaurantId=" + encodeURIComponent(state.restaurant) + "&date="
    + state.date + "&limit=1");
  if (!runs.ok || !runs.json.length || runs.json[0].status !== "COMMITTED") return;
  const solve = await api("GET", "/api/solves/" + runs.json[0].solveId);
  for (const u of (solve.ok && solve.json.unseatedBookings) || []) state.reasons[u.bookingId] = u.reason;
}

async function refresh() {
  const day = await api("GET", "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/days/" + state.date + "/plan");
  if (!day.ok) { say(day.json ? day.json.detail : "Cannot read the day.", true); return; }
  state.bookings = day.json.bookings;
  render();
}

function render() {
  const plan = state.plan;
  let first = 24 * 60, last = 0;
  for (const b of state.bookings) {
    first = Math.min(first, dayMinutes(b));
    last = Math.max(last, dayMinutes(b) + b.durationMinutes + plan.turnoverBufferMinutes);
  }
  state.start = Math.min(11 * 60, Math.floor(first / 60) * 60);
  state.end = Math.max(23 * 60, Math.ceil(last / 60) * 60);
  const timeline = $("timeline");
  timeline.innerHTML = "";
  const label = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--label"));
  const width = label + x(state.end) + 10;
  const hours = document.createElement("div");
  hours.className = "hours";
  hours.style.width = width + "px";
  for (let m = state.start; m <= state.end; m += 60) {
    const span = document.createElement("span");
    span.style.left = (label + x(m)) + "px";
    span.textContent = hhmm(m);
    hours.appendChild(span);
  }
  timeline.appendChild(hours);
  const zoneOf = {};
  plan.tables.forEach((t) => { zoneOf[t.id] = t.zone; });
  for (const zone of plan.zones) {
    const tables = plan.tables.filter((t) => t.zone === zone.id);
    if (!tables.length) continue;
    const heading = document.createElement("div");
    heading.className = "zone";
    heading.textContent = zone.name;
    timeline.appendChild(heading);
    for (const table of tables) {
      const row = document.createElement("div");
      row.className = "row";
      row.dataset.tableId = table.id;
      row.style.width = width + "px";
      row.innerHTML = "<span class='label'></span>";
      row.firstChild.textContent = table.id + " · " + table.minCapacity + "-" + table.maxCapacity
        + (table.inService === false ? " (out)" : "");
      row.addEventListener("dragover", (e) => { e.preventDefault(); row.classList.add("drop"); });
      row.addEventListener("dragleave", () => row.classList.remove("drop"));
      row.addEventListener("drop", (e) => drop(e, row, label));
      for (const b of state.bookings.filter((b) => b.tables.includes(table.id))) {
        row.appendChild(box(b, label, zoneOf));
      }
      timeline.appendChild(row);
    }
  }
  const unseated = $("unseated");
  unseated.innerHTML = "";
  for (const b of state.bookings.filter((b) => b.tables.length === 0 && (b.status === "PENDING"))) {
    const li = document.createElement("li");
    li.dataset.unseatedId = b.id;
    li.tabIndex = 0;
    li.textContent = hhmm(dayMinutes(b)) + " · party of " + b.partySize + " · " + (b.guestName || b.id);
    const reason = document.createElement("span");
    reason.className = "reason";
    reason.textContent = state.reasons[b.id] || "Not seated yet: Solve looks for a table.";
    li.appendChild(reason);
    li.addEventListener("click", () => details(b));
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") details(b); });
    unseated.appendChild(li);
  }
  if (!unseated.children.length) unseated.innerHTML = "<li>None.</li>";
}

function box(b, label, zoneOf) {
  const start = dayMinutes(b);
  const el = document.createElement("div");
  el.className = "booking status-" + b.status + (state.changed.has(b.id) ? " changed" : "");
  el.dataset.bookingId = b.id;
  el.tabIndex = 0;
  el.draggable = b.status === "PENDING" || b.status === "CONFIRMED" || b.status === "SEATED";
  el.style.left = (label + x(start)) + "px";
  el.style.width = Math.max(8, x(start + b.durationMinutes) - x(start)) + "px";
  const missed = b.preferredZone && b.tables.some((t) => zoneOf[t] !== b.preferredZone);
  el.title = b.id + " " + b.status + " " + hhmm(start) + "-" + hhmm(start + b.durationMinutes) + ", party of "
    + b.partySize + (b.pinned ? ", pinned" : "") + (missed ? ", not in the preferred zone " + b.preferredZone : "");
  el.setAttribute("aria-label", el.title);
  el.textContent = (b.pinned ? "🔒 " : "") + b.partySize + " · " + (b.guestName || b.id);
  if (missed) {
    const mark = document.createElement("span");
    mark.className = "missed";
    mark.textContent = " ★";
    el.appendChild(mark);
  }
  const buffer = document.createElement("div");
  buffer.className = "buffer";
  buffer.style.left = "100%";
  buffer.style.width = (x(start + b.durationMinutes + state.plan.turnoverBufferMinutes) - x(start + b.durationMinutes)) + "px";
  el.appendChild(buffer);
  el.style.overflow = "visible";
  el.addEventListener("dragstart", (e) => { e.dataTransfer.setData("text/plain", b.id); });
  el.addEventListener("click", () => details(b));
  el.addEventListener("keydown", (e) => { if (e.key === "Enter") details(b); });
  return el;
}

async function drop(e, row, label) {
  e.preventDefault();
  row.classList.remove("drop");
  const id = e.dataTransfer.getData("text/plain");
  const b = state.bookings.find((b) => b.id === id);
  if (!b) return;
  const left = e.clientX - row.getBoundingClientRect().left - label;
  const hour = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--hour"));
  const start = Math.round((state.start + (left / hour) * 60) / 15) * 15;
  if (Math.abs(start - dayMinutes(b)) >= 15 && !b.tables.includes(row.dataset.tableId)) {
    await act("PATCH", b, "", { start: b.start.substring(0, 11) + hhmm(start) + ":00" }, "application/merge-patch+json");
  }
  if (!b.tables.includes(row.dataset.tableId)) {
    await act("PUT", b, "/seating", { seating: row.dataset.tableId });
  } else if (Math.abs(start - dayMinutes(b)) >= 15) {
    await act("PATCH", b, "", { start: b.start.substring(0, 11) + hhmm(start) + ":00" }, "application/merge-patch+json");
  }
}

async function act(method, b, suffix, body, contentType) {
  const path = "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/bookings/" + encodeURIComponent(b.id) + suffix;
  const result = await api(method, path, body, contentType);
  if (result.ok) {
    const moved = result.json && result.json.moved ? result.json.moved.map((m) => m.bookingId) : [];
    state.changed = new Set([b.id, ...moved]);
    say("Booking " + b.id + ": " + (result.json ? result.json.status : "done")
      + (moved.length ? " (moved: " + moved.join(", ") + ")" : "") + ".");
  } else {
    say("Refused: " + (result.json ? result.json.detail : result.status), true);
  }
  await refresh();
  return result;
}

function details(b) {
  const panel = $("details");
  panel.hidden = false;
  panel.innerHTML = "";
  const h = document.createElement("h3");
  h.textContent = (b.guestName || b.id) + " · party of " + b.partySize;
  panel.appendChild(h);
  const p = document.createElement("p");
  p.textContent = b.status + ", " + hhmm(dayMinutes(b)) + " for " + b.durationMinutes + " min"
    + (b.tables.length ? ", at " + b.seating : ", no table") + (b.pinned ? ", pinned" : "")
    + (b.notes ? ". " + b.notes : "");
  panel.appendChild(p);
  const buttons = document.createElement("div");
  buttons.className = "buttons";
  const add = (text, handler, id) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.id = id;
    button.addEventListener("click", handler);
    buttons.appendChild(button);
  };
  if (b.status === "CONFIRMED") add("Seat", () => act("POST", b, "/seat"), "action-seat");
  if (b.status === "SEATED") add("Complete", () => act("POST", b, "/complete"), "action-complete");
  if (b.status === "CONFIRMED") add("No-show", () => act("POST", b, "/no-show"), "action-no-show");
  if (b.status === "PENDING" || b.status === "CONFIRMED") add("Cancel", () => act("DELETE", b, ""), "action-cancel");
  if (b.tables.length) add(b.pinned ? "Unpin" : "Pin", () => act("PUT", b, "/seating",
    { seating: b.seating, pinned: !b.pinned }), "action-pin");
  const select = document.createElement("select");
  select.id = "move-target";
  select.setAttribute("aria-label", "Table or combination");
  for (const t of state.plan.tables) select.add(new Option(t.id, t.id));
  for (const c of state.plan.combinations || []) select.add(new Option(c.id + " (" + c.tables.join("+") + ")", c.id));
  buttons.appendChild(select);
  add("Seat here", () => act("PUT", b, "/seating", { seating: select.value }), "action-move");
  add("Seat here, moving others", () => act("PUT", b, "/seating", { seating: select.value, moveOthers: true }),
    "action-move-others");
  panel.appendChild(buttons);
}

async function solve(mode) {
  const started = await api("POST", "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/days/" + state.date
    + "/solve?wait=false", { mode });
  if (!started.ok) { say("Refused: " + (started.json ? started.json.detail : started.status), true); return; }
  let view = started.json;
  while (view.status === "QUEUED" || view.status === "SOLVING") {
    say(view.status + " " + ((view.solveMillis || 0) / 1000).toFixed(1) + " s" + (view.seated != null ? ", seated so far " + view.seated : "") + (view.score ? ", best " + view.score : ""));
    await new Promise((r) => setTimeout(r, 400));
    view = (await api("GET", "/api/solves/" + view.solveId)).json;
  }
  if (view.status !== "COMMITTED") { say("Solve " + view.status + ": " + view.error, true); return; }
  state.reasons = {};
  for (const u of view.unseatedBookings || []) state.reasons[u.bookingId] = u.reason;
  state.changed = new Set((view.assignments || []).filter((a) => a.change !== "UNCHANGED").map((a) => a.bookingId));
  say("Committed: " + view.seated + " seated, " + view.unseated + " without a table"
    + (view.proven ? " (proven optimal)" : view.gap != null ? " (within " + view.gap.toFixed(2) + "% of the best)" : "")
    + "; " + state.changed.size + " changed.");
  await refresh();
}

async function availability() {
  const party = $("strip-party").value;
  const base = "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/days/" + state.date
    + "/availability?partySize=" + party + "&from=" + hhmm(Math.max(state.start, 6 * 60)) + "&to=" + hhmm(Math.min(state.end, 23 * 60 + 45));
  let result = await api("GET", base);
  if (!result.ok && result.json && result.json.field === "durationMinutes") result = await api("GET", base + "&durationMinutes=90");
  const strip = $("strip");
  strip.innerHTML = "";
  if (!result.ok) { say("Availability: " + result.json.detail, true); return; }
  for (const slot of result.json.slots) {
    const span = document.createElement("span");
    span.className = slot.available ? "yes" : "no";
    span.textContent = slot.start.substring(11, 16);
    span.title = slot.available ? "available" : slot.reason;
    strip.appendChild(span);
  }
}

async function walkIn() {
  const party = prompt("Walk-in: party size", "2");
  if (!party) return;
  const duration = prompt("How long will they stay (minutes)?", "60");
  const result = await api("POST", "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/walk-ins",
    { partySize: +party, durationMinutes: duration ? +duration : undefined });
  if (result.ok) say("Walk-in seated at " + result.json.seating + ".");
  else say("Walk-in: " + result.json.detail, true);
  await refresh();
}

// Follows the restaurant's change feed, so what other clients and solves change shows within seconds.
async function followFeed(reset) {
  if (reset) {
    clearTimeout(state.feedTimer);
    state.feedAfter = 0;
    for (;;) {
      const page = await api("GET", "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/changes?after="
        + state.feedAfter + "&limit=1000");
      if (!page.ok || page.json.changes.length === 0) break;
      state.feedAfter = page.json.next;
    }
  } else {
    const page = await api("GET", "/api/restaurants/" + encodeURIComponent(state.restaurant) + "/changes?after="
      + state.feedAfter + "&limit=1000");
    if (page.ok && page.json.changes.length) {
      state.feedAfter = page.json.next;
      await refresh();
    }
  }
  state.feedTimer = setTimeout(() => followFeed(false), 2000);
}

async function start() {
  $("day-form").addEventListener("submit", (e) => { e.preventDefault(); openDay(); });
  $("solve").addEventListener("click", () => solve("PENDING_ONLY"));
  $("reoptimize").addEventListener("click", () => solve("REOPTIMIZE"));
  $("availability").addEventListener("click", availability);
  $("walk-in").addEventListener("click", walkIn);
  $("forget-key").addEventListener("click", async () => { sessionStorage.removeItem(KEY); await askKey(); });
  const params = new URLSearchParams(location.search);
  const today = new Date().toISOString().substring(0, 10);
  $("date").value = params.get("date") || today;
  await loadRestaurants();
  if (params.get("restaurant")) $("restaurant").value = params.get("restaurant");
  if (!params.get("date") && $("restaurant").value) {
    // no date asked for: the first day from today that has bookings (the demo day on a fresh start)
    const next = await api("GET", "/api/restaurants/" + encodeURIComponent($("restaurant").value)
      + "/bookings?from=" + today + "&limit=1");
    if (next.ok && next.json.bookings.length) $("date").value = next.json.bookings[0].date;
  }
  await openDay();
}

start();
