// Sundial's block page: shown in a tab whose site the service closed. It says which site, why and
// until when, lets the child ask for more time, always shows the help line, and goes back to the
// site once a check says it is open again.
//
// Query parameters (set by background.js): domain, verdict, reason, opensAt (Unix seconds, or ""),
// url (the page to go back to), helpLineName, helpLinePhone, helpLineUrl.
// It talks only to background.js (runtime messages "check", "ask" and "helpLine").

"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const CHECK_EVERY_MS = 30 * 1000;
const OPEN = new Set(["allowed", "always-allowed"]);
const WHY = {
    "blocked": "whyBlocked",
    "over-budget": "whyOverBudget",
    "outside-hours": "whyOutsideHours",
    "out-of-time": "whyOutOfTime",
};

const params = new URLSearchParams(location.search);
const state = {
    domain: (params.get("domain") || "").toLowerCase(),
    verdict: params.get("verdict") || "",
    reason: params.get("reason") || "",
    opensAt: params.get("opensAt") || "",
    url: params.get("url") || "",
    helpLine: {
        name: params.get("helpLineName") || "",
        phone: params.get("helpLinePhone") || "",
        url: params.get("helpLineUrl") || "",
    },
};
let checking = false;
let leaving = false;

function msg(key, substitutions) {
    return api.i18n.getMessage(key, substitutions) || "";
}

function $(id) {
    return document.getElementById(id);
}

// The language the texts are in (the locale file that answered), so dates match the words.
function pageLanguage() {
    return msg("lang") || "en";
}

function two(n) {
    return String(n).padStart(2, "0");
}

function startOfDay(date) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

// "It opens again at 15:00." today, "... tomorrow at 07:00." tomorrow, "... on Monday at 07:00."
// within a week, else with the date. Local time, 24-hour clock as in Sundial's other windows.
// `value`: Unix seconds (as the protocol gives it; a string of digits in the query) or ISO 8601.
function opensText(value) {
    if (value === null || value === undefined || value === "") {
        return "";
    }
    const when = /^\d+$/.test(String(value)) ? new Date(Number(value) * 1000) : new Date(String(value));
    if (Number.isNaN(when.getTime()) || when.getTime() <= Date.now()) {
        return "";
    }
    const time = two(when.getHours()) + ":" + two(when.getMinutes());
    const days = Math.round((startOfDay(when) - startOfDay(new Date())) / 86400000);
    if (days <= 0) {
        return msg("opensToday", [time]);
    }
    if (days === 1) {
        return msg("opensTomorrow", [time]);
    }
    const options = days < 7 ? {weekday: "long"} : {weekday: "long", day: "numeric", month: "long"};
    let day;
    try {
        day = new Intl.DateTimeFormat(pageLanguage(), options).format(when);
    } catch {
        day = when.toLocaleDateString();
    }
    return msg("opensLater", [day, time]);
}

function webUrl(value) {
    if (!value) {
        return "";
    }
    try {
        const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : "https://" + value);
        return (parsed.protocol === "https:" || parsed.protocol === "http:") ? parsed.href : "";
    } catch {
        return "";
    }
}

// Where to go back to: the original page when it is an http(s) page of this site, else the site.
function backUrl() {
    const original = webUrl(state.url);
    if (original !== "") {
        const host = new URL(original).hostname.toLowerCase().replace(/\.+$/, "");
        if (state.domain === "" || host === state.domain) {
            return original;
        }
    }
    return state.domain !== "" ? webUrl(state.domain + "/") : "";
}

function renderClosed() {
    $("domain").textContent = state.domain || msg("thisSite");
    $("why").textContent = msg(WHY[state.verdict] || "whyOther");
    const opens = opensText(state.opensAt);
    $("opens").textContent = opens;
    $("opens").hidden = opens === "";
    // The service's reason is English; shown small, only where the page is English too.
    const showReason = state.reason !== "" && pageLanguage() === "en";
    $("reason").textContent = showReason ? msg("reasonDetail", [state.reason]) : "";
    $("reason").hidden = !showReason;
}

function renderHelpLine() {
    const line = state.helpLine;
    const phone = (line.phone || "").trim();
    const dial = phone.replace(/[^0-9+*#]/g, "");
    const site = webUrl((line.url || "").trim());
    const known = line.name !== "" || dial !== "" || site !== "";

    $("help-line-name").textContent = known ? (line.name || msg("helpDefaultName")) : "";
    $("help-line-name").hidden = !known;

    const call = $("help-line-phone");
    if (dial !== "") {
        call.href = "tel:" + dial;
        call.textContent = msg("helpCall", [phone]);
        call.hidden = false;
    } else {
        call.removeAttribute("href");
        call.hidden = true;
    }
    const link = $("help-line-url");
    if (site !== "") {
        link.href = site;
        link.title = site;
        link.hidden = false;
    } else {
        link.removeAttribute("href");
        link.hidden = true;
    }
    $("help-line-none").hidden = known;
}

function setStatus(text) {
    $("status").textContent = text;
}

function send(message) {
    // Both browsers return a promise from runtime.sendMessage in MV3.
    return Promise.resolve(api.runtime.sendMessage(message)).then(
        (answer) => answer || {type: "error", offline: true},
        () => ({type: "error", offline: true}));
}

function applyHelpLine(line) {
    if (line && typeof line === "object" && (line.name || line.phone || line.url)) {
        state.helpLine = {
            name: typeof line.name === "string" ? line.name : "",
            phone: typeof line.phone === "string" ? line.phone : "",
            url: typeof line.url === "string" ? line.url : "",
        };
        renderHelpLine();
    }
}

async function check(byHand) {
    if (checking || leaving || state.domain === "") {
        return;
    }
    checking = true;
    const button = $("try-again");
    button.disabled = true;
    if (byHand) {
        setStatus(msg("checking"));
    }
    try {
        const answer = await send({type: "check", domain: state.domain});
        if (answer.type === "verdict") {
            applyHelpLine(answer.helpLine);
            if (OPEN.has(answer.verdict)) {
                const target = backUrl();
                if (target !== "") {
                    leaving = true;
                    setStatus(msg("opening"));
                    location.replace(target);
                    return;
                }
            }
            if (WHY[answer.verdict]) {
                state.verdict = answer.verdict;
                state.reason = typeof answer.reason === "string" ? answer.reason : "";
                state.opensAt = (typeof answer.opensAt === "number" || typeof answer.opensAt === "string")
                    ? String(answer.opensAt) : "";
                renderClosed();
            }
            setStatus(byHand ? msg("stillClosed") : "");
        } else {
            setStatus(msg("offline"));
        }
    } finally {
        checking = false;
        button.disabled = false;
    }
}

async function ask(event) {
    event.preventDefault();
    const button = $("ask");
    const result = $("ask-result");
    const chosen = document.querySelector('input[name="minutes"]:checked');
    const minutes = chosen ? Number(chosen.value) : 15;
    const reason = $("ask-reason").value.trim();
    button.disabled = true;
    result.className = "ask-result";
    result.textContent = msg("askSending");
    const answer = await send({type: "ask", domain: state.domain, minutes, reason});
    if (answer.type === "asked" && answer.ok === true) {
        result.textContent = msg("askDone");
        result.classList.add("ok");
        // One request at a time; the button comes back after two minutes.
        setTimeout(() => { button.disabled = false; }, 2 * 60 * 1000);
        return;
    }
    const hostWords = typeof answer.message === "string" ? answer.message.trim() : "";
    if (answer.type === "asked" || (answer.type === "error" && !answer.offline && hostWords !== "")) {
        result.textContent = hostWords !== "" ? msg("askRefused", [hostWords]) : msg("askFailed");
    } else {
        result.textContent = msg("askFailed");
    }
    result.classList.add("problem");
    button.disabled = false;
}

function localize() {
    document.documentElement.lang = pageLanguage();
    for (const element of document.querySelectorAll("[data-i18n]")) {
        element.textContent = msg(element.dataset.i18n);
    }
    for (const element of document.querySelectorAll("[data-i18n-placeholder]")) {
        element.placeholder = msg(element.dataset.i18nPlaceholder);
    }
    for (const element of document.querySelectorAll("[data-minutes]")) {
        element.textContent = msg("minutes", [element.dataset.minutes]);
    }
    document.title = msg("pageTitle") + " – " + (state.domain || "Sundial");
}

function start() {
    localize();
    renderClosed();
    renderHelpLine();
    if (!state.helpLine.name && !state.helpLine.phone && !state.helpLine.url) {
        send({type: "helpLine"}).then((answer) => applyHelpLine(answer.helpLine));
    }
    $("try-again").addEventListener("click", () => check(true));
    $("ask-form").addEventListener("submit", ask);
    if (state.domain === "") {
        $("try-again").hidden = true;
        $("ask").disabled = true;
    }
    // A block page restored with the browser's session may be out of date: check at once too.
    check(false);
    setInterval(() => check(false), CHECK_EVERY_MS);
    document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") {
            check(false);
        }
    });
}

start();
