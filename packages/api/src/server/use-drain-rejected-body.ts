// A request refused for its body size (yoga's maxRequestBodySize: 413) is destroyed where its
// body ran past the limit. Node's HTTP parser then stops reading the socket, and on a keep-alive
// connection the rest of a chunked body sits unread: the client's next request on that socket
// would wait until the server's timeout resets it. So the 413 says `Connection: close` and the
// socket is closed once it is sent; until then the rest of the body is read and dropped, so the
// client can read the 413 before the connection goes.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "graphql-yoga";

/** What yoga's Node adapter passes as the server context. */
interface NodeContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

export function useDrainRejectedBody(): Plugin {
  return {
    onResponse({ response, serverContext }) {
      const { req, res } = (serverContext ?? {}) as NodeContext;
      const socket = res?.socket;
      if (response.status !== 413 || !req || !res || !socket || req.complete) return;
      response.headers.set("connection", "close");
      res.shouldKeepAlive = false;
      res.once("finish", () => socket.end());
      // The parser pauses the socket whenever pushing a body chunk into the request returns false,
      // which a destroyed request always does: accept (and drop) every chunk instead.
      req.push = () => true;
      socket.resume();
    },
  };
}
