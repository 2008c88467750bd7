// The server's entry for `npm run dev` and the tests' server processes. `npm start` imports the bundle of server.ts
// and calls `runServer` itself, handing it the web build it runs meanwhile (scripts/start.mjs).
import { runServer } from './server.ts';

await runServer();
