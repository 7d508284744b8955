// An offline copy of the site (a service worker). One mechanism for the public site (/sw.js) and the lobby
// kiosk (/kiosk/sw.js); the build fills in the lists, the build stamp and the note for stored pages.
//
// - Online, every request goes to the server and the visitor gets its answer: a copy never hides a newer
//   build. A good answer (200, not a redirect, from this site) to a file on the lists, or to any page when
//   `visited` is on, is kept as the copy.
// - Offline, the copy answers, from this build's store only, so a page never meets another build's files.
//   A stored page then says when it was stored; a page not stored gets the site's offline page.
// - `required` is stored before the worker takes over; `background` when a page asks and the visitor's data
//   allows it (the page decides: offline.js). A new build is a new worker with a new store: on
//   activation every older store of this worker is deleted.
"use strict";

const NAME = {{ name }};
const STORE = `${NAME}-{{ build }}`;
const here = (file) => new URL(file, self.location).href;
const REQUIRED = {{ required }}.map(here);
const BACKGROUND = {{ background }}.map(here);
const LISTED = new Set([...REQUIRED, ...BACKGROUND]);
// Also keep every page and file the visitor opens (the public site), not only the listed ones.
const VISITED = {{ visited }};
// Addresses this worker leaves alone (another worker's folder, the web editor).
const ELSEWHERE = {{ elsewhere }}.map(here);
// The page shown for an address that is not stored, if any.
const OFFLINE_PAGE = {{ offline_page }} && here({{ offline_page }});
// A stored page carries its note hidden, in its own language (`data-note` with {day}, `data-locale`); served
// offline, the note shows, with the day the copy was made written in that language.
const NOTE = {{ note }};
const NOTE_PATTERN = NOTE.hidden && new RegExp(NOTE.hidden + ' data-note="([^"]*)" data-locale="([^"]*)"></p>');
// Files fetched at once while storing; the rest wait their turn.
const AT_ONCE = 4;

function withoutSearch(url) {
  const address = new URL(url);
  address.search = "";
  address.hash = "";
  return address.href;
}

function worthKeeping(response) {
  return response.ok && response.status === 200 && !response.redirected && response.type === "basic";
}

// Fetches each address anew (revalidated, never the browser's older copy) and stores the good answers.
// A required file that fails fails the installation: the worker is then not used, and the next visit tries again.
async function store(addresses, required) {
  const cache = await caches.open(STORE);
  const queue = [...addresses];
  async function next() {
    for (let address = queue.shift(); address; address = queue.shift()) {
      if (!required && await cache.match(address)) continue;
      let response = null;
      try {
        response = await fetch(address, { cache: "no-cache", credentials: "same-origin" });
      } catch (error) {
        if (required) throw error;
      }
      if (response && worthKeeping(response)) await cache.put(address, response);
      else if (required) throw new Error(`not stored: ${address}`);
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, next));
}

self.addEventListener("install", (event) => {
  event.waitUntil(store(REQUIRED, true).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(`${NAME}-`) && name !== STORE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

let storing = null;
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "store" || !BACKGROUND.length) return;
  storing = storing || store(BACKGROUND, false).finally(() => { storing = null; });
  event.waitUntil(storing);
});

function isPage(request, response) {
  return request.mode === "navigate" || (response.headers.get("Content-Type") || "").startsWith("text/html");
}

// A stored page as the offline visitor gets it: with the note that it is a copy, and from when.
async function marked(response) {
  const text = await response.text();
  const stored = new Date(response.headers.get("Date") || Date.now());
  const shown = text.replace(NOTE_PATTERN, (_, words, locale) => {
    const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "Europe/Oslo" }).format(stored);
    const [before, after] = words.split("{day}");
    return `${NOTE.shown}>${before}<time datetime="${stored.toISOString()}">${day}</time>${after || ""}</p>`;
  });
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(shown, { status: 200, headers });
}

async function fromStore(request) {
  const navigate = request.mode === "navigate";
  const address = navigate ? withoutSearch(request.url) : request.url;
  const cache = await caches.open(STORE);
  const stored = await cache.match(address);
  if (stored) return isPage(request, stored) && NOTE.hidden ? marked(stored) : stored;
  // The theme's instant navigation fetches a page in the background and, when that fails, opens it the
  // ordinary way: as a navigation, which gets the offline page.
  const page = navigate && OFFLINE_PAGE && await cache.match(OFFLINE_PAGE);
  return page ? marked(page) : Response.error();
}

// A page is asked of the server itself (revalidated), never answered from the browser's own cache: offline,
// the page then comes from this build's store, with its note. Its redirects go back to the browser as they are.
function fromServer(request) {
  if (request.mode !== "navigate") return request;
  return new Request(request.url, { cache: "no-cache", credentials: "same-origin", redirect: "manual" });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (ELSEWHERE.some((prefix) => request.url.startsWith(prefix))) return;
  // A request that asks for no cache (the kiosk's nightly look for a newer build) goes to the server as it is.
  if (request.cache === "no-store") return;
  event.respondWith(fetch(fromServer(request))
    .then((response) => {
      const address = request.mode === "navigate" ? withoutSearch(request.url) : request.url;
      if (worthKeeping(response) && (VISITED || LISTED.has(address))) {
        const copy = response.clone();
        event.waitUntil(caches.open(STORE).then((cache) => cache.put(address, copy)));
      }
      return response;
    })
    .catch(() => fromStore(request)));
});
