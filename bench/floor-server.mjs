// The floor of this stack: bare node:http plus one postgres.js INSERT of the same row a capture
// stores. Usage: node bench/floor-server.mjs <port> <database url> <bin id>
import { createServer } from "node:http";
import postgres from "postgres";

const [port, url, binId] = process.argv.slice(2);
const sql = postgres(url, { max: 10, onnotice: () => {} });

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    const [row] = await sql`
      insert into captured_requests (bin_id, method, path, query, headers, body, content_type, body_size, remote_addr, response_status)
      values (${binId}, ${req.method}, ${req.url}, '', ${sql.json(headers)}, ${body}, ${req.headers["content-type"] ?? null},
        ${body.length}, ${req.socket.remoteAddress}, 200)
      returning id, received_at`;
    const reply = JSON.stringify({ ok: true, id: String(row.id) });
    res.writeHead(200, { "content-type": "application/json", "x-hookscope-request-id": String(row.id) });
    res.end(reply);
  });
}).listen(Number(port), "127.0.0.1");
