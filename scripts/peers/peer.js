#!/usr/bin/env node
// peer.js: the npm peers behind lede's record format, so that the bench
// and ../shared/eval/score.py can run them where the lede programs run.
//
//   node peer.js split FILE...   sbd: one record per sentence of each file
//   node peer.js entities        compromise: people, places, organizations
//   node peer.js dates           chrono-node: dates, the record's dct as reference
//   node peer.js quotes          compromise: quotations (no speaker)
//
// The last three read records (JSON Lines) on stdin and add their field.
// Offsets are in code points, as in lede's CONTRACT.md.  What the peers
// cannot say is left out or null: no ids, no LOC/NORP, no speakers.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const mods = path.join(__dirname, 'node_modules');

const mode = process.argv[2];
const out = [];
let outlen = 0;
function emit(obj) {
	const s = JSON.stringify(obj);
	out.push(s);
	outlen += s.length;
	if (outlen > 1 << 20) flush();
}
// Writes all of it, waiting when a pipe is full (stdout may be
// non-blocking: writeSync then fails with EAGAIN).
const pause = new Int32Array(new SharedArrayBuffer(4));
function flush() {
	if (!out.length) return;
	const b = Buffer.from(out.join('\n') + '\n');
	out.length = 0;
	outlen = 0;
	for (let off = 0; off < b.length;) {
		try {
			off += fs.writeSync(1, b, off);
		} catch (e) {
			if (e.code !== 'EAGAIN') throw e;
			Atomics.wait(pause, 0, 0, 2);
		}
	}
}

// cpIndex(s): a function from a UTF-16 index of s to a code point index.
function cpIndex(s) {
	let astral = false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
	}
	if (!astral) return (i) => i;
	const map = new Int32Array(s.length + 1);
	let cp = 0;
	for (let i = 0; i < s.length; i++) {
		map[i] = cp;
		const c = s.charCodeAt(i);
		if (!(c >= 0xd800 && c <= 0xdbff)) cp++;
	}
	map[s.length] = cp;
	return (i) => map[i];
}

function split(files) {
	const sbd = require(path.join(mods, 'sbd'));
	const opts = { newline_boundaries: true, preserve_whitespace: false };
	for (const f of files) {
		const text = fs.readFileSync(f, 'utf8');
		const cp = cpIndex(text);
		let at = 0, n = 0, para = 1;
		for (const s of sbd.sentences(text, opts)) {
			const t = s.trim();
			if (!t) continue;
			const i = text.indexOf(t, at);
			if (i < 0) continue;	// sbd changed the text: no place for it
			if (/\n\s*\n/.test(text.slice(at, i)) && n > 0) para++;
			at = i + t.length;
			emit({ doc: f, n: ++n, para, start: cp(i), end: cp(at), text: t });
		}
	}
	flush();
}

async function filter(fn) {
	const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
	for await (const line of rl) {
		if (!line) continue;
		const r = JSON.parse(line);
		fn(r);
		emit(r);
	}
	flush();
}

function compromise() {
	const m = require(path.join(mods, 'compromise'));
	return typeof m === 'function' ? m : m.default;
}

function entities() {
	const nlp = compromise();
	const kinds = [['people', 'PERSON'], ['places', 'GPE'], ['organizations', 'ORG']];
	return filter((r) => {
		const text = r.text || '';
		const cp = cpIndex(text);
		const doc = nlp(text);
		const ents = [];
		for (const [m, type] of kinds) {
			for (const o of doc[m]().out('offset')) {
				const a = o.offset.start, b = a + o.offset.length;
				let s = text.slice(a, b), e = b;
				// compromise keeps a trailing possessive or punctuation
				const t = s.replace(/\s+$/, '').replace(/(['’]s)?[.,;:!?"”’)]*$/, '');
				e = a + t.length;
				if (!t) continue;
				ents.push({ start: cp(a), end: cp(e), text: t, type });
			}
		}
		ents.sort((x, y) => x.start - y.start);
		r.entities = ents;
	});
}

function pad(n, w) { return String(n).padStart(w, '0'); }

function dates() {
	const chrono = require(path.join(mods, 'chrono-node'));
	return filter((r) => {
		const text = r.text || '';
		const cp = cpIndex(text);
		const ref = r.dct ? new Date(r.dct + 'T12:00:00') : new Date();
		const ds = [];
		for (const res of chrono.parse(text, ref)) {
			const c = res.start;
			let v = c.isCertain('year') || c.isCertain('month') || c.isCertain('day') ||
			    c.isCertain('weekday') ? pad(c.get('year'), 4) + '-' + pad(c.get('month'), 2) +
			    '-' + pad(c.get('day'), 2) : 'PRESENT_REF';
			if (c.isCertain('hour'))
				v += 'T' + pad(c.get('hour'), 2) + ':' + pad(c.get('minute') || 0, 2);
			const a = res.index, b = a + res.text.length;
			ds.push({ start: cp(a), end: cp(b), text: res.text, type: c.isCertain('hour') ? 'TIME' : 'DATE', value: v });
		}
		r.dates = ds;
	});
}

function quotes() {
	const nlp = compromise();
	return filter((r) => {
		const text = r.text || '';
		const cp = cpIndex(text);
		const qs = [];
		for (const o of nlp(text).quotations().out('offset')) {
			let a = o.offset.start, b = a + o.offset.length;
			let t = text.slice(a, b);
			// the quotation marks are not part of the quote
			const lead = t.match(/^[\s"“'‘]*/)[0].length, trail = t.match(/[\s"”'’]*$/)[0].length;
			a += lead;
			b -= trail;
			if (b <= a) continue;
			qs.push({ start: cp(a), end: cp(b), text: text.slice(a, b), speaker: null, verb: null, kind: 'full' });
		}
		r.quotes = qs;
	});
}

const modes = { entities, dates, quotes };
if (mode === 'split') split(process.argv.slice(3));
else if (modes[mode]) modes[mode]().catch((e) => { process.stderr.write('peer.js: ' + e.message + '\n'); process.exit(2); });
else {
	process.stderr.write('usage: peer.js split FILE... | entities | dates | quotes\n');
	process.exit(2);
}
