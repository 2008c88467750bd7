import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ROLE_LABELS, type Role } from '@pgs/domain/platform/roles';
import { PLATFORMS } from '@pgs/domain/platform/platforms';
import { zh, type MessageKey } from './zh.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'pgs.lang';

/**
 * The English strings (and antd's English locale) load when English is chosen, or before the first render when this
 * browser chose it before (main.tsx): issue #15, the first pages carry Chinese only.
 */
let english: typeof import('./english.ts') | null = null;
export async function loadEnglish(): Promise<void> {
  english ??= await import('./english.ts');
}
/** antd's English locale, once loaded. */
export function antdEnglish() {
  return english?.enUS;
}

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey) => string;
  roleLabel: (role: Role) => string;
  platformLabel: (key: string | null | undefined) => string | null;
};

const I18nContext = createContext<I18n | null>(null);

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** zh-CN by default; the choice is remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const value = storedLang() === 'en' && english ? 'en' : 'zh';
    applyLang(value);
    return value;
  });
  const setLang = useCallback((next: Lang) => {
    const choose = () => {
      applyLang(next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice just lasts for this page
      }
      setLangState(next);
    };
    if (next === 'en' && !english) void loadEnglish().then(choose);
    else choose();
  }, []);
  const value = useMemo<I18n>(() => {
    const en = lang === 'en' ? english : null;
    const dictionary = en ? en.en : zh;
    return {
      lang,
      setLang,
      t: (key) => dictionary[key],
      roleLabel: (role) => (en ? en.EN_ROLE_LABELS[role] : ROLE_LABELS[role]),
      platformLabel: (key) => {
        if (!key) return null;
        if (en) return en.EN_PLATFORM_NAMES[key] ?? key;
        return PLATFORMS.find((p) => p.key === key)?.name ?? key;
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
