/**
 * The 首报登记 form survives Back/Forward and a reload (issue #9): what is typed is kept in this tab's session
 * storage, per user, until it is submitted or discarded. Session storage ends with the tab, so a shared computer
 * does not keep a report lying around.
 */
const keyOf = (userId: number) => `pgs.projects.report-draft.${userId}`;

export function readReportDraft<T>(userId: number): Partial<T> | null {
  try {
    const text = sessionStorage.getItem(keyOf(userId));
    return text ? (JSON.parse(text) as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function saveReportDraft(userId: number, values: object): void {
  try {
    const meaningful = Object.entries(values).some(
      ([key, value]) =>
        key !== 'platformKey' && key !== 'landUnit' && value !== undefined && value !== null && value !== '',
    );
    if (meaningful) sessionStorage.setItem(keyOf(userId), JSON.stringify(values));
    else sessionStorage.removeItem(keyOf(userId));
  } catch {
    // storage full or disabled: the form still works, it just is not kept
  }
}

export function clearReportDraft(userId: number): void {
  try {
    sessionStorage.removeItem(keyOf(userId));
  } catch {
    // nothing to clear
  }
}
