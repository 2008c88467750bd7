import type { Database } from './db.ts';
import { CHANGE_CHANNELS, signalChange, type ChangeTopic } from './change-signals.ts';

const TOPICS = Object.keys(CHANGE_CHANNELS) as ChangeTopic[];
const topicOf = new Map(TOPICS.map((topic) => [CHANGE_CHANNELS[topic], topic]));

/**
 * Issue #15: the triggers of migration 0012 NOTIFY on commit when sessions end, users change, catalogs are published
 * or the industry table is replaced; every process listening moves the topic's generation, so its caches read again.
 * After a dropped connection every topic moves (what was missed is unknown). Returns the function that stops.
 */
export async function listenForChanges(database: Database): Promise<() => Promise<void>> {
  if (!database.listen) return () => Promise.resolve();
  return database.listen(
    TOPICS.map((topic) => CHANGE_CHANNELS[topic]),
    (channel) => {
      const topic = topicOf.get(channel);
      if (topic) signalChange(topic);
    },
    () => {
      TOPICS.forEach(signalChange);
    },
  );
}
