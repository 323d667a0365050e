/**
 * TikTok's codes (reference §9 and the per-API error lists in §5–§7). Codes marked [U] are not in the reference:
 * the simulator needs some answer and picks a plausible code in the right family; clients should only ever key on
 * the documented ones.
 */
export const Code = {
	OK: 0,
	/** [U] generic "invalid parameter"; clients treat it as a non-retryable request bug. */
	INVALID_PARAMETER: 36009001,
	TOO_MANY_REQUESTS: 36009002,
	INTERNAL_ERROR: 36009003,
	INVALID_CREDENTIALS: 36009004,
	REQUEST_TIMEOUT: 36009007,
	INVALID_PATH: 36009009,
	INVALID_METHOD: 36009010,
	INVALID_VERSION: 36009014,
	/** Reference lists 36009022/36009023 as "wrong content type (JSON vs multipart)"; which is which is [U]. */
	EXPECTED_JSON: 36009022,
	EXPECTED_MULTIPART: 36009023,
	SHOP_MISMATCH: 101000,
	TOKEN_EXPIRED: 105002,
	SIGNATURE_INVALID: 106001,
	SHOP_CIPHER_MISSING: 106013,
	/**
	 * Token endpoint, as TikTok answers (seen by EcomPHP/tiktokshop-php, PR #15): no authorization behind the code
	 * or refresh token (unknown, already used, or retired by a rotation), and an expired refresh token.
	 */
	AUTH_RECORD_NOT_FOUND: 36004005,
	REFRESH_TOKEN_EXPIRED: 36004001,

	ORDER_NOT_FOUND: 21001001, // [U]
	PACKAGE_NOT_FOUND: 21011001, // [U]
	ORDER_CANCELLED: 21011003, // [U]
	ORDER_NOT_READY_TO_SHIP: 21011005, // [U] UNPAID / ON_HOLD
	AFTER_SALE_PENDING: 21011007,
	ALREADY_SHIPPED: 21011020,
	INVALID_TRACKING: 21011022,
	DUPLICATE_TRACKING: 21011025,
	// TikTok's 2026 code for an update after the 72-hour window (21011050 before).
	UPDATE_WINDOW_CLOSED: 21011049,
	UPDATE_ALREADY_DONE: 21011051,
	LINE_ITEMS_ALREADY_SHIPPED: 21008099,
	TIKTOK_FULFILLED_OPTION: 21008117,
	WAREHOUSE_NOT_FOUND: 21008001, // [U]
	DELIVERY_OPTION_NOT_FOUND: 21008002, // [U]

	PRODUCT_NOT_FOUND: 12052048, // [U]
	PRODUCT_NOT_ACTIVE: 12019008, // [U] inventory update on a non-ACTIVATE product
	SKU_NOT_IN_PRODUCT: 12019016, // [U]
	/** update-inventory-202309: "The SKU inventory quantity for the warehouse must be within allowed limits." */
	QUANTITY_OUT_OF_RANGE: 12052055,
	WAREHOUSES_MISMATCH: 12019028,
	IMAGE_INVALID: 12052217, // [U] not JPG/PNG/WEBP, or unreadable
	IMAGE_TOO_LARGE: 12052218, // [U]

	RETURN_NOT_FOUND: 25001001, // [U]
	RETURN_STATE_CONFLICT: 25001002, // [U] decision not allowed in the current status
	EVIDENCE_IMAGE_UNKNOWN: 25001003, // [U] images[].image_id is not an uploaded uri
	REJECT_REASON_INVALID: 25001004, // [U] reject_reason is not one of GET reject_reasons for this case (returns and cancellations)
	EVIDENCE_IMAGE_INVALID: 25001005, // [U] an images[] entry lacks image_id, mime_type, width or height
	COMMENT_TOO_LONG: 25001006, // [U] reject comment over the limit (see rejection.ts)
	CANCELLATION_NOT_FOUND: 25002001, // [U]
	CANCELLATION_STATE_CONFLICT: 25002002, // [U]
	STATEMENT_NOT_FOUND: 20001001, // [U]
	WEBHOOK_ADDRESS_INVALID: 18001001, // [U]
} as const;

/** An API failure. `httpStatus` 200 is TikTok's usual answer for business errors; gateway errors use 4xx. */
export class ApiError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly httpStatus = 200,
	) {
		super(message);
	}
}

/**
 * HTTP statuses for gateway-level rejections. The reference only confirms 429 for 36009002 and reports 106001 with
 * 401; the other auth failures use 401 too so a raw HTTP client notices them, parameter and routing errors use
 * 400/404/405. Business errors stay HTTP 200 with a non-zero code, which is why clients must check `code`.
 */
export const gateway = {
	credentials: (message: string) => new ApiError(Code.INVALID_CREDENTIALS, message, 401),
	signature: () =>
		new ApiError(Code.SIGNATURE_INVALID, 'Invalid signature, please check your sign', 401),
	expired: () =>
		new ApiError(Code.TOKEN_EXPIRED, 'Access token is expired, please refresh it', 401),
	cipherMissing: () =>
		new ApiError(Code.SHOP_CIPHER_MISSING, 'shop_cipher is required for this API', 400),
	shopMismatch: () =>
		new ApiError(
			Code.SHOP_MISMATCH,
			'The shop_cipher does not match the shop authorized by the access token',
			403,
		),
	invalid: (message: string) => new ApiError(Code.INVALID_PARAMETER, message, 400),
};
