import { DateTime, IANAZone } from 'luxon';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** How the node writes a time for a person: "Tue, Dec 8, 2:00 PM PST", in the seller's time zone. */
const READABLE = 'ccc, LLL d, h:mm a ZZZZ';

/**
 * The time zone the node writes times in: its Time Zone field, or the workflow's time zone when that is empty
 * (the workflow's Settings → Timezone, else the instance's GENERIC_TIMEZONE).
 */
export function readTimeZone(context: IExecuteFunctions, itemIndex: number): string {
	const typed = String(context.getNodeParameter('timeZone', itemIndex, '') ?? '').trim();
	const zone = typed || context.getTimezone();
	if (IANAZone.isValidZone(zone)) return zone;
	throw new NodeOperationError(
		context.getNode(),
		typed
			? `Time Zone "${typed}" is not a time zone`
			: `The workflow's time zone "${zone}" is not a time zone`,
		{
			itemIndex,
			description: typed
				? "Use an IANA name such as America/Los_Angeles or America/New_York, or leave Time Zone empty for the workflow's time zone."
				: "Set Time Zone on this node to an IANA name such as America/Los_Angeles, or fix the workflow's Settings → Timezone.",
		},
	);
}

/** Unix seconds as a readable local time in `zone`, e.g. "Tue, Dec 8, 2:00 PM PST". */
export function localTime(seconds: number, zone: string): string {
	return DateTime.fromSeconds(seconds, { zone }).setLocale('en-US').toFormat(READABLE);
}
