/// The report's stylesheet and script, inlined into the page so that it is
/// one file with nothing to fetch. The script only adds filters and keys:
/// every piece of content is in the HTML.
enum HTMLReportAssets {
    static let css = """
    :root{--vague:#b45309;--vague-bg:#fde8d0;--clear:#15803d;--clear-bg:#dcf5e3;--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--paper:#fff;--page:#f3f4f6;--focus:#1d4ed8;color-scheme:light}
    *{box-sizing:border-box}
    body{margin:0;background:var(--page);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif}
    h1{font-size:1.35rem;margin:0}
    h2{font-size:1.2rem;margin:0 0 .2rem}
    h3{font-size:1rem;margin:0 0 .5rem}
    .top{background:#1f2937;color:#f9fafb;padding:.7rem 1.2rem}
    .top p{margin:.2rem 0 0;color:#d1d5db;font-size:.9rem}
    .legend span{white-space:nowrap;margin-right:.8rem}
    .legend i{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.3em}
    .legend .v{background:var(--vague-bg);border-bottom:3px solid var(--vague)}
    .legend .c{background:var(--clear-bg);border-bottom:3px solid var(--clear)}
    .legend .f{border-bottom:2px dotted #dc2626;width:1.4em;height:.6em}
    .filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;padding:.5rem 1.2rem;background:#fff;border-bottom:1px solid var(--line);box-shadow:0 1px 3px #0001;font-size:.9rem}
    .filters[hidden]{display:none}
    .filters select,.filters button{font:inherit;padding:.15rem .3rem;max-width:13rem}
    .filters output{font-weight:600}
    .keys{margin:0;color:var(--muted);font-size:.8rem;flex-basis:100%}
    kbd{border:1px solid var(--line);border-bottom-width:2px;border-radius:3px;padding:0 .25em;font:.8rem ui-monospace,"DejaVu Sans Mono",monospace;background:#f6f8fa}
    main{padding:1rem 1.2rem;max-width:1500px;margin:0 auto}
    .doc{margin-bottom:2rem}
    .meta{color:var(--muted);font-size:.85rem;margin:0 0 .6rem;overflow-wrap:anywhere}
    .warnings{color:#92400e;font-size:.85rem}
    .summary{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin-bottom:1rem}
    .figures{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin-bottom:.4rem}
    .figure{margin:0}
    .figure b{font-size:1.5rem;margin-right:.15rem}
    .figure.vague b{color:var(--vague)}
    .figure.clear b{color:var(--clear)}
    .charts{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start}
    .chart{margin:0}
    figcaption,caption{font-size:.85rem;color:var(--muted);text-align:left;margin-bottom:.2rem}
    .chart text{font-size:12px;fill:var(--ink)}
    .chart .bg{fill:#e5e7eb}
    .chart .pass{fill:var(--clear)}
    .groups{border-collapse:collapse;font-size:.85rem}
    .groups th,.groups td{padding:.1rem .5rem .1rem 0;text-align:left;font-weight:normal}
    .groups thead th{color:var(--muted)}
    .groups td{text-align:right}
    .bar .vague{fill:var(--vague)}
    .bar .clear{fill:var(--clear)}
    .toc{margin:.3rem 0 0;padding-left:1.2rem}
    .split{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
    .text{background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem;white-space:pre-wrap;overflow-wrap:break-word;font:16px/1.65 Georgia,"DejaVu Serif",serif}
    mark.goal{color:inherit;border-radius:2px;padding:.05em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone;cursor:pointer}
    mark.vague{background:var(--vague-bg);border-bottom:2px solid var(--vague)}
    mark.clear{background:var(--clear-bg);border-bottom:2px solid var(--clear)}
    mark.off{background:none;border-bottom-color:transparent;cursor:auto}
    .fs{text-decoration:underline dotted #dc2626 2px;text-underline-offset:.25em}
    mark.off .fs{text-decoration:none}
    a.tag,span.tag{display:inline-block;font:600 11px/1.5 system-ui,"DejaVu Sans",sans-serif;color:#fff;border-radius:3px;padding:0 .3em;margin-right:.2em;text-decoration:none;vertical-align:.15em;user-select:none;-webkit-user-select:none}
    .tag.vague{background:var(--vague)}
    .tag.clear{background:var(--clear)}
    .tag.off{display:none}
    .panel h3{margin-top:0}
    .goal[hidden],.empty[hidden]{display:none}
    article.goal{background:var(--paper);border:1px solid var(--line);border-left:5px solid var(--clear);border-radius:6px;padding:.6rem .8rem;margin-bottom:.8rem;scroll-margin-top:5rem}
    article.goal.vague{border-left-color:var(--vague)}
    article.goal header{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:center}
    .verdict{font-weight:700;font-size:.85rem}
    .verdict.vague{color:var(--vague)}
    .verdict.clear{color:var(--clear)}
    .kind{font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .3em}
    .where{margin-left:auto;color:var(--muted);font-size:.8rem}
    .path,.leadin{margin:.3rem 0 0;color:var(--muted);font-size:.8rem}
    .leadin{font-style:italic}
    blockquote{margin:.4rem 0;padding:0 0 0 .6rem;border-left:3px solid var(--line);font-family:Georgia,"DejaVu Serif",serif}
    .smart{border-collapse:collapse;width:100%;font-size:.85rem;margin:.3rem 0}
    .smart th{text-align:left;font-weight:600;white-space:nowrap;padding:.15rem .5rem .15rem 0;vertical-align:top;width:1%}
    .smart td{padding:.15rem .3rem;vertical-align:top;border-top:1px solid #eef0f2}
    .smart th{border-top:1px solid #eef0f2}
    .smart td.mark{font-weight:700;width:1.2rem;text-align:center}
    .smart .pass .mark{color:var(--clear)}
    .smart .fail .mark{color:#dc2626}
    .fields{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .7rem;font-size:.85rem;margin:.4rem 0}
    .fields dt{color:var(--muted)}
    .fields dd{margin:0}
    .missing{color:#9ca3af;font-style:italic}
    .inherited,.quantity{color:var(--muted)}
    .findings{list-style:none;margin:.4rem 0 0;padding:0;font-size:.85rem}
    .finding{border-radius:4px;padding:.3rem .5rem;margin-top:.3rem;background:#fef2f2;border:1px solid #fecaca}
    .finding.warning{background:#fff7ed;border-color:#fed7aa}
    .finding.info{background:#eff6ff;border-color:#bfdbfe}
    .sev{font-weight:700;text-transform:uppercase;font-size:.7rem;letter-spacing:.03em}
    .finding code{font-size:.75rem;color:var(--muted)}
    .fix{margin:.2rem 0 0}
    .finding.dim{opacity:.45}
    .empty{color:var(--muted);font-style:italic}
    .current{outline:3px solid var(--focus);outline-offset:2px}
    .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    footer{color:var(--muted);font-size:.8rem;padding:0 1.2rem 1.5rem;max-width:1500px;margin:0 auto}
    @media (max-width:700px){.keys{display:none}.filters{gap:.3rem .8rem;padding:.5rem .8rem}main{padding:.8rem}.top{padding:.6rem .8rem}.figure b{font-size:1.25rem}}
    @media (min-width:960px){
    .filters{position:sticky;top:0;z-index:2}
    .split{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
    .text,.panel{max-height:calc(100vh - 7.5rem);overflow:auto;position:sticky;top:6.5rem}
    .panel{padding-right:.3rem}
    }
    @media print{.filters{display:none}.text,.panel{max-height:none;overflow:visible;position:static}}
    """

    static let js = """
    (function () {
      "use strict";
      var d = document, form = d.getElementById("filters");
      if (!form) return;
      form.hidden = false;
      var cards = Array.prototype.slice.call(d.querySelectorAll("article.goal"));
      var vague = d.getElementById("f-vague"), program = d.getElementById("f-program"),
        direction = d.getElementById("f-direction"), rule = d.getElementById("f-rule"),
        count = d.getElementById("f-count"), current = [];
      function shows(c) {
        return (!vague.checked || c.getAttribute("data-vague") === "1") &&
          (!program.value || c.getAttribute("data-program") === program.value) &&
          (!direction.value || c.getAttribute("data-direction") === direction.value) &&
          (!rule.value || (" " + c.getAttribute("data-rules") + " ").indexOf(" " + rule.value + " ") >= 0);
      }
      function markOf(card) { return d.getElementById(card.id + "-t"); }
      function apply() {
        var n = 0;
        cards.forEach(function (c) {
          var on = shows(c), m = markOf(c);
          c.hidden = !on;
          if (m) {
            m.classList.toggle("off", !on);
            if (m.previousElementSibling) m.previousElementSibling.classList.toggle("off", !on);
          }
          if (on) n++;
        });
        // Under a rule filter the other rules' findings fade, and j/k skip them.
        Array.prototype.forEach.call(d.querySelectorAll("li.finding"), function (f) {
          f.classList.toggle("dim", !!rule.value && f.getAttribute("data-rule") !== rule.value);
        });
        count.textContent = "Visar " + n + " av " + cards.length + " mål";
        Array.prototype.forEach.call(d.querySelectorAll(".panel"), function (p) {
          var e = p.querySelector(".empty");
          if (e) e.hidden = !!p.querySelector("article.goal:not([hidden])");
        });
      }
      // Marks el (a card or finding) and its place in the text, and brings both into view.
      function select(el, target, targetInView) {
        current.forEach(function (x) { x.classList.remove("current"); });
        current = target ? [el, target] : [el];
        current.forEach(function (x) { x.classList.add("current"); });
        el.scrollIntoView({ block: "nearest" });
        if (target && !targetInView) target.scrollIntoView({ block: "center" });
        el.focus({ preventScroll: true });
      }
      function step(selector, forward, targetOf) {
        var items = Array.prototype.filter.call(d.querySelectorAll(selector), function (x) {
          return !x.closest("article.goal").hidden && !x.classList.contains("dim");
        });
        if (!items.length) return;
        var at = current[0], pick = null;
        if (at && forward) {
          for (var i = 0; i < items.length && !pick; i++)
            if (items[i] !== at && at.compareDocumentPosition(items[i]) & Node.DOCUMENT_POSITION_FOLLOWING) pick = items[i];
        } else if (at) {
          for (var j = items.length - 1; j >= 0 && !pick; j--)
            if (items[j] !== at && at.compareDocumentPosition(items[j]) & Node.DOCUMENT_POSITION_PRECEDING) pick = items[j];
        }
        // Nothing selected yet, or past the last one: start from the first (or the last).
        if (!pick) pick = forward ? items[0] : items[items.length - 1];
        select(pick, targetOf(pick));
      }
      function spanOf(li) { return d.getElementById(li.getAttribute("data-span")) || markOf(li.closest("article.goal")); }
      form.addEventListener("change", apply);
      form.addEventListener("reset", function () { setTimeout(apply, 0); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      d.addEventListener("click", function (e) {
        var m = e.target.closest && e.target.closest("mark.goal");
        if (!m || m.classList.contains("off")) return;
        var card = d.getElementById(m.getAttribute("data-g"));
        if (card) select(card, m, true);
      });
      d.addEventListener("keydown", function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        var tag = e.target.tagName;
        if (e.key === "Escape") { form.reset(); return; }
        // Keys belong to a select or a text field while it has focus (a checkbox needs none).
        if (tag === "SELECT" || tag === "TEXTAREA" || (tag === "INPUT" && e.target.type !== "checkbox")) return;
        switch (e.key) {
          case "j": step("li.finding", true, spanOf); break;
          case "k": step("li.finding", false, spanOf); break;
          case "n": step("article.goal", true, markOf); break;
          case "p": step("article.goal", false, markOf); break;
          case "v": vague.checked = !vague.checked; apply(); break;
          default: return;
        }
        e.preventDefault();
      });
      apply();
    })();
    """
}
