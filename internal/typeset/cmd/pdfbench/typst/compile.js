// Compiles a Typst file in process several times and prints the times: the
// first (cold: fonts and all), then warm compiles after a small edit, as an
// editor's preview does. Usage: node compile.js MAIN.typ FONTDIR... 
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const path = require('path');
const main = path.resolve(process.argv[2]);
const c = NodeCompiler.create({ workspace: path.dirname(main), fontArgs: [{ fontPaths: process.argv.slice(3) }] });
const text = fs.readFileSync(main, 'utf8');
const runs = [];
let pdf;
for (let i = 0; i < 6; i++) {
  const s = process.hrtime.bigint();
  c.addSource(main, text + '\n'.repeat(i + 1));
  pdf = c.pdf({ mainFilePath: main });
  runs.push(Number(process.hrtime.bigint() - s) / 1e6);
  c.evictCache(10);
}
fs.writeFileSync(main.replace(/\.typ$/, '.pdf'), pdf);
console.log(JSON.stringify({ runs_ms: runs }));
