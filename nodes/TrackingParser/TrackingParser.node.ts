import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { TrackingParserV1 } from './v1/TrackingParserV1.node';
import { readmeSection } from '../shared/readmeSection';

export class TrackingParser extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: '3PL Tracking Parser',
			name: 'tikTokShopTrackingParser',
			documentationUrl: readmeSection('3pl-tracking-parser'),
			icon: { light: 'file:trackingParser.svg', dark: 'file:trackingParser.dark.svg' },
			group: ['transform'],
			subtitle:
				'={{$parameter["source"] === "imap" ? "Mailbox: " + $parameter["mailbox"] : "Files from input"}}',
			description:
				"Turn a 3PL's shipping emails, PDFs and CSVs into validated order, tracking number and carrier rows",
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new TrackingParserV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
