/**
 * A free TCP port on 127.0.0.1 for a test's own server (Jupyter, a stand-in JupyterLab): the kernel
 * picks one for a listener that is closed again at once.
 */
import { createServer } from "node:net";

/** Resolves to a port on 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}
