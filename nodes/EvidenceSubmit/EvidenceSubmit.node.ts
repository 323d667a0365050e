import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { EvidenceSubmitV1 } from './v1/EvidenceSubmitV1.node';
import { readmeSection } from '../shared/readmeSection';
import { versionDescription } from './v1/description';
import { subtitleFromOperations } from '../shared/subtitle';

export class EvidenceSubmit extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop Evidence Submit',
			name: 'tikTokShopEvidenceSubmit',
			documentationUrl: readmeSection('tiktok-shop-evidence-submit'),
			icon: { light: 'file:evidenceSubmit.svg', dark: 'file:evidenceSubmit.dark.svg' },
			group: ['transform'],
			subtitle: subtitleFromOperations(versionDescription.properties),
			description:
				"Find return and cancellation cases that need an answer, build evidence packets before the deadline, and submit them where TikTok's API allows",
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new EvidenceSubmitV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
