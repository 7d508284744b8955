// The lobby kiosk. It only draws what the build computed (kiosk-data in the page, the cards in
// organisasjoner.json): order, letters, folded search words, labels, addresses and QR modules all
// come from Python. Nothing here opens another site: addresses are shown as text and as a QR code for the visitor's phone.
// Languages: the page is bokmål; another language's file (en.json) holds what differs in it, as an overlay of
// the bokmål data and cards that `merged` lays over them. Every text of the interface is the data's `texts`.
(() => {
  "use strict";

  const own = JSON.parse(document.getElementById("kiosk-data").textContent);
  // The data holds the texts the script writes; the page's own elements hold the others, in the page's language.
  for (const node of document.querySelectorAll("[data-text]")) own.texts[node.dataset.text] ??= node.textContent;
  for (const node of document.querySelectorAll("[data-label]")) own.texts[node.dataset.label] ??= node.getAttribute("aria-label");
  const main = document.getElementById("main");
  // What the screens show: the page's own data, or another language's laid over it.
  let data = own;
  let organisations = null;
  let themes = null;
  // The organisations' cards (contacts and their codes) come in a file of their own, fetched once the
  // first screen is up, so the first load stays small; the service worker keeps it for offline use.
  let ownCards = null;
  let cards = null;
  let cardsLoading = null;
  let overlay = null;  // the chosen language's file, or null for the page's own language
  const languageFiles = new Map();  // file -> its promise, fetched once

  // `base` with `change` laid over it: a mapping's keys (null removes one), a list's items by index.
  function merged(base, change) {
    if (change === undefined) return base;
    if (change === null || typeof change !== "object" || Array.isArray(change) || base === null || typeof base !== "object") return change;
    const result = Array.isArray(base) ? base.slice() : { ...base };
    for (const [key, value] of Object.entries(change)) {
      if (value === null && !Array.isArray(base)) delete result[key];
      else result[key] = merged(base[key], value);
    }
    return result;
  }

  function useData(next) {
    data = next;
    organisations = new Map(data.organisations.map((org) => [org.slug, org]));
    themes = new Map(data.themes.map((theme) => [theme.slug, theme]));
    cards = ownCards && overlay ? merged(ownCards, overlay.cards) : ownCards;
  }
  useData(own);
  const find = (selector) => document.querySelector(selector);
  const SECOND = 1000;

  // Seconds until the question, of the question, and from the start screen to the attract
  // screen; the launcher's address may override them: /kiosk/?idle=120&warn=40&attract=600
  const params = new URLSearchParams(window.location.search);
  const timeouts = Object.fromEntries(Object.entries(data.timeouts).map(([name, fallback]) => {
    const value = Number(params.get(name));
    return [name, params.has(name) && value > 0 ? value : fallback];
  }));

  // Everything a reset clears.
  const state = { screen: "home", arg: null, history: [], list: [], query: "", language: own.language };

  // ---- DOM helpers

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else if (typeof value === "boolean") node.toggleAttribute(name, value);
      else node.setAttribute(name, value);
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  function fill(node, ...children) {
    node.replaceChildren(...children.filter(Boolean));
    return node;
  }

  // The interface text `key` in the current language, with its {placeholders} filled in.
  const t = (key, values = {}) => data.texts[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  const count = (number) => (number === 1 ? t("one_organisation") : t("organisations", { count: number }));

  // ---- QR codes: drawn from the modules the build packed, and for "Min liste" by qrcode-generator.

  function qrSvg(size, isDark, label) {
    let path = "";
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) {
        if (!isDark(y, x)) continue;
        const start = x;
        while (x < size && isDark(y, x)) x += 1;
        path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
      }
    }
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    const background = document.createElementNS(svg.namespaceURI, "rect");
    background.setAttribute("width", size);
    background.setAttribute("height", size);
    background.setAttribute("fill", "#fff");
    const modules = document.createElementNS(svg.namespaceURI, "path");
    modules.setAttribute("d", path);
    modules.setAttribute("fill", "#000");
    svg.append(background, modules);
    return svg;
  }

  // Every code gets the site's quiet zone: data.qr_quiet_zone modules of white around it.
  function framedQr(inner, isDark, label) {
    const quiet = data.qr_quiet_zone;
    return qrSvg(inner + 2 * quiet, (row, column) => {
      const r = row - quiet;
      const c = column - quiet;
      return r >= 0 && c >= 0 && r < inner && c < inner && isDark(r, c);
    }, label);
  }

  function packedQr(target, label) {
    const code = data.qr[target] || cards.qr[target];
    const bytes = atob(code.m);
    return framedQr(code.n, (row, column) => {
      const index = row * code.n + column;
      return (bytes.charCodeAt(index >> 3) & (0x80 >> (index & 7))) !== 0;
    }, label);
  }

  function generatedQr(text, label) {
    const code = window.qrcode(0, data.qr_level);
    code.addData(text);
    code.make();
    return framedQr(code.getModuleCount(), code.isDark, label);
  }

  const qrDialog = find("[data-qr-dialog]");

  function showQr(contact) {
    find("[data-qr-label]").textContent = contact.label;
    find("[data-qr-text]").textContent = contact.text;
    fill(find("[data-qr-code]"), packedQr(contact.qr, t("code", { text: contact.text })));
    qrDialog.dataset.target = contact.qr;
    qrDialog.showModal();
  }

  const contactButton = (contact) => el("button", { type: "button", class: "contact", "data-qr": contact.qr, onclick: () => showQr(contact) },
    el("span", { class: "contact__label", text: contact.label }),
    el("span", { class: "contact__text", text: contact.text }),
    contact.note ? el("span", { class: "contact__note", text: contact.note }) : null,
    el("span", { class: "contact__hint", text: t("tap_for_code") }));

  // ---- Screens

  const orgButton = (org) => el("button", { type: "button", class: "org-button", "data-slug": org.slug, onclick: () => show("organisation", org.slug) },
    el("span", { class: "org-button__name", text: org.name }),
    el("span", { class: "org-button__description", text: org.description }));

  const orgItems = (slugs) => slugs.map((slug) => el("li", {}, orgButton(organisations.get(slug))));

  const render = {
    home: renderUpcoming,
    themes() {
      fill(find("[data-themes]"), ...data.themes.map((theme) => el("button",
        { type: "button", class: "tile", "data-theme": theme.slug, onclick: () => show("theme", theme.slug) },
        el("span", { class: "tile__name", text: theme.name }),
        el("span", { class: "tile__count", text: count(theme.organisations.length) }))));
    },
    theme(slug) {
      const theme = themes.get(slug);
      find("[data-theme-name]").textContent = theme.name;
      find("[data-theme-description]").textContent = theme.description;
      showNotice(find("[data-theme-review]"), theme.review_notice);
      fill(find("[data-theme-organisations]"), ...orgItems(theme.organisations));
    },
    az: renderAz,
    organisation: (slug) => renderCard(organisations.get(slug)),
    mylist: renderList,
    events: renderEvents,
    volunteer() {
      fill(find("[data-volunteer-contacts]"), ...data.volunteer.contacts.map(contactButton));
    },
  };

  // A–Å with the optional on-screen keyboard. The site's one search rule (search_rule.js) matches, as on
  // the directory page: letters with or without accents, inflections and near misses. The build sends
  // only the folded search words a list does not show (short name, keywords in both languages, themes,
  // synonyms); the name and description the list has are folded here, by the same rule, not sent twice.
  const rule = window.TorgetSearch;
  let entries = null;  // gathered at the first search
  let terms = null;  // the organisations' words for "Mente du …?", gathered when first needed

  // The build's sentence about entries not yet checked with their organisation, once per list.
  function showNotice(element, text) {
    element.textContent = text || "";
    element.hidden = !text;
  }

  function renderAz() {
    showNotice(find("[data-az-review]"), data.review_notice);
    entries ??= data.organisations.map((org) => rule.entry(rule.fold(`${org.name} ${org.description} ${org.search}`)));
    const words = rule.words(state.query);
    const found = new Set(rule.filter(state.query, entries));
    const groups = new Map();
    let shown = 0;
    data.organisations.forEach((org, index) => {
      if (!found.has(index)) return;
      if (!groups.has(org.letter)) groups.set(org.letter, []);
      groups.get(org.letter).push(org.slug);
      shown += 1;
    });
    fill(find("[data-az-groups]"), ...[...groups].map(([letter, slugs]) => el("section", { "aria-labelledby": `bokstav-${letter}` },
      el("h2", { class: "letter-heading", id: `bokstav-${letter}`, tabindex: "-1", text: letter }),
      el("ul", { class: "org-list" }, ...orgItems(slugs)))));
    fill(find("[data-letters]"), ...data.alphabet.map((letter) => el("button",
      { type: "button", text: letter, disabled: !groups.has(letter), "aria-label": t("letter", { letter }), onclick: () => jumpTo(letter) })));
    find("[data-az-count]").textContent = shown === 0
      ? t("no_match")
      : t(words.length ? "showing" : "showing_all", { organisations: count(shown) });
    renderSuggestions(shown === 0 ? state.query : "");
    find("[data-query]").textContent = state.query;
    find("[data-query-line]").hidden = !state.query;
  }

  // No match is never a dead end: the closest words of the directory, and the themes.
  function renderSuggestions(query) {
    const box = find("[data-az-help]");
    box.hidden = !query;
    if (!query) return;
    terms ??= rule.vocabulary(data.organisations.map((org) => `${org.name} ${org.description} ${org.search}`));
    const found = rule.suggest(query, terms, 3);
    fill(find("[data-az-suggestions]"), ...found.map((text) => el("button",
      { type: "button", class: "chip", text: text.toUpperCase(), "data-suggestion": text, onclick: () => typeQuery(text.toUpperCase()) })));
    find("[data-az-suggestions-line]").hidden = !found.length;
  }

  function jumpTo(letter) {
    const heading = document.getElementById(`bokstav-${letter}`);
    main.scrollTop += heading.getBoundingClientRect().top - main.getBoundingClientRect().top;
  }

  function typeQuery(text) {
    state.query = text.replace(/^\s+/, "").replace(/\s{2,}/g, " ");
    renderAz();
  }

  function toggleKeyboard(open) {
    const keyboard = find("[data-keyboard]");
    if (!keyboard.childElementCount) {
      fill(keyboard,
        ...data.alphabet.map((letter) => el("button", { type: "button", text: letter, onclick: () => typeQuery(state.query + letter) })),
        el("button", { type: "button", class: "key--wide", text: t("space"), onclick: () => typeQuery(`${state.query} `) }),
        el("button", { type: "button", class: "key--wide", text: t("delete"), "aria-label": t("delete_label"), onclick: () => typeQuery(state.query.slice(0, -1)) }),
        el("button", { type: "button", class: "key--wide", text: t("clear"), "aria-label": t("clear_label"), onclick: () => typeQuery("") }));
    }
    keyboard.hidden = !open;
    const button = find("[data-action=keyboard]");
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? t("hide_keyboard") : t("keyboard");
  }

  function loadCards() {
    cardsLoading ||= fetch(`${data.details}?v=${document.documentElement.dataset.build}`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
      .then((loaded) => {
        ownCards = loaded;
        cards = overlay ? merged(ownCards, overlay.cards) : ownCards;
        if (state.screen === "organisation") renderCard(organisations.get(state.arg));
      })
      .catch(() => { cardsLoading = null; });  // offline before the first copy: try again on the next card
    return cardsLoading;
  }

  function renderCard(org) {
    const details = cards && cards.organisations[org.slug];
    if (!details) loadCards();
    const inList = state.list.includes(org.slug);
    const full = state.list.length >= data.list_limit;
    const contacts = (list) => el("div", { class: "contact-buttons" }, ...list.map(contactButton));
    const card = details || { contacts: [] };
    const contact = card.contacts.length || card.address ? el("div", {},
      el("h2", { text: t("contact") }),
      contacts(card.contacts),
      card.address ? el("p", { text: t("address", { address: card.address }) }) : null) : null;
    const peer = card.peer ? el("section", { class: "peer", "aria-labelledby": "peer-title" },
      el("h2", { id: "peer-title", text: card.peer.heading }),
      card.peer.description ? el("p", { text: card.peer.description }) : null,
      contacts(card.peer.contacts),
      card.peer.note ? el("p", { class: "peer__note", text: card.peer.note }) : null) : null;
    const chapters = card.chapters ? el("div", {}, el("h2", { text: t("chapters") }), ...card.chapters.map((chapter) => el("div", { class: "chapter" },
      el("p", { class: "chapter__name", text: chapter.name + (chapter.region ? ` (${chapter.region})` : "") }),
      contacts(chapter.contacts)))) : null;
    const holder = find("[data-card]");
    holder.parentElement.setAttribute("aria-labelledby", "org-title");
    fill(holder,
      el("div", { class: "card__columns" },
        el("div", {},
          el("h1", { id: "org-title", tabindex: "-1", text: org.name }),
          org.at_torget ? el("p", { class: "card__badge", text: t("at_torget") }) : null,
          el("p", { class: "lead", text: org.description }),
          el("ul", { class: "chips", "aria-label": t("themes") }, ...org.themes.map((slug) => el("li", {},
            el("button", { type: "button", class: "chip", text: themes.get(slug).name, onclick: () => show("theme", slug) })))),
          el("button", { type: "button", class: "wide-button toggle", "data-action": "toggle-list", "aria-pressed": String(inList),
            disabled: !inList && full,
            text: inList ? t("remove_from_list") : full ? t("list_full", { limit: data.list_limit }) : t("add_to_list") })),
        details ? el("figure", { class: "qr-panel" },
          el("div", { class: "qr-panel__code", "data-page-qr": details.page.qr }, packedQr(details.page.qr, t("page_code", { name: org.name }))),
          el("figcaption", { text: t("page_code_caption") }))
          : el("p", { class: "card__loading", role: "status", text: t("loading") })),
      contact, peer, chapters);
  }

  // "Min liste": one QR code carries every marked organisation to the phone page on the public
  // site, in the address's fragment (which a browser never sends to the server).
  function setList(slugs) {
    state.list = slugs;
    find("[data-list-count]").textContent = String(slugs.length);
  }

  function toggleInList(slug) {
    setList(state.list.includes(slug) ? state.list.filter((item) => item !== slug) : [...state.list, slug]);
  }

  function renderList() {
    const empty = state.list.length === 0;
    find("[data-mylist-empty]").hidden = !empty;
    find("[data-mylist-full]").hidden = empty;
    if (empty) return;
    fill(find("[data-mylist-organisations]"), ...state.list.map((slug) => {
      const org = organisations.get(slug);
      return el("li", { class: "org-row" }, orgButton(org),
        el("button", { type: "button", class: "remove-button", text: t("remove"), "aria-label": t("remove_label", { name: org.name }),
          onclick: () => { toggleInList(slug); renderList(); } }));
    }));
    const address = `${data.saved_list_url}#${state.list.join(",")}`;
    const holder = find("[data-mylist-qr]");
    holder.dataset.target = address;
    fill(holder, generatedQr(address, t("list_code")));
  }

  // ---- Events, as the build listed them; only those that have ended are left out here.
  // (The "Åpent nå" status is the site's own opening_status.js, fed by hours.json.)

  const upcoming = () => data.events.filter((event) => Date.parse(event.end) > Date.now());

  function renderUpcoming() {
    const next = upcoming();
    find("[data-events-hint]").textContent = next.length ? t("next_event", { title: next[0].title, when: next[0].when }) : t("events_hint");
    fill(find("[data-attract-events]"), ...next.slice(0, 3).map((event) => el("li", { text: t("event_line", { when: event.when, title: event.title }) })));
  }

  function renderEvents() {
    const next = upcoming();
    find("[data-events-none]").hidden = next.length !== 0;
    fill(find("[data-events]"), ...next.map((event) => el("li", {},
      el("button", { type: "button", class: "event", "data-qr": event.page.qr, onclick: () => showQr(event.page) },
        el("span", { class: "event__when", text: event.when }),
        el("span", { class: "event__title", text: event.title }),
        event.where ? el("span", { class: "event__where", text: event.where }) : null,
        el("span", { class: "contact__hint", text: t("tap_for_event_code") })))));
  }

  // ---- Languages: the start screen offers the others, each named in itself; the idle reset returns to the page's own.

  function renderLanguages() {
    fill(find("[data-languages]"), ...data.languages.filter((language) => language.code !== state.language).map((language) =>
      el("button", { type: "button", class: "wide-button wide-button--quiet language-button", lang: language.code,
        "data-language": language.code, text: language.name, onclick: () => chooseLanguage(language.code) })));
  }

  // The page's fixed texts, the staffed days and the language of the whole page.
  function applyTexts() {
    document.documentElement.lang = state.language;
    for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
    for (const node of document.querySelectorAll("[data-label]")) node.setAttribute("aria-label", t(node.dataset.label));
    for (const item of document.querySelectorAll("[data-staffed-day]")) {
      const [day, times] = data.staffed_days[Number(item.dataset.staffedDay)];
      item.querySelector("strong").textContent = day;
      item.querySelector("span").textContent = times;
    }
    const keyboard = find("[data-keyboard]");
    const open = !keyboard.hidden;
    keyboard.replaceChildren();  // its keys are made again in this language
    toggleKeyboard(open);
    renderLanguages();
  }

  function loadLanguage(file) {
    if (!languageFiles.has(file)) {
      languageFiles.set(file, fetch(`${file}?v=${document.documentElement.dataset.build}`)
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
        .catch((error) => { languageFiles.delete(file); throw error; }));  // offline before the first copy: try again
    }
    return languageFiles.get(file);
  }

  // Everything in `code` from now on; the page's own language needs no file, so a reset switches back at once.
  function setLanguage(code, change) {
    state.language = code;
    overlay = change;
    useData(change ? merged(own, change.data) : own);
    rule.useLanguage(code);
    entries = null;
    terms = null;
    document.body.dataset.language = code;
    // The opening status and today's shifts in this language: the site's scripts read its copies of their data.
    if (data.data_folder) document.documentElement.dataset.torgetData = data.data_folder;
    else delete document.documentElement.dataset.torgetData;
    document.dispatchEvent(new Event("torget:data"));
    applyTexts();
    renderAz();
    if (state.screen !== "az") render[state.screen](state.arg);
  }

  function chooseLanguage(code) {
    const language = own.languages.find((item) => item.code === code);
    if (!language.file) { setLanguage(code, null); return; }
    loadLanguage(language.file).then((change) => setLanguage(code, change)).catch(() => {});
  }

  // ---- Moving between screens: the kiosk's own history, never the browser's.

  function show(screen, arg = null, { back = false, scroll = 0 } = {}) {
    if (!back && screen !== state.screen) state.history.push({ screen: state.screen, arg: state.arg, scroll: main.scrollTop });
    state.screen = screen;
    state.arg = arg;
    for (const view of document.querySelectorAll("[data-view]")) view.hidden = view.dataset.view !== screen;
    document.body.dataset.screen = screen;
    render[screen](arg);
    main.scrollTop = scroll;
    find(`[data-view='${screen}'] h1`)?.focus({ preventScroll: true });
  }

  function back() {
    const previous = state.history.pop();
    if (previous) show(previous.screen, previous.arg, { back: true, scroll: previous.scroll });
    else goHome();
  }

  function goHome() {
    state.history = [];
    show("home", null, { back: true });
    homeSince = Date.now();
  }

  const actions = {
    back,
    home: goHome,
    mylist: () => show("mylist"),
    themes: () => show("themes"),
    az: () => show("az"),
    events: () => show("events"),
    volunteer: () => show("volunteer"),
    keyboard: () => toggleKeyboard(find("[data-keyboard]").hidden),
    "toggle-list": () => { toggleInList(state.arg); renderCard(organisations.get(state.arg)); },
    "clear-list": () => { setList([]); renderList(); },
    "close-dialog": () => qrDialog.close(),
    continue: () => closeIdleQuestion(),
    restart: () => reset(),
  };

  document.addEventListener("click", (event) => {
    // Nothing leads away from the kiosk: a link, should one ever be on the page, is inert.
    if (event.target.closest("a[href]")) {
      event.preventDefault();
      return;
    }
    const button = event.target.closest("[data-action]");
    if (button) actions[button.dataset.action]();
  }, true);
  qrDialog.addEventListener("click", (event) => {
    if (event.target === qrDialog) qrDialog.close();  // a tap on the backdrop
  });
  find("[data-view=attract]").addEventListener("click", () => wake());
  for (const type of ["contextmenu", "dragstart", "selectstart", "auxclick"]) {
    document.addEventListener(type, (event) => event.preventDefault());
  }
  window.open = () => null;

  // ---- Idle: ask, then reset; after long quiet on the start screen, the attract screen.

  const idleDialog = find("[data-idle-dialog]");
  let lastActivity = Date.now();
  let homeSince = Date.now();
  let questionDeadline = 0;
  let nextReloadCheck = 0;

  function touched() {
    if (!idleDialog.open) lastActivity = Date.now();  // while asking, only an answer counts
  }
  for (const type of ["pointerdown", "keydown", "wheel"]) {
    document.addEventListener(type, touched, { capture: true, passive: true });
  }
  main.addEventListener("scroll", touched, { passive: true });

  const hasState = () => state.screen !== "home" || state.list.length > 0 || state.query !== "" || state.language !== own.language ||
    !find("[data-keyboard]").hidden || qrDialog.open || main.scrollTop > 0;

  function askToContinue() {
    questionDeadline = Date.now() + timeouts.warn * SECOND;
    updateQuestion();
    if (qrDialog.open) qrDialog.close();
    idleDialog.showModal();
  }

  function updateQuestion() {
    const left = Math.max(0, Math.ceil((questionDeadline - Date.now()) / SECOND));
    find("[data-idle-text]").textContent = t("idle_text", { seconds: left });
  }

  idleDialog.addEventListener("cancel", (event) => event.preventDefault());
  idleDialog.addEventListener("click", (event) => {
    if (event.target === idleDialog) closeIdleQuestion();  // a tap beside the question: someone is there
  });

  function closeIdleQuestion() {
    idleDialog.close();
    lastActivity = Date.now();
  }

  function reset() {
    if (idleDialog.open) idleDialog.close();
    if (qrDialog.open) qrDialog.close();
    setList([]);
    state.query = "";
    toggleKeyboard(false);
    if (state.language !== own.language) setLanguage(own.language, null);
    renderAz();
    goHome();
    lastActivity = Date.now();
  }

  function showAttract() {
    renderUpcoming();
    find("[data-view=attract]").hidden = false;
    document.body.dataset.screen = "attract";
  }

  function wake() {
    find("[data-view=attract]").hidden = true;
    lastActivity = Date.now();
    goHome();
  }

  // At night an idle kiosk picks up a newer build, but only when the server answers with one:
  // with the network down it stays on the page it has. The outcome of the last look is kept on
  // <body data-build-check> ("current", "unreachable"; "newer" reloads), for whoever inspects the kiosk.
  function reloadIfNewer() {
    const hour = new Date().getHours();
    if (hour < data.reload_hours[0] || hour >= data.reload_hours[1] || Date.now() < nextReloadCheck) return;
    nextReloadCheck = Date.now() + 30 * 60 * SECOND;
    fetch(window.location.href, { cache: "no-store" })
      .then((response) => (response.ok ? response.text() : ""))
      .then((page) => {
        const build = page.match(/<html[^>]*data-build="([^"]+)"/);
        const newer = build && build[1] !== document.documentElement.dataset.build;
        document.body.dataset.buildCheck = newer ? "newer" : build ? "current" : "unreachable";
        if (newer) window.location.reload();
      })
      .catch(() => { document.body.dataset.buildCheck = "unreachable"; });  // offline: stay on the current page
  }

  function tick() {
    const now = Date.now();
    if (document.body.dataset.screen === "attract") {
      reloadIfNewer();
    } else if (idleDialog.open) {
      if (now >= questionDeadline) reset();
      else updateQuestion();
    } else if (hasState()) {
      if (now - lastActivity >= timeouts.idle * SECOND) askToContinue();
    } else if (now - Math.max(lastActivity, homeSince) >= timeouts.attract * SECOND) {
      showAttract();
    }
  }

  renderLanguages();
  document.body.dataset.language = state.language;
  renderAz();
  show("home", null, { back: true });
  setInterval(tick, SECOND);
  // With the first screen up: the cards, and the offline copy (the worker must sit in the kiosk's folder).
  loadCards();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
})();
