/**
 * Whether a valid tracking number is an outbound shipment. A voided or reprinted label, a number sent in error, a
 * prepaid return label and a USPS SCAN form are all valid by check digit, and confirming one against an order is the
 * worst mistake this node can make: so the words around a number decide, by this one table, before it becomes a row.
 */
export type NotShipmentKind = 'voided' | 'superseded' | 'return_label' | 'returned' | 'scan_form';

export interface NotShipment {
	kind: NotShipmentKind;
	/** What the document said, for the Unparsed reason. */
	said: string;
}

interface StatusRule {
	kind: NotShipmentKind;
	/** Words that mark the number in a status cell, a table row's other cells or the line under it. */
	status: RegExp;
	/** Words right before the number in running text ("please disregard 1Z…"). */
	before?: RegExp;
	/** Words right after the number in running text ("1Z… was voided"). */
	after?: RegExp;
}

const RULES: readonly StatusRule[] = [
	{
		kind: 'voided',
		status: /\b(?:void(?:ed)?|cancel+ed|label cancel+ed|deleted|refunded label)\b/i,
		before:
			/\b(?:void(?:ed)?|cancel+ed)\s*(?:label|tracking|shipment)?\s*(?:#|no\.?|number)?\s*[:-]?\s*$/i,
		after: /^\s*[)\]]?\s*(?:\(\s*)?(?:(?:was|is|has been|label)\s+)?(?:void(?:ed)?|cancel+ed)\b/i,
	},
	{
		kind: 'superseded',
		status:
			/\b(?:superseded|replaced|sent in error|reprinted|do not use|disregard|incorrect|wrong (?:label|number|tracking))\b/i,
		before:
			/\b(?:disregard|ignore|superseded|replaces?|previous(?:ly sent)?|original(?: label)?|old|incorrect|wrong|erroneous|instead of|in place of)\b[^\d\n]{0,40}$/i,
		after:
			/^\s*[)\]]?\s*(?:\(\s*)?(?:(?:was|is|has been)\s+)?(?:sent in error|superseded|replaced|incorrect|reprinted|void|not (?:valid|used))\b/i,
	},
	{
		kind: 'returned',
		status:
			/\b(?:returned(?: to (?:sender|shipper|warehouse|origin))?|return(?:ing)? to sender|rts|undeliverable)\b/i,
		before: /\b(?:returned|return(?:ing)?) to sender\b[^\d\n]{0,20}[:#-]?\s*$/i,
		after:
			/^\s*[)\]]?\s*(?:\(\s*)?(?:(?:was|is|has been)\s+)?(?:returned|return(?:ing)? to sender)\b/i,
	},
	{
		kind: 'return_label',
		status: /\b(?:return(?:s)? label|prepaid return|return shipment|rma|inbound return)\b/i,
		before:
			/\b(?:return(?:s)?|rma|prepaid return)\s*(?:label|tracking|shipment|number|#)?\s*(?:#|no\.?|number)?\s*[:-]?\s*$/i,
		after: /^\s*[)\]]?\s*(?:\(\s*)?(?:return(?: label)?|rma)\b/i,
	},
	{
		kind: 'scan_form',
		status:
			/\b(?:scan\s*form|manifest (?:id|#|number)|pickup manifest|end of day form|form 5630)\b/i,
		before: /\b(?:scan\s*form|manifest)\s*(?:id|#|no\.?|number)?\s*[:#-]?\s*$/i,
	},
];

/** A status cell's word that says nothing against the shipment ("Shipped", "Delivered", "Label created"). */
const SHIPPED_STATUS =
	/\b(?:shipped|in transit|delivered|label created|fulfilled|picked up|out for delivery|accepted)\b/i;

/** Judges a table row: its status cell, its other cells, or a line under it ("VOID"). */
export function rowStatus(texts: readonly string[]): NotShipment | undefined {
	for (const text of texts) {
		if (
			!text ||
			(SHIPPED_STATUS.test(text) && !/\b(?:void|cancel|return|supersed|replac|error)/i.test(text))
		)
			continue;
		const rule = RULES.find((candidate) => candidate.status.test(text));
		if (rule) return { kind: rule.kind, said: text.trim().slice(0, 80) };
	}
	return undefined;
}

/** Judges a number in running text by the words right around it on its line. */
/** Words that introduce the number that replaces another: "superseded by the reprint 1Z…", "corrected tracking: 1Z…". */
const REPLACEMENT_BEFORE =
	/\b(?:superseded|replaced)\s+by\b[^\d\n]{0,30}$|\b(?:reprint(?:ed)?|replacement|corrected|new|updated)\s*(?:label|tracking|number|#)?\s*(?:#|no\.?|number)?\s*[:#-]?\s*$/i;

export function textStatus(before: string, after: string): NotShipment | undefined {
	const near = before.slice(-60);
	const next = after.slice(0, 50);
	if (REPLACEMENT_BEFORE.test(near) && !RULES.some((rule) => rule.after?.test(next)))
		return undefined;
	for (const rule of RULES) {
		if (rule.before?.test(near)) return { kind: rule.kind, said: `${near.trim()} …`.slice(-80) };
		if (rule.after?.test(next)) return { kind: rule.kind, said: `… ${next.trim()}`.slice(0, 80) };
	}
	return undefined;
}

const WHY: Record<NotShipmentKind, string> = {
	voided: 'the document marks this label as voided or cancelled',
	superseded: 'the document says this number was replaced or sent in error',
	return_label: 'this is a return label, not an outbound shipment',
	returned:
		'the document says this package came back to the sender; the order needs a new shipment',
	scan_form: 'this is a USPS SCAN form or manifest number, not a package',
};

export function notShipmentReason(tracking: string, status: NotShipment): string {
	return `${tracking} was not confirmed: ${WHY[status.kind]} ("${status.said}"). If it is a shipment after all, confirm it by hand.`;
}
