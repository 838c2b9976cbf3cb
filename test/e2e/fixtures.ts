import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

const root = resolve(import.meta.dirname, "..", "..");
const HOST_SCRIPT = join(root, "dist", "host", "main.mjs");
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\//;

/** The real host as a child process, on a fresh data folder per test. */
export interface HostHandle {
	/** http://127.0.0.1:PORT/ — changes after a restart, since the host picks a free port. */
	readonly origin: string;
	readonly token: string;
	readonly dataDir: string;
	/** The facilitator page, as the desktop shell would open it. */
	pageUrl(path?: string, params?: Record<string, string>): string;
	socketUrl(role?: "projector"): string;
	/** Kills the host (SIGKILL: acknowledged work must already be on disk) and starts it on the same data and port. */
	restart(): Promise<void>;
	/** Kills the host and leaves it down, as a crash or a closed laptop lid would. */
	kill(): Promise<void>;
	/** Starts a killed host again on the same data and port, so open pages can reconnect. */
	start(): Promise<void>;
}

interface Running {
	child: ChildProcess;
	origin: string;
	output: () => string;
}

function startHost(dataDir: string, token: string, port = 0): Promise<Running> {
	const child = spawn(
		process.execPath,
		[HOST_SCRIPT, "--data", dataDir, "--port", String(port), "--token", token],
		{
			cwd: root,
			stdio: ["ignore", "pipe", "pipe"],
			// Tests only ever talk to loopback: a room opened "on the network" is offered on 127.0.0.2.
			env: { ...process.env, EILAND_LAN_ADDRESS: "127.0.0.2" },
		},
	);
	let output = "";
	return new Promise((done, fail) => {
		const timer = setTimeout(
			() => fail(new Error(`The host did not start within 15 s:\n${output}`)),
			15_000,
		);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = URL_PATTERN.exec(output);
			if (!match) return;
			clearTimeout(timer);
			done({ child, origin: match[0], output: () => output });
		};
		child.stdout?.on("data", onData);
		child.stderr?.on("data", (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.once("exit", (code) => {
			clearTimeout(timer);
			fail(
				new Error(
					`The host exited with ${code} before it was ready:\n${output}`,
				),
			);
		});
	});
}

async function stopHost(running: Running): Promise<void> {
	if (running.child.exitCode !== null || running.child.signalCode !== null)
		return;
	const exited = new Promise((done) => running.child.once("exit", done));
	running.child.kill("SIGKILL");
	await exited;
}

async function withHost(
	use: (handle: HostHandle) => Promise<void>,
): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), "eiland-e2e-"));
	const token = randomBytes(16).toString("hex");
	let running = await startHost(dataDir, token);
	const handle: HostHandle = {
		get origin() {
			return running.origin;
		},
		token,
		dataDir,
		pageUrl(path = "", params = {}) {
			const query = new URLSearchParams({ token, ...params });
			return `${running.origin}${path}?${query.toString()}`;
		},
		socketUrl(role) {
			const query = new URLSearchParams({ token, ...(role ? { role } : {}) });
			return `${running.origin.replace("http", "ws")}ws?${query.toString()}`;
		},
		async restart() {
			await handle.kill();
			await handle.start();
		},
		async kill() {
			await stopHost(running);
		},
		async start() {
			running = await startHost(
				dataDir,
				token,
				Number(new URL(running.origin).port),
			);
		},
	};
	await use(handle);
	await stopHost(running);
	rmSync(dataDir, { recursive: true, force: true });
}

export const test = base.extend<{ host: HostHandle; otherLaptop: HostHandle }>({
	// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
	host: async ({}, use) => withHost(use),
	/** A second host on its own data folder: another facilitator's laptop (started only when a test asks). */
	// biome-ignore lint/correctness/noEmptyPattern: as above.
	otherLaptop: async ({}, use) => withHost(use),
});

export { expect };

/** Where a world point (the 1600 × 1000 model) is on the page, from the board's published camera. */
export async function worldToPage(
	page: Page,
	point: { x: number; y: number },
): Promise<{ x: number; y: number }> {
	const board = page.getByTestId("board");
	const box = await board.boundingBox();
	if (!box) throw new Error("The board is not on screen");
	const [scale, offsetX, offsetY] = await Promise.all(
		["data-scale", "data-offset-x", "data-offset-y"].map(async (name) =>
			Number(await board.getAttribute(name)),
		),
	);
	return {
		x: box.x + (offsetX as number) + point.x * (scale as number),
		y: box.y + (offsetY as number) + point.y * (scale as number),
	};
}
