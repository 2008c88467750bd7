/** A run as people name it: numbered within its year ("2024年第2次"), not by its database id. */
export function runLabel(run: { year: number; numberInYear: number }): string {
  return `${run.year}年第${run.numberInYear}次`;
}
