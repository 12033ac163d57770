/// The report's one script, inline at the end of the page: it loads nothing and sends nothing.
/// It makes every Graphviz picture (`svg.graphviz`, wherever it is on the page) readable: the
/// picture opens at a scale where its text is legible, inside a bounded viewport that scrolls,
/// pans by dragging and zooms (buttons −, +, Fit, 1:1 and ctrl/cmd + wheel); "Full size" shows it
/// alone over the whole window (Escape or Close returns). Before printing it opens every
/// `<details>` so that folded tables are printed, and closes them again afterwards.
///
/// Without the script the page still works: the pictures keep their natural size (one CSS pixel
/// per Graphviz point) and scroll inside their figure. The source has no `<`, no `&` and no
/// `]]>`, so it sits raw in a `<script>` element and the page still parses as XML.
enum ReportScript {
    static let source = """
        (function () {
          "use strict";
          var LEGIBLE = 9, MOST = 0.2, MAX_FIT = 1.5, MIN_SCALE = 0.1, MAX_SCALE = 4, STEP = 1.25;
          var open = null;
          function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
          function size(svg) {
            var vb = svg.viewBox ? svg.viewBox.baseVal : null;
            if (vb ? vb.width * vb.height : 0) { return { w: vb.width, h: vb.height }; }
            var r = svg.getBoundingClientRect();
            return { w: r.width || 1, h: r.height || 1 };
          }
          function legibleScale(svg) {
            var sizes = [];
            svg.querySelectorAll("text").forEach(function (t) {
              var f = parseFloat(t.getAttribute("font-size") || window.getComputedStyle(t).fontSize);
              if (f) { sizes.push(f); }
            });
            if (!sizes.length) { return 1; }
            sizes.sort(function (a, b) { return a - b; });
            return LEGIBLE / sizes[Math.floor((sizes.length - 1) * MOST)];
          }
          function button(label, title, action) {
            var b = document.createElement("button");
            b.type = "button";
            b.textContent = label;
            b.title = title;
            b.setAttribute("aria-label", title);
            b.addEventListener("click", action);
            return b;
          }
          function setup(svg) {
            var box = size(svg), parent = svg.parentNode;
            var frame = document.createElement("div"), tools = document.createElement("div");
            var port = document.createElement("div"), shown = document.createElement("span");
            frame.className = "gv";
            tools.className = "gv-tools";
            port.className = "gv-viewport";
            port.tabIndex = 0;
            port.setAttribute("aria-label", "Picture: drag to pan, ctrl or cmd + wheel to zoom");
            shown.className = "gv-scale";
            parent.insertBefore(frame, svg);
            frame.appendChild(tools);
            frame.appendChild(port);
            port.appendChild(svg);
            var view = { svg: svg, frame: frame, port: port, box: box, scale: 1, legible: legibleScale(svg) };
            function fit() {
              var w = port.clientWidth - 2, h = port.clientHeight;
              var tall = frame.classList.contains("gv-full") ? h : Math.max(h, window.innerHeight * 0.75);
              return Math.min(w / box.w, tall / box.h);
            }
            function apply(s, cx, cy) {
              var old = view.scale;
              s = clamp(s, MIN_SCALE, MAX_SCALE);
              if (cx === undefined) { cx = port.clientWidth / 2; cy = port.clientHeight / 2; }
              var x = (port.scrollLeft + cx) / old, y = (port.scrollTop + cy) / old;
              view.scale = s;
              svg.style.width = (box.w * s).toFixed(1) + "px";
              svg.style.height = (box.h * s).toFixed(1) + "px";
              port.scrollLeft = x * s - cx;
              port.scrollTop = y * s - cy;
              shown.textContent = Math.round(s * 100) + "%";
              frame.setAttribute("data-scale", s.toFixed(3));
            }
            view.apply = apply;
            view.fit = fit;
            function full(on) {
              if (on) {
                if (open) { open.full(false); }
                open = view;
                frame.classList.add("gv-full");
                frame.setAttribute("role", "dialog");
                frame.setAttribute("aria-modal", "true");
                document.documentElement.classList.add("gv-locked");
                fullButton.textContent = "Close";
                fullButton.title = "Close the full-size view (Escape)";
                apply(Math.max(view.scale, Math.min(fit(), MAX_FIT)));
                port.focus();
              } else {
                open = null;
                frame.classList.remove("gv-full");
                frame.removeAttribute("role");
                frame.removeAttribute("aria-modal");
                document.documentElement.classList.remove("gv-locked");
                fullButton.textContent = "Full size";
                fullButton.title = "Show the picture alone over the whole window";
                apply(view.scale);
                fullButton.focus();
              }
            }
            view.full = full;
            var fullButton = button("Full size", "Show the picture alone over the whole window", function () {
              full(!frame.classList.contains("gv-full"));
            });
            fullButton.className = "gv-full-button";
            tools.appendChild(button("\\u2212", "Zoom out", function () { apply(view.scale / STEP); }));
            tools.appendChild(shown);
            tools.appendChild(button("+", "Zoom in", function () { apply(view.scale * STEP); }));
            tools.appendChild(button("Fit", "Fit the whole picture in view", function () { apply(fit()); }));
            tools.appendChild(button("1:1", "Natural size: one pixel per Graphviz point", function () { apply(1); }));
            tools.appendChild(fullButton);
            port.addEventListener("wheel", function (e) {
              if (!(e.ctrlKey || e.metaKey)) { return; }
              e.preventDefault();
              var r = port.getBoundingClientRect();
              apply(view.scale * (e.deltaY > 0 ? 1 / STEP : STEP), e.clientX - r.left, e.clientY - r.top);
            }, { passive: false });
            var drag = null;
            port.addEventListener("pointerdown", function (e) {
              if (e.pointerType !== "mouse" || e.button !== 0) { return; }
              drag = { x: e.clientX, y: e.clientY, left: port.scrollLeft, top: port.scrollTop, id: e.pointerId };
              port.classList.add("gv-dragging");
            });
            port.addEventListener("pointermove", function (e) {
              if (!drag) { return; }
              if (!port.hasPointerCapture(drag.id)) { port.setPointerCapture(drag.id); }
              port.scrollLeft = drag.left - (e.clientX - drag.x);
              port.scrollTop = drag.top - (e.clientY - drag.y);
              e.preventDefault();
            });
            function stop() {
              drag = null;
              port.classList.remove("gv-dragging");
            }
            port.addEventListener("pointerup", stop);
            port.addEventListener("pointercancel", stop);
            var width = port.clientWidth - 2;
            var start = width > 0 ? width / box.w : view.legible;
            apply(start >= view.legible ? Math.min(start, MAX_FIT) : Math.min(view.legible, MAX_SCALE), 0, 0);
            port.scrollLeft = 0;
            port.scrollTop = 0;
            return view;
          }
          var views = [];
          document.querySelectorAll("svg.graphviz").forEach(function (svg) { views.push(setup(svg)); });
          document.documentElement.classList.add("gv-ready");
          document.addEventListener("keydown", function (e) {
            if (e.key === "Escape" || e.key === "Esc") { if (open) { open.full(false); } }
          });
          var folded = [];
          window.addEventListener("beforeprint", function () {
            document.querySelectorAll("details:not([open])").forEach(function (d) {
              folded.push(d);
              d.open = true;
            });
          });
          window.addEventListener("afterprint", function () {
            folded.forEach(function (d) { d.open = false; });
            folded = [];
          });
        })();
        """
}
