/**
 * TikTok webhook type codes (reference §3). `eventType` is the Event API name used to register the URL; codes
 * without one can only be subscribed to in Partner Center.
 */
export interface TikTokEventType {
	code: number;
	name: string;
	eventType?: string;
}

export const EVENT_TYPES: TikTokEventType[] = [
	{ code: 1, name: 'ORDER_STATUS_CHANGE', eventType: 'ORDER_STATUS_CHANGE' },
	{ code: 2, name: 'REVERSE_STATUS_UPDATE', eventType: 'REVERSE_STATUS_UPDATE' },
	{ code: 3, name: 'RECIPIENT_ADDRESS_UPDATE', eventType: 'RECIPIENT_ADDRESS_UPDATE' },
	{ code: 4, name: 'PACKAGE_UPDATE', eventType: 'PACKAGE_UPDATE' },
	{ code: 5, name: 'PRODUCT_STATUS_CHANGE', eventType: 'PRODUCT_STATUS_CHANGE' },
	{ code: 6, name: 'SELLER_DEAUTHORIZATION', eventType: 'SELLER_DEAUTHORIZATION' },
	{
		code: 7,
		name: 'UPCOMING_AUTHORIZATION_EXPIRATION',
		eventType: 'UPCOMING_AUTHORIZATION_EXPIRATION',
	},
	{ code: 11, name: 'CANCELLATION_STATUS_CHANGE', eventType: 'CANCELLATION_STATUS_CHANGE' },
	{ code: 12, name: 'RETURN_STATUS_CHANGE', eventType: 'RETURN_STATUS_CHANGE' },
	{ code: 13, name: 'NEW_CONVERSATION', eventType: 'NEW_CONVERSATION' },
	{ code: 14, name: 'NEW_MESSAGE', eventType: 'NEW_MESSAGE' },
	{ code: 15, name: 'PRODUCT_INFORMATION_CHANGE', eventType: 'PRODUCT_INFORMATION_CHANGE' },
	{ code: 16, name: 'PRODUCT_CREATION', eventType: 'PRODUCT_CREATION' },
	{ code: 18, name: 'PRODUCT_CATEGORY_CHANGE' },
	{ code: 27, name: 'INVENTORY_STATUS_CHANGE' },
	{ code: 33, name: 'NEW_MESSAGE_LISTENER' },
	{ code: 36, name: 'INVOICE_STATUS_CHANGE' },
	{ code: 37, name: 'PRODUCT_AUDIT_STATUS_CHANGE' },
	// Not listed: `inventory_update` (release note 9q4we8qr, 2026-04-23). The note gives its payload but no type
	// code, and no stored webhook page or SDK enum names one (checked 2026-12-07). A delivery with a code not listed
	// here still starts the workflow when Events is left empty (all types), named TYPE_<code>.
];

export function eventTypeName(code: number): string {
	return EVENT_TYPES.find((type) => type.code === code)?.name ?? `TYPE_${code}`;
}

/** The type-1 docs say CANCEL where the Order API says CANCELLED: treat them as one. */
export function sameOrderStatus(status: unknown, wanted: string[]): boolean {
	const normalise = (value: string) => (value === 'CANCEL' ? 'CANCELLED' : value);
	return typeof status === 'string' && wanted.map(normalise).includes(normalise(status));
}
