import { AccountChangesReview } from '../AccountChangesReview.tsx';

/** The auditor's page for the review card until the auditor's home page holds it. */
export function AccountChangesPage() {
  return <AccountChangesReview />;
}
