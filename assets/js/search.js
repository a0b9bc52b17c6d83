/*
 * 站内搜索 — the site search client of press.
 *
 * Reads the index that internal/search builds (search/manifest.json, posting
 * shards search/t/*.bin, page text chunks search/d/*.json), loading only the
 * shards a query needs. The text model (tokenize, parseQuery) and the
 * matching and ranking (Index.search) mirror internal/search/text.go and
 * query.go line for line; internal/search's tests run this file under node
 * on the same queries as the Go code and require the same results, so a
 * change here must be made there too.
 *
 * Without JavaScript the search page shows a plain message and the list of
 * sections; the search forms submit to the search page itself (GET ?q=).
 */
(function (root) {
  "use strict";

  var MAX_EXPAND = 32; // search.MaxExpand
  var TITLE_BONUS = 128; // search.titleBonus
  var PAGE_SIZE = 10; // results shown at a time
  var SHARD_MAGIC = "PSI1";

  // ---- Text model (text.go) ------------------------------------------

  var SEP = 0, CJK = 1, WORD = 2;
  var reCJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
  var reWord = /[\p{L}\p{N}\p{M}]/u;

  // normChar is the normalised form of one code point: NFKC, lower case.
  function normChar(ch) {
    var c = ch.codePointAt(0);
    if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
    if (c >= 0x4e00 && c <= 0x9fff) return ch;
    return ch.normalize("NFKC").toLowerCase();
  }

  function classOf(ch) {
    var c = ch.codePointAt(0);
    if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? WORD : SEP;
    if (c >= 0x4e00 && c <= 0x9fff) return CJK;
    if (reCJK.test(ch)) return CJK;
    if (reWord.test(ch)) return WORD;
    return SEP;
  }

  // tokenize splits s into tokens {text, cjk, pos, joined, start, end};
  // start and end are the token's UTF-16 offsets in s. A "\n" (block break)
  // skips one position.
  function tokenize(s) {
    var out = [], pos = 0, joined = false, word = "", wStart = 0, wEnd = 0;
    function flush() {
      if (word) {
        out.push({ text: word, cjk: false, pos: pos++, joined: joined, start: wStart, end: wEnd });
        word = "";
        joined = true;
      }
    }
    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i), len = cp > 0xffff ? 2 : 1;
      var ch = s.slice(i, i + len);
      if (ch === "\n") {
        flush();
        pos++;
        joined = false;
        i += len;
        continue;
      }
      var n = normChar(ch);
      for (var c of n) {
        var k = classOf(c);
        if (k === WORD) {
          if (!word) wStart = i;
          word += c;
          wEnd = i + len;
        } else if (k === CJK) {
          flush();
          out.push({ text: c, cjk: true, pos: pos++, joined: joined, start: i, end: i + len });
          joined = true;
        } else {
          flush();
          joined = false;
        }
      }
      i += len;
    }
    flush();
    return out;
  }

  function groupTerms(toks) {
    var terms = [], text = "", base = toks[0].pos;
    for (var i = 0; i < toks.length; i++) {
      var tk = toks[i], rel = tk.pos - base;
      text += tk.text;
      if (!tk.cjk) {
        terms.push({ text: tk.text, pos: rel, prefix: false });
        continue;
      }
      var nextCJK = i + 1 < toks.length && toks[i + 1].cjk;
      var prevCJK = i > 0 && toks[i - 1].cjk;
      if (nextCJK) terms.push({ text: tk.text + toks[i + 1].text, pos: rel, prefix: false });
      else if (!prevCJK) terms.push({ text: tk.text, pos: -1, prefix: false });
    }
    return { terms: terms, text: text, toks: toks };
  }

  // splitSynonyms splits a group at a word that has synonyms ("AI应用" is
  // matched as "AI 应用"), so that the word and its synonyms form a group of
  // their own (text.go).
  function splitSynonyms(groups, synonyms) {
    function has(w) { return (synonyms || []).some(function (set) { return set.indexOf(w) >= 0; }); }
    var out = [];
    for (var g of groups) {
      var cut = [0];
      for (var i = 0; i < g.toks.length; i++) {
        var t = g.toks[i];
        if (!t.cjk && has(t.text) && g.toks.length > 1) {
          if (i > 0 && cut[cut.length - 1] !== i) cut.push(i);
          if (i + 1 < g.toks.length) cut.push(i + 1);
        }
      }
      if (cut.length === 1) { out.push(g); continue; }
      cut.push(g.toks.length);
      var prefix = g.terms[g.terms.length - 1].prefix;
      for (var k = 0; k + 1 < cut.length; k++) out.push(groupTerms(g.toks.slice(cut[k], cut[k + 1])));
      if (prefix) { var last = out[out.length - 1]; last.terms[last.terms.length - 1].prefix = true; }
    }
    return out;
  }

  function endsWithWordChar(q) {
    var cps = Array.from(q);
    if (!cps.length) return false;
    var n = Array.from(normChar(cps[cps.length - 1]));
    return n.length > 0 && classOf(n[n.length - 1]) === WORD;
  }

  // parseQuery splits a query into groups (phrases) of terms.
  function parseQuery(q) {
    var toks = tokenize(q.replace(/\n/g, " "));
    var groups = [];
    for (var i = 0; i < toks.length;) {
      var j = i + 1;
      while (j < toks.length && toks[j].joined) j++;
      var g = groupTerms(toks.slice(i, j));
      if (g.terms.length) groups.push(g);
      i = j;
    }
    if (groups.length && toks.length) {
      var last = toks[toks.length - 1];
      if (!last.cjk && endsWithWordChar(q)) {
        var lg = groups[groups.length - 1];
        lg.terms[lg.terms.length - 1].prefix = true;
      }
    }
    return groups;
  }

  // exactKey is the index term of a whole title, heading or query (text.go).
  function exactKey(toks) {
    var k = "=";
    for (var i = 0; i < toks.length; i++) {
      if (i > 0 && !toks[i].cjk && !toks[i - 1].cjk) k += " ";
      k += toks[i].text;
    }
    return k;
  }
  var MAX_EXACT_TOKENS = 40; // search.maxExactTokens

  // alternativesOf are the ways a query group may be matched: itself, then
  // each synonym of its text (manifest.syn), in the set's order (query.go).
  function alternativesOf(g, synonyms) {
    var alts = [g.terms];
    for (var set of synonyms || []) {
      if (set.indexOf(g.text) < 0) continue;
      for (var w of set) {
        if (w === g.text) continue;
        var gs = parseQuery(w + " ");
        if (gs.length === 1) alts.push(gs[0].terms);
      }
    }
    return alts;
  }

  // better reports whether group match m ranks above o (query.go).
  function better(m, o) {
    if (m.any !== o.any) return m.any;
    if (m.phrase !== o.phrase) return m.phrase;
    if (m.found * o.total !== o.found * m.total) return m.found * o.total > o.found * m.total;
    if (m.matched !== o.matched) return m.matched > o.matched;
    return m.score > o.score;
  }

  // ---- Index (query.go) ----------------------------------------------

  // cmp compares strings by code point, the order of the Go index.
  function cmp(a, b) {
    if (a === b) return 0;
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  function Reader(b, i) { this.b = b; this.i = i || 0; }
  Reader.prototype.uvarint = function () {
    var v = 0, mul = 1, b;
    do {
      if (this.i >= this.b.length) throw new Error("corrupt shard");
      b = this.b[this.i++];
      v += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    return v;
  };

  var utf8 = new TextDecoder();

  function decodeShard(buf) {
    var b = new Uint8Array(buf);
    if (utf8.decode(b.subarray(0, 4)) !== SHARD_MAGIC) throw new Error("corrupt shard");
    var r = new Reader(b, 4), n = r.uvarint(), terms = [], info = new Map(), lens = [];
    for (var i = 0; i < n; i++) {
      var l = r.uvarint();
      var t = utf8.decode(b.subarray(r.i, r.i + l));
      r.i += l;
      var st = { df: r.uvarint(), idf: r.uvarint(), positional: (r.uvarint() & 1) === 1, data: null };
      lens.push(r.uvarint());
      terms.push(t);
      info.set(t, st);
    }
    for (i = 0; i < n; i++) {
      var s = info.get(terms[i]);
      s.data = b.subarray(r.i, r.i + lens[i]);
      r.i += lens[i];
    }
    return { terms: terms, info: info };
  }

  function decodePostings(st) {
    var out = new Map(), r = new Reader(st.data), doc = 0;
    for (var k = 0; k < st.df; k++) {
      doc += r.uvarint();
      var v = r.uvarint(), p = { impact: Math.floor(v / 2), title: (v & 1) === 1, pos: null };
      if (st.positional) {
        var n = r.uvarint(), at = 0;
        p.pos = new Array(n);
        for (var j = 0; j < n; j++) { at += r.uvarint(); p.pos[j] = at; }
      }
      out.set(doc, p);
    }
    return out;
  }

  function bsearch(arr, x) { // first index with arr[i] >= x (numbers)
    var lo = 0, hi = arr.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (arr[m] < x) lo = m + 1; else hi = m; }
    return lo;
  }

  // Index reads the index through load(name) → Promise of ArrayBuffer
  // (shards) or of parsed JSON (manifest, chunks).
  function Index(load) {
    this.load = load;
    this.manifest = null;
    this.shards = new Map();
    this.chunks = new Map();
  }

  Index.prototype.open = function () {
    var self = this;
    if (!this.opening) {
      this.opening = this.load("manifest.json", "json").then(function (m) {
        if (m.v !== 2) throw new Error("search index version " + m.v);
        self.manifest = m;
        return self;
      });
      this.opening.catch(function () { self.opening = null; });
    }
    return this.opening;
  };

  Index.prototype.shardFor = function (term) {
    var s = this.manifest.shards, lo = 0, hi = s.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (cmp(s[m][0], term) > 0) hi = m; else lo = m + 1; }
    return lo - 1;
  };

  Index.prototype.shard = function (i) {
    var self = this;
    if (!this.shards.has(i)) {
      var p = this.load(this.manifest.shards[i][1], "bin").then(decodeShard);
      p.catch(function () { self.shards.delete(i); });
      this.shards.set(i, p);
    }
    return this.shards.get(i);
  };

  // alternatives lists the index terms for a query term.
  Index.prototype.alternatives = async function (t) {
    var alts = [];
    var first = this.shardFor(t.text);
    if (t.prefix) {
      for (var i = Math.max(first, 0); i < this.manifest.shards.length && alts.length < MAX_EXPAND; i++) {
        if (i > first && !this.manifest.shards[i][0].startsWith(t.text)) break;
        var sh = await this.shard(i);
        var lo = 0, hi = sh.terms.length;
        while (lo < hi) { var m = (lo + hi) >> 1; if (cmp(sh.terms[m], t.text) < 0) lo = m + 1; else hi = m; }
        for (var at = lo; at < sh.terms.length && sh.terms[at].startsWith(t.text) && alts.length < MAX_EXPAND; at++) {
          alts.push(sh.terms[at]);
        }
      }
    } else if (first >= 0) {
      var s = await this.shard(first);
      if (s.info.has(t.text)) alts.push(t.text);
    }
    return alts;
  };

  Index.prototype.resolve = async function (t, res) {
    var r = { q: t, idf: 0, docs: new Map() };
    var alts = await this.alternatives(t);
    for (var a of alts) {
      var sh = await this.shard(this.shardFor(a));
      var st = sh.info.get(a);
      var ps = decodePostings(st);
      res.terms.push(a);
      r.idf = Math.max(r.idf, st.idf);
      var mult = a === t.text ? 2 : 1;
      for (var [d, p] of ps) {
        var w = st.idf * (p.impact + (p.title ? TITLE_BONUS : 0)) * mult;
        var m = r.docs.get(d);
        if (!m) { m = { w: 0, pos: [] }; r.docs.set(d, m); }
        m.w = Math.max(m.w, w);
        if (t.pos >= 0) m.pos.push.apply(m.pos, p.pos);
      }
    }
    if (alts.length > 1 && t.pos >= 0) {
      for (var mm of r.docs.values()) {
        mm.pos.sort(function (x, y) { return x - y; });
        mm.pos = mm.pos.filter(function (x, i, arr) { return i === 0 || arr[i - 1] !== x; });
      }
    }
    return r;
  };

  function phrase(g, d) {
    var ps = g.filter(function (r) { return r.q.pos >= 0; });
    if (ps.length < 2) return true;
    var first = ps[0];
    for (var p of first.docs.get(d).pos) {
      var base = p - first.q.pos, ok = true;
      for (var k = 1; k < ps.length; k++) {
        var arr = ps[k].docs.get(d).pos, want = base + ps[k].q.pos, at = bsearch(arr, want);
        if (at >= arr.length || arr[at] !== want) { ok = false; break; }
      }
      if (ok) return true;
    }
    return false;
  }

  // exact returns the pages whose title (2) or one of whose headings (1)
  // is the whole query, as a Map.
  Index.prototype.exact = async function (q) {
    var out = new Map();
    var toks = tokenize(q.replace(/\n/g, " "));
    if (!toks.length || toks.length > MAX_EXACT_TOKENS) return out;
    var key = exactKey(toks), i = this.shardFor(key);
    if (i < 0) return out;
    var sh = await this.shard(i), st = sh.info.get(key);
    if (!st) return out;
    for (var [d, p] of decodePostings(st)) out.set(d, p.title ? 2 : 1);
    return out;
  };

  // search runs a query: {hits: [{doc, exact, phrases, terms, matched,
  // score}], missing, terms}. A page matches when it has a term of every
  // group (or of one of the group's synonyms) and at least half of the
  // terms; pages whose title, then one of whose headings, is the query come
  // first, then those with more exact phrases, more weight (idf) of the
  // terms found, a higher score.
  Index.prototype.search = async function (q) {
    await this.open();
    var syn = this.manifest.syn;
    var groups = splitSynonyms(parseQuery(q), syn);
    var res = { hits: [], missing: [], terms: [] };
    var active = [];
    var galts = groups.map(function (g) { return alternativesOf(g, syn); });
    // Fetch every shard the query needs at once, then resolve in order.
    var need = new Set();
    for (var a0 of galts) for (var al0 of a0) for (var t0 of al0) need.add(Math.max(this.shardFor(t0.text), 0));
    await Promise.all(Array.from(need, this.shard, this));
    for (var gi = 0; gi < groups.length; gi++) {
      var alts = [], found = false;
      for (var terms of galts[gi]) {
        var rs = [];
        for (var t of terms) {
          var r = await this.resolve(t, res);
          found = found || r.idf > 0;
          rs.push(r);
        }
        alts.push(rs);
      }
      if (found) active.push(alts); else res.missing.push(groups[gi].text);
    }
    var cand = new Set();
    for (var ga of active) for (var alt0 of ga) for (var ra of alt0) for (var dd of ra.docs.keys()) cand.add(dd);
    var exact = await this.exact(q);
    for (var d of cand) {
      var h = { doc: d, exact: exact.get(d) || 0, phrases: 0, terms: 0, matched: 0, score: 0 }, ok = true, total = 0;
      for (var gr of active) {
        var best = null;
        for (var alt of gr) {
          var m = { any: false, phrase: false, found: 0, total: 0, matched: 0, score: 0 }, all = true;
          for (var rr of alt) {
            if (rr.idf > 0) m.total++;
            var x = rr.docs.get(d);
            if (!x) { all = false; continue; }
            m.any = true;
            m.found++;
            m.matched += rr.idf;
            m.score += x.w;
          }
          m.phrase = m.any && all && phrase(alt, d);
          if (best === null || better(m, best)) best = m;
        }
        if (!best.any) { ok = false; break; }
        h.terms += best.found;
        h.matched += best.matched;
        h.score += best.score;
        total += best.total;
        if (best.phrase) h.phrases++;
      }
      if (ok && 2 * h.terms >= total) res.hits.push(h);
    }
    res.hits.sort(function (a, b) {
      return b.exact - a.exact || b.phrases - a.phrases || b.matched - a.matched || b.score - a.score || a.doc - b.doc;
    });
    return res;
  };

  // doc returns page d: {url, title, text}.
  Index.prototype.doc = async function (d) {
    var c = this.manifest.chunks, lo = 0, hi = c.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (c[m][0] > d) hi = m; else lo = m + 1; }
    var i = lo - 1, self = this;
    if (i < 0 || d >= this.manifest.pages) throw new Error("no page " + d);
    if (!this.chunks.has(i)) {
      var p = this.load(c[i][1], "json");
      p.catch(function () { self.chunks.delete(i); });
      this.chunks.set(i, p);
    }
    var e = (await this.chunks.get(i))[d - c[i][0]];
    return { url: e[0], title: e[1], text: e[2] };
  };

  // ---- Snippets ------------------------------------------------------

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // marks finds the UTF-16 ranges [start, end) of s that match terms.
  function marks(s, terms) {
    var set = new Set(terms), toks = tokenize(s), out = [];
    for (var i = 0; i < toks.length; i++) {
      var t = toks[i];
      if (t.cjk) {
        var n = toks[i + 1];
        if (n && n.cjk && n.joined && set.has(t.text + n.text)) out.push([t.start, n.end, t.text + n.text]);
        if (set.has(t.text)) out.push([t.start, t.end, t.text]);
      } else if (set.has(t.text)) {
        out.push([t.start, t.end, t.text]);
      }
    }
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    for (var m of out) {
      var last = merged[merged.length - 1];
      if (last && m[0] <= last[1]) { last[1] = Math.max(last[1], m[1]); last[2].add(m[2]); }
      else merged.push([m[0], m[1], new Set([m[2]])]);
    }
    return merged;
  }

  // highlight escapes s[from:to] and wraps the ranges in <mark>.
  function highlight(s, ranges, from, to) {
    var html = "", at = from;
    for (var r of ranges) {
      if (r[1] <= from || r[0] >= to) continue;
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      html += escapeHTML(s.slice(at, a)) + "<mark>" + escapeHTML(s.slice(a, b)) + "</mark>";
      at = b;
    }
    return html + escapeHTML(s.slice(at, to));
  }

  // snippet is an HTML excerpt of text of about width characters around the
  // part with the most distinct matching terms, matches in <mark>.
  function snippet(text, terms, width) {
    width = width || 110;
    var ranges = marks(text, terms), best = 0, bestN = -1;
    for (var i = 0; i < ranges.length; i++) {
      var seen = new Set();
      for (var j = i; j < ranges.length && ranges[j][1] - ranges[i][0] <= width * 0.6; j++) {
        for (var t of ranges[j][2]) seen.add(t);
      }
      if (seen.size > bestN) { bestN = seen.size; best = i; }
    }
    var from = 0;
    if (ranges.length) {
      from = Math.max(0, ranges[best][0] - Math.floor(width / 4));
      var nl = text.lastIndexOf("\n", ranges[best][0]);
      if (nl >= from) from = nl + 1; // start at the block's beginning
    }
    var to = Math.min(text.length, from + width);
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from++;
    if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
    var html = highlight(text, ranges, from, to).replace(/\n/g, " · ");
    return (from > 0 ? "…" : "") + html + (to < text.length ? "…" : "");
  }

  // ---- Page ----------------------------------------------------------

  function init() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("search-q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var nojs = document.getElementById("search-nojs");
    if (nojs) nojs.hidden = true;
    var manifestURL = new URL(form.getAttribute("data-index"), document.baseURI);
    var siteRoot = new URL(form.getAttribute("data-root") || "/", document.baseURI);

    var index = new Index(function (name, kind) {
      return fetch(new URL(name, manifestURL)).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + name);
        return kind === "bin" ? r.arrayBuffer() : r.json();
      });
    });

    var seq = 0, shown = 0, current = null, timer = 0;

    function say(msg) { status.textContent = msg; }

    async function run(q, push) {
      var my = ++seq;
      q = q.trim();
      if (push) {
        var u = new URL(location.href);
        if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
        history.replaceState(null, "", u);
      }
      if (!q) {
        current = null;
        list.innerHTML = "";
        list.hidden = true;
        more.hidden = true;
        say("");
        return;
      }
      form.setAttribute("aria-busy", "true");
      try {
        var res = await index.search(q);
        if (my !== seq) return;
        current = { q: q, res: res };
        shown = 0;
        list.innerHTML = "";
        await showMore(false);
        if (my !== seq) return;
        var n = res.hits.length, msg;
        if (n) msg = "找到 " + n + " 个相关页面" + (n > shown ? "，显示前 " + shown + " 个" : "") + "。";
        else msg = "没有找到与“" + q + "”相关的页面。请换用较短或不同的字词。";
        if (res.missing.length && n) msg += "未找到：" + res.missing.join("、") + "。";
        say(msg);
      } catch (e) {
        if (my === seq) say("搜索暂时不可用，请稍后重试，或按栏目浏览。");
      } finally {
        if (my === seq) form.removeAttribute("aria-busy");
      }
    }

    async function showMore(focus) {
      var res = current.res, my = seq;
      var slice = res.hits.slice(shown, shown + PAGE_SIZE);
      var docs = await Promise.all(slice.map(function (h) { return index.doc(h.doc); }));
      if (my !== seq) return;
      var firstLink = null;
      docs.forEach(function (d) {
        var li = document.createElement("li");
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = new URL(d.url, siteRoot).href;
        a.innerHTML = highlight(d.title, marks(d.title, res.terms), 0, d.title.length);
        h.appendChild(a);
        var p = document.createElement("p");
        p.className = "search-snippet";
        p.innerHTML = snippet(d.text, res.terms);
        var where = document.createElement("p");
        where.className = "search-url";
        where.textContent = decodeURI(new URL(d.url, siteRoot).pathname);
        li.append(h, p, where);
        list.appendChild(li);
        if (!firstLink) firstLink = a;
      });
      shown += docs.length;
      list.hidden = shown === 0;
      more.hidden = shown >= res.hits.length;
      if (focus && firstLink) firstLink.focus();
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, 180);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run(input.value, true);
    });
    more.addEventListener("click", function () {
      if (!current) return;
      showMore(true).then(function () {
        say("已显示 " + shown + " / " + current.res.hits.length + " 个结果。");
      });
    });
    // Arrow keys move between the input and the result links.
    form.parentNode.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.from(list.querySelectorAll("h2 a"));
      if (!links.length) return;
      var at = e.target === input ? -1 : links.indexOf(e.target);
      if (e.target !== input && at < 0) return;
      var next = e.key === "ArrowDown" ? at + 1 : at - 1;
      e.preventDefault();
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && input.value) { input.value = ""; run("", true); }
    });

    var q = new URL(location.href).searchParams.get("q");
    if (q) { input.value = q; run(q, false); }
  }

  var api = {
    tokenize: tokenize, parseQuery: parseQuery, Index: Index,
    marks: marks, highlight: highlight, snippet: snippet, cmp: cmp
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.PressSearch = api;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
})(this);
