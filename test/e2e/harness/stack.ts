import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startSimulator } from '../../simulator';
import { writeSimulatorCredential } from './credential';
import { N8nApi } from './n8nApi';
import { ensureN8nInstalled, type Log } from './n8nInstall';
import { prepareN8n, type N8nInstance, type N8nSetup } from './n8nInstance';
import { listTemplates, TEMPLATES_DIR, type Template } from './templates';
import { setVariable } from './variables';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type SimulatorOptions = Parameters<typeof startSimulator>[0];

/** The variable the templates read for the folder they write files to. */
export const EXPORT_DIR_VARIABLE = 'TIKTOK_SHOP_EXPORT_DIR';

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
}

/** The simulator and one n8n with the pack, a simulator credential and every template imported and active. */
export interface Stack {
	simulator: Simulator;
	setup: N8nSetup;
	n8n: N8nInstance;
	/** Logged in as the owner when `setupOwner` was set; otherwise only usable after the user's own setup. */
	api: N8nApi;
	templates: Template[];
	/** Where templates write their files (also $vars.TIKTOK_SHOP_EXPORT_DIR). */
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
		for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => errors.push(error));
		cleanups.length = 0;
		if (errors.length > 0) throw errors[0];
	};
	try {
		const simulator = await startSimulator(options.simulator ?? {});
		cleanups.push(async () => simulator.close());
		log(`Simulator on ${simulator.url}`);

		const setup = await prepareN8n({
			paths,
			onLine: options.onN8nLine,
			keepUserFolder: options.keepUserFolder,
			preferredPort: options.n8nPort,
			env: options.n8nEnv,
		});
		cleanups.push(() => setup.dispose());

		log('Importing the simulator credential and the templates into n8n…');
		// The first CLI command also creates the database (migrations, ~15 s on a cold user folder).
		await setup.cli(['import:credentials', `--input=${await writeSimulatorCredential(setup.userFolder, simulator)}`]);
		setVariable(setup.databasePath, EXPORT_DIR_VARIABLE, setup.filesDir);
		const templates = listTemplates();
		await setup.cli(['import:workflow', '--separate', `--input=${TEMPLATES_DIR}`]);
		for (const [index, workflow] of (options.extraWorkflows ?? []).entries()) {
			const file = join(setup.userFolder, `extra-workflow-${index}.json`);
			await writeFile(file, JSON.stringify(workflow));
			await setup.cli(['import:workflow', `--input=${file}`]);
		}
		const ids = [...templates.map((template) => template.id), ...(options.extraWorkflows ?? []).map((workflow) => workflow.id)];
		for (const id of ids) {
			// Publishing while n8n is stopped activates the workflow's triggers when it starts.
			await setup.cli(['publish:workflow', `--id=${id}`]);
		}

		log('Starting n8n…');
		const n8n = await setup.start();
		const api = new N8nApi(n8n.url, paths);
		if (options.setupOwner) await api.setupOwner();
		return { simulator, setup, n8n, api, templates, exportDir: setup.filesDir, stop };
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
}
