"use strict";
let designs = [], current = null, timer = null, latest = 0, polling = null;
const $ = s => document.querySelector(s);
function el(tag, attrs, text) { const e = document.createElement(tag); for (const k in attrs || {}) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; }
function format(value, unit) {
  if (value === null || value === undefined || typeof value === "string") return "n/a";
  if (unit === "fraction") return (100 * value).toFixed(1) + "%";
  if (unit.startsWith("£")) return (value < 0 ? "−£" : "£") + Math.round(Math.abs(value)).toLocaleString("en-GB");
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-GB") : value.toPrecision(3);
}
function signed(value, unit) { const text = format(value, unit); return value > 0 ? "+" + text : text; }
function controls() {
  const c = { design: Number($("#design").value), replications: Number($("#replications").value), people: {}, vacant: {}, demand: {}, demandScope: {}, phoneHours: {}, shocksOff: [] };
  document.querySelectorAll("[data-people]").forEach(i => { if (i.value !== i.defaultValue) c.people[i.dataset.people] = Number(i.value); });
  document.querySelectorAll("[data-vacant]").forEach(i => { if (i.value !== i.defaultValue) c.vacant[i.dataset.vacant] = Number(i.value); });
  document.querySelectorAll("[data-demand]").forEach(i => { if (Number(i.value) !== 0) c.demand[i.dataset.demand] = Number(i.value); });
  for (const s of current.sources) { const scope = scopeOf(s); if (scope) c.demandScope[s.name] = scope; }
  document.querySelectorAll("[data-phone]").forEach(i => { if (i.value !== i.defaultValue) c.phoneHours[i.dataset.phone] = i.value; });
  document.querySelectorAll("[data-shock]").forEach(i => { if (!i.checked) c.shocksOff.push(i.dataset.shock); });
  const f = $("#fatigue").value; if (f !== (current.fatigue ? "file" : "off")) c.fatigue = f;
  return c;
}
// The ratings and channels ticked for a source, or null when all are (the cut falls on every contact).
function scopeOf(s) {
  const ticked = kind => Array.from(document.querySelectorAll('[data-scope-source="' + s.name + '"][data-scope-kind="' + kind + '"]')).filter(i => i.checked).map(i => i.dataset.scopeName);
  const ratings = ticked("rating"), channels = ticked("channel");
  const all = ratings.length === Object.keys(s.ratings).length && channels.length === Object.keys(s.channels).length;
  if (all) return null;
  const scope = {};
  if (ratings.length !== Object.keys(s.ratings).length) scope.ratings = ratings;
  if (channels.length !== Object.keys(s.channels).length) scope.channels = channels;
  return scope;
}
// Says beside each changed source which of its contacts the change falls on.
function describeApplies() {
  for (const s of current.sources) {
    const input = document.getElementById("demand-" + s.name), note = document.getElementById("applies-" + s.name);
    const change = Number(input.value), scope = scopeOf(s), words = s.name.replace(/_/g, " ");
    if (change === 0) { note.textContent = ""; continue; }
    if (!scope) { note.textContent = change + "% of every " + words + " contact"; continue; }
    const share = (scope.ratings || Object.keys(s.ratings)).reduce((a, r) => a + s.ratings[r], 0) * (scope.channels || Object.keys(s.channels)).reduce((a, c) => a + s.channels[c], 0);
    const of = [(scope.ratings || []).join(" and "), (scope.channels || []).map(c => "by " + c.replace(/_/g, " ")).join(" or ")].filter(x => x).join(" ");
    note.textContent = change + "% of all " + words + " contacts, all of them " + of + " (" + Math.round(100 * share) + "% of " + words + " contacts, so " + Math.round(-change / share) + "% of those stop)";
  }
}
function build() {
  current = designs[Number($("#design").value)];
  $("#design-name").textContent = "— " + current.name;
  const teams = $("#teams"); teams.querySelectorAll("label,.error").forEach(e => e.remove());
  for (const t of current.teams) {
    const l = el("label", {}, t.role + " (" + t.id + ")"); const i = el("input", { type: "number", min: "0", max: "10000", value: String(t.people), id: "people-" + t.id, "data-people": t.id });
    l.appendChild(i); teams.appendChild(l); teams.appendChild(el("span", { class: "error", "data-error-for": "people." + t.id }));
    if (t.vacant !== null && t.vacant !== undefined) {
      const v = el("label", {}, "… of which vacant"); v.appendChild(el("input", { type: "number", min: "0", max: "10000", value: String(t.vacant), id: "vacant-" + t.id, "data-vacant": t.id }));
      teams.appendChild(v); teams.appendChild(el("span", { class: "error", "data-error-for": "vacant." + t.id }));
    }
  }
  const demand = $("#demand"); demand.querySelectorAll("label,.error,details,.applies").forEach(e => e.remove());
  for (const s of current.sources) {
    const l = el("label", {}, s.name.replace(/_/g, " ")); l.appendChild(el("input", { type: "number", min: "-100", max: "1000", step: "5", value: "0", id: "demand-" + s.name, "data-demand": s.name }));
    demand.appendChild(l);
    // Which of the source's contacts a cut falls on: every one, unless some are unticked.
    const d = el("details", {}); d.appendChild(el("summary", {}, "which contacts"));
    for (const [kind, shares] of [["rating", s.ratings], ["channel", s.channels]]) {
      for (const name of Object.keys(shares).sort()) {
        const c = el("label", {}, name.replace(/_/g, " ") + " (" + Math.round(100 * shares[name]) + "%)");
        c.appendChild(el("input", { type: "checkbox", checked: "", "data-scope-source": s.name, "data-scope-kind": kind, "data-scope-name": name }));
        d.appendChild(c);
      }
    }
    demand.appendChild(d);
    demand.appendChild(el("span", { class: "applies", id: "applies-" + s.name }));
    demand.appendChild(el("span", { class: "error", "data-error-for": "demand." + s.name }));
  }
  demand.appendChild(el("span", { class: "error", "data-error-for": "demand" }));
  const phones = $("#phones"); phones.querySelectorAll("label,.error,p").forEach(e => e.remove());
  if (current.phoneLines.length === 0) phones.appendChild(el("p", {}, "This design has no phone line."));
  for (const p of current.phoneLines) {
    const l = el("label", {}, p.stage.replace(/_/g, " ")); l.appendChild(el("input", { type: "text", value: p.weekdayHours, id: "phone-" + p.stage, "data-phone": p.stage }));
    phones.appendChild(l); phones.appendChild(el("span", { class: "error", "data-error-for": "phone." + p.stage }));
  }
  const shocks = $("#shocks"); shocks.querySelectorAll("label,p").forEach(e => e.remove());
  if (current.shocks.length === 0) shocks.appendChild(el("p", {}, "This design has no named shock."));
  for (const s of current.shocks) { const l = el("label", {}, s); l.appendChild(el("input", { type: "checkbox", checked: "", id: "shock-" + s, "data-shock": s })); shocks.appendChild(l); }
  $("#fatigue").value = current.fatigue ? "file" : "off";
  document.querySelectorAll("#controls input, #controls select").forEach(i => { if (i.id !== "design") i.oninput = schedule; });
  schedule();
}
function schedule() { describeApplies(); clearTimeout(timer); timer = setTimeout(run, 250); }
function clearErrors() { document.querySelectorAll("[data-error-for]").forEach(e => e.textContent = ""); }
function showError(problem) {
  const target = document.querySelector('[data-error-for="' + problem.control + '"]') || $("#status");
  target.textContent = problem.message; $("#status").textContent = "Not run: " + problem.message; $("#status").dataset.state = "error";
}
// A request that got no answer at all (the server stopped, or the connection dropped) says so,
// instead of leaving the page "Running…" for ever.
function lostTouch(error) {
  clearInterval(polling);
  $("#status").textContent = "Not run: no answer from frontdoor serve (" + error.message + "). Is it still running?"; $("#status").dataset.state = "error";
}
const guarded = action => () => action().catch(lostTouch);
async function run() {
  const id = ++latest; clearErrors();
  $("#status").textContent = "Running…"; $("#status").dataset.state = "running";
  clearInterval(polling);
  polling = setInterval(() => fetch("/api/progress").then(r => r.json()).then(p => { if (id === latest && p.expected > 0) $("#status").textContent = "Running… " + p.done + " of " + p.expected + " replications"; }, () => {}), 300);
  let response, body;
  try {
    response = await fetch("/api/run", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(controls()) });
    if (id !== latest) return;
    clearInterval(polling);
    if (response.status === 409) return;
    body = await response.json();
  } catch (error) { if (id === latest) lostTouch(error); return; }
  if (!response.ok) { showError(body); return; }
  render(body);
  $("#status").textContent = "Ready: " + body.replications + " replications each, the same contacts for both."; $("#status").dataset.state = "ready";
}
function render(r) {
  const tbody = $("#figures tbody"); tbody.textContent = "";
  for (const row of r.rows) {
    const tr = el("tr", { "data-measure": row.name, "data-start": String(row.start.mean), "data-whatif": String(row.whatIf.mean) });
    tr.appendChild(el("td", {}, row.label));
    const withInterval = v => format(v.mean, row.unit) + (v.low === v.high ? "" : " (" + format(v.low, row.unit) + " to " + format(v.high, row.unit) + ")");
    tr.appendChild(el("td", {}, withInterval(row.start)));
    tr.appendChild(el("td", {}, withInterval(row.whatIf)));
    const same = row.difference.low <= 0 && row.difference.high >= 0;
    tr.appendChild(el("td", same ? {} : { class: "changed" }, same && row.difference.mean === 0 ? "no change" :
      signed(row.difference.mean, row.unit) + " (" + signed(row.difference.low, row.unit) + " to " + signed(row.difference.high, row.unit) + ")"));
    tbody.appendChild(tr);
  }
  chart(r.backlog);
  const w = $("#warnings"); w.textContent = ""; for (const text of r.warnings) w.appendChild(el("li", { class: "warning" }, text));
}
function chart(b) {
  const points = b.dates.map((d, i) => [i, b.start[i], b.whatIf[i]]).filter(p => p[1] !== null && p[2] !== null);
  if (points.length < 2) { $("#chart").textContent = "No working days measured."; return; }
  const W = 640, H = 220, max = Math.max(1, ...points.map(p => Math.max(p[1], p[2])));
  const x = i => 40 + (W - 50) * (i - points[0][0]) / (points[points.length - 1][0] - points[0][0]), y = v => H - 20 - (H - 30) * v / max;
  const line = k => points.map(p => x(p[0]).toFixed(1) + "," + y(p[k]).toFixed(1)).join(" ");
  $("#chart").innerHTML = '<svg viewBox="0 0 ' + W + ' ' + H + '" width="100%" role="img" aria-label="backlog through the year">'
    + '<polyline fill="none" stroke="#888" stroke-width="1.5" points="' + line(1) + '"/>'
    + '<polyline fill="none" stroke="#e63946" stroke-width="1.5" points="' + line(2) + '"/>'
    + '<text x="40" y="12">0 to ' + Math.round(max) + ' contacts; grey: as it is, red: what if</text></svg>';
}
$("#save").onclick = guarded(async () => {
  const response = await fetch("/api/save", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(controls()) });
  const body = await response.json();
  if (!response.ok) { showError(body); return; }
  $("#saved").textContent = ""; $("#saved").appendChild(el("p", { id: "saved-path" }, body.path));
});
$("#report").onclick = guarded(async () => {
  const response = await fetch("/api/report", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(controls()) });
  if (!response.ok) { if (response.status !== 409) showError(await response.json()); return; }
  const a = el("a", { href: URL.createObjectURL(await response.blob()), download: "report.html" }); document.body.appendChild(a); a.click(); a.remove();
});
guarded(async () => {
  const described = await (await fetch("/api/designs")).json();
  designs = described.designs;
  $("#replications").value = String(described.replications);
  designs.forEach((d, i) => $("#design").appendChild(el("option", { value: String(i) }, d.name)));
  $("#design").onchange = build;
  build();
})();
