import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { resolveIdempotencyKey } from '../../../shared/tiktok/idempotency';
import { compact } from '../../../shared/nodeParameters';
import { isClaimType } from './cases/claimTypes';
import { formatUtc } from './cases/deadlines';
import type { CaseType, ClientGetter, Outcome, WorkUnit } from './interfaces';
import { SUMMARY_PNG } from './packet/buildPacket';
import { currentCase } from './submit/currentCase';
import { fetchRejectReasons, matchRejectReason } from './submit/rejectReasons';
import { uploadImages, type UploadSource } from './submit/uploadImages';
import { returns } from '../../../shared/tiktok/resources';

export const SUBMITTED = 0;
export const SKIPPED = 1;
export const FAILED = 2;

const skip = (packet: IDataObject, reason: string): Outcome => ({
	output: SKIPPED,
	json: { ...packet, skipped_reason: reason },
});

export async function execute(
	this: IExecuteFunctions,
	unit: WorkUnit,
	client: ClientGetter,
): Promise<Outcome[]> {
	const [itemIndex] = unit;
	const item = this.getInputData()[itemIndex];
	const packet = item.json;
	const caseId = String(this.getNodeParameter('caseId', itemIndex, '') ?? '').trim();
	if (!caseId) {
		throw new NodeOperationError(this.getNode(), 'The item has no case id', {
			itemIndex,
			description: 'Connect Submit after Build Evidence Packet, or set "Case ID".',
		});
	}
	if (!packet.packet_hash || !isClaimType(packet.claim_type)) {
		throw new NodeOperationError(this.getNode(), 'This item is not an evidence packet', {
			itemIndex,
			description:
				'Connect Submit after Build Evidence Packet (directly, or through nodes that keep its fields and files).',
		});
	}
	if (packet.case_id !== undefined && String(packet.case_id) !== caseId) {
		throw new NodeOperationError(
			this.getNode(),
			`"Case ID" is ${caseId} but the packet is for case ${String(packet.case_id)}`,
			{ itemIndex, description: 'Leave "Case ID" at {{ $json.case_id }}.' },
		);
	}
	const submission = (packet.submission ?? {}) as IDataObject;
	const output = { ...packet };
	const withBinary = (outcome: Outcome): Outcome => ({ ...outcome, binary: item.binary });
	if (submission.channel === 'manual')
		return [
			withBinary(
				skip(
					output,
					`No API takes this answer. ${String(submission.how)} Deadline: ${String(packet.deadline ?? 'none')}.`,
				),
			),
		];
	if (submission.channel !== 'api')
		return [
			withBinary(skip(output, String(submission.how ?? 'TikTok awaits no answer on this case.'))),
		];
	if (packet.verdict !== 'ready' && !this.getNodeParameter('submitNotReady', itemIndex, false)) {
		return [
			withBinary(
				skip(
					output,
					`Verdict "${String(packet.verdict)}": ${String(packet.verdict_reason)} Nothing was sent. ${String(packet.next_step ?? '')}`.trim(),
				),
			),
		];
	}
	const deadline = Number(packet.deadline_unix);
	if (Number.isFinite(deadline) && deadline > 0 && deadline * 1000 < Date.now()) {
		return [
			withBinary(
				skip(
					output,
					`The deadline passed on ${formatUtc(deadline)}; TikTok no longer takes an answer through the API. Use the PDF in Seller Center if the case goes to arbitration.`,
				),
			),
		];
	}

	const api = await client();
	const caseType = packet.case_type as CaseType;
	const now = await currentCase(api, caseType, caseId);
	if (!now)
		throw new NodeOperationError(
			this.getNode(),
			`TikTok has no ${caseType} ${caseId} in this shop`,
			{ itemIndex, description: 'Check that the credential is for the shop the case belongs to.' },
		);
	if (!now.sellerActions.length) {
		return [
			withBinary(
				skip(
					output,
					`TikTok no longer waits for an answer on this ${caseType} (status ${now.status ?? 'unknown'}): it was answered already or has closed. Nothing was sent.`,
				),
			),
		];
	}

	let rejectReason = String(this.getNodeParameter('rejectReason', itemIndex, 'auto') ?? '').trim();
	if (!rejectReason || rejectReason === 'auto') {
		const reasons = await fetchRejectReasons(api, caseId);
		const match = matchRejectReason(packet.claim_type, reasons);
		if (!match) {
			const offered = reasons.map((reason) => `${reason.name} ("${reason.text}")`).join(', ');
			return [
				withBinary(
					skip(
						output,
						`None of TikTok's reject reasons for this case answers "${String(packet.claim_label)}". Choose one in "Reject Reason". Offered: ${offered || 'none'}.`,
					),
				),
			];
		}
		rejectReason = match.name;
	}

	const sources: UploadSource[] = [];
	const summaryFile = item.binary?.[SUMMARY_PNG];
	if (this.getNodeParameter('attachSummary', itemIndex, true) && summaryFile) {
		sources.push({
			binaryProperty: SUMMARY_PNG,
			fileName: summaryFile.fileName ?? 'evidence-summary.png',
			mimeType: 'image/png',
		});
	}
	for (const image of (packet.images ?? []) as IDataObject[]) {
		sources.push({
			binaryProperty: String(image.binary_property),
			fileName: String(image.file_name),
			mimeType: String(image.mime_type),
		});
	}
	const useCase = this.getNodeParameter('imageUseCase', itemIndex, 'DESCRIPTION_IMAGE') as string;
	const images = await uploadImages(this, api, itemIndex, sources, useCase);

	const decision =
		caseType === 'return' && submission.decision ? String(submission.decision) : undefined;
	const body = compact({
		decision,
		reject_reason: rejectReason,
		comment: packet.comment ? String(packet.comment) : undefined,
		images: images as unknown as IDataObject[],
	});
	const idempotencyKey = resolveIdempotencyKey(
		this,
		itemIndex,
		`evidence:${caseType}:${caseId}:${String(packet.packet_hash)}:${rejectReason}`,
	);
	const reject = caseType === 'cancellation' ? returns.rejectCancellation : returns.rejectReturn;
	const { requestId } = await reject(api, caseId, { body, idempotencyKey });
	return [
		{
			output: SUBMITTED,
			json: {
				case_id: caseId,
				case_type: caseType,
				order_id: packet.order_id ?? null,
				claim_type: packet.claim_type,
				decision: decision ?? null,
				reject_reason: rejectReason,
				comment: packet.comment ?? '',
				image_ids: images.map((image) => image.image_id),
				images_uploaded: images.length,
				idempotency_key: idempotencyKey,
				packet_hash: packet.packet_hash,
				request_id: requestId ?? null,
				deadline: packet.deadline ?? null,
			},
		},
	];
}
