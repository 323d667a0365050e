import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IRun,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { signWebhook } from '../../../nodes/shared/tiktok/webhookSignature';

export const APP = { appKey: 'trigger-app-key', appSecret: 'trigger-app-secret' };

const node: INode = {
	id: 'trigger-node',
	name: 'TikTok Shop Trigger',
	type: 'n8n-nodes-tiktok-shop-ops.tikTokShopTrigger',
	typeVersion: 1.2,
	position: [0, 0],
	parameters: {},
};

export interface Answer {
	status?: number;
	ended: boolean;
}

/** The n8n host around `webhook()`: one request, one response object that records what the node answered. */
export function webhookContext(
	rawBody: string,
	parameters: IDataObject,
	{
		authorization = signWebhook(APP.appKey, APP.appSecret, rawBody) as string | null,
		mode = 'trigger',
		workflowId = 'wf-1',
		redis = {} as IDataObject,
		/** n8n reads the body only of requests it can parse (JSON, form, XML); others are left to the node. */
		bodyReadByN8n = true,
		/** The TikTok Shop API credential's fields. */
		app = APP as IDataObject,
		/** The id n8n gives the Redis credential the node uses (none: the node names no credential). */
		redisCredentialId = undefined as string | undefined,
	} = {},
): { context: IWebhookFunctions; answer: Answer; warnings: string[] } {
	const answer: Answer = { ended: false };
	const warnings: string[] = [];
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		end() {
			answer.ended = true;
			return response;
		},
	};
	const request: { rawBody?: Buffer; headers: IDataObject; readRawBody(): Promise<void> } = {
		rawBody: bodyReadByN8n ? Buffer.from(rawBody) : undefined,
		headers: authorization === null ? {} : { authorization },
		async readRawBody() {
			request.rawBody = Buffer.from(rawBody);
		},
	};
	const context = {
		getRequestObject: () => request,
		getResponseObject: () => response,
		getCredentials: async (name: string) => (name === 'tikTokShopApi' ? app : redis),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getMode: () => mode,
		getWorkflow: () => ({ id: workflowId }),
		getNode: () =>
			redisCredentialId
				? {
						...node,
						credentials: { tikTokShopRedis: { id: redisCredentialId, name: 'Redis account' } },
					}
				: node,
		logger: {
			warn: (message: string) => warnings.push(message),
			debug: () => undefined,
			info: () => undefined,
			error: () => undefined,
		},
	};
	return { context: context as unknown as IWebhookFunctions, answer, warnings };
}

export interface Emitted {
	data: INodeExecutionData[][];
	done?: { resolve(run: IRun): void; reject(error: Error): void };
}

/** The n8n host around `trigger()`: records every emit and lets the test decide how each run ends. */
export function triggerContext(
	parameters: IDataObject,
	{ workflowId = 'wf-1', redis = {} as IDataObject } = {},
) {
	const emitted: Emitted[] = [];
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getMode: () => 'trigger',
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => node,
		getCredentials: async () => redis,
		logger: {
			warn: () => undefined,
			debug: () => undefined,
			info: () => undefined,
			error: () => undefined,
		},
		helpers: {
			createDeferredPromise<T>() {
				let resolve!: (value: T) => void;
				let reject!: (error: Error) => void;
				const promise = new Promise<T>((ok, fail) => {
					resolve = ok;
					reject = fail;
				});
				return { promise, resolve, reject };
			},
		},
		emit(data: INodeExecutionData[][], _response?: unknown, done?: Emitted['done']) {
			emitted.push({ data, done });
		},
	};
	return { context: context as unknown as ITriggerFunctions, emitted };
}

export function runEnded(error?: string): IRun {
	return {
		data: { resultData: { runData: {}, ...(error ? { error: { message: error } } : {}) } },
	} as unknown as IRun;
}

export function orderEvent(overrides: IDataObject = {}, data: IDataObject = {}): string {
	return JSON.stringify({
		type: 1,
		tts_notification_id: 'notif-7294819',
		shop_id: '7494726673780148744',
		timestamp: Math.floor(Date.now() / 1000),
		data: {
			order_id: '576684019603311365',
			order_status: 'AWAITING_SHIPMENT',
			is_on_hold_order: false,
			update_time: 1664095610,
			...data,
		},
		...overrides,
	});
}

/** The n8n host around `execute()`: the first step of a run that starts at the trigger, with the emitted items. */
export function executeContext(
	parameters: IDataObject,
	input: INodeExecutionData[][],
	{ workflowId = 'wf-1', redis = {} as IDataObject, executionId = '101' } = {},
) {
	const logged: string[] = [];
	const context = {
		getInputData: (index = 0) => input[index] ?? [],
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getMode: () => 'trigger',
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => node,
		getExecutionId: () => executionId,
		getCredentials: async () => redis,
		logger: {
			warn: (message: string) => logged.push(message),
			debug: () => undefined,
			info: (message: string) => logged.push(message),
			error: () => undefined,
		},
	};
	return { context: context as unknown as IExecuteFunctions, logged };
}
