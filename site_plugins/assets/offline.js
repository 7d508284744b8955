// The offline copy: registers the site's service worker (the build names it in the page's
// <html data-torget-worker>, only in a published build) once the page has loaded, and asks it to store
// the pages a visitor needs away from the desk, unless the browser says the visitor is saving data.
// Without that attribute (the preview server) a worker left from a published build at this address steps aside.
(function () {
  "use strict";

  if (!("serviceWorker" in navigator)) return;
  var workers = navigator.serviceWorker;
  var worker = document.documentElement.getAttribute("data-torget-worker");

  if (!worker) {
    var root = window.__md_scope ? new URL(".", window.__md_scope).href : null;
    workers.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        if (registration.scope === root) registration.unregister();
      });
    });
    return;
  }

  // Save-Data on, or a connection the browser calls metered: keep only the pages the visitor opens.
  function savingData() {
    var connection = navigator.connection;
    return !!connection && (connection.saveData === true || connection.metered === true);
  }

  function askToStore(worker) {
    if (worker && !savingData()) worker.postMessage({ type: "store" });
  }

  function register() {
    var script = new URL(worker, document.baseURI);
    workers.register(script.href, { scope: new URL("./", script).href }).catch(function () {});
    workers.ready.then(function (registration) { askToStore(registration.active); });
    // A newer build's worker took over: it stores its own copy.
    workers.addEventListener("controllerchange", function () { askToStore(workers.controller); });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
