namespace HpProxy.Dashboard.Pages;

/// <summary>
/// The dashboard's only script, served same-origin as /app.js (so the pages' Content-Security-Policy can forbid
/// inline script). Vanilla JS, no network beyond this server's JSON API. Data reaches the DOM only through
/// textContent and SVG attributes — never innerHTML — so a study's names cannot inject markup.
/// </summary>
internal static class Script
{
    public const string Source = """
        "use strict";
        (function () {
          const page = document.body.dataset.page;
          const $ = (id) => document.getElementById(id);
          const fmt = (v, d) => (v === null || v === undefined) ? "–" : Number(v).toFixed(d);
          function duration(s) {
            if (s === null || s === undefined) return "unknown";
            s = Math.round(s); const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
            return h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m " + r + "s" : r + "s";
          }
          function fillRows(tbody, rows) {
            while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
            for (const cells of rows) {
              const tr = document.createElement("tr");
              for (const c of cells) {
                const td = document.createElement("td");
                if (c && typeof c === "object" && c.href) { const a = document.createElement("a"); a.href = c.href; a.textContent = c.text; td.appendChild(a); }
                else { td.textContent = c === null || c === undefined ? "" : String(c); }
                tr.appendChild(td);
              }
              tbody.appendChild(tr);
            }
          }
          async function getJson(url) {
            const r = await fetch(url, { credentials: "same-origin", cache: "no-store" });
            if (!r.ok) throw new Error(url + ": HTTP " + r.status);
            return r.json();
          }

          async function refreshOverview() {
            try {
              const o = await getJson("/api/overview");
              const s = o.status;
              for (const k of ["total", "succeeded", "running", "stalled", "pending", "failed", "cancelled", "workers"]) $(k).textContent = s[k];
              $("rate").textContent = fmt(o.runs_per_minute, 1);
              $("eta").textContent = s.pending + s.running + s.stalled === 0 ? "done" : duration(s.eta_seconds);
              const done = s.succeeded + s.failed + s.cancelled;
              const pct = s.total > 0 ? 100 * done / s.total : 0;
              $("done-bar").style.width = pct.toFixed(1) + "%";
              $("done-text").textContent = done + " of " + s.total + " runs finished (" + pct.toFixed(1) + "%)";
              $("warnings").replaceChildren(...o.warnings.map(w => { const p = document.createElement("p"); p.className = "err"; p.textContent = w; return p; }));
              fillRows(document.querySelector("#groups tbody"), o.groups.map(g => {
                const d = g.succeeded + g.failed + g.cancelled;
                return [g.task, g.demonstrations, g.algorithm, (g.total ? (100 * d / g.total).toFixed(0) : "0") + "%", g.total, g.succeeded, g.running, g.pending, g.failed, g.cancelled];
              }));
              fillRows(document.querySelector("#worker-list tbody"), o.worker_list.map(w => [w.worker_id, w.process_id, w.host,
                w.current_run_id ? { href: "/runs/" + encodeURIComponent(w.current_run_id), text: w.current_run_id } : "idle", w.last_seen]));
              $("updated").textContent = "updated " + new Date().toLocaleTimeString();
            } catch (e) { $("updated").textContent = String(e); }
          }

          async function act(path) {
            const token = $("token").value;
            const r = await fetch(path, { method: "POST", headers: { "X-HpProxy-Token": token }, credentials: "same-origin" });
            let body = {}; try { body = await r.json(); } catch (e) { }
            $("action-result").textContent = r.ok ? body.message : ("refused (HTTP " + r.status + "): " + (body.error || ""));
            refreshOverview();
          }

          const svgNs = "http://www.w3.org/2000/svg";
          function el(name, attrs, text) {
            const e = document.createElementNS(svgNs, name);
            for (const k in attrs) e.setAttribute(k, attrs[k]);
            if (text !== undefined) e.textContent = text;
            return e;
          }
          let points = null;
          function drawScatter() {
            const plot = $("plot"); while (plot.firstChild) plot.removeChild(plot.firstChild);
            if (!points || points.groups.length === 0) { $("stats").textContent = "No succeeded configuration yet."; return; }
            const g = points.groups[Number($("group").value) || 0];
            const proxy = $("proxy").value || firstWithData(g) || g.proxies[0];
            const pts = g.points.filter(p => p.score !== null && p.proxies[proxy] !== null && p.proxies[proxy] !== undefined);
            const c = g.correlations[proxy];
            $("stats").textContent = g.task + " · " + g.demonstrations + " · " + g.algorithm + ": " + proxy + " (" + (points.directions[proxy] || "higher") +
              " is better) — Spearman ρ = " + fmt(c && c.spearman, 2) + ", Kendall τ = " + fmt(c && c.kendall, 2) + ", n = " + pts.length;
            const W = 720, H = 460, L = 70, R = 20, T = 20, B = 60;
            const svg = el("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img" });
            svg.appendChild(el("rect", { x: 0, y: 0, width: W, height: H, fill: "#fff" }));
            if (pts.length === 0) { svg.appendChild(el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no points")); plot.appendChild(svg); return; }
            const xs = pts.map(p => p.proxies[proxy]), ys = pts.map(p => p.score);
            let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(0, ...ys), y1 = Math.max(1, ...ys);
            if (x0 === x1) { x0 -= 1; x1 += 1; }
            const pad = 0.04 * (x1 - x0); x0 -= pad; x1 += pad; // keep dots off the frame
            const px = v => L + (v - x0) / (x1 - x0) * (W - L - R), py = v => H - B - (v - y0) / (y1 - y0) * (H - T - B);
            svg.appendChild(el("rect", { x: L, y: T, width: W - L - R, height: H - T - B, fill: "none", stroke: "#444" }));
            for (let i = 0; i <= 4; i++) {
              const xv = x0 + (x1 - x0) * i / 4, yv = y0 + (y1 - y0) * i / 4;
              svg.appendChild(el("line", { x1: px(xv), x2: px(xv), y1: T, y2: H - B, stroke: "#eee" }));
              svg.appendChild(el("line", { x1: L, x2: W - R, y1: py(yv), y2: py(yv), stroke: "#eee" }));
              svg.appendChild(el("text", { x: px(xv), y: H - B + 16, "text-anchor": "middle", "font-size": 12 }, Number(xv.toPrecision(3)).toString()));
              svg.appendChild(el("text", { x: L - 6, y: py(yv) + 4, "text-anchor": "end", "font-size": 12 }, Number(yv.toPrecision(3)).toString()));
            }
            for (const ref of [0, 1]) svg.appendChild(el("line", { x1: L, x2: W - R, y1: py(ref), y2: py(ref), stroke: ref ? "#2ca02c" : "#7f7f7f", "stroke-dasharray": "6 4" }));
            for (const p of pts) {
              const dot = el("circle", { cx: px(p.proxies[proxy]), cy: py(p.score), r: 5, fill: "#1f77b4", "fill-opacity": 0.8 });
              dot.appendChild(el("title", {}, p.config_id + ": " + proxy + " = " + p.proxies[proxy].toPrecision(4) + ", score = " + p.score.toFixed(3) + " (" + p.seeds + " seeds)"));
              svg.appendChild(dot);
            }
            svg.appendChild(el("text", { x: L + (W - L - R) / 2, y: H - 14, "text-anchor": "middle", "font-size": 14 }, proxy + " (" + (points.directions[proxy] || "higher") + " is better)"));
            svg.appendChild(el("text", { x: 16, y: T + (H - T - B) / 2, "text-anchor": "middle", "font-size": 14, transform: "rotate(-90 16 " + (T + (H - T - B) / 2) + ")" }, "normalised score (0 = random, 1 = expert)"));
            plot.appendChild(svg);
          }
          function fillSelect(sel, labels, keep, preferred) {
            const old = sel.value;
            while (sel.firstChild) sel.removeChild(sel.firstChild);
            labels.forEach((label, i) => { const o = document.createElement("option"); o.value = keep ? label : String(i); o.textContent = label; sel.appendChild(o); });
            if ([...sel.options].some(o => o.value === old)) sel.value = old;
            else if (preferred !== undefined && [...sel.options].some(o => o.value === preferred)) sel.value = preferred;
          }
          // The first proxy with at least one value in the group (a proxy that never applied, e.g. a discriminator
          // diagnostic for BC, would draw an empty plot).
          function firstWithData(g) {
            return g.proxies.find(p => g.points.some(pt => pt.proxies[p] !== null && pt.proxies[p] !== undefined));
          }
          async function refreshScatter() {
            try {
              points = await getJson("/api/points");
              fillSelect($("group"), points.groups.map(g => g.task + " · " + g.demonstrations + " · " + g.algorithm), false);
              const g = points.groups[Number($("group").value) || 0];
              fillSelect($("proxy"), g ? g.proxies : [], true, g ? firstWithData(g) : undefined);
              drawScatter();
            } catch (e) { $("stats").textContent = String(e); }
          }

          if (page === "overview") {
            $("cancel").addEventListener("click", () => act("/api/cancel"));
            $("retry").addEventListener("click", () => act("/api/retry-failed"));
            refreshOverview(); setInterval(refreshOverview, 2000);
          } else if (page === "scatter") {
            $("group").addEventListener("change", () => { const g = points.groups[Number($("group").value) || 0]; fillSelect($("proxy"), g.proxies, true, firstWithData(g)); drawScatter(); });
            $("proxy").addEventListener("change", drawScatter);
            refreshScatter(); setInterval(refreshScatter, 5000);
          }
        })();
        """;
}
