// The kiosk's offline copy (a service worker; the build fills in the list of files and the build stamp).
// On install it stores the page and every file the kiosk uses, the organisations' cards included, so the
// lobby screen keeps working when the network drops. With the network up the kiosk always gets the
// server's answer, and the copy is refreshed with it; a newer build replaces the whole copy.
"use strict";

const CACHE = "torget-kiosk-{{ build }}";
// Written relative to this script's folder (the kiosk's), so the site may live under any address.
const FILES = {{ files }}.map((file) => new URL(file, self.location).href);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("torget-kiosk-") && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // A request that asks for no cache (the nightly look for a newer build) goes to the server as it is.
  if (request.cache === "no-store") return;
  event.respondWith(fetch(request)
    .then((response) => {
      if (response.ok && FILES.includes(request.url)) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })
    // Offline: the stored copy. The page itself is stored once, whatever the launcher's ?idle=… says.
    .catch(() => caches.match(request, { ignoreSearch: request.mode === "navigate" })
      .then((stored) => stored || Response.error())));
});
