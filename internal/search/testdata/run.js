// Runs assets/js/search.js under node on the queries the Go tests give it
// and prints what it finds, for internal/search's parity test.
// usage: node run.js <search.js> <index dir> <input.json>
"use strict";
const fs = require("fs");
const path = require("path");
const S = require(path.resolve(process.argv[2]));
const dir = process.argv[3];
const input = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));

const ix = new S.Index(async (name, kind) => {
  const b = fs.readFileSync(path.join(dir, name));
  if (kind === "bin") return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  return JSON.parse(b.toString("utf8"));
});

(async () => {
  const out = { queries: [], tokens: [] };
  for (const q of input.queries) {
    const r = await ix.search(q);
    const top = r.hits.slice(0, 3);
    const docs = await Promise.all(top.map((h) => ix.doc(h.doc)));
    out.queries.push({
      q,
      hits: r.hits.map((h) => [h.doc, h.exact, h.phrases, h.terms, h.matched, h.score]),
      missing: r.missing,
      terms: r.terms,
      urls: docs.map((d) => d.url),
      snippets: docs.map((d) => S.snippet(d.text, r.terms)),
      titles: docs.map((d) => S.highlight(d.title, S.marks(d.title, r.terms), 0, d.title.length)),
    });
  }
  for (const s of input.tokens) {
    out.tokens.push(S.tokenize(s).map((t) => [t.text, t.pos, t.joined]));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
