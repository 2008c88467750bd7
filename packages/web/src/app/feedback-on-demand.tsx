import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';

/**
 * Issue #15: antd's `<App>` makes its modal, notification and message APIs with `useModal()`, `useNotification()` and
 * `useMessage()`, which load antd's Modal, its dialog and confirm styles, and the notification list on every page
 * (≈ 15 kB gzip), though a confirm opens only on two pages and no page shows a notification, and the message list
 * (≈ 8 kB gzip) before the first page needs a toast. The web build gives antd's App these hooks
 * instead (vite.config.ts, `feedbackOnDemand`): the same API, whose first call loads antd's own hook, mounts its
 * holder in the same place and then makes the call. Nothing is drawn until then, as with antd's holders.
 */
type AnyHook = (config?: never) => readonly [object, ReactElement];
type Call = (api: Record<string, (...args: unknown[]) => unknown>) => unknown;

function Holder({ hook, config, onApi }: { hook: AnyHook; config: unknown; onApi: (api: object) => void }) {
  const [api, holder] = hook(config as never);
  useEffect(() => {
    onApi(api);
  }, [api, onApi]);
  return holder;
}

/** Runs `work` once the browser is idle after the page has drawn (a timer where there is no idle callback). */
function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: 5000 });
    return () => {
      window.cancelIdleCallback(id);
    };
  }
  const id = window.setTimeout(work, 2000);
  return () => {
    window.clearTimeout(id);
  };
}

/**
 * `prefetch`: the hook's module is fetched once the first page has drawn, so it is at hand when the first call comes
 * even if the server cannot be reached by then (the toast that says so must not wait on a download that fails).
 */
function onDemand(
  name: string,
  load: () => Promise<{ default: AnyHook }>,
  methods: string[],
  options: { prefetch?: boolean } = {},
) {
  return function useOnDemand(config?: unknown) {
    useEffect(() => {
      if (!options.prefetch) return;
      return whenIdle(() => {
        load().catch(() => undefined); // fetched again at the first call if this failed
      });
    }, []);
    const [hook, setHook] = useState<AnyHook | null>(null);
    const real = useRef<Record<string, (...args: unknown[]) => unknown> | null>(null);
    const waiting = useRef<Call[]>([]);
    const api = useMemo(() => {
      const later = (call: Call) => {
        if (real.current) return call(real.current);
        waiting.current.push(call);
        void load().then((module) => {
          setHook(() => module.default);
        });
        return undefined;
      };
      return Object.fromEntries(
        methods.map((name) => [
          name,
          (...args: unknown[]) => {
            if (real.current) return real.current[name]!(...args);
            // What a modal call answers at once (destroy, update, await), bound to the real one when it opens.
            let handle: { destroy(): void; update(next: unknown): void } | undefined;
            const pending: Array<(h: NonNullable<typeof handle>) => void> = [];
            const opened = new Promise<unknown>((resolve) => {
              later((ready) => {
                const result = ready[name]!(...args) as (typeof handle & PromiseLike<unknown>) | undefined;
                if (result && typeof result === 'object') {
                  handle = result;
                  for (const run of pending) run(result);
                  if (typeof result.then === 'function') result.then(resolve);
                  else resolve(result);
                } else resolve(result);
              });
            });
            return {
              destroy: () => {
                if (handle) handle.destroy();
                else
                  pending.push((h) => {
                    h.destroy();
                  });
              },
              update: (next: unknown) => {
                if (handle) handle.update(next);
                else
                  pending.push((h) => {
                    h.update(next);
                  });
              },
              then: (resolve: (value: unknown) => unknown, reject?: (reason: unknown) => unknown) =>
                opened.then(resolve, reject),
            };
          },
        ]),
      );
    }, []);
    const onApi = useMemo(
      () => (ready: object) => {
        real.current = ready as Record<string, (...args: unknown[]) => unknown>;
        for (const call of waiting.current.splice(0)) call(real.current);
      },
      [],
    );
    // antd's App draws the three holders side by side, so each needs a key of its own: with one key for all, the
    // second hook to load (a confirm after a toast) was taken for the first and its dialog never drew.
    const holder = hook ? <Holder key={`on-demand-${name}`} hook={hook} config={config} onApi={onApi} /> : <></>;
    return [api, holder] as const;
  };
}

export const useModalOnDemand = onDemand('modal', () => import('antd/es/modal/useModal'), [
  'info',
  'success',
  'error',
  'warning',
  'confirm',
]);

export const useNotificationOnDemand = onDemand('notification', () => import('antd/es/notification/useNotification'), [
  'open',
  'success',
  'info',
  'warning',
  'error',
  'destroy',
]);

/**
 * The toasts (成功/失败 messages, and every refusal of the API): antd's message list (≈ 8 kB gzip) is fetched after the
 * first page has drawn, not before it; a toast asked for earlier shows as soon as it has arrived.
 */
export const useMessageOnDemand = onDemand(
  'message',
  () => import('antd/es/message/useMessage'),
  ['open', 'success', 'info', 'warning', 'error', 'loading', 'destroy'],
  { prefetch: true },
);
