import { test } from 'node:test';
import assert from 'node:assert/strict';
import { magnitudeOf, parseChineseNumeral } from '../src/engine/numbers';

const numerals: [string, number | undefined][] = [
  ['一', 1], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['二十五', 25], ['一百', 100], ['一百零五', 105],
  ['三百六十五', 365], ['两千三百万', 23_000_000], ['一万', 10_000], ['十万', 100_000], ['一亿二千万', 120_000_000],
  ['三千万', 30_000_000], ['二〇二二', 2022], ['一九九二', 1992], ['壹佰', 100], ['零', 0], ['五千', 5000],
  ['十四五', undefined], ['百百', undefined], ['', undefined], ['abc', undefined], ['三个', undefined],
];

for (const [s, expected] of numerals) {
  test(`parseChineseNumeral(${JSON.stringify(s)}) = ${expected}`, () => {
    assert.equal(parseChineseNumeral(s), expected);
  });
}

const magnitudes: [string, number | undefined][] = [
  ['万', 1e4], ['亿', 1e8], ['万亿', 1e12], ['千', 1e3], ['百', 1e2], ['十', 10], ['千万', 1e7], ['百万', 1e6],
  ['十亿', 1e9], ['thousand', 1e3], ['million', 1e6], ['Million', 1e6], ['billion', 1e9], ['bn', 1e9], ['trillion', 1e12],
  ['hundred', 100], ['米', undefined], ['', undefined], ['percent', undefined],
];

for (const [word, expected] of magnitudes) {
  test(`magnitudeOf(${JSON.stringify(word)}) = ${expected}`, () => {
    assert.equal(magnitudeOf(word), expected);
  });
}
