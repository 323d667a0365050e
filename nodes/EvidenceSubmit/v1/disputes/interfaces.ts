import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';

export type CaseType = 'return' | 'cancellation' | 'chargeback';

export type ClaimType =
	| 'ITEM_NOT_RECEIVED'
	| 'NOT_AS_DESCRIBED'
	| 'NOT_AS_DESCRIBED_DAMAGED'
	| 'NOT_AS_DESCRIBED_WRONG_ITEM'
	| 'NOT_AS_DESCRIBED_MISSING_PARTS'
	| 'NOT_AS_DESCRIBED_USED'
	| 'SHIPPING_ADDRESS_ERROR'
	| 'UNAUTHORIZED_TRANSACTION'
	| 'RETURN_NOT_RECEIVED'
	| 'RETURN_WRONG_ITEM'
	| 'RETURN_USED_ITEM'
	| 'RETURN_EMPTY_BOX'
	| 'CANCELLATION_ALREADY_PACKED'
	| 'BUYER_REMORSE';

export type Verdict = 'ready' | 'missing_required_evidence' | 'not_worth_disputing';

/** Where an answer can go: TikTok's reject endpoints, Seller Center by hand, or nowhere (TikTok awaits nothing). */
export type SubmissionChannel = 'api' | 'manual' | 'none';

export interface SellerAction {
	action: string;
	/** Unix seconds. */
	deadline: number;
}

/** One after-sales case, from Find Cases' output or straight from TikTok's return/cancellation object. */
export interface CaseFacts {
	caseId: string;
	caseType: CaseType;
	orderId?: string;
	/** return_type or cancel_type. */
	subType?: string;
	status?: string;
	arbitrationStatus?: string;
	reason?: string;
	reasonText?: string;
	refundTotal?: string;
	currency?: string;
	sellerActions: SellerAction[];
	returnTrackingNumber?: string;
	returnCarrier?: string;
	products: string[];
}

export type ScanKind =
	| 'label_created'
	| 'acceptance'
	| 'in_transit'
	| 'out_for_delivery'
	| 'delivered'
	| 'delivery_attempt'
	| 'exception'
	| 'other';

export interface ScanEvent {
	/** ISO 8601 as given (kept with its offset), or the raw text when it does not parse. */
	time: string;
	/** Unix seconds, for sorting; undefined when the time did not parse. */
	at?: number;
	description: string;
	location?: string;
	kind: ScanKind;
}

export type PhotoKind =
	| 'proof_of_delivery'
	| 'listing'
	| 'packing'
	| 'opened_package'
	| 'returned_item'
	| 'warehouse'
	| 'chat'
	| 'photo';

export interface EvidenceImage {
	binaryProperty: string;
	fileName: string;
	kind: PhotoKind;
	mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
	width: number;
	height: number;
	bytes: number;
	sha256: string;
	/** EXIF DateTimeOriginal (or CreateDate), as written by the camera, with its offset when the camera wrote one. */
	capturedAt?: string;
	captureSource: 'exif' | 'listing_upload_date' | 'none';
	/** Set when the file had to be re-encoded; TikTok may strip metadata, which is why capturedAt is kept here. */
	convertedFrom?: string;
	data: Buffer;
}

export interface RejectedImage {
	fileName: string;
	binaryProperty: string;
	reason: string;
}

export interface WeightCheck {
	shippedGrams?: number;
	returnedGrams?: number;
	/** (shipped − returned) / shipped, percent with one decimal; undefined unless both weights are known. */
	differencePercent?: number;
	thresholdPercent: number;
	mismatch?: boolean;
	flaggedForFraudReview: boolean;
	message: string;
}

export interface EvidenceInput {
	trackingNumber?: string;
	carrier?: string;
	scanEvents: ScanEvent[];
	returnScanEvents: ScanEvent[];
	shippedToAddress?: string;
	packingVideoUrl?: string;
	shippedWeight?: string;
	returnedWeight?: string;
	listingUploadedAt?: string;
	notes?: string;
}

export type EvidencePiece =
	| 'tracking_number'
	| 'acceptance_scan'
	| 'delivery_scan'
	| 'proof_of_delivery_photo'
	| 'shipped_to_address'
	| 'listing_images'
	| 'packing_video'
	| 'packed_photo'
	| 'shipped_weight'
	| 'returned_weight'
	| 'weight_mismatch'
	| 'opened_package_photos'
	| 'returned_item_photos'
	| 'return_tracking_events'
	| 'warehouse_record';

export interface ChecklistLine {
	piece: EvidencePiece;
	label: string;
	required: boolean;
	present: boolean;
	/** Why this piece matters for this claim. */
	why: string;
	/** What was found, or what to do to get it. */
	detail: string;
}

/** What one unit of work produced, on which output. The router adds pairedItem. */
export interface Outcome {
	output: number;
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** The input items that form one unit of work (a case and the files gathered for it), by index. */
export type WorkUnit = number[];

export type ClientGetter = () => Promise<TikTokShopClient>;

/** One operation: its fields, how it groups items, and what it does for one unit. */
export interface EvidenceOperation {
	/** The output that receives failures (Continue On Fail, and always for Submit). */
	errorOutput: number;
	/** Submit has an Error output of its own: a refused case lands there whatever Continue On Fail says. */
	alwaysRouteErrors?: boolean;
	units?(this: IExecuteFunctions, items: INodeExecutionData[]): WorkUnit[];
	execute(this: IExecuteFunctions, unit: WorkUnit, client: ClientGetter): Promise<Outcome[]>;
}

/** A problem with what the user gave (a field, a file); the operation turns it into a NodeOperationError for its item. */
export class InputProblem extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InputProblem';
	}
}
