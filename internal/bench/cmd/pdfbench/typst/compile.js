// Compiles a Typst file in process several times and prints the times: the
// first (cold: fonts and all), then warm compiles after a small edit, as an
// editor's preview does. Each run's wall time and the process's CPU time
// (user + system, all threads) are printed in milliseconds.
// Usage: node compile.js MAIN.typ FONTDIR...
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const path = require('path');
const main = path.resolve(process.argv[2]);
const c = NodeCompiler.create({ workspace: path.dirname(main), fontArgs: [{ fontPaths: process.argv.slice(3) }] });
const text = fs.readFileSync(main, 'utf8');
const runs = [];
const cpu = [];
let pdf;
for (let i = 0; i < 6; i++) {
  const s = process.hrtime.bigint();
  const u = process.cpuUsage();
  c.addSource(main, text + '\n'.repeat(i + 1));
  pdf = c.pdf({ mainFilePath: main });
  const d = process.cpuUsage(u);
  runs.push(Number(process.hrtime.bigint() - s) / 1e6);
  cpu.push((d.user + d.system) / 1000);
  c.evictCache(10);
}
fs.writeFileSync(main.replace(/\.typ$/, '.pdf'), pdf);
console.log(JSON.stringify({ runs_ms: runs, cpu_ms: cpu }));
