/**
 * The node's Docs link: its section of the README on GitHub. Set as the description's `documentationUrl` and kept
 * equal to the codex file's primaryDocumentation. n8n opens `documentationUrl` as it is; from the codex alone it would
 * append `?utm_…` after the `#anchor`, which breaks the anchor, and without either it links the npm page.
 */
export const README_URL = 'https://github.com/n8n-nodes-tiktok-shop-ops/n8n-nodes-tiktok-shop-ops';

/** `anchor` is GitHub's id for a README heading, e.g. "### 3PL Tracking Parser" → "3pl-tracking-parser". */
export function readmeSection(anchor: string): string {
	return `${README_URL}#${anchor}`;
}
