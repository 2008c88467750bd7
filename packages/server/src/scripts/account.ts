// `npm run account -- <command> <username> …`: the operator's account commands (三员分立, #10.11); see
// users/operator-accounts.ts. Stop the server first when it runs on the embedded database (one process per data dir).
import { readConfig, ConfigError } from '../platform/config.ts';
import { DataDirInUseError, openDatabase } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { ACCOUNT_USAGE, parseAccountCommand, runAccountCommand } from '../users/operator-accounts.ts';

/** The password piped in (first line), or null when stdin is a terminal or empty: then one is generated. */
async function passwordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  return line.length > 0 ? line : null;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv.includes('--help')) {
    console.log(ACCOUNT_USAGE);
    return 0;
  }
  const command = parseAccountCommand(argv);
  const password = command.command === 'unlock' ? null : await passwordFromStdin();
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    console.log(await runAccountCommand(database.db, command, password, new Date()));
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError || error instanceof ConfigError || error instanceof DataDirInUseError)
      console.error(error.message);
    else console.error('操作失败：', error);
    process.exit(1);
  },
);
