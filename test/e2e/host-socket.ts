import type { SessionState, WorkspaceState } from '../../shared/domain';
import type { HostMessage } from '../../shared/protocol';

type Waiter = { match(message: HostMessage): boolean; done(message: HostMessage): void };

/**
 * A second client of the real host, speaking the protocol directly (Node's own WebSocket): the test
 * uses it to prepare data and to check what the host holds, independently of the page under test.
 */
export class HostSocket {
  private readonly waiters = new Set<Waiter>();
  private counter = 0;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as HostMessage;
      for (const waiter of this.waiters) {
        if (!waiter.match(message)) continue;
        this.waiters.delete(waiter);
        waiter.done(message);
      }
    });
  }

  static async open(url: string): Promise<HostSocket> {
    const socket = new WebSocket(url);
    const client = new HostSocket(socket);
    const welcome = client.next((message) => message.t === 'welcome');
    await new Promise<void>((done, fail) => {
      socket.addEventListener('open', () => done(), { once: true });
      socket.addEventListener('error', () => fail(new Error(`Could not connect to ${url}`)), { once: true });
    });
    await welcome;
    return client;
  }

  /** A phone joining the room with its code (POST /api/join), then connected with its own token. */
  static async joinRoom(origin: string, code: string, name: string): Promise<HostSocket> {
    const response = await fetch(`${origin}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
    if (!response.ok) throw new Error(`join refused: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    return HostSocket.open(`${origin.replace('http', 'ws')}ws?participant=${token}`);
  }

  /** Sends a command and returns the host's answer (ack or error). */
  async command(stream: string, command: { type: string; [field: string]: unknown }): Promise<HostMessage> {
    const id = `test-${Date.now()}-${this.counter++}`;
    const answer = this.next((message) => (message.t === 'ack' || message.t === 'error') && message.id === id);
    this.socket.send(JSON.stringify({ t: 'command', id, stream, command }));
    const reply = await answer;
    if (reply.t === 'error') throw new Error(`${command.type} refused: ${reply.code} ${reply.message}`);
    return reply;
  }

  /**
   * Opens the session's room and returns its join code: on this computer only, or also on the
   * given address (the tests' stand-in network is 127.0.0.2), which puts the code on the projector.
   */
  async openRoom(sessionId: string, interfaceAddress?: string): Promise<string> {
    const reply = this.next((message) => message.t === 'room' && typeof (message as { joinCode?: unknown }).joinCode === 'string');
    this.socket.send(JSON.stringify({ t: 'room', action: 'open', sessionId, interfaceAddress }));
    return String(((await reply) as { joinCode?: string }).joinCode);
  }

  async session(id: string): Promise<SessionState> {
    return (await this.snapshot(id)) as SessionState;
  }

  async workspace(): Promise<WorkspaceState> {
    return (await this.snapshot('workspace')) as WorkspaceState;
  }

  close(): void {
    this.socket.close();
  }

  private async snapshot(stream: string): Promise<unknown> {
    const reply = this.next((message) => message.t === 'snapshot' && message.stream === stream);
    this.socket.send(JSON.stringify({ t: 'subscribe', stream }));
    const snapshot = await reply;
    this.socket.send(JSON.stringify({ t: 'unsubscribe', stream }));
    return snapshot.t === 'snapshot' ? snapshot.state : null;
  }

  private next(match: (message: HostMessage) => boolean, timeoutMs = 10_000): Promise<HostMessage> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        fail(new Error('The host did not answer in time'));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        done: (message) => {
          clearTimeout(timer);
          done(message);
        },
      };
      this.waiters.add(waiter);
    });
  }
}
