import { EVENT_TYPES } from '../shared/events/eventTypes';
import { EVENT_TYPE_NAMES, codeInWords } from '../shared/optionNames';

/** "Order status changed" for one event type, "3 kinds of event" for several, "Every event" for none chosen. */
export function eventsSubtitle(): string {
	const names = Object.fromEntries(
		EVENT_TYPES.map((type) => [type.code, EVENT_TYPE_NAMES[type.code] ?? codeInWords(type.name)]),
	);
	const events = '$parameter["events"]';
	return `={{ ${events}.length === 1 ? ((${JSON.stringify(names)})[${events}[0]] ?? "1 kind of event") : ${events}.length ? ${events}.length + " kinds of event" : "Every event" }}`;
}
