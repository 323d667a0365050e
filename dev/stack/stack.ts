import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startSimulator } from '../simulator';
import { simulatorCredential, writeCredentials, type CredentialImport } from './credential';
import { N8nApi } from './n8nApi';
import { ensureN8nInstalled, type Log } from './n8nInstall';
import { prepareN8n, type N8nInstance, type N8nSetup } from './n8nInstance';
import {
	listTemplates,
	productionWebhookUrl,
	writeTemplatesWithSettings,
	type Template,
} from './templates';
import { outboxCredential, startSmtpOutbox, type SmtpOutbox } from './smtpOutbox';
import { withHeldSchedules } from './heldSchedules';
import { QueueMode, withRedisStores, type QueueModeOptions } from './queueMode';
import { setPostgresVariable, setVariable } from './variables';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type SimulatorOptions = Parameters<typeof startSimulator>[0];

/**
 * What the README recommends for webhook volume: without it n8n 2.41 builds an isolated-vm expression sandbox
 * for every request to a community trigger, even when no expression is evaluated.
 */
export const RECOMMENDED_N8N_SETTINGS = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } as const;

export interface StackOptions {
	log?: Log;
	simulator?: SimulatorOptions;
	/** Complete n8n's owner setup and log in (tests); npm start leaves the setup screen to the user. */
	setupOwner?: boolean;
	onN8nLine?: (line: string) => void;
	keepUserFolder?: boolean;
	/** n8n port to use when free; otherwise any free port. */
	n8nPort?: number;
	/** Extra n8n settings, e.g. N8N_SSRF_PROTECTION_ENABLED or queue mode. */
	n8nEnv?: NodeJS.ProcessEnv;
	/** Test variants of templates (e.g. with scaled retry delays), imported and activated beside them. */
	extraWorkflows?: Array<{ id: string; [key: string]: unknown }>;
	/**
	 * Credentials beyond the simulator's TikTok Shop API and the outbox's SMTP, e.g. an IMAP mailbox. A template
	 * is published (active) only when every credential it references was imported; the others stay inactive
	 * until the user adds their own credential, as in a fresh n8n.
	 */
	credentials?: CredentialImport[];
	/**
	 * Publish only these workflow ids (default: every workflow whose credentials exist, as `npm start` does). Tests
	 * name theirs: another template's schedule or webhook registration would otherwise act on the same simulator
	 * and outbox, and TikTok sends each event type to one URL per app.
	 */
	publish?: string[];
	/**
	 * Values for the templates' Settings nodes, by field name, set before import as a user would edit them, e.g. a
	 * stand-in's URL. `files_folder` is always this instance's files folder.
	 */
	settings?: Record<string, string>;
	/** Extra n8n variables ($vars.<name>) written before n8n starts, for workflows that read them (not templates). */
	variables?: Record<string, string>;
	/**
	 * `held` (default): every Schedule Trigger is set to fire on 29 February only, so that a schedule branch runs
	 * when the caller runs it, and a test that crosses the hour gets no run it did not cause. `live`: as the
	 * templates say (npm start, screenshots).
	 */
	schedules?: 'held' | 'live';
	/** Also save each mail the templates send as an .eml file in this folder. */
	saveMailTo?: string;
	/**
	 * n8n's queue mode instead of one process: Redis and PostgreSQL, main, a webhook processor and workers
	 * (dev/stack/queueMode.ts). `n8n` is then the main process, and production webhooks go to `webhookUrl`.
	 */
	queue?: QueueModeOptions;
}

/** The simulator and one n8n with the pack, a simulator credential and every template imported and active. */
export interface Stack {
	simulator: Simulator;
	setup: N8nSetup;
	n8n: N8nInstance;
	/** Base URL of production webhooks: n8n's own, or the webhook processor's in queue mode. */
	webhookUrl: string;
	/** The queue-mode processes and servers, when `queue` was set. */
	queue?: QueueMode;
	/** Logged in as the owner when `setupOwner` was set; otherwise only usable after the user's own setup. */
	api: N8nApi;
	templates: Template[];
	/** Ids of the templates and extra workflows that were published, i.e. active. */
	published: string[];
	/** Where the templates' "Send Email" nodes deliver. */
	outbox: SmtpOutbox;
	/** Where templates read and write their files (their Settings' files_folder). */
	exportDir: string;
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const paths = await ensureN8nInstalled(log);
	const cleanups: Array<() => Promise<void>> = [];
	const stop = async () => {
		// Reverse order, every step attempted even if one fails: nothing may be left running.
		const errors: unknown[] = [];
		for (const cleanup of cleanups.reverse())
			await cleanup().catch((error: unknown) => errors.push(error));
		cleanups.length = 0;
		if (errors.length > 0) throw errors[0];
	};
	try {
		const simulator = await startSimulator(options.simulator ?? {});
		cleanups.push(async () => simulator.close());
		log(`Simulator on ${simulator.url}`);
		const outbox = await startSmtpOutbox({ saveTo: options.saveMailTo });
		cleanups.push(() => outbox.close());

		const queue = options.queue
			? await QueueMode.prepare(
					paths,
					{
						...options.queue,
						env: options.n8nEnv,
						keepUserFolder: options.keepUserFolder,
						onLine: options.onN8nLine && ((_role, line) => options.onN8nLine!(line)),
					},
					cleanups,
				)
			: undefined;
		if (queue)
			log(`Redis on ${queue.redis.port}, PostgreSQL on ${queue.postgres.port} (queue mode)`);
		const setup = await prepareN8n({
			paths,
			onLine: options.onN8nLine,
			keepUserFolder: options.keepUserFolder,
			preferredPort: options.n8nPort,
			env: queue ? queue.mainEnv() : options.n8nEnv,
		});
		cleanups.push(() => setup.dispose());
		const writeVariable = (name: string, value: string) =>
			queue
				? setPostgresVariable(queue.postgres.sql, name, value)
				: setVariable(setup.databasePath, name, value);

		log('Importing the simulator credential and the templates into n8n…');
		// The first CLI command also creates the database (migrations, ~15 s on a cold user folder).
		const credentials = [
			simulatorCredential(simulator),
			outboxCredential(outbox),
			...(queue ? [queue.redisCredential()] : []),
			...(options.credentials ?? []),
		];
		await setup.cli([
			'import:credentials',
			`--input=${await writeCredentials(setup.userFolder, credentials)}`,
		]);
		for (const [name, value] of Object.entries(options.variables ?? {}))
			await writeVariable(name, value);
		// Every workflow as this stack imports it: in queue mode its state in Redis, which all the n8n processes share;
		// its schedules held unless the caller wants them live.
		const asImported = <T extends { nodes: Array<Record<string, unknown>> }>(workflow: T) => {
			const stored = queue ? withRedisStores(workflow) : workflow;
			return options.schedules === 'live' ? stored : withHeldSchedules(stored);
		};
		const templates = listTemplates().map((template) => asImported(template as never) as Template);
		const templatesDir = await writeTemplatesWithSettings(
			join(setup.userFolder, 'templates'),
			{ ...options.settings, files_folder: setup.filesDir },
			asImported,
		);
		await setup.cli(['import:workflow', '--separate', `--input=${templatesDir}`]);
		const extraWorkflows = (options.extraWorkflows ?? []).map((workflow) =>
			asImported(workflow as never),
		) as Array<{ id: string }>;
		for (const [index, workflow] of extraWorkflows.entries()) {
			const file = join(setup.userFolder, `extra-workflow-${index}.json`);
			await writeFile(file, JSON.stringify(workflow));
			await setup.cli(['import:workflow', `--input=${file}`]);
		}
		const workflows = [...templates, ...(extraWorkflows as unknown as Template[])];
		const importedIds = new Set(credentials.map((credential) => credential.id));
		const publishable = workflows.filter(
			(workflow) =>
				missingCredentials(workflow, importedIds).length === 0 &&
				(options.publish?.includes(workflow.id) ?? true),
		);
		for (const workflow of workflows.filter(
			(candidate) => missingCredentials(candidate, importedIds).length > 0,
		)) {
			log(
				`Left inactive until its credentials exist: "${workflow.name}" (${missingCredentials(workflow, importedIds).join(', ')})`,
			);
		}
		for (const workflow of publishable) {
			// Publishing while n8n is stopped activates the workflow's triggers when it starts.
			await setup.cli(['publish:workflow', `--id=${workflow.id}`]);
		}

		log('Starting n8n…');
		const n8n = await setup.start();
		if (queue) {
			log('Starting the webhook processor and the workers…');
			await queue.startProcesses(setup.filesDir);
		}
		const webhookUrl = queue ? queue.webhookSetup.url : n8n.url;
		const api = new N8nApi(n8n.url, paths);
		if (options.setupOwner) await api.setupOwner();
		await waitForWebhookRegistrations(simulator, expectedRegistrations(webhookUrl, publishable));
		const published = publishable.map((workflow) => workflow.id);
		return {
			simulator,
			setup,
			n8n,
			webhookUrl,
			queue,
			api,
			templates,
			published,
			outbox,
			exportDir: setup.filesDir,
			stop,
		};
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
}

const TRIGGER_TYPE = 'n8n-nodes-tiktok-shop-ops.tikTokShopTrigger';
const REGISTRATION_TIMEOUT_MS = 60_000;

/** Names of the credentials a workflow's nodes reference that are not among the imported ones. */
function missingCredentials(workflow: Template, importedIds: Set<string>): string[] {
	return workflow.nodes.flatMap((node) =>
		Object.values(node.credentials ?? {})
			.filter((credential) => !importedIds.has(credential.id))
			.map((credential) => credential.name),
	);
}

/** The webhook URLs that active TikTok Shop Triggers register with the Event API on activation. */
function expectedRegistrations(n8nUrl: string, workflows: Template[]): string[] {
	return workflows.flatMap((workflow) =>
		workflow.nodes
			.filter((node) => node.type === TRIGGER_TYPE && node.parameters.registerWebhook !== false)
			.map((node) => productionWebhookUrl(n8nUrl, workflow, node.name)),
	);
}

/**
 * n8n may finish a trigger's activation hooks after the editor is reachable. Waiting for them here keeps every
 * test's "before" snapshot of the shop free of another template's registration calls.
 */
async function waitForWebhookRegistrations(
	simulator: Simulator,
	addresses: string[],
): Promise<void> {
	const deadline = Date.now() + REGISTRATION_TIMEOUT_MS;
	const missing = () =>
		addresses.filter(
			(address) => !simulator.state.webhooks.some((hook) => hook.address === address),
		);
	while (missing().length > 0) {
		if (Date.now() > deadline)
			throw new Error(
				`n8n did not register these webhooks with the simulator within 60 s: ${missing().join(', ')}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
