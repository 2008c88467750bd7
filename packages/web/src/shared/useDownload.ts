import { useState } from 'react';
import { handleError } from '../api/queryClient.ts';

/** A file download behind a button: busy while it runs, the server's message in a toast if it fails. */
export function useDownload(run: () => Promise<void>): { downloading: boolean; start: () => Promise<void> } {
  const [downloading, setDownloading] = useState(false);
  const start = async () => {
    setDownloading(true);
    try {
      await run();
    } catch (error) {
      handleError(error);
    } finally {
      setDownloading(false);
    }
  };
  return { downloading, start };
}
