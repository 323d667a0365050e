import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as n8nCommunity } from '@n8n/eslint-plugin-community-nodes';

import { layering } from './eslint/layering.mjs';

/**
 * The rules of @n8n/node-cli's `configWithoutCloudSupport` that install with npm: its eslint-plugin-n8n-nodes-base
 * refuses npm (its preinstall runs `only-allow pnpm`), so the community-nodes plugin carries n8n's checks here.
 */
const communityRules = {
	...n8nCommunity.recommendedWithoutN8nCloudSupport.rules,
	// This pack targets self-hosted n8n and needs imapflow, pdf-parse, papaparse, luxon and ioredis at run time.
	'@n8n/community-nodes/no-runtime-dependencies': 'off',
};

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		plugins: { ...n8nCommunity.recommendedWithoutN8nCloudSupport.plugins, layering },
		rules: {
			...communityRules,
			'prefer-spread': 'off',
			'no-console': 'error',
			'layering/no-cross-node-imports': 'error',
		},
	},
	{
		// The dev kit, the tests and the benches: typescript-eslint's recommended rules, not n8n's node rules.
		files: ['dev/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		plugins: { layering },
		rules: {
			'layering/no-cross-node-imports': 'error',
			// `const { id: _id, ...rest } = x` is how these files leave a field out of a copy.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
	{
		files: ['package.json'],
		plugins: n8nCommunity.recommendedWithoutN8nCloudSupport.plugins,
		rules: communityRules,
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
);
