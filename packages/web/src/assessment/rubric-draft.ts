import type { Rubric } from './assessment.api.ts';

type Method = Rubric['criteria'][number]['method'];

/** A method's parameters as the editor's one text field shows them, and back (null when the text is not valid). */
export function methodText(method: Method): string {
  if (method.kind === 'proportion') return method.target ?? '';
  if (method.kind === 'rank') return method.factors.join(', ');
  return method.steps.map((s) => `${s.atLeast}:${s.share}`).join(', ');
}

export function parseMethod(kind: Method['kind'], text: string): Method | null {
  const parts = text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (kind === 'proportion') {
    if (text.trim() === '') return { kind, target: null };
    return /^\d+(\.\d+)?$/.test(text.trim()) ? { kind, target: text.trim() } : null;
  }
  if (kind === 'rank') {
    const factors = parts.map(Number);
    return factors.length > 0 && factors.every((f) => Number.isFinite(f) && f >= 0) ? { kind, factors } : null;
  }
  const steps = parts.map((p) => p.split(/[:：]/));
  if (steps.length === 0 || steps.some((s) => s.length !== 2 || !/^-?\d+(\.\d+)?$/.test(s[0]!.trim()))) return null;
  return { kind, steps: steps.map(([atLeast, share]) => ({ atLeast: atLeast!.trim(), share: Number(share) })) };
}

export const METHOD_HINTS: Record<Method['kind'], string> = {
  proportion: '目标值；留空表示按平台年度任务数',
  rank: '第1名、第2名…的系数，如 1, 0.8, 0.6',
  thresholds: '档次起点:系数，如 0.15:1, 0.1:0.8（以上含本数）',
};
