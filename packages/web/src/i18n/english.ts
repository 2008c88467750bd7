// Everything English, loaded when English is chosen (i18n/index.tsx): the first pages carry the Chinese strings only.
export { en, EN_PLATFORM_NAMES, EN_ROLE_LABELS } from './en.ts';
export { default as enUS } from 'antd/es/locale/en_US';
