import {
	Workflow,
	type INode,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
} from 'n8n-workflow';

import { packNodes } from '../helpers/packNodes';

/**
 * Every label a seller reads in a node's panel and under it on the canvas is words, not TikTok's or our codes.
 * The codes stay as option values (and in the output JSON), so expressions keep working.
 */
const RAW_ENUM = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/; // AWAITING_SHIPMENT, ORDER_STATUS_CHANGE
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z0-9]*\b/; // reconcileApi, findCases
/** Brand spellings that look like camelCase. */
const BRANDS = ['eCommerce'];

function looksLikeCode(text: string): boolean {
	const words = BRANDS.reduce((rest, brand) => rest.split(brand).join(''), text);
	return RAW_ENUM.test(words) || CAMEL_CASE.test(words);
}

interface Named {
	where: string;
	name: string;
}

/** Every option name in a description, with collections and fixed collections walked. */
function optionNames(properties: INodeProperties[], path: string): Named[] {
	const found: Named[] = [];
	for (const property of properties) {
		for (const option of property.options ?? []) {
			if ('value' in option)
				found.push({
					where: `${path} › ${property.displayName}`,
					name: (option as INodePropertyOptions).name,
				});
			else if ('values' in option)
				found.push(
					...optionNames(
						(option as INodePropertyCollection).values,
						`${path} › ${property.displayName}`,
					),
				);
			else
				found.push(
					...optionNames([option as INodeProperties], `${path} › ${property.displayName}`),
				);
		}
	}
	return found;
}

/** The subtitle as n8n's editor renders it: the node's parameters resolved against its type, then the expression. */
function renderSubtitle(
	type: INodeType,
	subtitle: string,
	parameters: Record<string, unknown>,
): string {
	const nodeTypes = {
		getByName: () => type,
		getByNameAndVersion: () => type,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const version = type.description.version;
	const node: INode = {
		id: 'subtitle',
		name: 'Node',
		type: `n8n-nodes-tiktok-shop-ops.${type.description.name}`,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return String(workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {}));
}

function defaults(description: INodeTypeDescription): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const property of description.properties)
		if (!(property.name in values)) values[property.name] = property.default;
	return values;
}

/** The parameter sets a subtitle is rendered for: each resource × operation, and for the trigger 0, 1 and 2 events. */
function parameterSets(description: INodeTypeDescription): Array<Record<string, unknown>> {
	const base = defaults(description);
	const sets: Array<Record<string, unknown>> = [base];
	const resource = description.properties.find((property) => property.name === 'resource');
	const resources = resource
		? (resource.options as INodePropertyOptions[]).map((option) => option.value)
		: [undefined];
	for (const value of resources) {
		for (const operation of description.properties.filter(
			(property) => property.name === 'operation',
		)) {
			const shownFor = operation.displayOptions?.show?.resource as unknown[] | undefined;
			if (value !== undefined && shownFor && !shownFor.includes(value)) continue;
			for (const option of operation.options as INodePropertyOptions[])
				sets.push({ ...base, resource: value, operation: option.value });
		}
	}
	const events = description.properties.find((property) => property.name === 'events');
	if (events) {
		const codes = (events.options as INodePropertyOptions[]).map((option) => option.value);
		for (const chosen of [[], codes.slice(0, 1), codes.slice(0, 2), codes])
			sets.push({ ...base, events: chosen });
	}
	return sets;
}

const nodes = packNodes();
const versions = nodes.flatMap((node) =>
	node.versions.map((version) => ({
		node,
		version,
		type: ('nodeVersions' in node.instance
			? node.instance.getNodeType(
					Array.isArray(version.version) ? version.version[0] : version.version,
				)
			: node.instance) as INodeType,
	})),
);

describe('option names read as words', () => {
	it.each(
		versions.map(
			({ node, version }) => [`${node.base.name} v${String(version.version)}`, version] as const,
		),
	)('%s', (label, version) => {
		const raw = optionNames(version.properties, label).filter((option) =>
			looksLikeCode(option.name),
		);
		expect(raw).toEqual([]);
	});

	it('the check catches codes', () => {
		expect(looksLikeCode('AWAITING_SHIPMENT')).toBe(true);
		expect(looksLikeCode('ORDER_STATUS_CHANGE (1)')).toBe(true);
		expect(looksLikeCode('reconcileApi')).toBe(true);
		expect(looksLikeCode('Awaiting shipment')).toBe(false);
		expect(looksLikeCode('DHL eCommerce')).toBe(false);
		expect(looksLikeCode('Embedded (Single n8n Instance)')).toBe(false);
	});
});

describe('canvas subtitles read as sentences', () => {
	it.each(
		versions.map(
			({ node, version, type }) =>
				[`${node.base.name} v${String(version.version)}`, node.base, version, type] as const,
		),
	)('%s', (_label, base, version, type) => {
		const subtitle = (version.subtitle ?? base.subtitle) as string | undefined;
		if (!subtitle) return;
		for (const parameters of parameterSets(version)) {
			const shown = renderSubtitle(type, subtitle, parameters);
			const context = `${shown} ← ${JSON.stringify({ resource: parameters.resource, operation: parameters.operation, events: parameters.events })}`;
			expect({ context, code: looksLikeCode(shown) }).toEqual({ context, code: false });
			expect({ context, sentence: /^[A-Z0-9]/.test(shown) }).toEqual({ context, sentence: true });
			expect({ context, plural: /(^|\s)1 \w+s\b/.test(shown) }).toEqual({ context, plural: false });
			if (typeof parameters.operation === 'string')
				expect(shown).not.toContain(`${parameters.operation}:`);
		}
	});
});
