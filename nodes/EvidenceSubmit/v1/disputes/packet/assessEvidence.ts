import type {
	CaseFacts,
	ChecklistLine,
	ClaimType,
	EvidenceImage,
	EvidenceInput,
	EvidencePiece,
	PhotoKind,
	WeightCheck,
} from '../interfaces';
import { CHECKLISTS, PIECE_LABELS } from './checklists';
import { acceptanceScan, deliveryScan, describeScan } from './scanEvents';

export interface GatheredEvidence {
	facts: CaseFacts;
	input: EvidenceInput;
	images: EvidenceImage[];
	weight: WeightCheck;
}

/** TikTok's agents open these; other hosts (YouTube, Dropbox, WeTransfer) are not reliably reviewed. */
const VIDEO_HOSTS = /^(drive\.google\.com|docs\.google\.com|(www\.|player\.)?vimeo\.com)$/;

type Finding = { present: boolean; detail: string };

function photos(
	images: EvidenceImage[],
	kinds: PhotoKind[],
	what: string,
	fileHint: string,
): Finding {
	const found = images.filter((image) => kinds.includes(image.kind));
	return found.length
		? {
				present: true,
				detail: `${found.length} photo(s): ${found.map((image) => image.fileName).join(', ')}`,
			}
		: {
				present: false,
				detail: `No ${what} among the files. Add one (name the file with "${fileHint}", or set Photo Kind).`,
			};
}

function packingVideo(url: string | undefined): Finding {
	if (!url)
		return {
			present: false,
			detail:
				'No packing-video link. Share the video from Google Drive or Vimeo (anyone with the link can view) and add the link.',
		};
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return {
			present: false,
			detail: `"${url}" is not a link. Paste the full https:// address of the video.`,
		};
	}
	return VIDEO_HOSTS.test(host)
		? { present: true, detail: url }
		: {
				present: false,
				detail: `${host} is not a host TikTok's agents accept. Upload the video to Google Drive or Vimeo and share that link.`,
			};
}

function acceptance(input: EvidenceInput): Finding {
	if (!input.scanEvents.length)
		return {
			present: false,
			detail:
				"No scan events given. Add the carrier's tracking history from your tracking node or carrier.",
		};
	const scan = acceptanceScan(input.scanEvents);
	if (scan) {
		const explicit =
			scan.kind === 'acceptance'
				? ''
				: ' (no explicit acceptance scan; this is the first carrier scan)';
		return { present: true, detail: `${describeScan(scan)}${explicit}` };
	}
	const shown = input.scanEvents.map((event) => `"${event.description}"`).join(', ');
	return {
		present: false,
		detail:
			`The tracking shows only ${shown}: the carrier never scanned the parcel. "Shipped" or "label created" without a carrier acceptance scan is not evidence, and TikTok rejects it. ` +
			'Wait for the acceptance scan (USPS "Accepted at USPS Origin Facility", UPS "Origin Scan", FedEx "Picked up"), or ask the carrier for a pickup record.',
	};
}

function finding(piece: EvidencePiece, evidence: GatheredEvidence): Finding {
	const { input, images, weight, facts } = evidence;
	switch (piece) {
		case 'tracking_number':
			return input.trackingNumber
				? { present: true, detail: [input.carrier, input.trackingNumber].filter(Boolean).join(' ') }
				: { present: false, detail: 'Add the outbound tracking number.' };
		case 'acceptance_scan':
			return acceptance(input);
		case 'delivery_scan': {
			const scan = deliveryScan(input.scanEvents);
			if (scan) return { present: true, detail: describeScan(scan) };
			return {
				present: false,
				detail: input.scanEvents.length
					? 'The tracking has no delivery scan yet.'
					: "No scan events given. Add the carrier's tracking history.",
			};
		}
		case 'proof_of_delivery_photo':
			return photos(images, ['proof_of_delivery'], 'proof-of-delivery photo', 'pod');
		case 'shipped_to_address':
			return input.shippedToAddress
				? { present: true, detail: input.shippedToAddress }
				: { present: false, detail: 'Add the address the order was shipped to.' };
		case 'listing_images': {
			const listing = images.filter((image) => image.kind === 'listing');
			if (!listing.length) return photos(images, ['listing'], 'listing image', 'listing');
			const dated = listing.filter((image) => image.capturedAt);
			return dated.length
				? {
						present: true,
						detail: dated
							.map(
								(image) =>
									`${image.fileName} (${image.captureSource === 'exif' ? 'taken' : 'listed'} ${image.capturedAt})`,
							)
							.join(', '),
					}
				: {
						present: false,
						detail:
							'The listing images carry no capture date (no EXIF). Set "Listing Images Uploaded At" to the date they went live.',
					};
		}
		case 'packing_video':
			return packingVideo(input.packingVideoUrl);
		case 'packed_photo':
			return photos(images, ['packing'], 'photo of the packed parcel', 'packed');
		case 'shipped_weight':
			return weight.shippedGrams !== undefined
				? { present: true, detail: `${weight.shippedGrams} g` }
				: { present: false, detail: 'Add the weight at shipment from your 3PL or the label.' };
		case 'returned_weight':
			return weight.returnedGrams !== undefined
				? { present: true, detail: `${weight.returnedGrams} g` }
				: { present: false, detail: 'Weigh the return on arrival and add the weight.' };
		case 'weight_mismatch':
			return { present: weight.flaggedForFraudReview, detail: weight.message };
		case 'opened_package_photos':
			return photos(
				images,
				['opened_package', 'returned_item'],
				'photo of the opened return package',
				'opened',
			);
		case 'returned_item_photos':
			return photos(
				images,
				['returned_item', 'opened_package'],
				'photo of the returned item',
				'returned',
			);
		case 'return_tracking_events': {
			const events = input.returnScanEvents;
			if (!events.length) {
				const number = facts.returnTrackingNumber
					? ` for ${[facts.returnCarrier, facts.returnTrackingNumber].filter(Boolean).join(' ')}`
					: '';
				return { present: false, detail: `Add the return tracking history${number}.` };
			}
			const delivered = deliveryScan(events);
			const last = events[events.length - 1];
			return {
				present: true,
				detail: delivered
					? `Carrier says delivered: ${describeScan(delivered)}`
					: `Not delivered; last scan ${describeScan(last)}`,
			};
		}
		case 'warehouse_record':
			return photos(images, ['warehouse'], 'warehouse receiving record', 'warehouse');
	}
}

export function assessEvidence(claim: ClaimType, evidence: GatheredEvidence): ChecklistLine[] {
	return CHECKLISTS[claim].map((entry) => ({
		piece: entry.piece,
		label: PIECE_LABELS[entry.piece],
		required: entry.required,
		why: entry.why,
		...finding(entry.piece, evidence),
	}));
}
