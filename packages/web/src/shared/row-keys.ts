/**
 * Keys for the rows of an editable table (the evaluation method's indicators, the access sheet's items): unique in
 * the browser tab, never reused, so React never mixes up two rows. A module counter rather than a ref, because the
 * first rows are keyed while the component renders (React does not allow reading a ref then).
 */
let lastRowKey = 0;

export function nextRowKey(): number {
  lastRowKey += 1;
  return lastRowKey;
}
