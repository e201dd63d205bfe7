// The dashboard's two static files, served by the Worker so the CSP can forbid inline scripts and styles.

/**
 * Makes a page live: listens to the page's server-sent event stream (`data-live` on <body>) and, when it opens and on
 * each `change`, fetches the page's <main> content (`?fragment=1`) and swaps it in. A page that no longer exists is reloaded so
 * its full answer (e.g. "this sandbox no longer exists") shows.
 */
export const liveScript = `"use strict";
(function () {
  var src = document.body.getAttribute("data-live");
  var main = document.getElementById("main");
  if (!src || !main || !window.EventSource) return;
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    var url = new URL(location.href);
    url.searchParams.set("fragment", "1");
    fetch(url.toString(), { headers: { accept: "text/html" }, credentials: "same-origin" })
      .then(function (r) {
        if (r.status !== 200) { location.reload(); return; }
        return r.text().then(function (html) {
          main.innerHTML = html;
          document.body.setAttribute("data-updated", String(Number(document.body.getAttribute("data-updated") || 0) + 1));
        });
      })
      .catch(function () {})
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  var events = new EventSource(src);
  // Once the stream is open its watches are in place: one refresh picks up whatever changed since the page (or the
  // last connection) was rendered, so no change falls between the two.
  events.addEventListener("open", refresh);
  events.addEventListener("change", refresh);
  events.addEventListener("gone", function () { events.close(); location.reload(); });
})();
`;

export const dashboardCss = `:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--link:#0550ae;
--ok:#116329;--ok-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff8c5;--bad:#a40e26;--bad-bg:#ffebe9;--info:#0a3069;--info-bg:#ddf4ff;--grey-bg:#eaeef2}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}a:focus-visible,button:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
header.top{background:var(--panel);border-bottom:1px solid var(--line);padding:8px 16px}
.brand{margin:0 0 6px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}.brand a{font-weight:700;text-decoration:none}
.cluster{color:var(--muted)}
.badge{border:1px solid var(--line);border-radius:12px;padding:1px 8px;font-size:13px}.badge.shared{background:var(--info-bg);color:var(--info);border-color:#54aeff}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px}
nav a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none;border-bottom:3px solid #fd8c73}
.ns-filter{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;margin:8px 0 12px;color:var(--muted)}
main{padding:12px 16px;max-width:1400px}main.narrow{max-width:760px;margin:0 auto}
h1{font-size:22px;margin:6px 0 10px}h2{font-size:18px;margin:22px 0 8px}h3{font-size:15px;margin:0 0 4px}h4{font-size:13px;margin:8px 0 4px;color:var(--muted)}
.summary,.note,.empty,.crumbs,.when{color:var(--muted)}
.nodes{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:12px}
.node{border:1px solid var(--line);border-radius:8px;padding:10px;background:var(--bg)}
.facts,.taints{margin:2px 0;font-size:13px}.role{font-weight:600}
.usage{font-size:13px;display:grid;gap:2px;margin:4px 0}meter{width:100%;height:10px}
ul.pods{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:3px}
.pod{display:flex;justify-content:space-between;align-items:flex-start;gap:6px;font-size:13px;border-left:4px solid var(--line);padding-left:6px}.pod a{min-width:0;overflow-wrap:anywhere}.pod .state{flex:none}
.state{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;white-space:nowrap}
.s-running,.t-running{border-color:var(--ok)}.s-running{background:var(--ok-bg);color:var(--ok)}
.s-succeeded,.t-succeeded{border-color:var(--muted)}.s-succeeded{background:var(--grey-bg);color:var(--muted)}
.s-pending,.t-pending{border-color:#bf8700}.s-pending{background:var(--warn-bg);color:var(--warn)}
.s-creating,.t-creating{border-color:#0969da}.s-creating{background:var(--info-bg);color:var(--info)}
.s-failed,.s-crash,.t-failed,.t-crash{border-color:var(--bad)}.s-failed,.s-crash{background:var(--bad-bg);color:var(--bad)}
.s-terminating,.t-terminating{border-color:#8250df}.s-terminating{background:#fbefff;color:#6639ba}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:var(--panel);font-size:13px}tbody th{font-weight:500}
ol.timeline{list-style:none;padding:0;margin:0}ol.timeline li{border-left:3px solid var(--line);padding:4px 10px;margin-bottom:8px}
ol.timeline li.warning{border-left-color:var(--bad);background:var(--bad-bg)}ol.timeline p{margin:0}.message{white-space:pre-wrap;word-break:break-word}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px;overflow-x:auto;font-size:13px;white-space:pre-wrap;word-break:break-all}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-all}
ul.plain,ul.pairs{padding-left:18px}ul.pairs code{word-break:break-all}
.error{color:var(--bad);background:var(--bad-bg);padding:6px 10px;border-radius:6px}
button{font:inherit;font-size:17px;padding:10px 18px;border-radius:6px;border:1px solid #1a7f37;background:#1f883d;color:#fff;cursor:pointer}
footer{padding:12px 16px;color:var(--muted);font-size:13px;border-top:1px solid var(--line);margin-top:24px}
@media (max-width:600px){main{padding:8px}.nodes{grid-template-columns:1fr}dl.meta{grid-template-columns:1fr}}
`;
