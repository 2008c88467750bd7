/**
 * The central place where errors become messages. The antd message API lives in React context (App.useApp),
 * so the shell registers it here once; code outside components (the query cache) calls these functions.
 */
type Notifier = {
  error: (content: string, key?: string) => void;
  warning: (content: string, key?: string) => void;
};

let notifier: Notifier = {
  error: (content) => {
    console.error(content);
  },
  warning: (content) => {
    console.warn(content);
  },
};

export function setNotifier(next: Notifier): void {
  notifier = next;
}

export function notifyError(content: string, key?: string): void {
  notifier.error(content, key);
}

export function notifyWarning(content: string, key?: string): void {
  notifier.warning(content, key);
}
