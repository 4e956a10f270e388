/** The page's stylesheet: light and dark (prefers-color-scheme), visible focus, print-friendly. */
export const PAGE_STYLE = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--load:#0969da;--today:#8250df;--planned:#bf8700;--max:#cf222e;
--fine:#2da44e;--work:#d4a72c;--blocked:#cf222e;--past:#8c959f;--maint:rgba(130,80,223,.16);--freeze:rgba(9,105,218,.12);--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;--load:#4493f8;--today:#ab7df8;
--planned:#e3b341;--max:#f85149;--fine:#3fb950;--work:#d29922;--blocked:#f85149;--past:#6e7681;--maint:rgba(171,125,248,.2);--freeze:rgba(68,147,248,.16);--focus:#4493f8}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1100px;padding:0 1rem 2rem;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
a{color:var(--load)}.muted{color:var(--muted);font-weight:normal;font-size:.85em}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.3rem}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
nav ul{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0}
h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
.verdict.fail{color:var(--blocked)}.verdict.warn{color:var(--work)}.verdict.pass{color:var(--fine)}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
input,select,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.3rem .5rem}
button{background:var(--panel);cursor:pointer}
.fit-answer{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.7rem;white-space:pre-wrap;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace}
svg{width:100%;height:auto;display:block}.chart-wrap{border-radius:6px}
.grid{stroke:var(--line);stroke-width:1}.axis{stroke:var(--muted)}.tick,.label,.bar-text{fill:var(--fg);font-size:11px}
.load{fill:none;stroke:var(--load);stroke-width:2}.cap-today{stroke:var(--today);stroke-dasharray:6 4;stroke-width:1.5}
.cap-planned{stroke:var(--planned);stroke-dasharray:2 3;stroke-width:2}.cap-max{stroke:var(--max);stroke-width:1.5}
.cap-today-label{fill:var(--today)}.cap-planned-label{fill:var(--planned)}.cap-max-label{fill:var(--max)}
.maint{fill:var(--maint)}.freeze{fill:var(--freeze)}.cursor{stroke:var(--fg);stroke-width:1}
.bar.fine{fill:var(--fine)}.bar.it-work{fill:var(--work)}.bar.blocked{fill:var(--blocked)}.bar.past{fill:var(--past)}
.bar-link:focus .bar,.bar-link:hover .bar{stroke:var(--fg);stroke-width:2}
.readout{min-height:1.4em;margin:.2rem 0;font-size:.9rem}
.legend{font-size:.85rem;color:var(--muted)}.key{display:inline-block;width:1.4em;height:.8em;margin:0 .2em 0 .8em;vertical-align:middle;border-radius:2px}
.key.load{background:var(--load)}.key.cap-today{border-top:2px dashed var(--today)}.key.cap-planned{border-top:3px dotted var(--planned)}
.key.cap-max{border-top:2px solid var(--max)}.key.maint{background:var(--maint)}.key.freeze{background:var(--freeze)}
.key.bar.fine,.dot.fine{background:var(--fine)}.key.bar.it-work,.dot.it-work{background:var(--work)}.key.bar.blocked,.dot.blocked{background:var(--blocked)}.key.bar.past,.dot.past{background:var(--past)}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.35em}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.88rem}caption{text-align:left;color:var(--muted);padding:.2rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}td.none{color:var(--blocked)}
tr.error td:first-child{color:var(--blocked);font-weight:600}tr.warning td:first-child{color:var(--work);font-weight:600}
#headroom{overflow-x:auto}
@media print{.skip,nav,#fit,#tl-form,.readout{display:none}body{max-width:none;color:#000;background:#fff}section{break-inside:avoid-page}details>summary{display:none}details{display:block}}
`;
