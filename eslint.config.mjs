import tseslint from 'typescript-eslint';
import { configs as n8nCommunity } from '@n8n/eslint-plugin-community-nodes';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', '*.js', '*.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { parserOptions: { project: './tsconfig.json' } },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...n8nCommunity.recommendedWithoutN8nCloudSupport,
		rules: {
			...n8nCommunity.recommendedWithoutN8nCloudSupport.rules,
			// This pack targets self-hosted n8n and needs imapflow, pdf-parse, papaparse, luxon and ioredis at run time.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
);
