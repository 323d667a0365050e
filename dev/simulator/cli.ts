import { startSimulator } from './index';

/** `npm run simulator [-- --port 8787 --seed 1]`: a TikTok Shop to point the n8n credential at. */
function argument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	if (index >= 0) return process.argv[index + 1];
	return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
}

function numberOption(value: string | undefined, fallback: number, label: string): number {
	if (value === undefined || value === '') return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0) {
		console.error(`${label} must be a non-negative integer (got "${value}")`);
		process.exit(2);
	}
	return parsed;
}

async function main(): Promise<void> {
	const port = numberOption(argument('port') ?? process.env.SIMULATOR_PORT, 8787, 'Port');
	const seed = numberOption(argument('seed'), 1, 'Seed');
	const sim = await startSimulator({ port, seed, demo: true });
	const expires = new Date(sim.tokens.accessTokenExpiresAt * 1000).toISOString();
	console.log(`TikTok Shop simulator listening on ${sim.url}

Fill the "TikTok Shop API" credential in n8n with:
  API Base URL          ${sim.url}
  Auth Base URL         ${sim.url}
  App Key               ${sim.app.appKey}
  App Secret            ${sim.app.appSecret}
  Access Token          ${sim.tokens.accessToken}
  Refresh Token         ${sim.tokens.refreshToken}
  Access Token Expires  ${sim.tokens.accessTokenExpiresAt} (${expires})
  Shop Cipher           ${sim.shop.cipher}
  Shop                  ${sim.shop.name} (id ${sim.shop.id}, ${sim.shop.region})

Single-use auth code for /api/v2/token/get: ${sim.authCode}
Seed ${seed}: ${sim.state.orders.length} orders, ${sim.state.products.length} products. Ctrl-C to stop.`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the simulator`);
		sim.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
