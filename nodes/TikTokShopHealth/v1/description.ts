import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { shopParameter } from '../../shared/tiktok/shopParameter';

import { CREDENTIAL_NAME } from '../../shared/tiktok';
import { requestOptions } from '../../shared/tiktok/requestOptions';
import * as computeMetrics from './actions/computeMetrics.operation';
import * as getPerformanceScore from './actions/getPerformanceScore.operation';
import * as ordersAtRisk from './actions/ordersAtRisk.operation';
import { credentialsFirst } from '../../shared/credentialsFirst';

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & { version: number } = {
	version: 1,
	defaults: { name: 'TikTok Shop Health' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: CREDENTIAL_NAME, required: true }],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Compute Metrics',
					value: 'computeMetrics',
					action: 'Compute fulfilment metrics',
					description:
						"Late dispatch, valid tracking, seller-fault cancellation, on-time delivery and return handling over a window, from the shop's own orders, with the orders behind each number",
				},
				{
					name: 'Get Performance Score',
					value: 'getPerformanceScore',
					action: 'Get the shop performance score',
					description:
						"TikTok's Shop Performance Score (US shops): overview, metric details and diagnosis, drill-downs",
				},
				{
					name: 'Orders at Risk',
					value: 'ordersAtRisk',
					action: 'List orders at risk of missing their line',
					description:
						'Orders awaiting shipment or collection that may miss their deadline, most urgent first, with the reason and the next step',
				},
			],
			default: 'ordersAtRisk',
		},
		...ordersAtRisk.description,
		...computeMetrics.description,
		...getPerformanceScore.description,
		requestOptions,
	],
};
