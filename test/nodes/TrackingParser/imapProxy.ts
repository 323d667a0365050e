import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the node and Dovecot that lets a test act on what the node sends: deliver a
 * message when the node starts fetching, cut the connection in the middle of a reply, or refuse
 * connections altogether. Everything else passes through unchanged.
 */
export interface ImapProxy {
	port: number;
	/** Connections accepted so far. */
	connections: number;
	/** Called with each chunk the node sends, before it reaches Dovecot. 'cutReply' cuts Dovecot's answer halfway. */
	onCommand?: (text: string) => Promise<void | 'cutReply'> | void | 'cutReply';
	/** While true, new connections are closed at once, as by a server that is down. */
	refuse: boolean;
	close(): Promise<void>;
}

export async function startImapProxy(upstreamPort: number): Promise<ImapProxy> {
	const sockets = new Set<Socket>();
	const proxy: ImapProxy = { port: 0, connections: 0, refuse: false, close: async () => undefined };
	const server: Server = createServer((client) => {
		proxy.connections++;
		sockets.add(client);
		client.on('close', () => sockets.delete(client));
		client.on('error', () => undefined);
		if (proxy.refuse) {
			client.destroy();
			return;
		}
		const upstream = connect(upstreamPort, '127.0.0.1');
		sockets.add(upstream);
		upstream.on('close', () => {
			sockets.delete(upstream);
			client.destroy();
		});
		upstream.on('error', () => client.destroy());
		client.on('close', () => upstream.destroy());
		let cutNextReply = false;
		upstream.on('data', (chunk: Buffer) => {
			if (!cutNextReply) {
				client.write(chunk);
				return;
			}
			// Half a reply, then nothing: the node sees the connection die in the middle of a fetch.
			client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), () => {
				client.destroy();
				upstream.destroy();
			});
		});
		let queue = Promise.resolve();
		client.on('data', (chunk: Buffer) => {
			queue = queue.then(async () => {
				const action = await proxy.onCommand?.(chunk.toString('latin1'));
				if (action === 'cutReply') cutNextReply = true;
				if (!upstream.destroyed) upstream.write(chunk);
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.port = (server.address() as { port: number }).port;
	proxy.close = async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return proxy;
}
