/// The report's style sheet: system fonts, quiet colours, and print rules so that "print to
/// PDF" gives a clean document. (No `<` or `&` in it: it sits raw in a `<style>` element.)
enum ReportStyle {
    static let css = """
        :root { --ink: #1F2933; --muted: #5F6B7A; --line: #D9DEE4; --soft: #F5F7F9; --accent: #1D4E89;
          --good: #1E7B46; --bad: #B42318; --warn: #9A5B00; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #FFFFFF;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header.masthead { background: var(--accent); color: #FFFFFF; padding: 28px max(40px, calc((100% - 1100px) / 2)) 22px; }
        header.masthead h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; }
        header.masthead .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .85; }
        header.masthead .lede { margin: 6px 0 0; max-width: 60em; opacity: .95; }
        header.masthead .meta { margin: 10px 0 0; font-size: 13px; opacity: .85; }
        nav.toc { border-bottom: 1px solid var(--line); background: var(--soft); padding: 8px max(40px, calc((100% - 1100px) / 2)); }
        nav.toc ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 14px; }
        nav.toc a { color: var(--accent); text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        main { max-width: 1180px; margin: 0 auto; padding: 8px 40px 40px; }
        section { padding-top: 18px; border-top: 1px solid var(--line); margin-top: 26px; }
        section:first-child { border-top: 0; margin-top: 0; }
        h2 { font-size: 21px; margin: 0 0 10px; color: var(--accent); }
        h3 { font-size: 16px; margin: 20px 0 6px; }
        p { margin: 6px 0 10px; max-width: 72em; }
        .note { color: var(--muted); font-size: 13px; }
        .headline { font-size: 17px; }
        .callout { background: var(--soft); border-left: 4px solid var(--accent); padding: 10px 14px; margin: 12px 0; }
        .callout.bad { border-left-color: var(--bad); }
        .callout.good { border-left-color: var(--good); }
        ol.steps { margin: 6px 0 10px; padding-left: 22px; }
        ol.steps li { margin: 3px 0; }
        table.data { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13.5px; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        table.data th { background: var(--soft); font-weight: 600; }
        table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.kv th { width: 16em; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
        .mono { word-break: break-all; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .badge.good { background: #E3F4EA; color: var(--good); }
        .badge.bad { background: #FDE8E6; color: var(--bad); }
        .badge.warn { background: #FFF1D6; color: var(--warn); }
        .badge.neutral { background: #EEF1F4; color: var(--muted); }
        .ids { font-size: 12.5px; color: var(--muted); }
        .ids span { white-space: nowrap; }
        figure { margin: 14px 0 22px; }
        figure:has(> svg.graphviz), div:has(> svg.graphviz) { max-width: 100%; max-height: 80vh; overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
        svg.graphviz { display: block; max-width: none; }
        .gv { margin: 0; background: #FFFFFF; }
        .gv-tools { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0 0 4px; font-size: 13px; }
        .gv-tools button { font: inherit; color: var(--accent); background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 1px 9px; min-width: 30px; cursor: pointer; }
        .gv-tools button:hover, .gv-tools button:focus-visible { border-color: var(--accent); }
        .gv-tools .gv-scale { min-width: 44px; text-align: center; color: var(--muted); font-variant-numeric: tabular-nums; }
        .gv-tools .gv-full-button { margin-left: auto; }
        .gv-viewport { max-width: 100%; max-height: 75vh; overflow: auto; border: 1px solid var(--line); border-radius: 4px; cursor: grab; overscroll-behavior: contain; }
        .gv-viewport svg.graphviz { margin: 0 auto; }
        .gv-viewport.gv-dragging { cursor: grabbing; user-select: none; }
        .gv.gv-full { position: fixed; inset: 0; z-index: 1000; display: flex; flex-direction: column; padding: 10px 14px; }
        .gv.gv-full .gv-viewport { flex: 1 1 auto; max-height: none; }
        html.gv-locked, html.gv-locked body { overflow: hidden; }
        details.fold { margin: 12px 0; }
        details.fold > summary { cursor: pointer; color: var(--accent); }
        details.fold > summary h3 { display: inline; margin: 0; }
        figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
        svg.chart .chart-title { font-size: 13px; font-weight: 600; }
        svg.chart .axis-label { font-size: 10.5px; fill: var(--muted); }
        svg.chart .bar-label { font-size: 12px; }
        svg.chart .bar-value { font-size: 10px; fill: var(--muted); }
        svg.chart .tolerable-label { font-size: 10.5px; fill: #C0392B; }
        .chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(430px, 1fr)); gap: 10px 22px; }
        .chart-grid figure { margin: 4px 0; }
        ul.legend { list-style: none; padding: 0; margin: 6px 0 10px; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; }
        ul.legend .swatch { display: inline-block; width: 18px; height: 4px; margin-right: 6px; vertical-align: middle; border-radius: 2px; }
        ul.legend .swatch.tolerable { background: repeating-linear-gradient(90deg, #C0392B 0 6px, transparent 6px 10px); }
        footer { max-width: 1180px; margin: 0 auto; padding: 12px 40px 30px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
        @page { size: A4; margin: 16mm 14mm; }
        @media print {
          body { font-size: 10.5pt; }
          header.masthead { background: none; color: var(--ink); padding: 0 0 8pt; border-bottom: 2pt solid var(--accent); }
          header.masthead h1 { color: var(--accent); }
          nav.toc { display: none; }
          main, footer { max-width: none; padding: 0; }
          section { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
          section#summary { break-before: auto; }
          figure, tr, .callout, svg.chart { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          figure:has(> svg.graphviz), div:has(> svg.graphviz), .gv-viewport { max-height: none; overflow: visible; border: 0; }
          .gv-tools { display: none; }
          .gv.gv-full { position: static; padding: 0; }
          svg.graphviz { width: 100% !important; height: auto !important; max-height: 235mm; }
          details > summary { list-style: none; }
          details::details-content { content-visibility: visible; }
          .chart-grid { grid-template-columns: 1fr 1fr; }
          a { color: inherit; text-decoration: none; }
          table.data th { background: none; border-bottom: 1pt solid var(--ink); }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
