// «I dag på torget»: which organisations' volunteers are at the desk, decided when the page is
// viewed, not when it was built. The build wrote shifts.json (next to this script): the staffed
// days as UTC instants, each with its two texts already made, as parts with site-relative links.
// The script only compares instants and picks: the first day whose staffing has not ended gives
// `today` once the day has begun, and `ahead` before. No dates are computed here.
(function () {
  "use strict";

  var script = document.currentScript;
  var here = script ? script.src : window.location.href;
  var fetchPlan = window.torgetJson("shifts.json", script);
  var root = new URL("../../", here).href; // the script lives in assets/torget/
  var plan = null;
  var timer = null;

  function load() {
    return fetchPlan().then(function (data) { plan = data; return data; });
  }

  function partsAt(now) {
    if (!plan) return null;
    for (var i = 0; i < plan.days.length; i += 1) {
      var day = plan.days[i];
      if (Date.parse(day.until) > now) {
        return Date.parse(day.from) <= now ? day.today : day.ahead;
      }
    }
    return null;
  }

  function draw(element, parts) {
    var plain = element.dataset.torgetShift === "plain"; // the kiosk opens no links
    element.textContent = "";
    parts.forEach(function (part) {
      if (part.url && !plain) {
        var link = document.createElement("a");
        link.href = new URL(part.url, root).href;
        link.textContent = part.text;
        element.appendChild(link);
      } else {
        element.appendChild(document.createTextNode(part.text));
      }
    });
  }

  function show() {
    var parts = partsAt(Date.now());
    document.querySelectorAll("[data-torget-shift]").forEach(function (element) {
      // "none" or "shown": the decision is made (the plan is read), also when nothing is shown.
      element.dataset.torgetShiftState = parts && parts.length ? "shown" : "none";
      if (!parts || !parts.length) { element.hidden = true; return; }
      draw(element, parts);
      element.hidden = false;
    });
  }

  function start() {
    if (!document.querySelector("[data-torget-shift]")) return;
    load().then(show);
    // A page left open (the kiosk) moves on to the next staffed day by itself.
    if (!timer) timer = window.setInterval(show, 60000);
  }

  document.addEventListener("torget:data", function () { load().then(show); });

  window.torgetOnPage(start);
})();
