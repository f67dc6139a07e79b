import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, type Edit, OffsetMap } from '../src/core/offsets.js';

test('applyEdits: deletions, replacements and insertions map back', () => {
  const raw = 'Hello <u>brave</u> new &amp; world';
  const edits: Edit[] = [
    { start: 6, end: 9, text: '' },
    { start: 14, end: 18, text: '' },
    { start: 23, end: 28, text: '&' },
  ];
  const { text, map } = applyEdits(raw, edits);
  assert.equal(text, 'Hello brave new & world');
  // copied span maps exactly
  const s = text.indexOf('brave');
  const [rs, re] = map.toRaw(s, s + 5);
  assert.equal(raw.slice(rs, re), 'brave');
  // a replaced span maps to the whole raw range it replaced
  const a = text.indexOf('&');
  assert.deepEqual(map.toRaw(a, a + 1), [23, 28]);
  // a span across a deletion covers the deleted markup in raw
  const [xs, xe] = map.toRaw(0, text.indexOf(' new'));
  assert.equal(raw.slice(xs, xe), 'Hello <u>brave');
  // toClean is the inverse on copied text and lands after deleted text
  assert.equal(map.toClean(raw.indexOf('brave')), s);
  assert.equal(map.toClean(7), text.indexOf('brave'));
});

test('overlapping deletions merge; serialization round-trips', () => {
  const raw = 'abcdefghij';
  const { text, map } = applyEdits(raw, [
    { start: 2, end: 5, text: '' },
    { start: 4, end: 7, text: '' },
  ]);
  assert.equal(text, 'abhij');
  const back = OffsetMap.fromBuffer(map.toBuffer());
  for (let i = 0; i <= text.length; i++) {
    assert.equal(back.toRawStart(i), map.toRawStart(i));
    assert.equal(back.toRawEnd(i), map.toRawEnd(i));
  }
});

/** random edit lists over a random string */
const arbCase = fc
  .string({ minLength: 0, maxLength: 120, unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', 'Я', '<', '>', '&') })
  .chain((raw) =>
    fc.tuple(
      fc.constant(raw),
      fc.array(
        fc.tuple(fc.nat(raw.length), fc.nat(6), fc.constantFrom('', ' ', '\n\n', 'X', 'yz')).map(([s, len, t]) => ({
          start: Math.min(s, raw.length),
          end: Math.min(raw.length, s + len),
          text: t,
        })),
        { maxLength: 12 },
      ),
    ),
  );

test('property: every copied clean character maps to the same raw character', () => {
  fc.assert(
    fc.property(arbCase, ([raw, edits]) => {
      const { text, map } = applyEdits(raw, edits);
      assert.equal(map.cleanLength, text.length);
      const seg = Array.from(map.seg);
      for (let i = 0; i < seg.length; i += 5) {
        const [c0, c1, r0, r1, kind] = seg.slice(i, i + 5) as [number, number, number, number, number];
        if (kind === 0) assert.equal(raw.slice(r0, r1), text.slice(c0, c1));
        assert.ok(r0 <= r1 && r1 <= raw.length);
      }
      // monotone: raw offsets never go backwards
      let prev = 0;
      for (let c = 0; c <= text.length; c++) {
        const r = map.toRawStart(c);
        assert.ok(r >= prev, `toRawStart not monotone at ${c}`);
        prev = r;
      }
    }),
    { numRuns: 400 },
  );
});

test('property: composing two rounds of edits equals mapping through both', () => {
  fc.assert(
    fc.property(arbCase, fc.array(fc.tuple(fc.nat(200), fc.nat(5), fc.constantFrom('', ' ', 'Q')), { maxLength: 8 }), ([raw, e1], e2raw) => {
      const p1 = applyEdits(raw, e1);
      const e2 = e2raw.map(([s, len, t]) => ({ start: Math.min(s, p1.text.length), end: Math.min(p1.text.length, s + len), text: t }));
      const p2 = applyEdits(p1.text, e2);
      const composed = p1.map.compose(p2.map);
      for (let c = 0; c < p2.text.length; c++) {
        const s = p1.map.toRawStart(p2.map.toRawStart(c));
        const e = p1.map.toRawEnd(p2.map.toRawEnd(c + 1));
        const cs = composed.toRawStart(c);
        const ce = composed.toRawEnd(c + 1);
        if (s <= e) {
          assert.equal(cs, s);
          assert.equal(ce, e);
        } else {
          // A character inserted where round one deleted text: mapping step by step gives an
          // inverted span (start after the deleted gap, end before it). The composed map must
          // give a well-formed, empty span at the gap instead.
          assert.ok(cs === ce && ce >= e && cs <= s, `inverted span at ${c}: composed [${cs},${ce}) two-step [${s},${e})`);
        }
      }
    }),
    { numRuns: 300 },
  );
});
