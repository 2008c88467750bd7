/**
 * Investment projects: while a platform user types a Chinese project description, the form suggests GB/T
 * 4754-2017 industry codes. Pure and synchronous so it can run on every keystroke in the browser and be tested
 * without a database; the caller passes the industry table and (optionally) the catalog items.
 *
 * How it works: the description is segmented with Intl.Segmenter('zh', word). ICU's dictionary splits domain
 * terms more finely than a reader would (工业机器人 → 工业|机器|人, 仓储 → 仓|储, 锂离子电池 → 锂|离子|电池), so
 * besides the segmenter's own words of two or more characters we also take runs of adjacent segments; each such
 * term that occurs in an industry name scores for that industry, and a catalog keyword occurring in the
 * description scores strongly for the item's code.
 */

export type SuggestIndustry = { code: string; name: string; level: 'section' | 'division' | 'group' | 'class' };
export type SuggestCatalogItem = { industryCode: string; keywords: string[]; category: string };
export type IndustrySuggestSources = { industries: SuggestIndustry[]; catalogItems?: SuggestCatalogItem[] };
export type IndustrySuggestion = { code: string; name: string; score: number; reason: string };

/**
 * Words that occur in almost every project description (or in hundreds of industry names) and so say nothing
 * about which industry is meant; matching them would rank arbitrary classes by code.
 */
const STOP_WORDS = new Set([
  '项目',
  '建设',
  '生产',
  '制造',
  '公司',
  '有限',
  '有限公司',
  '年产',
  '新建',
  '扩建',
  '改建',
  '技改',
  '改造',
  '投资',
  '万元',
  '亿元',
  '生产线',
  '基地',
  '园区',
  '产业',
  '中心',
  '研发',
  '加工',
  '服务',
  '产品',
  '活动',
  '其他',
  '其它',
  '相关',
  '企业',
  '行业',
  '一期',
  '二期',
  '三期',
  '以及',
]);

/** Single-character connectives: a term starting or ending with one (“电池及”) is a fragment, not a term. */
const FUNCTION_CHARS = new Set(['及', '和', '与', '的', '等', '或', '、', '年', '产']);

/** Longest run of adjacent segments joined into one term; GB/T names rarely need more (锂|离子|电池). */
const MAX_SEGMENTS_PER_TERM = 4;
const MAX_TERM_CHARS = 10;

/** A catalog keyword found verbatim is the strongest signal: it was written to pick out exactly this code. */
const KEYWORD_EXACT_BASE = 12;
/** All pieces of a keyword present in order (动力锂电池 for 动力电池): good, but weaker than verbatim. */
const KEYWORD_PIECES_WEIGHT = 6;

const HAN = /\p{Script=Han}/u;

type Term = { text: string; position: number };
type Contribution = { weight: number; reason: string };

let segmenter: Intl.Segmenter | undefined;
function zhSegmenter(): Intl.Segmenter {
  // Built once: constructing a segmenter loads ICU data, too slow to repeat on every keystroke.
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Runs of word-like segments; punctuation and spaces end a run so terms never span them. */
function wordRuns(text: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const s of zhSegmenter().segment(text)) {
    if (s.isWordLike) {
      current.push(s.segment);
    } else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function isUsableTerm(text: string, first: string, last: string): boolean {
  if (text.length < 2 || text.length > MAX_TERM_CHARS) return false;
  // Numbers and Latin (10GWh, 5000) never occur in GB/T names; requiring a Han character also drops gibberish.
  if (!HAN.test(text)) return false;
  if (STOP_WORDS.has(text)) return false;
  // A term led or closed by a generic word (车制造, 新建驱动) would match through the generic part.
  if (STOP_WORDS.has(first) || STOP_WORDS.has(last)) return false;
  if (FUNCTION_CHARS.has(first) || FUNCTION_CHARS.has(last)) return false;
  return true;
}

/** The segmenter's words of ≥ 2 characters plus joins of up to MAX_SEGMENTS_PER_TERM adjacent segments. */
function descriptionTerms(description: string): Term[] {
  const seen = new Map<string, number>();
  let position = 0;
  for (const run of wordRuns(description)) {
    for (let start = 0; start < run.length; start++) {
      let text = '';
      for (let end = start; end < run.length && end - start < MAX_SEGMENTS_PER_TERM; end++) {
        text += run[end] ?? '';
        const first = run[start] ?? '';
        const last = run[end] ?? '';
        if (isUsableTerm(text, first, last) && !seen.has(text)) seen.set(text, position);
        position++;
      }
    }
  }
  return [...seen].map(([text, pos]) => ({ text, position: pos }));
}

/** Longer matches weigh more than proportionally: 锂离子电池 says far more than 电池. */
function termWeight(term: string): number {
  return 2 * term.length - 2;
}

/** Keeps only terms not contained in another matched term, so 工业机器人 is not also counted as 工业 and 机器人. */
function maximalTerms(terms: Term[]): Term[] {
  return terms.filter((t) => !terms.some((other) => other.text !== t.text && other.text.includes(t.text)));
}

function quoteAll(words: string[]): string {
  return words.map((w) => `“${w}”`).join('');
}

/** Keyword pieces (by the same segmenter) all found in order in the description, or null. */
function piecesInOrder(keyword: string, description: string): string[] | null {
  const pieces = wordRuns(keyword).flat();
  if (pieces.length < 2 || !pieces.some((p) => p.length >= 2)) return null;
  let from = 0;
  for (const piece of pieces) {
    const at = description.indexOf(piece, from);
    if (at < 0) return null;
    from = at + piece.length;
  }
  return pieces;
}

const LEVEL_RANK: Record<SuggestIndustry['level'], number> = { class: 3, group: 2, division: 1, section: 0 };

/**
 * Suggests up to `limit` industry codes for a project description, best first. Candidates are the 4-digit
 * 小类 of the table plus the codes of catalog items (which may be broader); a 门类 letter is never suggested.
 * Ordering: score desc, then the more specific level at equal score (a 小类 before its 中类), then code asc.
 */
export function suggestIndustryCodes(
  description: string,
  sources: IndustrySuggestSources,
  limit = 3,
): IndustrySuggestion[] {
  // Whitespace carries no meaning in Chinese text and would only break keyword substrings (动力 电池).
  const text = description.replace(/\s+/gu, '');
  if (text === '' || limit <= 0) return [];

  const byCode = new Map(sources.industries.map((i) => [i.code, i]));
  const candidates = new Map<string, SuggestIndustry>();
  for (const industry of sources.industries) {
    if (industry.level === 'class') candidates.set(industry.code, industry);
  }
  for (const item of sources.catalogItems ?? []) {
    const industry = byCode.get(item.industryCode);
    // An item whose code is not in the table cannot be named in the form, and a section is too broad to help.
    if (industry && industry.level !== 'section') candidates.set(industry.code, industry);
  }

  const contributions = new Map<string, Contribution[]>();
  const add = (code: string, c: Contribution) => {
    const list = contributions.get(code) ?? [];
    list.push(c);
    contributions.set(code, list);
  };

  const terms = descriptionTerms(text);
  if (terms.length > 0) {
    for (const industry of candidates.values()) {
      const matched = maximalTerms(terms.filter((t) => industry.name.includes(t.text)));
      if (matched.length === 0) continue;
      matched.sort((a, b) => termWeight(b.text) - termWeight(a.text) || a.position - b.position);
      const weight = matched.reduce((sum, t) => sum + termWeight(t.text), 0);
      add(industry.code, {
        weight,
        reason: `描述中的${quoteAll(matched.map((t) => t.text))}与行业名称“${industry.name}”相符`,
      });
    }
  }

  // The same code and keyword often appear in several platforms' catalogs; count each pair once.
  const seenKeywords = new Set<string>();
  for (const item of sources.catalogItems ?? []) {
    if (!candidates.has(item.industryCode)) continue;
    for (const raw of item.keywords) {
      const keyword = raw.replace(/\s+/gu, '');
      const key = `${item.industryCode}\u0000${keyword}`;
      if (keyword.length < 2 || seenKeywords.has(key)) continue;
      if (text.includes(keyword)) {
        seenKeywords.add(key);
        add(item.industryCode, {
          weight: KEYWORD_EXACT_BASE + keyword.length,
          reason: `描述中的“${keyword}”是目录条目 ${item.industryCode} 的关键词`,
        });
        continue;
      }
      const pieces = piecesInOrder(keyword, text);
      if (pieces) {
        seenKeywords.add(key);
        add(item.industryCode, {
          weight: KEYWORD_PIECES_WEIGHT,
          reason: `描述中的${quoteAll(pieces)}对应目录条目 ${item.industryCode} 的关键词“${keyword}”`,
        });
      }
    }
  }

  const scored: Array<IndustrySuggestion & { level: SuggestIndustry['level'] }> = [];
  for (const [code, list] of contributions) {
    const industry = candidates.get(code);
    if (!industry) continue;
    // Strongest evidence first, so the reason a user reads first is the one that decided the rank.
    list.sort((a, b) => b.weight - a.weight);
    scored.push({
      code,
      name: industry.name,
      level: industry.level,
      score: list.reduce((sum, c) => sum + c.weight, 0),
      reason: list.map((c) => c.reason).join('；'),
    });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return scored.slice(0, limit).map(({ code, name, score, reason }) => ({ code, name, score, reason }));
}
