/**
 * `npm start`: the TikTok Shop simulator plus a throwaway n8n 2.41.1 (SQLite) with the freshly built pack, a
 * credential for the simulator and every template imported and active. Ctrl-C stops everything.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { demoFindings, writeDemoFiles } from './demo';
import { N8N_VERSION } from './stack/cache';
import { removeSession, writeSession } from './stack/session';
import { RECOMMENDED_N8N_SETTINGS, startStack, type Stack } from './stack/stack';
import { formUrls } from './stack/templates';

const N8N_DEFAULT_PORT = 5678;
const OUTBOX_DIR = join(tmpdir(), 'n8n-nodes-tiktok-shop-ops-outbox');

let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log('\nStopping n8n and the simulator…');
	removeSession();
	await stack?.stop().catch((error: unknown) => console.error(error));
	process.exit(code);
}

async function main(): Promise<void> {
	const started = Date.now();
	console.log(`Starting the TikTok Shop simulator and n8n ${N8N_VERSION} with this pack…`);
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	stack = await startStack({
		log: (line) => console.log(line),
		n8nPort: N8N_DEFAULT_PORT,
		saveMailTo: OUTBOX_DIR,
		n8nEnv: RECOMMENDED_N8N_SETTINGS,
		simulator: { demo: true },
	});
	const { n8n, simulator, templates, published, exportDir } = stack;
	const demoFiles = await writeDemoFiles(exportDir, simulator.state, simulator.demo!);
	const state = (id: string) =>
		published.includes(id) ? 'active' : 'inactive: add its credential, then publish';
	writeSession({
		editorUrl: n8n.url,
		simulatorUrl: simulator.url,
		appKey: simulator.app.appKey,
		appSecret: simulator.app.appSecret,
		accessToken: simulator.tokens.accessToken,
		shopId: simulator.shop.id,
		shopCipher: simulator.shop.cipher,
	});
	// n8n stopping by itself (crash, port taken) should not leave a simulator pretending all is well.
	void stack.n8n.exited.then(() => {
		if (stopping) return;
		console.error(`\nn8n stopped unexpectedly. Last lines of ${n8n.logPath}:\n${n8n.tail(30)}`);
		void shutdown(1);
	});

	const line = '─'.repeat(72);
	console.log(`
${line}
Ready in ${Math.round((Date.now() - started) / 1000)} s.

  n8n editor      ${n8n.url}
                  First visit: create an owner account (any email and password;
                  this instance is thrown away when you stop).
  Templates       ${templates.map((template) => `${n8n.url}/workflow/${template.id}  ${template.name} (${state(template.id)})`).join('\n                  ')}
  Forms           ${formUrls(
		n8n.url,
		templates.filter((template) => published.includes(template.id)),
	)
		.map(({ workflow, url }) => `${url}  ${workflow.name}`)
		.join('\n                  ')}
                  (upload ${demoFiles.settlementPath})
  Credentials     "TikTok Shop API account" points at the simulator; "SMTP account" at a local
                  outbox that keeps every mail the templates send as an .eml file:
  Sent mail       ${OUTBOX_DIR}
  Simulator       ${simulator.url}  (shop "${simulator.shop.name}", ${simulator.shop.id})
  Exported files  ${exportDir}
  n8n log         ${n8n.logPath}

  What the templates find in the demo shop on their first run:
    ${demoFindings(simulator.demo!, demoFiles).join('\n    ')}

  Send a signed sample order webhook (type 1, ORDER_STATUS_CHANGE) to a webhook URL:
    npx ts-node --transpile-only dev/sendSampleWebhook.ts <webhook URL>

Ctrl-C stops everything.
${line}`);
}

main().catch((error: unknown) => {
	console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
	void shutdown(1);
});
