import { ApiError, Code } from './errors';
import type { Route } from './route';

interface CompiledRoute {
	route: Route;
	category: string;
	version: string;
	rest: string[];
}

export interface ResolvedRoute {
	route: Route;
	params: Record<string, string>;
}

function compile(route: Route): CompiledRoute {
	const [, category, version, ...rest] = route.path.split('/');
	return { route, category, version, rest };
}

/** `{name}` segments match one numeric id, so `/packages/search` never collides with `/packages/{package_id}`. */
function matchRest(template: string[], actual: string[]): Record<string, string> | undefined {
	if (template.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < template.length; i++) {
		const placeholder = /^\{(\w+)\}$/.exec(template[i]);
		if (placeholder) {
			if (!/^\d+$/.test(actual[i])) return undefined;
			params[placeholder[1]] = actual[i];
		} else if (template[i] !== actual[i]) {
			return undefined;
		}
	}
	return params;
}

/**
 * TikTok's gateway answers in this order: unknown resource 36009009, known resource under a version it does not
 * serve (retired 202212, or made up) 36009014, wrong method 36009010.
 */
export class Router {
	private readonly routes: CompiledRoute[];

	constructor(routes: Route[]) {
		this.routes = routes.map(compile);
	}

	resolve(method: string, path: string): ResolvedRoute {
		const [, category, version, ...rest] = path.split('/');
		const sameResource = this.routes
			.filter((candidate) => candidate.category === category)
			.map((candidate) => ({ candidate, params: matchRest(candidate.rest, rest) }))
			.filter((match) => match.params !== undefined);
		if (sameResource.length === 0)
			throw new ApiError(Code.INVALID_PATH, `Invalid path: ${path}`, 404);
		const sameVersion = sameResource.filter((match) => match.candidate.version === version);
		if (sameVersion.length === 0)
			throw new ApiError(Code.INVALID_VERSION, `Invalid API version ${version} for ${path}`, 404);
		const found = sameVersion.find((match) => match.candidate.route.method === method);
		if (!found)
			throw new ApiError(Code.INVALID_METHOD, `Invalid method ${method} for ${path}`, 405);
		return { route: found.candidate.route, params: found.params as Record<string, string> };
	}
}
