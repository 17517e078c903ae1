// Request body size limit: 413 before parsing. A declared Content-Length over the limit is refused
// at once; a body without one (chunked) is read up to the limit and refused when it runs past.
import type { Plugin } from "graphql-yoga";

function tooLarge(fetchAPI: { Response: typeof Response }, max: number): Response {
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message: `Request body is larger than ${max} bytes` }] }),
    { status: 413, headers: { "content-type": "application/json" } },
  );
}

async function readAtMost(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, endResponse }) {
      if (request.method !== "POST") return;
      const declared = request.headers.get("content-length");
      if (declared !== null) {
        if (Number(declared) > maxBytes) endResponse(tooLarge(fetchAPI, maxBytes));
        return;
      }
      if (!requestParser) return;
      setRequestParser(async (req) => {
        const body = await readAtMost(req, maxBytes);
        if (body === null) return tooLarge(fetchAPI, maxBytes);
        return requestParser(
          new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body }),
        );
      });
    },
  };
}
