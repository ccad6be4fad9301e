// Sundial's browser extension: the background part.
//
// Tells the native-messaging host org.sundial.browser (agent/browser/host/, which forwards to the
// Sundial service) which site the child's active tab shows, and shows Sundial's block page in the
// tabs of a site the service says is closed. The protocol is agent/browser/PROTOCOL.md.
//
// What it reads: the URL, audible and incognito flags of tabs (the `tabs` permission), and which
// window has focus. It never reads page content or keystrokes (no content scripts, no host
// permissions). It sends the full URL only when the service's last verdict said recordUrls: true;
// otherwise only the host name.
//
// One file for both browsers: Chromium runs it as the MV3 service worker, Firefox as the MV3
// background script. A connected native port keeps Chromium's worker alive; the one-minute alarm
// wakes it (and Firefox's event page) if it was stopped anyway.

"use strict";

const api = globalThis.browser ?? globalThis.chrome;

const HOST = "org.sundial.browser";
const KEEPALIVE_ALARM = "sundial-keepalive";
const KEEPALIVE_MS = 60 * 1000;
// The alarm and the interval both fire about once a minute; a keep-alive sooner than this after the
// last one is skipped so the host gets about one a minute, never more than a minute apart.
const KEEPALIVE_MIN_GAP_MS = 45 * 1000;
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 60 * 1000;
// How long the block page waits for an answer to `check` or `ask`.
const REQUEST_TIMEOUT_MS = 20 * 1000;
// A `tab` report nobody answered is forgotten after this (so the queue below stays short).
const PENDING_MAX_AGE_MS = 2 * 60 * 1000;
const PENDING_MAX = 100;
// The host refuses a `url` over 8192 bytes and a `reason` over 500 bytes (UTF-8), and any frame
// over 64 KiB.
const URL_MAX_BYTES = 8192;
const REASON_MAX_BYTES = 500;

const BLOCKING = new Set(["blocked", "over-budget", "outside-hours", "out-of-time"]);
const OPEN = new Set(["allowed", "always-allowed"]);

const BLOCK_PAGE = api.runtime.getURL("blocked.html");

// ---- state (lost when the worker stops; everything here is rebuilt from the host's next answers)

let port = null;
let reconnectTimer = null;
let reconnectDelay = RECONNECT_FIRST_MS;
let keepaliveInterval = null;
let lastKeepalive = 0;
let nextId = 1;
// Frames sent and not yet answered, oldest first: {id, kind: "tab"|"check"|"ask", domain, sent,
// resolve (check and ask only)}. The host echoes a frame's "id" in its answer; an answer without an
// "id" (an older host) is matched in order: the host answers frames in the order it read them.
let pending = [];
let recordUrls = false;
let helpLine = null;
// The active tab of the focused window as last reported, for the budget timer.
let lastReported = null; // {tabId, domain}
let budgetTimer = null;
// Tabs whose block page is being shown right now.
const tabsBeingBlocked = new Set();

// ---- small helpers

// The domain the protocol wants: the URL's host, lower case, without a trailing dot; "" for pages
// that are not http(s) (the new tab page, about:, file:, this extension's block page...).
function domainOf(url) {
    if (typeof url !== "string" || url === "") {
        return "";
    }
    let parsed;
    try {
        parsed = new URL(url);
    } catch {
        return "";
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        return "";
    }
    return parsed.hostname.toLowerCase().replace(/\.+$/, "");
}

// The help line's site: its URL's host without a leading "www.". A bare "example.org" counts too.
function helpLineHost(line) {
    const url = line && typeof line.url === "string" ? line.url.trim() : "";
    if (url === "") {
        return "";
    }
    const host = domainOf(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : "https://" + url);
    return host.replace(/^www\./, "");
}

// The help line's own site and its subdomains are never blocked, whatever a verdict says.
function isHelpLineSite(domain, line) {
    for (const candidate of [line, helpLine]) {
        const host = helpLineHost(candidate);
        if (host !== "" && (domain === host || domain.endsWith("." + host))) {
            return true;
        }
    }
    return false;
}

function tabUrl(tab) {
    // Chromium: while a navigation is under way, `url` can still be the old page and `pendingUrl`
    // the new one.
    return tab.url || tab.pendingUrl || "";
}

function utf8Bytes(text) {
    return new TextEncoder().encode(text).length;
}

// The text cut to at most maxBytes of UTF-8, at a character boundary.
function cutToBytes(text, maxBytes) {
    if (utf8Bytes(text) <= maxBytes) {
        return text;
    }
    let out = "";
    let bytes = 0;
    for (const ch of text) {
        const size = utf8Bytes(ch);
        if (bytes + size > maxBytes) {
            break;
        }
        out += ch;
        bytes += size;
    }
    return out;
}

// A URL too long for the host loses its query and fragment, then its path.
function cutUrl(url) {
    if (utf8Bytes(url) <= URL_MAX_BYTES) {
        return url;
    }
    try {
        const parsed = new URL(url);
        const short = parsed.origin + parsed.pathname;
        return utf8Bytes(short) <= URL_MAX_BYTES ? short : parsed.origin + "/";
    } catch {
        return "";
    }
}

function cleanDomain(value) {
    if (typeof value !== "string") {
        return "";
    }
    const domain = value.trim().toLowerCase().replace(/\.+$/, "");
    return domain.length <= 253 ? domain : "";
}

// ---- the native port

function connect() {
    if (port !== null) {
        return;
    }
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    let newPort;
    try {
        newPort = api.runtime.connectNative(HOST);
    } catch (e) {
        console.warn("Sundial: cannot start the native host", HOST, e);
        scheduleReconnect();
        return;
    }
    port = newPort;
    newPort.onMessage.addListener((message) => onHostMessage(message));
    newPort.onDisconnect.addListener((p) => {
        const why = (p && p.error && p.error.message) || (api.runtime.lastError && api.runtime.lastError.message) || "";
        console.warn("Sundial: the native host disconnected", why);
        if (port === newPort) {
            port = null;
        }
        clearInterval(keepaliveInterval);
        keepaliveInterval = null;
        failPending("Sundial cannot be reached");
        scheduleReconnect();
    });
    clearInterval(keepaliveInterval);
    keepaliveInterval = setInterval(() => keepalive(), KEEPALIVE_MS);
    // The start of the extension, or of a new host after a reconnect.
    reportCurrent("startup");
}

function scheduleReconnect() {
    if (reconnectTimer !== null) {
        return;
    }
    const delay = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
    reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        connect();
    }, delay);
}

// Sends a frame; returns its pending entry, or null when there is no host to send it to.
function send(frame, kind, resolve) {
    if (port === null) {
        return null;
    }
    prunePending();
    // The host echoes "id" in its answer (PROTOCOL.md), so answers are matched to frames exactly.
    const entry = {id: nextId++, kind, domain: frame.domain, sent: Date.now(), resolve: resolve || null};
    frame.id = entry.id;
    try {
        port.postMessage(frame);
    } catch (e) {
        console.warn("Sundial: cannot send to the native host", e);
        return null;
    }
    pending.push(entry);
    return entry;
}

// Sends `check` or `ask` and resolves with the host's answer (a verdict, asked or error frame), or
// with {type: "error", offline: true} when the host cannot be reached or does not answer in time.
function request(frame) {
    return new Promise((resolve) => {
        let done = false;
        const finish = (answer) => {
            if (!done) {
                done = true;
                clearTimeout(timer);
                resolve(answer);
            }
        };
        const timer = setTimeout(() => finish({type: "error", message: "Sundial did not answer", offline: true}),
                                 REQUEST_TIMEOUT_MS);
        // The entry stays in the queue after a time-out (its resolver then does nothing), so a late
        // answer without an id still pairs with the right frame.
        if (send(frame, frame.type, finish) === null) {
            finish({type: "error", message: "Sundial cannot be reached", offline: true});
        }
    });
}

function prunePending() {
    const now = Date.now();
    const kept = [];
    for (const entry of pending) {
        if (now - entry.sent > PENDING_MAX_AGE_MS) {
            settle(entry, {type: "error", message: "Sundial did not answer", offline: true});
        } else {
            kept.push(entry);
        }
    }
    while (kept.length >= PENDING_MAX) {
        settle(kept.shift(), {type: "error", message: "Sundial did not answer", offline: true});
    }
    pending = kept;
}

function failPending(message) {
    const old = pending;
    pending = [];
    for (const entry of old) {
        settle(entry, {type: "error", message, offline: true});
    }
}

function settle(entry, answer) {
    if (entry && entry.resolve) {
        const resolve = entry.resolve;
        entry.resolve = null;
        resolve(answer);
    }
}

function takePending(index) {
    return index >= 0 ? pending.splice(index, 1)[0] : null;
}

// Which sent frame an answer belongs to.
function matchAnswer(message) {
    if (typeof message.id === "number") {
        return takePending(pending.findIndex((e) => e.id === message.id));
    }
    // No id: the host answers in order.
    if (message.type === "asked") {
        return takePending(pending.findIndex((e) => e.kind === "ask"));
    }
    if (message.type === "verdict") {
        const wantsVerdict = (e) => e.kind === "tab" || e.kind === "check";
        const same = pending.findIndex((e) => wantsVerdict(e) && e.domain === message.domain);
        return takePending(same >= 0 ? same : pending.findIndex(wantsVerdict));
    }
    if (message.type === "error") {
        return takePending(pending.length > 0 ? 0 : -1);
    }
    return null;
}

function onHostMessage(message) {
    // Something came back: the host runs, so the next disconnect retries from a second again.
    reconnectDelay = RECONNECT_FIRST_MS;
    if (message === null || typeof message !== "object" || Array.isArray(message)) {
        console.warn("Sundial: the native host sent something that is not an object", message);
        return;
    }
    const entry = matchAnswer(message);
    if (message.type === "verdict") {
        onVerdict(message);
    } else if (message.type === "error") {
        console.warn("Sundial: the native host says", message.message);
    } else if (message.type !== "asked") {
        console.warn("Sundial: unknown frame from the native host", message.type);
    }
    settle(entry, message);
}

// ---- verdicts

function onVerdict(verdict) {
    if (typeof verdict.recordUrls === "boolean") {
        recordUrls = verdict.recordUrls;
    }
    if (verdict.helpLine && typeof verdict.helpLine === "object") {
        helpLine = verdict.helpLine;
    }
    const domain = cleanDomain(verdict.domain);
    if (domain === "") {
        return;
    }
    if (BLOCKING.has(verdict.verdict)) {
        if (isHelpLineSite(domain, verdict.helpLine)) {
            return;
        }
        if (lastReported !== null && lastReported.domain === domain) {
            clearTimeout(budgetTimer);
            budgetTimer = null;
        }
        blockDomain(domain, verdict).catch((e) => console.warn("Sundial: cannot show the block page", e));
        return;
    }
    if (lastReported !== null && lastReported.domain === domain && OPEN.has(verdict.verdict)) {
        // Report the tab again when its budget runs out, so the site closes mid-visit.
        clearTimeout(budgetTimer);
        budgetTimer = null;
        const secondsLeft = verdict.secondsLeft;
        if (typeof secondsLeft === "number" && Number.isFinite(secondsLeft) && secondsLeft >= 0) {
            const ms = Math.min((secondsLeft + 1) * 1000, 0x7fffffff);
            budgetTimer = setTimeout(() => {
                budgetTimer = null;
                reportCurrent("keepalive");
            }, ms);
        }
    }
}

// opensAt: Unix seconds (a number), or null when not known. An ISO 8601 string (the protocol's
// first draft) is passed on as it is; blocked.js reads both.
function opensAtParam(value) {
    if (typeof value === "number" && Number.isFinite(value) && value > 0) {
        return String(Math.round(value));
    }
    return typeof value === "string" ? value : "";
}

function blockPageUrl(domain, verdict, originalUrl) {
    const params = new URLSearchParams();
    params.set("domain", domain);
    params.set("verdict", String(verdict.verdict));
    params.set("reason", typeof verdict.reason === "string" ? verdict.reason : "");
    params.set("opensAt", opensAtParam(verdict.opensAt));
    params.set("url", originalUrl);
    const line = (verdict.helpLine && typeof verdict.helpLine === "object") ? verdict.helpLine : helpLine;
    if (line) {
        for (const [key, param] of [["name", "helpLineName"], ["phone", "helpLinePhone"], ["url", "helpLineUrl"]]) {
            if (typeof line[key] === "string" && line[key] !== "") {
                params.set(param, line[key]);
            }
        }
    }
    return BLOCK_PAGE + "?" + params.toString();
}

// Every tab of any window (incognito ones too) that shows the domain gets the block page.
async function blockDomain(domain, verdict) {
    const tabs = await api.tabs.query({});
    for (const tab of tabs) {
        const url = [tab.url, tab.pendingUrl].find((u) => domainOf(u) === domain);
        if (url === undefined || tabsBeingBlocked.has(tab.id)) {
            continue;
        }
        // Verdicts come in bursts (focus, activated, updated for one tab): one block page per tab.
        tabsBeingBlocked.add(tab.id);
        try {
            await showBlockPage(tab, blockPageUrl(domain, verdict, url), domain, verdict);
        } catch (e) {
            console.warn("Sundial: cannot block tab", tab.id, e);
        } finally {
            tabsBeingBlocked.delete(tab.id);
        }
    }
}

async function showBlockPage(tab, pageUrl, domain, verdict) {
    if (!tab.incognito || !isChromium()) {
        await api.tabs.update(tab.id, {url: pageUrl});
        return;
    }
    // Chromium does not load a "spanning" extension's pages in an incognito tab, so the incognito
    // tab is closed and the block page opens in a normal window. The incognito URL is not carried
    // over (the page then goes back to the site's front page).
    const safeUrl = blockPageUrl(domain, verdict, "https://" + domain + "/");
    const normal = (await api.windows.getAll({windowTypes: ["normal"]})).filter((w) => !w.incognito);
    if (normal.length > 0) {
        const target = normal.find((w) => w.focused) || normal[0];
        await api.tabs.create({windowId: target.id, url: safeUrl, active: true});
        if (tab.active) {
            await api.windows.update(target.id, {focused: true}).catch(() => {});
        }
    } else {
        await api.windows.create({url: safeUrl, incognito: false, focused: true});
    }
    await api.tabs.remove(tab.id);
}

function isChromium() {
    return BLOCK_PAGE.startsWith("chrome-extension:");
}

// ---- reports

function tabFrame(tab, focused, event) {
    const url = tabUrl(tab);
    const domain = domainOf(url);
    const frame = {
        type: "tab",
        domain,
        audible: Boolean(tab.audible),
        incognito: Boolean(tab.incognito),
        focused: Boolean(focused),
        event,
    };
    if (recordUrls && domain !== "") {
        const cut = cutUrl(url);
        if (cut !== "") {
            frame.url = cut;
        }
    }
    return frame;
}

function sendTab(tab, focused, event) {
    if (!tab || port === null) {
        return;
    }
    const frame = tabFrame(tab, focused, event);
    if (lastReported !== null && lastReported.domain !== frame.domain) {
        // The budget timer was for the site shown before; this report's verdict sets a new one.
        clearTimeout(budgetTimer);
        budgetTimer = null;
    }
    lastReported = {tabId: tab.id, domain: frame.domain};
    send(frame, "tab");
}

// The last focused window with its tabs, or null (no window, or the API failed).
async function lastFocusedWindow() {
    try {
        return await api.windows.getLastFocused({populate: true, windowTypes: ["normal", "popup"]});
    } catch {
        return null;
    }
}

// Reports the active tab of the focused (or, when none has focus, the last focused) window.
async function reportCurrent(event, forceUnfocused = false) {
    if (port === null) {
        return;
    }
    const win = await lastFocusedWindow();
    if (win === null || !Array.isArray(win.tabs)) {
        return;
    }
    const tab = win.tabs.find((t) => t.active);
    sendTab(tab, win.focused && !forceUnfocused, event);
}

function keepalive() {
    if (port === null) {
        connect(); // reports "startup"
        return;
    }
    const now = Date.now();
    if (now - lastKeepalive < KEEPALIVE_MIN_GAP_MS) {
        return;
    }
    lastKeepalive = now;
    reportCurrent("keepalive");
}

// ---- browser events (registered at the top level, as MV3 wants)

api.tabs.onActivated.addListener(async ({tabId, windowId}) => {
    const win = await lastFocusedWindow();
    if (win === null || win.id !== windowId) {
        return; // a tab switch in a window that is not the focused one
    }
    try {
        sendTab(await api.tabs.get(tabId), win.focused, "activated");
    } catch (e) {
        console.warn("Sundial: activated tab is gone", e);
    }
});

api.tabs.onUpdated.addListener(async (tabId, changeInfo, tab) => {
    if (!tab.active) {
        return;
    }
    if (changeInfo.url === undefined && changeInfo.status !== "complete" && changeInfo.audible === undefined) {
        return;
    }
    const win = await lastFocusedWindow();
    if (win === null || win.id !== tab.windowId) {
        return;
    }
    sendTab(tab, win.focused, "updated");
});

api.windows.onFocusChanged.addListener(async (windowId) => {
    if (windowId === api.windows.WINDOW_ID_NONE) {
        reportCurrent("focus", true);
        return;
    }
    try {
        const [tab] = await api.tabs.query({active: true, windowId});
        sendTab(tab, true, "focus");
    } catch (e) {
        console.warn("Sundial: focused window is gone", e);
    }
});

// Chromium starts an MV3 worker only for an event it has a listener for: these two make it run at
// the browser's start and after an install or update, not only at the first tab event. The top
// level below has connected already by the time they are called.
api.runtime.onStartup.addListener(() => connect());
api.runtime.onInstalled.addListener(() => connect());

api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEPALIVE_ALARM) {
        keepalive();
    }
});

// The block page (blocked.html) asks through runtime messaging:
//   {type: "check", domain}                  -> the host's verdict (or error) frame
//   {type: "ask", domain, minutes, reason}   -> the host's asked (or error) frame
//   {type: "helpLine"}                       -> {type: "helpLine", helpLine}
// An error the host could not be asked for has offline: true.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || message === null || typeof message !== "object") {
        return false;
    }
    let answer;
    if (message.type === "check") {
        answer = request({type: "check", domain: cleanDomain(message.domain)});
    } else if (message.type === "ask") {
        const minutes = Math.round(Number(message.minutes));
        answer = request({
            type: "ask",
            domain: cleanDomain(message.domain),
            minutes: Number.isFinite(minutes) ? Math.min(Math.max(minutes, 1), 240) : 15,
            reason: typeof message.reason === "string" ? cutToBytes(message.reason.trim(), REASON_MAX_BYTES) : "",
        });
    } else if (message.type === "helpLine") {
        answer = Promise.resolve({type: "helpLine", helpLine});
    } else {
        return false;
    }
    answer.then(sendResponse, (e) => sendResponse({type: "error", message: String(e), offline: true}));
    return true; // sendResponse is called later
});

// ---- start

// Created once; creating it at every start of the worker would only move its phase.
api.alarms.get(KEEPALIVE_ALARM).then((alarm) => {
    if (!alarm) {
        api.alarms.create(KEEPALIVE_ALARM, {periodInMinutes: 1});
    }
}).catch(() => api.alarms.create(KEEPALIVE_ALARM, {periodInMinutes: 1}));
connect();
