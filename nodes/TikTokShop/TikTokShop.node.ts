import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { TikTokShopV1 } from './v1/TikTokShopV1.node';
import { readmeSection } from '../shared/readmeSection';
import { versionDescription } from './v1/actions/versionDescription';
import { subtitleFromOperations } from '../shared/subtitle';

export class TikTokShop extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop',
			name: 'tikTokShop',
			documentationUrl: readmeSection('tiktok-shop'),
			icon: { light: 'file:tiktokShop.svg', dark: 'file:tiktokShop.dark.svg' },
			group: ['transform'],
			subtitle: subtitleFromOperations(versionDescription.properties),
			description:
				'Read orders, packages, returns and finance data from TikTok Shop, and act on returns',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new TikTokShopV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
