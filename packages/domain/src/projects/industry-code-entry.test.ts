import { describe, expect, it } from 'vitest';
import { industryCodeEntry } from './industry-code-entry.ts';

describe('industry-code field entry (issue #9: partial input is "not yet known", never an error)', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['3', { kind: 'partial' }],
    ['36', { kind: 'code', code: '36' }],
    ['3612', { kind: 'code', code: '3612' }],
    [' 3612 ', { kind: 'code', code: '3612' }],
    ['36123', { kind: 'partial' }],
    ['c', { kind: 'code', code: 'C' }],
    ['汽车', { kind: 'search', text: '汽车' }],
    ['36汽车', { kind: 'search', text: '36汽车' }],
    [undefined, { kind: 'empty' }],
  ])('D13 %j reads as %j', (typed, entry) => {
    expect(industryCodeEntry(typed)).toEqual(entry);
  });
});
