import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

/**
 * A real SMTP server in the test process (smtp-server), on 127.0.0.1; every message received
 * is parsed with mailparser. `stop()` then `start()` reopens it on the same port: an outage.
 */
export class TestSmtpServer {
  readonly messages: ReceivedMail[] = [];
  /** Messages received, parsed or not. */
  received = 0;
  port = 0;
  private server: SMTPServer | null = null;

  /** `parse: false` (benchmarks) only counts messages: mailparser costs milliseconds each. */
  constructor(private readonly options: { parse?: boolean } = {}) {}

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      disableReverseLookup: true,
      // An outage is abrupt: open connections are dropped at once, not after 30 s.
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        if (this.options.parse === false) {
          stream.on("end", () => {
            this.received += 1;
            callback();
          });
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(Object.assign(mail, { envelopeTo }));
            this.received += 1;
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    server.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.listen(this.port, "127.0.0.1", () => resolve());
      server.server.once("error", reject);
    });
    const address = server.server.address();
    if (typeof address === "object" && address) this.port = address.port;
    this.server = server;
    return this;
  }

  /** Closes the port and every open connection (the app's pooled ones too). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.envelopeTo.includes(address));
  }
}

/** A header's raw value as received (mailparser folds List-* headers into one object). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

/** The https/http address in a List-Unsubscribe header. */
export function unsubscribeLink(mail: ParsedMail): string {
  const value = rawHeader(mail, "List-Unsubscribe") ?? "";
  return /<(https?:[^>]+)>/.exec(value)?.[1] ?? "";
}
