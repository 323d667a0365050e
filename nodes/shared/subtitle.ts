import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Canvas subtitles as sentences. n8n renders `subtitle` as an expression per node; showing
 * `$parameter["operation"]` put raw values such as `reconcileApi` under the node. These look the value up in a
 * table of sentences instead; a value without a sentence shows nothing rather than a code.
 */
export function subtitleFromParameter(
	parameter: string,
	sentences: Record<string, string>,
): string {
	return `={{ (${JSON.stringify(sentences)})[$parameter[${JSON.stringify(parameter)}]] ?? "" }}`;
}

/**
 * The sentence of each operation is its `action` (what n8n's panel lists as the action), else its name in sentence
 * case. With a Resource parameter the table is keyed "resource:operation", since operation values repeat across
 * resources.
 */
export function subtitleFromOperations(properties: INodeProperties[]): string {
	const sentences: Record<string, string> = {};
	const hasResource = properties.some((property) => property.name === 'resource');
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = hasResource
			? ((property.displayOptions?.show?.resource as string[] | undefined) ?? [])
			: [''];
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			const sentence = option.action ?? sentenceCase(option.name);
			for (const resource of resources)
				sentences[hasResource ? `${resource}:${String(option.value)}` : String(option.value)] =
					sentence;
		}
	}
	if (!hasResource) return subtitleFromParameter('operation', sentences);
	return `={{ (${JSON.stringify(sentences)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? "" }}`;
}

function sentenceCase(name: string): string {
	return (
		name.charAt(0) +
		name
			.slice(1)
			.replace(
				/\b([A-Z])([a-z])/g,
				(_match, first: string, next: string) => first.toLowerCase() + next,
			)
	);
}
