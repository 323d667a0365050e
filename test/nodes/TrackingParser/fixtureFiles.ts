import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CarrierCode } from '../../../nodes/shared/tracking';
import type { UnparsedCode } from '../../../nodes/TrackingParser/v1/parsing/types';

const DIR = join(__dirname, '../../fixtures/3pl/files');

export interface FixtureFile {
	fileName: string;
	mimeType: string;
	data: Buffer;
	name: string;
	options: { referenceMap?: Record<string, string>; expectedCarrier?: CarrierCode };
	lookalikes: string[];
	rows: Array<{ order_id: string; tracking_number: string; carrier: CarrierCode }>;
	unparsed: UnparsedCode[];
}

/** The committed fixtures with their ground truth (written by test/fixtures/3pl/buildFixtures.ts). */
export function fixtureFiles(): FixtureFile[] {
	return readdirSync(DIR)
		.filter((file) => !file.endsWith('.truth.json'))
		.sort()
		.map((fileName) => ({
			fileName,
			data: readFileSync(join(DIR, fileName)),
			...(JSON.parse(readFileSync(join(DIR, `${fileName}.truth.json`), 'utf8')) as Omit<
				FixtureFile,
				'fileName' | 'data'
			>),
		}));
}

export function fixtureFile(prefix: string): FixtureFile {
	const found = fixtureFiles().find((file) => file.fileName.startsWith(prefix));
	if (!found) throw new Error(`No fixture starts with ${prefix}`);
	return found;
}
