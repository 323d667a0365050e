import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { CLAIM_LABELS } from '../cases/claimTypes';
import { deadlineFacts, formatUtc } from '../cases/deadlines';
import { submissionFor } from '../cases/submission';
import { toCents } from '../money';
import type {
	CaseFacts,
	ClaimType,
	EvidenceImage,
	EvidenceInput,
	RejectedImage,
	Verdict,
} from '../interfaces';
import { COLORS, layoutSummary } from '../summary/layout';
import { canRenderText, renderSummaryPng } from '../summary/renderPng';
import { renderSummaryPdf } from '../summary/renderPdf';
import { assessEvidence } from './assessEvidence';
import { writeComment } from './comment';
import { decideVerdict } from './verdict';
import { checkWeights } from './weights';

export interface PacketRequest {
	facts: CaseFacts;
	claim: ClaimType;
	input: EvidenceInput;
	images: EvidenceImage[];
	rejectedImages: RejectedImage[];
	shippedGrams?: number;
	returnedGrams?: number;
	thresholdPercent: number;
	minimumCents: number;
	nowSeconds: number;
}

export interface PacketFile {
	key: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

export const SUMMARY_PNG = 'summary_png';
export const SUMMARY_PDF = 'summary_pdf';

const VERDICT_LABELS: Record<Verdict, [string, string]> = {
	ready: ['READY TO SUBMIT', COLORS.good],
	missing_required_evidence: ['MISSING REQUIRED EVIDENCE', COLORS.bad],
	not_worth_disputing: ['NOT WORTH DISPUTING', COLORS.warn],
};

/**
 * The hash of what the packet asserts (not of the rendered files, whose "time left" and fonts vary): the same case
 * with the same evidence gives the same hash, and so the same idempotency key at submit time.
 */
function packetHash(request: PacketRequest, decision: string | undefined, comment: string): string {
	const canonical = JSON.stringify({
		case: [request.facts.caseType, request.facts.caseId],
		claim: request.claim,
		decision: decision ?? null,
		comment,
		images: request.images.map((image) => image.sha256),
		scans: request.input.scanEvents.map((event) => [event.time, event.description]),
		weights: [request.shippedGrams ?? null, request.returnedGrams ?? null],
	});
	return createHash('sha256').update(canonical).digest('hex');
}

export async function buildPacket(
	request: PacketRequest,
): Promise<{ json: IDataObject; files: PacketFile[] }> {
	const { facts, claim, input, images, nowSeconds } = request;
	const weight = checkWeights(
		request.shippedGrams,
		request.returnedGrams,
		request.thresholdPercent,
	);
	const checklist = assessEvidence(claim, { facts, input, images, weight });
	const deadline = deadlineFacts(facts.sellerActions, nowSeconds);
	const submission = submissionFor(facts);
	const refundCents = toCents(facts.refundTotal);
	const verdict = decideVerdict({
		claim,
		checklist,
		deadline,
		submission,
		weight,
		refundCents,
		minimumCents: request.minimumCents,
	});
	const comment =
		claim === 'BUYER_REMORSE' ? '' : writeComment({ claim, facts, input, images, weight });
	const hash = packetHash(request, submission.decision, comment);
	const warnings = request.rejectedImages.map(
		(rejected) => `${rejected.fileName} was not used: ${rejected.reason}`,
	);
	if (!(await canRenderText())) {
		warnings.push(
			'This n8n machine has no fonts, so the summary PNG has no text. Install a font package (for example ttf-dejavu) on the n8n host; the PDF is not affected.',
		);
	}
	const [label, color] = VERDICT_LABELS[verdict.verdict];
	const refund = facts.refundTotal ? `${facts.refundTotal} ${facts.currency ?? ''}`.trim() : '-';
	const blocks = layoutSummary({
		title: `Evidence: ${facts.caseType} ${facts.caseId}`,
		verdict: { label: `${CLAIM_LABELS[claim]} - ${label}`, reason: verdict.reason, color },
		facts: [
			['Order', facts.orderId ?? '-'],
			[
				facts.caseType === 'return'
					? 'Return'
					: facts.caseType === 'cancellation'
						? 'Cancellation'
						: 'Case',
				`${facts.caseId}${facts.subType ? ` (${facts.subType})` : ''}`,
			],
			['Buyer reason', facts.reasonText ?? facts.reason ?? '-'],
			['Refund requested', refund],
			['Products', facts.products.join('; ') || '-'],
			['Tracking', [input.carrier, input.trackingNumber].filter(Boolean).join(' ') || '-'],
			...(input.shippedToAddress
				? ([['Shipped to', input.shippedToAddress]] as Array<[string, string]>)
				: []),
			...(facts.returnTrackingNumber
				? ([
						[
							'Return tracking',
							[facts.returnCarrier, facts.returnTrackingNumber].filter(Boolean).join(' '),
						],
					] as Array<[string, string]>)
				: []),
			[
				'Respond by',
				deadline.deadline_unix
					? formatUtc(deadline.deadline_unix)
					: 'no deadline (TikTok awaits no answer)',
			],
		],
		scans: input.scanEvents.length ? input.scanEvents : input.returnScanEvents,
		weight,
		checklist,
		images,
		comment,
		footer: `Prepared by n8n-nodes-tiktok-shop-ops - packet ${hash.slice(0, 16)}`,
	});
	const createdAt = new Date(nowSeconds * 1000);
	const png = await renderSummaryPng(blocks);
	const pdf = await renderSummaryPdf(blocks, {
		title: `Evidence ${facts.caseType} ${facts.caseId}`,
		subject: `Order ${facts.orderId ?? ''} - ${CLAIM_LABELS[claim]}`,
		createdAt,
	});
	const base = `evidence-${facts.caseType}-${facts.caseId}`;
	const files: PacketFile[] = [
		{ key: SUMMARY_PNG, fileName: `${base}.png`, mimeType: 'image/png', data: png },
		{ key: SUMMARY_PDF, fileName: `${base}.pdf`, mimeType: 'application/pdf', data: pdf },
		...images.map((image, index) => ({
			key: `evidence_${index + 1}`,
			fileName: image.fileName,
			mimeType: image.mimeType,
			data: image.data,
		})),
	];
	const json: IDataObject = {
		case_id: facts.caseId,
		case_type: facts.caseType,
		order_id: facts.orderId ?? null,
		claim_type: claim,
		claim_label: CLAIM_LABELS[claim],
		reason: facts.reason ?? null,
		reason_text: facts.reasonText ?? null,
		refund_total: facts.refundTotal ?? null,
		currency: facts.currency ?? null,
		verdict: verdict.verdict,
		verdict_reason: verdict.reason,
		next_step:
			verdict.verdict === 'missing_required_evidence' && request.rejectedImages.length
				? `${verdict.nextStep} ${warnings.join(' ')}`
				: verdict.nextStep,
		missing: checklist.filter((line) => line.required && !line.present).map((line) => line.label),
		checklist: checklist as unknown as IDataObject[],
		...deadline,
		submission: {
			channel: submission.channel,
			decision: submission.decision ?? null,
			how: submission.how,
		},
		comment,
		comment_length: comment.length,
		images: images.map((image, index) => ({
			binary_property: `evidence_${index + 1}`,
			file_name: image.fileName,
			kind: image.kind,
			mime_type: image.mimeType,
			width: image.width,
			height: image.height,
			bytes: image.bytes,
			sha256: image.sha256,
			captured_at: image.capturedAt ?? null,
			capture_source: image.captureSource,
			converted_from: image.convertedFrom ?? null,
		})),
		images_rejected: request.rejectedImages as unknown as IDataObject[],
		scan_timeline: input.scanEvents as unknown as IDataObject[],
		return_scan_timeline: input.returnScanEvents as unknown as IDataObject[],
		weight_check: {
			shipped_grams: weight.shippedGrams ?? null,
			returned_grams: weight.returnedGrams ?? null,
			difference_percent: weight.differencePercent ?? null,
			threshold_percent: weight.thresholdPercent,
			mismatch: weight.mismatch ?? null,
			flagged_for_fraud_review: weight.flaggedForFraudReview,
			message: weight.message,
		},
		packing_video_url: input.packingVideoUrl ?? null,
		tracking_number: input.trackingNumber ?? null,
		carrier: input.carrier ?? null,
		summary_files: { png: SUMMARY_PNG, pdf: SUMMARY_PDF },
		packet_hash: hash,
		warnings,
	};
	return { json, files };
}
