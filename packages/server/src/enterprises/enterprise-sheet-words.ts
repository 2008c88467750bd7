import {
  ENTERPRISE_KIND_LABELS,
  ENTERPRISE_KINDS,
  ENTERPRISE_SCALE_LABELS,
  ENTERPRISE_SCALES,
  PLATFORMS,
  type EnterpriseRecordField,
  type PlatformKey,
} from '@pgs/domain';
import { EXPORT_ONLY, FIELDS, label, NO_PLATFORM_LABEL, PLATFORM_CHOICES } from './enterprise-workbook-columns.ts';

/** People type names with full-width brackets and stray spaces; compare what they mean. */
export const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export const HEADERS = new Map<string, EnterpriseRecordField | null>([
  ...FIELDS.flatMap((field): Array<[string, EnterpriseRecordField]> => [
    [normal(label(field)), field],
    [normal(field), field],
  ]),
  ...Object.values(EXPORT_ONLY).map((text): [string, null] => [normal(text), null]),
]);

export const PLATFORM_WORDS = new Map<string, PlatformKey | null>([
  ...PLATFORMS.flatMap((platform): Array<[string, PlatformKey]> => [
    [normal(platform.key), platform.key],
    [normal(platform.name), platform.key],
    [normal(platform.shortName), platform.key],
  ]),
  ...[NO_PLATFORM_LABEL, '无', '其他', 'none'].map((word): [string, null] => [normal(word), null]),
]);

export const KIND_WORDS = new Map<string, string>(
  ENTERPRISE_KINDS.flatMap((kind) =>
    [normal(kind), normal(ENTERPRISE_KIND_LABELS[kind]), normal(ENTERPRISE_KIND_LABELS[kind].replace('企业', ''))].map(
      (word): [string, string] => [word, kind],
    ),
  ),
);

export const SCALE_WORDS = new Map<string, string>([
  ...ENTERPRISE_SCALES.map((scale): [string, string] => [normal(scale), scale]),
  ...ENTERPRISE_SCALES.map((scale): [string, string] => [normal(ENTERPRISE_SCALE_LABELS[scale]), scale]),
  [normal('规模以上'), 'above'],
  [normal('规模以下'), 'below'],
]);

export const CHOICES: Partial<Record<EnterpriseRecordField, string>> = {
  platformKey: PLATFORM_CHOICES.map((choice) => `“${choice}”`).join('、'),
  kind: `“${ENTERPRISE_KIND_LABELS.industrial}”或“${ENTERPRISE_KIND_LABELS.service}”`,
  scale: `“${ENTERPRISE_SCALE_LABELS.above}”或“${ENTERPRISE_SCALE_LABELS.below}”`,
};

export type Choice = { value: unknown; unknown: boolean };

/** The same few words fill 100 000 rows: each distinct text is normalised once per import. */
type Words = { words: Map<string, unknown>; seen: Map<string, Choice> };

export const wordsOf = (words: Map<string, unknown>): Words => ({ words, seen: new Map() });

export function choose(words: Words, value: unknown): Choice {
  if (typeof value !== 'string') return { value, unknown: true };
  let choice = words.seen.get(value);
  if (choice === undefined) {
    const word = normal(value);
    choice = words.words.has(word) ? { value: words.words.get(word), unknown: false } : { value, unknown: true };
    if (words.seen.size < 1000) words.seen.set(value, choice);
  }
  return choice;
}

export type ChoiceField = 'platformKey' | 'kind' | 'scale';

export type ChoiceWords = Record<ChoiceField, Words>;
