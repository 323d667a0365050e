/**
 * `npm start`: the TikTok Shop simulator plus a throwaway n8n 2.41.1 (SQLite) with the freshly built pack, a
 * credential for the simulator and every template imported and active. Ctrl-C stops everything.
 *
 * `npm run start:queue` (`--queue`): the same in n8n's queue mode: Redis and PostgreSQL on loopback, n8n main,
 * one webhook processor and two workers, each with the pack installed (dev/stack/queueMode.ts).
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
const QUEUE_MODE = process.argv.includes('--queue');

let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`\nStopping n8n${QUEUE_MODE ? ', Redis, PostgreSQL' : ''} and the simulator…`);
	removeSession();
	await stack?.stop().catch((error: unknown) => console.error(error));
	process.exit(code);
}

async function main(): Promise<void> {
	const started = Date.now();
	console.log(
		`Starting the TikTok Shop simulator and n8n ${N8N_VERSION}${QUEUE_MODE ? ' in queue mode' : ''} with this pack…`,
	);
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	stack = await startStack({
		log: (line) => console.log(line),
		n8nPort: N8N_DEFAULT_PORT,
		saveMailTo: OUTBOX_DIR,
		n8nEnv: RECOMMENDED_N8N_SETTINGS,
		simulator: { demo: true },
		queue: QUEUE_MODE ? {} : undefined,
		schedules: 'live',
	});
	const { n8n, simulator, templates, published, exportDir, queue, webhookUrl } = stack;
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
	for (const [name, process] of [
		['n8n', n8n],
		['The webhook processor', queue?.webhook],
		...(queue?.workers ?? []).map((worker, index) => [`Worker ${index + 1}`, worker] as const),
	] as const) {
		void process?.exited.then(() => {
			if (stopping) return;
			console.error(
				`\n${name} stopped unexpectedly. Last lines of ${process.logPath}:\n${process.tail(30)}`,
			);
			void shutdown(1);
		});
	}
	const queueLines = queue
		? `
  Queue mode      webhook processor ${webhookUrl} (production webhooks; main serves none)
                  ${queue.workers.length} workers, Redis 127.0.0.1:${queue.redis.port}, PostgreSQL 127.0.0.1:${queue.postgres.port} (user ${queue.postgres.user}, database ${queue.postgres.database})
                  Logs: ${[queue.webhook, ...queue.workers].map((part) => part?.logPath).join('\n                        ')}`
		: '';

	const line = '─'.repeat(72);
	console.log(`
${line}
Ready in ${Math.round((Date.now() - started) / 1000)} s.

  n8n editor      ${n8n.url}
                  First visit: create an owner account (any email and password;
                  this instance is thrown away when you stop).
  Templates       ${templates.map((template) => `${n8n.url}/workflow/${template.id}  ${template.name} (${state(template.id)})`).join('\n                  ')}
  Forms           ${formUrls(
		webhookUrl,
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
  n8n log         ${n8n.logPath}${queueLines}

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
