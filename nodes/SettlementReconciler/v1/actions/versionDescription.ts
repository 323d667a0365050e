import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { shopParameterShownFor } from '../../../shared/tiktok/shopParameter';

import { CREDENTIAL_NAME } from '../../../shared/tiktok';
import * as compareCsvApi from './compareCsvApi.operation';
import { optionFields, rateFields } from './common.descriptions';
import * as reconcileApi from './reconcileApi.operation';
import * as reconcileCsv from './reconcileCsv.operation';
import { requestOptions } from '../../../shared/tiktok/requestOptions';
import { credentialsFirst } from '../../../shared/credentialsFirst';

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & { version: number } = {
	version: 1,
	defaults: { name: 'Settlement Reconciler' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	// Short enough for the canvas: an unconnected output label is cut after about 10 characters.
	outputNames: ['Findings', 'Summary', 'Unreadable'],
	credentials: [
		{
			name: CREDENTIAL_NAME,
			required: true,
			displayOptions: { show: { operation: ['reconcileApi', 'compareCsvApi'] } },
		},
	],
	properties: [
		credentialsFirst,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Reconcile Settlement Report',
					value: 'reconcileCsv',
					action: 'Reconcile a settlement report CSV',
					description: 'Check the CSV exported from Seller Center against your commission rates',
				},
				{
					name: 'Reconcile From Finance API',
					value: 'reconcileApi',
					action: 'Reconcile statements from the finance API',
					description: "Fetch the period's statements and transactions from TikTok and check them",
				},
				{
					name: 'Compare Report With Finance API',
					value: 'compareCsvApi',
					action: 'Compare a settlement report with the finance API',
					description: 'Check the CSV and confirm each order against what TikTok settled',
				},
			],
			default: 'reconcileCsv',
		},
		{
			displayName:
				'Outputs: <b>Findings</b> (one item per finding, money owed to you and soonest deadline first), <b>Summary</b> (totals, amount recoverable, ready-to-paste correction requests) and <b>Unreadable</b> (report lines that could not be read, with the reason).',
			name: 'outputsNotice',
			type: 'notice',
			default: '',
		},
		shopParameterShownFor({ operation: ['reconcileApi', 'compareCsvApi'] }),
		...reconcileCsv.description,
		...reconcileApi.description,
		...compareCsvApi.description,
		...rateFields,
		optionFields,
		{
			...requestOptions,
			displayOptions: { show: { operation: ['reconcileApi', 'compareCsvApi'] } },
		},
	],
};
