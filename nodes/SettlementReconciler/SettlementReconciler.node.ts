import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { SettlementReconcilerV1 } from './v1/SettlementReconcilerV1.node';
import { readmeSection } from '../shared/readmeSection';
import { versionDescription } from './v1/description';
import { subtitleFromOperations } from '../shared/subtitle';

export class SettlementReconciler extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop Settlement Reconciler',
			name: 'tikTokShopSettlementReconciler',
			documentationUrl: readmeSection('tiktok-shop-settlement-reconciler'),
			icon: { light: 'file:settlementReconciler.svg', dark: 'file:settlementReconciler.dark.svg' },
			group: ['transform'],
			subtitle: subtitleFromOperations(versionDescription.properties),
			description:
				'Find the money TikTok Shop owes you: check settlements against your commission rates, fees and payouts',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SettlementReconcilerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
