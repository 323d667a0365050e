import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeError, type TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { fulfillment } from '../../../../shared/tiktok/resources';
import { isNotFoundError, notFoundItem, uniqueIds } from '../../../../shared/notFound';

export const description: INodeProperties[] = [
	{
		displayName: 'Package IDs',
		name: 'packageId',
		type: 'string',
		required: true,
		default: '',
		description:
			'One or more package IDs, separated by commas. An ID TikTok does not know gives an item with found: false (an error item under Continue On Fail).',
		displayOptions: { show: { resource: ['package'], operation: ['get'] } },
	},
];

/** TikTok's not-found code for a package (unconfirmed, as the simulator has it). */
const PACKAGE_NOT_FOUND = 21011001;

/** One call and one item per id asked: the package, or a "not found" item. */
export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const ids = uniqueIds(
		splitIds(this, this.getNodeParameter('packageId', itemIndex), 'Package ID', itemIndex),
	);
	const packages: IDataObject[] = [];
	for (const packageId of ids) {
		try {
			packages.push(await fulfillment.getPackage<IDataObject>(client, packageId));
		} catch (error) {
			if (!isNotFoundError(error, [PACKAGE_NOT_FOUND]))
				throw toNodeError(this.getNode(), error, itemIndex);
			packages.push(
				notFoundItem(this, { noun: 'package', idField: 'package_id' }, packageId, itemIndex),
			);
		}
	}
	return packages;
}
