import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { TikTokShopHealthV1 } from './v1/TikTokShopHealthV1.node';
import { readmeSection } from '../shared/readmeSection';
import { versionDescription } from './v1/description';
import { subtitleFromOperations } from '../shared/subtitle';

export class TikTokShopHealth extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop Health',
			name: 'tikTokShopHealth',
			documentationUrl: readmeSection('tiktok-shop-health'),
			icon: { light: 'file:tiktokShopHealth.svg', dark: 'file:tiktokShopHealth.dark.svg' },
			group: ['transform'],
			subtitle: subtitleFromOperations(versionDescription.properties),
			description:
				"Orders at risk of missing their line, fulfilment metrics from your own orders, and TikTok's Shop Performance Score",
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new TikTokShopHealthV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
