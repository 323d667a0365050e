import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { TrackingParser } from '../../../nodes/TrackingParser/TrackingParser.node';
import { fakeExecuteFunctions, type FakeRun } from '../../../dev/harness/fakeExecuteFunctions';

/**
 * The shared fake host plus what this node needs from n8n and the shared host lacks: reading binary
 * data (kept base64 in the item, as n8n's default binary mode does) and the workflow's id.
 */
export function parserHost(run: FakeRun & { workflowId?: string }): IExecuteFunctions {
	const context = fakeExecuteFunctions({
		...run,
		node: {
			name: '3PL Tracking Parser',
			type: 'n8n-nodes-tiktok-shop-ops.tikTokShopTrackingParser',
			...run.node,
		},
	});
	const items = context.getInputData();
	Object.assign(context.helpers, {
		getBinaryDataBuffer: async (itemIndex: number, property: string) => {
			const binary = items[itemIndex].binary?.[property];
			if (!binary) throw new Error(`No binary data "${property}" on item ${itemIndex}`);
			return Buffer.from(binary.data, 'base64');
		},
	});
	return Object.assign(context, {
		getWorkflow: () => ({ id: run.workflowId ?? 'workflow-1', name: 'test', active: false }),
	});
}

export const parserNode = new TrackingParser().nodeVersions[1];

export async function runParser(
	run: FakeRun & { workflowId?: string },
): Promise<{ rows: INodeExecutionData[]; unparsed: INodeExecutionData[] }> {
	if (!parserNode.execute) throw new Error('The parser has no execute()');
	const [rows, unparsed] = (await parserNode.execute.call(
		parserHost(run),
	)) as INodeExecutionData[][];
	return { rows, unparsed };
}

export function binaryItem(
	files: Record<string, { data: Buffer; fileName: string; mimeType: string }>,
	json = {},
): INodeExecutionData {
	const binary: Record<string, IBinaryData> = {};
	for (const [key, file] of Object.entries(files)) {
		binary[key] = {
			data: file.data.toString('base64'),
			fileName: file.fileName,
			mimeType: file.mimeType,
		};
	}
	return { json, binary };
}
