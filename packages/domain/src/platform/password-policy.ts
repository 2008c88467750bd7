/**
 * Password policy (foundation issue; issue #10 point 10). The rules every new password meets, as pure functions:
 * this light half (length, character classes, the user name inside, reuse) is shared by the server and the web's
 * hints; `password-check.ts` adds the common-password and guessability check, which carries a word list and is
 * loaded only where passwords are set.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;
/** #10.10: the new password may not be the current one nor any of the last 5 (hashes kept per user). */
export const PASSWORD_HISTORY_SIZE = 5;
/** A user name shorter than this is not looked for inside the password ("ab" would refuse too much). */
const MIN_USERNAME_IN_PASSWORD = 3;

const CHARACTER_CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

export const PASSWORD_MESSAGES = {
  length: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  classes: '密码需包含小写字母、大写字母、数字、符号四类中的至少三类',
  username: '密码不能包含用户名',
  common: '密码过于常见或容易被猜到（如 Password12、Qwerty123!、woaini1314、公开的演示密码），请换一个',
  reused: `新密码不能与当前密码或最近 ${PASSWORD_HISTORY_SIZE} 次用过的密码相同`,
} as const;

/** The rules as the web states them next to a password field. */
export const PASSWORD_RULES_TEXT = [
  `至少 ${PASSWORD_MIN_LENGTH} 个字符，包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`,
  '不含用户名',
  '不能是常见密码、泄露过的密码或公开的演示密码',
  `不能与当前密码或最近 ${PASSWORD_HISTORY_SIZE} 次用过的密码相同`,
] as const;

export type PasswordContext = {
  /** The account's user name: the password may not contain it (case ignored). */
  username?: string | null;
  /** Whether the password equals the current one or one of the last PASSWORD_HISTORY_SIZE (the server checks the hashes). */
  isReused?: boolean;
};

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Whether the user name (≥ 3 characters) appears inside the password, ignoring case and width. */
export function containsUsername(password: string, username: string | null | undefined): boolean {
  if (!username) return false;
  const name = fold(username.trim());
  return name.length >= MIN_USERNAME_IN_PASSWORD && fold(password).includes(name);
}

/**
 * The Chinese reasons a password is refused by the light rules; empty when it passes them. Use
 * `passwordProblems` of password-check.ts to also refuse common and guessable passwords.
 */
export function passwordShapeProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_MESSAGES.length);
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) problems.push(PASSWORD_MESSAGES.classes);
  if (containsUsername(password, context.username)) problems.push(PASSWORD_MESSAGES.username);
  if (context.isReused) problems.push(PASSWORD_MESSAGES.reused);
  return problems;
}
