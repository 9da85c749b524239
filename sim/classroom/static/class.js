// Red Lines class pages: post forms without leaving the page, and redraw the live part whenever the
// server says this table changed (a websocket), with a slow poll as a fallback. No external code.
"use strict";
(function () {
  const live = document.getElementById("live");
  if (!live) return;
  const errorBox = document.getElementById("error");
  let busy = false, again = false;

  function version() {
    const status = live.querySelector(".status");
    return status ? status.dataset.version : "";
  }

  function editing() {
    // Never redraw under a student's hands: a half-edited counter-proposal would be lost.
    const active = document.activeElement;
    return active && live.contains(active) && active.tagName === "SELECT" && active.closest("form.counter") !== null;
  }

  async function refresh() {
    if (busy) { again = true; return; }
    if (editing()) { setTimeout(refresh, 700); return; }
    busy = true;
    try {
      const response = await fetch(live.dataset.view, {cache: "no-store", credentials: "same-origin"});
      if (response.status === 404 || response.status === 403) { location.reload(); return; }
      if (response.ok) {
        const html = await response.text();
        if (!editing()) live.innerHTML = html;
        document.body.dataset.version = version();
      }
    } catch (e) { /* the server is restarting: the next poll will catch up */ }
    finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }

  // A term of the draft is set as soon as it is chosen (the Set button is for pages without script).
  live.addEventListener("change", function (event) {
    const select = event.target;
    if (select.matches("form.term select")) send(select.form, null);
  });

  live.addEventListener("submit", function (event) {
    event.preventDefault();
    send(event.target, event.submitter);
  });

  async function send(form, submitter) {
    const data = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) data.set(submitter.name, submitter.value);
    try {
      const response = await fetch(form.action, {method: "POST", body: data, credentials: "same-origin",
                                                 headers: {"Accept": "application/json"}});
      const answer = await response.json();
      if (errorBox) errorBox.textContent = answer.error || "";
    } catch (e) {
      if (errorBox) errorBox.textContent = "The server did not answer: try again in a moment.";
    }
    refresh();
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + live.dataset.ws);
    socket.onmessage = function () { refresh(); };
    socket.onclose = function () { setTimeout(connect, 1000); };
  }
  document.body.dataset.version = version();
  connect();
  setInterval(refresh, 10000);
})();
