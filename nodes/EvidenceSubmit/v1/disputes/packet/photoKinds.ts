import type { PhotoKind } from '../interfaces';

export const PHOTO_KINDS: Array<{ kind: PhotoKind; name: string; fileNameHint: RegExp }> = [
	{
		kind: 'proof_of_delivery',
		name: 'Proof of Delivery',
		fileNameHint: /pod|proof[ _-]?of[ _-]?delivery|delivered|doorstep|porch/,
	},
	{
		kind: 'listing',
		name: 'Listing Image',
		fileNameHint: /listing|catalog|product[ _-]?(photo|image)/,
	},
	{ kind: 'opened_package', name: 'Opened Package', fileNameHint: /open|unbox/ },
	{ kind: 'returned_item', name: 'Returned Item', fileNameHint: /return|received/ },
	{
		kind: 'warehouse',
		name: 'Warehouse Record',
		fileNameHint: /warehouse|dock|receiving[ _-]?log|scan[ _-]?log/,
	},
	{ kind: 'packing', name: 'Packing Photo', fileNameHint: /pack|label|sealed|outbound/ },
	{ kind: 'chat', name: 'Chat Screenshot', fileNameHint: /chat|message|conversation/ },
];

/** What a photo shows, from the user's per-item setting or else from its file name (documented in the field). */
export function photoKindOf(fileName: string, override: string | undefined): PhotoKind {
	if (override && (PHOTO_KINDS.some((entry) => entry.kind === override) || override === 'photo'))
		return override as PhotoKind;
	const name = fileName.toLowerCase();
	return PHOTO_KINDS.find((entry) => entry.fileNameHint.test(name))?.kind ?? 'photo';
}
