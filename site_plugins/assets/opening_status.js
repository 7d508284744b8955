// "Åpent nå" status of the desk and of the helplines, decided when the page is viewed, not when it
// was built. The build wrote hours.json (next to this script): staffed intervals as UTC instants,
// each with both texts already in Norwegian, so the script only compares instants and picks a text.
// No time zone or date arithmetic happens here, so the device's own zone cannot matter.
// `data-torget-status` with no value is the desk; with a value, the helpline of that key in `lines`.
(function () {
  "use strict";

  var fetchHours = window.torgetJson("hours.json", document.currentScript);
  var hours = null;
  var timer = null;

  function load() {
    return fetchHours().then(function (data) { hours = data; return data; });
  }

  // The first interval that has not ended: open once it has started, else the next opening.
  function statusAt(schedule, now) {
    if (!schedule || now >= Date.parse(schedule.valid_until)) return null;
    for (var i = 0; i < schedule.intervals.length; i += 1) {
      var interval = schedule.intervals[i];
      if (Date.parse(interval.end) > now) {
        var open = Date.parse(interval.start) <= now;
        return { open: open, text: open ? interval.open : interval.closed };
      }
    }
    return { open: false, text: schedule.none_ahead };
  }

  function scheduleOf(key) {
    if (!hours) return null;
    return key ? (hours.lines || {})[key] : hours;
  }

  function show() {
    var now = Date.now();
    document.querySelectorAll("[data-torget-status]").forEach(function (element) {
      var status = statusAt(scheduleOf(element.dataset.torgetStatus), now);
      if (!status) { element.hidden = true; return; }
      element.textContent = status.text;
      element.classList.toggle("torget-status--open", status.open);
      element.classList.toggle("torget-status--closed", !status.open);
      element.hidden = false;
    });
    // Lists of days written at build time: hide days that are over, keep the first N of the rest.
    document.querySelectorAll("[data-torget-ends]").forEach(function (item) {
      item.dataset.torgetPast = Date.parse(item.dataset.torgetEnds) <= now ? "1" : "";
    });
    document.querySelectorAll("[data-torget-upcoming]").forEach(function (list) {
      var room = parseInt(list.dataset.torgetUpcoming, 10);
      list.querySelectorAll("[data-torget-ends]").forEach(function (item) {
        var visible = !item.dataset.torgetPast && room > 0;
        if (visible) room -= 1;
        item.hidden = !visible;
      });
    });
    document.querySelectorAll("[data-torget-ends]").forEach(function (item) {
      if (item.dataset.torgetPast) item.hidden = true;
    });
  }

  function start() {
    if (!document.querySelector("[data-torget-status], [data-torget-ends]")) return;
    load().then(show);
    // A page left open (the kiosk, a phone on the table) turns from "Åpent nå" to "Stengt" by itself.
    if (!timer) timer = window.setInterval(show, 30000);
  }

  document.addEventListener("torget:data", function () { load().then(show); });

  window.torgetOnPage(start);
})();
